package org.earlyhelp.hub.connector.health.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.earlyhelp.hub.connector.health.fhir.FhirProblem;
import org.earlyhelp.hub.connector.health.trust.TrustFhirServer;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling a real FHIR server (the simulated trust) through several pages, again, and after a failure mid-page. */
class FhirPollerTest {

    static final List<String> TYPES = List.of("Patient", "Flag");

    TrustFhirServer trust;
    IGenericClient client;

    @BeforeEach
    void start() {
        trust = TrustFhirServer.start(0);
        client = FhirContext.forR4Cached().newRestfulGenericClient(trust.baseUrl());
        for (int i = 0; i < 45; i++) {
            Patient p = new Patient();
            p.setId("p" + i);
            p.addName().setFamily("F" + i).addGiven("G");
            trust.store(p);
            Flag f = new Flag();
            f.setId("f" + i);
            f.setStatus(Flag.FlagStatus.ACTIVE);
            f.setSubject(new Reference("Patient/p" + i));
            trust.store(f);
        }
    }

    @AfterEach
    void stop() {
        trust.close();
    }

    /** What a sink saw: each resource version once, and whether its subject resolved. */
    static final class Seen implements PollSink {
        final List<String> versions = new ArrayList<>();
        final AtomicInteger resolved = new AtomicInteger();
        final List<String> refused = new ArrayList<>();
        int failAfter = Integer.MAX_VALUE;

        @Override
        public void refuse(IBaseResource leniently, String json, List<FhirProblem> problems) {
            refused.add(leniently.getIdElement().getIdPart() + " "
                    + problems.stream().map(FhirProblem::expression).toList());
        }

        @Override
        public void accept(IBaseResource resource, org.earlyhelp.hub.connector.health.fhir.FhirReferences refs)
                throws Exception {
            if (versions.size() >= failAfter) {
                throw new java.io.IOException("the intake is down");
            }
            Resource r = (Resource) resource;
            if (r instanceof Flag f
                    && refs.patient(f.getSubject().getReference()).isPresent()) {
                resolved.incrementAndGet();
            }
            versions.add(r.fhirType() + "/" + r.getIdElement().getIdPart() + "/"
                    + r.getMeta().getVersionId());
        }
    }

    @Test
    void theFirstPollReadsEverythingAcrossPagesAndTheNextOnlyWhatChanged() {
        MemoryPollCursors cursors = new MemoryPollCursors();
        Seen sink = new Seen();
        FhirPoller poller = new FhirPoller(client, "trust", TYPES, cursors, sink, 10);

        PollReport first = poller.pollOnce();

        assertThat(first.heldElsewhere()).isFalse();
        assertThat(new HashSet<>(sink.versions)).hasSize(90);
        assertThat(first.types()).allSatisfy(t -> assertThat(t.pages()).isGreaterThanOrEqualTo(5));
        assertThat(sink.resolved.get())
                .as("each flag's patient read from the server")
                .isEqualTo(45);

        Patient changed = client.read().resource(Patient.class).withId("p3").execute();
        changed.getNameFirstRep().setFamily("Changed");
        trust.store(changed);
        sink.versions.clear();
        poller.pollOnce();
        assertThat(sink.versions).contains("Patient/p3/2");
        assertThat(new HashSet<>(sink.versions))
                .as("only the change and the boundaries read again")
                .hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aPollThatStopsMidPageResumesWithNothingLost() {
        MemoryPollCursors cursors = new MemoryPollCursors();
        Seen failing = new Seen();
        failing.failAfter = 17; // part-way through the second page of Patients
        PollReport stopped = new FhirPoller(client, "trust", TYPES, cursors, failing, 10).pollOnce();
        assertThat(stopped.types().get(0).stoppedOn()).isEqualTo("IOException");

        // a new poller (a restarted hub) with the same cursors
        Seen resumed = new Seen();
        new FhirPoller(client, "trust", TYPES, cursors, resumed, 10).pollOnce();

        Set<String> union = new HashSet<>(failing.versions);
        union.addAll(resumed.versions);
        assertThat(union).hasSize(90);
        assertThat(resumed.versions)
                .as("resumed near where it stopped, not from the start")
                .doesNotContain("Patient/p0/1");
    }

    @Test
    void whatTheServerSendsThatIsNotStrictlyR4IsRefusedAndThePollGoesOnPastIt() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        try {
            // a page HAPI's lenient client reads whole: a string for a boolean, an unknown element, then a good one
            String page =
                    """
                    {"resourceType": "Bundle", "type": "searchset", "entry": [
                      {"resource": {"resourceType": "Patient", "id": "a", "meta": {"versionId": "1",
                        "lastUpdated": "2026-11-30T10:00:00Z"}, "active": "true"}},
                      {"resource": {"resourceType": "Patient", "id": "b", "meta": {"versionId": "1",
                        "lastUpdated": "2026-11-30T10:00:01Z"}, "nickname": "Zephyr"}},
                      {"resource": {"resourceType": "Patient", "id": "c", "meta": {"versionId": "2",
                        "lastUpdated": "2026-11-30T10:00:02Z"}, "active": true}}]}""";
            server.stubFor(get(urlPathEqualTo("/fhir/Patient"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/fhir+json")
                            .withBody(page)));
            server.stubFor(
                    get(urlPathEqualTo("/fhir/metadata"))
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "application/fhir+json")
                                            .withBody(
                                                    """
                                    {"resourceType": "CapabilityStatement", "status": "active", "date": "2026-11-30",
                                     "kind": "instance", "fhirVersion": "4.0.1", "format": ["json"]}""")));
            IGenericClient wire = FhirContext.forR4Cached().newRestfulGenericClient(server.baseUrl() + "/fhir");
            MemoryPollCursors cursors = new MemoryPollCursors();
            Seen sink = new Seen();

            PollReport report = new FhirPoller(wire, "wire", List.of("Patient"), cursors, sink, 10).pollOnce();

            assertThat(report.types().get(0).stoppedOn()).isNull();
            assertThat(sink.refused).containsExactly("a [Patient.active]", "b [Patient.nickname]");
            assertThat(sink.versions).containsExactly("Patient/c/2");
            assertThat(cursors.load("wire", "Patient"))
                    .as("the cursor moves past what was refused")
                    .contains(java.time.Instant.parse("2026-11-30T10:00:02Z"));
        } finally {
            server.stop();
        }
    }

    @Test
    void onlyOneInstancePollsASourceAtATimeAndTheCursorIsShared() throws Exception {
        try (TestDatabase db = TestDatabase.migrated()) {
            JdbcPollCursors one = new JdbcPollCursors(db.dataSource(), Clock.systemUTC());
            JdbcPollCursors two = new JdbcPollCursors(db.dataSource(), Clock.systemUTC());
            Optional<AutoCloseable> lease = one.tryLock("trust");
            assertThat(lease).isPresent();

            PollReport skipped = new FhirPoller(client, "trust", TYPES, two, new Seen(), 10).pollOnce();
            assertThat(skipped.heldElsewhere()).isTrue();

            lease.get().close();
            Seen sink = new Seen();
            new FhirPoller(client, "trust", TYPES, two, sink, 10).pollOnce();
            assertThat(new HashSet<>(sink.versions)).hasSize(90);
            assertThat(one.load("trust", "Patient"))
                    .as("the other instance sees the cursor")
                    .isPresent();
            java.time.Instant saved = one.load("trust", "Flag").orElseThrow();
            one.save("trust", "Flag", saved.minusSeconds(60));
            assertThat(one.load("trust", "Flag"))
                    .as("a cursor never moves back")
                    .contains(saved);
        }
    }
}
