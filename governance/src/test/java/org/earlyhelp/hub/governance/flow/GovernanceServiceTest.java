package org.earlyhelp.hub.governance.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earlyhelp.hub.governance.TestRecords.adult;
import static org.earlyhelp.hub.governance.TestRecords.agreement;
import static org.earlyhelp.hub.governance.TestRecords.child;
import static org.earlyhelp.hub.governance.TestRecords.incident;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.governance.agreement.AgreementStatus;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Minimiser;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Role;
import org.junit.jupiter.api.Test;

class GovernanceServiceTest {

    static final Agreement SHIPPED =
            AgreementLoader.load(Path.of("..", "agreements", "police-to-schools-domestic-abuse.yaml"));
    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    static final Pseudonymiser PSEUDONYMISER =
            new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    final Person amy = child("c1", "Amy", "Lowe", LocalDate.of(2016, 3, 10), "100001");
    final Person ben = child("c2", "Benedict", "Lowe", LocalDate.of(2019, 11, 2), "100002");
    final Person perpetrator = adult("p1", Role.PERPETRATOR, "Derek", "Stone", LocalDate.of(1988, 1, 20));

    private static GovernanceService serviceWith(Agreement... agreements) {
        return new GovernanceService(
                new PolicyDecisionPoint(List.of(agreements)),
                new Minimiser(PSEUDONYMISER),
                new SubjectKey(PSEUDONYMISER),
                new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE),
                java.util.Map.of("schools", SCHOOL_OF_CHILD));
    }

    /** As a schools connector addresses: the school of each child, held for review when none is known. */
    static final RecipientAddressing SCHOOL_OF_CHILD = (record, subject) -> subject.getSchoolUrn() == null
            ? RecipientAddressing.Addressed.review("no school is known for this child: refer to the education service")
            : RecipientAddressing.Addressed.to(new Recipient("schools", subject.getSchoolUrn()));

    @Test
    void twoChildrenAtTwoSchoolsGetTwoPermitsEachAboutItsOwnChild() {
        // Given
        HubRecord record = incident("rec-1", List.of("c1", "c2"), amy, ben, perpetrator);

        // When
        DisclosurePlan plan = serviceWith(SHIPPED).plan(record, TODAY);

        // Then
        assertThat(plan.recordId()).isEqualTo("rec-1");
        assertThat(plan.drafts())
                .extracting(LedgerDraft::decision, LedgerDraft::recipient)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Outcome.PERMIT, "schools:100001"),
                        org.assertj.core.groups.Tuple.tuple(Outcome.PERMIT, "schools:100002"));
        assertThat(plan.releases()).hasSize(2);
        DisclosurePlan.Release toAmysSchool = releaseTo(plan, "schools:100001");
        DisclosurePlan.Release toBensSchool = releaseTo(plan, "schools:100002");
        assertThat(toAmysSchool.fields())
                .containsEntry("child.name", "Amy Lowe")
                .containsEntry("child.date-of-birth", "2016-03-10");
        assertThat(toBensSchool.fields())
                .containsEntry("child.name", "Benedict Lowe")
                .containsEntry("child.date-of-birth", "2019-11-02");
        assertThat(String.join("|", toAmysSchool.fields().values())).doesNotContain("Benedict", "2019-11-02");
        assertThat(String.join("|", toBensSchool.fields().values())).doesNotContain("Amy", "2016-03-10");
        assertThat(toAmysSchool.agreementVersion()).isEqualTo(1);
        assertThat(toAmysSchool.purpose()).isEqualTo("safeguarding/domestic-abuse-notification");
        assertThat(toAmysSchool.deadline()).isEqualTo("before-next-school-day");
        assertThat(toAmysSchool.draft().fieldsReleased())
                .containsExactlyInAnyOrderElementsOf(toAmysSchool.fields().keySet());
    }

    private static DisclosurePlan.Release releaseTo(DisclosurePlan plan, String recipient) {
        return plan.releases().stream()
                .filter(r -> r.draft().recipient().equals(recipient))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAgreementServedOnRequestIsNeverPushed() {
        // Given the family-view agreement for the same records, which has no `deliver`
        Agreement onRequest =
                AgreementLoader.load(Path.of("..", "agreements", "police-to-casesystem-family-view.yaml"));
        HubRecord record = incident("rec-1", List.of("c1", "c2"), amy, ben, perpetrator);

        // When
        DisclosurePlan withBoth = serviceWith(SHIPPED, onRequest).plan(record, TODAY);
        DisclosurePlan withOnlyOnRequest = serviceWith(onRequest).plan(record, TODAY);

        // Then only the notification agreement pushes; alone, the on-request one leaves a recorded DENY
        assertThat(withBoth.drafts()).extracting(LedgerDraft::recipient).allMatch(r -> r.startsWith("schools:"));
        assertThat(withOnlyOnRequest.releases()).isEmpty();
        assertThat(withOnlyOnRequest.drafts()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.decision()).isEqualTo(Outcome.DENY);
            assertThat(d.reasons()).singleElement().asString().contains("disclosed only on request");
        });
    }

    @Test
    void childWithNoKnownSchoolIsReferredForReviewAndNothingIsReleased() {
        // Given
        Person noSchool = child("c3", "Cody", "Lowe", LocalDate.of(2017, 4, 4), null);
        HubRecord record = incident("rec-2", List.of("c3"), noSchool, perpetrator);

        // When
        DisclosurePlan plan = serviceWith(SHIPPED).plan(record, TODAY);

        // Then
        assertThat(plan.drafts()).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(Outcome.REVIEW);
            assertThat(d.recipient()).isEqualTo("schools");
            assertThat(d.fieldsReleased()).isEmpty();
            assertThat(d.reasons()).anyMatch(r -> r.contains("no school is known"));
        });
        assertThat(plan.releases()).isEmpty();
    }

    @Test
    void whatTheProviderWithholdsAsMoreDetrimentalNeverLeavesAndTheLedgerSaysWhy() {
        // Given one record with a field withheld, one withheld whole, one naming a field its type does not have
        HubRecord field = incident("rec-w1", List.of("c1"), amy, perpetrator);
        field.setWithheld(List.of(new org.earlyhelp.hub.schema.Withholding("incident.place", "risk-to-safe-address")));
        HubRecord whole = incident("rec-w2", List.of("c1"), amy, perpetrator);
        whole.setWithheld(List.of(new org.earlyhelp.hub.schema.Withholding(null, "prejudice-to-enquiry")));
        HubRecord misnamed = incident("rec-w3", List.of("c1"), amy, perpetrator);
        misnamed.setWithheld(
                List.of(new org.earlyhelp.hub.schema.Withholding("incident.plcae", "risk-of-harm-to-child")));
        GovernanceService service = serviceWith(SHIPPED);

        // When each is decided
        DisclosurePlan fieldPlan = service.plan(field, TODAY);
        DisclosurePlan wholePlan = service.plan(whole, TODAY);
        DisclosurePlan misnamedPlan = service.plan(misnamed, TODAY);

        // Then the field is not released, and the ledger names it and the reason
        assertThat(fieldPlan.releases()).singleElement().satisfies(r -> {
            assertThat(r.fields()).containsKey("incident.reference").doesNotContainKey("incident.place");
            assertThat(r.draft().fieldsReleased()).doesNotContain("incident.place");
            assertThat(r.draft().details())
                    .containsEntry("withheld", "incident.place")
                    .containsEntry("withheldReason", "risk-to-safe-address");
        });
        // and a record withheld whole, or naming a field its type does not have, is denied and nothing is released
        for (DisclosurePlan plan : List.of(wholePlan, misnamedPlan)) {
            assertThat(plan.releases()).isEmpty();
            assertThat(plan.drafts()).singleElement().satisfies(d -> {
                assertThat(d.decision()).isEqualTo(Outcome.DENY);
                assertThat(d.details()).containsEntry("withheld", "record");
                assertThat(d.reasons()).anyMatch(r -> r.startsWith("withheld whole by the provider"));
            });
        }
    }

    @Test
    void withoutAStatutoryDutyOnlyASchoolThatHasAdheredReceivesAndUnderTheDutyEveryOneDoes() throws Exception {
        // Given the same agreement without its statutory duty: the schools join it by adhering, and one has
        String text =
                java.nio.file.Files.readString(Path.of("..", "agreements", "police-to-schools-domestic-abuse.yaml"));
        String withoutDuty = java.util.Arrays.stream(text.split("\n"))
                .filter(l -> !l.strip().startsWith("statutory-duty:"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        assertThat(withoutDuty).isNotEqualTo(text);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("adherence");
        java.nio.file.Path file = dir.resolve("police-to-schools-domestic-abuse.yaml");
        java.nio.file.Files.writeString(file, withoutDuty);
        Agreement byAdherence = AgreementLoader.load(file);
        assertThat(byAdherence.needsAdherence("schools")).isTrue();
        assertThat(byAdherence.unapprovedParties())
                .as("the schools approve by adhering")
                .isEmpty();
        org.earlyhelp.hub.governance.agreement.AdherenceCheck onlyAmysSchool =
                (agreement, organisation) -> organisation.equals("schools:100001");
        GovernanceService service = new GovernanceService(
                new PolicyDecisionPoint(List.of(byAdherence)),
                new Minimiser(PSEUDONYMISER),
                new SubjectKey(PSEUDONYMISER),
                new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE),
                java.util.Map.of("schools", SCHOOL_OF_CHILD),
                onlyAmysSchool);
        HubRecord record = incident("rec-a", List.of("c1", "c2"), amy, ben, perpetrator);

        // When the incident about both children is decided
        DisclosurePlan plan = service.plan(record, TODAY);

        // Then Amy's school, which adhered, receives; Ben's, which has not, is refused with the reason
        assertThat(plan.releases()).extracting(r -> r.recipient().toString()).containsExactly("schools:100001");
        assertThat(plan.drafts())
                .filteredOn(d -> d.recipient().equals("schools:100002"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.decision()).isEqualTo(Outcome.DENY);
                    assertThat(d.reasons()).anyMatch(r -> r.contains("has not adhered"));
                });
        // and under the statutory duty (the shipped agreement) both schools receive, adhered or not
        assertThat(SHIPPED.needsAdherence("schools")).isFalse();
        assertThat(serviceWith(SHIPPED).plan(record, TODAY).releases()).hasSize(2);
        java.nio.file.Files.delete(file);
        java.nio.file.Files.delete(dir);
    }

    @Test
    void decisionKeysAreStableForOneRecordAndDifferForAnother() {
        // Given
        GovernanceService service = serviceWith(SHIPPED);
        HubRecord record = incident("rec-1", List.of("c1", "c2"), amy, ben, perpetrator);
        HubRecord other = incident("rec-9", List.of("c1", "c2"), amy, ben, perpetrator);

        // When
        List<String> first = keys(service.plan(record, TODAY));
        List<String> second = keys(service.plan(record, TODAY));
        List<String> forOther = keys(service.plan(other, TODAY));

        // Then
        assertThat(first).hasSize(2).doesNotHaveDuplicates().isEqualTo(second);
        assertThat(forOther).hasSize(2).doesNotContainAnyElementsOf(first);
    }

    private static List<String> keys(DisclosurePlan plan) {
        return plan.drafts().stream().map(LedgerDraft::decisionKey).toList();
    }

    @Test
    void suspendedAgreementGivesOneDenyPerChildAndNoRelease() {
        // Given
        Agreement suspended = agreement(
                SHIPPED.id(),
                AgreementStatus.SUSPENDED,
                SHIPPED.valid().from(),
                SHIPPED.valid().until(),
                SHIPPED.consent(),
                SHIPPED.fields());
        HubRecord record = incident("rec-1", List.of("c1", "c2"), amy, ben, perpetrator);

        // When
        DisclosurePlan plan = serviceWith(suspended).plan(record, TODAY);

        // Then
        assertThat(plan.drafts()).hasSize(2).allSatisfy(d -> {
            assertThat(d.decision()).isEqualTo(Outcome.DENY);
            assertThat(d.fieldsReleased()).isEmpty();
            assertThat(d.agreementId()).isEqualTo(SHIPPED.id());
            assertThat(d.reasons()).anyMatch(r -> r.contains("suspended"));
        });
        assertThat(plan.drafts()).extracting(LedgerDraft::decisionKey).doesNotHaveDuplicates();
        assertThat(plan.releases()).isEmpty();
    }

    @Test
    void draftsCarryNoPersonalDataBesidesFieldNames() {
        // Given
        HubRecord record = incident("rec-1", List.of("c1", "c2"), amy, ben, perpetrator);

        // When
        DisclosurePlan plan = serviceWith(SHIPPED).plan(record, TODAY);

        // Then
        assertThat(plan.drafts()).allSatisfy(d -> {
            assertThat(d.subjectKey()).matches("[0-9a-f]{64}");
            String everything = d.toString();
            assertThat(everything)
                    .doesNotContain("Amy", "Benedict", "Lowe", "Derek", "Stone", "2016-03-10", "2019-11-02")
                    .doesNotContain("Ash Grove", "S41", "DA/2026/0001");
        });
        assertThat(plan.drafts()).extracting(LedgerDraft::subjectKey).doesNotHaveDuplicates();
    }
}
