package org.earlyhelp.hub.app.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.earlyhelp.hub.connector.api.HostileJson;

/** 10,000 hostile consent bodies: each is read or refused with a 400 whose reason quotes nothing it was sent. */
class ConsentRequestPropertyTest {

    static final String CONSENT = "{\"record\": \"3f0c\", \"person\": \"c\","
            + " \"scope\": [\"health-to-casesystem-family-view\"], \"given\": true, \"basis\": \"parental-responsibility\","
            + " \"reference\": \"CS/2026/1\", \"expires\": \"2027-06-30\"}";

    @Property(tries = 10_000)
    void hostileConsentIsReadOrRefusedWithoutEchoingIt(@ForAll("consents") String body) {
        try {
            ConsentRequest read = ConsentRequest.parse(body.getBytes(StandardCharsets.UTF_8));
            assertThat(read.record()).isNotBlank();
        } catch (PullRefused e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage() + e.field()).doesNotContain(HostileJson.MARKERS);
        }
    }

    @Provide
    Arbitrary<String> consents() {
        return HostileJson.bodies(CONSENT);
    }
}
