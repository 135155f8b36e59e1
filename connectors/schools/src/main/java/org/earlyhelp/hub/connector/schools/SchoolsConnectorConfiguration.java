package org.earlyhelp.hub.connector.schools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.Producer;
import org.earlyhelp.hub.connector.api.batch.BatchSettings;
import org.earlyhelp.hub.connector.api.batch.ConsumerProgress;
import org.earlyhelp.hub.connector.api.batch.KafkaBatch;
import org.earlyhelp.hub.connector.api.batch.TopicPublisher;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the schools connector: its directory, HTTP client and outbound route on the hub's batch support. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchoolsConnectorProperties.class)
public class SchoolsConnectorConfiguration {

    /** The directory; plain http to this machine only in the embedded run (deny by default when unset). */
    @Bean
    SchoolDirectory schoolDirectory(JdbcTemplate jdbc, SchoolsConnectorProperties props, Environment env) {
        boolean embedded = env.getProperty("hub.embedded.enabled", Boolean.class, false);
        return new SchoolDirectory(
                jdbc, new EndpointPolicy(embedded || props.allowLoopbackHttp(), props.allowPrivateNetworks()));
    }

    @Bean
    SchoolsOutboundRoute schoolsOutboundRoute(
            SchoolsConnectorProperties props,
            RecordCodec codec,
            SchoolDirectory directory,
            DisclosureLedger ledger,
            ObjectMapper json,
            Producer<String, byte[]> producer,
            ConsumerProgress progress,
            MeterRegistry meters) {
        // a small fixed pool completes the responses: the default cached pool creates threads under load
        ExecutorService responses = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "schools-http");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(responses)
                .build();
        SchoolsNotificationClient client = new SchoolsNotificationClient(http, json, props.timeout());
        SchoolsBatchDelivery delivery = new SchoolsBatchDelivery(directory, client, ledger, props.maxInFlight());
        return new SchoolsOutboundRoute(props, batch(props, codec, delivery, producer, progress, meters));
    }

    static KafkaBatch<SchoolsBatchDelivery.Delivery> batch(
            SchoolsConnectorProperties props,
            RecordCodec codec,
            SchoolsBatchDelivery delivery,
            Producer<String, byte[]> producer,
            ConsumerProgress progress,
            MeterRegistry meters) {
        return new KafkaBatch<>(
                SchoolsOutboundRoute.ROUTE_ID,
                SchoolsBatchDelivery.decoder(codec),
                delivery,
                item -> props.deadLetterTopic(),
                delivery::deadLettered,
                SchoolsErrorClassifier.classifier(),
                new BatchSettings(props.maxRedeliveries() + 1, props.initialBackoff(), props.maxBackoff()),
                new TopicPublisher(producer),
                progress,
                meters);
    }
}
