package org.earlyhelp.hub.app.records;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.HostileJson;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * 10,000 hostile bodies for each record type through the strict reader, the mapper's checks and the mapper: the
 * reader's rejection is the only exception, no problem quotes a value sent, and whatever passes maps to a record.
 */
class PartnerRecordPropertyTest {

    static final String PERSON =
            """
            {"ref": "c", "role": "CHILD", "givenName": "Zephyrine", "familyName": "Quillfeather",
             "dateOfBirth": "2013-07-19", "sex": "FEMALE", "nhsNumber": "4857773457", "upn": "A12345678901B",
             "address": {"lines": ["12 Oak Road", "Chesterfield"], "postcode": "S41 7AB", "uprn": "100030000001"},
             "schoolUrn": "200001"}""";
    static final String CASE =
            """
            {"type": "case-involvement", "people": [%s,
               {"ref": "m", "role": "PARENT", "givenName": "Rose", "familyName": "Quillfeather",
                "dateOfBirth": "1987-06-01"}],
             "caseInvolvement": {"caseType": "early-help", "status": "open", "openedOn": "2026-10-01",
               "leadPractitioner": "Team North",
               "relationships": [{"fromRef": "m", "toRef": "c", "kind": "PARENT_OF"}]}}"""
                    .formatted(PERSON);
    static final String ATTENDANCE =
            """
            {"type": "school-attendance", "people": [%s],
             "attendance": {"schoolUrn": "200001", "term": "2026-autumn", "attendancePercent": 84.5,
               "suspensions": 1, "pastoralNotes": "note"}}"""
                    .formatted(PERSON);
    static final String HEALTH =
            """
            {"type": "health-involvement", "people": [%s],
             "involvement": {"service": "school-nursing", "since": "2025-01-15", "team": "0-19",
               "clinicalNotes": "note"}}"""
                    .formatted(PERSON);

    final StrictJsonReader reader =
            new StrictJsonReader(Validation.buildDefaultValidatorFactory().getValidator());

    @Property(tries = 10_000)
    void hostileCaseInvolvementIsMappedOrRejectedWithoutEchoingAnyValue(@ForAll("cases") String body) {
        readCheckAndMap(body, "casesystem");
    }

    @Property(tries = 10_000)
    void hostileAttendanceIsMappedOrRejectedWithoutEchoingAnyValue(@ForAll("attendances") String body) {
        readCheckAndMap(body, "schools");
    }

    @Property(tries = 10_000)
    void hostileHealthInvolvementIsMappedOrRejectedWithoutEchoingAnyValue(@ForAll("healths") String body) {
        readCheckAndMap(body, "health");
    }

    private void readCheckAndMap(String body, String partner) {
        PartnerRecordRequest request;
        try {
            request = reader.read(body.getBytes(StandardCharsets.UTF_8), PartnerRecordRequest.class);
        } catch (RequestRejected e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.errors().toString() + e.getMessage()).doesNotContain(HostileJson.MARKERS);
            return;
        }
        List<FieldError> problems = PartnerRecordMapper.problems(request, partner);
        assertThat(problems.toString()).doesNotContain(HostileJson.MARKERS);
        if (problems.isEmpty()) {
            HubRecord record = PartnerRecordMapper.toRecord(
                    request, "r-1", new org.earlyhelp.hub.governance.access.Organisation(partner, "1"), Instant.EPOCH);
            assertThat(record.getPeople()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<String> cases() {
        return HostileJson.bodies(CASE);
    }

    @Provide
    Arbitrary<String> attendances() {
        return HostileJson.bodies(ATTENDANCE);
    }

    @Provide
    Arbitrary<String> healths() {
        return HostileJson.bodies(HEALTH);
    }
}
