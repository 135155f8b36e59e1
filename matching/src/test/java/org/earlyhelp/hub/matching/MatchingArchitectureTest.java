package org.earlyhelp.hub.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** matching/ stays plain Java, so identity resolution can be tested and reused without a broker or a server. */
@AnalyzeClasses(packages = "org.earlyhelp.hub.matching", importOptions = ImportOption.DoNotIncludeTests.class)
class MatchingArchitectureTest {

    @ArchTest
    static final ArchRule matchingIsPlainJava = noClasses()
            .that()
            .resideInAPackage("org.earlyhelp.hub.matching..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.camel..",
                    "org.apache.kafka..",
                    "org.springframework..",
                    "jakarta.servlet..",
                    "java.net.http..",
                    "org.earlyhelp.hub.routes..",
                    "org.earlyhelp.hub.connector..",
                    "org.earlyhelp.hub.app..")
            .because("matching/ must run in a unit test without a broker or a web server: keep transport in routes/"
                    + " and pass plain values in");
}
