package org.earlyhelp.hub.app.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.earlyhelp.hub.governance.consent.ConsentBasis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentRequestTest {

    static final String VALID =
            """
            {"record": "3131f329-f733-419c-bb1b-3daab7872158", "person": "h",
             "scope": ["health-to-casesystem-family-view"], "given": true, "basis": "gillick-competent",
             "reference": "RFS-CONSENT-2026-0042", "expires": "2027-08-31"}
            """;

    static ConsentRequest parse(String json) {
        return ConsentRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWellFormedEventReadsWithItsBasisScopeAndExpiry() {
        ConsentRequest r = parse(VALID);

        assertThat(r.given()).isTrue();
        assertThat(r.basis()).isEqualTo(ConsentBasis.GILLICK_COMPETENT);
        assertThat(r.scope()).containsExactly("health-to-casesystem-family-view");
        assertThat(r.expires()).isEqualTo(LocalDate.of(2027, 8, 31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"true\"", "null", "[true]"})
    void aBooleanThatIsNotAJsonBooleanIsRefusedNotCoerced(String given) {
        assertThatThrownBy(() -> parse(VALID.replace("\"given\": true", "\"given\": " + given)))
                .isInstanceOfSatisfying(PullRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("given");
                });
    }

    @Test
    void duplicateOrUnknownKeysAnUnknownBasisAndAGivenConsentWithoutExpiryAreRefused() {
        assertThatThrownBy(() -> parse(VALID.replace("\"given\": true", "\"given\": true, \"given\": false")))
                .isInstanceOf(PullRefused.class);
        assertThatThrownBy(() -> parse(VALID.replace("\"given\": true", "\"given\": true, \"agreement\": \"x\"")))
                .isInstanceOfSatisfying(
                        PullRefused.class, e -> assertThat(e.field()).isEqualTo("(body)"));
        assertThatThrownBy(() -> parse(VALID.replace("gillick-competent", "neighbour-said-so")))
                .isInstanceOfSatisfying(
                        PullRefused.class, e -> assertThat(e.field()).isEqualTo("basis"));
        assertThatThrownBy(() -> parse(VALID.replace(", \"expires\": \"2027-08-31\"", "")))
                .isInstanceOfSatisfying(
                        PullRefused.class, e -> assertThat(e.field()).isEqualTo("expires"));
    }

    @Test
    void aRefusalNeverEchoesTheSubmittedValue() {
        assertThatThrownBy(() -> parse(VALID.replace("RFS-CONSENT-2026-0042", "Jessica Ashworth 2015-03-04")))
                .isInstanceOfSatisfying(PullRefused.class, e -> {
                    assertThat(e.field()).isEqualTo("reference");
                    assertThat(e.getMessage()).doesNotContain("Jessica").doesNotContain("2015");
                });
    }
}
