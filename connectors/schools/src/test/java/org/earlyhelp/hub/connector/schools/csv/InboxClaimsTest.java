package org.earlyhelp.hub.connector.schools.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two instances sharing a folder: each file is claimed by one; a dead instance's claim is taken over once. */
class InboxClaimsTest {

    static TestDatabase db;
    static InboxClaims claims;
    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @BeforeAll
    static void start() {
        db = TestDatabase.migrated();
        claims = new InboxClaims(new JdbcTemplate(db.dataSource()), Duration.ofMinutes(10));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void onlyTheFirstInstanceClaimsAFile() {
        assertThat(claims.claim("123456/a.csv", "h1", "instance-a", NOW)).isTrue();
        assertThat(claims.claim("123456/a.csv", "h1", "instance-b", NOW.plusSeconds(1)))
                .isFalse();
    }

    @Test
    void aFinishedFileIsNeverClaimedAgain() {
        assertThat(claims.claim("123456/b.csv", "h2", "instance-a", NOW)).isTrue();
        claims.finish("123456/b.csv", "h2", 3, 0, NOW.plusSeconds(5));
        assertThat(claims.finished("123456/b.csv", "h2")).isTrue();
        assertThat(claims.claim("123456/b.csv", "h2", "instance-b", NOW.plus(Duration.ofHours(1))))
                .isFalse();
    }

    @Test
    void anUnfinishedClaimIsTakenOverByOneInstanceAfterTheWait() {
        assertThat(claims.claim("123456/c.csv", "h3", "instance-a", NOW)).isTrue();
        assertThat(claims.claim("123456/c.csv", "h3", "instance-b", NOW.plus(Duration.ofMinutes(5))))
                .isFalse();
        Instant later = NOW.plus(Duration.ofMinutes(11));
        assertThat(claims.claim("123456/c.csv", "h3", "instance-b", later)).isTrue();
        assertThat(claims.claim("123456/c.csv", "h3", "instance-c", later)).isFalse();
    }

    @Test
    void aChangedFileIsANewClaim() {
        assertThat(claims.claim("123456/d.csv", "h4", "instance-a", NOW)).isTrue();
        assertThat(claims.claim("123456/d.csv", "h5", "instance-b", NOW)).isTrue();
    }
}
