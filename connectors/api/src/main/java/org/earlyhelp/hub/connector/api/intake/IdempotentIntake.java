package org.earlyhelp.hub.connector.api.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Makes a provider's post idempotent by its own reference. The first post under a key claims it (in PostgreSQL, so
 * every hub instance sees the claim), gets a record id, is published under that id and is then marked accepted; a
 * retry with the same body gets the same id and publishes nothing; a different body under a used key is a conflict.
 * A claim whose publish failed, or whose instance died before answering, is taken over by the next retry after {@code
 * takeOverAfter} and published again under the same record id, which the flow downstream treats as a replay (stored
 * once, decided once, delivered once by its delivery id), so a school is never told twice.
 */
public final class IdempotentIntake {

    /** A provider's key and the request field it comes from (null for a header). */
    public record Key(String field, String value) {
        public Key {
            Objects.requireNonNull(value, "value");
        }
    }

    /** What became of a post. */
    public sealed interface Outcome {
        /** Accepted now or earlier; {@code replay} when an earlier post under the key already was. */
        record Accepted(String recordId, boolean replay) implements Outcome {}

        /** A key already used for a different body; {@code field} names where the key came from. */
        record Conflict(String field) implements Outcome {}

        /** Another post under the key is being stored right now. */
        record InProgress() implements Outcome {}
    }

    /** Publishes a new record under the id given; throws when it was not stored. */
    @FunctionalInterface
    public interface Publish {
        void publish(String recordId) throws Exception;
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration takeOverAfter;

    public IdempotentIntake(DataSource dataSource, Clock clock, Duration takeOverAfter) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.takeOverAfter = takeOverAfter;
    }

    /** The request header a client names its own key in. */
    public static final String HEADER = "Idempotency-Key";

    private static final java.util.regex.Pattern HEADER_VALUE = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,255}");

    /**
     * The key an {@code Idempotency-Key} header gives, if sent.
     *
     * @throws IllegalArgumentException when the header is not 1 to 255 visible ASCII characters (the message says so
     *     without quoting it)
     */
    public static java.util.Optional<Key> headerKey(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        if (!HEADER_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("the Idempotency-Key header must be 1 to 255 visible ASCII characters");
        }
        return java.util.Optional.of(new Key(null, "idempotency-key:" + value));
    }

    /** The key a provider's own reference for a record gives. */
    public static Key referenceKey(String field, String reference) {
        return new Key(field, "reference:" + reference);
    }

    /** SHA-256 of the bytes that identify a body (the record as the hub read it, without its id or arrival time). */
    public static byte[] fingerprint(byte[] canonical) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Accepts a post under its keys; with no keys, publishes under a new id. The publish runs only for the post that
     * holds the claim; its exception propagates after the claim is released for an immediate retry.
     */
    public Outcome accept(String provider, List<Key> keys, byte[] fingerprint, Publish publish) throws Exception {
        if (keys.isEmpty()) {
            String id = UUID.randomUUID().toString();
            publish.publish(id);
            return new Outcome.Accepted(id, false);
        }
        // one lock order for every post, so two posts sharing a key never deadlock
        keys = keys.stream().sorted(java.util.Comparator.comparing(Key::value)).toList();
        Claim claim = claim(provider, keys, fingerprint);
        if (claim.outcome() != null) {
            return claim.outcome();
        }
        try {
            publish.publish(claim.recordId());
        } catch (Exception e) {
            release(provider, keys);
            throw e;
        }
        markAccepted(provider, keys);
        return new Outcome.Accepted(claim.recordId(), false);
    }

    private record Claim(String recordId, Outcome outcome) {}

    private Claim claim(String provider, List<Key> keys, byte[] fingerprint) throws SQLException {
        Instant now = clock.instant();
        String fresh = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement("insert into intake_key (provider, intake_key,"
                        + " body_hash, record_id, state, claimed_at) values (?, ?, ?, ?, 'PENDING', ?)"
                        + " on conflict do nothing")) {
                    for (Key k : keys) {
                        insert.setString(1, provider);
                        insert.setString(2, k.value());
                        insert.setBytes(3, fingerprint);
                        insert.setString(4, fresh);
                        insert.setTimestamp(5, Timestamp.from(now));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                String recordId = null;
                boolean accepted = false;
                Instant claimedAt = null;
                try (PreparedStatement select = c.prepareStatement("select body_hash, record_id, state, claimed_at"
                        + " from intake_key where provider = ? and intake_key = ? for update")) {
                    for (Key k : keys) {
                        select.setString(1, provider);
                        select.setString(2, k.value());
                        try (ResultSet rs = select.executeQuery()) {
                            rs.next();
                            if (!Arrays.equals(rs.getBytes(1), fingerprint)) {
                                c.rollback();
                                return new Claim(null, new Outcome.Conflict(k.field()));
                            }
                            String id = rs.getString(2);
                            // an earlier post's id wins over the one this post would have made
                            if (recordId == null || (recordId.equals(fresh) && !id.equals(fresh))) {
                                recordId = id;
                                accepted = "ACCEPTED".equals(rs.getString(3));
                                claimedAt = rs.getTimestamp(4).toInstant();
                            }
                        }
                    }
                }
                boolean mine = recordId.equals(fresh);
                if (!mine && !accepted && claimedAt.plus(takeOverAfter).isAfter(now)) {
                    c.rollback();
                    return new Claim(null, new Outcome.InProgress());
                }
                try (PreparedStatement align = c.prepareStatement("update intake_key set record_id = ?, state = ?,"
                        + " claimed_at = ? where provider = ? and intake_key = ?")) {
                    for (Key k : keys) {
                        align.setString(1, recordId);
                        align.setString(2, accepted ? "ACCEPTED" : "PENDING");
                        align.setTimestamp(3, Timestamp.from(now));
                        align.setString(4, provider);
                        align.setString(5, k.value());
                        align.addBatch();
                    }
                    align.executeBatch();
                }
                c.commit();
                return accepted ? new Claim(recordId, new Outcome.Accepted(recordId, true)) : new Claim(recordId, null);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void markAccepted(String provider, List<Key> keys) throws SQLException {
        update(
                provider,
                keys,
                "update intake_key set state = 'ACCEPTED', accepted_at = ? where provider = ? and" + " intake_key = ?",
                clock.instant());
    }

    /** Lets the next retry take the claim over at once (it publishes under the same id: a replay downstream). */
    private void release(String provider, List<Key> keys) {
        try {
            update(
                    provider,
                    keys,
                    "update intake_key set claimed_at = ? where provider = ? and intake_key = ?"
                            + " and state = 'PENDING'",
                    Instant.EPOCH);
        } catch (SQLException e) {
            // the claim then expires after takeOverAfter
        }
    }

    private void update(String provider, List<Key> keys, String sql, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (Key k : keys) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setString(2, provider);
                ps.setString(3, k.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
