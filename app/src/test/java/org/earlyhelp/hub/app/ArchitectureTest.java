package org.earlyhelp.hub.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /** Every module under connectors/ but the contract itself is one partner's. */
    @ArchTest
    static final ArchRule connectorsNeverImportEachOther = slices().matching("org.earlyhelp.hub.connector.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(
                    DescribedPredicate.alwaysTrue(),
                    JavaClass.Predicates.resideInAPackage("org.earlyhelp.hub.connector.api.."))
            .because("connectors never import each other: share through the connector API, schemas/ or governance");

    /**
     * The payload types the hub had before the connector contract: generated in schemas/ (records already stored
     * name their schemas there), registered by their connectors like any other. New types live in their connector.
     */
    static final java.util.Set<String> FIRST_PAYLOADS = java.util.Set.of(
            "org.earlyhelp.hub.schema.DomesticAbuseIncident",
            "org.earlyhelp.hub.schema.SchoolAttendance",
            "org.earlyhelp.hub.schema.HealthInvolvement",
            "org.earlyhelp.hub.schema.CaseInvolvement");

    @ArchTest
    static final ArchRule partnerClassesLiveInTheirConnector = noClasses()
            .that()
            .resideOutsideOfPackages("org.earlyhelp.hub.connector..", "org.earlyhelp.hub.simulator..")
            .and(DescribedPredicate.describe(
                    "are not one of the first four payload types",
                    (JavaClass c) -> !FIRST_PAYLOADS.contains(c.getName())))
            .should()
            .haveSimpleNameStartingWith("Police")
            .orShould()
            .haveSimpleNameStartingWith("School")
            .orShould()
            .haveSimpleNameStartingWith("Housing")
            .orShould()
            .haveSimpleNameStartingWith("CaseSystem")
            .orShould()
            .haveSimpleNameStartingWith("Health")
            .because("a partner is one module: its classes live in connectors/<partner>/");

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
    static final ArchRule onlyTheAppKnowsTheConnectors = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.earlyhelp.hub.routes..", "org.earlyhelp.hub.governance..", "org.earlyhelp.hub.matching..")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.earlyhelp.hub.connector..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("org.earlyhelp.hub.connector.api..")))
            .because("routes/, governance/ and matching/ know partners only through the connector API;"
                    + " partner specifics stay in connectors/");

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
