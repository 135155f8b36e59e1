package org.earlyhelp.hub.connector.health;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.producer.Producer;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.BatchSettings;
import org.earlyhelp.hub.connector.api.batch.ConsumerProgress;
import org.earlyhelp.hub.connector.api.batch.DisclosureDelivery;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.batch.OutboundRoute;
import org.earlyhelp.hub.connector.api.batch.PartnerHttp;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.IntakeDeadLetters;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.connector.health.fhir.FhirMapper;
import org.earlyhelp.hub.connector.health.poll.JdbcPollCursors;
import org.earlyhelp.hub.connector.health.server.HealthPush;
import org.earlyhelp.hub.connector.health.server.HubFhirOperations;
import org.earlyhelp.hub.connector.health.server.HubFhirServer;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires health's FHIR R4 side from the hub's shared parts: the mapping, the one intake polled and pushed resources go
 * through (records on the hub's intake, Consents on the consent register the application provides, the rest
 * dead-lettered), and the hub's FHIR endpoint at {@code /fhir}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthConnectorProperties.class)
public class HealthFhirConfiguration {

    /** Where the hub's FHIR endpoint is served. */
    public static final String FHIR_PATH = "/fhir";

    @Bean
    FhirMapper healthFhirMapper(Clock clock) {
        return new FhirMapper(clock);
    }

    @Bean
    HealthFhirIntake healthFhirIntake(
            FhirMapper mapper,
            RecordIntake intake,
            Producer<String, byte[]> producer,
            Topics topics,
            IdempotentIntake claims,
            ObjectProvider<HealthConsents> consents,
            MeterRegistry meters,
            Clock clock) {
        return new HealthFhirIntake(
                mapper,
                intake,
                new IntakeDeadLetters(producer, topics.deadLetter(HealthConnector.PARTNER), claims),
                Optional.ofNullable(consents.getIfAvailable()),
                new PartnerMetrics(meters, HealthConnector.PARTNER, clock));
    }

    /** The health system's FHIR server: the configured one, the simulated trust in the simulated run, or none. */
    @Bean(destroyMethod = "close")
    HealthFhirSource healthFhirSource(HealthConnectorProperties props, Environment env) {
        if (props.baseUrl() != null) {
            return HealthFhirSource.configured(props.base());
        }
        if (env.getProperty("hub.simulator.enabled", Boolean.class, false)) {
            return HealthFhirSource.simulated(
                    props.trustPort(),
                    env.getProperty("hub.simulator.seed", Long.class, 42L),
                    env.getProperty("hub.simulator.families", Integer.class, 400));
        }
        return HealthFhirSource.none();
    }

    /** Polls the health system's FHIR server, when there is one. */
    @Bean
    SmartLifecycle healthPolling(
            HealthFhirSource source,
            HealthConnectorProperties props,
            DataSource dataSource,
            HealthFhirIntake intake,
            Clock clock) {
        if (source.base().isEmpty()) {
            return new NoPolling();
        }
        return new HealthPolling(source.base().get(), props, new JdbcPollCursors(dataSource, clock), intake);
    }

    /** No health FHIR server: nothing to poll. */
    static final class NoPolling implements SmartLifecycle {
        private volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }

    /**
     * Files notifications with the health system's FHIR server; with none, no route consumes {@code
     * hub.outbound.health} and what is addressed to health waits there.
     */
    @Bean
    RouteBuilder healthOutboundRoute(
            HealthFhirSource source,
            HealthConnectorProperties props,
            Topics topics,
            RecordCodec codec,
            DisclosureLedger ledger,
            Producer<String, byte[]> producer,
            ConsumerProgress progress,
            MeterRegistry meters) {
        if (source.base().isEmpty()) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // no health FHIR server configured: deliveries wait on their topic
                }
            };
        }
        HttpClient http = PartnerHttp.client("health-http", 2, props.timeout());
        HealthFhirClient client = new HealthFhirClient(http, source.base().get(), props.token(), props.timeout());
        DisclosureDelivery delivery = new DisclosureDelivery(HealthConnector.PARTNER, client::deliver, ledger);
        KafkaBatch<DisclosureDelivery.Delivery> batch = new KafkaBatch<>(
                OutboundRoute.routeId(HealthConnector.PARTNER),
                DisclosureDelivery.decoder(codec),
                delivery,
                item -> topics.deadLetter(HealthConnector.PARTNER),
                delivery::deadLettered,
                FailureClassifier.standard(),
                new BatchSettings(props.maxRedeliveries() + 1, props.initialBackoff(), props.maxBackoff()),
                new TopicPublisher(producer),
                progress,
                meters);
        return new OutboundRoute(
                HealthConnector.PARTNER,
                topics.outbound(HealthConnector.PARTNER),
                props.consumers(),
                props.maxInFlight(),
                batch);
    }

    @Bean
    ServletRegistrationBean<HubFhirServer> hubFhirServer(
            HealthFhirIntake intake, ObjectProvider<HubFhirOperations> operations) {
        HubFhirServer server = new HubFhirServer(
                new HealthPush(intake), operations.orderedStream().toList());
        ServletRegistrationBean<HubFhirServer> registration = new ServletRegistrationBean<>(server, FHIR_PATH + "/*");
        registration.setName("hub-fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
