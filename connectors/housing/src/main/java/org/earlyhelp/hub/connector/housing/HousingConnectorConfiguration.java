package org.earlyhelp.hub.connector.housing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.net.http.HttpClient;
import java.time.Clock;
import org.apache.kafka.clients.producer.Producer;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.api.PartnerMetrics;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
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
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the housing connector from the hub's shared parts: inbound (JSON and CSV) on the hub's intake, and, only
 * when {@code hub.connectors.housing.webhook-url} is set, the outbound route on the hub's batch support.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HousingConnectorProperties.class)
public class HousingConnectorConfiguration {

    @Bean
    HousingIntake housingIntake(RecordIntake intake, MeterRegistry meters, Clock clock) {
        return new HousingIntake(intake, new PartnerMetrics(meters, HousingConnector.PARTNER, clock));
    }

    @Bean
    HousingRecordsController housingRecordsController(Validator validator, HousingIntake intake) {
        return new HousingRecordsController(new StrictJsonReader(validator), intake);
    }

    @Bean
    HousingExtractController housingExtractController(
            Validator validator,
            HousingIntake intake,
            Producer<String, byte[]> producer,
            Topics topics,
            IdempotentIntake claims) {
        return new HousingExtractController(
                new HousingCsvReader(new StrictJsonReader(validator)),
                intake,
                new IntakeDeadLetters(producer, topics.deadLetter(HousingConnector.PARTNER), claims));
    }

    @Bean
    @ConditionalOnProperty(name = HousingConnector.WEBHOOK_SETTING)
    OutboundRoute housingOutboundRoute(
            HousingConnectorProperties props,
            Connectors connectors,
            Topics topics,
            RecordCodec codec,
            DisclosureLedger ledger,
            ObjectMapper json,
            Producer<String, byte[]> producer,
            ConsumerProgress progress,
            MeterRegistry meters) {
        if (!connectors.delivering().contains(HousingConnector.PARTNER)) {
            // the topic would not exist and the lint would refuse agreements delivering to housing
            throw new IllegalStateException(HousingConnector.WEBHOOK_SETTING + " is set, but the hub discovered its"
                    + " connectors without settings: Connectors.discover(ConnectorSettings) must be given the hub's"
                    + " configuration");
        }
        HttpClient http = PartnerHttp.client("housing-http", 2, props.timeout());
        HousingWebhookClient client =
                new HousingWebhookClient(http, json, props.webhookUrl(), props.webhookToken(), props.timeout());
        DisclosureDelivery delivery = new DisclosureDelivery(HousingConnector.PARTNER, client::deliver, ledger);
        KafkaBatch<DisclosureDelivery.Delivery> batch = new KafkaBatch<>(
                OutboundRoute.routeId(HousingConnector.PARTNER),
                DisclosureDelivery.decoder(codec),
                delivery,
                item -> topics.deadLetter(HousingConnector.PARTNER),
                delivery::deadLettered,
                FailureClassifier.standard(),
                new BatchSettings(props.maxRedeliveries() + 1, props.initialBackoff(), props.maxBackoff()),
                new TopicPublisher(producer),
                progress,
                meters);
        return new OutboundRoute(
                HousingConnector.PARTNER,
                topics.outbound(HousingConnector.PARTNER),
                props.consumers(),
                props.maxInFlight(),
                batch);
    }
}
