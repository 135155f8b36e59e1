package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.earlyhelp.hub.analytics.criteria.CriteriaVocabulary;
import org.earlyhelp.hub.analytics.criteria.NeedCriteria;
import org.earlyhelp.hub.analytics.report.Areas;
import org.earlyhelp.hub.analytics.report.NeedsAnalysis;
import org.earlyhelp.hub.app.analytics.NeedsAnalytics;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.governance.dataset.DatasetRelease;
import org.earlyhelp.hub.governance.ledger.ChainKey;
import org.earlyhelp.hub.governance.ledger.DisclosureLedger;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.minimise.Pseudonymiser;
import org.earlyhelp.hub.schema.codec.RecordCodec;
import org.earlyhelp.hub.schema.codec.SchemaRegistry;
import org.earlyhelp.hub.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The analysts' path read from PostgreSQL, as {@code hub analytics needs|export} run it: a person index and record
 * store of {@value #DEFAULT_PEOPLE} people (families of four, three police incidents each, stored as the hub stores
 * records: Avro bodies in {@code hub_record}, people in {@code person_record}), written with server-side {@code
 * generate_series} from a thousand encoded records. Beside it, a baseline in the same run: one JDBC pass reading every
 * stored body. Run with {@code ./mvnw -o -pl app test -Dtest=NeedsDatabaseBenchmarkTest -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx8g} ({@code -Dbenchmark.people=} for another size).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class NeedsDatabaseBenchmarkTest {

    static final int DEFAULT_PEOPLE = 1_000_000;
    static final int PEOPLE = Integer.getInteger("benchmark.people", DEFAULT_PEOPLE);
    static final int RECORDS_EACH = 3;
    static final int TEMPLATES = 1_000;

    @Test
    void identifyAndExportFromTheDatabase() throws Exception {
        try (TestDatabase db = TestDatabase.migrated()) {
            DataSource ds = db.dataSource();
            RecordCodec codec = new RecordCodec(SchemaRegistry.load());
            long load = System.nanoTime();
            populate(ds, codec);
            load = System.nanoTime() - load;

            long baseline = System.nanoTime();
            long bytes = 0;
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("select body from hub_record")) {
                    s.setFetchSize(2_000);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            bytes += rs.getBytes(1).length;
                        }
                    }
                }
                c.commit();
            }
            baseline = System.nanoTime() - baseline;

            FieldCatalogue catalogue =
                    NeedsAnalytics.catalogue(Connectors.discover(name -> java.util.Optional.empty()));
            NeedCriteria criteria = NeedCriteria.shipped(CriteriaVocabulary.of(catalogue));
            NeedsAnalytics analytics = new NeedsAnalytics(ds, codec, catalogue);
            LocalDate asAt = LocalDate.now(Clock.systemUTC());

            System.gc();
            org.earlyhelp.hub.testsupport.HeapPeaks.reset();
            long needs = System.nanoTime();
            NeedsAnalysis.Result result =
                    analytics.analyse(criteria, Areas.postcodeDistricts(), asAt, 12, NeedsAnalytics.Progress.NONE);
            needs = System.nanoTime() - needs;
            long needsPeak = org.earlyhelp.hub.testsupport.HeapPeaks.peak();

            System.gc();
            org.earlyhelp.hub.testsupport.HeapPeaks.reset();
            Clock clock = Clock.systemUTC();
            DatasetRelease release = new DatasetRelease(
                    () -> AgreementLoader.loadDirectory(Path.of("..", "agreements")),
                    new Pseudonymiser(new byte[32]),
                    new DisclosureLedger(ds, clock, new ChainKey(new byte[32])),
                    clock);
            long export = System.nanoTime();
            NeedsAnalytics.Export exported = analytics.export(
                    release,
                    "needs-dataset-to-council-analysts",
                    "needs-assessment-2026",
                    "council",
                    "analyst:benchmark",
                    criteria,
                    asAt,
                    NeedsAnalytics.Progress.NONE);
            java.nio.file.Path out = java.nio.file.Files.createTempDirectory("bench-export");
            exported.write(out, "benchmark", org.earlyhelp.hub.analytics.export.DatasetFormat.CSV);
            export = System.nanoTime() - export;
            long exportPeak = org.earlyhelp.hub.testsupport.HeapPeaks.peak();

            long rows = exported.released().rows().size();
            System.out.printf(
                    "needs from the database: %,d people, %,d stored records (%,d MiB of bodies; loaded in %.0f s)%n"
                            + "  baseline, one JDBC pass reading every body:        %.2f s%n"
                            + "  analytics needs (12 month ends, tables):           %.2f s (%.1fx the baseline),"
                            + " peak heap %,d MiB%n"
                            + "  analytics export (as at one date, %,d rows, CSV):  %.2f s (%.1fx the baseline),"
                            + " peak heap %,d MiB%n",
                    PEOPLE,
                    (long) PEOPLE * RECORDS_EACH,
                    bytes >> 20,
                    load / 1e9,
                    baseline / 1e9,
                    needs / 1e9,
                    (double) needs / baseline,
                    needsPeak >> 20,
                    rows,
                    export / 1e9,
                    (double) export / baseline,
                    exportPeak >> 20);
            assertThat(result.people()).isEqualTo(PEOPLE);
            assertThat(rows)
                    .as("every person has a domestic abuse incident in the last year")
                    .isEqualTo(PEOPLE);
        }
    }

    /** Writes the person index and record store with server-side series from {@value #TEMPLATES} encoded records. */
    private static void populate(DataSource ds, RecordCodec codec) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table bench_template (k int primary key, body bytea not null)");
            try (PreparedStatement p = c.prepareStatement("insert into bench_template values (?, ?)")) {
                for (int k = 0; k < TEMPLATES; k++) {
                    var record = PoisonRecordIT.incident(
                            "BENCH/" + k,
                            "123456",
                            "Child" + k,
                            LocalDate.of(2012, 1, 1).plusDays(k));
                    record.setReceivedAt(java.time.Instant.now().minusSeconds(86_400L * (k % 200)));
                    p.setInt(1, k);
                    p.setBytes(2, codec.encode(record));
                    p.addBatch();
                }
                p.executeBatch();
            }
            long records = (long) PEOPLE * RECORDS_EACH;
            s.execute("insert into person select md5('p' || i)::uuid, now(), null from generate_series(0, "
                    + (PEOPLE - 1) + ") i");
            s.execute("insert into hub_record select 'r' || j, 'police', 'EVENT', 'domestic-abuse-incident', now(),"
                    + " t.body from generate_series(0, " + (records - 1) + ") j join bench_template t on t.k = j % "
                    + TEMPLATES);
            s.execute("insert into hub_record_person select 'police/r' || j || '#c1', 'r' || j, 'c1', 'CHILD'"
                    + " from generate_series(0, " + (records - 1) + ") j");
            s.execute("insert into person_record (record_key, source, education, person_id, demographics, received_at)"
                    + " select 'police/r' || j || '#c1', 'police', false, md5('p' || (j / " + RECORDS_EACH
                    + "))::uuid, jsonb_build_object('dateOfBirth', '2012-01-01', 'sex', 'FEMALE', 'postcode',"
                    + " 'S' || (j % 40) || ' 7AB'), now() from generate_series(0, " + (records - 1) + ") j");
            s.execute("insert into person_link (record_key, person_id, method, match_weight, linked_at, linked_by)"
                    + " select 'police/r' || j || '#c1', md5('p' || (j / " + RECORDS_EACH + "))::uuid,"
                    + " case when j % " + RECORDS_EACH + " = 0 then 'NEW_PERSON' else 'PROBABILISTIC' end,"
                    + " case when j % " + RECORDS_EACH + " = 0 then null else 18.5 end, now(), 'matcher'"
                    + " from generate_series(0, " + (records - 1) + ") j");
            s.execute("insert into household_record select 'h' || (j / " + (RECORDS_EACH * 4) + "),"
                    + " 'police/r' || j || '#c1' from generate_series(0, " + (records - 1) + ") j where j % "
                    + RECORDS_EACH + " = 0");
            s.execute("analyze");
        }
    }
}
