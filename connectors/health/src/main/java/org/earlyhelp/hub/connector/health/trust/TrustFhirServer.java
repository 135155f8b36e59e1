package org.earlyhelp.hub.connector.health.trust;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.earlyhelp.hub.connector.health.fhir.NhsNumber;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * The local NHS trust as the embedded run and the tests have it: a real FHIR R4 server (a HAPI {@code RestfulServer}
 * on its own embedded Tomcat, at {@code http://localhost:<port>/fhir}) holding Patients, Encounters, EpisodesOfCare,
 * RelatedPersons, Flags and Consents the hub polls, and receiving the Communications the hub files. Never a mock: the
 * hub reaches it over HTTP exactly as it would a trust's server, paging with {@code next} links included. In memory
 * only; the data is synthetic ({@link TrustSeed}).
 */
public final class TrustFhirServer implements AutoCloseable {

    /** The types it serves; Communication is what the hub sends it. */
    static final List<Class<? extends Resource>> TYPES = List.of(
            Patient.class,
            Encounter.class,
            EpisodeOfCare.class,
            RelatedPerson.class,
            Flag.class,
            Consent.class,
            Communication.class);

    private final Tomcat tomcat;
    private final TrustStore store;
    private final int port;

    private TrustFhirServer(Tomcat tomcat, TrustStore store, int port) {
        this.tomcat = tomcat;
        this.store = store;
        this.port = port;
    }

    /** Starts an empty trust on {@code port} (0: a free one). */
    public static TrustFhirServer start(int port) {
        TrustStore store = new TrustStore();
        FhirContext fhir = FhirContext.forR4Cached();
        RestfulServer server = new RestfulServer(fhir);
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setServerName("Chesterfield Royal Hospital NHS Foundation Trust (simulated)");
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(200);
        paging.setDefaultPageSize(50);
        paging.setMaximumPageSize(500);
        server.setPagingProvider(paging);
        List<IResourceProvider> providers = new ArrayList<>();
        for (Class<? extends Resource> type : TYPES) {
            providers.add(new MemoryProvider(type, store, fhir, identifiers(type), check(type)));
        }
        server.setResourceProviders(providers);
        try {
            Path base = Files.createTempDirectory("nhs-trust");
            base.toFile().deleteOnExit();
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(base.toString());
            tomcat.setPort(port);
            tomcat.getConnector();
            Context context = tomcat.addContext("", base.toString());
            Tomcat.addServlet(context, "fhir", server);
            context.addServletMappingDecoded("/fhir/*", "fhir");
            tomcat.start();
            return new TrustFhirServer(tomcat, store, tomcat.getConnector().getLocalPort());
        } catch (LifecycleException | java.io.IOException e) {
            throw new IllegalStateException("the simulated NHS trust could not start on port " + port, e);
        }
    }

    /** Starts the trust holding its view of the synthetic population. */
    public static TrustFhirServer startSeeded(int port, SyntheticPopulation population, long seed) {
        TrustFhirServer server = start(port);
        TrustSeed.seed(server, population, seed);
        return server;
    }

    public String baseUrl() {
        return "http://localhost:" + port + "/fhir";
    }

    public int port() {
        return port;
    }

    /** Creates or updates (a new version) a resource, as the trust's own staff would. */
    public Resource store(IBaseResource resource) {
        return store.write((Resource) resource);
    }

    public int count(String type) {
        return store.count(type);
    }

    /** The Communications the hub has filed here. */
    public List<Communication> communications() {
        return store.current("Communication", r -> true).stream()
                .map(Communication.class::cast)
                .toList();
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            // stopping an in-memory simulator: nothing to lose
        }
    }

    private static Function<Resource, List<Identifier>> identifiers(Class<? extends Resource> type) {
        return r -> {
            if (r instanceof Patient p) {
                return p.getIdentifier();
            }
            if (r instanceof Communication c) {
                return c.getIdentifier();
            }
            if (r instanceof EpisodeOfCare e) {
                return e.getIdentifier();
            }
            if (r instanceof Encounter e) {
                return e.getIdentifier();
            }
            if (r instanceof Flag f) {
                return f.getIdentifier();
            }
            return List.of();
        };
    }

    /** A Communication the trust can file is about a patient it can find: one named by NHS number. */
    private static java.util.function.Consumer<Resource> check(Class<? extends Resource> type) {
        if (type != Communication.class) {
            return r -> {};
        }
        return r -> {
            Communication c = (Communication) r;
            boolean byNhsNumber = c.getSubject().hasIdentifier()
                    && NhsNumber.SYSTEM.equals(c.getSubject().getIdentifier().getSystem())
                    && NhsNumber.valid(c.getSubject().getIdentifier().getValue());
            if (!byNhsNumber) {
                throw new UnprocessableEntityException("a Communication must name its patient by NHS number");
            }
        };
    }
}
