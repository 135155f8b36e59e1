package org.earlyhelp.hub.connector.health;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.earlyhelp.hub.connector.health.fhir.FhirProblem;
import org.earlyhelp.hub.connector.health.fhir.FhirReferences;
import org.earlyhelp.hub.connector.health.poll.FhirPoller;
import org.earlyhelp.hub.connector.health.poll.PollCursors;
import org.earlyhelp.hub.connector.health.poll.PollReport;
import org.earlyhelp.hub.connector.health.poll.PollSink;
import org.earlyhelp.hub.governance.access.Organisation;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the health system's FHIR server every {@code poll-interval}: Patients first (so the people are in the index
 * before what is about them), then RelatedPersons, EpisodesOfCare, Encounters, Flags and Consents, each through the
 * one {@link HealthFhirIntake} as the configured health organisation. A resource the intake cannot take yet (a
 * Consent whose patient is not in the person index) holds its type back until the next poll, and is dead-lettered once
 * it has held it back {@link #MAX_HOLDS} times, so nothing stalls the feed for good. One instance polls at a time (the
 * cursors' lease); the others find it held and wait for the next interval.
 */
final class HealthPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HealthPolling.class);

    /** The order of a poll: people before what is about them. */
    static final List<String> TYPES =
            List.of("Patient", "RelatedPerson", "EpisodeOfCare", "Encounter", "Flag", "Consent");

    /** How many polls one resource may be held back before it is dead-lettered. */
    static final int MAX_HOLDS = 30;

    private final FhirPoller poller;
    private final java.util.concurrent.atomic.AtomicLong stored = new java.util.concurrent.atomic.AtomicLong();
    private final HealthConnectorProperties props;
    private final ScheduledExecutorService timer;
    private volatile boolean running;

    HealthPolling(String base, HealthConnectorProperties props, PollCursors cursors, HealthFhirIntake intake) {
        this.props = props;
        FhirContext fhir = FhirContext.forR4Cached();
        fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        fhir.getRestfulClientFactory().setConnectTimeout((int) props.timeout().toMillis());
        fhir.getRestfulClientFactory().setSocketTimeout((int) props.timeout().toMillis());
        IGenericClient client = fhir.newRestfulGenericClient(base);
        if (props.token() != null) {
            client.registerInterceptor(new BearerTokenAuthInterceptor(props.token()));
        }
        Organisation sender = new Organisation(HealthConnector.PARTNER, props.organisation());
        this.poller = new FhirPoller(client, base, TYPES, cursors, sink(sender, intake, stored), props.pageSize());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "health-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /** @param stored counts what was new (not a replay of a resource version already taken) */
    static PollSink sink(Organisation sender, HealthFhirIntake intake, java.util.concurrent.atomic.AtomicLong stored) {
        Map<String, Integer> holds = new ConcurrentHashMap<>();
        return new PollSink() {
            @Override
            public void accept(IBaseResource resource, FhirReferences references) throws Exception {
                String key = resource.fhirType() + "/" + resource.getIdElement().getIdPart() + "/"
                        + resource.getMeta().getVersionId();
                try {
                    HealthFhirIntake.Taken taken = intake.take(sender, resource, references);
                    if (!(taken instanceof HealthFhirIntake.Taken.Stored s && s.replay())) {
                        stored.incrementAndGet();
                    }
                    holds.remove(key);
                } catch (HealthFhirException.NotYet e) {
                    if (holds.merge(key, 1, Integer::sum) >= MAX_HOLDS) {
                        intake.giveUp(sender, resource, "not taken after " + MAX_HOLDS + " polls: " + e.getMessage());
                        holds.remove(key);
                        return;
                    }
                    throw e;
                }
            }

            @Override
            public void refuse(IBaseResource leniently, String json, List<FhirProblem> problems) throws Exception {
                intake.refuse(sender, leniently, json, problems);
            }
        };
    }

    /** One poll now (what the timer runs). */
    PollReport pollOnce() {
        return poller.pollOnce();
    }

    private void tick() {
        try {
            long before = stored.get();
            PollReport report = poller.pollOnce();
            long fresh = stored.get() - before;
            if (fresh > 0) {
                // what was new; the boundary resource every poll reads again is a replay and is not counted
                log.info("health poll: new={} read={}", fresh, report.accepted());
            }
            report.types().stream()
                    .filter(t -> t.stoppedOn() != null)
                    .forEach(t -> log.warn("health poll stopped: type={} cause={}", t.resourceType(), t.stoppedOn()));
        } catch (RuntimeException e) {
            log.warn("health poll failed: cause={}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        long every = props.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, Math.min(every, 2_000), every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
