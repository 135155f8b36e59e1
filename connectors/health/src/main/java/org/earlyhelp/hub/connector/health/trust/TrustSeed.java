package org.earlyhelp.hub.connector.health.trust;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.earlyhelp.hub.connector.health.fhir.NhsNumber;
import org.earlyhelp.hub.simulator.population.Family;
import org.earlyhelp.hub.simulator.population.Member;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * The trust's view of the synthetic population: every child a Patient (NHS number, name, date of birth, sex, home
 * address, registered GP practice); their mother or father as RelatedPersons for about half; health visiting for the
 * under-fives, school nursing for 5-11s and CAMHS for some teenagers as EpisodesOfCare; emergency department
 * attendances and 2-2.5 year reviews as Encounters; and a safeguarding flag (a child protection plan) for a few.
 * Deterministic for a seed, so a test or a demonstration sees the same trust every time.
 */
public final class TrustSeed {

    static final String ROLE_CODES = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String ACT_CODES = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

    private TrustSeed() {}

    /** @return how many of each type it stored */
    public static Map<String, Integer> seed(TrustFhirServer server, SyntheticPopulation population, long seed) {
        Random random = new Random(seed ^ 0x4e485354727573L);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Family family : population.families()) {
            List<Member> children = family.children();
            for (int i = 0; i < children.size(); i++) {
                Member child = children.get(i);
                String id = "pt-" + family.id() + "-" + i;
                server.store(patient(id, child, family, random));
                count(counts, "Patient");
                int age = child.ageOn(today);
                if (random.nextInt(2) == 0) {
                    for (Member adult : family.adults()) {
                        server.store(related(id, adult, family));
                        count(counts, "RelatedPerson");
                    }
                }
                String service = age < 5
                        ? "health-visiting"
                        : age < 12 ? "school-nursing" : random.nextInt(4) == 0 ? "camhs" : null;
                if (service != null) {
                    server.store(episode(id, service, child.dateOfBirth().plusDays(10 + random.nextInt(200)), today));
                    count(counts, "EpisodeOfCare");
                }
                if (random.nextInt(6) == 0) {
                    server.store(attendance(id, today.minusDays(1 + random.nextInt(300))));
                    count(counts, "Encounter");
                }
                if (age == 2) {
                    server.store(review(id, child.dateOfBirth().plusMonths(27)));
                    count(counts, "Encounter");
                }
                if (random.nextInt(25) == 0) {
                    server.store(flag(id, today.minusDays(1 + random.nextInt(200))));
                    count(counts, "Flag");
                }
            }
        }
        return counts;
    }

    private static void count(Map<String, Integer> counts, String type) {
        counts.merge(type, 1, Integer::sum);
    }

    private static Patient patient(String id, Member m, Family family, Random random) {
        Patient p = new Patient();
        p.setId(id);
        p.addIdentifier().setSystem(NhsNumber.SYSTEM).setValue(nhsNumber(m, id));
        p.addName(name(m));
        p.setBirthDate(date(m.dateOfBirth()));
        p.setGender(gender(m));
        p.addAddress(address(family));
        String practice = "C8" + (1000 + random.nextInt(20));
        p.addGeneralPractitioner(new Reference()
                .setIdentifier(new Identifier().setSystem(ODS).setValue(practice))
                .setDisplay("Chesterfield practice " + practice));
        return p;
    }

    private static RelatedPerson related(String patientId, Member adult, Family family) {
        RelatedPerson r = new RelatedPerson();
        r.setId("rp-" + patientId.substring(3) + "-"
                + Integer.toHexString(adult.givenName().hashCode()));
        r.setActive(true);
        r.setPatient(new Reference("Patient/" + patientId));
        String code = adult.sex() == org.earlyhelp.hub.simulator.population.Sex.MALE ? "FTH" : "MTH";
        r.addRelationship(new CodeableConcept(new Coding(ROLE_CODES, code, code.equals("FTH") ? "father" : "mother")));
        r.addName(name(adult));
        r.setBirthDate(date(adult.dateOfBirth()));
        r.setGender(gender(adult));
        r.addAddress(address(family));
        return r;
    }

    private static EpisodeOfCare episode(String patientId, String service, LocalDate start, LocalDate today) {
        EpisodeOfCare e = new EpisodeOfCare();
        e.setId("eoc-" + patientId.substring(3));
        e.setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
        e.addType(new CodeableConcept().setText(service));
        e.setPatient(new Reference("Patient/" + patientId));
        e.setPeriod(new Period().setStart(date(start.isAfter(today) ? today : start)));
        String team =
                switch (service) {
                    case "health-visiting" -> "Chesterfield Health Visiting Team";
                    case "school-nursing" -> "Chesterfield School Nursing Team";
                    default -> "Derbyshire CAMHS North";
                };
        e.setCareManager(new Reference().setDisplay(team));
        e.setManagingOrganization(new Reference().setDisplay("Derbyshire Community Health Services"));
        return e;
    }

    private static Encounter attendance(String patientId, LocalDate on) {
        Encounter e = new Encounter();
        e.setId("enc-ed-" + patientId.substring(3));
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding(ACT_CODES, "EMER", "emergency"));
        e.addType(new CodeableConcept().setText("Emergency department attendance"));
        e.setSubject(new Reference("Patient/" + patientId));
        e.setPeriod(new Period().setStart(date(on)).setEnd(date(on)));
        e.setServiceProvider(new Reference().setDisplay("Chesterfield Royal Hospital"));
        return e;
    }

    private static Encounter review(String patientId, LocalDate on) {
        Encounter e = new Encounter();
        e.setId("enc-rv-" + patientId.substring(3));
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding(ACT_CODES, "AMB", "ambulatory"));
        e.addType(new CodeableConcept().setText("2-2.5 year review"));
        e.setSubject(new Reference("Patient/" + patientId));
        e.setPeriod(new Period().setStart(date(on)));
        e.setServiceProvider(new Reference().setDisplay("Chesterfield Health Visiting Team"));
        return e;
    }

    private static Flag flag(String patientId, LocalDate from) {
        Flag f = new Flag();
        f.setId("flag-" + patientId.substring(3));
        f.setStatus(Flag.FlagStatus.ACTIVE);
        f.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "safety", "Safety")));
        f.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "395162008", "Child protection plan"))
                .setText("Child protection plan"));
        f.setSubject(new Reference("Patient/" + patientId));
        f.setPeriod(new Period().setStart(date(from)));
        f.setAuthor(new Reference().setDisplay("Chesterfield Royal Hospital Safeguarding Children Team"));
        return f;
    }

    private static HumanName name(Member m) {
        return new HumanName()
                .setUse(HumanName.NameUse.OFFICIAL)
                .setFamily(m.familyName())
                .addGiven(m.givenName());
    }

    private static Address address(Family family) {
        Address a = new Address().setUse(Address.AddressUse.HOME);
        List<String> lines = family.address().lines();
        for (int i = 0; i < lines.size() - 1; i++) {
            a.addLine(lines.get(i));
        }
        a.setCity(lines.isEmpty() ? SyntheticPopulation.TOWN : lines.get(lines.size() - 1));
        a.setPostalCode(family.address().postcode());
        return a;
    }

    private static AdministrativeGender gender(Member m) {
        return switch (m.sex()) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.of("UTC")).toInstant());
    }

    /** The member's own NHS number, or a valid one derived from the record's id. */
    static String nhsNumber(Member m, String id) {
        if (m.nhsNumber() != null && NhsNumber.valid(m.nhsNumber())) {
            return m.nhsNumber();
        }
        long h = Math.abs((long) id.hashCode()) % 900_000_000L + 100_000_000L;
        for (long n = h; ; n++) {
            String nine = Long.toString(n);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
