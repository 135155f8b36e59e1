package org.earlyhelp.hub.simulator.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartnerExtractsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static PartnerExtracts large;

    @BeforeAll
    static void generateOnce() {
        large = PartnerExtracts.of(SyntheticPopulation.generate(7L, 5_000, AS_OF));
    }

    @Test
    void theSameSeedGivesTheSameExtractsAndAnotherSeedDifferentOnes() {
        // Given two populations from one seed and one from another
        PartnerExtracts first = PartnerExtracts.of(SyntheticPopulation.generate(3L, 300, AS_OF));
        PartnerExtracts second = PartnerExtracts.of(SyntheticPopulation.generate(3L, 300, AS_OF));
        PartnerExtracts other = PartnerExtracts.of(SyntheticPopulation.generate(4L, 300, AS_OF));

        // Then the extracts are equal for the same seed only
        assertThat(second).isEqualTo(first);
        assertThat(other.rows()).isNotEqualTo(first.rows());
    }

    @Test
    void everyRowCarriesGroundTruthAndAUniqueOpaqueRecordId() {
        for (Partner partner : Partner.values()) {
            List<ExtractRow> rows = large.rows().get(partner);
            assertThat(rows).as(partner.id()).isNotEmpty().allSatisfy(r -> {
                assertThat(r.truePersonId()).matches("F[0-9]{6}-[0-9]{2}");
                assertThat(r.trueFamilyId()).isEqualTo(r.truePersonId().substring(0, 7));
                assertThat(r.recordId()).matches(partner.id() + "-[0-9]{6}");
                assertThat(r.partner()).isEqualTo(partner);
            });
            assertThat(rows.stream().map(ExtractRow::recordId)).doesNotHaveDuplicates();
        }
    }

    @Test
    void everySchoolRecordHasAValidUpnAndEachPupilOnlyOne() {
        List<ExtractRow> pupils = large.rows().get(Partner.SCHOOLS);
        assertThat(pupils)
                .allSatisfy(r -> assertThat(Upns.valid(r.upn())).as(r.upn()).isTrue());
        assertThat(pupils.stream().map(ExtractRow::upn)).doesNotHaveDuplicates();
    }

    @Test
    void policeHoldNoIdentifiersAndWriteDatesDayFirst() {
        assertThat(large.rows().get(Partner.POLICE)).allSatisfy(r -> {
            assertThat(r.nhsNumber()).isNull();
            assertThat(r.upn()).isNull();
            assertThat(r.uprn()).isNull();
            assertThat(r.dob()).matches("|[0-9]{4}|[0-9]{2}/[0-9]{2}/[0-9]{4}");
        });
    }

    @Test
    void twinsAppearAsDifferentPeopleWithTheSameSurnameDateOfBirthAndFamily() {
        // Given the school records grouped by family, surname as truly held and date of birth
        Map<String, Set<String>> peopleByFamilyAndDob = large.rows().get(Partner.SCHOOLS).stream()
                .filter(r -> r.errors().stream().noneMatch(e -> e.startsWith("dob")))
                .collect(Collectors.groupingBy(
                        r -> r.trueFamilyId() + "/" + r.dob(),
                        Collectors.mapping(ExtractRow::truePersonId, Collectors.toSet())));

        // Then some pairs of pupils share family and date of birth but are different people
        long twins =
                peopleByFamilyAndDob.values().stream().filter(s -> s.size() > 1).count();
        assertThat(twins).isGreaterThan(20);
    }

    @Test
    void errorRatesAreWithinToleranceOfTheDocumentedRates() {
        for (Partner partner : Partner.values()) {
            List<ExtractRow> rows = large.rows().get(partner);
            ErrorRates rates = partner.rates();
            assertRate(rows, RecordMaker.FORENAME_TYPO, rates.forenameTypo(), r -> true);
            assertRate(rows, RecordMaker.SURNAME_TYPO, rates.surnameTypo(), r -> true);
            assertRate(rows, RecordMaker.NAMES_SWAPPED, rates.namesSwapped(), r -> true);
            assertRate(rows, RecordMaker.DOB_MISSING, rates.dobMissing(), r -> true);
            assertRate(rows, RecordMaker.DOB_YEAR_ONLY, rates.dobYearOnly(), r -> true);
            assertRate(rows, RecordMaker.DOB_DIGIT_TYPO, rates.dobDigitTypo(), r -> true);
            assertRate(rows, RecordMaker.MOVED_ADDRESS, rates.movedAddress(), r -> true);
            assertRate(rows, RecordMaker.POSTCODE_MISSING, rates.postcodeMissing(), r -> true);
            assertRate(rows, RecordMaker.SEX_MISSING, rates.sexMissing(), r -> true);
            if (partner.records(Column.NHS_NUMBER)) {
                assertRate(rows, RecordMaker.NHS_MISSING, rates.nhsMissing(), r -> true);
            }
        }
    }

    @Test
    void nicknamesAndPlaceholderNamesAreRecorded() {
        List<ExtractRow> police = large.rows().get(Partner.POLICE);
        assertThat(police).anySatisfy(r -> assertThat(r.errors()).contains(RecordMaker.NICKNAME));
        assertThat(large.rows().get(Partner.HEALTH))
                .filteredOn(r -> r.hasError(RecordMaker.PLACEHOLDER_NAME)
                        && !r.hasError(RecordMaker.FORENAME_TYPO)
                        && !r.hasError(RecordMaker.NAMES_SWAPPED))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.forename()).isIn("Baby", "Unborn"));
    }

    @Test
    void relationshipsLinkCaseRecordsOfAParentAndAChildInOneFamily() {
        Map<String, ExtractRow> cases =
                large.rows().get(Partner.CASE_SYSTEM).stream().collect(Collectors.toMap(ExtractRow::recordId, r -> r));
        assertThat(large.relationships()).isNotEmpty().allSatisfy(link -> {
            ExtractRow parent = cases.get(link.parentRecordId());
            ExtractRow child = cases.get(link.childRecordId());
            assertThat(parent.trueFamilyId()).isEqualTo(child.trueFamilyId());
            assertThat(parent.truePersonId()).isNotEqualTo(child.truePersonId());
            assertThat(link.relationship()).isIn("mother", "father", "parent");
        });
        assertThat(new HashSet<>(large.relationships())).hasSameSizeAs(large.relationships());
    }

    private static void assertRate(
            List<ExtractRow> rows, String error, double expected, Predicate<ExtractRow> eligible) {
        List<ExtractRow> pool = rows.stream().filter(eligible).toList();
        double observed = pool.stream().filter(r -> r.hasError(error)).count() / (double) pool.size();
        double tolerance = Math.max(0.005, 4 * Math.sqrt(expected * (1 - expected) / pool.size()));
        assertThat(observed)
                .as("%s in %d rows", error, pool.size())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
    }
}
