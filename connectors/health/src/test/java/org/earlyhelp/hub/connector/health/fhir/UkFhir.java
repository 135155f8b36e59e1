package org.earlyhelp.hub.connector.health.fhir;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Patient;

/**
 * UK-shaped FHIR R4 resources as an English health system sends them (NHS numbers, ODS codes, UK postcodes), all made
 * up: a child aged four on 2026-12-01, a fifteen-year-old, their mother, an emergency department attendance, a 2-2.5
 * year review, a health visiting episode, a child protection flag, and consents. The people are fictional; the NHS
 * numbers are NHS test numbers.
 */
public final class UkFhir {

    public static final String CHILD =
            """
            {"resourceType": "Patient", "id": "uk-child-1", "meta": {"versionId": "3"},
             "identifier": [
               {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"},
               {"system": "https://fhir.chesterfieldroyal.nhs.uk/Id/mrn", "value": "RFS-445566"}],
             "active": true,
             "name": [
               {"use": "nickname", "given": ["Liv"]},
               {"use": "official", "given": ["Olivia", "Grace"], "family": "Hartley"}],
             "gender": "female", "birthDate": "2022-03-14",
             "address": [
               {"use": "home", "line": ["3 Old Road"], "city": "Sheffield", "postalCode": "S1 1AA",
                "period": {"end": "2023-01-01"}},
               {"use": "home", "line": ["12 Saltergate"], "city": "Chesterfield", "postalCode": "s407ad"}],
             "generalPractitioner": [{"type": "Organization", "identifier":
               {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "C81001"}}],
             "managingOrganization": {"display": "Chesterfield Royal Hospital NHS Foundation Trust"}}
            """;

    public static final String TEEN =
            """
            {"resourceType": "Patient", "id": "uk-teen-1",
             "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "4010232137"}],
             "name": [{"use": "usual", "given": ["Callum"], "family": "Reid"}],
             "gender": "male", "birthDate": "2011-06-30",
             "address": [{"line": ["Flat 4", "9 Knifesmithgate"], "city": "Chesterfield", "postalCode": "S40  1RL"}]}
            """;

    public static final String MOTHER =
            """
            {"resourceType": "RelatedPerson", "id": "mother-1",
             "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765870"}],
             "active": true,
             "patient": {"reference": "Patient/uk-child-1"},
             "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
               "code": "MTH", "display": "mother"}]}],
             "name": [{"use": "official", "given": ["Emma"], "family": "Hartley"}],
             "gender": "female", "birthDate": "1994-07-02",
             "address": [{"use": "home", "line": ["12 Saltergate"], "city": "Chesterfield", "postalCode": "S40 7AD"}],
             "period": {"start": "2022-03-14"}}
            """;

    public static final String EMERGENCY =
            """
            {"resourceType": "Encounter", "id": "ed-2026-1187", "status": "finished",
             "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
             "type": [{"coding": [{"system": "http://snomed.info/sct", "code": "4525004",
               "display": "Emergency department patient visit"}]}],
             "subject": {"reference": "Patient/uk-child-1"},
             "period": {"start": "2026-11-28T21:40:00Z", "end": "2026-11-29T01:15:00Z"},
             "reasonCode": [{"text": "Head injury, fall from bunk bed"}],
             "serviceProvider": {"identifier": {"system": "https://fhir.nhs.uk/Id/ods-organization-code",
               "value": "RFS"}}}
            """;

    public static final String REVIEW =
            """
            {"resourceType": "Encounter", "id": "hcp-27m-1", "status": "finished",
             "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "HH"},
             "type": [{"text": "Healthy Child Programme 2 to 2.5 year review"}],
             "subject": {"reference": "Patient/uk-child-1"},
             "period": {"start": "2024-06-20T10:00:00+01:00"},
             "serviceProvider": {"display": "Derbyshire Community Health Services"}}
            """;

    public static final String HEALTH_VISITING =
            """
            {"resourceType": "EpisodeOfCare", "id": "hv-881", "status": "active",
             "type": [{"coding": [{"system": "https://example.nhs.uk/CodeSystem/service", "code": "HV",
               "display": "Health visiting"}]}],
             "patient": {"reference": "Patient/uk-child-1"},
             "managingOrganization": {"display": "Derbyshire Community Health Services"},
             "period": {"start": "2022-03-24"},
             "team": [{"display": "Chesterfield North Health Visiting Team"}]}
            """;

    public static final String FLAG =
            """
            {"resourceType": "Flag", "id": "cp-1", "status": "active",
             "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/flag-category",
               "code": "safety", "display": "Safety"}]}],
             "code": {"coding": [{"system": "http://snomed.info/sct", "code": "224353004",
               "display": "Child protection plan"}]},
             "subject": {"reference": "Patient/uk-child-1"},
             "period": {"start": "2026-10-05"},
             "author": {"display": "Derbyshire County Council Children's Services"}}
            """;

    public static final String CONSENT_PERMIT =
            """
            {"resourceType": "Consent", "id": "c-77", "meta": {"versionId": "2"},
             "contained": [{"resourceType": "PractitionerRole", "id": "hv1",
               "identifier": [{"system": "https://fhir.nhs.uk/Id/nmc-number", "value": "12A3456E"}],
               "code": [{"coding": [{"system": "https://example.nhs.uk/CodeSystem/role", "code": "health-visitor"}]}]}],
             "status": "active",
             "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
               "code": "patient-privacy"}]},
             "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
             "patient": {"reference": "Patient/uk-child-1"},
             "performer": [{"reference": "RelatedPerson/mother-1"}, {"reference": "#hv1"}],
             "policy": [{"uri": "urn:earlyhelp:agreement:health-visiting-early-help"}],
             "provision": {"type": "permit", "period": {"start": "2026-11-20", "end": "2027-11-19"}}}
            """;

    public static final String CONSENT_DENY = CONSENT_PERMIT
            .replace(
                    "\"type\": \"permit\", \"period\": {\"start\": \"2026-11-20\", \"end\": \"2027-11-19\"}",
                    "\"type\": \"deny\"")
            .replace("\"versionId\": \"2\"", "\"versionId\": \"3\"");

    public static final String CONSENT_TEEN =
            """
            {"resourceType": "Consent", "id": "c-90", "status": "active",
             "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope",
               "code": "patient-privacy"}]},
             "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
             "patient": {"reference": "Patient/uk-teen-1"},
             "performer": [{"reference": "Patient/uk-teen-1"},
               {"reference": "Practitioner/sn-4", "display": "School Nurse Amira Khan"}],
             "policy": [{"uri": "urn:earlyhelp:agreement:school-nursing"}, {"uri": "https://example.org/other"}],
             "provision": {"type": "permit", "period": {"end": "2027-06-30"}}}
            """;

    /** Every resource above, the seeds {@link FhirFuzz} mutates. */
    public static final Map<String, String> ALL = Map.ofEntries(
            Map.entry("child", CHILD),
            Map.entry("teen", TEEN),
            Map.entry("mother", MOTHER),
            Map.entry("emergency", EMERGENCY),
            Map.entry("review", REVIEW),
            Map.entry("health-visiting", HEALTH_VISITING),
            Map.entry("flag", FLAG),
            Map.entry("consent-permit", CONSENT_PERMIT),
            Map.entry("consent-deny", CONSENT_DENY),
            Map.entry("consent-teen", CONSENT_TEEN));

    private UkFhir() {}

    /** Resolves the two UK patients. */
    public static FhirReferences patients() {
        Patient child = (Patient) FhirJson.parse(CHILD);
        Patient teen = (Patient) FhirJson.parse(TEEN);
        return reference -> switch (reference) {
            case "Patient/uk-child-1" -> Optional.of(child);
            case "Patient/uk-teen-1" -> Optional.of(teen);
            default -> Optional.empty();
        };
    }
}
