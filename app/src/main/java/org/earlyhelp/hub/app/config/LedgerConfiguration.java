package org.earlyhelp.hub.app.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.ledger.LedgerCheckpoints;
import org.earlyhelp.hub.governance.ledger.LedgerVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The disclosure ledger as beans: its chain key (configured, or the embedded run's key file), the shared checkpoint
 * folder, the ledger that checkpoints every N entries, the every-minute checkpoint, and the verifier.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

    @Bean
    ChainKey ledgerChainKey(HubProperties hub) throws IOException {
        boolean embedded = hub.embedded().enabled();
        String configured = hub.ledger().chainKey();
        if (configured != null && !configured.isBlank()) {
            return new ChainKey(KeyMaterial.decode("hub.ledger.chain-key", configured, embedded));
        }
        if (!embedded) {
            throw new IllegalStateException("hub.ledger.chain-key must be set outside the embedded run: base64 of at"
                    + " least 32 random bytes, held outside the database (generate one with `openssl rand -base64"
                    + " 32`); every instance uses the same key");
        }
        return new ChainKey(ChainKeyFile.loadOrCreate(hub.embedded().dataDir()));
    }

    @Bean
    LedgerCheckpoints ledgerCheckpoints(HubProperties hub, ChainKey key) {
        Path dir = checkpointDir(hub);
        if (!hub.embedded().enabled() && hub.ledger().checkpoints().dir() == null) {
            log.warn(
                    "hub.ledger.checkpoints.dir is not set: checkpoints go to {}; with several instances set it to"
                            + " one folder they all share",
                    dir.toAbsolutePath());
        }
        return new LedgerCheckpoints(dir, key);
    }

    /** The configured checkpoint folder, or {@code <data-dir>/ledger-checkpoints}. */
    public static Path checkpointDir(HubProperties hub) {
        Path dir = hub.ledger().checkpoints().dir();
        return dir != null ? dir : hub.embedded().dataDir().resolve("ledger-checkpoints");
    }

    @Bean
    DisclosureLedger disclosureLedger(
            DataSource dataSource, Clock clock, ChainKey key, LedgerCheckpoints checkpoints, HubProperties hub) {
        // a demonstration deployment marks every entry it writes, so none is taken for a real disclosure
        return new DisclosureLedger(
                dataSource,
                clock,
                key,
                checkpoints,
                hub.ledger().checkpoints().every(),
                hub.simulator().demonstration() ? java.util.Map.of("demonstration", "true") : java.util.Map.of());
    }

    @Bean
    LedgerVerifier ledgerVerifier(DataSource dataSource, ChainKey key, LedgerCheckpoints checkpoints) {
        return new LedgerVerifier(dataSource, key, checkpoints);
    }

    @Bean
    LedgerCheckpointSchedule ledgerCheckpointSchedule(DisclosureLedger ledger, HubProperties hub) {
        return new LedgerCheckpointSchedule(ledger, hub.ledger().checkpoints().interval());
    }
}
