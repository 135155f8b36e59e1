package org.earlyhelp.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.earlyhelp.hub.matching.compare.DateOfBirthComparator;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.Test;

/** u from random pairs that are not matches (issue 10: small files with many duplicates made u too high). */
class TrainerTest {

    /** 300 people, each written three times exactly: one random pair in about 450 is a match. */
    static List<PersonRecord> triplicated() {
        Random random = new Random(3);
        List<PersonRecord> records = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            LocalDate dob = LocalDate.of(1950 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String forename = TrainingGuardTest.FORENAMES[random.nextInt(TrainingGuardTest.FORENAMES.length)]
                    + TrainingGuardTest.ENDINGS[random.nextInt(TrainingGuardTest.ENDINGS.length)];
            String surname = TrainingGuardTest.SURNAMES[random.nextInt(TrainingGuardTest.SURNAMES.length)]
                    + TrainingGuardTest.ENDINGS[random.nextInt(TrainingGuardTest.ENDINGS.length)];
            for (int copy = 0; copy < 3; copy++) {
                records.add(PersonRecord.builder("p" + p + "c" + copy)
                        .forename(forename)
                        .surname(surname)
                        .dateOfBirth(dob)
                        .postcode(String.format("S%d %dAB", 1 + p % 40, p % 10))
                        .build());
            }
        }
        return records;
    }

    @Test
    void uCountsOnlyTheRandomPairsTheModelReadsAsStrangers() {
        // Given a small file in which a random pair is a match one time in about 450
        List<PersonRecord> records = triplicated();
        StandardMatcher base = StandardMatcher.standard();
        List<PreparedRecord> prepared = records.stream().map(base::prepare).toList();
        Trainer trainer = new Trainer(base, 7, 1_000_000, 10_000_000);
        int dob = StandardComparisons.DATE_OF_BIRTH;
        int exact = DateOfBirthComparator.Level.EXACT.ordinal();
        // and how often two different people in it really share a date of birth
        long strangers = 0;
        long agree = 0;
        for (int a = 0; a < records.size(); a++) {
            for (int b = a + 1; b < records.size(); b++) {
                if (a / 3 != b / 3) {
                    strangers++;
                    agree += records.get(a).dateOfBirth().equals(records.get(b).dateOfBirth()) ? 1 : 0;
                }
            }
        }
        double strangerRate = (double) (agree + 1) / strangers;

        // When u is counted over every random pair, and over the pairs the shipped model reads as strangers
        Trainer.RandomPairs random = trainer.randomPairs(prepared);
        double everyPair = random.u(base.comparisons(), null)[dob][exact];
        double strangersOnly = random.u(base.comparisons(), base.model())[dob][exact];

        // Then the first is several times the true rate (the matches agree), the second close to it
        assertThat(everyPair).isGreaterThan(5 * strangerRate);
        assertThat(strangersOnly).isBetween(strangerRate / 2, strangerRate * 2);
    }

    @Test
    void aSmallFileOfDuplicatesLinksTheCopiesAndNotTheStrangers() {
        // Given the same file
        List<PersonRecord> records = triplicated();

        // When link trains on it at its defaults
        BatchLinker.Result result = new BatchLinker(MatchSettings.standard(), BatchLinker.Options.defaults())
                .link(records, BatchLinker.Progress.NONE);

        // Then every person's three copies are one cluster, and no two people share one
        int[] ids = result.clusterIds();
        for (int p = 0; p < 300; p++) {
            assertThat(ids[3 * p]).isEqualTo(ids[3 * p + 1]).isEqualTo(ids[3 * p + 2]);
            if (p > 0) {
                assertThat(ids[3 * p]).isNotEqualTo(ids[3 * p - 3]);
            }
        }
    }

    @Test
    void thePriorIsTheShareOfMatchesAmongAllPairsNotAmongTheBlockedOnes() {
        // Given households of four (blocked together on surname and postcode, all different people) and 40 duplicates
        List<PersonRecord> records = TrainingGuardTest.households(500, 40, 7);
        double allPairs = (double) records.size() * (records.size() - 1) / 2;

        // When link trains on it
        BatchLinker.Result result = new BatchLinker(MatchSettings.standard(), BatchLinker.Options.defaults())
                .link(records, BatchLinker.Progress.NONE);

        // Then the prior is within a few times 40 matches over all pairs (household members share surname, postcode
        // and phone, which the model takes as independent evidence: about 9 times), not the 44 times the share among
        // the blocked pairs gave
        assertThat(result.settings().lambda()).isBetween(40 / allPairs / 1.5, 40 / allPairs * 20);
    }

    @Test
    void aFileTooSmallToTrainOnIsLinkedWithTheShippedSettings() {
        // Given six records: Jonathan Smith twice (one keyed "Jon", another spelling of the road), his mother at the
        // same house, and three others
        List<PersonRecord> records = List.of(
                PersonRecord.builder("a1")
                        .forename("Jonathan")
                        .surname("Smith")
                        .dateOfBirth(LocalDate.of(1989, 3, 3))
                        .postcode("S41 7AB")
                        .address("12 Oak Road")
                        .build(),
                PersonRecord.builder("a2")
                        .forename("Priya")
                        .surname("Patel")
                        .dateOfBirth(LocalDate.of(1990, 7, 12))
                        .postcode("S40 1AA")
                        .build(),
                PersonRecord.builder("a3")
                        .forename("Margaret")
                        .surname("Smith")
                        .dateOfBirth(LocalDate.of(1961, 11, 20))
                        .postcode("S41 7AB")
                        .address("12 Oak Road")
                        .build(),
                PersonRecord.builder("b1")
                        .forename("Jon")
                        .surname("Smith")
                        .dateOfBirth(LocalDate.of(1989, 3, 3))
                        .postcode("s41 7ab")
                        .address("12 Oak Rd")
                        .build(),
                PersonRecord.builder("b3")
                        .forename("Zachary")
                        .surname("Jones")
                        .dateOfBirth(LocalDate.of(2001, 1, 1))
                        .postcode("S43 2BB")
                        .build(),
                PersonRecord.builder("b4")
                        .forename("Ruth")
                        .surname("Okafor")
                        .dateOfBirth(LocalDate.of(1975, 5, 5))
                        .postcode("S44 6CD")
                        .build());

        // When link runs at its defaults (train, threshold from the model)
        BatchLinker.Result result = new BatchLinker(MatchSettings.standard(), BatchLinker.Options.defaults())
                .link(records, BatchLinker.Progress.NONE);

        // Then it does not train on six records: the shipped settings link Jonathan's two records, and say why
        int[] ids = result.clusterIds();
        assertThat(ids[0]).isEqualTo(ids[3]);
        assertThat(ids[0]).isNotEqualTo(ids[2]);
        assertThat(result.settings().linkThreshold())
                .isEqualTo(MatchSettings.standard().linkThreshold());
        assertThat(result.trainingChecks())
                .allSatisfy(c -> assertThat(c.reason()).startsWith("too few records to train on"));
    }
}
