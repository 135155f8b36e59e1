package org.earlyhelp.hub.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.kafka.KafkaComponent;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    static final Map<String, String> SASL = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required"
                            + " username=\"hub\" password=\"s3cret\";",
            "ssl.truststore.location", "/etc/hub/ca.p12");

    final KafkaClientSettings settings =
            new KafkaClientSettings(new HubProperties.Kafka("broker:9093", 4, (short) 3, SASL));

    @Test
    void aClientsOwnSettingsCannotTurnTheSharedSecurityOff() {
        Map<String, Object> config = settings.configure(Map.of("security.protocol", "PLAINTEXT", "acks", "all"));
        assertThat(config)
                .containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("acks", "all")
                .containsAllEntriesOf(SASL);
    }

    @Test
    void theCamelComponentsProducersAndConsumersTakeTheSharedSettings() throws Exception {
        // Given the Camel Kafka component as the starter makes it, and the hub's customizer
        KafkaComponent component = new KafkaComponent();
        new KafkaConfiguration().kafkaComponentSettings(settings).configure("kafka", component);
        // Then every producer and consumer it creates carries them, over Camel's own PLAINTEXT default
        Properties producer = component.getConfiguration().createProducerProperties();
        Properties consumer = component.getConfiguration().createConsumerProperties();
        for (Properties p : new Properties[] {producer, consumer}) {
            SASL.forEach((k, v) -> assertThat(p.getProperty(k)).as(k).isEqualTo(v));
        }
    }

    @Test
    void noSecretReachesToString() {
        assertThat(settings.toString()).doesNotContain("s3cret").contains("sasl.jaas.config");
        assertThat(new HubProperties.Kafka("b:1", 1, (short) 1, SASL).toString())
                .doesNotContain("s3cret");
    }
}
