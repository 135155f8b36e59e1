package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public register over HTTP, without a credential: every shipped agreement is listed, rendered with every ICO
 * heading written up (none "not stated"), and served as the DfE draft SharingPolicy; an unknown id is a 404 that says
 * nothing more.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=target/it-data/${random.uuid}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false"
        })
class RegisterIT {

    /** The ICO Data Sharing Code's headings, as the document numbers them. */
    static final List<String> HEADINGS = List.of(
            "Purpose",
            "Parties and their roles",
            "Data items shared",
            "Lawful basis and legal gateways",
            "Special category and criminal offence data",
            "How and when the data is shared",
            "Individuals&#39; rights and the single point of contact",
            "Privacy information",
            "Retention and disposal",
            "Security measures",
            "Permitted use, restrictions and recipients&#39; responsibilities",
            "Legal compliance",
            "Dates, status and review",
            "Data protection impact assessment",
            "Senior sign-off");

    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void everyShippedAgreementIsInTheRegisterWithEveryHeadingWrittenUp() throws Exception {
        List<String> ids = shippedIds();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);

        HttpResponse<String> register = get("/register");
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(register.body())
                .contains("Register of information-sharing agreements")
                .doesNotContain(">incomplete<");

        for (String id : ids) {
            HttpResponse<String> page = get("/register/" + id);
            assertThat(page.statusCode()).as(id).isEqualTo(200);
            assertThat(register.body()).as("listed").contains("/register/" + id + "\"");
            for (int i = 0; i < HEADINGS.size(); i++) {
                assertThat(page.body())
                        .as(id + " heading " + HEADINGS.get(i))
                        .contains((i + 1) + ". " + HEADINGS.get(i));
            }
            assertThat(page.body())
                    .as(id + ": every heading written up")
                    .doesNotContain("Not stated", "Not yet written up in full", "${", "th:text", "th:each", "th:if");
        }
        // the Operation Encompass agreement says what it must, in words rather than codes
        String encompass = get("/register/police-to-schools-domestic-abuse").body();
        assertThat(encompass)
                .contains(
                        "Public task (UK GDPR Art 6(1)(e))",
                        "Domestic Abuse Act 2021 s49A",
                        "Criminal offence data: yes",
                        "incident.place: generalised to the postcode district",
                        "No onward sharing",
                        "DPIA-EH-",
                        "Director of Children&#39;s Services",
                        "Approved for police by D. Marsh",
                        "Approved for council by A. Iqbal");
    }

    @Test
    void eachAgreementIsAlsoTheMachineReadableSharingPolicyOfTheDfeDraft() throws Exception {
        HttpResponse<String> r = get("/register/health-person-info-query/sharing-policy.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode p = new ObjectMapper().readTree(r.body());
        for (String field : List.of(
                "URI",
                "Identifier",
                "Name",
                "Contact",
                "Party",
                "Data",
                "Purpose",
                "StartDate",
                "EndDate",
                "PermittedUse",
                "Restrictions",
                "DataRecipientResponsibilities",
                "SecurityMeasure",
                "LegalCompliance")) {
            assertThat(p.has(field)).as(field).isTrue();
        }
        assertThat(p.get("URI").asText()).endsWith("/register/health-person-info-query/sharing-policy.json");
        assertThat(p.get("Identifier").get("value").asText()).isEqualTo("health-person-info-query");
        assertThat(p.get("Purpose").toString()).contains("https://www.legislation.gov.uk/ukpga/1989/41/section/47");
        assertThat(p.get("Party").findValuesAsText("Role")).contains("controller", "processor");
        assertThat(p.get("Complete").asBoolean()).isTrue();
    }

    @Test
    void anUnknownAgreementIsANotFoundThatEchoesNothing() throws Exception {
        HttpResponse<String> r = get("/register/no-such-agreement-Amy-Smith");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Amy", "Smith");
    }

    @Test
    void theApiPageCarriesTheHubsNameVersionAndDescription() throws Exception {
        JsonNode info = new ObjectMapper().readTree(get("/v3/api-docs").body()).get("info");
        assertThat(info.get("title").asText()).isEqualTo("Early Help hub");
        assertThat(info.get("version").asText()).matches("[0-9]+\\.[0-9]+\\.[0-9]+.*");
        assertThat(info.get("description").asText()).contains("agreements");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> shippedIds() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("..", "agreements"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("registry.yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }
}
