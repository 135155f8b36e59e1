package org.earlyhelp.hub.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency directions of architecture.md, checked on every build. */
@AnalyzeClasses(packages = "org.earlyhelp.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule governanceIsPlainJava = noClasses()
            .that()
            .resideInAPackage("org.earlyhelp.hub.governance..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.camel..",
                    "org.apache.kafka..",
                    "org.springframework..",
                    "jakarta.servlet..",
                    "java.net.http..")
            .because("governance/ must run in a unit test without a broker or a web server: move transport code to"
                    + " routes/ or a connector and pass plain values in");

    @ArchTest
    static final ArchRule connectorsNeverImportEachOther = noClasses()
            .that()
            .resideInAPackage("org.earlyhelp.hub.connector.police..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.earlyhelp.hub.connector.schools..")
            .because("connectors never import each other: share through schemas/ or the governance API");

    @ArchTest
    static final ArchRule schoolsConnectorDoesNotImportPolice = noClasses()
            .that()
            .resideInAPackage("org.earlyhelp.hub.connector.schools..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.earlyhelp.hub.connector.police..")
            .because("connectors never import each other: share through schemas/ or the governance API");

    @ArchTest
    static final ArchRule lowerLayersDoNotReachUp = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.earlyhelp.hub.schema..",
                    "org.earlyhelp.hub.governance..",
                    "org.earlyhelp.hub.routes..",
                    "org.earlyhelp.hub.connector..",
                    "org.earlyhelp.hub.simulator..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.earlyhelp.hub.app..")
            .because("only the application wires things together; move shared code down into governance/ or schemas/");

    @ArchTest
    static final ArchRule routesDoNotImportConnectors = noClasses()
            .that()
            .resideInAPackage("org.earlyhelp.hub.routes..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.earlyhelp.hub.connector..")
            .because("routes/ are the hub's own flows; partner specifics stay in connectors/");

    @ArchTest
    static final ArchRule simulatorOnlyUsesSchemas = noClasses()
            .that()
            .resideInAPackage("org.earlyhelp.hub.simulator..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.earlyhelp.hub.governance..", "org.earlyhelp.hub.routes..", "org.earlyhelp.hub.connector..")
            .because("the simulator plays the partners from outside the hub and may only share the schemas");
}
