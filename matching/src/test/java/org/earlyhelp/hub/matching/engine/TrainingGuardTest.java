package org.earlyhelp.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.earlyhelp.hub.matching.model.FellegiSunterModel;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.Test;

/** The safeguards of issue 10: training that cannot collapse silently, and levels that mean the same without columns. */
class TrainingGuardTest {

    static final String[] SURNAMES = {
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan"
    };
    /** Endings that make a few hundred distinct names: a real population has thousands. */
    static final String[] ENDINGS = {"", "a", "ton", "ley", "ridge", "by", "ham", "well", "ford", "son"};

    static final String[] FORENAMES = {
        "Oliver",
        "Amelia",
        "Harry",
        "Isla",
        "Jack",
        "Ava",
        "George",
        "Mia",
        "Noah",
        "Ivy",
        "Leo",
        "Lily",
        "Oscar",
        "Grace",
        "Charlie",
        "Freya",
        "Jacob",
        "Ella",
        "Alfie",
        "Rosie",
        "Thomas",
        "Poppy",
        "Arthur",
        "Evie",
        "Henry",
        "Sophia",
        "Muhammad",
        "Aria",
        "Joshua",
        "Daisy",
        "Archie",
        "Chloe",
        "James",
        "Sienna",
        "William",
        "Alice"
    };

    /**
     * Households of four (one surname, one postcode, one phone; different forenames and dates of birth), with few true
     * duplicates: the candidate pairs are nearly all household members, the strongest cluster EM can find.
     */
    static List<PersonRecord> households(int count, int duplicates, long seed) {
        Random random = new Random(seed);
        List<PersonRecord> records = new ArrayList<>();
        for (int h = 0; h < count; h++) {
            String surname = SURNAMES[random.nextInt(SURNAMES.length)] + ENDINGS[random.nextInt(ENDINGS.length)];
            String postcode = String.format(
                    "S%d %d%c%c", 40 + h % 9, h % 10, (char) ('A' + h % 26), (char) ('A' + (h / 26) % 26));
            String phone = String.format("01632 9%05d", h);
            for (int p = 0; p < 4; p++) {
                records.add(PersonRecord.builder("h" + h + "p" + p)
                        .forename(FORENAMES[(h * 4 + p * 7) % FORENAMES.length] + ENDINGS[(h + p) % ENDINGS.length])
                        .surname(surname)
                        .dateOfBirth(
                                LocalDate.of(1975 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                        .sex(random.nextBoolean() ? "M" : "F")
                        .postcode(postcode)
                        .phone(phone)
                        .build());
            }
        }
        for (int d = 0; d < duplicates; d++) {
            PersonRecord original = records.get(random.nextInt(count * 4));
            records.add(PersonRecord.builder("dup" + d)
                    .forename(original.forename())
                    .surname(original.surname())
                    .dateOfBirth(original.dateOfBirth())
                    .sex(original.sex())
                    .postcode(original.postcode())
                    .build());
        }
        return records;
    }

    @Test
    void trainingPulledTowardsHouseholdsGivesPersonLevelParametersOrALoudFallback() {
        // Given a load built to pull EM onto households
        List<PersonRecord> records = households(500, 40, 7);

        // When the batch linker trains on it, as link does by default
        BatchLinker.Result result = new BatchLinker(MatchSettings.standard(), BatchLinker.Options.defaults())
                .link(records, BatchLinker.Progress.NONE);

        // Then an exact date of birth and an exact full name carry strong positive weight...
        StandardMatcher matcher = new StandardMatcher(result.settings());
        FellegiSunterModel model = matcher.model();
        assertThat(model.weight(StandardComparisons.DATE_OF_BIRTH, 0)).isGreaterThanOrEqualTo(6);
        assertThat(model.weight(StandardComparisons.FORENAME, 0) + model.weight(StandardComparisons.SURNAME, 0))
                .isGreaterThanOrEqualTo(10);
        assertThat(model.m(StandardComparisons.DATE_OF_BIRTH, 0)).isGreaterThanOrEqualTo(0.5);
        // ...every comparison says what happened to it, and a fallback says why
        assertThat(result.trainingChecks()).hasSize(matcher.comparisons().size());
        assertThat(result.trainingChecks())
                .filteredOn(c -> c.status() == TrainingCheck.Status.FELL_BACK)
                .allSatisfy(c -> assertThat(c.reason()).startsWith("implausible"));
        // ...and household members stay apart while the duplicates link
        int[] ids = result.clusterIds();
        int members = 500 * 4;
        long linkedDuplicates = 0;
        for (int d = 0; d < 40; d++) {
            PersonRecord dup = records.get(members + d);
            int originalIndex = indexOfSame(records, dup);
            if (ids[originalIndex] == ids[members + d]) {
                linkedDuplicates++;
            }
        }
        assertThat(linkedDuplicates).isGreaterThanOrEqualTo(38);
        for (int h = 0; h < 500; h++) {
            assertThat(ids[h * 4]).as("household %d", h).isNotEqualTo(ids[h * 4 + 1]);
        }
    }

    @Test
    void aCollapsedDateOfBirthFallsBackToTheShippedParametersAndSaysSo() {
        // Given trained m where the date of birth barely matters (EM converged on households)
        StandardMatcher standard = StandardMatcher.standard();
        var comparisons = standard.comparisons();
        double[][] shippedM = standard.model().m();
        double[][] u = standard.model().u();
        double[][] collapsed = standard.model().m();
        int dob = StandardComparisons.DATE_OF_BIRTH;
        collapsed[dob] = new double[] {0.009, 0.001, 0.01, 0.01, 0.001, 0.001, 0.968, 0};
        boolean[] observed = new boolean[comparisons.size()];
        java.util.Arrays.fill(observed, true);

        // When the guard checks it
        ParameterGuard.Guarded guarded = ParameterGuard.guard(comparisons, collapsed, u, shippedM, observed);

        // Then that comparison uses the shipped m, with a reason, and the others are kept
        assertThat(guarded.m()[dob]).containsExactly(shippedM[dob]);
        assertThat(guarded.checks().get(dob).status()).isEqualTo(TrainingCheck.Status.FELL_BACK);
        assertThat(guarded.checks().get(dob).reason()).contains("EXACT m 0.009");
        assertThat(guarded.checks().get(StandardComparisons.FORENAME).status())
                .isNotEqualTo(TrainingCheck.Status.FELL_BACK);
    }

    @Test
    void agreementNeverCountsAgainstAMatchAndLevelsStayMonotone() {
        StandardMatcher standard = StandardMatcher.standard();
        var surname = standard.comparisons().get(StandardComparisons.SURNAME);
        double[] u = {0.002, 0.0001, 0.001, 0.0002, 0.001, 0.9957};
        // a near spelling above exact, and a phonetic agreement below u
        double[] trained = {0.5, 0.0, 0.0001, 0.45, 0.03, 0.0199, 0};

        double[] m = ParameterGuard.constrain(surname, trained, java.util.Arrays.copyOf(u, 7));

        double exact = m[0] / u[0];
        for (int l = 1; l < 5; l++) {
            assertThat(m[l]).as("level %d", l).isGreaterThanOrEqualTo(u[l] * 0.999);
            assertThat(m[l] / u[l]).as("level %d", l).isLessThanOrEqualTo(exact * 1.001);
            assertThat(m[5] / u[5]).isLessThanOrEqualTo(m[l] / u[l]);
        }
    }

    @Test
    void aLevelNoTrainingPairHadIsNotTheYardstickOfTheOthers() {
        // Given trained address m from data without UPRNs: no pair had the UPRN level (m floored to u, weight 0), half
        // the true pairs the same house and postcode
        StandardMatcher standard = StandardMatcher.standard();
        var address = standard.comparisons().get(StandardComparisons.ADDRESS);
        int levels = address.levelCount();
        double[] u = standard.model().u()[StandardComparisons.ADDRESS].clone();
        double[] trained = new double[levels];
        boolean[] seen = new boolean[levels];
        java.util.Arrays.fill(seen, true);
        int uprn = org.earlyhelp.hub.matching.compare.ResidenceComparator.Level.UPRN.ordinal();
        int sameHouse = org.earlyhelp.hub.matching.compare.ResidenceComparator.Level.SAME_HOUSE_AND_POSTCODE.ordinal();
        int other = org.earlyhelp.hub.matching.compare.ResidenceComparator.Level.OTHER.ordinal();
        trained[uprn] = u[uprn];
        seen[uprn] = false;
        trained[sameHouse] = 0.5;
        trained[other] = 0.5 - u[uprn];

        // When the guard constrains it
        double[] m = ParameterGuard.constrain(address, trained, u, seen);

        // Then the same house and postcode keeps most of its trained m and a strong weight (it was capped at weight 0)
        assertThat(m[sameHouse]).isGreaterThan(0.4);
        assertThat(Math.log(m[sameHouse] / u[sameHouse]) / Math.log(2)).isGreaterThan(6);
    }

    @Test
    void householdsAreFoundInFamiliesAndNotInAListOfIndividuals() {
        // Given a load of families, and a load of individuals each at their own address with forty duplicates
        // (600 individuals: fewer than BatchLinker.MIN_TRAINING_RECORDS are not trained on)
        List<PersonRecord> families = households(600, 20, 5);
        List<PersonRecord> individuals = new ArrayList<>();
        for (int i = 0; i < 600 * 4; i += 4) {
            PersonRecord r = families.get(i);
            individuals.add(PersonRecord.builder("i" + i)
                    .forename(r.forename())
                    .surname(r.surname())
                    .dateOfBirth(r.dateOfBirth())
                    .postcode(r.postcode())
                    .build());
        }
        for (int d = 0; d < 40; d++) {
            // forty duplicates with a wrong year (fewer than HouseholdShare.MEASURED_FROM pairs at one address would
            // be too few to tell, and read as households)
            PersonRecord r = individuals.get(d * 13);
            individuals.add(PersonRecord.builder("dup" + d)
                    .forename(r.forename())
                    .surname(r.surname())
                    .dateOfBirth(r.dateOfBirth().plusYears(3))
                    .postcode(r.postcode())
                    .build());
        }

        // When each is linked at the defaults link uses (trained, threshold adapted)
        BatchLinker.Options options = BatchLinker.Options.defaults();
        BatchLinker.Result withFamilies =
                new BatchLinker(MatchSettings.standard(), options).link(families, BatchLinker.Progress.NONE);
        BatchLinker.Result withIndividuals =
                new BatchLinker(MatchSettings.standard(), options).link(individuals, BatchLinker.Progress.NONE);

        // Then only the families are read as households: the household rules stay for them and they are linked at
        // probability 0.99 under their own prior (not the settings' fixed weight), while the individuals are linked at
        // probability 0.5
        assertThat(withFamilies.holdsHouseholds()).isTrue();
        assertThat(withFamilies.settings().linkThreshold()).isEqualTo(LinkRule.linkWeight(true));
        assertThat(MatchSettings.probabilityOf(withFamilies.settings().linkThreshold()))
                .isCloseTo(0.99, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(withIndividuals.householdShare()).isLessThan(0.2);
        assertThat(withIndividuals.holdsHouseholds()).isFalse();
        assertThat(withIndividuals.settings().linkThreshold()).isEqualTo(LinkRule.linkWeight(false));
    }

    private static int indexOfSame(List<PersonRecord> records, PersonRecord dup) {
        for (int i = 0; i < records.size(); i++) {
            PersonRecord r = records.get(i);
            if (!r.id().startsWith("dup")
                    && r.forename().equals(dup.forename())
                    && r.surname().equals(dup.surname())
                    && r.dateOfBirth().equals(dup.dateOfBirth())) {
                return i;
            }
        }
        throw new AssertionError("no original");
    }
}
