package org.earlyhelp.hub.connector.health;

import java.util.Optional;
import org.earlyhelp.hub.connector.health.trust.TrustFhirServer;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health system's FHIR server the hub polls and files notifications with: the configured {@code base-url}; or, in
 * the simulated run, the simulated local NHS trust started here from the same synthetic population the other
 * simulated partners draw from; or none (nothing polled, deliveries wait on their topic).
 */
public final class HealthFhirSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthFhirSource.class);

    private final String base;
    private final TrustFhirServer trust;

    private HealthFhirSource(String base, TrustFhirServer trust) {
        this.base = base;
        this.trust = trust;
    }

    static HealthFhirSource configured(String base) {
        return new HealthFhirSource(base, null);
    }

    static HealthFhirSource none() {
        return new HealthFhirSource(null, null);
    }

    /** Starts the simulated trust on {@code port}, or on a free port when that one is taken. */
    static HealthFhirSource simulated(int port, long seed, int families) {
        SyntheticPopulation population = SyntheticPopulation.generate(seed, families);
        TrustFhirServer trust;
        try {
            trust = TrustFhirServer.startSeeded(port, population, seed);
        } catch (IllegalStateException e) {
            log.warn("simulated NHS trust: port {} is taken, using a free one", port);
            trust = TrustFhirServer.startSeeded(0, population, seed);
        }
        log.info("simulated NHS trust serving FHIR R4 at {}", trust.baseUrl());
        return new HealthFhirSource(trust.baseUrl(), trust);
    }

    /** The FHIR base to poll and deliver to. */
    public Optional<String> base() {
        return Optional.ofNullable(base);
    }

    /** The simulated trust, when this run plays one. */
    public Optional<TrustFhirServer> trust() {
        return Optional.ofNullable(trust);
    }

    @Override
    public void close() {
        if (trust != null) {
            trust.close();
        }
    }
}
