package org.earlyhelp.hub.connector.api.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake.Key;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake.Outcome;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Idempotent intake on a real PostgreSQL, with two hub instances played by two intakes on one database. */
class IdempotentIntakeTest {

    static TestDatabase postgres;
    static DataSource dataSource;

    final List<String> published = Collections.synchronizedList(new ArrayList<>());
    final IdempotentIntake intake = new IdempotentIntake(dataSource, Clock.systemUTC(), Duration.ofSeconds(60));
    final String provider = "police:" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        postgres = TestDatabase.migrated();
        dataSource = postgres.dataSource();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aRetriedPostGetsTheFirstAnswerAndPublishesNothingNew() throws Exception {
        List<Key> keys = List.of(new Key("reference", "reference:DA/1"));
        Outcome first = intake.accept(provider, keys, hash("body"), published::add);
        Outcome retry = intake.accept(provider, keys, hash("body"), published::add);
        assertThat(first).isInstanceOf(Outcome.Accepted.class);
        assertThat(retry).isEqualTo(new Outcome.Accepted(((Outcome.Accepted) first).recordId(), true));
        assertThat(published).containsExactly(((Outcome.Accepted) first).recordId());
    }

    @Test
    void aDifferentBodyUnderAUsedKeyIsAConflictNamingWhereTheKeyCameFrom() throws Exception {
        intake.accept(provider, List.of(new Key("reference", "reference:DA/2")), hash("one"), published::add);
        assertThat(intake.accept(
                        provider, List.of(new Key("reference", "reference:DA/2")), hash("two"), published::add))
                .isEqualTo(new Outcome.Conflict("reference"));
        // the same header reused for another incident
        intake.accept(provider, List.of(new Key(null, "idempotency-key:k1")), hash("three"), published::add);
        assertThat(intake.accept(
                        provider,
                        List.of(new Key("reference", "reference:DA/3"), new Key(null, "idempotency-key:k1")),
                        hash("four"),
                        published::add))
                .isEqualTo(new Outcome.Conflict(null));
        assertThat(published).hasSize(2);
    }

    @Test
    void keysBelongToTheirProviderOrganisation() throws Exception {
        List<Key> keys = List.of(new Key("reference", "reference:DA/4"));
        intake.accept("police:derbyshire-" + provider, keys, hash("a"), published::add);
        intake.accept("police:nottinghamshire-" + provider, keys, hash("b"), published::add);
        assertThat(published).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aRetryWhileTheFirstIsStillBeingStoredIsToldItIsInProgress() throws Exception {
        List<Key> keys = List.of(new Key(null, "idempotency-key:slow"));
        List<Outcome> during = new ArrayList<>();
        intake.accept(provider, keys, hash("x"), id -> {
            during.add(intake.accept(provider, keys, hash("x"), published::add));
            published.add(id);
        });
        assertThat(during).containsExactly(new Outcome.InProgress());
        assertThat(published).hasSize(1);
    }

    @Test
    void aPublishThatFailedIsTriedAgainUnderTheSameRecordId() throws Exception {
        List<Key> keys = List.of(new Key("reference", "reference:DA/5"));
        List<String> tried = new ArrayList<>();
        assertThatThrownBy(() -> intake.accept(provider, keys, hash("y"), id -> {
                    tried.add(id);
                    throw new IllegalStateException("broker down");
                }))
                .hasMessage("broker down");
        Outcome retry = intake.accept(provider, keys, hash("y"), published::add);
        assertThat(retry).isEqualTo(new Outcome.Accepted(tried.get(0), false));
        assertThat(published).containsExactly(tried.get(0));
    }

    @Test
    void twoInstancesRacingOnOneKeyPublishOnce() throws Exception {
        IdempotentIntake other = new IdempotentIntake(dataSource, Clock.systemUTC(), Duration.ofSeconds(60));
        List<Key> keys = List.of(new Key("reference", "reference:DA/6"), new Key(null, "idempotency-key:race"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Outcome>> posts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                IdempotentIntake instance = i % 2 == 0 ? intake : other;
                posts.add(() -> instance.accept(provider, keys, hash("z"), published::add));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : pool.invokeAll(posts)) {
                outcomes.add(f.get());
            }
            assertThat(published).hasSize(1);
            assertThat(outcomes)
                    .allSatisfy(o -> assertThat(o).isInstanceOfAny(Outcome.Accepted.class, Outcome.InProgress.class));
            assertThat(intake.accept(provider, keys, hash("z"), published::add))
                    .isEqualTo(new Outcome.Accepted(published.get(0), true));
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] hash(String body) {
        return IdempotentIntake.fingerprint(body.getBytes(StandardCharsets.UTF_8));
    }
}
