package org.earlyhelp.hub.governance.ledger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Declares that the ledger's database was restored from a backup, which is how a restore is told apart from a
 * truncation: both leave fewer entries than the checkpoints saw, but only a restore is declared. Declaring requires the
 * chain key and the checkpoint folder (not just the database), refuses a chain that does not itself verify (a restore
 * explains a shorter ledger, never an edited one), moves the checkpoints the restored ledger contradicts to
 * {@code archived/restore-<time>/}, and appends a {@link EntryType#RESTORE} entry that every later verification
 * reports. An undeclared shortfall stays a truncation.
 */
public final class LedgerRestore {

    private final DataSource dataSource;
    private final DisclosureLedger ledger;
    private final LedgerVerifier chainOnly;
    private final LedgerCheckpoints checkpoints;
    private final Clock clock;

    public LedgerRestore(DataSource dataSource, ChainKey key, LedgerCheckpoints checkpoints, Clock clock) {
        this.dataSource = dataSource;
        this.ledger = new DisclosureLedger(dataSource, clock, key);
        this.chainOnly = new LedgerVerifier(dataSource, key);
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** What a declaration did: the entry it wrote, and how many checkpoints it archived (and where). */
    public record Declared(long restoreEntry, long restoredHead, long lostUpTo, int archived, String archive) {}

    /**
     * Declares the restore on behalf of {@code operator} with a change {@code reference} (an id, never personal data).
     */
    public Declared declare(String operator, String reference) throws IOException {
        LedgerVerifier.Result chain = chainOnly.verify();
        if (!chain.intact()) {
            throw new LedgerException(
                    "the restored ledger does not verify by itself (" + chain.why()
                            + "): a restore cannot explain that",
                    null);
        }
        DisclosureLedger.Head head = ledger.head();
        List<Checkpoint> contradicted = contradicted(head);
        String label = "restore-"
                + DateTimeFormatter.ISO_INSTANT.format(clock.instant()).replace(':', '-');
        String archive = contradicted.isEmpty()
                ? "none"
                : checkpoints
                        .dir()
                        .relativize(checkpoints.archive(contradicted, label))
                        .toString();
        long lostUpTo = contradicted.stream().mapToLong(Checkpoint::seq).max().orElse(head.seq());
        LedgerEntry entry = ledger.append(List.of(LedgerDraft.event(
                        EntryType.RESTORE,
                        "restore:" + label,
                        operator,
                        null,
                        Map.of(
                                "restoredHead", Long.toString(head.seq()),
                                "checkpointsSawUpTo", Long.toString(lostUpTo),
                                "archivedCheckpoints", Integer.toString(contradicted.size()),
                                "archive", archive,
                                "reference", reference))))
                .get(0);
        checkpoints.write(Checkpoint.of(entry.seq(), entry.hash(), head.keyedFrom(), clock.instant()));
        return new Declared(entry.seq(), head.seq(), lostUpTo, contradicted.size(), archive);
    }

    /** Every signed checkpoint past the restored head, or naming an entry the restored ledger holds differently. */
    private List<Checkpoint> contradicted(DisclosureLedger.Head head) throws IOException {
        List<Checkpoint> all = checkpoints.all();
        Map<Long, String> hashes = hashes(
                all.stream().map(Checkpoint::seq).filter(s -> s <= head.seq()).toList());
        List<Checkpoint> out = new ArrayList<>();
        for (Checkpoint cp : all) {
            // a forged checkpoint is not the restore's to explain: it stays, and verification keeps naming it
            if (cp.signed()
                    && (cp.seq() > head.seq()
                            || !hashes.getOrDefault(cp.seq(), "").equals(cp.hash()))) {
                out.add(cp);
            }
        }
        return out;
    }

    private Map<Long, String> hashes(List<Long> seqs) {
        Map<Long, String> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select seq, hash from ledger_entry where seq = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new LedgerException("could not read the disclosure ledger", e);
        }
    }
}
