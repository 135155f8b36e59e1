package org.earlyhelp.hub.connector.health.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.connector.health.schema.HealthEncounter;
import org.earlyhelp.hub.connector.health.schema.HealthPatient;
import org.earlyhelp.hub.connector.health.schema.HealthRelatedPerson;
import org.earlyhelp.hub.connector.health.schema.HealthSafeguardingFlag;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.LocalId;
import org.earlyhelp.hub.schema.Person;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * HL7's 52 official R4 examples of the six types, each parsed strictly and mapped with its Patient resolved among the
 * Patient examples. Most are not UK records and many are deliberately sparse, so the expected outcome of each is
 * written down after reading it: the animal and the nameless patients rejected with their reasons, every Consent
 * rejected for naming no hub agreement (none can: they predate the hub), and everything that maps keeps what the
 * canonical record can hold.
 */
class Hl7ExamplesTest {

    private static final Map<String, String> EXPECTED = new TreeMap<>();

    static {
        for (String c : List.of(
                "Emergency",
                "Out",
                "basic",
                "grantor",
                "notAuthor",
                "notOrg",
                "notThem",
                "notThis",
                "notTime",
                "pkb",
                "signature",
                "smartonfhir")) {
            EXPECTED.put("Consent-consent-example-" + c + ".json", "rejected business-rule Consent.policy");
        }
        for (String e : List.of("emerg", "example", "f001", "f002", "f003", "f201", "f202", "f203", "home", "xcda")) {
            EXPECTED.put("Encounter-" + e + ".json", "records");
        }
        EXPECTED.put("EpisodeOfCare-example.json", "records");
        EXPECTED.put("Flag-example.json", "records");
        EXPECTED.put("Flag-example-encounter.json", "records");
        EXPECTED.put("Patient-animal.json", "rejected business-rule Patient.extension");
        for (String p : List.of("ch-example", "dicom", "infant-fetal", "newborn", "proband")) {
            EXPECTED.put("Patient-" + p + ".json", "rejected required Patient.name"); // text only, family only, none
        }
        for (String p : List.of("ihe-pcd", "pat1", "pat2")) {
            EXPECTED.put("Patient-" + p + ".json", "rejected required Patient.birthDate"); // and no NHS number
        }
        for (String p : List.of(
                "example",
                "f001",
                "f201",
                "genetics-example1",
                "glossy",
                "infant-mom",
                "infant-twin-1",
                "infant-twin-2",
                "mom",
                "pat3",
                "pat4",
                "xcda",
                "xds")) {
            EXPECTED.put("Patient-" + p + ".json", "records");
        }
        EXPECTED.put("RelatedPerson-benedicte.json", "records");
        EXPECTED.put("RelatedPerson-f001.json", "records");
        EXPECTED.put("RelatedPerson-f002.json", "rejected required RelatedPerson.name"); // text only
        EXPECTED.put("RelatedPerson-newborn-mom.json", "rejected business-rule RelatedPerson.patient"); // nameless
        EXPECTED.put("RelatedPerson-peter.json", "rejected business-rule RelatedPerson.patient"); // the animal
    }

    private final FhirMapper mapper = new FhirMapper(FhirTestSupport.CLOCK);
    private final FhirReferences patients = Hl7Examples.patients();

    @Test
    void everyExampleEndsAsItsExpectedOutcomeAndNoneThrows() {
        Map<String, String> actual = new TreeMap<>();
        List<String> table = new ArrayList<>();
        Hl7Examples.all().forEach((file, json) -> {
            FhirOutcome outcome = mapper.map(FhirJson.parse(json), patients);
            actual.put(file, FhirTestSupport.describe(outcome));
            String detail = outcome instanceof FhirOutcome.Rejected r
                    ? r.problems().get(0).diagnostics()
                    : outcome instanceof FhirOutcome.Records rs
                            ? rs.records().get(0).getType()
                            : "consent";
            table.add(String.format("%-42s %-52s %s", file, actual.get(file), detail));
        });
        System.out.println("HL7 R4 examples (" + table.size() + "):\n" + String.join("\n", table));

        assertThat(actual).hasSize(52).isEqualTo(EXPECTED);
        assertThat(actual.keySet().stream().filter(f -> f.startsWith("Patient-")))
                .hasSize(22);
    }

    @Test
    void everyMappedExampleKeepsWhatTheCanonicalRecordHolds() {
        Hl7Examples.all().forEach((file, json) -> {
            IBaseResource resource = FhirJson.parse(json);
            if (mapper.map(resource, patients) instanceof FhirOutcome.Records r) {
                HubRecord record = r.records().get(0);
                assertThat(record.getRecordId()).isEqualTo("pending");
                assertThat(record.getProvider()).isEqualTo("health");
                GenericRecord payload = FhirTestSupport.PAYLOADS.decode(record.getType(), record.getPayload());
                keeps(file, resource, record, payload);
            }
        });
    }

    private void keeps(String file, IBaseResource resource, HubRecord record, GenericRecord payload) {
        if (resource instanceof Patient p) {
            keepsPatient(file, p, record.getPeople().get(0));
            HealthPatient hp = (HealthPatient) payload;
            assertThat(hp.getReference()).isEqualTo("Patient/" + p.getIdPart());
            assertThat(hp.getDeceased()).as(file).isEqualTo(PatientMapping.deceased(p));
            assertThat(hp.getActive()).isEqualTo(p.hasActive() ? p.getActive() : null);
            if (p.hasManagingOrganization() && p.getManagingOrganization().hasDisplay()) {
                assertThat(hp.getManagingOrganisation())
                        .isEqualTo(p.getManagingOrganization().getDisplay());
            }
        } else if (resource instanceof Encounter e) {
            keepsPatient(
                    file,
                    subject(e.getSubject().getReference()),
                    record.getPeople().get(0));
            HealthEncounter he = (HealthEncounter) payload;
            assertThat(he.getReference()).isEqualTo("Encounter/" + e.getIdPart());
            assertThat(he.getStatus()).isEqualTo(e.getStatus().toCode());
            assertThat(he.getEncounterClass()).isEqualTo(e.getClass_().getCode());
            assertThat(he.getStart()).isEqualTo(FhirValues.instant(e.getPeriod().getStartElement()));
            assertThat(he.getEnd()).isEqualTo(FhirValues.instant(e.getPeriod().getEndElement()));
            e.getReasonCode().forEach(rc -> assertThat(he.getReasonText()).contains(FhirValues.writtenText(rc)));
            if (e.getServiceProvider().hasDisplay()) {
                assertThat(he.getServiceProvider())
                        .isEqualTo(e.getServiceProvider().getDisplay());
            }
            if (file.equals("Encounter-emerg.json")) {
                assertThat(he.getService()).isEqualTo("emergency-department");
            }
        } else if (resource instanceof EpisodeOfCare e) {
            keepsPatient(
                    file,
                    subject(e.getPatient().getReference()),
                    record.getPeople().get(0));
            HealthInvolvement hi = (HealthInvolvement) payload;
            assertThat(hi.getReference()).isEqualTo("EpisodeOfCare/" + e.getIdPart());
            assertThat(hi.getService()).isEqualTo("hacc");
            assertThat(hi.getSince())
                    .isEqualTo(LocalDate.parse(e.getPeriod().getStartElement().getValueAsString()));
            assertThat(hi.getStatus()).isEqualTo(e.getStatus().toCode());
            assertThat(hi.getTeam()).isEqualTo(e.getCareManager().getDisplay());
        } else if (resource instanceof Flag f) {
            keepsPatient(
                    file,
                    subject(f.getSubject().getReference()),
                    record.getPeople().get(0));
            HealthSafeguardingFlag hf = (HealthSafeguardingFlag) payload;
            assertThat(hf.getReference()).isEqualTo("Flag/" + f.getIdPart());
            assertThat(hf.getStatus()).isEqualTo(f.getStatus().toCode());
            assertThat(hf.getCode())
                    .isEqualTo(f.getCode().getCodingFirstRep().getSystem() + "|"
                            + f.getCode().getCodingFirstRep().getCode());
            assertThat(hf.getDescription()).isNotBlank();
            assertThat(hf.getCategory())
                    .isEqualTo(f.getCategoryFirstRep().getCodingFirstRep().getCode());
            if (f.getAuthor().hasDisplay()) {
                assertThat(hf.getAuthor()).isEqualTo(f.getAuthor().getDisplay());
            }
        } else if (resource instanceof RelatedPerson rp) {
            assertThat(record.getPeople()).hasSize(2);
            keepsPatient(
                    file,
                    subject(rp.getPatient().getReference()),
                    record.getPeople().get(0));
            Person related = record.getPeople().get(1);
            keepsPerson(file, rp.getName(), rp.getIdentifier(), rp.getAddress(), related);
            HealthRelatedPerson hr = (HealthRelatedPerson) payload;
            assertThat(hr.getReference()).isEqualTo("RelatedPerson/" + rp.getIdPart());
            assertThat(hr.getRelationship())
                    .isEqualTo(rp.getRelationshipFirstRep().getCodingFirstRep().getCode());
        }
    }

    private Patient subject(String reference) {
        return patients.patient(reference).orElseThrow();
    }

    private static void keepsPatient(String file, Patient p, Person person) {
        keepsPerson(file, p.getName(), p.getIdentifier(), p.getAddress(), person);
        assertThat(person.getDateOfBirth())
                .as(file)
                .isEqualTo(LocalDate.parse(p.getBirthDateElement().getValueAsString()));
        assertThat(person.getSex().name().toLowerCase()).isEqualTo(p.getGender().toCode());
    }

    /** The name, every identifier with a system and value, and the first home (or unstated) address's lines. */
    private static void keepsPerson(
            String file, List<HumanName> names, List<Identifier> ids, List<Address> addresses, Person person) {
        HumanName name = names.stream()
                .filter(n -> n.hasFamily() && n.hasGiven())
                .filter(n -> !n.hasUse()
                        || List.of("official", "usual").contains(n.getUse().toCode()))
                .findFirst()
                .orElseThrow();
        assertThat(person.getGivenName())
                .as(file)
                .isEqualTo(String.join(
                        " ", name.getGiven().stream().map(StringType::getValue).toList()));
        assertThat(person.getFamilyName()).isEqualTo(name.getFamily());
        for (Identifier id : ids) {
            if (id.hasSystem() && id.hasValue()) {
                assertThat(person.getLocalIds()).as(file).contains(new LocalId(id.getSystem(), id.getValue()));
            }
        }
        addresses.stream()
                .filter(a -> !a.hasUse() || a.getUse().toCode().equals("home"))
                .filter(a -> !a.getPeriod().hasEnd())
                .findFirst()
                .ifPresent(a -> {
                    List<String> lines = new ArrayList<>(
                            a.getLine().stream().map(StringType::getValue).toList());
                    if (a.hasCity()) {
                        lines.add(a.getCity());
                    }
                    assertThat(person.getAddress().getLines()).as(file).containsExactlyElementsOf(lines);
                    assertThat(person.getAddress().getPostcode()).isEqualTo(a.getPostalCode());
                });
    }
}
