package org.earlyhelp.hub.simulator.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void aTypoIsOneEditAwayAndNeverTheSameName() {
        Random random = new Random(1);
        for (int i = 0; i < 2_000; i++) {
            String typo = Typos.oneEdit("Katherine", random);
            assertThat(typo).isNotEqualTo("Katherine");
            assertThat(Math.abs(typo.length() - "Katherine".length())).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aDateTypoIsAnotherValidDateWithOneDigitChanged() {
        Random random = new Random(2);
        LocalDate truth = LocalDate.of(2014, 3, 28);
        for (int i = 0; i < 2_000; i++) {
            LocalDate typo = RecordMaker.digitTypo(truth, random);
            assertThat(typo).isNotEqualTo(truth);
            String a = truth.toString();
            String b = typo.toString();
            int differences = 0;
            for (int c = 0; c < a.length(); c++) {
                differences += a.charAt(c) == b.charAt(c) ? 0 : 1;
            }
            assertThat(differences).isEqualTo(1);
        }
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertThat(Csv.quote("Smith")).isEqualTo("Smith");
        assertThat(Csv.quote("12 High St, Brampton")).isEqualTo("\"12 High St, Brampton\"");
        assertThat(Csv.quote("O\"Neil")).isEqualTo("\"O\"\"Neil\"");
        assertThat(Csv.quote(null)).isEmpty();
    }

    @Test
    void phoneNumbersComeFromTheDramaRangesAndAreUniqueForTheFirstFifteenThousand() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (long i = 0; i < 15_000; i++) {
            String phone = Contacts.phone(i);
            assertThat(phone).hasSize(11);
            assertThat(seen.add(phone)).as(phone).isTrue();
        }
    }
}
