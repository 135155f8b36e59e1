package org.earlyhelp.hub.app.simulation;

import java.net.URI;
import java.time.Clock;
import org.earlyhelp.hub.app.config.HubProperties;
import org.earlyhelp.hub.app.security.DevelopmentCredentials;
import org.earlyhelp.hub.connector.schools.SchoolDirectory;
import org.earlyhelp.hub.simulator.police.PoliceIncidentGenerator;
import org.earlyhelp.hub.simulator.police.SimulatedPolice;
import org.earlyhelp.hub.simulator.population.School;
import org.earlyhelp.hub.simulator.population.SyntheticPopulation;
import org.earlyhelp.hub.simulator.schools.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When {@code hub.simulator.enabled} (the embedded run, or a demonstration deployment: {@link SimulatorPolicy}), starts
 * simulated schools (a real HTTP listener) and a simulated police force that
 * posts synthetic incidents to this hub's own endpoint, with the police partner's credential, so the console shows
 * live traffic.
 */
@Component
public class SimulationRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);

    private final HubProperties hub;
    private final SchoolDirectory directory;
    private NotificationSink schools;
    private SimulatedPolice police;
    private org.earlyhelp.hub.simulator.partners.SimulatedPartners partners;
    private final org.earlyhelp.hub.connector.api.Connectors connectors;

    public SimulationRunner(
            HubProperties hub, SchoolDirectory directory, org.earlyhelp.hub.connector.api.Connectors connectors) {
        SimulatorPolicy.check(hub.embedded().enabled(), hub.simulator());
        this.hub = hub;
        this.directory = directory;
        this.connectors = connectors;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        HubProperties.Simulator sim = hub.simulator();
        if (!sim.enabled()) {
            return;
        }
        SyntheticPopulation population = SyntheticPopulation.generate(sim.seed(), sim.families());
        schools = new NotificationSink();
        // the simulated schools (URNs 100001-100020) point at this run's listener, but only entries the simulator
        // made itself: one the board set is never overwritten
        int leftToTheBoard = 0;
        for (School school : population.schools()) {
            if (!directory.registerSimulated(
                    school.urn(),
                    school.name(),
                    URI.create(schools.baseUrl() + "/schools/" + school.urn() + "/notifications"))) {
                leftToTheBoard++;
            }
        }
        if (leftToTheBoard > 0) {
            log.info("simulator left {} directory entries the board set as they are", leftToTheBoard);
        }
        int port = ((WebServerApplicationContext) event.getApplicationContext())
                .getWebServer()
                .getPort();
        police = new SimulatedPolice(
                URI.create("http://localhost:" + port),
                SimulatorPolicy.policeToken(sim, DevelopmentCredentials.POLICE_TOKEN),
                new PoliceIncidentGenerator(population, sim.seed(), Clock.systemUTC()));
        police.start(sim.incidentsPerSecond());
        // every other partner the connectors simulate, from the same population, at half the incident rate; their
        // development credentials exist only in the embedded run
        if (hub.embedded().enabled()) {
            partners =
                    new org.earlyhelp.hub.simulator.partners.SimulatedPartners(URI.create("http://localhost:" + port));
            for (org.earlyhelp.hub.connector.api.Connector c : connectors.all()) {
                c.simulation().ifPresent(feed -> {
                    partners.start(feed, population, sim.seed(), sim.incidentsPerSecond() / 2);
                    log.info("simulator started a feed: partner={}", feed.partner());
                });
            }
        }
        log.info(
                "simulator started: families={} schools={} incidentsPerSecond={} schoolsListener={}",
                population.families().size(),
                population.schools().size(),
                sim.incidentsPerSecond(),
                schools.baseUrl());
    }

    /**
     * Stops the simulated police first, so the web server's graceful shutdown is not kept busy by it; the simulated
     * schools listen until the routes have stopped (bean destruction comes after).
     */
    @EventListener
    public synchronized void onClose(ContextClosedEvent event) {
        if (partners != null) {
            partners.close();
            partners = null;
        }
        if (police != null) {
            police.close();
            police = null;
        }
    }

    @Override
    public synchronized void destroy() {
        if (partners != null) {
            partners.close();
            partners = null;
        }
        if (police != null) {
            police.close();
            police = null;
        }
        if (schools != null) {
            schools.close();
            schools = null;
        }
    }
}
