package org.earlyhelp.hub.connector.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.governance.agreement.AgreementLint;
import org.earlyhelp.hub.governance.agreement.ConnectorFacts;
import org.earlyhelp.hub.governance.agreement.LintProblem;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.governance.relationship.RelationshipKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's housing agreements pass the lint against the payload types this connector registers. */
class HousingAgreementsTest {

    private static final Path AGREEMENTS = Path.of("..", "..", "agreements");

    @Test
    void everyHousingAgreementPassesTheLintAgainstTheRegisteredTypes(@TempDir Path dir) throws IOException {
        // Given the housing agreements and the registry, alone (the other partners' connectors are not here)
        List<Path> housing;
        try (Stream<Path> files = Files.list(AGREEMENTS)) {
            housing = files.filter(p -> p.getFileName().toString().startsWith("housing-"))
                    .toList();
        }
        for (Path p : housing) {
            Files.copy(p, dir.resolve(p.getFileName()));
        }
        Files.copy(AGREEMENTS.resolve("registry.yaml"), dir.resolve("registry.yaml"));
        Files.copy(AGREEMENTS.resolve("agreement.schema.json"), dir.resolve("agreement.schema.json"));
        Connectors connectors = Connectors.discover();

        // When they are linted
        // the case system's connector (not a dependency of this module) establishes the open involvement they rest on;
        // the application's build lints every agreement with every connector
        ConnectorFacts facts = connectors.facts();
        Map<RelationshipKind, Set<String>> holders = new HashMap<>(facts.holders());
        holders.put(RelationshipKind.OPEN_INVOLVEMENT, Set.of("casesystem"));
        List<LintProblem> problems = AgreementLint.lint(
                dir,
                new FieldCatalogue(connectors.payloadTypes()),
                new ConnectorFacts(facts.delivering(), facts.providersOfType(), holders));

        // Then there are three, and no errors
        assertThat(housing).hasSize(3);
        assertThat(problems).filteredOn(LintProblem::isError).isEmpty();
    }
}
