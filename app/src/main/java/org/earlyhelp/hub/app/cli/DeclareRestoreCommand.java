package org.earlyhelp.hub.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.LedgerRestore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ledger declare-restore}: after the database was restored from a backup, says so in the ledger (a RESTORE
 * entry naming the operator and change reference) and archives the checkpoints the restored ledger contradicts, so
 * verification tells the restore apart from a truncation. Run with every hub stopped.
 */
@Command(
        name = "declare-restore",
        description = "Declare that the ledger's database was restored from backup: records a RESTORE entry and"
                + " archives the checkpoints that saw the lost entries (run with every hub stopped). Without it, a"
                + " shorter ledger is reported as truncated.")
final class DeclareRestoreCommand implements Callable<Integer> {

    /** Ids only: the entry is kept for good and must hold no personal data. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._/-]{0,99}");

    @Mixin
    DatabaseOptions database;

    @Mixin
    LedgerOptions ledger;

    @Option(names = "--by", required = true, description = "who declares it, as an id (e.g. ops:j-bloggs)")
    String by;

    @Option(names = "--reference", required = true, description = "the change or incident reference, e.g. CHG-4711")
    String reference;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!ID.matcher(by).matches() || !ID.matcher(reference).matches()) {
            throw new IllegalArgumentException(
                    "--by and --reference are ids: letters, digits and : . _ / - only, at most 100 characters");
        }
        PrintWriter out = spec.commandLine().getOut();
        ChainKey key = ledger.chainKey(database.dataDir);
        return database.withDatabase(out, ds -> {
            LedgerRestore.Declared d = new LedgerRestore(
                            ds, key, ledger.checkpoints(database.dataDir, key), Clock.systemUTC())
                    .declare(by, reference);
            out.printf(
                    "restore declared at entry %d: ledger restored to entry %d, checkpoints had seen up to %d;"
                            + " %d checkpoint(s) archived in %s%n",
                    d.restoreEntry(), d.restoredHead(), d.lostUpTo(), d.archived(), d.archive());
            out.flush();
            return 0;
        });
    }
}
