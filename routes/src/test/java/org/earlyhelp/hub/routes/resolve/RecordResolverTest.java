package org.earlyhelp.hub.routes.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.hub.matching.engine.StandardMatcher;
import org.earlyhelp.hub.matching.index.Family;
import org.earlyhelp.hub.matching.index.FamilyGraph;
import org.earlyhelp.hub.matching.index.IndexTermFrequencies;
import org.earlyhelp.hub.matching.index.PersonIndex;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.earlyhelp.hub.schema.Address;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Relationship;
import org.earlyhelp.hub.schema.RelationshipKind;
import org.earlyhelp.hub.schema.Role;
import org.earlyhelp.hub.schema.SchoolAttendance;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resolve step on a real PostgreSQL with every shipped migration. */
class RecordResolverTest {

    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static PersonIndex index;
    static RecordResolver resolver;
    static RecordStore store;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        IndexTermFrequencies frequencies = new IndexTermFrequencies(dataSource);
        index = new PersonIndex(dataSource, StandardMatcher.standard(), frequencies, Clock.systemUTC());
        // records as they are: minimisation at rest has its own test
        store = new RecordStore(dataSource, java.util.function.UnaryOperator.identity(), r -> {
            throw new AssertionError("an unchanged record keeps its bytes");
        });
        resolver = new RecordResolver(index, store, 4);
    }

    @AfterAll
    static void stop() throws IOException {
        resolver.close();
        postgres.close();
    }

    @Test
    void aPersonOfARecordBecomesWhatTheMatcherCompares() {
        HubRecord record = caseRecord("rec-map", List.of());

        PersonRecord child =
                RecordResolver.toPersonRecord(record, record.getPeople().get(0));

        assertThat(child.id()).isEqualTo("rec-map#c");
        assertThat(child.source()).isEqualTo("casesystem");
        assertThat(child.education()).isFalse();
        assertThat(child.forename()).isEqualTo("Lily");
        assertThat(child.dateOfBirth()).isEqualTo(LocalDate.of(2014, 5, 6));
        assertThat(child.address()).isEqualTo("3 Elm Close");
        assertThat(child.town()).isEqualTo("Chesterfield");
        assertThat(child.postcode()).isEqualTo("S40 1AA");
        assertThat(child.uprn()).isEqualTo("100030000042");
        assertThat(child.nhsNumber()).isEqualTo("4010232137");
    }

    @Test
    void theCaseSystemsRelationshipsAndASchoolsContactsJoinTheFamilyAndAReplayChangesNothing() {
        HubRecord family = caseRecord(
                "rec-case",
                List.of(Relationship.newBuilder()
                        .setFromRef("d")
                        .setToRef("c")
                        .setKind(RelationshipKind.PARENT_OF)
                        .build()));
        HubRecord attendance = HubRecord.newBuilder()
                .setRecordId("rec-school")
                .setKind(RecordKind.STATE)
                .setType("school-attendance")
                .setProvider("schools")
                .setReceivedAt(Instant.now())
                .setPeople(List.of(
                        person("p", Role.CHILD, "Lily", "Pemberton", LocalDate.of(2014, 5, 6), null, null),
                        person("g", Role.PARENT, "Gwen", "Haworth", LocalDate.of(1960, 1, 2), null, null)))
                .setPayload(SchoolAttendance.newBuilder()
                        .setSchoolUrn("200001")
                        .setTerm("2026-autumn")
                        .setAttendancePercent(97.0)
                        .setPersistentAbsence(false)
                        .build())
                .build();

        resolver.resolveAll(List.of(family, attendance), List.of(new byte[] {1}, new byte[] {2}));
        resolver.resolveAll(List.of(family, attendance), List.of(new byte[] {1}, new byte[] {2}));

        UUID lily = index.personOf("casesystem", "rec-case#c").orElseThrow();
        assertThat(index.personOf("schools", "rec-school#p")).contains(lily);
        UUID dad = index.personOf("casesystem", "rec-case#d").orElseThrow();
        UUID grandmother = index.personOf("schools", "rec-school#g").orElseThrow();
        Family view = new FamilyGraph(dataSource).family(lily);
        assertThat(view.members())
                .extracting(Family.Member::personId)
                .containsExactlyInAnyOrder(lily, dad, grandmother);
        assertThat(index.recordsOf(lily)).hasSize(2);
        assertThat(store.about(List.of("casesystem/rec-case#c"))).hasSize(1);
    }

    static HubRecord caseRecord(String id, List<Relationship> relationships) {
        return HubRecord.newBuilder()
                .setRecordId(id)
                .setKind(RecordKind.INVOLVEMENT)
                .setType("case-involvement")
                .setProvider("casesystem")
                .setReceivedAt(Instant.now())
                .setPeople(List.of(
                        person(
                                "c",
                                Role.CHILD,
                                "Lily",
                                "Pemberton",
                                LocalDate.of(2014, 5, 6),
                                "4010232137",
                                "3 Elm Close"),
                        person("d", Role.PARENT, "Owen", "Pemberton", LocalDate.of(1980, 8, 9), null, "9 Far Street")))
                .setPayload(CaseInvolvement.newBuilder()
                        .setCaseType("early-help")
                        .setStatus("open")
                        .setOpenedOn(LocalDate.of(2026, 1, 5))
                        .setRelationships(relationships)
                        .build())
                .build();
    }

    static Person person(String ref, Role role, String given, String family, LocalDate dob, String nhs, String line1) {
        return Person.newBuilder()
                .setRef(ref)
                .setRole(role)
                .setGivenName(given)
                .setFamilyName(family)
                .setDateOfBirth(dob)
                .setNhsNumber(nhs)
                .setAddress(
                        line1 == null
                                ? null
                                : Address.newBuilder()
                                        .setLines(List.of(line1, "Chesterfield"))
                                        .setPostcode(line1.startsWith("3") ? "S40 1AA" : "S41 9ZZ")
                                        .setUprn(line1.startsWith("3") ? "100030000042" : null)
                                        .build())
                .build();
    }
}
