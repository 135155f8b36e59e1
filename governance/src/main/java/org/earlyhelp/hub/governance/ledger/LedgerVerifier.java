package org.earlyhelp.hub.governance.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Walks the chain from the first entry and names the first entry that does not hold: an edited row (its hash no
 * longer matches its contents), a deleted or inserted row (a gap in the sequence or a broken link), or a truncated tail
 * (the head no longer matches the last entry).
 */
public final class LedgerVerifier {

    private final DataSource dataSource;

    public LedgerVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Result verify() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // lets the driver stream with a fetch size
            long expectedSeq = 1;
            String prevHash = "genesis";
            try (PreparedStatement ps =
                    c.prepareStatement("select " + DisclosureLedger.COLUMNS + " from ledger_entry order by seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LedgerEntry e = DisclosureLedger.read(rs);
                        if (e.seq() != expectedSeq) {
                            return Result.broken(expectedSeq, e.seq(), "entry " + expectedSeq + " is missing");
                        }
                        if (!e.prevHash().equals(prevHash)) {
                            return Result.broken(expectedSeq, e.seq(), "its link to the previous entry is broken");
                        }
                        if (!ChainHash.of(e).equals(e.hash())) {
                            return Result.broken(expectedSeq, e.seq(), "its contents do not match its hash");
                        }
                        prevHash = e.hash();
                        expectedSeq++;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select seq, hash from ledger_head where id = 1");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()
                        && (rs.getLong(1) != expectedSeq - 1 || !rs.getString(2).equals(prevHash))) {
                    return Result.broken(
                            expectedSeq - 1, expectedSeq - 1, "the chain head says " + rs.getLong(1) + " entries");
                }
            }
            c.commit();
            return new Result(expectedSeq - 1, Optional.empty(), null);
        } catch (SQLException e) {
            throw new LedgerException("could not read the disclosure ledger", e);
        }
    }

    /** Entries checked, and the first broken entry's sequence number with why, if any. */
    public record Result(long checked, Optional<Long> firstBroken, String why) {
        static Result broken(long checked, long seq, String why) {
            return new Result(checked - 1, Optional.of(seq), why);
        }

        public boolean intact() {
            return firstBroken.isEmpty();
        }

        @Override
        public String toString() {
            return intact()
                    ? "ledger intact: " + checked + " entries verified"
                    : "ledger broken at entry " + firstBroken.get() + ": " + why + " (" + checked
                            + " entries before it verified)";
        }
    }
}
