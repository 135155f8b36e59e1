package org.earlyhelp.hub.connector.casesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.connector.casesystem.schema.CaseReferral;
import org.earlyhelp.hub.connector.casesystem.schema.ConsentBasis;
import org.earlyhelp.hub.connector.casesystem.schema.EarlyHelpAssessment;
import org.earlyhelp.hub.connector.casesystem.schema.ReferralDirection;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.PayloadTypes;
import org.junit.jupiter.api.Test;

/** Realistic case-system bodies mapped to canonical records, and what each kind of mistake is refused with. */
class CaseSystemMappingTest {

    static final PayloadTypes TYPES = PayloadTypes.of(new CaseSystemConnector()
            .recordTypes().stream().map(t -> t.payload()).toList());

    @Test
    void anOpenInvolvementMapsWithItsLeadPractitionerLevelOfNeedAndRelationships() {
        // Given the case system's open early-help case for a mother and two children
        CaseSystemInvolvementRequest in = Samples.involvement(Samples.text("involvement-open.json"));
        // When it is mapped
        HubRecord record = CaseSystemInvolvementMapper.toRecord(
                in.people().stream().map(PersonInput::toAvro).toList(), in.caseInvolvement(), "r-1", Instant.EPOCH);
        // Then it is an involvement of the registered type, status folded to lower case, practitioner trimmed
        assertThat(record.getKind()).isEqualTo(RecordKind.INVOLVEMENT);
        assertThat(record.getType()).isEqualTo("case-involvement");
        assertThat(record.getPeople()).extracting(p -> p.getRef()).containsExactly("c", "s", "m");
        assertThat(record.getPeople().get(0).getAddress().getPostcode()).isEqualTo("S41 7AB");
        CaseInvolvement c = TYPES.decode("case-involvement", record.getPayload(), CaseInvolvement.class);
        assertThat(c.getStatus()).isEqualTo("open");
        assertThat(c.getLeadPractitioner()).isEqualTo("Family Support Team North");
        assertThat(c.getLevelOfNeed()).isEqualTo(3);
        assertThat(c.getClosedOn()).isNull();
        assertThat(c.getRelationships())
                .extracting(r -> r.getFromRef() + ">" + r.getKind() + ">" + r.getToRef())
                .containsExactly("m>PARENT_OF>c", "m>PARENT_OF>s", "c>SIBLING_OF>s");
    }

    @Test
    void aClosedInvolvementKeepsItsClosingDateAndNeedsNoType() {
        CaseSystemInvolvementRequest in = Samples.involvement(Samples.text("involvement-closed.json"));
        HubRecord record = CaseSystemInvolvementMapper.toRecord(
                in.people().stream().map(PersonInput::toAvro).toList(), in.caseInvolvement(), "r-2", Instant.EPOCH);
        CaseInvolvement c = TYPES.decode("case-involvement", record.getPayload(), CaseInvolvement.class);
        assertThat(c.getStatus()).isEqualTo("closed");
        assertThat(c.getClosedOn()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(CaseSystemInvolvementMapper.asOf(in.caseInvolvement(), Samples.TODAY))
                .isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void involvementMistakesAreNamedByFieldAndReason() {
        String body = Samples.text("involvement-open.json")
                .replace("\"levelOfNeed\": 3", "\"levelOfNeed\": 5, \"closedOn\": \"2026-10-02\"")
                .replace("\"status\": \"Open\"", "\"status\": \"Open\"")
                .replace("\"toRef\": \"s\", \"kind\": \"SIBLING_OF\"", "\"toRef\": \"x\", \"kind\": \"SIBLING_OF\"");
        assertThatThrownBy(() -> Samples.involvement(body))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("caseInvolvement.levelOfNeed"));
        String second = Samples.text("involvement-open.json")
                .replace("\"levelOfNeed\": 3", "\"levelOfNeed\": 3, \"closedOn\": \"2026-10-02\"")
                .replace("\"toRef\": \"s\", \"kind\": \"SIBLING_OF\"", "\"toRef\": \"x\", \"kind\": \"SIBLING_OF\"");
        assertThatThrownBy(() -> Samples.involvement(second))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .containsExactly(
                                new FieldError("caseInvolvement.closedOn", "must be left out while the case is open"),
                                new FieldError(
                                        "caseInvolvement.relationships[2].toRef", "names no person of this record")));
        assertThatThrownBy(() -> Samples.involvement(
                        Samples.text("involvement-closed.json").replace("child-in-need", "Child In Need")))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("caseInvolvement.caseType"));
    }

    @Test
    void aReferralCarriesWhatTheCaseSystemWithholdsAsMoreDetrimentalToTheChild() {
        String body = Samples.text("referral-step-up.json").strip();
        String marked = body.substring(0, body.lastIndexOf('}'))
                + ", \"withheld\": [{\"field\": \"referral.reason\", \"reason\": \"prejudice-to-enquiry\"}]}";
        HubRecord record = CaseSystemReferralMapper.toRecord(Samples.referral(marked), "r-w", Instant.EPOCH);
        assertThat(record.getWithheld()).singleElement().satisfies(w -> {
            assertThat(w.getField()).isEqualTo("referral.reason");
            assertThat(w.getReason()).isEqualTo("prejudice-to-enquiry");
        });
        assertThat(CaseSystemReferralMapper.toRecord(
                                Samples.referral(Samples.text("referral-step-up.json")), "r-n", Instant.EPOCH)
                        .getWithheld())
                .isEmpty();
    }

    @Test
    void aStepUpReferralIsAnEventAboutTheReferredChild() {
        CaseSystemReferralRequest in = Samples.referral(Samples.text("referral-step-up.json"));
        HubRecord record = CaseSystemReferralMapper.toRecord(in, "r-3", Instant.EPOCH);
        assertThat(record.getKind()).isEqualTo(RecordKind.EVENT);
        assertThat(record.getType()).isEqualTo("case-referral");
        CaseReferral r = TYPES.decode("case-referral", record.getPayload(), CaseReferral.class);
        assertThat(r.getDirection()).isEqualTo(ReferralDirection.STEP_UP);
        assertThat(r.getLevelOfNeed()).isEqualTo(4);
        assertThat(r.getReferred()).containsExactly("c");
        assertThat(r.getToTeam()).isEqualTo("Front Door (MASH)");
        assertThat(r.getReference()).isEqualTo("EH-REF-2026-0193");
    }

    @Test
    void aStepDownReferralIsAtLevelTwoOrThreeAndAStepUpAtFour() {
        CaseSystemReferralRequest down = Samples.referral(Samples.text("referral-step-down.json"));
        assertThat(TYPES.decode(
                                "case-referral",
                                CaseSystemReferralMapper.toRecord(down, "r-4", Instant.EPOCH)
                                        .getPayload(),
                                CaseReferral.class)
                        .getDirection())
                .isEqualTo(ReferralDirection.STEP_DOWN);
        assertThatThrownBy(() -> Samples.referral(
                        Samples.text("referral-step-down.json").replace("\"levelOfNeed\": 2", "\"levelOfNeed\": 4")))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError(
                                "referral.levelOfNeed", "a step down to early help is at level 2 or 3")));
        assertThatThrownBy(() -> Samples.referral(Samples.text("referral-step-up.json")
                        .replace("\"levelOfNeed\": 4", "\"levelOfNeed\": 3")
                        .replace("\"referred\": [\"c\"]", "\"referred\": [\"c\", \"z\"]")))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .containsExactlyInAnyOrder(
                                new FieldError(
                                        "referral.levelOfNeed", "a step up to social care is at level 4 (specialist)"),
                                new FieldError("referral.referred[1]", "names no person of this record")));
    }

    @Test
    void anAssessmentCarriesEveryConsentFieldTheConsentRegisterNeeds() {
        CaseSystemAssessmentRequest in = Samples.assessment(Samples.text("assessment.json"));
        HubRecord record = CaseSystemAssessmentMapper.toRecord(in, "r-5", Instant.EPOCH);
        EarlyHelpAssessment a = TYPES.decode("early-help-assessment", record.getPayload(), EarlyHelpAssessment.class);
        assertThat(a.getConsentGiven()).isTrue();
        assertThat(a.getConsentBasis()).isEqualTo(ConsentBasis.PARENTAL_RESPONSIBILITY);
        assertThat(a.getConsentGivenBy()).isEqualTo("m");
        assertThat(a.getConsentReference()).isEqualTo("EHA-2026-0142/consent");
        assertThat(a.getConsentScope()).containsExactly("health-to-casesystem-family-view");
        assertThat(a.getConsentExpires()).isEqualTo(LocalDate.of(2027, 10, 20));
        assertThat(a.getConsentRecordedBy()).isEqualTo("lp-42");
        assertThat(a.getConsentRecordedByRole()).isEqualTo("lead-practitioner");
        assertThat(a.getConsented()).containsExactly("c", "m");
        assertThat(a.getNeeds()).containsExactly("domestic-abuse", "school-attendance");
        assertThat(a.getLevelOfNeed()).isEqualTo(3);
    }

    @Test
    void aConsentGivenWithoutExpiryOrForSomeoneElseIsRefused() {
        String body = Samples.text("assessment.json")
                .replace(", \"expires\": \"2027-10-20\"", "")
                .replace("\"givenBy\": \"m\"", "\"givenBy\": \"g\"")
                .replace("\"people\": [\"c\", \"m\"]", "\"people\": [\"c\", \"c\"]");
        assertThatThrownBy(() -> Samples.assessment(body))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .containsExactlyInAnyOrder(
                                new FieldError("assessment.consent.givenBy", "names no person of this record"),
                                new FieldError("assessment.consent.people[1]", "is named twice"),
                                new FieldError("assessment.consent.expires", "is required when consent is given")));
        assertThatThrownBy(() -> Samples.assessment(
                        Samples.text("assessment.json").replace("parental-responsibility", "parent")))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("assessment.consent.basis"));
    }

    @Test
    void aPersonReferredTwiceOrAnUnknownBodyKeyIsRefused() {
        assertThatThrownBy(() -> Samples.referral(Samples.text("referral-step-down.json")
                        .replace("\"referred\": [\"c\"]", "\"referred\": [\"c\", \"c\"]")))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("referral.referred[1]", "is named twice")));
        assertThatThrownBy(() ->
                        Samples.referral(Samples.text("referral-step-down.json").replace("\"reason\"", "\"reasons\"")))
                .isInstanceOf(RequestRejected.class);
        List<FieldError> none =
                CaseSystemReferralMapper.problems(Samples.referral(Samples.text("referral-step-down.json")));
        assertThat(none).isEmpty();
    }
}
