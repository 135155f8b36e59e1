package org.earlyhelp.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A partner is one module: no partner's name appears as a string in the hub's own code (schemas, governance,
 * matching, routes, the application), only in connectors/, agreements/, the simulator and configuration. ArchUnit sees
 * classes, not string constants, so this reads the sources. The few files listed below are the configuration the
 * rule allows (development credentials name the organisations they stand for); each entry says why.
 */
class PartnerNamesTest {

    static final Pattern PARTNER_LITERAL =
            Pattern.compile("\"(police|schools|health|housing|casesystem|council)(\"|:|/)");

    static final List<String> HUB_CODE = List.of(
            "schemas/src/main",
            "governance/src/main",
            "matching/src/main",
            "analytics/src/main/java",
            "routes/src/main",
            "app/src/main");

    /** Configuration written as code: each names organisations, not partner logic. */
    static final Set<String> CONFIGURATION = Set.of(
            // the development credentials of the embedded run, one per organisation
            "app/src/main/java/org/earlyhelp/hub/app/security/DevelopmentCredentials.java");

    @Test
    void noPartnerNameAppearsInTheHubsOwnCode() throws IOException {
        Path root = Path.of("..");
        List<String> found = new ArrayList<>();
        for (String dir : HUB_CODE) {
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (CONFIGURATION.contains(relative)) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = PARTNER_LITERAL.matcher(lines.get(i));
                        if (m.find()
                                && !lines.get(i).strip().startsWith("*")
                                && !lines.get(i).strip().startsWith("//")) {
                            found.add(relative + ":" + (i + 1) + " names " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("partner names belong in connectors/, agreements/, simulator/ or configuration")
                .isEmpty();
    }

    @Test
    void theRuleSeesAPartnerName() {
        assertThat(PARTNER_LITERAL.matcher("String p = \"housing\";").find()).isTrue();
        assertThat(PARTNER_LITERAL
                        .matcher("Organisation.parse(\"schools:123456\")")
                        .find())
                .isTrue();
        assertThat(PARTNER_LITERAL.matcher("String p = \"housingish\";").find()).isFalse();
    }
}
