package org.earlyhelp.hub.connector.casesystem.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import org.apache.kafka.clients.producer.Producer;
import org.earlyhelp.hub.connector.api.Topics;
import org.earlyhelp.hub.connector.api.batch.BatchSettings;
import org.earlyhelp.hub.connector.api.batch.ConsumerProgress;
import org.earlyhelp.hub.connector.api.batch.FailureClassifier;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.batch.OutboundRoute;
import org.earlyhelp.hub.connector.api.batch.PartnerHttp;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.connector.casesystem.CaseSystemConnector;
import org.earlyhelp.hub.connector.casesystem.CaseSystemMetrics;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires delivery to the case system once a webhook is configured ({@code hub.connectors.casesystem.webhook-url});
 * until then no consumer reads {@code hub.outbound.casesystem} and what agreements permit waits there.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseSystemConnectorProperties.class)
public class CaseSystemOutboundConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaseSystemOutboundConfiguration.class);

    @Bean
    @ConditionalOnProperty(prefix = "hub.connectors.casesystem", name = "webhook-url")
    OutboundRoute caseSystemOutboundRoute(
            CaseSystemConnectorProperties props,
            Topics topics,
            RecordCodec codec,
            DisclosureLedger ledger,
            ObjectMapper json,
            Producer<String, byte[]> producer,
            ConsumerProgress progress,
            CaseSystemMetrics metrics,
            MeterRegistry meters) {
        HttpClient http = PartnerHttp.client("casesystem-http", 2, props.timeout());
        CaseSystemWebhookClient client = new CaseSystemWebhookClient(http, json, props.timeout(), props.webhookToken());
        CaseSystemBatchDelivery delivery = new CaseSystemBatchDelivery(props, client, ledger, metrics.partner());
        log.info("case-system delivery: {}", props);
        String partner = CaseSystemConnector.PARTNER;
        return new OutboundRoute(
                partner,
                topics.outbound(partner),
                props.consumers(),
                props.maxPollRecords(),
                batch(topics.deadLetter(partner), props, codec, delivery, producer, progress, meters));
    }

    static KafkaBatch<CaseSystemBatchDelivery.Delivery> batch(
            String deadLetterTopic,
            CaseSystemConnectorProperties props,
            RecordCodec codec,
            CaseSystemBatchDelivery delivery,
            Producer<String, byte[]> producer,
            ConsumerProgress progress,
            MeterRegistry meters) {
        return new KafkaBatch<>(
                OutboundRoute.routeId(CaseSystemConnector.PARTNER),
                CaseSystemBatchDelivery.decoder(codec),
                delivery,
                item -> deadLetterTopic,
                delivery::deadLettered,
                FailureClassifier.standard(),
                new BatchSettings(props.maxRedeliveries() + 1, props.initialBackoff(), props.maxBackoff()),
                new TopicPublisher(producer),
                progress,
                meters);
    }
}
