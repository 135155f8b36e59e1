package org.earlyhelp.hub.governance.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.governance.TestRecords;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.SchoolAttendance;
import org.junit.jupiter.api.Test;

class RelationshipRulesTest {

    static final LocalDate DOB = LocalDate.of(2014, 5, 6);

    static HubRecord record(String provider, String organisation, Object payload) {
        return HubRecord.newBuilder()
                .setRecordId("rec-1")
                .setKind(RecordKind.STATE)
                .setType("x")
                .setProvider(provider)
                .setProviderOrganisation(organisation)
                .setReceivedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .setPeople(List.of(TestRecords.child("p", "Lily", "Hart", DOB, null)))
                .setPayload(payload)
                .build();
    }

    static SchoolAttendance attendance(String urn) {
        return SchoolAttendance.newBuilder()
                .setSchoolUrn(urn)
                .setTerm("2026-autumn")
                .setAttendancePercent(91.0)
                .setPersistentAbsence(false)
                .setPupil(List.of("p"))
                .build();
    }

    static CaseInvolvement caseInvolvement(String status, String lead) {
        return CaseInvolvement.newBuilder()
                .setCaseType("early-help")
                .setStatus(status)
                .setOpenedOn(LocalDate.of(2026, 11, 1))
                .setLeadPractitioner(lead)
                .build();
    }

    @Test
    void aSchoolsAttendanceAtItsOwnUrnPutsThePupilOnItsRoll() {
        List<RelationshipAssertion> a = RelationshipRules.of(record("schools", "schools:123456", attendance("123456")));

        assertThat(a).singleElement().satisfies(r -> {
            assertThat(r.organisation()).isEqualTo("schools:123456");
            assertThat(r.kind()).isEqualTo(RelationshipKind.PUPIL_ON_ROLL);
            assertThat(r.recordKey()).isEqualTo("schools/rec-1#p");
            assertThat(r.detail()).isEqualTo("123456");
            assertThat(r.closing()).isFalse();
        });
    }

    @Test
    void aSchoolCanNeverAssertAPupilAtAnotherUrnNorARecordWithoutItsOrganisation() {
        assertThat(RelationshipRules.of(record("schools", "schools:654321", attendance("123456"))))
                .isEmpty();
        assertThat(RelationshipRules.of(record("schools", null, attendance("123456"))))
                .isEmpty();
        assertThat(RelationshipRules.of(record("schools", "health:RFS", attendance("123456"))))
                .isEmpty();
    }

    @Test
    void theCouncilsRollRecordIsTheAuthoritativeRollNotAPullRelationship() {
        List<RelationshipAssertion> a =
                RelationshipRules.of(record("council", RelationshipKind.EDUCATION_SERVICE, attendance("123456")));

        assertThat(a).extracting(RelationshipAssertion::kind).containsExactly(RelationshipKind.ROLL_RECORD);
        assertThat(RelationshipKind.ROLL_RECORD.licensesPull()).isFalse();
        assertThat(RelationshipRules.of(record("council", "council:libraries", attendance("123456"))))
                .isEmpty();
    }

    @Test
    void anInvolvementWithoutANamedLeadPractitionerOrTeamEstablishesNothing() {
        assertThat(RelationshipRules.of(record("casesystem", "casesystem:north", caseInvolvement("open", null))))
                .isEmpty();
        assertThat(RelationshipRules.of(record(
                        "health",
                        "health:RFS",
                        HealthInvolvement.newBuilder()
                                .setService("camhs")
                                .setSince(LocalDate.of(2026, 1, 1))
                                .build())))
                .isEmpty();
    }

    @Test
    void anOpenCaseWithALeadPractitionerOpensAndAClosedOneEnds() {
        assertThat(RelationshipRules.of(record("casesystem", "casesystem:north", caseInvolvement("open", "Team N"))))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(RelationshipKind.OPEN_INVOLVEMENT);
                    assertThat(r.closing()).isFalse();
                });
        assertThat(RelationshipRules.of(record("casesystem", "casesystem:north", caseInvolvement("Closed", null))))
                .singleElement()
                .satisfies(r -> assertThat(r.closing()).isTrue());
    }
}
