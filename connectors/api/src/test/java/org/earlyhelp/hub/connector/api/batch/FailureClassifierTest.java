package org.earlyhelp.hub.connector.api.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureClassifierTest {

    final FailureClassifier classifier = FailureClassifier.standard();

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "40001", "40P01", "57P01", "57P03", "53300"})
    void aDatabaseThatIsDownOrBusyIsRetried(String state) {
        Failure f = classifier.classify(new IllegalStateException("wrapper", new SQLException("gone", state)));
        assertThat(f.transientFailure()).isTrue();
        assertThat(f.reason()).contains(state).doesNotContain("gone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"22P05", "22021", "22007", "23505", "23502", "42P01"})
    void aDatabaseThatRefusesTheRecordIsNotRetried(String state) {
        Failure f = classifier.classify(new SQLException("value Amy\u0000 rejected", state));
        assertThat(f.transientFailure()).isFalse();
        assertThat(f.reason()).contains(state).doesNotContain("Amy");
    }

    @Test
    void ioTimeoutsAndTheBrokersRetriableErrorsAreRetried() {
        assertThat(classifier.classify(new ConnectException("refused")).transientFailure())
                .isTrue();
        assertThat(classifier.classify(new SocketTimeoutException()).transientFailure())
                .isTrue();
        assertThat(classifier
                        .classify(new ExecutionException(new org.apache.kafka.common.errors.TimeoutException("t")))
                        .transientFailure())
                .isTrue();
        assertThat(classifier
                        .classify(new SQLTransientConnectionException("pool empty"))
                        .transientFailure())
                .isTrue();
        assertThat(classifier
                        .classify(new java.util.concurrent.TimeoutException())
                        .transientFailure())
                .isTrue();
    }

    @Test
    void badDataAndAnythingUnrecognisedAreNotRetriedAndTheReasonNeverQuotesTheMessage() {
        for (Throwable t : new Throwable[] {
            new DateTimeException("Invalid value for YearOfEra: -999999 Amy"),
            new IllegalArgumentException("Amy Smith"),
            new IllegalStateException("Amy Smith", new DateTimeException("Amy")),
            new RuntimeException("Amy Smith"),
            new com.fasterxml.jackson.core.JsonParseException(null, "Amy Smith"),
        }) {
            Failure f = classifier.classify(t);
            assertThat(f.transientFailure()).as(t.toString()).isFalse();
            assertThat(f.reason()).doesNotContain("Amy", "999999");
        }
    }

    @Test
    void aParseErrorIsNotRetriedEvenThoughItIsAnIoException() {
        assertThat(classifier
                        .classify(new java.io.UncheckedIOException(
                                new com.fasterxml.jackson.core.JsonParseException(null, "x")))
                        .transientFailure())
                .isFalse();
        assertThat(classifier.classify(new IOException("reset")).transientFailure())
                .isTrue();
    }

    @Test
    void aConnectorsOwnRuleIsAskedFirst() {
        FailureClassifier withRule = classifier.with(t -> t instanceof IllegalArgumentException
                ? Optional.of(Failure.transientFailure("busy"))
                : Optional.empty());
        assertThat(withRule.classify(new IllegalArgumentException()).transientFailure())
                .isTrue();
        assertThat(withRule.classify(new DateTimeException("x")).transientFailure())
                .isFalse();
    }
}
