package org.earlyhelp.hub.connector.schools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
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
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.timeout())
                .build();
        SchoolsNotificationClient client = new SchoolsNotificationClient(http, json, props.timeout());
        return new SchoolsOutboundRoute(
                props, new SchoolsBatchDelivery(props, codec, directory, client, ledger, producer, meters));
    }
}
