package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.earlyhelp.hub.connector.health.HealthFhirIntake;
import org.earlyhelp.hub.connector.health.poll.FhirPoller;
import org.earlyhelp.hub.connector.health.poll.MemoryPollCursors;
import org.earlyhelp.hub.connector.health.poll.PollReport;
import org.earlyhelp.hub.connector.health.trust.TrustFhirServer;
import org.earlyhelp.hub.governance.access.Organisation;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health's FHIR throughput and latency, each beside a baseline measured in the same run on the same machine: the push
 * endpoint's resources per second (single resources against the hub's own JSON endpoint; Bundles of 100), the
 * poller's resources per second (through the hub's intake, against the same poll handing resources to nothing), and
 * {@code $person-info-query} p50 and p99 against the person index loaded beforehand with {@code index load} (a PERMIT
 * that looks the child up, against a DENY decided and ledgered without a lookup). A benchmark, not a timed test: run
 * with {@code -Dbenchmark=true}; see docs/benchmarks.md for the commands.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hub.embedded.data-dir=${benchmark.data-dir:target/it-data/${random.uuid}}",
            "hub.agreements.dir=${user.dir}/../agreements",
            "hub.simulator.enabled=false",
            "hub.security.rate-limit.enabled=false"
        })
class HealthFhirBenchmarkIT {

    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    HealthFhirIntake intake;

    @Test
    void pushPollAndQuery() throws Exception {
        int n = Integer.getInteger("benchmark.push", 500);
        // push: one Patient per request, against one health involvement per request on the hub's JSON endpoint
        double json = rate(
                n,
                i -> send(
                        "/api/health/involvements",
                        "health-dev-token",
                        "application/json",
                        """
                {"people": [{"ref": "c", "role": "CHILD", "givenName": "Json%d", "familyName": "Bench",
                   "dateOfBirth": "2016-04-03"}],
                 "involvement": {"service": "school-nursing", "since": "2024-09-01", "team": "School Nursing"}}"""
                                .formatted(i)));
        double fhir =
                rate(n, i -> send("/fhir/Patient", "health-dev-token", "application/fhir+json", patient("s" + i)));
        int bundles = Math.max(1, n / 100);
        double bundled =
                rate(bundles, i -> send("/fhir", "health-dev-token", "application/fhir+json", bundle(i, 100))) * 100;
        System.out.printf(
                "BENCH push: FHIR single %.0f resources/s, hub JSON single %.0f records/s (ratio %.2f); FHIR Bundles"
                        + " of 100: %.0f resources/s%n",
                fhir, json, fhir / json, bundled);

        // poll: the simulated trust's view of a population, through the hub's intake and to nothing
        int families = Integer.getInteger("benchmark.families", 1000);
        try (TrustFhirServer trust = TrustFhirServer.startSeeded(0, SyntheticPopulation.generate(7, families), 7)) {
            IGenericClient client = FhirContext.forR4Cached().newRestfulGenericClient(trust.baseUrl());
            List<String> types = List.of("Patient", "RelatedPerson", "EpisodeOfCare", "Encounter", "Flag");
            long t0 = System.nanoTime();
            PollReport bare = new FhirPoller(
                            client, "bare", types, new MemoryPollCursors(), accepting((r, refs) -> {}), 200)
                    .pollOnce();
            double bareRate = bare.accepted() / ((System.nanoTime() - t0) / 1e9);
            Organisation rfs = new Organisation("health", "RFS");
            long t1 = System.nanoTime();
            PollReport taken = new FhirPoller(
                            client,
                            "taken",
                            types,
                            new MemoryPollCursors(),
                            accepting((r, refs) -> intake.take(rfs, r, refs)),
                            200)
                    .pollOnce();
            double takenRate = taken.accepted() / ((System.nanoTime() - t1) / 1e9);
            assertThat(taken.accepted()).isEqualTo(bare.accepted());
            System.out.printf(
                    "BENCH poll: %d resources; through the intake %.0f resources/s, to nothing %.0f resources/s"
                            + " (ratio %.2f)%n",
                    taken.accepted(), takenRate, bareRate, takenRate / bareRate);
        }

        // $person-info-query against the index loaded before the run, when it names the file it loaded
        String people = System.getProperty("benchmark.people");
        if (people == null) {
            return;
        }
        List<String[]> health = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(people))) {
            String[] f = line.split(",", -1);
            if (f.length == 19
                    && f[1].equals("health")
                    && org.earlyhelp.hub.connector.health.fhir.NhsNumber.valid(f[12])
                    && f[5].matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                health.add(f);
            }
        }
        Collections.shuffle(health, new Random(7));
        int q = Math.min(Integer.getInteger("benchmark.queries", 1000), health.size());
        List<Long> permit = new ArrayList<>();
        List<Long> deny = new ArrayList<>();
        int matched = 0;
        for (int i = 0; i < q; i++) {
            String[] f = health.get(i);
            long a = System.nanoTime();
            HttpResponse<String> r = query("casesystem-dev-token", f[12], f[2], f[4], f[5]);
            permit.add(System.nanoTime() - a);
            if (r.body().contains("\"valueBoolean\":true")) {
                matched++;
            }
            long b = System.nanoTime();
            HttpResponse<String> d = query("schools-dev-token", f[12], f[2], f[4], f[5]);
            deny.add(System.nanoTime() - b);
            assertThat(d.statusCode()).isEqualTo(403);
        }
        System.out.printf(
                "BENCH query: %d queries; PERMIT (index lookup) p50 %.1f ms p99 %.1f ms; DENY (no lookup) p50 %.1f ms"
                        + " p99 %.1f ms; matched %d%n",
                q, pct(permit, 50), pct(permit, 99), pct(deny, 50), pct(deny, 99), matched);
    }

    interface Call {
        HttpResponse<String> send(int i) throws Exception;
    }

    private static double rate(int n, Call call) throws Exception {
        call.send(-1); // warm the path
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = call.send(i);
            assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static String patient(String id) {
        return """
                {"resourceType": "Patient", "id": "%s", "meta": {"versionId": "1"},
                 "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}],
                 "name": [{"family": "Bench", "given": ["Fhir%s"]}], "birthDate": "2016-04-03",
                 "address": [{"line": ["1 Holywell Street"], "city": "Chesterfield", "postalCode": "S41 7SH"}]}"""
                .formatted(id, id);
    }

    static String bundle(int b, int size) {
        StringBuilder s = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"batch\", \"entry\": [");
        for (int i = 0; i < size; i++) {
            s.append(i == 0 ? "" : ",")
                    .append("{\"request\": {\"method\": \"PUT\", \"url\": \"Patient/b")
                    .append(b)
                    .append('-')
                    .append(i)
                    .append("\"}, \"resource\": ")
                    .append(patient("b" + b + "-" + i))
                    .append('}');
        }
        return s.append("]}").toString();
    }

    private HttpResponse<String> query(String token, String nhs, String given, String family, String born)
            throws Exception {
        String body =
                """
                {"resourceType": "Parameters", "parameter": [
                  {"name": "resource", "resource": {"resourceType": "Patient",
                    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "%s"}],
                    "name": [{"family": "%s", "given": ["%s"]}], "birthDate": "%s"}},
                  {"name": "reason", "valueUri": "https://www.legislation.gov.uk/ukpga/1989/41/section/47"},
                  {"name": "policy", "valueUri": "urn:earlyhelp:agreement:health-person-info-query"}]}"""
                        .formatted(nhs, family, given, born);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir/Patient/$person-info-query"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/fhir+json")
                        .header("X-Hub-Professional", "sw-1234")
                        .header("X-Hub-Professional-Role", "social-worker")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String path, String token, String type, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What a poll does with a resource that parsed strictly. */
    interface Accept {
        void accept(
                org.hl7.fhir.instance.model.api.IBaseResource resource,
                org.earlyhelp.hub.connector.health.fhir.FhirReferences refs)
                throws Exception;
    }

    /** A sink for the simulated trust, which sends only strict R4: a refusal would be a fault of the benchmark. */
    static org.earlyhelp.hub.connector.health.poll.PollSink accepting(Accept accept) {
        return new org.earlyhelp.hub.connector.health.poll.PollSink() {
            @Override
            public void accept(
                    org.hl7.fhir.instance.model.api.IBaseResource resource,
                    org.earlyhelp.hub.connector.health.fhir.FhirReferences refs)
                    throws Exception {
                accept.accept(resource, refs);
            }

            @Override
            public void refuse(
                    org.hl7.fhir.instance.model.api.IBaseResource leniently,
                    String json,
                    java.util.List<org.earlyhelp.hub.connector.health.fhir.FhirProblem> problems) {
                throw new AssertionError("the simulated trust sent a resource that is not strictly R4: " + problems);
            }
        };
    }
}
