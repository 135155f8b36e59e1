package org.earlyhelp.hub.routes.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.relationship.RelationshipRegister;
import org.earlyhelp.hub.matching.engine.StandardMatcher;
import org.earlyhelp.hub.matching.index.Family;
import org.earlyhelp.hub.matching.index.FamilyGraph;
import org.earlyhelp.hub.matching.index.IndexTermFrequencies;
import org.earlyhelp.hub.matching.index.MergeLineage;
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
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resolve step on a real PostgreSQL with every shipped migration. */
class RecordResolverTest {

    static TestDatabase postgres;
    static DataSource dataSource;
    static PersonIndex index;
    static RecordResolver resolver;
    static RecordStore store;

    /**
     * The partners as their connectors declare them (connectors/casesystem, connectors/schools): the case system's
     * recorded relationships and open involvements, a school's contacts for its pupils.
     */
    static final RecordResolver.Partners PARTNERS = new RecordResolver.Partners(
            org.earlyhelp.hub.testsupport.TestPayloads.CORE,
            new org.earlyhelp.hub.governance.relationship.RelationshipRules(
                    java.util.Map.of("casesystem", (record, payload) -> {
                        org.earlyhelp.hub.schema.CaseInvolvement c = (org.earlyhelp.hub.schema.CaseInvolvement) payload;
                        boolean closing = c.getStatus().equals("closed");
                        if (!closing
                                && !org.earlyhelp.hub.governance.relationship.RelationshipRules.named(
                                        c.getLeadPractitioner())) {
                            return List.of();
                        }
                        return record.getPeople().stream()
                                .map(p -> org.earlyhelp.hub.governance.relationship.RelationshipRules.assertion(
                                        record,
                                        org.earlyhelp.hub.governance.relationship.RelationshipKind.OPEN_INVOLVEMENT,
                                        p,
                                        null,
                                        closing))
                                .toList();
                    })),
            java.util.Map.of(
                    "casesystem",
                    (record, payload) -> ((org.earlyhelp.hub.schema.CaseInvolvement) payload)
                            .getRelationships().stream()
                                    .map(r -> new org.earlyhelp.hub.connector.api.PersonLinks.Link(
                                            r.getFromRef(),
                                            r.getToRef(),
                                            r.getKind().name()))
                                    .toList(),
                    "schools",
                    (record, payload) -> record.getPeople().stream()
                            .filter(p -> p.getRole() == org.earlyhelp.hub.schema.Role.PARENT)
                            .flatMap(parent -> record.getPeople().stream()
                                    .filter(c -> c.getRole() == org.earlyhelp.hub.schema.Role.CHILD)
                                    .map(c -> new org.earlyhelp.hub.connector.api.PersonLinks.Link(
                                            parent.getRef(), c.getRef(), "SCHOOL_CONTACT_OF")))
                            .toList()),
            java.util.Set.of("schools", "council"));

    @BeforeAll
    static void start() throws IOException {
        postgres = TestDatabase.migrated();
        dataSource = postgres.dataSource();
        IndexTermFrequencies frequencies = new IndexTermFrequencies(dataSource);
        index = new PersonIndex(dataSource, StandardMatcher.standard(), frequencies, Clock.systemUTC());
        // records as they are: minimisation at rest has its own test
        store = new RecordStore(dataSource, java.util.function.UnaryOperator.identity(), r -> {
            throw new AssertionError("an unchanged record keeps its bytes");
        });
        resolver = new RecordResolver(index, store, new RelationshipRegister(dataSource), PARTNERS, 4);
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
                RecordResolver.toPersonRecord(record, record.getPeople().get(0), false);

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
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(SchoolAttendance.newBuilder()
                        .setSchoolUrn("200001")
                        .setTerm("2026-autumn")
                        .setAttendancePercent(97.0)
                        .setPersistentAbsence(false)
                        .build()))
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

    @Test
    void aLeadPractitionersOpenCaseIsARelationshipThatFollowsMergeAndSplitAndAClosedCaseEndsIt() {
        // Given the case system's open case with a named lead practitioner, and another person's record
        RelationshipRegister register = new RelationshipRegister(dataSource);
        String team = "casesystem:early-help-north";
        resolver.resolve(
                involvement("rel-open", "Mia", "2013-02-03", "9434765919", "open", "Team North"), new byte[] {1});
        resolver.resolve(involvement("rel-other", "Zed", "2011-07-08", null, "open", null), new byte[] {1});
        UUID mia = index.personOf("casesystem", "rel-open#c").orElseThrow();
        UUID zed = index.personOf("casesystem", "rel-other#c").orElseThrow();
        assertThat(register.live(team, keysOf(mia))).singleElement().satisfies(r -> assertThat(r.kind())
                .isEqualTo(org.earlyhelp.hub.governance.relationship.RelationshipKind.OPEN_INVOLVEMENT));
        assertThat(register.live(team, keysOf(zed)))
                .as("no lead practitioner: no relationship")
                .isEmpty();

        // When the two are merged, the relationship is the kept person's
        index.merge(zed, mia, "test", "tester");
        assertThat(register.live(team, keysOf(zed))).hasSize(1);
        MergeLineage lineage = new MergeLineage(dataSource);
        assertThat(lineage.of(zed)).containsKeys(zed, mia);

        // And when the record is split off again, it goes with the record, and the split is on the lineage
        UUID split = index.split(zed, List.of("casesystem/rel-open#c"), "test", "tester");
        assertThat(register.live(team, keysOf(split))).hasSize(1);
        assertThat(register.live(team, keysOf(zed))).isEmpty();
        assertThat(lineage.of(zed).get(zed)).isPresent();

        // When the case system closes the case (a new record about the same child)
        resolver.resolve(involvement("rel-close", "Mia", "2013-02-03", "9434765919", "closed", null), new byte[] {1});

        // Then the relationship has ended
        assertThat(register.live(team, keysOf(split))).isEmpty();
    }

    private static List<String> keysOf(UUID person) {
        return index.recordsOf(person).stream()
                .map(org.earlyhelp.hub.matching.index.IndexedRecord::recordKey)
                .toList();
    }

    static HubRecord involvement(String id, String given, String dob, String nhs, String status, String lead) {
        return HubRecord.newBuilder()
                .setRecordId(id)
                .setKind(RecordKind.INVOLVEMENT)
                .setType("case-involvement")
                .setProvider("casesystem")
                .setProviderOrganisation("casesystem:early-help-north")
                .setReceivedAt(Instant.now())
                .setPeople(List.of(person("c", Role.CHILD, given, "Rowe", LocalDate.parse(dob), nhs, null)))
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(CaseInvolvement.newBuilder()
                        .setCaseType("early-help")
                        .setStatus(status)
                        .setOpenedOn(LocalDate.of(2026, 1, 5))
                        .setLeadPractitioner(lead)
                        .build()))
                .build();
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
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(CaseInvolvement.newBuilder()
                        .setCaseType("early-help")
                        .setStatus("open")
                        .setOpenedOn(LocalDate.of(2026, 1, 5))
                        .setRelationships(relationships)
                        .build()))
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
