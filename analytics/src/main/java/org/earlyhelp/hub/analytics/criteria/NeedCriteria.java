package org.earlyhelp.hub.analytics.criteria;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.earlyhelp.hub.governance.agreement.LintProblem;

/**
 * The council's criteria for identifying needs and evidencing outcomes, as loaded from {@code needs-criteria.yaml}.
 *
 * @param familyThreshold how many needs make a family one to list (three in the framework)
 * @param sustainMonths how long a resolved need must stay resolved after the case closed to count as sustained
 * @param caseClosure what closes a case for a person (the clock of a resolved need starts at the first closure on or
 *     after the resolution); null when the criteria do not track closures
 */
public record NeedCriteria(
        int version, int familyThreshold, int sustainMonths, Indicator caseClosure, List<Outcome> outcomes) {

    /** The criteria the hub ships, in this module's resources. */
    public static final String SHIPPED = "needs-criteria.yaml";

    public NeedCriteria {
        outcomes = List.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
    }

    /** Every record type some indicator reads. */
    public Set<String> types() {
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (Outcome o : outcomes) {
            o.need().forEach(i -> types.add(i.type()));
            o.resolved().forEach(i -> types.add(i.type()));
        }
        if (caseClosure != null) {
            types.add(caseClosure.type());
        }
        return types;
    }

    public Outcome outcome(String id) {
        return outcomes.stream()
                .filter(o -> o.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outcome " + id));
    }

    /** The shipped criteria, linted against {@code vocabulary}; a problem in them is a bug of the hub. */
    public static NeedCriteria shipped(CriteriaVocabulary vocabulary) {
        try (InputStream in = NeedCriteria.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the classpath");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CriteriaLoader.Result result = CriteriaLoader.load(Path.of(SHIPPED), reader, vocabulary);
            return result.orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The criteria a council keeps in {@code file}; errors name the file and line. */
    public static NeedCriteria load(Path file, CriteriaVocabulary vocabulary) {
        return CriteriaLoader.load(file, vocabulary).orThrow();
    }

    /** Criteria that did not pass their lint; the message lists every error, one per line. */
    public static final class InvalidCriteria extends RuntimeException {
        private final List<LintProblem> problems;

        InvalidCriteria(List<LintProblem> problems) {
            super(problems.stream()
                    .filter(LintProblem::isError)
                    .map(LintProblem::toString)
                    .reduce((a, b) -> a + "\n" + b)
                    .orElse("invalid criteria"));
            this.problems = List.copyOf(problems);
        }

        public List<LintProblem> problems() {
            return problems;
        }
    }
}
