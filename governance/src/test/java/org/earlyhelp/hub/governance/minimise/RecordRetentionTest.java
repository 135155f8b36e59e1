package org.earlyhelp.hub.governance.minimise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.junit.jupiter.api.Test;

class RecordRetentionTest {

    final List<Agreement> shipped = AgreementLoader.loadDirectory(Path.of("..", "agreements"));
    final RecordRetention retention = new RecordRetention(() -> shipped);

    @Test
    void aRecordIsKeptForTheLongestRetentionOfTheAgreementsThatCouldReleaseIt() {
        assertThat(retention.retentionFor("police", "domestic-abuse-incident", LocalDate.of(2026, 3, 1)))
                .contains(Period.ofYears(1));
    }

    @Test
    void aRecipientsOwnRecordIsKeptWhileItMayAskAboutThePeopleInIt() {
        // without the scorecard's analytics agreements no agreement releases the case system's records, but it is a
        // recipient of three (its family view)
        List<Agreement> recipientOnly =
                shipped.stream().filter(a -> !a.provider().equals("casesystem")).toList();
        assertThat(new RecordRetention(() -> recipientOnly)
                        .retentionFor("casesystem", "case-involvement", LocalDate.of(2026, 3, 1)))
                .contains(Period.ofYears(1));
        // the scorecard's analytics agreement keeps its case dates for two years: the longest wins
        assertThat(retention.retentionFor("casesystem", "case-involvement", LocalDate.of(2026, 3, 1)))
                .contains(Period.ofYears(2));
    }

    @Test
    void aRecordNoAgreementCouldReleaseOrLetsItsProviderAskAboutHasNoRetention() {
        assertThat(retention.retentionFor("police", "health-involvement", LocalDate.of(2026, 3, 1)))
                .isEmpty();
        assertThat(retention.retentionFor("housing", "case-involvement", LocalDate.of(2026, 3, 1)))
                .isEmpty();
    }

    @Test
    void anAgreementPastItsValidityKeepsNothing() {
        assertThat(retention.retentionFor("police", "domestic-abuse-incident", LocalDate.of(2027, 9, 1)))
                .isEmpty();
    }
}
