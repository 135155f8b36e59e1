package org.earlyhelp.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.Test;

/** The blocking rules added for pairs with a wrong date of birth and mistyped or missing names (issue 10, point 4). */
class BlockingTest {

    private final StandardMatcher matcher = StandardMatcher.standard();

    private boolean reachComparison(PersonRecord a, PersonRecord b) {
        Set<String> shared = new HashSet<>(matcher.blockingKeys(a));
        shared.retainAll(matcher.blockingKeys(b));
        return !shared.isEmpty();
    }

    @Test
    void forenameAndSurnameWrittenTheWrongWayRoundStillMeetWhenTheDateOfBirthIsWrong() {
        // Given the same person with the names swapped and the date of birth wrong in day, month and year
        PersonRecord a = PersonRecord.builder("a")
                .forename("Scarlett")
                .surname("Payne")
                .dateOfBirth(LocalDate.of(1974, 7, 3))
                .build();
        PersonRecord b = PersonRecord.builder("b")
                .forename("Payne")
                .surname("Scarlett")
                .dateOfBirth(LocalDate.of(1984, 6, 30))
                .build();

        // When blocked, Then they are compared
        assertThat(reachComparison(a, b)).isTrue();
    }

    @Test
    void anEmailWithAMistypedDomainStillMeetsOnItsLocalPart() {
        // Given one person whose surname is missing on one side, with a wrong date of birth and a mistyped domain
        PersonRecord a = PersonRecord.builder("a")
                .forename("Ryan")
                .dateOfBirth(LocalDate.of(1987, 6, 26))
                .email("r.cole1@ramirez-anthony.com")
                .build();
        PersonRecord b = PersonRecord.builder("b")
                .forename("Rnyan")
                .surname("Cole")
                .dateOfBirth(LocalDate.of(1988, 5, 27))
                .email("r.cole1@ramtrez-anihony.com")
                .build();

        // When blocked, Then they are compared
        assertThat(reachComparison(a, b)).isTrue();
    }

    @Test
    void aNameAndTownMeetOnlyWhereThereIsNoPostcode() {
        // Given two records of one forename in one town, with different dates of birth and surnames
        PersonRecord.Builder first = PersonRecord.builder("a")
                .forename("Freddie")
                .surname("Holmes")
                .dateOfBirth(LocalDate.of(1993, 10, 2))
                .town("Kingston-upon-Hull");
        PersonRecord.Builder second = PersonRecord.builder("b")
                .forename("Freddie")
                .surname("Olmes")
                .dateOfBirth(LocalDate.of(1992, 11, 3))
                .town("Kingston-upon-Hull");

        // When neither has a postcode, Then the town stands in for it and they are compared
        assertThat(reachComparison(first.build(), second.build())).isTrue();
        // When both have (different) postcodes, Then the town gives no key: a whole town's namesakes are not a block
        PersonRecord a = first.postcode("HU1 1AA").build();
        PersonRecord b = second.postcode("HU9 9ZZ").build();
        assertThat(reachComparison(a, b)).isFalse();
        assertThat(matcher.blockingKeys(a)).noneMatch(k -> k.startsWith("ft:") || k.startsWith("st:"));
    }

    @Test
    void aShortEmailLocalPartIsNoKey() {
        // Given an email whose local part is under three characters
        PersonRecord a = PersonRecord.builder("a").email("jt@pierce.biz").build();

        // When blocked, Then the local part gives no key (the whole address still does)
        assertThat(matcher.blockingKeys(a)).noneMatch(k -> k.startsWith("el:"));
        assertThat(List.copyOf(matcher.blockingKeys(a))).anyMatch(k -> k.startsWith("em:"));
    }

    @Test
    void aYearOfBirthAloneMeetsAFullDateOfTheSameYearOnANameAndTheYear() {
        // Given one woman before and after marriage, one record giving the year of birth alone and no postcode on
        // either: only the forename and the birth year are left in common
        PersonRecord full = PersonRecord.builder("a")
                .forename("Freddie")
                .surname("Holmes")
                .dateOfBirth(LocalDate.of(1993, 10, 2))
                .build();
        PersonRecord yearOnly = PersonRecord.builder("b")
                .forename("Freddie")
                .surname("Marsh")
                .yearOfBirth(1993)
                .build();
        PersonRecord anotherYear = PersonRecord.builder("c")
                .forename("Freddie")
                .surname("Marsh")
                .yearOfBirth(1971)
                .build();

        // When / Then: the year alone is blocked on as the full date's year is
        assertThat(matcher.blockingKeys(yearOnly)).anyMatch(k -> k.startsWith("fy:") && k.endsWith("|1993"));
        assertThat(reachComparison(full, yearOnly)).isTrue();
        assertThat(reachComparison(full, anotherYear)).isFalse();
    }

    @Test
    void aSurnameSlipThatChangesItsSoundStillMeetsOnTheForenameAndInitial() {
        // Given one person, the surname mistyped so that it no longer sounds the same, another date and town each
        PersonRecord a = PersonRecord.builder("a")
                .forename("Bradley")
                .surname("Haberfield")
                .dateOfBirth(LocalDate.of(1958, 12, 11))
                .build();
        PersonRecord b = PersonRecord.builder("b")
                .forename("Bradley")
                .surname("Hbaerfield")
                .dateOfBirth(LocalDate.of(1919, 5, 28))
                .build();

        // When blocked, Then they are compared, and a stranger with another initial is not
        assertThat(reachComparison(a, b)).isTrue();
        assertThat(reachComparison(
                        a,
                        PersonRecord.builder("c")
                                .forename("Bradley")
                                .surname("Morris")
                                .dateOfBirth(LocalDate.of(1919, 5, 28))
                                .build()))
                .isFalse();
    }

    @Test
    void anEmailWithASlipInItsLettersStillMeetsOnItsDigitsAndDomain() {
        // Given one person with nothing else in common but the e-mail address, mistyped in a letter
        PersonRecord a = PersonRecord.builder("a")
                .forename("Poppy")
                .dateOfBirth(LocalDate.of(1982, 7, 14))
                .email("poppy.fox63@rivera.com")
                .build();
        PersonRecord b = PersonRecord.builder("b")
                .surname("Fox")
                .dateOfBirth(LocalDate.of(1983, 7, 12))
                .email("popy.fox63@rivera.com")
                .build();

        // When blocked, Then they are compared
        assertThat(reachComparison(a, b)).isTrue();
    }

    @Test
    void aNameWithAnInitialComparesOnlyBlocksOfItsOwnCapAndDoesNotReportTheRestAsSkipped() {
        // Given only the forename + surname initial rule, and blocks of one forename with surnames of one initial
        Blocking initials = new Blocking(
                Blocking.STANDARD.stream().filter(r -> r.name().equals("fi")).toList());

        // When a block holds as many records as the cap, and one more
        CandidatePairs atCap = new CandidatePairs(bradleys(Blocking.INITIAL_BLOCK), initials, 1000);
        CandidatePairs overCap = new CandidatePairs(bradleys(Blocking.INITIAL_BLOCK + 1), initials, 1000);

        // Then the first is compared in full and the second not at all, without a warning about skipped blocks, even
        // where the block is over the general cap too
        assertThat(atCap.upperBound()).isEqualTo((long) Blocking.INITIAL_BLOCK * (Blocking.INITIAL_BLOCK - 1) / 2);
        assertThat(overCap.upperBound()).isZero();
        assertThat(overCap.blocksSkipped()).isZero();
        CandidatePairs overBoth = new CandidatePairs(bradleys(101), initials, 100);
        assertThat(overBoth.blocksSkipped()).isZero();
    }

    private List<PreparedRecord> bradleys(int n) {
        List<PreparedRecord> records = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(matcher.prepare(PersonRecord.builder("r" + i)
                    .forename("Bradley")
                    .surname("H" + "abcdefghij".charAt(i % 10) + "x".repeat(1 + i / 10))
                    .build()));
        }
        return records;
    }
}
