package org.earlyhelp.hub.governance.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementLoaderTest {

    static final Path SHIPPED = Path.of("..", "agreements");
    static final String ID = "police-to-schools-domestic-abuse";

    @TempDir
    Path dir;

    @Test
    void shippedAgreementLoadsIntoTheExpectedRecord() {
        // When
        Agreement a = AgreementLoader.load(SHIPPED.resolve(ID + ".yaml"));

        // Then
        assertThat(a.id()).isEqualTo(ID);
        assertThat(a.title()).isEqualTo("Operation Encompass notifications");
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.status()).isEqualTo(AgreementStatus.APPROVED);
        assertThat(a.provider()).isEqualTo("police");
        assertThat(a.recipients()).containsExactly("schools");
        assertThat(a.purpose()).isEqualTo("safeguarding/domestic-abuse-notification");
        assertThat(a.lawfulBasis())
                .isEqualTo(new Agreement.LawfulBasis(
                        "public-task",
                        "dpa-2018-sch1-para18",
                        List.of("domestic-abuse-act-2021-s49a", "children-act-2004-s11")));
        assertThat(a.governance().parties())
                .extracting(Agreement.Party::partner, Agreement.Party::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("police", "controller"),
                        org.assertj.core.groups.Tuple.tuple("schools", "controller"),
                        org.assertj.core.groups.Tuple.tuple("council", "processor"));
        assertThat(a.governance().criminalOffenceData()).isTrue();
        assertThat(a.governance().restrictions()).contains("no-onward-transfer");
        assertThat(a.governance().signOff().date()).isEqualTo(java.time.LocalDate.of(2025, 8, 20));
        assertThat(a.consent()).isEqualTo(ConsentRule.NOT_REQUIRED);
        assertThat(a.appliesTo()).isEqualTo(new Agreement.AppliesTo("event", "domestic-abuse-incident"));
        assertThat(a.fields())
                .hasSize(6)
                .containsEntry("child.name", FieldRule.ALLOW)
                .containsEntry("incident.place", FieldRule.generalise(FieldRule.Generalisation.POSTCODE_DISTRICT));
        assertThat(a.deliver()).isEqualTo(new Agreement.Delivery("before-next-school-day"));
        assertThat(a.retention()).isEqualTo(Period.ofYears(1));
        assertThat(a.valid())
                .isEqualTo(new Agreement.Validity(
                        LocalDate.of(2025, 9, 1), LocalDate.of(2027, 8, 31), LocalDate.of(2027, 3, 1)));
    }

    @Test
    void loadingADirectorySkipsTheRegistry() {
        // When
        List<Agreement> agreements = AgreementLoader.loadDirectory(SHIPPED);

        // Then
        assertThat(agreements)
                .extracting(Agreement::id)
                .contains(ID)
                .doesNotContain("registry")
                .hasSize(AgreementLoader.agreementFiles(SHIPPED).size());
    }

    @Test
    void unknownKeyFailsNamingFileAndLine() throws IOException {
        // Given
        Path file = write(shipped().replace("recipients:", "recipent:"));

        // When / Then
        assertThatThrownBy(() -> AgreementLoader.load(file))
                .isInstanceOf(AgreementException.class)
                .hasMessageContaining(ID + ".yaml:6: unknown key 'recipent'");
    }

    @Test
    void duplicateKeyFailsNamingTheSecondLine() throws IOException {
        // Given
        Path file = write(shipped().replace("  child.date-of-birth: allow", "  child.name: drop"));

        // When / Then
        assertThatThrownBy(() -> AgreementLoader.load(file))
                .isInstanceOf(AgreementException.class)
                .hasMessage(ID + ".yaml:13: duplicate key 'child.name' (first at line 12)");
    }

    @Test
    void fileNameOtherThanIdFails() throws IOException {
        // Given
        Path file = dir.resolve("police-to-schools.yaml");
        Files.writeString(file, shipped());

        // When / Then
        assertThatThrownBy(() -> AgreementLoader.load(file))
                .isInstanceOf(AgreementException.class)
                .hasMessage("police-to-schools.yaml:1: id '" + ID + "' must equal the file name 'police-to-schools'");
    }

    @Test
    void invalidFieldRuleFailsListingTheRules() throws IOException {
        // Given
        Path file = write(shipped().replace("incident.reference: allow", "incident.reference: mask"));

        // When / Then
        assertThatThrownBy(() -> AgreementLoader.load(file))
                .isInstanceOf(AgreementException.class)
                .hasMessageStartingWith(ID + ".yaml:14: fields.incident.reference: 'mask' is not a field rule");
    }

    @Test
    void invariantBrokenBeyondTheSchemaFailsAtItsLine() throws IOException {
        // Given
        Path file = write(shipped().replace("until: 2027-08-31", "until: 2024-08-31"));

        // When / Then
        assertThatThrownBy(() -> AgreementLoader.load(file))
                .isInstanceOf(AgreementException.class)
                .hasMessageStartingWith(ID + ".yaml:20: valid.until 2024-08-31 is before valid.from");
    }

    @Test
    void aRecipientNamedAsConsentCollectorFailsAtTheConsentLine() throws IOException {
        // Given the recipient would record consent for its own benefit
        Path file =
                write(shipped().replace("consent: not-required", "consent: { required: true, collector: schools }"));

        // When / Then
        assertThatThrownBy(() -> AgreementLoader.load(file))
                .isInstanceOf(AgreementException.class)
                .hasMessageStartingWith(ID + ".yaml:9: consent.collector 'schools' is a recipient");
    }

    @Test
    void consentRequiredWithoutACollectorOrAnAgreementWithNeitherPushNorPullIsRefused() throws IOException {
        Path noCollector = write(shipped().replace("consent: not-required", "consent: required"));
        assertThatThrownBy(() -> AgreementLoader.load(noCollector)).isInstanceOf(AgreementException.class);

        Path neither = write(shipped().replaceAll("deliver: .*\n", ""));
        assertThatThrownBy(() -> AgreementLoader.load(neither))
                .isInstanceOf(AgreementException.class)
                .hasMessageContaining(
                        "licenses push (deliver), pull (pull), \"is this person known?\" requests (query) or"
                                + " pseudonymised datasets for analysts (analytics)");
    }

    @Test
    void aPullBlockLoadsWithItsPurposesRelationshipsAndCorroboration() throws IOException {
        Path file = write(shipped()
                .replace(
                        "retention: P1Y",
                        "pull: { purposes: [early-help/family-view], relationships: [pupil-on-roll],"
                                + " corroboration: flag }\nretention: P1Y"));

        Agreement a = AgreementLoader.load(file);

        assertThat(a.pull())
                .isEqualTo(new Agreement.Pull(List.of("early-help/family-view"), List.of("pupil-on-roll"), false));
        assertThat(a.answersPull("schools", "early-help/family-view")).isTrue();
        assertThat(a.answersPull("schools", "safeguarding/domestic-abuse-notification"))
                .isFalse();
    }

    @Test
    void aQueryBlockLoadsWithItsReasonsReviewAndContact() throws IOException {
        Path file = write(shipped()
                .replace(
                        "retention: P1Y",
                        "query:\n  reasons: [children-act-1989-s47, children-act-1989-s17]\n"
                                + "  review: [children-act-1989-s17]\n"
                                + "  contact: { name: Safeguarding Hub, phone: 01246 000000 }\nretention: P1Y"));

        Agreement a = AgreementLoader.load(file);

        assertThat(a.query().reasons()).containsExactly("children-act-1989-s47", "children-act-1989-s17");
        assertThat(a.query().review()).containsExactly("children-act-1989-s17");
        assertThat(a.query().contact()).isEqualTo(new Agreement.Contact("Safeguarding Hub", "01246 000000", null));
        assertThat(a.answersQuery("schools", "children-act-1989-s47")).isTrue();
        assertThat(a.answersQuery("schools", "crime-and-disorder-act-1998-s115"))
                .isFalse();
        assertThat(a.answersQuery("police", "children-act-1989-s47"))
                .as("not a recipient")
                .isFalse();
    }

    @Test
    void aQueryReviewingAReasonItDoesNotAcceptIsRefused() throws IOException {
        Path file = write(shipped()
                .replace(
                        "retention: P1Y",
                        "query: { reasons: [children-act-1989-s47], review: [children-act-1989-s17],"
                                + " contact: { name: Safeguarding Hub } }\nretention: P1Y"));

        assertThatThrownBy(() -> AgreementLoader.load(file))
                .isInstanceOf(AgreementException.class)
                .hasMessageContaining("query.review names a reason query.reasons does not");
    }

    @Test
    void everyProblemInTheFileIsReported() throws IOException {
        // Given
        Path file =
                write(shipped().replace("status: approved", "status: signed").replace("retention: P1Y", ""));

        // When / Then
        assertThatThrownBy(() -> AgreementLoader.load(file))
                .isInstanceOfSatisfying(
                        AgreementException.class,
                        e -> assertThat(e.problems())
                                .extracting(LintProblem::line, LintProblem::message)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(1, "missing key 'retention'"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                4,
                                                "status: does not have a value in the enumeration"
                                                        + " [\"draft\", \"approved\", \"suspended\", \"expired\", \"terminated\"]")));
    }

    @Test
    void registryListsPartnersAndPurposes() {
        // When
        PartnerRegistry registry = AgreementLoader.loadRegistry(SHIPPED);

        // Then
        assertThat(registry.partners()).contains("police", "schools", "health", "housing", "casesystem", "council");
        assertThat(registry.purposes())
                .containsExactlyInAnyOrder(
                        "safeguarding/domestic-abuse-notification",
                        "early-help/family-view",
                        "safeguarding/person-info-query",
                        "analytics/needs-analysis");
    }

    @Test
    void schemaForEditorsIsIdenticalToTheOneTheLoaderUses() throws IOException {
        // Given
        Path canonical = Path.of(
                "src",
                "main",
                "resources",
                "org",
                "earlyhelp",
                "hub",
                "governance",
                "agreement",
                AgreementSchema.RESOURCE);

        // When / Then
        assertThat(Files.readAllBytes(SHIPPED.resolve(AgreementSchema.RESOURCE)))
                .as("agreements/%s must be a copy of %s", AgreementSchema.RESOURCE, canonical)
                .isEqualTo(Files.readAllBytes(canonical));
    }

    static String shipped() throws IOException {
        return Files.readString(SHIPPED.resolve(ID + ".yaml"));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve(ID + ".yaml"), yaml);
    }
}
