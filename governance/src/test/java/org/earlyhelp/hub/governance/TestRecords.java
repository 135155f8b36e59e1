package org.earlyhelp.hub.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementStatus;
import org.earlyhelp.hub.governance.agreement.ConsentRule;
import org.earlyhelp.hub.governance.agreement.FieldRule;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.RiskLevel;
import org.earlyhelp.hub.schema.Role;

/** Builders for the governance tests: synthetic people, incidents and agreements (no real person's data). */
public final class TestRecords {

    public static final String TYPE = "domestic-abuse-incident";
    public static final Instant OCCURRED_AT = Instant.parse("2026-07-14T20:30:00Z");
    public static final String OFFICER_NOTES = "Neighbour called; suspect left before arrival";

    private TestRecords() {}

    public static Person child(String ref, String given, String family, LocalDate dob, String schoolUrn) {
        return person(ref, Role.CHILD, given, family, dob)
                .setSchoolUrn(schoolUrn)
                .build();
    }

    public static Person adult(String ref, Role role, String given, String family, LocalDate dob) {
        return person(ref, role, given, family, dob)
                .setNhsNumber("9434765919")
                .setAddress(address("1 Elder Row", "S40 2QT"))
                .build();
    }

    public static Person.Builder person(String ref, Role role, String given, String family, LocalDate dob) {
        return Person.newBuilder()
                .setRef(ref)
                .setRole(role)
                .setGivenName(given)
                .setFamilyName(family)
                .setDateOfBirth(dob);
    }

    public static Address address(String line, String postcode) {
        return Address.newBuilder()
                .setLines(List.of(line))
                .setPostcode(postcode)
                .build();
    }

    /** An incident at 12 Ash Grove, S41 7AB; {@code present} are the refs of the children who were present. */
    public static HubRecord incident(String recordId, List<String> present, Person... people) {
        DomesticAbuseIncident incident = DomesticAbuseIncident.newBuilder()
                .setReference("DA/2026/0001")
                .setOccurredAt(OCCURRED_AT)
                .setPlace(address("12 Ash Grove", "S41 7AB"))
                .setChildrenPresent(present)
                .setRiskLevel(RiskLevel.HIGH)
                .setOfficerNotes(OFFICER_NOTES)
                .build();
        return HubRecord.newBuilder()
                .setRecordId(recordId)
                .setKind(RecordKind.EVENT)
                .setType(TYPE)
                .setProvider("police")
                .setReceivedAt(OCCURRED_AT.plusSeconds(3600))
                .setPeople(List.of(people))
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(incident))
                .build();
    }

    /** An agreement like the shipped one, with the given status, validity, consent rule and field rules. */
    public static Agreement agreement(
            String id,
            AgreementStatus status,
            LocalDate from,
            LocalDate until,
            ConsentRule consent,
            Map<String, FieldRule> fields) {
        return new Agreement(
                id,
                "Test agreement " + id,
                1,
                status,
                "police",
                List.of("schools"),
                "safeguarding/domestic-abuse-notification",
                new Agreement.LawfulBasis("public-task", "dpa-2018-sch1-para18", List.of("children-act-2004-s11")),
                consent,
                new Agreement.AppliesTo("event", TYPE),
                fields,
                new Agreement.Delivery("before-next-school-day"),
                Period.ofYears(1),
                new Agreement.Validity(from, until, until.minusMonths(6)),
                null,
                consent == ConsentRule.REQUIRED ? "health" : null,
                null,
                null,
                null,
                null);
    }

    /** An approved, in-date (2025-09-01 to 2027-08-31) agreement releasing the child's name and date of birth. */
    public static Agreement approved(String id) {
        return agreement(
                id,
                AgreementStatus.APPROVED,
                LocalDate.of(2025, 9, 1),
                LocalDate.of(2027, 8, 31),
                ConsentRule.NOT_REQUIRED,
                Map.of("child.name", FieldRule.ALLOW, "child.date-of-birth", FieldRule.ALLOW));
    }
}
