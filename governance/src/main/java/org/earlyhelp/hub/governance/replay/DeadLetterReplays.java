package org.earlyhelp.hub.governance.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Which dead letters have been replayed, by whom and with what outcome (table {@code dead_letter_replay}). A replay
 * runs under its row's lock and is recorded in the same transaction, so two people (or two hub instances) replaying the
 * same letter at once replay it once; a replay that fails leaves the letter replayable, and trying it again takes the
 * same ledger key, so a recipient files what it sends once.
 */
public final class DeadLetterReplays {

    /** What kind of letter: a disclosure that could not be delivered, or a record that could not be governed. */
    public enum Kind {
        DISCLOSURE,
        RECORD
    }

    /** A replay done: the outcome ({@code PERMIT}, {@code DENY}, {@code REVIEW} or {@code REQUEUED}), who, when. */
    public record Replay(String replayKey, String letter, Kind kind, String outcome, String by, Instant at) {}

    private final DataSource dataSource;
    private final Clock clock;

    public DeadLetterReplays(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Replays a letter once: claims its row, locks it, runs {@code replay} (which ledgers, and sends, before it returns
     * the outcome), and records the outcome while the lock is held. Whatever {@code replay} throws leaves the letter
     * replayable.
     *
     * @param letter where the letter is (topic/partition/offset)
     * @throws ReplayDone when the letter was already replayed
     */
    public Replay once(String replayKey, String letter, Kind kind, String by, Supplier<String> replay) {
        Objects.requireNonNull(by, "by");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s =
                        c.prepareStatement("insert into dead_letter_replay (replay_key, letter, kind)"
                                + " values (?, ?, ?) on conflict do nothing")) {
                    s.setString(1, replayKey);
                    s.setString(2, letter);
                    s.setString(3, kind.name());
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("select replay_key, letter, kind, status, outcome,"
                        + " replayed_by, replayed_at from dead_letter_replay where replay_key = ? or letter = ?"
                        + " for update")) {
                    s.setString(1, replayKey);
                    s.setString(2, letter);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            if ("DONE".equals(rs.getString("status"))) {
                                throw new ReplayDone(read(rs));
                            }
                        }
                    }
                }
                String outcome = replay.get();
                Instant at = clock.instant();
                try (PreparedStatement s = c.prepareStatement("update dead_letter_replay set status = 'DONE',"
                        + " outcome = ?, replayed_by = ?, replayed_at = ? where replay_key = ?")) {
                    s.setString(1, outcome);
                    s.setString(2, by);
                    s.setTimestamp(3, Timestamp.from(at));
                    s.setString(4, replayKey);
                    if (s.executeUpdate() != 1) {
                        throw new IllegalStateException("the letter is recorded under another replay key");
                    }
                }
                c.commit();
                return new Replay(replayKey, letter, kind, outcome, by, at);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the replay", e);
        }
    }

    /** The replays done of these letters, by letter. */
    public Map<String, Replay> done(Collection<String> letters) {
        Map<String, Replay> out = new HashMap<>();
        if (letters.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select replay_key, letter, kind, status, outcome, replayed_by,"
                                + " replayed_at from dead_letter_replay where status = 'DONE' and letter = any(?)")) {
            s.setArray(1, c.createArrayOf("text", letters.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Replay r = read(rs);
                    out.put(r.letter(), r);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the replays", e);
        }
    }

    /** The replay of one letter, if done. */
    public Optional<Replay> of(String letter) {
        return Optional.ofNullable(done(java.util.List.of(letter)).get(letter));
    }

    private static Replay read(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("replayed_at");
        return new Replay(
                rs.getString("replay_key"),
                rs.getString("letter"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("outcome"),
                rs.getString("replayed_by"),
                at == null ? null : at.toInstant());
    }
}
