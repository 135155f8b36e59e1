package org.earlyhelp.hub.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earlyhelp.hub.app.config.ChainKeyFile;
import org.earlyhelp.hub.app.config.KeyMaterial;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.LedgerCheckpoints;
import picocli.CommandLine.Option;

/**
 * Where a ledger command finds what lives outside the database: the chain key (the embedded run's key file under
 * {@code --data-dir}, {@code --chain-key-file}, or {@code HUB_LEDGER_CHAINKEY}) and the checkpoint folder.
 */
final class LedgerOptions {

    static final String KEY_ENV = "HUB_LEDGER_CHAINKEY";

    @Option(
            names = "--chain-key-file",
            description = "file holding the ledger chain key in base64 (default: <data-dir>/keys/ledger-chain.key;"
                    + " or set " + KEY_ENV + ")")
    Path chainKeyFile;

    @Option(
            names = "--checkpoint-dir",
            description = "the ledger checkpoint folder every instance writes (default: <data-dir>/ledger-checkpoints)")
    Path checkpointDir;

    ChainKey chainKey(Path dataDir) throws IOException {
        String fromEnv = System.getenv(KEY_ENV);
        if (chainKeyFile == null && fromEnv != null && !fromEnv.isBlank()) {
            return new ChainKey(KeyMaterial.decode(KEY_ENV, fromEnv, true));
        }
        Path file = chainKeyFile != null ? chainKeyFile : ChainKeyFile.path(dataDir);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no ledger chain key at " + file.toAbsolutePath()
                    + ": the embedded hub makes it on its first run; for an external database give --chain-key-file"
                    + " or set " + KEY_ENV);
        }
        return new ChainKey(ChainKeyFile.read(file));
    }

    LedgerCheckpoints checkpoints(Path dataDir, ChainKey key) {
        return new LedgerCheckpoints(
                checkpointDir != null ? checkpointDir : dataDir.resolve("ledger-checkpoints"), key);
    }
}
