package org.earlyhelp.hub.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    static final String DEV = "ZGV2ZWxvcG1lbnQta2V5LW5vdC1mb3ItcmVhbC1kYXRhLTAxMjM0NTY3ODk=";

    static String random(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void theDevelopmentKeyWorksInTheEmbeddedRunAndIsRefusedOutsideIt() {
        assertThat(KeyMaterial.decode("hub.pseudonymisation.key", DEV, true)).hasSizeGreaterThanOrEqualTo(32);
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyMaterial.decode("hub.pseudonymisation.key", DEV, false))
                .withMessageContaining("hub.pseudonymisation.key is the development key")
                .withMessageNotContaining(DEV);
    }

    @Test
    void aKeyUnder32BytesIsRefusedEverywhere() {
        for (boolean embedded : new boolean[] {true, false}) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> KeyMaterial.decode("hub.ledger.chain-key", random(31), embedded))
                    .withMessageContaining("decodes to 31 bytes");
        }
    }

    @Test
    void aPassphraseOrRepeatedPatternIsNotARandomKeyOutsideTheEmbeddedRun() {
        String phrase = Base64.getEncoder()
                .encodeToString("correct horse battery staple, a long passphrase".getBytes(StandardCharsets.UTF_8));
        String repeated = Base64.getEncoder().encodeToString(new byte[64]);
        for (String weak : new String[] {phrase, repeated}) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> KeyMaterial.decode("hub.ledger.chain-key", weak, false))
                    .withMessageContaining("does not look like random bytes");
        }
        assertThat(KeyMaterial.decode("hub.ledger.chain-key", random(32), false))
                .hasSize(32);
    }

    @Test
    void notBase64AndMissingAreRefusedWithoutEchoingTheValue() {
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyMaterial.decode("hub.ledger.chain-key", "not*base64!", false))
                .withMessageContaining("is not base64")
                .withMessageNotContaining("not*base64!");
        assertThatIllegalStateException()
                .isThrownBy(() -> KeyMaterial.decode("hub.ledger.chain-key", " ", false))
                .withMessageContaining("must be set");
    }

    @Test
    void versionedPseudonymisationKeysNeedACurrentOneAndEachIsChecked() {
        String a = random(32);
        String b = random(32);
        PseudonymisationKeys keys = PseudonymisationKeys.from(
                new HubProperties.Pseudonymisation(DEV, Map.of("2025", a, "2026", b), "2026"), false);
        assertThat(keys.previous()).hasSize(1);
        assertThat(keys.current().pseudonym("s", "v"))
                .isEqualTo(new org.earlyhelp.hub.governance.minimise.Pseudonymiser(
                                Base64.getDecoder().decode(b))
                        .pseudonym("s", "v"));
        assertThatIllegalStateException()
                .isThrownBy(() -> PseudonymisationKeys.from(
                        new HubProperties.Pseudonymisation(null, Map.of("2025", a), "2027"), false))
                .withMessageContaining("hub.pseudonymisation.current");
        assertThatIllegalStateException()
                .isThrownBy(() -> PseudonymisationKeys.from(
                        new HubProperties.Pseudonymisation(null, Map.of("old", DEV, "new", b), "new"), false))
                .withMessageContaining("hub.pseudonymisation.keys.old is the development key");
    }
}
