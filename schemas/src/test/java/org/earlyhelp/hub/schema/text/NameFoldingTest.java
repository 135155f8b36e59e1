package org.earlyhelp.hub.schema.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class NameFoldingTest {

    @Test
    void composedAndDecomposedAccentsFoldToTheSameName() {
        // Given José as one code point and as e + combining acute
        String nfc = Normalizer.normalize("José", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("José", Normalizer.Form.NFD);

        // When / Then
        assertThat(nfc).isNotEqualTo(nfd);
        assertThat(NameFolding.fold(nfc)).isEqualTo("jose").isEqualTo(NameFolding.fold(nfd));
    }

    @Test
    void compatibilityFormsAndCapitalsFoldToPlainLowerCase() {
        assertThat(NameFolding.fold("ＪＯＳＥ")).isEqualTo("jose");
        assertThat(NameFolding.fold("ﬁona")).isEqualTo("fiona");
        assertThat(NameFolding.fold("İlker")).isEqualTo("ilker");
        assertThat(NameFolding.fold("Zoë O'Brien-Smith")).isEqualTo("zoe o'brien-smith");
    }

    @Test
    void nullFoldsToEmpty() {
        assertThat(NameFolding.fold(null)).isEmpty();
    }

    @Test
    void lettersWithoutDecompositionAreKept() {
        assertThat(NameFolding.fold("Øyvind Łukasz")).isEqualTo("øyvind łukasz");
    }
}
