package org.earlyhelp.hub.app.agreements;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLint;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.governance.agreement.ConnectorFacts;
import org.earlyhelp.hub.governance.agreement.LintProblem;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agreements the decision point consults. A reload replaces them all at once, and only if the whole directory
 * lints without errors: a broken edit never leaves the hub with half a set of agreements.
 */
public class AgreementCatalogue implements Supplier<List<Agreement>> {

    private static final Logger log = LoggerFactory.getLogger(AgreementCatalogue.class);

    private final Path dir;
    private final FieldCatalogue catalogue;
    private final ConnectorFacts facts;
    private final AtomicReference<List<Agreement>> current = new AtomicReference<>();

    /** The agreements of {@code dir}, linted against the fields and capabilities of the connectors. */
    public AgreementCatalogue(Path dir, Connectors connectors) {
        this.catalogue =
                new FieldCatalogue(org.earlyhelp.hub.analytics.export.DatasetTypes.with(connectors.payloadTypes()));
        this.facts = connectors.facts();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no agreements directory at " + dir.toAbsolutePath()
                    + ": run the hub from the repository root or set hub.agreements.dir");
        }
        this.dir = dir;
        List<LintProblem> errors = reload();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the agreements in " + dir + " have errors:\n"
                    + String.join(
                            "\n", errors.stream().map(LintProblem::toString).toList()));
        }
    }

    /** Reloads the directory; returns the errors that prevented it (the agreements in force are then unchanged). */
    public synchronized List<LintProblem> reload() {
        List<LintProblem> errors = AgreementLint.lint(dir, catalogue, facts).stream()
                .filter(LintProblem::isError)
                .toList();
        if (!errors.isEmpty()) {
            log.warn("agreements not reloaded: {} error(s) in {}", errors.size(), dir);
            return errors;
        }
        List<Agreement> agreements = AgreementLoader.loadDirectory(dir);
        current.set(agreements);
        agreements.forEach(a -> log.info(
                "agreement in force: id={} version={} status={}",
                a.id(),
                a.version(),
                a.status().yamlName()));
        return List.of();
    }

    /**
     * A proposed file tried beside the agreements in force, without touching them: the directory is copied aside with
     * {@code fileName} written as {@code yaml}, then linted whole. Problems name {@code fileName}; the agreements are
     * the set the hub would then enforce, or null when the lint found an error.
     */
    public Trial trial(String fileName, String yaml) {
        if (!fileName.matches("[a-z][a-z0-9-]*\\.yaml") || fileName.equals(AgreementLoader.REGISTRY_FILE)) {
            throw new IllegalArgumentException("an agreement's file is <id>.yaml, lower-case letters, digits and '-'");
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("agreement-trial");
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, scratch.resolve(f.getFileName()));
                }
            }
            Files.writeString(scratch.resolve(fileName), yaml);
            List<LintProblem> problems = AgreementLint.lint(scratch, catalogue, facts);
            List<LintProblem> named = problems.stream()
                    .map(p -> new LintProblem(
                            Path.of(p.file().getFileName().toString()), p.line(), p.severity(), p.message()))
                    .toList();
            boolean errors = problems.stream().anyMatch(LintProblem::isError);
            return new Trial(named, errors ? null : AgreementLoader.loadDirectory(scratch));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                try (var files = Files.list(scratch)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(scratch);
                } catch (java.io.IOException ignored) {
                    // a temporary copy left behind holds agreements only, never personal data
                }
            }
        }
    }

    /** What a proposed file would do: the lint's problems, and the agreements then in force (null on an error). */
    public record Trial(List<LintProblem> problems, List<Agreement> agreements) {
        public boolean clean() {
            return agreements != null;
        }
    }

    /** The directory the board's files live in. */
    public Path dir() {
        return dir;
    }

    @Override
    public List<Agreement> get() {
        return current.get();
    }
}
