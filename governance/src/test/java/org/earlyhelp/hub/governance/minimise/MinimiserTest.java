package org.earlyhelp.hub.governance.minimise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earlyhelp.hub.governance.TestRecords.OFFICER_NOTES;
import static org.earlyhelp.hub.governance.TestRecords.adult;
import static org.earlyhelp.hub.governance.TestRecords.agreement;
import static org.earlyhelp.hub.governance.TestRecords.child;
import static org.earlyhelp.hub.governance.TestRecords.incident;
import static org.earlyhelp.hub.governance.TestRecords.person;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.governance.agreement.AgreementStatus;
import org.earlyhelp.hub.governance.agreement.ConsentRule;
import org.earlyhelp.hub.governance.agreement.FieldRule;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.Person;
import org.earlyhelp.hub.schema.Role;
import org.junit.jupiter.api.Test;

class MinimiserTest {

    static final Agreement SHIPPED =
            AgreementLoader.load(Path.of("..", "agreements", "police-to-schools-domestic-abuse.yaml"));
    static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    final Minimiser minimiser = new Minimiser(new Pseudonymiser(KEY));

    final Person amy = child("c1", "Amy", "Lowe", LocalDate.of(2016, 3, 10), "100001");
    final Person ben = child("c2", "Benedict", "Lowe", LocalDate.of(2019, 11, 2), "100002");
    final Person victim = adult("a1", Role.ADULT_VICTIM, "Carla", "Lowe", LocalDate.of(1990, 5, 6));
    final Person perpetrator = adult("p1", Role.PERPETRATOR, "Derek", "Stone", LocalDate.of(1988, 1, 20));
    final HubRecord record = incident("rec-1", List.of("c1"), amy, ben, victim, perpetrator);

    private Map<String, String> releasedAbout(Person subject, Agreement agreement) {
        return minimiser.minimise(
                RecordView.of(record, subject, new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE)),
                agreement,
                TODAY);
    }

    @Test
    void shippedAgreementReleasesExactlyItsSixFields() {
        // When
        Map<String, String> released = releasedAbout(amy, SHIPPED);

        // Then
        assertThat(released)
                .containsOnlyKeys(
                        "child.name",
                        "child.date-of-birth",
                        "incident.reference",
                        "incident.occurred-at",
                        "incident.place",
                        "incident.child-present");
        assertThat(released)
                .containsEntry("child.name", "Amy Lowe")
                .containsEntry("child.date-of-birth", "2016-03-10")
                .containsEntry("incident.reference", "DA/2026/0001")
                .containsEntry("incident.child-present", "true");
    }

    @Test
    void placeIsGeneralisedToThePostcodeDistrict() {
        // When
        Map<String, String> released = releasedAbout(amy, SHIPPED);

        // Then
        assertThat(released).containsEntry("incident.place", "S41");
        assertThat(released.values()).noneMatch(v -> v.contains("Ash Grove") || v.contains("7AB"));
    }

    @Test
    void perpetratorAdultVictimAndOfficerNotesNeverAppear() {
        // When
        Map<String, String> released = releasedAbout(amy, SHIPPED);

        // Then
        assertThat(released.keySet())
                .noneMatch(k -> k.startsWith("perpetrator.")
                        || k.startsWith("adult-victim.")
                        || k.equals("incident.officer-notes")
                        || k.equals("incident.risk-level"));
        assertThat(String.join("|", released.values()))
                .doesNotContain("Derek", "Stone", "Carla", "9434765919", "Elder Row", "S40", OFFICER_NOTES, "HIGH");
    }

    @Test
    void siblingNeverAppearsInAChildsView() {
        // When
        RecordView view =
                RecordView.of(record, amy, new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE));
        Map<String, String> released = minimiser.minimise(view, SHIPPED, TODAY);

        // Then
        assertThat(view.values()).containsEntry("child.name", "Amy Lowe");
        assertThat(view.values().values().stream().map(Minimiser::render))
                .noneMatch(v -> v.contains("Benedict") || v.contains("2019-11-02") || v.contains("100002"));
        assertThat(String.join("|", released.values())).doesNotContain("Benedict", "2019-11-02");
    }

    @Test
    void childPresentIsAboutTheSubjectOnly() {
        // When
        Map<String, String> aboutAmy = releasedAbout(amy, SHIPPED);
        Map<String, String> aboutBen = releasedAbout(ben, SHIPPED);

        // Then
        assertThat(aboutAmy).containsEntry("incident.child-present", "true");
        assertThat(aboutBen)
                .containsEntry("incident.child-present", "false")
                .containsEntry("child.name", "Benedict Lowe");
    }

    @Test
    void generalisesDatesToYearAndAgeBand() {
        // Given
        Agreement generalising = agreement(
                "generalising",
                AgreementStatus.APPROVED,
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2027, 1, 1),
                ConsentRule.NOT_REQUIRED,
                Map.of(
                        "child.date-of-birth", FieldRule.generalise(FieldRule.Generalisation.AGE_BAND),
                        "incident.occurred-at", FieldRule.generalise(FieldRule.Generalisation.YEAR)));

        // When
        Map<String, String> released = releasedAbout(amy, generalising);

        // Then
        assertThat(released)
                .containsOnly(Map.entry("child.date-of-birth", "10-14"), Map.entry("incident.occurred-at", "2026"));
    }

    @Test
    void ageBandCountsOnlyBirthdaysAlreadyReached() {
        // Given
        LocalDate dob = LocalDate.of(2016, 7, 16);

        // When
        String dayBefore = Minimiser.ageBand(dob, LocalDate.of(2026, 7, 15));
        String birthday = Minimiser.ageBand(dob, LocalDate.of(2026, 7, 16));

        // Then
        assertThat(dayBefore).isEqualTo("5-9");
        assertThat(birthday).isEqualTo("10-14");
    }

    @Test
    void pseudonymiseIsDeterministicWithinAnAgreementAndDiffersAcrossAgreements() {
        // Given
        Person withNhs = person("c9", Role.CHILD, "Cara", "Wood", LocalDate.of(2015, 2, 1))
                .setNhsNumber("9434765919")
                .build();
        HubRecord withNhsRecord = incident("rec-2", List.of("c9"), withNhs);
        Map<String, FieldRule> rules = Map.of("child.nhs-number", FieldRule.PSEUDONYMISE);
        Agreement first = agreement(
                "first",
                AgreementStatus.APPROVED,
                TODAY.minusYears(1),
                TODAY.plusYears(1),
                ConsentRule.NOT_REQUIRED,
                rules);
        Agreement second = agreement(
                "second",
                AgreementStatus.APPROVED,
                TODAY.minusYears(1),
                TODAY.plusYears(1),
                ConsentRule.NOT_REQUIRED,
                rules);
        RecordView view = RecordView.of(
                withNhsRecord, withNhs, new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE));

        // When
        String once = minimiser.minimise(view, first, TODAY).get("child.nhs-number");
        String again = minimiser.minimise(view, first, TODAY).get("child.nhs-number");
        String otherAgreement = minimiser.minimise(view, second, TODAY).get("child.nhs-number");

        // Then
        assertThat(once).matches("[0-9a-f]{64}").isEqualTo(again).isNotEqualTo(otherAgreement);
        assertThat(once).doesNotContain(withNhs.getNhsNumber());
        assertThat(otherAgreement).matches("[0-9a-f]{64}");
    }

    @Test
    void pseudonymsDependOnKeyScopeAndValue() {
        // Given
        Pseudonymiser one = new Pseudonymiser(KEY);
        Pseudonymiser sameKey = new Pseudonymiser(KEY.clone());
        byte[] otherKeyBytes = KEY.clone();
        otherKeyBytes[0] ^= 1;
        Pseudonymiser otherKey = new Pseudonymiser(otherKeyBytes);

        // When
        String p = one.pseudonym("scope-a", "9434765919");

        // Then
        assertThat(p).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(sameKey.pseudonym("scope-a", "9434765919")).isEqualTo(p);
        assertThat(one.pseudonym("scope-b", "9434765919")).isNotEqualTo(p);
        assertThat(otherKey.pseudonym("scope-a", "9434765919")).isNotEqualTo(p);
        assertThat(one.pseudonym("scope-a", "9434765927")).isNotEqualTo(p);
    }

    @Test
    void datesRenderAsIsoAndSummerInstantsInBritishSummerTime() {
        // When
        String date = Minimiser.render(LocalDate.of(2016, 3, 10));
        String summer = Minimiser.render(Instant.parse("2026-07-14T20:30:00Z"));
        String winter = Minimiser.render(Instant.parse("2026-01-14T20:30:00Z"));

        // Then
        assertThat(date).isEqualTo("2016-03-10");
        assertThat(summer).isEqualTo("2026-07-14T21:30:00+01:00");
        assertThat(winter).isEqualTo("2026-01-14T20:30:00Z");
    }

    @Test
    void occurredAtIsReleasedInUkLocalTime() {
        // When
        Map<String, String> released = releasedAbout(amy, SHIPPED);

        // Then
        assertThat(released).containsEntry("incident.occurred-at", "2026-07-14T21:30:00+01:00");
    }
}
