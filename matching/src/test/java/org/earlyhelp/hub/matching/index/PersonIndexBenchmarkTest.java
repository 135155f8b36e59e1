package org.earlyhelp.hub.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.earlyhelp.hub.matching.engine.BatchLinker;
import org.earlyhelp.hub.matching.engine.MatchSettings;
import org.earlyhelp.hub.matching.engine.StandardMatcher;
import org.earlyhelp.hub.matching.model.PersonRecord;
import org.earlyhelp.hub.simulator.extracts.PeopleStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long one arriving record takes to resolve against an index of a million records, against a baseline of ten
 * thousand measured in the same run. Opt-in ({@code -Dbenchmark=true}); {@code -Dbenchmark.records=250000} for a
 * smaller index. Records come from the simulator's streaming generator: the index is the first N rows, the arrivals the
 * rows after them (so about a third of them are people already indexed, as the ground truth column shows).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PersonIndexBenchmarkTest {

    static final int WARM_UP = 200;
    static final int ARRIVALS = 2_000;
    static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

    record Run(
            String name,
            int indexed,
            double loadSeconds,
            BulkLoader.Summary load,
            long[] nanos,
            double duplicateShare,
            long heapAfterLoad,
            long databaseBytes) {

        double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    @Test
    void resolvingOneRecordAgainstAMillionStaysFast() throws Exception {
        int records = Integer.getInteger("benchmark.records", 1_000_000);
        Path dir = Path.of("target", "benchmark");
        Files.createDirectories(dir);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .start()) {
            Run baseline = run(postgres, "baseline", 10_000, 11, dir);
            Run big = run(postgres, "index", records, 7, dir);
            report(baseline, big);
            assertThat(big.percentile(99)).isPositive();
        }
    }

    private Run run(EmbeddedPostgres postgres, String name, int indexed, long seed, Path dir) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        DataSource dataSource = postgres.getDatabase("postgres", name);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        Path csv = dir.resolve("people-" + indexed + ".csv");
        int total = indexed + WARM_UP + ARRIVALS;
        if (!Files.exists(csv)) {
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                PeopleStream.write(seed, total, AS_OF, out);
            }
        }
        List<PersonRecord> all =
                CsvPersonReader.readAll(csv, CsvPersonReader.Mapping.simulator(java.util.Set.of("schools")), AS_OF);
        List<String> truth = truePersonIds(csv);
        List<PersonRecord> load = new ArrayList<>(all.subList(0, indexed));
        List<PersonRecord> arriving = new ArrayList<>(all.subList(indexed, total));
        Set<String> indexedPeople = new HashSet<>(truth.subList(0, indexed));
        long duplicates = truth.subList(indexed + WARM_UP, total).stream()
                .filter(indexedPeople::contains)
                .count();
        all = null;

        MatchSettings settings = MatchSettings.standard();
        BatchLinker linker = new BatchLinker(
                settings, BatchLinker.Options.defaults().withTrain(false).withHouseholds(true));
        StandardMatcher blockingOnly = StandardMatcher.standard();
        long start = System.nanoTime();
        BulkLoader.Summary summary = new BulkLoader(dataSource, blockingOnly, linker, Clock.systemUTC())
                .load(load, BatchLinker.Progress.NONE);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        load = null;
        analyse(dataSource);
        System.gc();
        long heap = heapUsed();

        IndexTermFrequencies frequencies = new IndexTermFrequencies(dataSource);
        PersonIndex index =
                new PersonIndex(dataSource, new StandardMatcher(settings, frequencies), frequencies, Clock.systemUTC());
        for (PersonRecord r : arriving.subList(0, WARM_UP)) {
            index.resolve(r);
        }
        long[] nanos = new long[ARRIVALS];
        for (int i = 0; i < ARRIVALS; i++) {
            PersonRecord r = arriving.get(WARM_UP + i);
            long t = System.nanoTime();
            index.resolve(r);
            nanos[i] = System.nanoTime() - t;
        }
        return new Run(
                name,
                indexed,
                loadSeconds,
                summary,
                nanos,
                (double) duplicates / ARRIVALS,
                heap,
                databaseSize(dataSource));
    }

    private static List<String> truePersonIds(Path csv) throws IOException {
        List<String> ids = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(in)) {
                ids.add(row.get("true_person_id"));
            }
        }
        return ids;
    }

    private static void analyse(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
    }

    private static long databaseSize(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long heapUsed() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static void report(Run baseline, Run big) {
        List<String> lines = new ArrayList<>();
        lines.add(
                String.format(Locale.ROOT, "| %-28s | %14s | %14s | %7s |", "", baseline.name(), big.name(), "ratio"));
        lines.add("|------------------------------|----------------|----------------|---------|");
        row(lines, "records indexed", baseline.indexed(), big.indexed(), "%,.0f");
        row(lines, "people after load", baseline.load().persons(), big.load().persons(), "%,.0f");
        row(lines, "bulk load, s", baseline.loadSeconds(), big.loadSeconds(), "%,.1f");
        row(
                lines,
                "  of which linking, s",
                baseline.load().linking().toMillis() / 1e3,
                big.load().linking().toMillis() / 1e3,
                "%,.1f");
        row(
                lines,
                "  of which writing, s",
                baseline.load().writing().toMillis() / 1e3,
                big.load().writing().toMillis() / 1e3,
                "%,.1f");
        row(
                lines,
                "load, records/s",
                baseline.indexed() / baseline.loadSeconds(),
                big.indexed() / big.loadSeconds(),
                "%,.0f");
        row(lines, "arrivals already indexed, %", baseline.duplicateShare() * 100, big.duplicateShare() * 100, "%.0f");
        for (double p : new double[] {50, 95, 99}) {
            row(lines, "resolve p" + (int) p + ", ms", baseline.percentile(p), big.percentile(p), "%.2f");
        }
        row(lines, "resolve max, ms", baseline.percentile(100), big.percentile(100), "%.2f");
        row(
                lines,
                "heap after load, MiB",
                baseline.heapAfterLoad() / 1048576.0,
                big.heapAfterLoad() / 1048576.0,
                "%,.0f");
        row(
                lines,
                "PostgreSQL size, MiB",
                baseline.databaseBytes() / 1048576.0,
                big.databaseBytes() / 1048576.0,
                "%,.0f");
        lines.add(String.format(
                Locale.ROOT,
                "peak heap of the run %,d MiB (max %,d MiB); %d cores",
                peakHeap() / 1048576,
                Runtime.getRuntime().maxMemory() / 1048576,
                Runtime.getRuntime().availableProcessors()));
        lines.forEach(l -> System.out.println("BENCHMARK " + l));
    }

    private static void row(List<String> lines, String label, double a, double b, String format) {
        lines.add(String.format(
                Locale.ROOT,
                "| %-28s | %14s | %14s | %7s |",
                label,
                String.format(Locale.ROOT, format, a),
                String.format(Locale.ROOT, format, b),
                a == 0 ? "" : String.format(Locale.ROOT, "%.2f", b / a)));
    }
}
