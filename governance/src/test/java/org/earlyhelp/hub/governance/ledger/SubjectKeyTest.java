package org.earlyhelp.hub.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.junit.jupiter.api.Test;

class SubjectKeyTest {

    static final Pseudonymiser OLD =
            new Pseudonymiser("the old pseudonymisation key, 32+ bytes".getBytes(StandardCharsets.UTF_8));
    static final Pseudonymiser NEW =
            new Pseudonymiser("the new pseudonymisation key, 32+ bytes".getBytes(StandardCharsets.UTF_8));
    static final LocalDate DOB = LocalDate.of(2016, 4, 3);

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void decomposedAndComposedAccentsGiveOneKey() {
        // Given
        SubjectKey keys = new SubjectKey(NEW);

        // When
        String written = keys.of(nfd("José"), nfd("Núñez"), DOB);
        String searched = keys.of(nfc("José"), nfc("Núñez"), DOB);

        // Then
        assertThat(nfd("José")).isNotEqualTo(nfc("José"));
        assertThat(written).isEqualTo(searched).isEqualTo(keys.of("JOSE", "nunez", DOB));
    }

    @Test
    void aSearchAfterKeyRotationStillFindsKeysWrittenUnderThePreviousKey() {
        // Given an entry keyed before rotation
        String before = new SubjectKey(OLD).of("Amy", "Smith", DOB);

        // When the key is rotated (new is current, old kept for searching)
        SubjectKey rotated = new SubjectKey(NEW, List.of(OLD));

        // Then new entries get the new key, and a search tries both
        assertThat(rotated.of("Amy", "Smith", DOB)).isNotEqualTo(before);
        assertThat(rotated.candidates("Amy", "Smith", DOB)).contains(before, rotated.of("Amy", "Smith", DOB));
        assertThat(new SubjectKey(NEW).candidates("Amy", "Smith", DOB)).doesNotContain(before);
    }

    @Test
    void aSearchFindsEntriesKeyedBeforeNamesWereUnicodeNormalised() {
        // Given an NFC accented name keyed by the earlier folding (accent kept), reproduced here by its identity
        String legacyIdentity = "núñez|josé|" + DOB;
        String writtenBefore = NEW.pseudonym("disclosure-ledger", legacyIdentity);

        // When / Then
        assertThat(new SubjectKey(NEW).candidates(nfc("José"), nfc("Núñez"), DOB))
                .contains(writtenBefore);
        assertThat(new SubjectKey(NEW).of(nfc("José"), nfc("Núñez"), DOB)).isNotEqualTo(writtenBefore);
    }

    @Test
    void differentPeopleKeepDifferentKeys() {
        SubjectKey keys = new SubjectKey(NEW, List.of(OLD));
        assertThat(keys.candidates("Amy", "Smith", DOB))
                .doesNotContainAnyElementsOf(keys.candidates("Amy", "Smith", DOB.plusDays(1)));
    }
}
