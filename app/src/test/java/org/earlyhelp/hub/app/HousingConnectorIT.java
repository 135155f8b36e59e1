package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Housing through the running hub, on the real embedded broker and PostgreSQL: its JSON records are accepted once by
 * their fact, refused by field and reason; its CSV extract is read row by row (a bad row dead-lettered to
 * hub.dlq.housing with a reason free of personal data, the file read again a replay); and the lead practitioner's
 * family view shows a family's tenancy with exactly what the housing agreement allows, never the officer's notes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false"
        })
class HousingConnectorIT {

    static final String HOUSING = "housing-dev-token";
    static final String CASESYSTEM = "casesystem-dev-token";
    static final ObjectMapper json = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${hub.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aTenancyIsAcceptedOnceByItsFactAndABadOneRefusedByFieldQuotingNothing() throws Exception {
        String body = tenancy("CH/TEN/" + UUID.randomUUID().toString().substring(0, 8), "9434765919");
        HttpResponse<String> first = send("/api/housing/tenancies", HOUSING, "application/json", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        // the same tenancy again is the same record; a different body for the same fact is a conflict
        HttpResponse<String> again = send("/api/housing/tenancies", HOUSING, "application/json", body);
        assertThat(json.readTree(again.body()).get("id"))
                .isEqualTo(json.readTree(first.body()).get("id"));
        HttpResponse<String> conflict =
                send("/api/housing/tenancies", HOUSING, "application/json", body.replace("SECURE", "ASSURED"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json.readTree(conflict.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("tenancy.reference");
        // a tenure nobody documents is named by field and rule, never echoed
        HttpResponse<String> bad =
                send("/api/housing/tenancies", HOUSING, "application/json", body.replace("SECURE", "Zephyrine"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").get(0).get("field").asText())
                .isEqualTo("tenancy.tenure");
        assertThat(bad.body()).doesNotContain("Zephyrine", "Ashworth");
        // an unknown type is a 404, another partner's credential a 403, and CSV on a JSON endpoint a 415
        assertThat(send("/api/housing/caravans", HOUSING, "application/json", body)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("/api/housing/tenancies", CASESYSTEM, "application/json", body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("/api/housing/tenancies", HOUSING, "text/csv", body).statusCode())
                .isEqualTo(415);
    }

    @Test
    void theLeadPractitionerSeesTheFamilysTenancyWithOnlyTheAgreedFields() throws Exception {
        // Given housing reports the family's tenancy, and the case system opens an early-help case for the girl
        String nhs = "4010232137";
        HttpResponse<String> housing = send(
                "/api/housing/tenancies",
                HOUSING,
                "application/json",
                tenancy("CH/TEN/" + UUID.randomUUID().toString().substring(0, 8), nhs));
        assertThat(housing.statusCode()).as(housing.body()).isEqualTo(202);
        HttpResponse<String> opened = send(
                "/api/casesystem/involvements",
                CASESYSTEM,
                "application/json",
                CaseSystemConnectorIT.involvement(nhs, "open", null));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
        String caseRecord = json.readTree(opened.body()).get("id").asText();

        // When the lead practitioner asks for the girl's family, then housing's tenancy is in it, as agreed
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> view = familyView(caseRecord);
            assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
            assertThat(view.body()).contains("housing:chesterfield-homes", "tenancy.tenure", "tenancy.provider");
        });
        String view = familyView(caseRecord).body();
        assertThat(view).contains("\"tenancy.start-date\":\"2019\"").doesNotContain("shouted", "transfer");
    }

    @Test
    void anExtractIsReadRowByRowItsBadRowDeadLetteredAndReadingItAgainIsAReplay() throws Exception {
        // Given the committed example extract with a row whose date of birth is impossible
        String example = Files.readString(Path.of("..", "docs", "partners", "housing-extract-example.csv"));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String csv = example.replace("CH/EVI/000112", "CH/EVI/" + marker)
                + "tenancy,CH/TEN/" + marker + ",100030123456,t9,PARENT,Zephyrine,Quillfeather,2013-02-30,FEMALE,,"
                + ",,,2019-08-12,,SECURE,chesterfield-homes,,,,,,,,,,,,,,,\n";

        // When housing uploads it
        HttpResponse<String> read = send("/api/housing/extracts", HOUSING, "text/csv", csv);

        // Then every good row is a record and the bad one is dead-lettered by line and column, quoting nothing
        assertThat(read.statusCode()).as(read.body()).isEqualTo(202);
        JsonNode answer = json.readTree(read.body());
        assertThat(answer.get("rows").asInt()).isEqualTo(8);
        assertThat(answer.get("accepted").asInt()).isEqualTo(7);
        assertThat(answer.get("deadLettered").asInt()).isEqualTo(1);
        assertThat(answer.get("problems").get(0).get("reason").asText())
                .isEqualTo("line 9: date_of_birth is not a real date (yyyy-MM-dd)");
        assertThat(read.body()).doesNotContain("Zephyrine", "Quillfeather", "2013-02-30");
        String key = answer.get("file").asText().substring(0, 32) + ":9";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deadLetters(key))
                .singleElement()
                .satisfies(r -> {
                    assertThat(new String(
                                    r.headers().lastHeader("hub-dlq-reason").value(), StandardCharsets.UTF_8))
                            .isEqualTo("line 9: date_of_birth is not a real date (yyyy-MM-dd)");
                    assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("Zephyrine");
                }));

        // When the same file is read again (a retry), nothing new is made: every row a replay, no second dead letter
        JsonNode again = json.readTree(
                send("/api/housing/extracts", HOUSING, "text/csv", csv).body());
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("replayed").asInt()).isEqualTo(7);
        assertThat(deadLetters(key)).hasSize(1);

        // A file whose header the hub cannot use is refused whole, naming the column by position
        HttpResponse<String> header = send("/api/housing/extracts", HOUSING, "text/csv", "Zephyrine,reference\nx,y\n");
        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(header.body()).contains("column 1").doesNotContain("Zephyrine");
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "housing-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("hub.dlq.housing"));
            long until = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                if (!found.isEmpty()
                        && consumer.assignment().stream()
                                .allMatch(tp -> consumer.position(tp)
                                        >= consumer.endOffsets(List.of(tp)).get(tp))) {
                    break;
                }
            }
        }
        return found;
    }

    private HttpResponse<String> familyView(String record) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/family-view?record=" + record + "&person=c"))
                        .header("Authorization", "Bearer " + CASESYSTEM)
                        .header("X-Hub-Professional", "lp-42")
                        .header("X-Hub-Professional-Role", "lead-practitioner")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String path, String token, String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String tenancy(String reference, String childNhs) {
        return """
                {"people": [
                   {"ref": "t1", "role": "PARENT", "givenName": "Rose", "familyName": "Ashworth",
                    "dateOfBirth": "1987-06-01", "address": {"lines": ["12 Oak Road", "Chesterfield"], "postcode": "S41 7AB"}},
                   {"ref": "c1", "role": "CHILD", "givenName": "Jessica", "familyName": "Ashworth",
                    "dateOfBirth": "2015-03-04", "nhsNumber": "%s"}],
                 "tenancy": {"reference": "%s", "uprn": "100030123456", "startDate": "2019-08-12",
                   "tenure": "SECURE", "provider": "chesterfield-homes",
                   "notes": "Tenant asked for a transfer, shouted at officer"}}"""
                .formatted(childNhs, reference);
    }
}
