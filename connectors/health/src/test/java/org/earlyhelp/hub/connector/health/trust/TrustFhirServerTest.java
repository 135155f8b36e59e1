package org.earlyhelp.hub.connector.health.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.earlyhelp.hub.connector.health.fhir.NhsNumber;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated trust is a real FHIR server: its client is HAPI's, over HTTP. */
class TrustFhirServerTest {

    static TrustFhirServer trust;
    static IGenericClient client;

    @BeforeAll
    static void start() {
        trust = TrustFhirServer.start(0);
        client = FhirContext.forR4Cached().newRestfulGenericClient(trust.baseUrl());
    }

    @AfterAll
    static void stop() {
        trust.close();
    }

    @Test
    void aPatientIsCreatedReadUpdatedAndEachVersionKept() {
        Patient p = new Patient();
        p.addName().setFamily("Marsh").addGiven("Ellie");
        MethodOutcome created = client.create().resource(p).execute();
        String id = created.getId().getIdPart();

        Patient read = client.read().resource(Patient.class).withId(id).execute();
        assertThat(read.getMeta().getVersionId()).isEqualTo("1");
        read.getNameFirstRep().setFamily("Marsh-Brown");
        client.update().resource(read).execute();

        Patient second = client.read().resource(Patient.class).withId(id).execute();
        assertThat(second.getMeta().getVersionId()).isEqualTo("2");
        assertThat(second.getMeta().getLastUpdated()).isAfter(read.getMeta().getLastUpdated());
        Patient first =
                client.read().resource(Patient.class).withIdAndVersion(id, "1").execute();
        assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Marsh");
    }

    @Test
    void aSearchByLastUpdatedPagesThroughNextLinksOldestFirst() {
        Date before = new Date();
        for (int i = 0; i < 23; i++) {
            Flag f = new Flag();
            f.setStatus(Flag.FlagStatus.ACTIVE);
            f.setSubject(new Reference("Patient/x" + i));
            trust.store(f);
        }
        Bundle page = client.search()
                .forResource(Flag.class)
                .lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(before, null))
                .count(10)
                .returnBundle(Bundle.class)
                .execute();
        List<Date> seen = new ArrayList<>();
        int pages = 0;
        while (page != null) {
            pages++;
            page.getEntry().forEach(e -> seen.add(e.getResource().getMeta().getLastUpdated()));
            page = page.getLink(Bundle.LINK_NEXT) == null
                    ? null
                    : client.loadPage().next(page).execute();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(23).isSorted();
        Date middle = seen.get(11);
        Bundle after = client.search()
                .forResource(Flag.class)
                .lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(
                        new ca.uhn.fhir.rest.param.DateParam(
                                ca.uhn.fhir.rest.param.ParamPrefixEnum.GREATERTHAN_OR_EQUALS, middle),
                        null))
                .count(100)
                .returnBundle(Bundle.class)
                .execute();
        assertThat(after.getEntry()).hasSize(12);
    }

    @Test
    void concurrentWritesKeepLastUpdatedStrictlyIncreasing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Resource>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            writes.add(pool.submit(() -> trust.store(new Encounter().setStatus(Encounter.EncounterStatus.FINISHED))));
        }
        List<Long> times = new ArrayList<>();
        for (Future<Resource> w : writes) {
            times.add(w.get().getMeta().getLastUpdated().getTime());
        }
        pool.shutdown();
        assertThat(times).doesNotHaveDuplicates();
    }

    @Test
    void aCommunicationIsFiledOnceByItsIdentifierAndOnlyWhenItNamesThePatientByNhsNumber() {
        Communication c = new Communication();
        c.setStatus(Communication.CommunicationStatus.COMPLETED);
        c.addIdentifier(new Identifier().setSystem("urn:earlyhelp:delivery").setValue("d-1"));
        c.setSubject(new Reference()
                .setIdentifier(new Identifier().setSystem(NhsNumber.SYSTEM).setValue("9434765919")));
        int before = trust.communications().size();

        client.create()
                .resource(c)
                .conditionalByUrl("Communication?identifier=urn:earlyhelp:delivery|d-1")
                .execute();
        client.create()
                .resource(c)
                .conditionalByUrl("Communication?identifier=urn:earlyhelp:delivery|d-1")
                .execute();

        assertThat(trust.communications()).hasSize(before + 1);
        Communication anonymous = c.copy();
        anonymous.setSubject(new Reference("Patient/123"));
        anonymous.getIdentifierFirstRep().setValue("d-2");
        assertThatThrownBy(() -> client.create().resource(anonymous).execute())
                .isInstanceOf(UnprocessableEntityException.class);
    }

    @Test
    void aSeededTrustHoldsWhatItReportsAndEveryReferenceResolves() {
        try (TrustFhirServer seeded = TrustFhirServer.start(0)) {
            Map<String, Integer> counts = TrustSeed.seed(seeded, SyntheticPopulation.generate(7, 60), 7);
            assertThat(counts.get("Patient")).isPositive();
            assertThat(counts).containsKeys("RelatedPerson", "EpisodeOfCare", "Encounter");
            counts.forEach((type, n) -> assertThat(seeded.count(type)).as(type).isEqualTo(n));
            IGenericClient c = FhirContext.forR4Cached().newRestfulGenericClient(seeded.baseUrl());
            Bundle episodes = c.search()
                    .forResource("EpisodeOfCare")
                    .count(500)
                    .returnBundle(Bundle.class)
                    .execute();
            for (Bundle.BundleEntryComponent e : episodes.getEntry()) {
                String patient = ((org.hl7.fhir.r4.model.EpisodeOfCare) e.getResource())
                        .getPatient()
                        .getReference();
                Patient p = c.read().resource(Patient.class).withUrl(patient).execute();
                assertThat(NhsNumber.valid(p.getIdentifierFirstRep().getValue()))
                        .isTrue();
            }
            // and the same seed gives the same trust
            try (TrustFhirServer again = TrustFhirServer.start(0)) {
                assertThat(TrustSeed.seed(again, SyntheticPopulation.generate(7, 60), 7))
                        .isEqualTo(counts);
            }
        }
    }
}
