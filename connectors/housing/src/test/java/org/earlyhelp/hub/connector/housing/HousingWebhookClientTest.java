package org.earlyhelp.hub.connector.housing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.earlyhelp.hub.connector.api.batch.Failure;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.Recipient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The webhook client against WireMock stubs of housing's endpoint (src/test/resources/wiremock/housing). */
class HousingWebhookClientTest {

    static final String TOKEN = "housing-webhook-test-token";
    static WireMockServer housing;

    @BeforeAll
    static void start() {
        housing = new WireMockServer(
                wireMockConfig().dynamicPort().bindAddress("127.0.0.1").usingFilesUnderClasspath("wiremock/housing"));
        housing.start();
    }

    @AfterAll
    static void stop() {
        housing.stop();
    }

    static Disclosure disclosure(String deliveryId) {
        return Disclosure.newBuilder()
                .setDeliveryId(deliveryId)
                .setRecordId("rec-1")
                .setLedgerSeq(7)
                .setAgreementId("casesystem-to-housing-test")
                .setAgreementVersion(1)
                .setPurpose("early-help/family-view")
                .setRecipient(Recipient.newBuilder().setPartner("housing").build())
                .setFields(Map.of("child.name", "Jessica Ashworth"))
                .build();
    }

    private static HousingWebhookClient client(String path, String token, Duration timeout) {
        return new HousingWebhookClient(
                HttpClient.newHttpClient(), new ObjectMapper(), URI.create(housing.baseUrl() + path), token, timeout);
    }

    private static Failure failureOf(HousingWebhookClient client) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> client.deliver(disclosure("d-fail")).join());
        assertThat(t).isInstanceOf(CompletionException.class);
        Failure f = FailureClassifier.standard().classify(t);
        assertThat(f.reason()).doesNotContain("Jessica", "unknown household");
        return f;
    }

    @Test
    void aNotificationIsPostedWithItsDeliveryIdAsIdempotencyKeyAndTheBearerToken() {
        int status = client("/housing/notifications", TOKEN, Duration.ofSeconds(2))
                .deliver(disclosure("d-42"))
                .join();

        assertThat(status).isEqualTo(202);
        housing.verify(postRequestedFor(urlEqualTo("/housing/notifications"))
                .withHeader("Idempotency-Key", equalTo("d-42"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aRefusedCredentialIsPermanent() {
        Failure f = failureOf(client("/housing/notifications", "a-wrong-token-of-16-chars", Duration.ofSeconds(2)));
        assertThat(f).isEqualTo(Failure.permanent("housing webhook answered 401"));
    }

    @Test
    void aServerErrorIsTransientAndARefusalPermanent() {
        assertThat(failureOf(client("/housing/down", TOKEN, Duration.ofSeconds(2))))
                .isEqualTo(Failure.transientFailure("housing webhook answered 503"));
        assertThat(failureOf(client("/housing/throttled", TOKEN, Duration.ofSeconds(2))))
                .isEqualTo(Failure.transientFailure("housing webhook answered 429"));
        assertThat(failureOf(client("/housing/refuses", TOKEN, Duration.ofSeconds(2))))
                .isEqualTo(Failure.permanent("housing webhook answered 422"));
    }

    @Test
    void aTimeoutAndAnUnreachableWebhookAreTransient() {
        assertThat(failureOf(client("/housing/slow", TOKEN, Duration.ofMillis(300))))
                .isEqualTo(Failure.transientFailure("housing webhook timed out"));
        HousingWebhookClient nowhere = new HousingWebhookClient(
                HttpClient.newHttpClient(),
                new ObjectMapper(),
                URI.create("http://127.0.0.1:1/x"),
                null,
                Duration.ofSeconds(1));
        assertThat(failureOf(nowhere).transientFailure()).isTrue();
    }

    @Test
    void theBodyCarriesOnlyTheReleasedFieldsAndTheAgreement() throws Exception {
        byte[] body =
                client("/housing/notifications", TOKEN, Duration.ofSeconds(1)).body(disclosure("d-1"));

        assertThat(new ObjectMapper().readTree(body).fieldNames())
                .toIterable()
                .containsExactly("notificationId", "type", "recordId", "agreement", "purpose", "fields");
        assertThat(FailureClassifier.standard()
                        .classify(new IllegalStateException("x", new java.io.IOException()))
                        .transientFailure())
                .isTrue();
    }
}
