package org.earlyhelp.hub.app.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place every Kafka client the hub makes takes its connection settings from: the bootstrap servers and {@code
 * hub.kafka.properties.*} (TLS and SASL: {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config},
 * {@code ssl.truststore.location}, ...). The shared settings are applied over a client's own, so no client can be made
 * that talks to the cluster in plaintext when the cluster is configured otherwise. Values are never logged.
 */
public final class KafkaClientSettings {

    private final String bootstrapServers;
    private final Map<String, String> shared;

    public KafkaClientSettings(HubProperties.Kafka kafka) {
        this.bootstrapServers = kafka.bootstrapServers();
        this.shared = Map.copyOf(kafka.properties());
    }

    /** The shared settings, without the bootstrap servers (for clients that take those separately, as Camel's). */
    public Map<String, String> shared() {
        return shared;
    }

    /** A client's configuration: the bootstrap servers, then its own settings, then the shared ones over them. */
    public Map<String, Object> configure(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(own);
        config.putAll(shared);
        return Collections.unmodifiableMap(config);
    }

    @Override
    public String toString() {
        return "KafkaClientSettings[bootstrapServers=" + bootstrapServers + ", keys=" + shared.keySet() + "]";
    }
}
