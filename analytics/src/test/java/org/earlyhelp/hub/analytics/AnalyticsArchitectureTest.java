package org.earlyhelp.hub.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** analytics/ stays plain Java: needs, reports and disclosure control run in a unit test without a broker or server. */
@AnalyzeClasses(packages = "org.earlyhelp.hub.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class AnalyticsArchitectureTest {

    @ArchTest
    static final ArchRule analyticsIsPlainJava = noClasses()
            .that()
            .resideInAPackage("org.earlyhelp.hub.analytics..")
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
            .because("analytics/ must run in a unit test without a broker or a web server: keep transport in routes/"
                    + " and pass plain values in");
}
