package org.earlyhelp.hub.connector.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchoolsErrorClassifierTest {

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429, 408})
    void serverTroubleIsWorthRetrying(int status) {
        assertThat(SchoolsErrorClassifier.retriableStatus(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void refusalsAreNotRetried(int status) {
        assertThat(SchoolsErrorClassifier.retriableStatus(status)).isFalse();
    }

    @Test
    void ioFailuresAndTimeoutsAreRetriedAndAMissingSchoolIsNot() {
        assertThat(SchoolsErrorClassifier.isRetriable(new ConnectException("refused")))
                .isTrue();
        assertThat(SchoolsErrorClassifier.isRetriable(new HttpTimeoutException("slow")))
                .isTrue();
        assertThat(SchoolsErrorClassifier.isRetriable(new RuntimeException(new IOException("reset"))))
                .isTrue();
        assertThat(SchoolsErrorClassifier.isRetriable(
                        new SchoolDeliveryException("school URN not in the directory", false, null, null)))
                .isFalse();
        assertThat(SchoolsErrorClassifier.isRetriable(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void reasonsNameTheFailureNotTheNotification() {
        assertThat(SchoolsErrorClassifier.reason(
                        new SchoolDeliveryException("school endpoint answered 404", false, 404, null)))
                .isEqualTo("school endpoint answered 404");
        assertThat(SchoolsErrorClassifier.reason(new IOException("Amy Smith 2016-04-03")))
                .isEqualTo("failed: IOException")
                .doesNotContain("Amy");
    }
}
