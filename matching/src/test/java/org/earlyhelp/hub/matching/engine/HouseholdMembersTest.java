package org.earlyhelp.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.Test;

/**
 * The household false links of {@code hub simulate people} (issue 10, point 6), each as a small constructed load: the
 * false link is gone and the true one beside it is kept.
 */
class HouseholdMembersTest {

    final StandardMatcher matcher = StandardMatcher.standard();

    PersonRecord.Builder atHome(String id, String forename, String surname) {
        return PersonRecord.builder(id)
                .forename(forename)
                .surname(surname)
                .dateOfBirth(LocalDate.of(2014, 3, 9))
                .sex("F")
                .address("14 Hollins Close")
                .postcode("S41 0QP")
                .town("Chesterfield")
                .uprn("100030012345");
    }

    /** A boy or man of one name at the household's address (dated as {@link #atHome} unless changed). */
    PersonRecord.Builder daniel(String id) {
        return atHome(id, "Daniel", "Whitfield").sex("M");
    }

    static BatchLinker.Result linkWithTheShippedSettings(List<PersonRecord> records) {
        return new BatchLinker(
                        MatchSettings.standard(), BatchLinker.Options.defaults().withTrain(false))
                .link(records, BatchLinker.Progress.NONE);
    }

    @Test
    void twinsWhoseSurnameOnePartnerMistypedAreKeptApartWhileTheSamePersonWithTheSlipLinks() {
        // Given twins at one address, one recorded with a one-letter slip in the surname
        PersonRecord amelia = atHome("a", "Amelia", "Whitfield").build();
        PersonRecord twin = atHome("b", "Harriet", "Whitfeld").build();
        PersonRecord ameliaAgain = atHome("c", "Amelia", "Whitfeld").build();

        // When each pair is scored
        PairScore twins = matcher.score(amelia, twin);
        PairScore same = matcher.score(amelia, ameliaAgain);

        // Then the twins are never linked and the same girl with the slip still is
        assertThat(twins.rule()).isEqualTo(Rule.TWINS);
        assertThat(twins.outcome()).isEqualTo(Outcome.NO_LINK);
        assertThat(same.outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void siblingsWhoseNamesSoundAlikeAreNotLinkedWithoutADateButTheSameNameOrANicknameStillIs() {
        // Given a boy at home with his date of birth, and records there without one: his brother's (Hayden), and his
        // own under his name and under his nickname
        PersonRecord thomas = atHome("a", "Thomas", "Whitfield").sex("M").build();
        PersonRecord tomas =
                atHome("b", "Tomas", "Whitfield").sex("M").dateOfBirth(null).build();
        PersonRecord jayden = atHome("c", "Jayden", "Whitfield").sex("M").build();
        PersonRecord hayden =
                atHome("d", "Hayden", "Whitfield").sex("M").dateOfBirth(null).build();
        PersonRecord undated =
                atHome("e", "Thomas", "Whitfield").sex("M").dateOfBirth(null).build();
        PersonRecord tom =
                atHome("f", "Tom", "Whitfield").sex("M").dateOfBirth(null).build();

        // When scored, Then a forename that only sounds alike, or is a middling spelling, without a date is household
        // evidence only (a slip that keeps the sound, Tomas, costs a link: the price of not linking Jayden to Hayden)
        PairScore brothers = matcher.score(jayden, hayden);
        assertThat(brothers.explanation().contributions().get(0).level().name()).isEqualTo("JARO_WINKLER_MID");
        assertThat(brothers.rule()).isEqualTo(Rule.HOUSEHOLD_ONLY);
        assertThat(brothers.outcome()).isEqualTo(Outcome.NO_LINK);
        PairScore sound = matcher.score(thomas, tomas);
        assertThat(sound.explanation().contributions().get(0).level().name()).isEqualTo("PHONETIC");
        assertThat(sound.rule()).isEqualTo(Rule.HOUSEHOLD_ONLY);
        // the same name or a nickname without a date still links
        assertThat(matcher.score(thomas, undated).outcome()).isEqualTo(Outcome.LINK);
        assertThat(matcher.score(thomas, tom).outcome()).isEqualTo(Outcome.LINK);
        // and with the date of birth on both sides the model decides a sound-alike pair as before
        assertThat(matcher.score(
                                thomas,
                                atHome("g", "Tomas", "Whitfield").sex("M").build())
                        .rule())
                .isEqualTo(Rule.PROBABILISTIC);
    }

    @Test
    void whereALoadHoldsNoHouseholdsNoneOfTheHouseholdRulesApply() {
        // Given a load without households (FEBRL-like): one person's record with the forename garbled and a slip in
        // the surname, and one with another valid NHS number
        StandardMatcher noHouseholds = matcher.withHouseholds(false);
        PersonRecord amelia =
                atHome("a", "Amelia", "Whitfield").nhsNumber("9434765919").build();
        PersonRecord corrupted = atHome("b", "Harriet", "Whitfeld").build();
        PersonRecord otherNumber =
                atHome("c", "Amelia", "Whitfield").nhsNumber("4505577104").build();

        // When scored, then neither the twins nor the relatives rule decides
        assertThat(noHouseholds.score(amelia, corrupted).rule()).isEqualTo(Rule.PROBABILISTIC);
        assertThat(noHouseholds.score(amelia, otherNumber).rule()).isEqualTo(Rule.PROBABILISTIC);
    }

    @Test
    void householdMembersWithTwoDifferentValidNhsNumbersAreRelativesAndTheSameNumberStillLinks() {
        // Given one household's records, the forename missing on one, the date of birth and surname the same
        PersonRecord first =
                atHome("a", "Amelia", "Whitfield").nhsNumber("9434765919").build();
        PersonRecord other =
                atHome("b", null, "Whitfield").nhsNumber("4505577104").build();
        PersonRecord again =
                atHome("c", null, "Whitfield").nhsNumber("943 476 5919").build();

        // When scored
        PairScore different = matcher.score(first, other);
        PairScore same = matcher.score(first, again);

        // Then two valid numbers that differ are two people, and the same number links
        assertThat(different.rule()).isEqualTo(Rule.RELATIVES);
        assertThat(different.outcome()).isEqualTo(Outcome.NO_LINK);
        assertThat(same.outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void aMistypedNhsNumberReadsAsMissingNotAsAnotherPerson() {
        // Given the same girl twice, one NHS number with a digit mistyped (the check digit fails)
        PersonRecord first =
                atHome("a", "Amelia", "Whitfield").nhsNumber("9434765919").build();
        PersonRecord typo =
                atHome("b", "Amelia", "Whitfield").nhsNumber("9434765918").build();

        // When scored, then the relatives rule does not refuse the link
        PairScore score = matcher.score(first, typo);
        assertThat(score.rule()).isEqualTo(Rule.PROBABILISTIC);
        assertThat(score.outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void anotherForenameWithTheDayAndMonthOfBirthTransposedInOneHouseholdIsARelative() {
        // Given twins at one address, one date keyed day-for-month
        PersonRecord amelia = atHome("a", "Amelia", "Whitfield").build();
        PersonRecord twin = atHome("b", "Harriet", "Whitfield")
                .dateOfBirth(LocalDate.of(2014, 9, 3))
                .build();
        PersonRecord ameliaAgain = atHome("c", "Amelia", "Whitfield")
                .dateOfBirth(LocalDate.of(2014, 9, 3))
                .build();

        // When scored, then the twin is a relative and the same girl with the slip links
        assertThat(matcher.score(amelia, twin).rule()).isEqualTo(Rule.RELATIVES);
        assertThat(matcher.score(amelia, ameliaAgain).outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void theBatchLinkerKeepsTheTwinsOfAHouseholdInTwoClusters() {
        // Given a load with twins (one surname mistyped) and a second record of one of them
        List<PersonRecord> records = List.of(
                atHome("a", "Amelia", "Whitfield").build(),
                atHome("b", "Harriet", "Whitfeld").build(),
                atHome("c", "Amelia", "Whitfeld").build());

        // When linked with the shipped settings
        BatchLinker.Result result = linkWithTheShippedSettings(records);

        // Then Amelia's two records are one cluster and Harriet is not in it
        int[] ids = result.clusterIds();
        assertThat(ids[2]).isEqualTo(ids[0]);
        assertThat(ids[1]).isNotEqualTo(ids[0]);
    }

    @Test
    void aParentAndAChildOfOneNameAreToldApartByAYearOfBirthAloneAndTheChildsRecordsStillLink() {
        // Given a mother and daughter of one name at one address, and the daughter's police record giving the year of
        // birth alone (the parent's date is 1985, the daughter's 2014)
        PersonRecord mother = atHome("a", "Amelia", "Whitfield")
                .dateOfBirth(LocalDate.of(1985, 6, 1))
                .build();
        PersonRecord daughter = atHome("b", "Amelia", "Whitfield").build();
        PersonRecord daughterYearOnly = atHome("c", "Amelia", "Whitfield")
                .dateOfBirth(null)
                .yearOfBirth(2014)
                .build();

        // When scored
        PairScore withMother = matcher.score(mother, daughterYearOnly);
        PairScore withDaughter = matcher.score(daughter, daughterYearOnly);

        // Then the years 29 apart make them relatives, and the same year links the daughter's two records
        assertThat(withMother.rule()).isEqualTo(Rule.RELATIVES);
        assertThat(withMother.outcome()).isEqualTo(Outcome.NO_LINK);
        assertThat(withDaughter.outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void theSameYearAloneIsWeakerEvidenceThanTheSameDateAndStrongerThanNone() {
        // Given one person's record with the full date, the year alone, the year one apart, and no date at all
        PersonRecord full = atHome("a", "Amelia", "Whitfield").build();
        PersonRecord sameYear = atHome("b", "Amelia", "Whitfield")
                .dateOfBirth(null)
                .yearOfBirth(2014)
                .build();
        PersonRecord yearApart = atHome("c", "Amelia", "Whitfield")
                .dateOfBirth(null)
                .yearOfBirth(2013)
                .build();
        PersonRecord none = atHome("d", "Amelia", "Whitfield").dateOfBirth(null).build();
        PersonRecord fullAgain = atHome("e", "Amelia", "Whitfield").build();

        // When each is scored against the full date
        double exact = matcher.score(full, fullAgain).matchWeight();
        double year = matcher.score(full, sameYear).matchWeight();
        double oneApart = matcher.score(full, yearApart).matchWeight();
        double missing = matcher.score(full, none).matchWeight();

        // Then the shipped settings weigh the same year above nothing and below the same date, and a year one apart
        // (an age given either side of a birthday) never counts against the pair
        assertThat(year).isGreaterThan(missing + 2).isLessThan(exact - 2);
        assertThat(oneApart).isGreaterThanOrEqualTo(missing - 1e-9);
    }

    @Test
    void anotherForenameWithTheSameYearAloneInOneHouseholdIsARelative() {
        // Given twins at one address, one recorded by the police with the year of birth alone
        PersonRecord amelia = atHome("a", "Amelia", "Whitfield").build();
        PersonRecord twin = atHome("b", "Harriet", "Whitfield")
                .dateOfBirth(null)
                .yearOfBirth(2014)
                .build();

        // When scored, then the year says no more than a slip would: they are relatives, as with a one-digit slip
        assertThat(matcher.score(amelia, twin).rule()).isEqualTo(Rule.RELATIVES);
    }

    @Test
    void settingsWithoutTheYearOnlyLevelsStillLoadAndWeighTheSameYearAtZero() throws Exception {
        // Given settings saved before the year-only levels existed (the shipped ones without them)
        MatchSettings shipped = MatchSettings.standard();
        java.util.Map<String, java.util.Map<String, MatchSettings.Probabilities>> levels =
                new java.util.LinkedHashMap<>(shipped.comparisons());
        java.util.Map<String, MatchSettings.Probabilities> dob =
                new java.util.LinkedHashMap<>(levels.get("date_of_birth"));
        dob.keySet().removeIf(level -> level.startsWith("YEAR_ONLY"));
        levels.put("date_of_birth", dob);
        String json = new MatchSettings(
                        "before year-only levels",
                        shipped.lambda(),
                        shipped.priorRecords(),
                        shipped.linkThreshold(),
                        shipped.reviewThreshold(),
                        shipped.termFrequencyMinimumU(),
                        levels)
                .toJson();
        assertThat(json).doesNotContain("YEAR_ONLY");
        MatchSettings old = MatchSettings.read(
                new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        // When a pair with the year alone on one side is scored with them
        StandardMatcher oldMatcher = new StandardMatcher(old);
        PersonRecord full = atHome("a", "Amelia", "Whitfield").build();
        PersonRecord sameYear = atHome("b", "Amelia", "Whitfield")
                .dateOfBirth(null)
                .yearOfBirth(2014)
                .build();
        PersonRecord none = atHome("c", "Amelia", "Whitfield").dateOfBirth(null).build();

        // Then the same year weighs as a missing date did (0), and the pair scores as it did before
        assertThat(oldMatcher.score(full, sameYear).matchWeight())
                .isCloseTo(oldMatcher.score(full, none).matchWeight(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theBatchLinkerPutsAYearOnlyRecordWithTheChildNotTheParentOfOneName() {
        // Given a father and son of one name at one address, and the son's record with the year of birth alone
        List<PersonRecord> records = List.of(
                daniel("father").dateOfBirth(LocalDate.of(1981, 2, 11)).build(),
                daniel("son").build(),
                daniel("son-police").dateOfBirth(null).yearOfBirth(2014).build());

        // When linked with the shipped settings
        BatchLinker.Result result = linkWithTheShippedSettings(records);

        // Then the year-only record is the son's, and the father is apart
        int[] ids = result.clusterIds();
        assertThat(ids[2]).isEqualTo(ids[1]);
        assertThat(ids[0]).isNotEqualTo(ids[1]);
    }

    @Test
    void aRecordThatCouldBeEitherOfTwoPeopleOfOneNameGoesWithNeitherAndToReview() {
        // Given a father and son of one name at one address, and a record of that name there with no date of birth
        List<PersonRecord> records = List.of(
                daniel("father").dateOfBirth(LocalDate.of(1981, 2, 11)).build(),
                daniel("son").build(),
                daniel("undated").dateOfBirth(null).build());

        // When linked with the shipped settings
        BatchLinker.Result result = linkWithTheShippedSettings(records);

        // Then it is in neither's cluster (before, it went with whichever link was stronger), and both pairs are
        // held for review
        int[] ids = result.clusterIds();
        assertThat(ids[2]).isNotEqualTo(ids[0]).isNotEqualTo(ids[1]);
        assertThat(ids[0]).isNotEqualTo(ids[1]);
        assertThat(result.reviewPairs())
                .extracting(p -> p.first().id() + "-" + p.second().id())
                .containsExactlyInAnyOrder("father-undated", "son-undated");
        assertThat(result.counts().links()).isZero();
        assertThat(result.counts().tooCloseToCall()).isEqualTo(1);
    }

    @Test
    void aRecordThatOnePersonExplainsFarBetterStillGoesWithThatPerson() {
        // Given the same household, the undated record now carrying the son's phone number, as his own record does
        List<PersonRecord> records = List.of(
                daniel("father")
                        .dateOfBirth(LocalDate.of(1981, 2, 11))
                        .phone("07700900123")
                        .build(),
                daniel("son").phone("07700900456").build(),
                daniel("undated").dateOfBirth(null).phone("07700900456").build());

        // When linked with the shipped settings
        BatchLinker.Result result = linkWithTheShippedSettings(records);

        // Then the phone decides it: the record is the son's
        int[] ids = result.clusterIds();
        assertThat(ids[2]).isEqualTo(ids[1]);
        assertThat(ids[0]).isNotEqualTo(ids[1]);
    }
}
