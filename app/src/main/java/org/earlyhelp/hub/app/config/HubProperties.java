package org.earlyhelp.hub.app.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The hub's own settings ({@code hub.*}). Secrets are kept out of {@link #toString()}. */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @NotNull Embedded embedded,
        @NotNull Kafka kafka,
        @NotNull Agreements agreements,
        @NotNull Topics topics,
        @NotNull Pseudonymisation pseudonymisation,
        @NotNull Simulator simulator,
        @NotNull @Valid Ledger ledger) {

    /** The embedded broker and database; a port of 0 picks a free one. */
    public record Embedded(boolean enabled, @NotNull Path dataDir, int kafkaPort, int postgresPort) {}

    /**
     * @param properties client settings given to every Kafka client the hub makes (the Camel component's producers
     *     and consumers, the raw producer, the admin client): {@code security.protocol}, {@code sasl.*}, {@code ssl.*}
     */
    public record Kafka(
            @NotBlank String bootstrapServers,
            @Min(1) int partitions,
            @Min(1) short replicationFactor,
            Map<String, String> properties) {
        public Kafka {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        @Override
        public String toString() {
            return "Kafka[bootstrapServers=" + bootstrapServers + ", partitions=" + partitions + ", replicationFactor="
                    + replicationFactor + ", properties=" + properties.keySet() + "]";
        }
    }

    /**
     * @param dir the board's agreements directory (every instance reads the same one)
     * @param watchInterval how often the directory is checked for a change, which is then applied without a restart
     *     (default 2s; 0 turns the watching off, leaving {@code POST /api/agreements/reload})
     */
    public record Agreements(@NotNull Path dir, java.time.Duration watchInterval) {
        public Agreements {
            watchInterval = watchInterval == null ? java.time.Duration.ofSeconds(2) : watchInterval;
        }
    }

    public record Topics(
            @NotBlank String policeInbound,
            @NotBlank String inboundPrefix,
            @NotBlank String outboundPrefix,
            @NotBlank String dlqPrefix) {}

    /**
     * The pseudonymisation key: either one {@code key}, or versioned {@code keys} (id to key) with the {@code current}
     * id, which keys everything new; the others are kept so a person's earlier ledger entries are still found. When
     * {@code keys} is set, {@code key} is ignored (list the old single key in {@code keys} to keep it).
     */
    public record Pseudonymisation(String key, Map<String, String> keys, String current) {
        public Pseudonymisation {
            keys = keys == null ? Map.of() : Map.copyOf(keys);
        }

        @Override
        public String toString() {
            return "Pseudonymisation[key=***, versions=" + keys.keySet() + ", current=" + current + "]";
        }
    }

    /**
     * The ledger's chain key (base64 of 32+ random bytes; the embedded run makes one in its data folder when unset)
     * and its checkpoints.
     */
    public record Ledger(String chainKey, @NotNull @Valid Checkpoints checkpoints) {
        @Override
        public String toString() {
            return "Ledger[chainKey=***, checkpoints=" + checkpoints + "]";
        }
    }

    /**
     * Where signed checkpoints of the ledger's head go (default {@code <data-dir>/ledger-checkpoints}; every instance
     * must share it), after how many entries at most, and how often at least.
     */
    public record Checkpoints(Path dir, @Min(1) int every, @NotNull Duration interval) {}

    /**
     * @param enabled on by default in the embedded run only; outside it, only together with {@code demonstration}
     * @param demonstration a demonstration deployment: the simulator may run outside the embedded run, and every
     *     ledger entry is marked {@code demonstration=true}
     * @param policeToken the credential the simulated police posts with outside the embedded run (issued with {@code
     *     credentials issue --organisation police:<force>}); the embedded run uses its development one
     */
    public record Simulator(
            boolean enabled,
            boolean demonstration,
            double incidentsPerSecond,
            @Min(1) int families,
            long seed,
            String policeToken) {
        @Override
        public String toString() {
            return "Simulator[enabled=" + enabled + ", demonstration=" + demonstration + ", incidentsPerSecond="
                    + incidentsPerSecond + ", families=" + families + ", seed=" + seed + ", policeToken="
                    + (policeToken == null || policeToken.isBlank() ? "unset" : "***") + "]";
        }
    }
}
