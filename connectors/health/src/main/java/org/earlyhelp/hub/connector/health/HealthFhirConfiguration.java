package org.earlyhelp.hub.connector.health;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.Producer;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.BatchSettings;
import org.earlyhelp.hub.connector.api.batch.ConsumerProgress;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.connector.health.fhir.FhirMapper;
import org.earlyhelp.hub.connector.health.server.HealthPush;
import org.earlyhelp.hub.connector.health.server.HubFhirOperations;
import org.earlyhelp.hub.connector.health.server.HubFhirServer;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                new HealthDeadLetters(producer, topics.deadLetter(HealthConnector.PARTNER), claims),
                Optional.ofNullable(consents.getIfAvailable()),
                new PartnerMetrics(meters, HealthConnector.PARTNER, clock));
    }

    /** Files notifications with the health system, only when its FHIR base is configured. */
    @Bean
    @ConditionalOnProperty(name = HealthConnectorProperties.BASE_URL_SETTING)
    HealthOutboundRoute healthOutboundRoute(
            HealthConnectorProperties props,
            Topics topics,
            RecordCodec codec,
            DisclosureLedger ledger,
            Producer<String, byte[]> producer,
            ConsumerProgress progress,
            MeterRegistry meters) {
        ExecutorService responses = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "health-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(responses)
                .build();
        HealthFhirDelivery delivery = new HealthFhirDelivery(
                new HealthFhirClient(http, props.base(), props.token(), props.timeout()), ledger);
        KafkaBatch<HealthFhirDelivery.Delivery> batch = new KafkaBatch<>(
                HealthOutboundRoute.ROUTE_ID,
                HealthFhirDelivery.decoder(codec),
                delivery,
                item -> topics.deadLetter(HealthConnector.PARTNER),
                delivery::deadLettered,
                HealthErrorClassifier.classifier(),
                new BatchSettings(props.maxRedeliveries() + 1, props.initialBackoff(), props.maxBackoff()),
                new TopicPublisher(producer),
                progress,
                meters);
        return new HealthOutboundRoute(topics.outbound(HealthConnector.PARTNER), props, batch);
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
