package org.earlyhelp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(2.0, 5, now::get);

    @Test
    void aCredentialGetsItsBurstThenIsRefusedUntilTheBucketRefills() {
        // Given a bucket of 5 refilled at 2 per second
        // When one credential makes 6 requests at once
        int allowed = 0;
        for (int i = 0; i < 6; i++) {
            allowed += buckets.tryTake("cred-a") ? 1 : 0;
        }
        // Then 5 pass and the 6th is refused
        assertThat(allowed).isEqualTo(5);
        assertThat(buckets.tryTake("cred-a")).isFalse();
        // and half a second later one more passes, but not two
        now.addAndGet(500_000_000L);
        assertThat(buckets.tryTake("cred-a")).isTrue();
        assertThat(buckets.tryTake("cred-a")).isFalse();
    }

    @Test
    void oneCredentialsBurstDoesNotSpendAnothersBucket() {
        for (int i = 0; i < 5; i++) {
            buckets.tryTake("cred-a");
        }
        assertThat(buckets.tryTake("cred-a")).isFalse();
        assertThat(buckets.tryTake("cred-b")).isTrue();
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsBurst() {
        now.addAndGet(3_600_000_000_000L);
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            allowed += buckets.tryTake("cred-a") ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(5);
    }
}
