package org.earlyhelp.hub.governance.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earlyhelp.hub.governance.TestRecords.agreement;
import static org.earlyhelp.hub.governance.TestRecords.approved;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementStatus;
import org.earlyhelp.hub.governance.agreement.ConsentRule;
import org.earlyhelp.hub.governance.agreement.FieldRule;
import org.earlyhelp.hub.governance.decision.PolicyDecisionPoint.ConsentCheck;
import org.earlyhelp.hub.governance.relationship.Corroboration;
import org.earlyhelp.hub.governance.vocabulary.LegalGateway;
import org.junit.jupiter.api.Test;

class PolicyDecisionPointTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate FROM = LocalDate.of(2025, 9, 1);
    static final LocalDate UNTIL = LocalDate.of(2027, 8, 31);
    static final RecordDescriptor INCIDENT = new RecordDescriptor("EVENT", "domestic-abuse-incident", "police");
    static final Map<String, FieldRule> FIELDS = Map.of("child.name", FieldRule.ALLOW);

    private static Agreement with(AgreementStatus status, LocalDate from, LocalDate until, ConsentRule consent) {
        return agreement("oe", status, from, until, consent, FIELDS);
    }

    private static List<Decision> decide(Agreement agreement, RecordDescriptor record, ConsentCheck consent) {
        return new PolicyDecisionPoint(List.of(agreement)).decide(record, TODAY, consent);
    }

    @Test
    void approvedInDateCoveringAgreementPermits() {
        // Given
        Agreement a = with(AgreementStatus.APPROVED, FROM, UNTIL, ConsentRule.NOT_REQUIRED);

        // When
        List<Decision> decisions = decide(a, INCIDENT, ConsentCheck.NONE_RECORDED);

        // Then
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.PERMIT);
            assertThat(d.permitted()).isTrue();
            assertThat(d.recipient()).isEqualTo("schools");
            assertThat(d.agreement()).contains(a);
            assertThat(d.reasons()).singleElement().asString().contains("oe v1", "permits");
        });
    }

    @Test
    void suspendedAgreementDeniesNamingItsStatus() {
        // Given
        Agreement a = with(AgreementStatus.SUSPENDED, FROM, UNTIL, ConsentRule.NOT_REQUIRED);

        // When
        List<Decision> decisions = decide(a, INCIDENT, ConsentCheck.NONE_RECORDED);

        // Then
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.DENY);
            assertThat(d.agreement()).contains(a);
            assertThat(d.reasons()).singleElement().asString().contains("suspended");
        });
    }

    @Test
    void draftAgreementDenies() {
        // Given
        Agreement a = with(AgreementStatus.DRAFT, FROM, UNTIL, ConsentRule.NOT_REQUIRED);

        // When
        List<Decision> decisions = decide(a, INCIDENT, ConsentCheck.NONE_RECORDED);

        // Then
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.DENY);
            assertThat(d.reasons()).singleElement().asString().contains("draft");
        });
    }

    @Test
    void agreementPastItsEndDateDeniesAsExpired() {
        // Given
        Agreement a = with(AgreementStatus.APPROVED, FROM, TODAY.minusDays(1), ConsentRule.NOT_REQUIRED);

        // When
        List<Decision> decisions = decide(a, INCIDENT, ConsentCheck.NONE_RECORDED);

        // Then
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.DENY);
            assertThat(d.reasons())
                    .singleElement()
                    .asString()
                    .contains("expired", TODAY.minusDays(1).toString());
        });
    }

    @Test
    void agreementIsStillInForceOnItsLastAndFirstDay() {
        // Given
        Agreement endsToday = with(AgreementStatus.APPROVED, FROM, TODAY, ConsentRule.NOT_REQUIRED);
        Agreement startsToday = with(AgreementStatus.APPROVED, TODAY, UNTIL, ConsentRule.NOT_REQUIRED);

        // When
        List<Decision> lastDay = decide(endsToday, INCIDENT, ConsentCheck.NONE_RECORDED);
        List<Decision> firstDay = decide(startsToday, INCIDENT, ConsentCheck.NONE_RECORDED);

        // Then
        assertThat(lastDay).singleElement().extracting(Decision::outcome).isEqualTo(Outcome.PERMIT);
        assertThat(firstDay).singleElement().extracting(Decision::outcome).isEqualTo(Outcome.PERMIT);
    }

    @Test
    void agreementNotYetInForceDenies() {
        // Given
        Agreement a = with(AgreementStatus.APPROVED, TODAY.plusDays(1), UNTIL, ConsentRule.NOT_REQUIRED);

        // When
        List<Decision> decisions = decide(a, INCIDENT, ConsentCheck.NONE_RECORDED);

        // Then
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.DENY);
            assertThat(d.reasons()).singleElement().asString().contains("not in force until");
        });
    }

    @Test
    void recordNoAgreementCoversGetsASingleDenyToNone() {
        // Given
        Agreement a = with(AgreementStatus.APPROVED, FROM, UNTIL, ConsentRule.NOT_REQUIRED);
        List<RecordDescriptor> uncovered = List.of(
                new RecordDescriptor("EVENT", "domestic-abuse-incident", "health"),
                new RecordDescriptor("EVENT", "missing-episode", "police"),
                new RecordDescriptor("STATE", "domestic-abuse-incident", "police"));

        for (RecordDescriptor record : uncovered) {
            // When
            List<Decision> decisions = decide(a, record, ConsentCheck.NONE_RECORDED);

            // Then
            assertThat(decisions).singleElement().satisfies(d -> {
                assertThat(d.outcome()).isEqualTo(Outcome.DENY);
                assertThat(d.recipient()).isEqualTo("none");
                assertThat(d.agreement()).isEmpty();
                assertThat(d.reasons())
                        .singleElement()
                        .asString()
                        .startsWith("no agreement covers ")
                        .contains(record.kind(), record.type(), record.provider());
            });
        }
    }

    @Test
    void consentRequiredWithNoneRecordedGoesToReview() {
        // Given
        Agreement a = with(AgreementStatus.APPROVED, FROM, UNTIL, ConsentRule.REQUIRED);

        // When
        List<Decision> none = decide(a, INCIDENT, ConsentCheck.NONE_RECORDED);
        List<Decision> recorded = decide(a, INCIDENT, agreement -> true);

        // Then
        assertThat(none).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.REVIEW);
            assertThat(d.reasons()).singleElement().asString().contains("consent");
        });
        assertThat(recorded).singleElement().extracting(Decision::outcome).isEqualTo(Outcome.PERMIT);
    }

    @Test
    void reloadableSupplierSeesTheBoardsChanges() {
        // Given
        AtomicReference<List<Agreement>> board =
                new AtomicReference<>(List.of(with(AgreementStatus.APPROVED, FROM, UNTIL, ConsentRule.NOT_REQUIRED)));
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(board::get);
        Outcome before =
                pdp.decide(INCIDENT, TODAY, ConsentCheck.NONE_RECORDED).get(0).outcome();

        // When
        board.set(List.of(with(AgreementStatus.SUSPENDED, FROM, UNTIL, ConsentRule.NOT_REQUIRED)));
        Outcome after =
                pdp.decide(INCIDENT, TODAY, ConsentCheck.NONE_RECORDED).get(0).outcome();
        board.set(List.of());
        List<Decision> empty = pdp.decide(INCIDENT, TODAY, ConsentCheck.NONE_RECORDED);

        // Then
        assertThat(before).isEqualTo(Outcome.PERMIT);
        assertThat(after).isEqualTo(Outcome.DENY);
        assertThat(empty).singleElement().extracting(Decision::recipient).isEqualTo("none");
        assertThat(pdp.agreements()).isEmpty();
    }

    @Test
    void fixedListIsNotChangedByItsCaller() {
        // Given
        List<Agreement> agreements = new java.util.ArrayList<>(List.of(approved("oe")));
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(agreements);

        // When
        agreements.clear();

        // Then
        assertThat(pdp.decide(INCIDENT, TODAY, ConsentCheck.NONE_RECORDED))
                .singleElement()
                .extracting(Decision::outcome)
                .isEqualTo(Outcome.PERMIT);
    }

    static final String FAMILY_VIEW = "early-help/family-view";
    static final PolicyDecisionPoint.PullBasis ON_ROLL =
            new PolicyDecisionPoint.PullBasis("pupil-on-roll", Corroboration.CORROBORATED);

    /** The test agreement, licensed for pulls by schools for the family view through a pupil on roll. */
    private static Agreement pullable(String id, boolean corroborationRequired) {
        Agreement a = approved(id);
        return new Agreement(
                a.id(),
                a.title(),
                a.version(),
                a.status(),
                a.provider(),
                a.recipients(),
                a.purpose(),
                a.lawfulBasis(),
                a.consent(),
                a.appliesTo(),
                a.fields(),
                null,
                a.retention(),
                a.valid(),
                new Agreement.Pull(List.of(FAMILY_VIEW), List.of("pupil-on-roll"), corroborationRequired),
                a.consentCollector(),
                null,
                null,
                null,
                null);
    }

    @Test
    void aPushOnlyAgreementNeverAnswersAPullWhateverPurposeIsNamed() {
        // Given Operation Encompass as shipped: deliver, no pull
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(List.of(approved("oe")));

        // When a school asks for its own purpose
        Decision d = pdp.decidePull(
                INCIDENT,
                "schools",
                "safeguarding/domestic-abuse-notification",
                ON_ROLL,
                TODAY,
                ConsentCheck.NONE_RECORDED);

        // Then nothing answers, and the purpose is not licensed for pulls at all
        assertThat(d.outcome()).isEqualTo(Outcome.DENY);
        assertThat(d.reasons()).singleElement().asString().startsWith("no agreement answers a pull");
        assertThat(pdp.pullPurposeLicensed("schools", "safeguarding/domestic-abuse-notification", TODAY))
                .isFalse();
    }

    @Test
    void aPullIsPermittedOnlyForAListedPurposeRecipientAndRelationshipKind() {
        // Given
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(List.of(pullable("fv", true)));

        // When
        Decision permitted =
                pdp.decidePull(INCIDENT, "schools", FAMILY_VIEW, ON_ROLL, TODAY, ConsentCheck.NONE_RECORDED);
        Decision otherPurpose =
                pdp.decidePull(INCIDENT, "schools", "marketing", ON_ROLL, TODAY, ConsentCheck.NONE_RECORDED);
        Decision otherRecipient =
                pdp.decidePull(INCIDENT, "health", FAMILY_VIEW, ON_ROLL, TODAY, ConsentCheck.NONE_RECORDED);
        Decision otherKind = pdp.decidePull(
                INCIDENT,
                "schools",
                FAMILY_VIEW,
                new PolicyDecisionPoint.PullBasis("open-involvement", Corroboration.NOT_APPLICABLE),
                TODAY,
                ConsentCheck.NONE_RECORDED);

        // Then
        assertThat(permitted.outcome()).isEqualTo(Outcome.PERMIT);
        assertThat(otherPurpose.outcome()).isEqualTo(Outcome.DENY);
        assertThat(otherRecipient.outcome()).isEqualTo(Outcome.DENY);
        assertThat(otherRecipient.recipient()).isEqualTo("health");
        assertThat(otherKind.outcome()).isEqualTo(Outcome.DENY);
        assertThat(otherKind.reasons()).singleElement().asString().contains("does not accept a open-involvement");
        assertThat(pdp.pullRelationships("schools", FAMILY_VIEW, TODAY)).containsExactly("pupil-on-roll");
    }

    @Test
    void anUncorroboratedRelationshipIsDeniedWhereTheAgreementNeedsCorroborationAndCountsWhereItOnlyFlags() {
        // Given
        PolicyDecisionPoint.PullBasis uncorroborated =
                new PolicyDecisionPoint.PullBasis("pupil-on-roll", Corroboration.UNCORROBORATED);

        // When
        Decision strict = new PolicyDecisionPoint(List.of(pullable("fv", true)))
                .decidePull(INCIDENT, "schools", FAMILY_VIEW, uncorroborated, TODAY, ConsentCheck.NONE_RECORDED);
        Decision flagging = new PolicyDecisionPoint(List.of(pullable("fv", false)))
                .decidePull(INCIDENT, "schools", FAMILY_VIEW, uncorroborated, TODAY, ConsentCheck.NONE_RECORDED);

        // Then
        assertThat(strict.outcome()).isEqualTo(Outcome.DENY);
        assertThat(strict.reasons()).singleElement().asString().contains("corroborated");
        assertThat(flagging.outcome()).isEqualTo(Outcome.PERMIT);
    }

    private static Agreement queryable(String id, List<String> reasons, List<String> review) {
        Agreement a = approved(id);
        return new Agreement(
                a.id(),
                a.title(),
                a.version(),
                a.status(),
                a.provider(),
                a.recipients(),
                a.purpose(),
                a.lawfulBasis(),
                a.consent(),
                a.appliesTo(),
                Map.of(),
                null,
                a.retention(),
                a.valid(),
                null,
                a.consentCollector(),
                new Agreement.Query(reasons, review, new Agreement.Contact("Safeguarding Hub", null, null)),
                null,
                null,
                null);
    }

    private static org.earlyhelp.hub.governance.vocabulary.LegalGateway gateway(String code) {
        return org.earlyhelp.hub.governance.vocabulary.LegalGateways.shipped()
                .byCode(code)
                .orElseThrow();
    }

    @Test
    void aQueryIsPermittedOnlyUnderTheAgreementItCitesForARecipientAndAReasonItAccepts() {
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(List.of(
                queryable(
                        "q",
                        List.of("children-act-1989-s47", "children-act-1989-s17"),
                        List.of("children-act-1989-s17")),
                approved("oe")));
        LegalGateway s47 = gateway("children-act-1989-s47");

        assertThat(pdp.decideQuery("q", "schools", s47, TODAY).outcome()).isEqualTo(Outcome.PERMIT);
        assertThat(pdp.decideQuery("q", "schools", gateway("children-act-1989-s17"), TODAY)
                        .outcome())
                .as("a reason held for review")
                .isEqualTo(Outcome.REVIEW);
        assertThat(pdp.decideQuery("q", "police", s47, TODAY).outcome())
                .as("not a recipient")
                .isEqualTo(Outcome.DENY);
        assertThat(pdp.decideQuery("q", "schools", gateway("crime-and-disorder-act-1998-s115"), TODAY)
                        .outcome())
                .as("a reason the agreement does not accept")
                .isEqualTo(Outcome.DENY);
        assertThat(pdp.decideQuery("oe", "schools", s47, TODAY).outcome())
                .as("an agreement with no query block")
                .isEqualTo(Outcome.DENY);
        assertThat(pdp.decideQuery("nope", "schools", s47, TODAY).outcome()).isEqualTo(Outcome.DENY);
        assertThat(pdp.decideQuery("q", "schools", s47, UNTIL.plusDays(1)).outcome())
                .as("out of date")
                .isEqualTo(Outcome.DENY);
    }

    @Test
    void aGatewayAwaitingCommencementLicensesNoQueryEvenWhereListed() {
        LegalGateway duty = gateway("childrens-wellbeing-and-schools-act-2026-information-sharing");
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(List.of(queryable("q", List.of(duty.code()), List.of())));

        Decision d = pdp.decideQuery("q", "schools", duty, TODAY);

        assertThat(d.outcome()).isEqualTo(Outcome.DENY);
        assertThat(d.reasons()).anyMatch(r -> r.contains("awaiting commencement"));
    }
}
