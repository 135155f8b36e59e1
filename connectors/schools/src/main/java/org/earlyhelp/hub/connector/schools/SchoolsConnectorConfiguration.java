package org.earlyhelp.hub.connector.schools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.ProducerTemplate;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the schools connector: its directory, HTTP client and outbound route. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchoolsConnectorProperties.class)
public class SchoolsConnectorConfiguration {

    @Bean
    SchoolsOutboundRoute schoolsOutboundRoute(
            SchoolsConnectorProperties props,
            RecordCodec codec,
            SchoolDirectory directory,
            DisclosureLedger ledger,
            ObjectMapper json,
            ProducerTemplate producer,
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
                .executor(responses)
                .build();
        SchoolsNotificationClient client = new SchoolsNotificationClient(http, json, props.timeout());
        return new SchoolsOutboundRoute(
                props, new SchoolsBatchDelivery(props, codec, directory, client, ledger, producer, meters));
    }
}
