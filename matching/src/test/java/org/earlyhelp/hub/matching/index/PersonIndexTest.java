package org.earlyhelp.hub.matching.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.earlyhelp.hub.matching.engine.Outcome;
import org.earlyhelp.hub.matching.engine.PairMatcher;
import org.earlyhelp.hub.matching.engine.PairScore;
import org.earlyhelp.hub.matching.engine.Rule;
import org.earlyhelp.hub.matching.model.Explanation;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The index's own mechanics (linking, review, merge, split, households, concurrency) against a real PostgreSQL with the
 * shipped migration. The pair matcher here is a small fixed rule set so that each case is obvious; the real matcher
 * has its own tests and benchmarks.
 */
class PersonIndexTest {

    static final LocalDate DOB = LocalDate.of(2015, 3, 4);

    static IndexDatabase database;
    static DataSource dataSource;

    PersonIndex index;
    FamilyGraph families;

    @BeforeAll
    static void startPostgres() throws IOException {
        database = IndexDatabase.start();
        dataSource = database.dataSource();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        database.close();
    }

    @BeforeEach
    void emptyTheIndex() throws SQLException {
        database.empty();
        index = new PersonIndex(dataSource, new RuleMatcher(), new IndexTermFrequencies(dataSource), Clock.systemUTC());
        families = new FamilyGraph(dataSource);
    }

    @Test
    void aRecordWithNoCandidatesStartsAPersonAndTheSameNhsNumberAndBirthDateJoinsIt() {
        Resolution first = index.resolve(child("health", "h1", "Jessica", "Smith")
                .nhsNumber("9434765919")
                .build());
        Resolution second = index.resolve(
                child("schools", "s1", "Jess", "Smyth").nhsNumber("9434765919").build());

        assertThat(first.newPerson()).isTrue();
        assertThat(second.personId()).isEqualTo(first.personId());
        assertThat(second.method()).isEqualTo("NHS_NUMBER_AND_DATE_OF_BIRTH");
        List<IndexedRecord> records = index.recordsOf(first.personId());
        assertThat(records).extracting(IndexedRecord::recordKey).containsExactly("health/h1", "schools/s1");
        assertThat(records.get(1).explanationJson()).contains("\"rule\": \"NHS_NUMBER_AND_DATE_OF_BIRTH\"");
        assertThat(records.get(1).record().forename()).isEqualTo("Jess");
    }

    @Test
    void aRecordIdenticalToOneAlreadyResolvedJoinsItsPersonWithoutBeingScored() throws SQLException {
        Resolution first = index.resolve(child("police", "p1", "Liam", "Jones").build());
        long keys = count("select count(*) from person_block_key");

        Resolution again = index.resolve(
                child("police", "p2", " LIAM ", "jones").postcode("s417ab").build());

        assertThat(again.personId()).isEqualTo(first.personId());
        assertThat(again.method()).isEqualTo(PersonIndex.IDENTICAL_DEMOGRAPHICS);
        assertThat(count("select count(*) from person_block_key")).isEqualTo(keys);
        assertThat(index.recordsOf(first.personId())).hasSize(2);
        // one character of difference is scored as usual
        assertThat(index.resolve(child("police", "p3", "Liam", "Jonas").build()).method())
                .isNotEqualTo(PersonIndex.IDENTICAL_DEMOGRAPHICS);
    }

    @Test
    void resolvingTheSameRecordAgainChangesNothing() {
        PersonRecord record = child("police", "p1", "Liam", "Jones").build();
        UUID person = index.resolve(record).personId();

        Resolution again = index.resolve(record);

        assertThat(again.personId()).isEqualTo(person);
        assertThat(again.method()).isEqualTo(PersonIndex.ALREADY_INDEXED);
        assertThat(index.recordsOf(person)).hasSize(1);
    }

    @Test
    void twinsAreNeverMergedAndALaterRecordJoinsTheRightTwin() {
        UUID amy = index.resolve(child("schools", "s1", "Amy", "Khan").build()).personId();
        UUID ben = index.resolve(child("schools", "s2", "Ben", "Khan").build()).personId();
        UUID amyAgain =
                index.resolve(child("health", "h1", "Amy", "Khan").build()).personId();

        assertThat(ben).isNotEqualTo(amy);
        assertThat(amyAgain).isEqualTo(amy);
        assertThat(index.openReviewCount()).isZero();
    }

    @Test
    void anUncertainPairWaitsForAPersonWhoseAnswerMergesThePeople() {
        UUID first =
                index.resolve(child("police", "p1", "Kai", "Brown").build()).personId();
        Resolution uncertain = index.resolve(
                child("housing", "x1", "Kye", "Brown").postcode("LS1 4AP").build());

        assertThat(uncertain.newPerson()).isTrue();
        assertThat(uncertain.reviewsOpened()).isEqualTo(1);
        ReviewItem item = index.openReviews(10).get(0);
        assertThat(item.recordKey()).isEqualTo("housing/x1");
        assertThat(item.candidatePersonId()).isEqualTo(first);
        assertThat(item.explanationJson()).contains("\"outcome\": \"REVIEW\"");

        UUID kept = index.decide(item.reviewId(), ReviewDecision.SAME_PERSON, "reviewer-1");

        assertThat(kept).isEqualTo(first);
        assertThat(index.recordsOf(first)).extracting(IndexedRecord::recordKey).contains("housing/x1");
        assertThat(index.currentPerson(uncertain.personId())).contains(first);
        assertThat(index.history(first)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("MERGE");
            assertThat(e.otherPersonId()).isEqualTo(uncertain.personId());
            assertThat(e.recordKeys()).containsExactly("housing/x1");
            assertThat(e.actor()).isEqualTo("reviewer-1");
        });
        assertThat(index.openReviewCount()).isZero();
        assertThatThrownBy(() -> index.decide(item.reviewId(), ReviewDecision.DIFFERENT_PEOPLE, "reviewer-2"))
                .hasMessageContaining("already decided");
    }

    @Test
    void differentPeopleStayApart() throws SQLException {
        UUID first =
                index.resolve(child("police", "p1", "Kai", "Brown").build()).personId();
        Resolution other = index.resolve(
                child("housing", "x1", "Kye", "Brown").postcode("LS1 4AP").build());
        long review = index.openReviews(1).get(0).reviewId();

        index.decide(review, ReviewDecision.DIFFERENT_PEOPLE, "reviewer-1");

        assertThat(index.recordsOf(first)).hasSize(1);
        assertThat(index.recordsOf(other.personId())).hasSize(1);
        assertThat(count("select count(*) from person_cannot_link")).isEqualTo(1);
        assertThat(index.openReviewCount()).isZero();
    }

    @Test
    void aSplitMovesRecordsToANewPersonAndTheFamilyViewFollows() {
        UUID child = index.resolve(child("health", "h1", "Mia", "Green")
                        .nhsNumber("9434765919")
                        .build())
                .personId();
        index.resolve(
                child("schools", "s1", "Mia", "Green").nhsNumber("9434765919").build());
        index.resolve(adult("casesystem", "c-mum", "Rose", "Green").build());
        index.resolve(child("casesystem", "c-mia", "Mia", "Green")
                .nhsNumber("9434765919")
                .build());
        index.relate("casesystem", "c-mum", "c-mia", "PARENT_OF");
        assertThat(families.family(child).members()).hasSize(2);

        UUID created = index.split(child, List.of("schools/s1"), "school record was another child", "reviewer-1");

        assertThat(index.recordsOf(child))
                .extracting(IndexedRecord::recordKey)
                .containsExactly("health/h1", "casesystem/c-mia");
        assertThat(index.recordsOf(created))
                .extracting(IndexedRecord::recordKey)
                .containsExactly("schools/s1");
        assertThat(index.recordsOf(created).get(0).method()).isEqualTo(PersonIndex.CLERICAL);
        assertThat(index.history(child)).singleElement().satisfies(e -> assertThat(e.kind())
                .isEqualTo("SPLIT"));
        // The split-off record still shares the address, so it stays in the household, now as its own person.
        Family family = families.family(child);
        assertThat(family.members()).extracting(Family.Member::personId).contains(child, created);
        assertThatThrownBy(() -> index.split(child, List.of("health/h1", "casesystem/c-mia"), "x", "r"))
                .hasMessageContaining("at least one record");
    }

    @Test
    void aFamilyIsTheHouseholdAndThePeoplePartnersSayAreRelated() {
        UUID mia = index.resolve(child("schools", "s1", "Mia", "Green").build()).personId();
        UUID mum = index.resolve(adult("casesystem", "c-mum", "Rose", "Green").build())
                .personId();
        // Dad lives elsewhere; the case system says he is Mia's father.
        UUID dad = index.resolve(adult("casesystem", "c-dad", "Tom", "Grey")
                        .postcode("LS1 4AP")
                        .address("1 Elm Street")
                        .build())
                .personId();
        UUID neighbour = index.resolve(adult("housing", "x9", "Ann", "Other")
                        .address("14 Oak Road")
                        .build())
                .personId();
        index.resolve(child("casesystem", "c-mia", "Mia", "Green").build());
        index.relate("casesystem", "c-dad", "c-mia", "PARENT_OF");

        Family family = families.family(mia);

        assertThat(family.members()).extracting(Family.Member::personId).containsExactlyInAnyOrder(mia, mum, dad);
        assertThat(family.members()).extracting(Family.Member::personId).doesNotContain(neighbour);
        Family.Member dadMember = family.members().stream()
                .filter(m -> m.personId().equals(dad))
                .findFirst()
                .orElseThrow();
        assertThat(dadMember.connections()).containsExactly("relationship PARENT_OF");
        Family.Member self = family.members().stream()
                .filter(m -> m.personId().equals(mia))
                .findFirst()
                .orElseThrow();
        assertThat(self.connections()).containsExactly("self");
    }

    @Test
    void recordsAboutOneNewPersonArrivingTogetherBecomeOnePerson() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Resolution>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String source = "source" + i;
                futures.add(pool.submit(() -> index.resolve(child(source, "r", "Zara", "Patel")
                        .nhsNumber("9434765919")
                        .build())));
            }
            Set<UUID> people = new HashSet<>();
            for (Future<Resolution> f : futures) {
                people.add(f.get().personId());
            }
            assertThat(people).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void termFrequenciesAreCountedOnCommitAndWrittenTogetherByAFlush() throws SQLException {
        index.resolve(child("police", "p1", "Liam", "Jones").build());
        index.resolve(child("police", "p2", "Liam", "Smith").postcode("LS1 4AP").build());
        assertThat(count("select count(*) from term_frequency")).isZero();

        index.flushTermFrequencies();

        assertThat(count("select count from term_frequency where field = 'forename' and value = 'liam'"))
                .isEqualTo(2);
        // Too few records for a frequency to mean anything yet.
        assertThat(new IndexTermFrequencies(dataSource).frequency("forename", "liam"))
                .isNaN();
    }

    static PersonRecord.Builder child(String source, String id, String forename, String surname) {
        return PersonRecord.builder(id)
                .source(source)
                .forename(forename)
                .surname(surname)
                .dateOfBirth(DOB)
                .postcode("S41 7AB")
                .address("12 Oak Road");
    }

    static PersonRecord.Builder adult(String source, String id, String forename, String surname) {
        return PersonRecord.builder(id)
                .source(source)
                .forename(forename)
                .surname(surname)
                .dateOfBirth(LocalDate.of(1988, 6, 1))
                .postcode("S41 7AB")
                .address("12, Oak Rd.");
    }

    static long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** NHS number + DOB links; same names and DOB link; same surname and DOB at one postcode are twins; else review. */
    static final class RuleMatcher implements PairMatcher {
        @Override
        public PairScore score(PersonRecord a, PersonRecord b) {
            if (a.nhsNumber() != null
                    && a.nhsNumber().equals(b.nhsNumber())
                    && a.dateOfBirth().equals(b.dateOfBirth())) {
                return score(Outcome.LINK, Rule.NHS_NUMBER_AND_DATE_OF_BIRTH, 30);
            }
            boolean sameSurnameAndDob =
                    a.surname().equals(b.surname()) && a.dateOfBirth().equals(b.dateOfBirth());
            if (sameSurnameAndDob && a.forename().equals(b.forename())) {
                return score(Outcome.LINK, Rule.PROBABILISTIC, 20);
            }
            if (sameSurnameAndDob && Objects.equals(a.postcode(), b.postcode())) {
                return score(Outcome.NO_LINK, Rule.TWINS, 5);
            }
            if (sameSurnameAndDob) {
                return score(Outcome.REVIEW, Rule.PROBABILISTIC, 3);
            }
            return score(Outcome.NO_LINK, Rule.PROBABILISTIC, -10);
        }

        @Override
        public Set<String> blockingKeys(PersonRecord record) {
            Set<String> keys = new LinkedHashSet<>();
            keys.add("dob:" + record.dateOfBirth());
            if (record.nhsNumber() != null) {
                keys.add("nhs:" + record.nhsNumber());
            }
            return keys;
        }

        private static PairScore score(Outcome outcome, Rule rule, double weight) {
            return new PairScore(outcome, rule, weight, 1 / (1 + Math.pow(2, -weight)), new Explanation(0, List.of()));
        }
    }
}
