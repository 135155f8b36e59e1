package org.earlyhelp.hub.matching.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.earlyhelp.hub.matching.compare.ComparisonLevel;
import org.earlyhelp.hub.matching.model.Comparison;
import org.earlyhelp.hub.matching.model.FellegiSunterModel;

/**
 * The parameters of the {@link StandardMatcher}: m and u per comparison level, the prior lambda, the thresholds and the
 * term-frequency floor. Saved and loaded as JSON; unknown keys fail, so a misspelt setting is never silently ignored.
 *
 * @param description where the parameters came from
 * @param lambda the probability that two records drawn at random are the same person
 * @param priorRecords the number of records lambda was estimated over, or null if not known; with it lambda is read
 *     for a load of another size ({@link #forRecords}), since a record has about as many other records of its person
 *     however many records there are, and so lambda falls as 1 / records
 * @param linkThreshold the match weight (log2 odds) at or above which a pair is linked
 * @param reviewThreshold the match weight at or above which an unlinked pair goes to clerical review
 * @param termFrequencyMinimumU the floor on a name's frequency when it replaces u for exact agreement
 * @param comparisons comparison name to level name to its m and u; a level left out weighs 0
 */
public record MatchSettings(
        String description,
        double lambda,
        Long priorRecords,
        double linkThreshold,
        double reviewThreshold,
        double termFrequencyMinimumU,
        Map<String, Map<String, Probabilities>> comparisons) {

    /** P(level | match) and P(level | non-match). */
    public record Probabilities(double m, double u) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public MatchSettings {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1): " + lambda);
        }
        if (priorRecords != null && priorRecords < 2) {
            throw new IllegalArgumentException("priorRecords must be at least 2: " + priorRecords);
        }
        if (reviewThreshold > linkThreshold) {
            throw new IllegalArgumentException(
                    "reviewThreshold " + reviewThreshold + " is above linkThreshold " + linkThreshold);
        }
        Objects.requireNonNull(comparisons, "comparisons");
        Map<String, Map<String, Probabilities>> copy = new LinkedHashMap<>();
        comparisons.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        comparisons = java.util.Collections.unmodifiableMap(copy);
    }

    /** The shipped parameters ({@code standard-match-settings.json}); see its description for their origin. */
    public static MatchSettings standard() {
        try (InputStream in = MatchSettings.class.getResourceAsStream("standard-match-settings.json")) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped match settings", e);
        }
    }

    public static MatchSettings load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read match settings from " + file + ": " + e.getMessage(), e);
        }
    }

    public static MatchSettings read(InputStream in) throws IOException {
        return JSON.readValue(in, MatchSettings.class);
    }

    public void save(Path file) {
        try {
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write match settings to " + file, e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A short digest of everything that decides a link (lambda, thresholds, floor, every m and u; not the description):
     * {@code ms-} and 12 hex digits of its SHA-256. The same settings give the same version on any machine. Where
     * priorRecords is known, lambda enters as lambda * (priorRecords - 1) (to 9 significant digits), the quantity
     * {@link #forRecords} keeps: settings read for a larger load keep the version of the model they came from.
     */
    public String version() {
        Map<String, Object> decisive = new LinkedHashMap<>();
        if (priorRecords == null) {
            decisive.put("lambda", lambda);
        } else {
            decisive.put(
                    "otherRecordsPerRecord",
                    new java.math.BigDecimal(lambda * (priorRecords - 1))
                            .round(new java.math.MathContext(9))
                            .doubleValue());
        }
        decisive.put("linkThreshold", linkThreshold);
        decisive.put("reviewThreshold", reviewThreshold);
        decisive.put("termFrequencyMinimumU", termFrequencyMinimumU);
        decisive.put("comparisons", comparisons);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(decisive).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "ms-" + java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same parameters with other thresholds, both as match weights. */
    public MatchSettings withThresholds(double link, double review) {
        return new MatchSettings(description, lambda, priorRecords, link, review, termFrequencyMinimumU, comparisons);
    }

    /** The same parameters, lambda noted as estimated over {@code records} records. */
    public MatchSettings withPriorRecords(long records) {
        return new MatchSettings(
                description, lambda, records, linkThreshold, reviewThreshold, termFrequencyMinimumU, comparisons);
    }

    /**
     * The prior read for a load of {@code records} records: lambda times (priorRecords - 1) / (records - 1) when the
     * load is larger than the one lambda was estimated over, so the expected number of other records of one person
     * stays what it was; unchanged for a smaller load or when priorRecords is not known (a smaller load is not given a
     * higher prior than was measured: it would link more readily on less evidence). The {@link #version()} stays the
     * model's.
     */
    public MatchSettings forRecords(long records) {
        if (priorRecords == null || records <= priorRecords) {
            return this;
        }
        double scaled = lambda * (priorRecords - 1) / (records - 1);
        return new MatchSettings(
                description, scaled, records, linkThreshold, reviewThreshold, termFrequencyMinimumU, comparisons);
    }

    /** The same thresholds and floor with the parameters of a (trained) model. */
    public MatchSettings withModel(FellegiSunterModel model, String newDescription) {
        Map<String, Map<String, Probabilities>> values = new LinkedHashMap<>();
        List<Comparison> list = model.comparisons();
        for (int k = 0; k < list.size(); k++) {
            Map<String, Probabilities> levels = new LinkedHashMap<>();
            List<ComparisonLevel> all = list.get(k).levels();
            for (int level = 0; level < all.size(); level++) {
                if (!all.get(level).isNull()) {
                    levels.put(all.get(level).name(), new Probabilities(model.m(k, level), model.u(k, level)));
                }
            }
            values.put(list.get(k).name(), levels);
        }
        return new MatchSettings(
                newDescription,
                model.lambda(),
                priorRecords,
                linkThreshold,
                reviewThreshold,
                termFrequencyMinimumU,
                values);
    }

    /** A model over these comparisons; a comparison or level missing from the settings weighs 0 (m = u). */
    public FellegiSunterModel toModel(List<Comparison> list) {
        double[][] m = new double[list.size()][];
        double[][] u = new double[list.size()][];
        for (int k = 0; k < list.size(); k++) {
            Map<String, Probabilities> levels =
                    comparisons.getOrDefault(list.get(k).name(), Map.of());
            List<ComparisonLevel> all = list.get(k).levels();
            m[k] = new double[all.size()];
            u[k] = new double[all.size()];
            for (int level = 0; level < all.size(); level++) {
                Probabilities p = levels.get(all.get(level).name());
                m[k][level] = p == null ? 1 : p.m();
                u[k][level] = p == null ? 1 : p.u();
            }
        }
        return new FellegiSunterModel(list, m, u, lambda);
    }

    /** The match weight {@code log2(p / (1 - p))} of a match probability. */
    public static double weightOf(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("a probability must be in (0, 1): " + probability);
        }
        return Math.log(probability / (1 - probability)) / Math.log(2);
    }

    /** The match probability {@code 2^w / (1 + 2^w)} of a match weight. */
    public static double probabilityOf(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }
}
