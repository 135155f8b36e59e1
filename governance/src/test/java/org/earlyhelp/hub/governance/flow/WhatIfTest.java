package org.earlyhelp.hub.governance.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earlyhelp.hub.governance.TestRecords.child;
import static org.earlyhelp.hub.governance.TestRecords.incident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.schema.HubRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The what-if: the same recorded traffic planned under the agreements in force and under a proposal. */
class WhatIfTest {

    static final LocalDate TODAY = GovernanceServiceTest.TODAY;

    @TempDir
    Path dir;

    final List<HubRecord> traffic = List.of(
            incident("r1", List.of("c1"), child("c1", "Amy", "Lowe", LocalDate.of(2016, 3, 10), "100001")),
            incident(
                    "r2",
                    List.of("c1", "c2"),
                    child("c1", "Ben", "Hart", LocalDate.of(2015, 1, 2), "100002"),
                    child("c2", "Cara", "Hart", LocalDate.of(2017, 5, 6), "100003")),
            incident("r3", List.of(), child("c1", "Dan", "Moss", LocalDate.of(2014, 8, 9), null)));

    static GovernanceService planning(Agreement a) {
        return new GovernanceService(
                new PolicyDecisionPoint(List.of(a)),
                new Minimiser(GovernanceServiceTest.PSEUDONYMISER),
                new SubjectKey(GovernanceServiceTest.PSEUDONYMISER),
                new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE),
                Map.of("schools", GovernanceServiceTest.SCHOOL_OF_CHILD));
    }

    Agreement proposal(String yaml) throws IOException {
        Path file = dir.resolve("police-to-schools-domestic-abuse.yaml");
        Files.writeString(file, yaml);
        return AgreementLoader.load(file);
    }

    @Test
    void droppingAFieldShowsWhoWouldNoLongerReceiveIt() throws IOException {
        String shipped = Files.readString(Path.of("..", "agreements", "police-to-schools-domestic-abuse.yaml"));
        Agreement fewer = proposal(shipped.replace("  child.date-of-birth: allow\n", ""));

        WhatIf.Report report = WhatIf.compare(planning(GovernanceServiceTest.SHIPPED), planning(fewer), traffic, TODAY);

        assertThat(report.records()).isEqualTo(3);
        assertThat(report.changed()).singleElement().satisfies(row -> {
            assertThat(row.recordType()).isEqualTo("domestic-abuse-incident");
            assertThat(row.recipient()).isEqualTo("schools");
            assertThat(row.records()).isEqualTo(4); // four children; one has no school and stays a review
            assertThat(row.permittedBefore()).isEqualTo(3);
            assertThat(row.permittedAfter()).isEqualTo(3);
            assertThat(row.outcomeChanged()).isZero();
            assertThat(row.fieldsRemoved()).containsExactly(Map.entry("child.date-of-birth", 3));
            assertThat(row.fieldsAdded()).isEmpty();
        });
    }

    @Test
    void suspendingShowsEveryPermitLostAndTheSameProposalChangesNothing() throws IOException {
        String shipped = Files.readString(Path.of("..", "agreements", "police-to-schools-domestic-abuse.yaml"));
        WhatIf.Report suspended = WhatIf.compare(
                planning(GovernanceServiceTest.SHIPPED),
                planning(proposal(shipped.replace("status: approved", "status: suspended"))),
                traffic,
                TODAY);
        assertThat(suspended.changed()).singleElement().satisfies(row -> {
            assertThat(row.permittedAfter()).isZero();
            assertThat(row.outcomeChanged()).isEqualTo(4);
            assertThat(row.fieldsRemoved()).containsEntry("child.name", 3);
        });

        WhatIf.Report same =
                WhatIf.compare(planning(GovernanceServiceTest.SHIPPED), planning(proposal(shipped)), traffic, TODAY);
        assertThat(same.changed()).isEmpty();
        assertThat(same.rows()).hasSize(1);
    }
}
