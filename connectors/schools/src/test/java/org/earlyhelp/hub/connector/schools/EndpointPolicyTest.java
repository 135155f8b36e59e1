package org.earlyhelp.hub.connector.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointPolicyTest {

    final EndpointPolicy external = new EndpointPolicy(false, false);
    final EndpointPolicy embedded = new EndpointPolicy(true, false);
    final EndpointPolicy privateAllowed = new EndpointPolicy(false, true);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http:foo",
                "https:foo",
                "https:///path",
                "/relative/path",
                "mailto:school@example.org",
                "ftp://203.0.113.10/x",
                "file:///etc/passwd",
                "https://user:secret@203.0.113.10/x",
                "https://203.0.113.10/x#frag"
            })
    void anEndpointMustBeAnHttpsUrlWithAHost(String url) {
        assertThat(external.problem(URI.create(url))).isPresent();
        assertThat(embedded.problem(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.5/notify",
                "https://172.16.3.4/notify",
                "https://192.168.1.1/notify",
                "https://100.64.0.1/notify",
                "https://127.0.0.1/notify",
                "https://localhost/notify",
                "https://0.0.0.0/notify",
                "https://[::1]/notify",
                "https://[fe80::1]/notify",
                "https://[fd00::1]/notify",
                "https://[::ffff:10.0.0.1]/notify"
            })
    void internalAddressesAreRefusedUnlessConfigured(String url) {
        assertThat(external.problem(URI.create(url)))
                .contains("must not be a loopback, link-local or private network address");
        assertThat(privateAllowed.problem(URI.create(url))).isEmpty();
    }

    @Test
    void plainHttpOnlyToThisMachineAndOnlyInTheEmbeddedRun() {
        assertThat(embedded.problem(URI.create("http://localhost:9099/encompass")))
                .isEmpty();
        assertThat(embedded.problem(URI.create("http://127.0.0.1:9099/encompass")))
                .isEmpty();
        assertThat(external.problem(URI.create("http://localhost:9099/encompass")))
                .isPresent();
        assertThat(embedded.problem(URI.create("http://203.0.113.10/encompass")))
                .isPresent();
        assertThat(embedded.problem(URI.create("http://10.0.0.5/encompass"))).isPresent();
        assertThat(privateAllowed.problem(URI.create("http://10.0.0.5/encompass")))
                .isPresent();
        // the embedded run still refuses private and link-local ranges over https
        assertThat(embedded.problem(URI.create("https://169.254.169.254/"))).isPresent();
    }

    @Test
    void aPublicHttpsEndpointIsAccepted() {
        assertThat(external.problem(URI.create("https://203.0.113.10/encompass")))
                .isEmpty();
        // a name that does not resolve here is left to the delivery to fail (and be retried)
        assertThat(external.problem(URI.create("https://school.invalid/encompass")))
                .isEmpty();
    }

    @Test
    void theReasonNeverQuotesTheUrl() {
        assertThat(external.problem(URI.create("https://10.1.2.3/Amy-Smith")).orElseThrow())
                .doesNotContain("10.1.2.3", "Amy");
    }
}
