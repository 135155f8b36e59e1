package org.earlyhelp.hub.connector.schools;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.PersonLinks;
import org.earlyhelp.hub.connector.api.RecordType;
import org.earlyhelp.hub.connector.schools.ehe.ElectiveHomeEducationRegister;
import org.earlyhelp.hub.connector.schools.inbound.ElectiveHomeEducationRequest;
import org.earlyhelp.hub.connector.schools.inbound.SchoolsRecordMapper;
import org.earlyhelp.hub.connector.schools.inbound.SchoolsRecordReader;
import org.earlyhelp.hub.governance.flow.Recipient;
import org.earlyhelp.hub.governance.flow.RecipientAddressing;
import org.earlyhelp.hub.governance.ledger.SubjectKey;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.governance.relationship.RelationshipAssertion;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.SchoolAttendance;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The descriptor: its types, roll relationships, contacts, and where a disclosure about a child goes. */
class SchoolsConnectorTest {

    static TestDatabase db;
    final SchoolsConnector connector = new SchoolsConnector();

    @BeforeAll
    static void start() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @AfterEach
    void uninstall() {
        SchoolsConnector.useHomeEducation(subject -> false);
    }

    static Person child(String urn) {
        return Person.newBuilder()
                .setRef("p1")
                .setRole(Role.CHILD)
                .setGivenName("Amelia")
                .setFamilyName("Hartley")
                .setDateOfBirth(LocalDate.of(2015, 3, 14))
                .setSchoolUrn(urn)
                .build();
    }

    static HubRecord attendance(String organisation, String urn) {
        Person parent = Person.newBuilder()
                .setRef("c1")
                .setRole(Role.PARENT)
                .setGivenName("Claire")
                .setFamilyName("Hartley")
                .build();
        HubRecord r = SchoolsRecordMapper.attendance(
                List.of(child(urn), parent), urn, "2026-autumn", 85.0, 0, null, "r-1", Instant.EPOCH);
        r.setProvider(organisation.substring(0, organisation.indexOf(':')));
        r.setProviderOrganisation(organisation);
        return r;
    }

    RecipientAddressing addressing() {
        return connector.outbound().orElseThrow().addressing();
    }

    @Test
    void theConnectorBringsInFiveTypesFromSchoolsAndTheEducationService() {
        assertThat(connector.recordTypes())
                .extracting(RecordType::type)
                .containsExactly(
                        "school-attendance",
                        "school-suspension",
                        "school-exclusion",
                        "missing-education",
                        "elective-home-education");
        assertThat(connector.recordTypes().get(3).providers()).containsExactly("council");
        assertThat(connector.educationRecords()).isTrue();
    }

    @Test
    void aDisclosureGoesToTheChildsSchoolOrToReviewWhenNoneIsKnown() {
        assertThat(addressing()
                        .address(attendance("schools:123456", "123456"), child("123456"))
                        .recipient())
                .isEqualTo(new Recipient("schools", "123456"));
        RecipientAddressing.Addressed none = addressing().address(attendance("schools:123456", "123456"), child(null));
        assertThat(none.recipient()).isNull();
        assertThat(none.unaddressable()).isEqualTo("no school is known for this child: refer to the education service");
    }

    @Test
    void aHomeEducatedChildsDisclosureGoesToTheCouncilsEheTeamUntilTheEducationServiceEndsIt() throws Exception {
        // Given the education service's record that Amelia is electively home educated
        SubjectKey keys = new SubjectKey(
                new Pseudonymiser("a pseudonymisation key of 32 bytes+".getBytes(StandardCharsets.UTF_8)));
        ElectiveHomeEducationRegister register =
                new ElectiveHomeEducationRegister(new JdbcTemplate(db.dataSource()), keys);
        SchoolsConnector.useHomeEducation(
                p -> register.homeEducated(p.getGivenName(), p.getFamilyName(), p.getDateOfBirth()));
        SchoolsRecordReader reader = new SchoolsRecordReader(
                Validation.buildDefaultValidatorFactory().getValidator());
        String body =
                """
                {"people": [{"ref": "p1", "role": "CHILD", "givenName": "Amelia", "familyName": "Hartley",
                             "dateOfBirth": "2015-03-14"}],
                 "homeEducation": {"status": "ACTIVE", "since": "2026-09-01", "previousSchoolUrn": "123456"}}""";
        ElectiveHomeEducationRequest active =
                reader.homeEducation(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        register.record(active, "r-ehe-1");

        // When the police name her old school, Then the disclosure goes to the EHE team instead
        assertThat(addressing()
                        .address(attendance("schools:123456", "123456"), child("123456"))
                        .recipient())
                .isEqualTo(new Recipient("schools", SchoolsConnector.EHE_TEAM));

        // and once the education service ends it, to the school again
        ElectiveHomeEducationRequest ended =
                reader.homeEducation(new ByteArrayInputStream(body.replace("ACTIVE", "ENDED")
                        .replace("2026-09-01", "2026-11-01")
                        .getBytes(StandardCharsets.UTF_8)));
        register.record(ended, "r-ehe-2");
        assertThat(addressing()
                        .address(attendance("schools:123456", "123456"), child("123456"))
                        .recipient())
                .isEqualTo(new Recipient("schools", "123456"));
    }

    @Test
    void aSchoolsAttendanceAtItsOwnUrnPutsThePupilOnItsRoll() {
        HubRecord r = attendance("schools:123456", "123456");
        List<RelationshipAssertion> out = connector.relationships().of(r, decode(r));
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(RelationshipKind.PUPIL_ON_ROLL);
            assertThat(a.detail()).isEqualTo("123456");
            assertThat(a.recordKey()).endsWith("#p1");
        });
    }

    @Test
    void aSchoolNamingAnotherUrnEstablishesNothing() {
        HubRecord r = attendance("schools:654321", "123456");
        assertThat(connector.relationships().of(r, decode(r))).isEmpty();
    }

    @Test
    void theEducationServicesRollRecordIsARollRecordForAnyUrn() {
        HubRecord r = attendance("council:education-service", "123456");
        assertThat(connector.relationships().of(r, decode(r)))
                .extracting(RelationshipAssertion::kind)
                .containsExactly(RelationshipKind.ROLL_RECORD);
        HubRecord other = attendance("council:housing-options", "123456");
        assertThat(connector.relationships().of(other, decode(other))).isEmpty();
    }

    @Test
    void aSchoolsContactIsSchoolContactOfEachChild() {
        HubRecord r = attendance("schools:123456", "123456");
        assertThat(connector.personLinks().of(r, decode(r)))
                .containsExactly(new PersonLinks.Link("c1", "p1", "SCHOOL_CONTACT_OF"));
    }

    static SchoolAttendance decode(HubRecord r) {
        return org.earlyhelp.hub.schema.payload.PayloadTypes.of(
                        List.of(org.earlyhelp.hub.schema.payload.PayloadType.of(SchoolAttendance.getClassSchema())))
                .decode(r.getType(), r.getPayload(), SchoolAttendance.class);
    }
}
