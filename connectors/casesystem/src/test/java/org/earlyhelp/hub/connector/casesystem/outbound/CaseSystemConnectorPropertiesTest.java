package org.earlyhelp.hub.connector.casesystem.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings that would send personal data somewhere unsafe fail start-up, naming the setting and never the value. */
class CaseSystemConnectorPropertiesTest {

    static CaseSystemConnectorProperties props(String url, String token, boolean allowHttp) {
        return new CaseSystemConnectorProperties(
                url == null ? null : URI.create(url),
                token,
                Map.of(),
                1,
                100,
                4,
                2,
                Duration.ofMillis(5),
                Duration.ofMillis(20),
                Duration.ofSeconds(5),
                allowHttp);
    }

    @Test
    void plainHttpIsOnlyForThisMachineUnlessATestRigAllowsIt() {
        assertThat(props("http://localhost:9098/casesystem", null, false).webhookFor(null))
                .hasHost("localhost");
        assertThat(props("https://mash.council.example/hub", null, false).webhookFor("any"))
                .hasHost("mash.council.example");
        assertThatThrownBy(() -> props("http://mash.council.example/hub", null, false))
                .hasMessageContaining("hub.connectors.casesystem.webhook-url must be https")
                .hasMessageNotContaining("mash.council.example");
        assertThat(props("http://mash.council.example/hub", null, true).webhookUrl())
                .isNotNull();
        assertThatThrownBy(() -> props("ftp://mash.council.example/hub", null, false))
                .hasMessageContaining("webhook-url");
        assertThatThrownBy(() -> props("https://user:secret@mash.council.example/hub", null, false))
                .hasMessageNotContaining("secret");
    }

    @Test
    void theTokenIsNeverShownAndATrivialOneIsRefused() {
        CaseSystemConnectorProperties p =
                props("https://mash.council.example/hub?k=v", "a-long-enough-secret-token", false);
        assertThat(p.toString())
                .doesNotContain("a-long-enough-secret-token", "k=v")
                .contains("(set)");
        assertThatThrownBy(() -> props("https://mash.council.example/hub", "short", false))
                .hasMessageContaining("webhook-token")
                .hasMessageNotContaining("short");
    }

    @Test
    void withoutAWebhookNothingIsAddressable() {
        assertThat(props(null, null, false).webhookFor(null)).isNull();
    }
}
