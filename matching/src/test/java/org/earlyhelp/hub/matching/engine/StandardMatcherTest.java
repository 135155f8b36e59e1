package org.earlyhelp.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.junit.jupiter.api.Test;

class StandardMatcherTest {

    final StandardMatcher matcher = StandardMatcher.standard();

    PersonRecord.Builder jonathan(String id) {
        return PersonRecord.builder(id)
                .forename("Jonathan")
                .surname("Smith")
                .dateOfBirth(LocalDate.of(1989, 3, 3))
                .postcode("S41 7AB")
                .address("12 Oak Road");
    }

    @Test
    void sameNhsNumberAndDateOfBirthLinksWhateverTheNames() {
        PairScore score = matcher.score(
                jonathan("a").nhsNumber("943 476 5919").build(),
                jonathan("b")
                        .forename("Zed")
                        .surname("Other")
                        .nhsNumber("9434765919")
                        .build());
        assertThat(score.outcome()).isEqualTo(Outcome.LINK);
        assertThat(score.rule()).isEqualTo(Rule.NHS_NUMBER_AND_DATE_OF_BIRTH);
        // every comparison explained, the middle names too (missing on both sides here, so no weight)
        assertThat(score.explanation().contributions()).hasSize(11);
        assertThat(score.explanation().contributions().get(10).comparison()).isEqualTo("middle_names");
        assertThat(score.explanation().contributions().get(10).weight()).isZero();
    }

    @Test
    void middleNamesThatDifferCountStronglyAgainstAndAMissingOneCountsForNothing() {
        // Given a father with his date of birth and a record of one name at his address without one: his, or his son's?
        PersonRecord father = jonathan("a").middleNames("Paul").sex("M").build();
        PersonRecord.Builder undated = jonathan("b").dateOfBirth(null).sex("M").address("12 Oak Road");

        // When the second record names the same middle name, another, or none
        PairScore same = matcher.score(father, undated.middleNames("Paul").build());
        PairScore other = matcher.score(father, undated.middleNames("James").build());
        PairScore none = matcher.score(father, undated.middleNames(null).build());
        PairScore neither = matcher.score(father.toBuilder().middleNames(null).build(), undated.build());

        // Then the same middle name adds evidence, another takes more away than it adds, and none is no evidence
        assertThat(same.matchWeight()).isGreaterThan(none.matchWeight() + 4);
        assertThat(other.matchWeight()).isLessThan(none.matchWeight() - 7);
        assertThat(none.matchWeight()).isEqualTo(neither.matchWeight());
        assertThat(same.outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void upnLinksOnlyBetweenEducationRecords() {
        String upn = "A123456789012";
        var a = jonathan("a").forename("Zed").upn(upn).education(true).build();
        var b = jonathan("b").upn(upn).education(true).build();
        // the UPN may be invalid in this made-up example: then it is ignored as missing
        PairScore both = matcher.score(a, b);
        PairScore one = matcher.score(a, b.toBuilder().education(false).build());
        assertThat(one.rule()).isNotEqualTo(Rule.UPN_BETWEEN_EDUCATION_RECORDS);
        assertThat(both.rule()).isIn(Rule.UPN_BETWEEN_EDUCATION_RECORDS, Rule.TWINS, Rule.PROBABILISTIC);
    }

    @Test
    void twinsAreNeverLinkedButANicknameIsNotATwin() {
        PairScore twins = matcher.score(
                jonathan("a").build(), jonathan("b").forename("Sarah").build());
        PairScore nickname = matcher.score(
                jonathan("a").build(), jonathan("b").forename("Jon").build());
        assertThat(twins.outcome()).isEqualTo(Outcome.NO_LINK);
        assertThat(twins.rule()).isEqualTo(Rule.TWINS);
        assertThat(nickname.outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void swappedNamesStillScoreWell() {
        PairScore swapped = matcher.score(
                jonathan("a").build(),
                jonathan("b").forename("Smith").surname("Jonathan").build());
        assertThat(swapped.outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void swappedNamesWithASlipInOneAreStillASwap() {
        // Given the names swapped and the surname then misspelt (Smith -> Smiht), and a moved address
        PersonRecord a =
                jonathan("a").postcode("S43 2XY").address("4 Elm Close").build();
        PersonRecord b = jonathan("b").forename("Smiht").surname("Jonathan").build();

        // When / Then both names count as near agreement, not as two disagreements
        var contributions = matcher.score(a, b).explanation().contributions();
        assertThat(contributions.get(0).level().name()).isEqualTo("JARO_WINKLER_HIGH");
        assertThat(contributions.get(1).level().name()).isEqualTo("JARO_WINKLER_HIGH");

        // but two different people whose names merely share a letter or two are not read as swapped
        var strangers = matcher.score(
                        a, jonathan("c").forename("Smart").surname("Jones").build())
                .explanation()
                .contributions();
        assertThat(strangers.get(0).level().name()).isEqualTo("OTHER");
    }

    @Test
    void commonSurnamesWeighLessThanRareOnesWithTermFrequencies() {
        TermFrequencies tf = (field, value) -> value.equals("smith") ? 0.02 : 0.0001;
        StandardMatcher adjusted = new StandardMatcher(MatchSettings.standard(), tf);
        double smith =
                adjusted.score(jonathan("a").build(), jonathan("b").build()).matchWeight();
        double rare = adjusted.score(
                        jonathan("a").surname("Zablocki").build(),
                        jonathan("b").surname("Zablocki").build())
                .matchWeight();
        assertThat(rare).isGreaterThan(smith);
    }

    @Test
    void settingsRoundTripThroughJson() throws Exception {
        MatchSettings settings = MatchSettings.standard();
        MatchSettings again = MatchSettings.read(
                new java.io.ByteArrayInputStream(settings.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(again).isEqualTo(settings);
    }

    @Test
    void batchLinkerClustersAndKeepsTwinsApart() {
        // a family's records (a parent at the same house: the load holds households), with Jonathan's twin Sarah
        List<PersonRecord> records = List.of(
                jonathan("a").build(),
                jonathan("b").forename("Jon").build(),
                jonathan("c").surname("Smyth").build(),
                jonathan("d").forename("Sarah").build(),
                PersonRecord.builder("e")
                        .forename("Priya")
                        .surname("Patel")
                        .dateOfBirth(LocalDate.of(2001, 7, 12))
                        .build(),
                jonathan("f")
                        .forename("Margaret")
                        .dateOfBirth(LocalDate.of(1961, 11, 20))
                        .build(),
                jonathan("g")
                        .forename("Margaret")
                        .dateOfBirth(LocalDate.of(1961, 11, 20))
                        .build());
        BatchLinker.Result result = new BatchLinker(
                        MatchSettings.standard(), BatchLinker.Options.defaults().withTrain(false))
                .link(records, BatchLinker.Progress.NONE);
        int[] ids = result.clusterIds();
        assertThat(ids[1]).isEqualTo(ids[0]);
        assertThat(ids[2]).isEqualTo(ids[0]);
        assertThat(ids[3]).isNotEqualTo(ids[0]);
        assertThat(ids[4]).isNotIn(ids[0], ids[3]);
        assertThat(result.holdsHouseholds()).isTrue();
        assertThat(result.counts().twins()).isPositive();
    }

    @Test
    void whereTheRecordsHoldNoHouseholdsAnotherForenameAtTheSameHouseAndDateIsAKeyingError() {
        // Given a list of individuals, each at an address of their own, and copies of forty of them with the forename
        // keyed as another name (FEBRL's "replace the forename"; fewer pairs at one address would be too few to tell)
        List<PersonRecord> records = new java.util.ArrayList<>();
        List<PersonRecord> families = TrainingGuardTest.households(600, 0, 11);
        for (int i = 0; i < 600; i++) {
            PersonRecord r = families.get(i * 4);
            records.add(PersonRecord.builder("i" + i)
                    .forename(r.forename())
                    .surname(r.surname())
                    .dateOfBirth(r.dateOfBirth())
                    .postcode(r.postcode())
                    .address((10 + i) + " Elm Street")
                    .build());
        }
        for (int i = 0; i < 40; i++) {
            PersonRecord r = records.get(i * 7);
            records.add(PersonRecord.builder("copy" + i)
                    .forename(i % 2 == 0 ? "Bartholomew" : "Persephone")
                    .surname(r.surname())
                    .dateOfBirth(r.dateOfBirth())
                    .postcode(r.postcode())
                    .address(r.address())
                    .build());
        }

        // When link runs at its defaults
        BatchLinker.Result result = new BatchLinker(MatchSettings.standard(), BatchLinker.Options.defaults())
                .link(records, BatchLinker.Progress.NONE);

        // Then the load is read as holding no households, nothing is refused as twins, and the copies link
        assertThat(result.holdsHouseholds()).isFalse();
        assertThat(result.counts().twins()).isZero();
        int[] ids = result.clusterIds();
        long linked = 0;
        for (int i = 0; i < 40; i++) {
            linked += ids[600 + i] == ids[i * 7] ? 1 : 0;
        }
        assertThat(linked).isGreaterThanOrEqualTo(36);
    }

    @Test
    void blockingKeysAreStableOpaqueStrings() {
        assertThat(matcher.blockingKeys(jonathan("a").build()))
                .contains("dob:19890303", "fs:jonathan|smith")
                .isEqualTo(matcher.blockingKeys(jonathan("z").build()));
    }

    PersonRecord.Builder atHome(String id, String forename, LocalDate dob, String sex) {
        return PersonRecord.builder(id)
                .forename(forename)
                .surname("Whitfield")
                .dateOfBirth(dob)
                .sex(sex)
                .address("14 Hollins Close")
                .postcode("S41 0QP")
                .town("Chesterfield")
                .uprn("100030012345")
                .phone("01632 960123");
    }

    @Test
    void aMotherAndHerChildAtOneAddressAreNeverLinked() {
        // Given the hub's defect: the same surname, address, postcode, town, UPRN and phone, nothing else
        var mother = atHome("mother", "Joanne", LocalDate.of(1986, 5, 2), "F").build();
        var daughter = atHome("child", "Lily", LocalDate.of(2014, 9, 17), "F").build();

        // When
        PairScore score = matcher.score(mother, daughter);

        // Then the address counts once, and the relatives rule refuses the link
        assertThat(score.outcome()).isEqualTo(Outcome.NO_LINK);
        assertThat(score.explanation().contributions())
                .filteredOn(c -> c.comparison().equals("address"))
                .singleElement()
                .satisfies(c -> assertThat(c.level().name()).isEqualTo("UPRN"));
    }

    @Test
    void siblingsAreNeverLinked() {
        var brother = atHome("a", "Oliver", LocalDate.of(2012, 1, 30), "M").build();
        var sister = atHome("b", "Amelia", LocalDate.of(2015, 6, 4), "F").build();
        var sameSexBrother =
                atHome("c", "Harry", LocalDate.of(2016, 11, 8), "M").build();

        assertThat(matcher.score(brother, sister).outcome()).isEqualTo(Outcome.NO_LINK);
        assertThat(matcher.score(brother, sameSexBrother).outcome()).isEqualTo(Outcome.NO_LINK);
        assertThat(matcher.score(brother, sameSexBrother).rule()).isIn(Rule.RELATIVES, Rule.PROBABILISTIC);
    }

    @Test
    void theSameChildWithANicknameAndATypoedDateOfBirthIsStillLinked() {
        var school = atHome("school", "Thomas", LocalDate.of(2013, 4, 21), "M").build();
        var police = atHome("police", "Tom", LocalDate.of(2013, 4, 27), "M")
                .uprn(null)
                .town(null)
                .build();

        PairScore score = matcher.score(school, police);

        assertThat(score.rule()).isEqualTo(Rule.PROBABILISTIC);
        assertThat(score.outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void anAgreeingIdentifierOverridesTheRelativesRule() {
        var a = atHome("a", "Joanne", LocalDate.of(1986, 5, 2), "F")
                .otherIdentifier("CS-001234")
                .build();
        var b = atHome("b", "Jo-Anne Louise", LocalDate.of(1968, 2, 5), "F")
                .otherIdentifier("CS-001234")
                .build();

        assertThat(matcher.score(a, b).rule()).isNotEqualTo(Rule.RELATIVES);
    }

    @Test
    void batchLinkerNeverMergesAParentIntoAChildThroughAThirdRecord() {
        List<PersonRecord> records = List.of(
                atHome("mother", "Joanne", LocalDate.of(1986, 5, 2), "F").build(),
                atHome("child", "Lily", LocalDate.of(2014, 9, 17), "F").build(),
                atHome("child-again", "Lilly", LocalDate.of(2014, 9, 17), "F").build());
        BatchLinker.Result result = new BatchLinker(
                        MatchSettings.standard(), BatchLinker.Options.defaults().withTrain(false))
                .link(records, BatchLinker.Progress.NONE);
        int[] ids = result.clusterIds();
        assertThat(ids[2]).isEqualTo(ids[1]);
        assertThat(ids[0]).isNotEqualTo(ids[1]);
    }

    PersonRecord.Builder noAddressLines(String id) {
        return PersonRecord.builder(id)
                .forename("Mohammed")
                .surname("Khan")
                .dateOfBirth(LocalDate.of(2011, 2, 14))
                .sex("M")
                .postcode("LS8 1AB");
    }

    @Test
    void aPairAgreeingExactlyOnNamesDateOfBirthSexAndPostcodeWithNoAddressLinesLinksAtTheDefaults() {
        // Given two records agreeing exactly on forename, surname, DOB, sex and postcode, in files with no address
        // lines, sex written differently, the postcode in another case and spacing, and names so common in the input
        // that term-frequency adjustment would make them near worthless
        var a = noAddressLines("a").build();
        var b = noAddressLines("b").sex("1").postcode("ls81ab").build();
        TermFrequencies everyoneIsCalledThat = (field, value) -> 0.66;
        StandardMatcher shipped = new StandardMatcher(MatchSettings.standard(), everyoneIsCalledThat);

        // When scored with the shipped settings
        PairScore score = shipped.score(a, b);

        // Then the postcode agreement is its own strong level, exact names keep a floor, and the pair links
        assertThat(score.explanation().contributions())
                .filteredOn(c -> c.comparison().equals("address"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.level().name()).isEqualTo("POSTCODE_ONLY");
                    assertThat(c.weight()).isGreaterThan(8);
                });
        assertThat(score.explanation().contributions())
                .filteredOn(
                        c -> c.comparison().equals("forename") || c.comparison().equals("surname"))
                .allSatisfy(c -> assertThat(c.weight()).isGreaterThan(4));
        assertThat(score.outcome()).isEqualTo(Outcome.LINK);
    }

    @Test
    void theSamePairLinksAtTheDefaultsOfABatchRunThatTrains() {
        // Given the pair among other people of a file with no address lines
        List<PersonRecord> records = new ArrayList<>(TrainingGuardTest.households(300, 0, 3).stream()
                .map(r -> PersonRecord.builder(r.id())
                        .forename(r.forename())
                        .surname(r.surname())
                        .dateOfBirth(r.dateOfBirth())
                        .sex(r.sex())
                        .postcode(r.postcode())
                        .build())
                .toList());
        records.add(noAddressLines("a").build());
        records.add(noAddressLines("b").sex("Male").postcode("LS8  1ab").build());

        // When linked at the defaults (training on the input)
        BatchLinker.Result result = new BatchLinker(MatchSettings.standard(), BatchLinker.Options.defaults())
                .link(records, BatchLinker.Progress.NONE);

        // Then the two are one cluster
        int[] ids = result.clusterIds();
        assertThat(ids[records.size() - 1]).isEqualTo(ids[records.size() - 2]);
    }

    @Test
    void aComparisonWithAnInputMissingOnEitherSideContributesNothing() {
        var a = noAddressLines("a").sex(null).build();
        var b = noAddressLines("b").postcode(null).dateOfBirth(null).build();

        PairScore score = matcher.score(a, b);

        assertThat(score.explanation().contributions())
                .filteredOn(c -> List.of("sex", "address", "date_of_birth", "nhs_number", "email")
                        .contains(c.comparison()))
                .allSatisfy(c -> {
                    assertThat(c.level().isNull()).isTrue();
                    assertThat(c.weight()).isZero();
                });
    }

    @Test
    void householdEvidenceAloneNeverLinksNorJoinsClusters() {
        // Given a mother and a record of her son without a forename: surname, address, UPRN and phone agree
        var mother = atHome("mother", "Joanne", LocalDate.of(1986, 5, 2), "F").build();
        var son = atHome("son", null, LocalDate.of(2012, 1, 30), "M").build();

        // When scored alone and linked in a batch
        PairScore score = matcher.score(mother, son);
        BatchLinker.Result result = new BatchLinker(
                        MatchSettings.standard(), BatchLinker.Options.defaults().withTrain(false))
                .link(List.of(mother, son), BatchLinker.Progress.NONE);

        // Then nothing personal agrees, so the pair is not linked, whatever the household fields add up to
        assertThat(score.outcome()).isEqualTo(Outcome.NO_LINK);
        assertThat(score.rule()).isIn(Rule.HOUSEHOLD_ONLY, Rule.RELATIVES, Rule.PROBABILISTIC);
        assertThat(result.clusterIds()[0]).isNotEqualTo(result.clusterIds()[1]);
    }
}
