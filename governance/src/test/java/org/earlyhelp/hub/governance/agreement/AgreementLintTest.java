package org.earlyhelp.hub.governance.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementLintTest {

    private static final String ID = AgreementLoaderTest.ID;
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @TempDir
    Path dir;

    @BeforeEach
    void copyRegistry() throws IOException {
        Files.copy(
                AgreementLoaderTest.SHIPPED.resolve(AgreementLoader.REGISTRY_FILE),
                dir.resolve(AgreementLoader.REGISTRY_FILE));
    }

    // The shipped agreements are linted against every connector's types by HubCommandLineTest (the app sees them all;
    // governance sees only the payload types of schemas/).

    @Test
    void unknownFieldFailsAtItsLineSuggestingTheNearestField() throws IOException {
        // Given
        write(AgreementLoaderTest.shipped().replace("child.date-of-birth:", "child.date-of-brith:"));

        // When
        List<LintProblem> problems = lint();

        // Then
        assertThat(problems)
                .singleElement()
                .hasToString(dir.resolve(ID + ".yaml")
                        + ":13: error: unknown field 'child.date-of-brith' for domestic-abuse-incident:"
                        + " did you mean 'child.date-of-birth'?");
    }

    @Test
    void unknownPartnerFailsAtItsLine() throws IOException {
        // Given
        write(AgreementLoaderTest.shipped().replace("recipients: [schools]", "recipients: [schools, libraries]"));

        // When
        List<LintProblem> problems = lint();

        // Then
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.severity()).isEqualTo(LintProblem.Severity.ERROR);
            assertThat(p.message()).startsWith("unknown partner 'libraries'");
        });
    }

    @Test
    void unknownPurposeAndPayloadTypeFail() throws IOException {
        // Given
        write(AgreementLoaderTest.shipped()
                .replace("purpose: safeguarding/domestic-abuse-notification", "purpose: marketing")
                .replace("type: domestic-abuse-incident", "type: burglary"));

        // When
        List<LintProblem> problems = lint();

        // Then
        assertThat(problems)
                .satisfiesExactly(
                        p -> assertThat(p.line() + ": " + p.message()).startsWith("7: unknown purpose 'marketing'"),
                        p -> assertThat(p.line() + ": " + p.message())
                                .startsWith("10: unknown payload type 'burglary'"));
    }

    @Test
    void problemsInEveryFileAreReportedNotJustTheFirst() throws IOException {
        // Given
        write(AgreementLoaderTest.shipped().replace("title:", "titel:"));
        Files.writeString(dir.resolve("other.yaml"), AgreementLoaderTest.shipped());

        // When
        List<LintProblem> problems = lint();

        // Then
        assertThat(problems).extracting(p -> p.file().getFileName().toString()).contains("other.yaml", ID + ".yaml");
    }

    @Test
    void overdueReviewAndLapsedApprovalAreOnlyWarnings() throws IOException {
        // Given
        write(AgreementLoaderTest.shipped()
                .replace(
                        "lawful-basis: { article-6: public-task, article-9: dpa-2018-sch1-para18,",
                        "lawful-basis: { article-6: public-task,")
                .replace("criminal-offence-data: true", "criminal-offence-data: false"));

        // When
        List<LintProblem> problems = AgreementLint.lint(
                dir,
                new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE),
                FACTS,
                LocalDate.of(2027, 9, 1));

        // Then
        assertThat(problems)
                .allMatch(p -> p.severity() == LintProblem.Severity.WARNING)
                .extracting(LintProblem::line)
                .containsExactly(8, 20, 20);
    }

    @Test
    void aPullNamingAnUnregisteredPurposeOrARelationshipNoRecipientCanHoldFailsAtItsLines() throws IOException {
        // Given a pull block for schools asking for an unknown purpose through a tenancy
        write(AgreementLoaderTest.shipped()
                .replace(
                        "retention: P1Y",
                        "pull:\n  purposes: [marketing]\n  relationships: [pupil-on-roll, tenancy]\nretention: P1Y"));

        // When
        List<LintProblem> problems = lint();

        // Then each is an error at its own line
        assertThat(problems)
                .filteredOn(p -> p.severity() == LintProblem.Severity.ERROR)
                .extracting(LintProblem::line, LintProblem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                20, "unknown purpose 'marketing': add it to registry.yaml or correct it"),
                        org.assertj.core.groups.Tuple.tuple(
                                21, "no recipient can hold a 'tenancy' relationship (held by [housing])"));
    }

    @Test
    void aConsentCollectorMustBeARegisteredPartner() throws IOException {
        // Given
        write(AgreementLoaderTest.shipped()
                .replace("consent: not-required", "consent: { required: true, collector: libraries }"));

        // When
        List<LintProblem> problems = lint();

        // Then
        assertThat(problems)
                .filteredOn(p -> p.severity() == LintProblem.Severity.ERROR)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.message()).startsWith("unknown partner 'libraries'");
                });
    }

    /** The connectors of the shipped hub: schools deliver; each type from its own partners. */
    static final ConnectorFacts FACTS = new ConnectorFacts(
            java.util.Set.of("schools"),
            java.util.Map.of(
                    "domestic-abuse-incident", java.util.Set.of("police"),
                    "school-attendance", java.util.Set.of("schools", "council"),
                    "health-involvement", java.util.Set.of("health"),
                    "case-involvement", java.util.Set.of("casesystem")),
            java.util.Map.of(
                    org.earlyhelp.hub.governance.relationship.RelationshipKind.PUPIL_ON_ROLL,
                    java.util.Set.of("schools"),
                    org.earlyhelp.hub.governance.relationship.RelationshipKind.OPEN_INVOLVEMENT,
                    java.util.Set.of("casesystem", "health"),
                    org.earlyhelp.hub.governance.relationship.RelationshipKind.ROLL_RECORD,
                    java.util.Set.of("council"),
                    org.earlyhelp.hub.governance.relationship.RelationshipKind.TENANCY,
                    java.util.Set.of("housing")));

    @Test
    void aDeliverAgreementToAPartnerNoConnectorDeliversToIsAnErrorNamingFileAndLine() throws IOException {
        // Given the shipped Operation Encompass agreement, but with a recipient that has no outbound connector
        write(AgreementLoaderTest.shipped().replace("recipients: [schools]", "recipients: [housing]"));

        // When
        List<LintProblem> problems = lint();

        // Then
        assertThat(problems).filteredOn(LintProblem::isError).anySatisfy(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo(ID + ".yaml");
            assertThat(p.line()).isGreaterThan(0);
            assertThat(p.message()).startsWith("no outbound connector delivers to 'housing'");
        });
    }

    @Test
    void aRecordTypeNoConnectorBringsInFromTheProviderIsAnError() throws IOException {
        // Given the shipped agreement claiming domestic abuse incidents come from schools
        write(AgreementLoaderTest.shipped().replace("provider: police", "provider: schools"));

        // When
        List<LintProblem> problems = lint();

        // Then
        assertThat(problems).filteredOn(LintProblem::isError).anySatisfy(p -> assertThat(p.message())
                .startsWith("no connector brings in 'domestic-abuse-incident' records from 'schools'"));
    }

    @Test
    void theShippedAgreementHasEveryGovernanceHeadingAndLintsClean() throws IOException {
        write(AgreementLoaderTest.shipped());

        assertThat(lint()).as("no error and no warning about its headings").isEmpty();
    }

    @Test
    void anUnknownGovernanceTermFailsAtItsLineSuggestingTheNearest() throws IOException {
        String yaml = AgreementLoaderTest.shipped().replace("[no-onward-transfer,", "[no-onward-transfers,");
        write(yaml);

        assertThat(lint()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(lineOf(yaml, "  restrictions:"));
            assertThat(p.message())
                    .isEqualTo("unknown restriction 'no-onward-transfers' (governance-terms.yaml):"
                            + " did you mean 'no-onward-transfer'?");
        });
    }

    @Test
    void aLawfulBasisOutsideTheVocabularyIsAnError() throws IOException {
        write(AgreementLoaderTest.shipped().replace("article-6: public-task", "article-6: public-tasks"));

        assertThat(lint()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("unknown article-6 'public-tasks'", "did you mean 'public-task'?");
        });
    }

    @Test
    void aRecipientThatIsNotAPartyIsAnErrorNamingTheFix() throws IOException {
        write(AgreementLoaderTest.shipped()
                .replace(
                        "    - { partner: schools, role: controller, name: \"Each school in the area, on adhering to"
                                + " this agreement\", adherence: true }\n",
                        ""));

        assertThat(lint()).filteredOn(LintProblem::isError).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("'schools' shares or receives under this agreement but is not among governance.parties"));
    }

    @Test
    void criminalOffenceDataWithoutAnArticle9ConditionIsAnError() throws IOException {
        write(AgreementLoaderTest.shipped().replace(" article-9: dpa-2018-sch1-para18,", ""));

        assertThat(lint()).filteredOn(LintProblem::isError).singleElement().satisfies(p -> assertThat(p.message())
                .contains("criminal-offence data flows", "no article-9 condition"));
    }

    @Test
    void anAgreementWithoutTheHeadingsIsEnforcedButWarned() throws IOException {
        String shipped = AgreementLoaderTest.shipped();
        write(shipped.substring(0, shipped.indexOf("\n# The headings of the ICO")));

        assertThat(lint()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).startsWith("no governance headings");
        });
    }

    @Test
    void aNewVersionPermitsNothingUntilItsPartiesApproveIt() throws IOException {
        // Given the shipped agreement (a statutory duty: the provider and the council approve) raised to version 2
        write(AgreementLoaderTest.shipped().replace("version: 1\n", "version: 2\n"));

        // Then it is not in force, and the lint says whose approval is missing
        Agreement a = AgreementLoader.load(dir.resolve(ID + ".yaml"));
        assertThat(a.unapprovedParties()).containsExactly("police", "council");
        assertThat(a.inForceOn(TODAY)).isFalse();
        assertThat(lint()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).contains("version 2 is not yet approved by police, council");
        });

        // When both approve version 2, it is in force again
        write(AgreementLoaderTest.shipped()
                .replace("version: 1\n", "version: 2\n")
                .replace("date: 2025-08-20, version: 1 }", "date: 2025-08-20, version: 2 }"));
        Agreement approved = AgreementLoader.load(dir.resolve(ID + ".yaml"));
        assertThat(approved.unapprovedParties()).isEmpty();
        assertThat(approved.inForceOn(TODAY)).isTrue();
        assertThat(lint()).isEmpty();
    }

    @Test
    void withoutAStatutoryDutyEveryPartyMustApproveAndOnlyAPartyMay() throws IOException {
        // Given the duty taken away and the schools a party that approves as one (not by adhering): they must approve
        write(AgreementLoaderTest.shipped()
                .replaceAll("  statutory-duty: [^\n]*\n", "")
                .replace(", adherence: true }", " }"));
        assertThat(AgreementLoader.load(dir.resolve(ID + ".yaml")).unapprovedParties())
                .containsExactly("schools");

        // and an approval by a partner that is not a party is an error at its line
        write(AgreementLoaderTest.shipped().replace("    - { party: council,", "    - { party: housing,"));
        assertThat(lint()).filteredOn(LintProblem::isError).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("'housing' approves but is not among governance.parties"));
    }

    @Test
    void aSafeguardingOverrideCitesOnlyGatewaysThatLiftConsentAndKnownRoles() throws Exception {
        String consented = AgreementLoaderTest.shipped()
                .replace("consent: not-required", "consent: { required: true, collector: health }");
        // Given an override citing s11 (not one that may lift consent) and a role no vocabulary knows
        String yaml = consented
                + "safeguarding-override:\n  reasons: [children-act-1989-s47, children-act-2004-s11]\n"
                + "  roles: [social-workr]\n  max-hours: 72\n";
        write(yaml);
        // Then each is an error at its line, naming the fix
        List<LintProblem> errors = lint().stream().filter(LintProblem::isError).toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).message())
                .contains("'children-act-2004-s11' is not a gateway that may lift consent")
                .contains("children-act-1989-s47", "dpa-2018-sch1-para18");
        assertThat(errors.get(0).line()).isEqualTo(lineOf(yaml, "  reasons:"));
        assertThat(errors.get(1).message())
                .contains("unknown professional-role 'social-workr'", "did you mean 'social-worker'?");
        // And an override under an agreement that needs no consent has nothing to lift: a warning
        write(AgreementLoaderTest.shipped()
                + "safeguarding-override:\n  reasons: [children-act-1989-s47]\n  roles: [social-worker]\n"
                + "  max-hours: 72\n");
        assertThat(lint()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).contains("does not require consent, so an override has nothing to lift");
        });
        // And a well-formed one is clean, and longer than 720 hours is refused by the schema
        write(consented + "safeguarding-override:\n  reasons: [children-act-1989-s47]\n  roles: [social-worker]\n"
                + "  max-hours: 72\n");
        assertThat(lint()).isEmpty();
        write(consented + "safeguarding-override:\n  reasons: [children-act-1989-s47]\n  roles: [social-worker]\n"
                + "  max-hours: 2000\n");
        assertThat(lint()).filteredOn(LintProblem::isError).isNotEmpty();
    }

    private static int lineOf(String yaml, String prefix) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + prefix);
    }

    private List<LintProblem> lint() {
        return AgreementLint.lint(
                dir, new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE), FACTS, TODAY);
    }

    private void write(String yaml) throws IOException {
        Files.writeString(dir.resolve(ID + ".yaml"), yaml);
    }
}
