package org.earlyhelp.hub.simulator.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationSinkTest {

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private NotificationSink sink;

    @BeforeEach
    void start() {
        sink = new NotificationSink();
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sink.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void it_listens_on_an_ephemeral_localhost_port() {
        // Given a sink started on port 0
        // Then it reports the port it got in its base URL
        assertThat(sink.port()).isPositive();
        assertThat(sink.baseUrl()).isEqualTo("http://localhost:" + sink.port());
    }

    @Test
    void it_stores_the_first_body_per_key_and_counts_repeats_as_duplicates() throws Exception {
        // Given a sink
        // When the same key is posted twice and another key once
        HttpResponse<String> first = post("/schools/100001/notifications", "k-1", "{\"n\":1}");
        HttpResponse<String> repeat = post("/schools/100001/notifications", "k-1", "{\"n\":1}");
        HttpResponse<String> other = post("/schools/100002/notifications", "k-2", "{\"n\":2}");

        // Then both keys are stored once, the repeat counts as a duplicate, and all were answered with success
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(sink.distinctKeys()).isEqualTo(2);
        assertThat(sink.totalPosts()).isEqualTo(3);
        assertThat(sink.duplicates()).isEqualTo(1);
        assertThat(sink.keys()).containsExactlyInAnyOrder("k-1", "k-2");
        assertThat(sink.bodyFor("k-2")).isEqualTo("{\"n\":2}");
        assertThat(sink.received())
                .extracting(NotificationSink.Received::urn)
                .containsExactly("100001", "100001", "100002");
        assertThat(sink.received()).allSatisfy(r -> assertThat(r.receivedAt()).isNotNull());
    }

    @Test
    void a_post_without_an_idempotency_key_is_rejected_with_400_and_not_recorded() throws Exception {
        // Given a sink
        // When a notification is posted without an Idempotency-Key
        HttpResponse<String> response = post("/schools/100001/notifications", null, "{}");

        // Then it is refused and nothing is recorded
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(sink.totalPosts()).isZero();
        assertThat(sink.distinctKeys()).isZero();
        assertThat(sink.badRequests()).isEqualTo(1);
    }

    @Test
    void failNext_answers_the_given_status_for_the_next_posts_then_recovers() throws Exception {
        // Given a sink told to fail the next two posts with 503
        sink.failNext(2, 503);

        // When the same notification is posted three times, as a retrying sender would
        int firstTry = post("/schools/100003/notifications", "k-9", "{}").statusCode();
        int secondTry = post("/schools/100003/notifications", "k-9", "{}").statusCode();
        int thirdTry = post("/schools/100003/notifications", "k-9", "{}").statusCode();

        // Then the first two fail with 503, the third is received, and the failures are not duplicates
        assertThat(List.of(firstTry, secondTry, thirdTry)).containsExactly(503, 503, 201);
        assertThat(sink.failedPosts()).isEqualTo(2);
        assertThat(sink.distinctKeys()).isEqualTo(1);
        assertThat(sink.duplicates()).isZero();
    }

    @Test
    void paths_outside_schools_are_not_found() throws Exception {
        // Given a sink
        // When something is posted outside /schools/
        int status = post("/elsewhere", "k", "{}").statusCode();

        // Then it is not found and not recorded
        assertThat(status).isEqualTo(404);
        assertThat(sink.totalPosts()).isZero();
    }

    @Test
    void awaitDistinct_returns_true_once_enough_keys_arrive_under_concurrent_posts() {
        // Given many concurrent posts (a hundred at a time: a loaded machine cannot open a thousand connections at
        // once within the wait), a tenth of them repeats
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        CompletableFuture<Boolean> arrived =
                CompletableFuture.supplyAsync(() -> sink.awaitDistinct(900, Duration.ofSeconds(60)));
        for (int wave = 0; wave < 10; wave++) {
            List<CompletableFuture<HttpResponse<String>>> inWave = new ArrayList<>();
            for (int i = wave * 100; i < (wave + 1) * 100; i++) {
                String key = "key-" + (i % 900);
                inWave.add(client.sendAsync(
                        HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/schools/100004/notifications"))
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"i\":" + i + "}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            inWave.forEach(CompletableFuture::join);
            responses.addAll(inWave);
        }

        // When waiting for 900 distinct keys (the wait began before the first post)
        boolean allArrived = arrived.join();

        // Then they all arrive, and waiting for more than were sent times out with false
        assertThat(allArrived).isTrue();
        assertThat(responses).hasSize(1_000);
        assertThat(sink.totalPosts()).isEqualTo(1_000);
        assertThat(sink.duplicates()).isEqualTo(100);
        assertThat(sink.awaitDistinct(901, Duration.ofMillis(200))).isFalse();
    }
}
