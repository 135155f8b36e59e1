package org.earlyhelp.hub.connector.api.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.errors.RetriableException;
import org.earlyhelp.hub.schema.codec.RecordCodec;

/**
 * The one place that decides whether a failure is worth retrying. Transient, retried without end: I/O and
 * connection failures, timeouts, the broker's retriable errors, and PostgreSQL SQLStates 08* (connection), 40001
 * (serialization), 40P01 (deadlock), 53* (insufficient resources) and 57P* (the server shutting down or starting).
 * A {@link DeliveryFailure} is as it says. Everything else is permanent: bad data (SQLState 22*, 23*, {@link DateTimeException}, {@link
 * IllegalArgumentException}), records that cannot be decoded, and anything unrecognised, because retrying what is not
 * known to recover is how one record stalls a flow for good.
 *
 * <p>The cause chain is read from the outside in and the first exception that says something decides; wrappers
 * ({@link IllegalStateException}, {@code ExecutionException} and the like) say nothing. A connector adds its own
 * rules with {@link #with(Function)}; they are asked first.
 */
public final class FailureClassifier {

    private static final int MAX_DEPTH = 32;

    private final List<Function<Throwable, Optional<Failure>>> rules;

    private FailureClassifier(List<Function<Throwable, Optional<Failure>>> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The hub's standard rules. */
    public static FailureClassifier standard() {
        return new FailureClassifier(List.of());
    }

    /** A classifier that asks this rule first, for each exception of the chain; empty means no opinion. */
    public FailureClassifier with(Function<Throwable, Optional<Failure>> rule) {
        List<Function<Throwable, Optional<Failure>>> more = new ArrayList<>();
        more.add(rule);
        more.addAll(rules);
        return new FailureClassifier(more);
    }

    public Failure classify(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH && seen.add(t); depth++, t = t.getCause()) {
            for (Function<Throwable, Optional<Failure>> rule : rules) {
                Optional<Failure> decided = rule.apply(t);
                if (decided.isPresent()) {
                    return decided.get();
                }
            }
            Optional<Failure> decided = standardRule(t);
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        return Failure.permanent("unrecognised failure: " + name(failure));
    }

    private static Optional<Failure> standardRule(Throwable t) {
        if (t instanceof DeliveryFailure d) {
            return Optional.of(new Failure(d.retriable(), d.getMessage()));
        }
        if (t instanceof RecordCodec.UndecodableRecordException) {
            return Optional.of(Failure.permanent("undecodable: not a registered version of the canonical record"));
        }
        if (t instanceof SQLException sql
                && sql.getSQLState() != null
                && !sql.getSQLState().isBlank()) {
            String state = sql.getSQLState();
            return Optional.of(
                    transientState(state)
                            ? Failure.transientFailure("database unavailable: SQLState " + state)
                            : Failure.permanent("database refused the record: SQLState " + state));
        }
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
            return Optional.of(Failure.transientFailure("database unavailable: " + name(t)));
        }
        if (t instanceof RetriableException) {
            return Optional.of(Failure.transientFailure("broker unavailable: " + name(t)));
        }
        if (t instanceof java.util.concurrent.TimeoutException) {
            return Optional.of(Failure.transientFailure("timed out: " + name(t)));
        }
        if (isDecodeError(t)) {
            return Optional.of(Failure.permanent("undecodable: " + name(t)));
        }
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            return Optional.empty(); // its IOException decides
        }
        if (t instanceof IOException || t instanceof UncheckedIOException) {
            return Optional.of(Failure.transientFailure("I/O failure: " + name(t)));
        }
        if (t instanceof InterruptedException) {
            return Optional.of(Failure.transientFailure("interrupted"));
        }
        if (t instanceof StackOverflowError) {
            return Optional.of(Failure.permanent("cannot be processed: StackOverflowError"));
        }
        if (t instanceof DateTimeException
                || t instanceof IllegalArgumentException
                || t instanceof ArithmeticException
                || t instanceof IndexOutOfBoundsException
                || t instanceof ClassCastException
                || t instanceof NullPointerException) {
            return Optional.of(Failure.permanent("cannot be processed: " + name(t)));
        }
        return Optional.empty();
    }

    /** Parse and charset errors are IOExceptions too, but trying again reads the same bytes. */
    private static boolean isDecodeError(Throwable t) {
        return t instanceof CharacterCodingException
                || t.getClass().getName().startsWith("com.fasterxml.jackson.")
                || t.getClass().getName().startsWith("org.apache.avro.");
    }

    static boolean transientState(String state) {
        return state.startsWith("08")
                || state.equals("40001")
                || state.equals("40P01")
                || state.startsWith("53")
                || state.startsWith("57P");
    }

    private static String name(Throwable t) {
        return t.getClass().getSimpleName();
    }
}
