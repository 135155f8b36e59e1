package org.earlyhelp.hub.governance.ledger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Walks the chain from the first entry and names what does not hold: an edited row (its hash no longer matches its
 * contents under the chain key), a deleted or inserted row (a gap in the numbers or a broken link), a head that does
 * not match the last entry, and - against the signed checkpoints kept outside the database - a truncated tail (fewer
 * entries than a checkpoint saw, even with the head rewritten to match), an entry that is not the one a checkpoint saw,
 * and a forged checkpoint.
 *
 * <p>The checkpoints are listed first, then entries and head are read in one read-only REPEATABLE READ snapshot: a
 * checkpoint is written only after its entries commit, so every checkpoint listed is within the snapshot, and appends
 * running meanwhile are simply not seen; verifying never reports a break that is not there.
 */
public final class LedgerVerifier {

    /** How many of the newest checkpoints are checked (the newest ones are what a truncation contradicts). */
    public static final int CHECKPOINTS_CHECKED = 100;

    private final DataSource dataSource;
    private final ChainKey key;
    private final LedgerCheckpoints checkpoints;

    /** Checks the chain only (no checkpoint folder): a truncated tail cannot be told from a short ledger. */
    public LedgerVerifier(DataSource dataSource, ChainKey key) {
        this(dataSource, key, null);
    }

    public LedgerVerifier(DataSource dataSource, ChainKey key, LedgerCheckpoints checkpoints) {
        this.dataSource = dataSource;
        this.key = key;
        this.checkpoints = checkpoints;
    }

    public Result verify() {
        List<Checkpoint> seen = listCheckpoints();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return verify(c, seen);
            } finally {
                c.rollback(); // read-only: nothing to keep; the pool resets isolation and read-only
            }
        } catch (SQLException e) {
            throw new LedgerException("could not read the disclosure ledger", e);
        }
    }

    private List<Checkpoint> listCheckpoints() {
        if (checkpoints == null) {
            return List.of();
        }
        try {
            return checkpoints.latest(CHECKPOINTS_CHECKED);
        } catch (IOException e) {
            throw new LedgerException("could not read the ledger checkpoints in " + checkpoints.dir(), e);
        }
    }

    private Result verify(Connection c, List<Checkpoint> seen) throws SQLException {
        DisclosureLedger.Head head;
        try (PreparedStatement ps = c.prepareStatement("select h.seq, h.hash, c.keyed_from from ledger_head h"
                        + " cross join ledger_chain c where h.id = 1 and c.id = 1");
                ResultSet rs = ps.executeQuery()) {
            head = DisclosureLedger.head(rs); // the first statement fixes the snapshot
        }
        List<Problem> problems = new ArrayList<>();
        Map<Long, Checkpoint> bySeq = new HashMap<>();
        for (Checkpoint cp : seen) {
            if (!cp.signed()) {
                problems.add(new Problem(
                        Kind.FORGED_CHECKPOINT,
                        cp.seq(),
                        "checkpoint " + cp.file() + " is not signed with the hub's chain key (forged or damaged)"));
            } else {
                bySeq.put(cp.seq(), cp);
                if (cp.keyedFrom() != head.keyedFrom()) {
                    problems.add(new Problem(
                            Kind.CHECKPOINT_MISMATCH,
                            cp.seq(),
                            "the keyed chain starts at entry " + head.keyedFrom() + " but checkpoint " + cp.file()
                                    + " saw it start at " + cp.keyedFrom()));
                }
            }
        }
        Walk walk = walk(c, head.keyedFrom(), bySeq, problems);
        if (walk.chainIntact() && (head.seq() != walk.last() || !head.hash().equals(walk.lastHash()))) {
            problems.add(new Problem(
                    Kind.HEAD_MISMATCH,
                    walk.last() + 1,
                    "the chain head says " + head.seq() + " entries but the chain has " + walk.last()));
        }
        Optional<Checkpoint> furthest = bySeq.values().stream()
                .filter(cp -> cp.seq() > walk.last())
                .max(Comparator.comparingLong(Checkpoint::seq));
        furthest.ifPresent(cp -> problems.add(new Problem(
                Kind.TRUNCATED,
                walk.last() + 1,
                "truncated tail: checkpoint " + cp.file() + " (" + cp.writtenAt() + ") saw " + cp.seq()
                        + " entries but the ledger ends at entry " + walk.last() + "; entries " + (walk.last() + 1)
                        + " to " + cp.seq() + " are missing and no restore was declared")));
        return new Result(walk.verified(), problems, walk.restores(), bySeq.size());
    }

    private record Walk(long verified, long last, String lastHash, boolean chainIntact, List<Long> restores) {}

    private Walk walk(Connection c, long keyedFrom, Map<Long, Checkpoint> checkpoints, List<Problem> problems)
            throws SQLException {
        long expectedSeq = 1;
        String prevHash = "genesis";
        long verified = 0;
        boolean intact = true;
        List<Long> restores = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("select " + DisclosureLedger.COLUMNS + " from ledger_entry order by seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LedgerEntry e = DisclosureLedger.read(rs);
                    if (intact) {
                        String why = null;
                        Kind kind = null;
                        if (e.seq() != expectedSeq) {
                            kind = Kind.MISSING;
                            why = "entry " + expectedSeq + " is missing (the next entry is " + e.seq() + ")";
                        } else if (!e.prevHash().equals(prevHash)) {
                            kind = Kind.BROKEN_LINK;
                            why = "its link to the previous entry is broken";
                        } else if (!ChainHash.of(e, keyedFrom, key).equals(e.hash())) {
                            kind = Kind.EDITED;
                            why = "its contents do not match its hash (edited)";
                        }
                        if (kind != null) {
                            problems.add(new Problem(kind, expectedSeq, why));
                            intact = false;
                        } else {
                            verified++;
                            if (e.type() == EntryType.RESTORE) {
                                restores.add(e.seq());
                            }
                        }
                    }
                    Checkpoint cp = checkpoints.get(e.seq());
                    if (cp != null && !cp.hash().equals(e.hash())) {
                        problems.add(new Problem(
                                Kind.CHECKPOINT_MISMATCH,
                                e.seq(),
                                "entry " + e.seq() + " is not the entry checkpoint " + cp.file()
                                        + " saw (rewritten, or truncated and written again)"));
                    }
                    prevHash = e.hash();
                    expectedSeq = e.seq() + 1;
                }
            }
        }
        return new Walk(verified, expectedSeq - 1, prevHash, intact, restores);
    }

    /** What kind of break a problem is. */
    public enum Kind {
        EDITED,
        MISSING,
        BROKEN_LINK,
        HEAD_MISMATCH,
        TRUNCATED,
        CHECKPOINT_MISMATCH,
        FORGED_CHECKPOINT
    }

    /** One thing that does not hold, at the entry it concerns. */
    public record Problem(Kind kind, long seq, String why) {}

    /**
     * Entries verified, what does not hold (in the order found), the entries that declare a restore from backup, and
     * how many signed checkpoints were compared.
     */
    public record Result(long checked, List<Problem> problems, List<Long> restores, int checkpoints) {

        public Result {
            problems = List.copyOf(problems);
            restores = List.copyOf(restores);
        }

        public boolean intact() {
            return problems.isEmpty();
        }

        /** The first broken entry's number, if any. */
        public Optional<Long> firstBroken() {
            return problems.stream().map(Problem::seq).min(Long::compare);
        }

        /** Why the first problem found does not hold. */
        public String why() {
            return problems.isEmpty() ? null : problems.get(0).why();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            if (intact()) {
                s.append("ledger intact: ").append(checked).append(" entries verified");
            } else {
                s.append("ledger broken at entry ")
                        .append(firstBroken().get())
                        .append(": ")
                        .append(why());
                s.append(" (").append(checked).append(" entries before it verified)");
                for (Problem p : problems.subList(1, problems.size())) {
                    s.append("\n  also: ")
                            .append(p.kind())
                            .append(" at entry ")
                            .append(p.seq())
                            .append(": ")
                            .append(p.why());
                }
            }
            s.append("; ").append(checkpoints).append(" signed checkpoint(s) compared");
            if (!restores.isEmpty()) {
                s.append("; restore(s) from backup declared at entry ").append(restores);
            }
            return s.toString();
        }
    }
}
