package org.earlyhelp.hub.connector.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HousingConnectorPropertiesTest {

    private static HousingConnectorProperties props(String url, String token) {
        return new HousingConnectorProperties(
                url == null ? null : URI.create(url),
                token,
                1,
                200,
                5,
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }

    @Test
    void noWebhookMeansNoDelivery() {
        assertThat(props(null, null).delivering()).isFalse();
        assertThat(props("https://housing.example.org/hub", null).delivering()).isTrue();
        assertThat(props("http://localhost:9098/hub", null).delivering()).isTrue();
    }

    @Test
    void aWebhookThatIsNotHttpsOrCarriesCredentialsIsRefusedNamingTheSettingOnly() {
        assertThatThrownBy(() -> props("http://housing.example.org/hub", null))
                .hasMessageContaining("hub.connectors.housing.webhook-url")
                .hasMessageNotContaining("example.org");
        assertThatThrownBy(() -> props("https://user:pw@housing.example.org/hub", null))
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> props("ftp://housing.example.org/", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> props("relative/path", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTokenIsNeverShownAndMustBeLongEnough() {
        HousingConnectorProperties p = props("https://housing.example.org/hub", "s3cret-token-0123456789");

        assertThat(p.toString()).doesNotContain("s3cret", "example.org");
        assertThatThrownBy(() -> props("https://housing.example.org/hub", "short"))
                .hasMessageNotContaining("short");
    }
}
