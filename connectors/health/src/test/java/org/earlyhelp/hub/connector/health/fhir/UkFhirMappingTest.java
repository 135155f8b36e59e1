package org.earlyhelp.hub.connector.health.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.health.schema.HealthEncounter;
import org.earlyhelp.hub.connector.health.schema.HealthPatient;
import org.earlyhelp.hub.connector.health.schema.HealthRelatedPerson;
import org.earlyhelp.hub.connector.health.schema.HealthSafeguardingFlag;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.LocalId;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resources an English health system sends, mapped as early help needs them. */
class UkFhirMappingTest {

    private final FhirMapper mapper = new FhirMapper(FhirTestSupport.CLOCK);

    private FhirOutcome map(String json) {
        return mapper.map(FhirJson.parse(json), UkFhir.patients());
    }

    private HubRecord record(String json) {
        FhirOutcome outcome = map(json);
        assertThat(outcome).isInstanceOf(FhirOutcome.Records.class);
        return ((FhirOutcome.Records) outcome).records().get(0);
    }

    private static <T> T payload(HubRecord r, Class<T> type) {
        return type.cast(FhirTestSupport.PAYLOADS.decode(r.getType(), r.getPayload()));
    }

    private static FhirProblem rejected(FhirOutcome outcome) {
        assertThat(outcome).isInstanceOf(FhirOutcome.Rejected.class);
        return ((FhirOutcome.Rejected) outcome).problems().get(0);
    }

    @Test
    void aChildPatientWithAnNhsNumberIsTheRecordsOneChild() {
        FhirOutcome outcome = map(UkFhir.CHILD);
        assertThat(outcome.versionKey()).isEqualTo("Patient/uk-child-1/_history/3");
        HubRecord r = record(UkFhir.CHILD);
        assertThat(r.getType()).isEqualTo("health-patient");
        assertThat(r.getKind()).isEqualTo(RecordKind.STATE);
        assertThat(r.getRecordId()).isEqualTo("pending");
        assertThat(r.getReceivedAt()).isEqualTo(Instant.EPOCH);
        Person p = r.getPeople().get(0);
        assertThat(p.getRef()).isEqualTo("p1");
        assertThat(p.getRole()).isEqualTo(Role.CHILD);
        assertThat(p.getNhsNumber()).isEqualTo("9434765919");
        assertThat(p.getLocalIds())
                .containsExactly(new LocalId("https://fhir.chesterfieldroyal.nhs.uk/Id/mrn", "RFS-445566"));
        assertThat(p.getGivenName()).isEqualTo("Olivia Grace");
        assertThat(p.getFamilyName()).isEqualTo("Hartley");
        assertThat(p.getDateOfBirth()).isEqualTo(LocalDate.of(2022, 3, 14));
        assertThat(p.getSex()).isEqualTo(Sex.FEMALE);
        assertThat(p.getAddress().getLines()).containsExactly("12 Saltergate", "Chesterfield"); // not the ended one
        assertThat(p.getAddress().getPostcode()).isEqualTo("S40 7AD");
        HealthPatient hp = payload(r, HealthPatient.class);
        assertThat(hp.getReference()).isEqualTo("Patient/uk-child-1");
        assertThat(hp.getActive()).isTrue();
        assertThat(hp.getDeceased()).isFalse();
        assertThat(hp.getGeneralPractice()).isEqualTo("C81001");
        assertThat(hp.getManagingOrganisation()).isEqualTo("Chesterfield Royal Hospital NHS Foundation Trust");
    }

    @ParameterizedTest
    @CsvSource({"s407ad,S40 7AD", "S40  7AD,S40 7AD", "sw1a 1aa,SW1A 1AA", "M1 1AE,M1 1AE", "90210,90210"})
    void aUkPostcodeIsNormalisedAndAnyOtherKept(String sent, String kept) {
        HubRecord r = record(UkFhir.CHILD.replace("s407ad", sent));
        assertThat(r.getPeople().get(0).getAddress().getPostcode()).isEqualTo(kept);
    }

    @Test
    void aFifteenYearOldIsAChildAndAnAdultIsOther() {
        assertThat(record(UkFhir.TEEN).getPeople().get(0).getRole()).isEqualTo(Role.CHILD);
        assertThat(record(UkFhir.TEEN).getPeople().get(0).getAddress().getPostcode())
                .isEqualTo("S40 1RL");
        HubRecord adult = record(UkFhir.TEEN.replace("2011-06-30", "2008-12-01")); // 18 today
        assertThat(adult.getPeople().get(0).getRole()).isEqualTo(Role.OTHER);
    }

    @Test
    void anInvalidNhsNumberIsRejectedNamingTheIdentifier() {
        FhirProblem p = rejected(map(UkFhir.CHILD.replace("9434765919", "9434765918")));
        assertThat(p.code()).isEqualTo("value");
        assertThat(p.expression()).isEqualTo("Patient.identifier[0].value");
        assertThat(p.diagnostics()).doesNotContain("9434765918");
        assertThat(rejected(map(UkFhir.CHILD.replace("9434765919", "943 476 5919")))
                        .code())
                .isEqualTo("value");
    }

    @Test
    void aFutureOrImplausibleBirthDateIsRejected() {
        FhirProblem future = rejected(map(UkFhir.CHILD.replace("2022-03-14", "2027-01-01")));
        assertThat(future.code()).isEqualTo("business-rule");
        assertThat(future.expression()).isEqualTo("Patient.birthDate");
        FhirProblem old = rejected(map(UkFhir.CHILD.replace("2022-03-14", "1850-01-01")));
        assertThat(old.code()).isEqualTo("business-rule");
        assertThat(old.diagnostics()).doesNotContain("1850");
    }

    @Test
    void withoutAnNhsNumberABirthDateIsNeededAndWithoutEitherThePatientIsRejected() {
        String noNhs = UkFhir.CHILD.replace("https://fhir.nhs.uk/Id/nhs-number", "https://example.org/other");
        assertThat(record(noNhs).getPeople().get(0).getNhsNumber()).isNull();
        FhirProblem p = rejected(map(noNhs.replace("\"birthDate\": \"2022-03-14\",", "")));
        assertThat(p.code()).isEqualTo("required");
        assertThat(p.expression()).isEqualTo("Patient.birthDate");
        FhirProblem partial = rejected(map(noNhs.replace("2022-03-14", "2022"))); // a year is no date of birth
        assertThat(partial.expression()).isEqualTo("Patient.birthDate");
        String familyOnly = UkFhir.CHILD.replace("\"given\": [\"Olivia\", \"Grace\"], ", "");
        assertThat(rejected(map(familyOnly)).expression()).isEqualTo("Patient.name");
    }

    @Test
    void anAnimalIsRejectedAndADeceasedPatientMaps() {
        String animal = UkFhir.CHILD.replace(
                "\"active\": true,",
                "\"active\": true, \"extension\": [{\"url\": \"" + PatientMapping.ANIMAL
                        + "\", \"extension\": [{\"url\":"
                        + " \"species\", \"valueCodeableConcept\": {\"text\": \"dog\"}}]}],");
        FhirProblem p = rejected(map(animal));
        assertThat(p.code()).isEqualTo("business-rule");
        assertThat(p.diagnostics()).contains("animal");
        HubRecord deceased = record(UkFhir.CHILD.replace("\"active\": true,", "\"deceasedDateTime\": \"2026-11-02\","));
        assertThat(payload(deceased, HealthPatient.class).getDeceased()).isTrue();
    }

    @Test
    void anEmergencyDepartmentAttendanceIsAnEventAboutTheChild() {
        HubRecord r = record(UkFhir.EMERGENCY);
        assertThat(r.getType()).isEqualTo("health-encounter");
        assertThat(r.getKind()).isEqualTo(RecordKind.EVENT);
        assertThat(r.getPeople()).singleElement().satisfies(p -> {
            assertThat(p.getNhsNumber()).isEqualTo("9434765919");
            assertThat(p.getRole()).isEqualTo(Role.CHILD);
        });
        HealthEncounter e = payload(r, HealthEncounter.class);
        assertThat(e.getReference()).isEqualTo("Encounter/ed-2026-1187");
        assertThat(e.getStatus()).isEqualTo("finished");
        assertThat(e.getEncounterClass()).isEqualTo("AMB");
        assertThat(e.getService()).isEqualTo("emergency-department"); // by its SNOMED CT type
        assertThat(e.getTypeText()).isEqualTo("Emergency department patient visit");
        assertThat(e.getStart()).isEqualTo(Instant.parse("2026-11-28T21:40:00Z"));
        assertThat(e.getEnd()).isEqualTo(Instant.parse("2026-11-29T01:15:00Z"));
        assertThat(e.getServiceProvider()).isEqualTo("RFS");
        assertThat(e.getReasonText()).isEqualTo("Head injury, fall from bunk bed");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "EMER|Attendance|emergency-department",
                "AMB|Healthy Child Programme 2 to 2.5 year review|development-review-2-2.5",
                "HH|2-2.5 year development review|development-review-2-2.5",
                "HH|27 month review|development-review-2-2.5",
                "IMP|Ward stay|admission",
                "AMB|Attended A&E|emergency-department"
            })
    void theServiceIsNamedInTheHubsWords(String encounterClass, String text, String service) {
        String json = UkFhir.REVIEW
                .replace("\"HH\"", "\"" + encounterClass + "\"")
                .replace("Healthy Child Programme 2 to 2.5 year review", text);
        assertThat(payload(record(json), HealthEncounter.class).getService()).isEqualTo(service);
    }

    @Test
    void anEncounterWhosePatientCannotBeFoundOrMappedIsRejected() {
        FhirProblem missing = rejected(map(UkFhir.EMERGENCY.replace("Patient/uk-child-1", "Patient/nobody")));
        assertThat(missing.code()).isEqualTo("not-found");
        assertThat(missing.expression()).isEqualTo("Encounter.subject");
        FhirProblem noSubject =
                rejected(map(UkFhir.EMERGENCY.replace("\"subject\": {\"reference\": \"Patient/uk-child-1\"},", "")));
        assertThat(noSubject.code()).isEqualTo("required");
    }

    @Test
    void aHealthVisitingEpisodeIsAnInvolvementWithItsTeam() {
        HubRecord r = record(UkFhir.HEALTH_VISITING);
        assertThat(r.getType()).isEqualTo("health-involvement");
        assertThat(r.getKind()).isEqualTo(RecordKind.INVOLVEMENT);
        HealthInvolvement h = payload(r, HealthInvolvement.class);
        assertThat(h.getService()).isEqualTo("health-visiting");
        assertThat(h.getSince()).isEqualTo(LocalDate.of(2022, 3, 24));
        assertThat(h.getUntil()).isNull();
        assertThat(h.getStatus()).isEqualTo("active");
        assertThat(h.getTeam()).isEqualTo("Chesterfield North Health Visiting Team");
        assertThat(h.getReference()).isEqualTo("EpisodeOfCare/hv-881");
        HealthInvolvement ended = payload(
                record(UkFhir.HEALTH_VISITING.replace(
                        "\"start\": \"2022-03-24\"", "\"start\": \"2022-03\", \"end\": \"2026-11\"")),
                HealthInvolvement.class);
        assertThat(ended.getSince()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(ended.getUntil()).isEqualTo(LocalDate.of(2026, 11, 30));
        String schoolNursing = UkFhir.HEALTH_VISITING.replace("Health visiting", "School Nursing");
        assertThat(payload(record(schoolNursing), HealthInvolvement.class).getService())
                .isEqualTo("school-nursing");
        String camhs = UkFhir.HEALTH_VISITING.replace("Health visiting", "CAMHS Derbyshire");
        assertThat(payload(record(camhs), HealthInvolvement.class).getService()).isEqualTo("camhs");
    }

    @Test
    void anEpisodeWithoutAStartIsRejected() {
        FhirProblem p = rejected(map(UkFhir.HEALTH_VISITING.replace("\"period\": {\"start\": \"2022-03-24\"},", "")));
        assertThat(p.code()).isEqualTo("required");
        assertThat(p.expression()).isEqualTo("EpisodeOfCare.period.start");
    }

    @Test
    void aChildProtectionFlagIsAStateKeepingItsSnomedCode() {
        HubRecord r = record(UkFhir.FLAG);
        assertThat(r.getType()).isEqualTo("health-safeguarding-flag");
        assertThat(r.getKind()).isEqualTo(RecordKind.STATE);
        HealthSafeguardingFlag f = payload(r, HealthSafeguardingFlag.class);
        assertThat(f.getReference()).isEqualTo("Flag/cp-1");
        assertThat(f.getStatus()).isEqualTo("active");
        assertThat(f.getCategory()).isEqualTo("safety");
        assertThat(f.getCode()).isEqualTo("http://snomed.info/sct|224353004");
        assertThat(f.getDescription()).isEqualTo("Child protection plan");
        assertThat(f.getStart()).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(f.getEnd()).isNull();
        assertThat(f.getAuthor()).isEqualTo("Derbyshire County Council Children's Services");
    }

    @Test
    void aMotherIsTheChildsParent() {
        HubRecord r = record(UkFhir.MOTHER);
        assertThat(r.getType()).isEqualTo("health-related-person");
        assertThat(r.getPeople()).extracting(Person::getRef).containsExactly("p1", "p2");
        assertThat(r.getPeople()).extracting(Person::getRole).containsExactly(Role.CHILD, Role.PARENT);
        Person mother = r.getPeople().get(1);
        assertThat(mother.getGivenName()).isEqualTo("Emma");
        assertThat(mother.getNhsNumber()).isEqualTo("9434765870");
        assertThat(mother.getDateOfBirth()).isEqualTo(LocalDate.of(1994, 7, 2));
        assertThat(mother.getAddress().getPostcode()).isEqualTo("S40 7AD");
        HealthRelatedPerson rp = payload(r, HealthRelatedPerson.class);
        assertThat(rp.getRelationship()).isEqualTo("MTH");
        assertThat(rp.getActive()).isTrue();
        assertThat(rp.getStart()).isEqualTo(LocalDate.of(2022, 3, 14));
        String neighbour = UkFhir.MOTHER.replace("\"MTH\"", "\"NBOR\"");
        assertThat(record(neighbour).getPeople().get(1).getRole()).isEqualTo(Role.OTHER);
        FhirProblem nameless = rejected(map(UkFhir.MOTHER.replace(
                "\"name\": [{\"use\": \"official\", \"given\": [\"Emma\"], \"family\": \"Hartley\"}],", "")));
        assertThat(nameless.expression()).isEqualTo("RelatedPerson.name");
    }

    @Test
    void aPermitWithAHubAgreementIsConsentGivenByParentalResponsibility() {
        FhirOutcome outcome = map(UkFhir.CONSENT_PERMIT);
        assertThat(outcome).isInstanceOf(FhirOutcome.Consent.class);
        ConsentStatement s = ((FhirOutcome.Consent) outcome).statement();
        assertThat(outcome.versionKey()).isEqualTo("Consent/c-77/_history/2");
        assertThat(s.patientReference()).isEqualTo("Patient/uk-child-1");
        assertThat(s.patient().getNhsNumber()).isEqualTo("9434765919");
        assertThat(s.given()).isTrue();
        assertThat(s.agreements()).containsExactly("health-visiting-early-help");
        assertThat(s.basis()).isEqualTo("parental-responsibility");
        assertThat(s.reference()).isEqualTo("Consent/c-77/_history/2");
        assertThat(s.expires()).isEqualTo(LocalDate.of(2027, 11, 19));
        assertThat(s.professional()).isEqualTo("12A3456E");
        assertThat(s.professionalRole()).isEqualTo("health-visitor");
    }

    @Test
    void aDenyIsAWithdrawalAndNeedsNoExpiry() {
        ConsentStatement s = ((FhirOutcome.Consent) map(UkFhir.CONSENT_DENY)).statement();
        assertThat(s.given()).isFalse();
        assertThat(s.expires()).isNull();
        assertThat(s.reference()).isEqualTo("Consent/c-77/_history/3");
        ConsentStatement inactive =
                ((FhirOutcome.Consent) map(UkFhir.CONSENT_PERMIT.replace("\"active\"", "\"inactive\""))).statement();
        assertThat(inactive.given()).isFalse();
    }

    @Test
    void aYoungPersonUnderSixteenConsentsAsGillickCompetent() {
        ConsentStatement s = ((FhirOutcome.Consent) map(UkFhir.CONSENT_TEEN)).statement();
        assertThat(s.basis()).isEqualTo("gillick-competent");
        assertThat(s.agreements()).containsExactly("school-nursing");
        assertThat(s.professional()).isEqualTo("School Nurse Amira Khan");
        assertThat(s.professionalRole()).isEqualTo(ConsentMapping.DEFAULT_ROLE);
        assertThat(s.reference()).isEqualTo("Consent/c-90");
    }

    @Test
    void aConsentLackingAnAgreementAnExpiryOrAProfessionalIsRejected() {
        FhirProblem noAgreement =
                rejected(map(UkFhir.CONSENT_PERMIT.replace("urn:earlyhelp:agreement:", "urn:other:")));
        assertThat(noAgreement.code()).isEqualTo("business-rule");
        assertThat(noAgreement.diagnostics()).isEqualTo("names no hub agreement in Consent.policy.uri");
        FhirProblem noExpiry = rejected(map(UkFhir.CONSENT_PERMIT.replace(", \"end\": \"2027-11-19\"", "")));
        assertThat(noExpiry.expression()).isEqualTo("Consent.provision.period.end");
        FhirProblem noProfessional = rejected(map(UkFhir.CONSENT_TEEN
                .replace(",\n  {\"reference\": \"Practitioner/sn-4\", \"display\": \"School Nurse Amira Khan\"}", "")
                .replace(
                        "{\"reference\": \"Practitioner/sn-4\", \"display\": \"School Nurse Amira Khan\"}",
                        "{\"reference\": \"Organization/x\"}")));
        assertThat(noProfessional.expression()).isEqualTo("Consent.performer");
    }

    @Test
    void otherResourceTypesAreNotSupportedAndTheKeyIsAHashWithoutAVersion() {
        String obs = "{\"resourceType\": \"Observation\", \"status\": \"final\", \"code\": {\"text\": \"weight\"}}";
        FhirOutcome outcome = map(obs);
        FhirProblem p = rejected(outcome);
        assertThat(p.code()).isEqualTo("not-supported");
        assertThat(outcome.versionKey()).matches("Observation/sha256:[0-9a-f]{64}");
        assertThat(map(obs).versionKey()).isEqualTo(outcome.versionKey());
        assertThat(map(UkFhir.TEEN).versionKey()).startsWith("Patient/sha256:");
        assertThat(mapper.map(null, null)).isInstanceOf(FhirOutcome.Rejected.class);
    }

    @Test
    void noProblemRepeatsAValueFromTheResource() {
        List<String> broken = List.of(
                UkFhir.CHILD.replace("9434765919", "9434765918"),
                UkFhir.CHILD.replace("2022-03-14", "2099-03-14"),
                UkFhir.MOTHER.replace("9434765870", "9434765871"));
        for (String json : broken) {
            for (FhirProblem p : ((FhirOutcome.Rejected) map(json)).problems()) {
                assertThat(p.diagnostics()).doesNotContain("943476", "2099", "Hartley", "Olivia", "Emma");
            }
        }
    }
}
