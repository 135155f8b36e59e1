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
        this.catalogue = new FieldCatalogue(connectors.payloadTypes());
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

    @Override
    public List<Agreement> get() {
        return current.get();
    }
}
