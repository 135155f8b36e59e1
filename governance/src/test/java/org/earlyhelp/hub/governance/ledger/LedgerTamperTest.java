package org.earlyhelp.hub.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.ledger.LedgerVerifier.Kind;
import org.earlyhelp.hub.governance.ledger.LedgerVerifier.Problem;
import org.earlyhelp.hub.governance.ledger.LedgerVerifier.Result;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks on the ledger's tail and body, on a real PostgreSQL with the shipped migrations and a real checkpoint
 * folder: each is named by {@code ledger verify}, and nothing that is not an attack is.
 */
class LedgerTamperTest {

    static final ChainKey KEY = new ChainKey("the hub's chain key, 32 bytes or more, tests only".getBytes());

    static TestDatabase postgres;
    static DataSource dataSource;

    @TempDir
    Path dir;

    LedgerCheckpoints checkpoints;
    DisclosureLedger ledger;
    LedgerVerifier verifier;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = TestDatabase.migrated();
        dataSource = postgres.dataSource();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyLedgerAndCheckpointsEvery1000() throws SQLException {
        sql("truncate ledger_entry, delivery");
        sql("update ledger_head set seq = 0, hash = 'genesis' where id = 1");
        sql("update ledger_chain set keyed_from = 1 where id = 1");
        checkpoints = new LedgerCheckpoints(dir.resolve("ledger-checkpoints"), KEY);
        ledger = new DisclosureLedger(dataSource, Clock.systemUTC(), KEY, checkpoints, 1000);
        verifier = new LedgerVerifier(dataSource, KEY, checkpoints);
    }

    static void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static LedgerDraft draft(String key) {
        return new LedgerDraft(
                key,
                Outcome.PERMIT,
                "rec-" + key,
                "subject-" + key,
                "police",
                "schools:100001",
                "police-to-schools-domestic-abuse",
                1,
                "safeguarding/domestic-abuse-notification",
                "art6:public-task",
                List.of("child.name"),
                List.of("permitted"));
    }

    /** Appends {@code n} entries in batches of 100, as the govern step does, then the every-minute checkpoint. */
    void appendAndCheckpoint(String prefix, int n) {
        for (int from = 0; from < n; from += 100) {
            ledger.append(IntStream.range(from, Math.min(n, from + 100))
                    .mapToObj(i -> draft(prefix + i))
                    .toList());
        }
        ledger.checkpointHead();
    }

    static List<Kind> kinds(Result r) {
        return r.problems().stream().map(Problem::kind).toList();
    }

    @Test
    void checkpointsAreWrittenEvery1000EntriesAndAtTheHeadAndTheLedgerVerifiesAgainstThem() throws IOException {
        // When
        appendAndCheckpoint("k", 1200);
        Result result = verifier.verify();

        // Then
        assertThat(checkpoints.all()).extracting(Checkpoint::seq).containsExactly(1200L, 1000L);
        assertThat(checkpoints.all()).allMatch(Checkpoint::signed);
        assertThat(result.intact()).as(result.toString()).isTrue();
        assertThat(result.checked()).isEqualTo(1200);
        assertThat(result.checkpoints()).isEqualTo(2);
        assertThat(ledger.checkpointHead())
                .as("nothing new since the last checkpoint")
                .isEmpty();
    }

    @Test
    void truncatedTailWithTheHeadRewrittenToMatchIsNamed() throws SQLException {
        // Given 1200 entries, checkpointed
        appendAndCheckpoint("k", 1200);

        // When the last 50 entries are deleted and ledger_head is rewritten to match what is left
        sql("delete from ledger_entry where seq > 1150");
        sql("update ledger_head set seq = 1150, hash = (select hash from ledger_entry where seq = 1150) where id = 1");
        Result result = verifier.verify();

        // Then the chain alone looks whole, but the checkpoint names the truncation
        assertThat(new LedgerVerifier(dataSource, KEY).verify().intact()).isTrue();
        assertThat(result.intact()).isFalse();
        assertThat(kinds(result)).containsExactly(Kind.TRUNCATED);
        assertThat(result.firstBroken()).contains(1151L);
        assertThat(result.toString()).contains("truncated tail", "saw 1200 entries", "ends at entry 1150");
    }

    @Test
    void truncatedAndRefilledTailIsNamedAtTheEntryTheCheckpointSaw() throws SQLException {
        // Given 1200 entries, checkpointed, then 50 deleted and the head rewritten
        appendAndCheckpoint("k", 1200);
        sql("delete from ledger_entry where seq > 1150");
        sql("update ledger_head set seq = 1150, hash = (select hash from ledger_entry where seq = 1150) where id = 1");

        // When the hub appends 100 more entries (so the ledger is longer again than any checkpoint)
        appendAndCheckpoint("more", 100);
        Result result = verifier.verify();

        // Then the entry at 1200 is not the one the checkpoint saw
        assertThat(kinds(result)).containsExactly(Kind.CHECKPOINT_MISMATCH);
        assertThat(result.firstBroken()).contains(1200L);
    }

    @Test
    void deletedMiddleEntryIsNamed() throws SQLException {
        // Given
        appendAndCheckpoint("k", 1200);

        // When
        sql("delete from ledger_entry where seq = 500");
        Result result = verifier.verify();

        // Then
        assertThat(kinds(result)).containsExactly(Kind.MISSING);
        assertThat(result.firstBroken()).contains(500L);
        assertThat(result.toString()).contains("entry 500 is missing");
    }

    @Test
    void editedRowIsNamedEvenWithItsPlainHashRecomputed() throws SQLException {
        // Given
        appendAndCheckpoint("k", 1200);

        // When a row is edited and the attacker recomputes the plain SHA-256 the chain used to be
        sql("update ledger_entry set recipient = 'schools:999999' where seq = 700");
        LedgerEntry edited = ledger.findByRecord("rec-k699").get(0);
        sql("update ledger_entry set hash = '" + ChainHash.legacy(edited) + "' where seq = 700");
        Result result = verifier.verify();

        // Then
        assertThat(kinds(result)).startsWith(Kind.EDITED);
        assertThat(result.firstBroken()).contains(700L);
        assertThat(result.toString()).contains("entry 700", "do not match its hash");
    }

    @Test
    void movingWhereTheKeyedChainStartsIsNamed() throws SQLException {
        // Given
        appendAndCheckpoint("k", 1200);

        // When someone with the database owner's rights claims every entry is from before the keyed chain
        sql("update ledger_chain set keyed_from = 100000 where id = 1");
        Result result = verifier.verify();

        // Then
        assertThat(kinds(result)).contains(Kind.CHECKPOINT_MISMATCH, Kind.EDITED);
        assertThat(result.toString()).contains("keyed chain starts at entry 100000");
    }

    @Test
    void forgedAndDamagedCheckpointsAreNamedAndNeverTakenForTheTruth() throws IOException {
        // Given a ledger of 1200 entries
        appendAndCheckpoint("k", 1200);

        // When one checkpoint is signed with another key, claiming 1300 entries, and another is garbage
        new LedgerCheckpoints(checkpoints.dir(), new ChainKey("somebody else's key, 32 bytes or longer".getBytes()))
                .write(Checkpoint.of(1300, "f".repeat(64), 1, Instant.now()));
        Files.writeString(
                checkpoints.dir().resolve(LedgerCheckpoints.name(1250)), "seq=1250\n", StandardCharsets.UTF_8);
        Result result = verifier.verify();

        // Then both are named as forged, and neither is read as a truncation
        assertThat(kinds(result)).containsExactly(Kind.FORGED_CHECKPOINT, Kind.FORGED_CHECKPOINT);
        assertThat(result.toString()).contains(LedgerCheckpoints.name(1300), "not signed with the hub's chain key");
    }

    @Test
    void aCheckpointOnceWrittenIsNeverReplaced() throws IOException {
        // Given
        Checkpoint first = Checkpoint.of(10, "a".repeat(64), 1, Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(checkpoints.write(first)).isTrue();

        // When a second instance writes the same entry number, with another hash
        boolean wrote = checkpoints.write(Checkpoint.of(10, "b".repeat(64), 1, Instant.now()));

        // Then the first stays
        assertThat(wrote).isFalse();
        assertThat(checkpoints.all()).singleElement().satisfies(cp -> {
            assertThat(cp.hash()).isEqualTo("a".repeat(64));
            assertThat(cp.signed()).isTrue();
        });
        try (var files = Files.list(checkpoints.dir())) {
            assertThat(files).hasSize(1); // no temporary file left behind
        }
    }

    @Test
    void concurrentAppendsFromTwoInstancesNeverMakeVerificationReportAFalseBreak() throws Exception {
        // Given two hub instances sharing the database and the checkpoint folder, checkpointing every 7 entries
        DisclosureLedger one = new DisclosureLedger(dataSource, Clock.systemUTC(), KEY, checkpoints, 7);
        DisclosureLedger two = new DisclosureLedger(dataSource, Clock.systemUTC(), KEY, checkpoints, 7);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            DisclosureLedger instance = w % 2 == 0 ? one : two;
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int batch = 0; !stop.get() && batch < 150; batch++) {
                    int b = batch;
                    instance.append(IntStream.range(0, 3)
                            .mapToObj(i -> draft("w" + writer + "-" + b + "-" + i))
                            .toList());
                }
            }));
        }
        writers.add(pool.submit(() -> {
            while (!stop.get()) {
                two.checkpointHead();
            }
        }));

        // When verifying again and again while they append
        List<Result> results = new ArrayList<>();
        try {
            while (writers.stream().limit(4).anyMatch(f -> !f.isDone()) || results.size() < 5) {
                results.add(verifier.verify());
            }
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        for (Future<?> f : writers) {
            f.get();
        }

        // Then every verification is intact, and they saw checkpoints written meanwhile
        assertThat(results)
                .allSatisfy(r -> assertThat(r.intact()).as(r.toString()).isTrue());
        assertThat(results).anySatisfy(r -> assertThat(r.checkpoints()).isPositive());
        Result last = verifier.verify();
        assertThat(last.intact()).isTrue();
        assertThat(last.checked()).isEqualTo(4 * 150 * 3);
    }

    @Test
    void aDeclaredRestoreFromBackupIsToldApartFromATruncation() throws Exception {
        // Given 1200 checkpointed entries, and a database put back to a backup taken at entry 1150
        appendAndCheckpoint("k", 1200);
        sql("delete from ledger_entry where seq > 1150");
        sql("update ledger_head set seq = 1150, hash = (select hash from ledger_entry where seq = 1150) where id = 1");
        assertThat(kinds(verifier.verify()))
                .as("undeclared, it is a truncation")
                .containsExactly(Kind.TRUNCATED);

        // When an operator declares the restore
        LedgerRestore.Declared declared = new LedgerRestore(dataSource, KEY, checkpoints, Clock.systemUTC())
                .declare("ops:a-operator", "CHG-4711");
        Result afterDeclaring = verifier.verify();
        appendAndCheckpoint("after", 200);
        Result afterMoreAppends = verifier.verify();

        // Then the ledger verifies, reports the restore, and the contradicted checkpoint is archived, not deleted
        assertThat(declared.restoredHead()).isEqualTo(1150);
        assertThat(declared.lostUpTo()).isEqualTo(1200);
        assertThat(declared.archived()).isEqualTo(1);
        assertThat(afterDeclaring.intact()).as(afterDeclaring.toString()).isTrue();
        assertThat(afterDeclaring.restores()).containsExactly(1151L);
        assertThat(afterDeclaring.toString()).contains("restore(s) from backup declared at entry [1151]");
        assertThat(afterMoreAppends.intact()).as(afterMoreAppends.toString()).isTrue();
        assertThat(ledger.events(EntryType.RESTORE, Instant.EPOCH))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("ops:a-operator");
                    assertThat(e.details())
                            .containsEntry("restoredHead", "1150")
                            .containsEntry("checkpointsSawUpTo", "1200")
                            .containsEntry("reference", "CHG-4711");
                });
        try (var archived = Files.walk(checkpoints.dir().resolve("archived"))) {
            assertThat(archived.map(p -> p.getFileName().toString())).contains(LedgerCheckpoints.name(1200));
        }
    }

    @Test
    void aRestoreCannotBeDeclaredOverAnEditedLedger() throws SQLException {
        // Given
        appendAndCheckpoint("k", 100);
        sql("update ledger_entry set purpose = 'marketing' where seq = 42");

        // When / Then
        assertThatThrownBy(() -> new LedgerRestore(dataSource, KEY, checkpoints, Clock.systemUTC())
                        .declare("ops:a-operator", "CHG-1"))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("does not verify");
        assertThat(ledger.events(EntryType.RESTORE, Instant.EPOCH)).isEmpty();
    }

    @Test
    void entriesFromBeforeTheKeyedChainVerifyAsTheyWereWrittenAndAreAnchoredByIt() throws SQLException {
        // Given a ledger upgraded at entry 4: entries 1 to 3 were written with the plain SHA-256 chain
        sql("update ledger_chain set keyed_from = 4 where id = 1");
        List<LedgerEntry> entries = ledger.append(
                IntStream.range(0, 5).mapToObj(i -> draft("old" + i)).toList());

        // Then the old ones carry the plain hash, the new ones the keyed one, and it all verifies
        assertThat(entries.subList(0, 3)).allSatisfy(e -> assertThat(e.hash()).isEqualTo(ChainHash.legacy(e)));
        assertThat(entries.subList(3, 5))
                .allSatisfy(e ->
                        assertThat(e.hash()).isEqualTo(ChainHash.keyed(e, KEY)).isNotEqualTo(ChainHash.legacy(e)));
        assertThat(entries.get(3).prevHash()).isEqualTo(entries.get(2).hash());
        assertThat(verifier.verify().intact()).isTrue();

        // When an old entry is edited and the plain chain recomputed up to the keyed start
        sql("update ledger_entry set recipient = 'schools:999999' where seq = 2");
        LedgerEntry two = ledger.findByRecord("rec-old1").get(0);
        String twoHash = ChainHash.legacy(two);
        sql("update ledger_entry set hash = '" + twoHash + "' where seq = 2");
        sql("update ledger_entry set prev_hash = '" + twoHash + "' where seq = 3");
        LedgerEntry three = ledger.findByRecord("rec-old2").get(0);
        sql("update ledger_entry set hash = '" + ChainHash.legacy(three) + "' where seq = 3");
        Result result = verifier.verify();

        // Then the first keyed entry's link names it
        assertThat(kinds(result)).containsExactly(Kind.BROKEN_LINK);
        assertThat(result.firstBroken()).contains(4L);
    }
}
