package org.earlyhelp.hub.governance.minimise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earlyhelp.hub.governance.TestRecords.child;
import static org.earlyhelp.hub.governance.TestRecords.incident;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.schema.CaseInvolvement;
import org.earlyhelp.hub.schema.DomesticAbuseIncident;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Relationship;
import org.earlyhelp.hub.schema.RelationshipKind;
import org.junit.jupiter.api.Test;

class AtRestMinimiserTest {

    static final Path SHIPPED = Path.of("..", "agreements");
    static final Clock IN_FORCE = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    final List<Agreement> agreements = new ArrayList<>(AgreementLoader.loadDirectory(SHIPPED));
    final AtRestMinimiser minimiser = new AtRestMinimiser(
            () -> agreements, new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE), IN_FORCE);

    HubRecord policeIncident() {
        return incident("r-1", List.of("c1"), child("c1", "Ada", "Lovelace", LocalDate.of(2016, 5, 1), "100001"));
    }

    @Test
    void officersNotesAreNotKeptBecauseNoAgreementReleasesThem() {
        // Given an incident carrying officer notes, and the shipped agreements (none names incident.officer-notes)
        HubRecord incident = policeIncident();
        assertThat(org.earlyhelp.hub.testsupport.TestPayloads.decode(incident, DomesticAbuseIncident.class)
                        .getOfficerNotes())
                .isNotNull();
        // When it is minimised for keeping
        HubRecord kept = minimiser.minimise(incident);
        // Then the notes are gone and every released field, and every person, is as it was
        DomesticAbuseIncident payload =
                org.earlyhelp.hub.testsupport.TestPayloads.decode(kept, DomesticAbuseIncident.class);
        assertThat(payload.getOfficerNotes()).isNull();
        assertThat(payload.getReference())
                .isEqualTo(org.earlyhelp.hub.testsupport.TestPayloads.decode(incident, DomesticAbuseIncident.class)
                        .getReference());
        assertThat(payload.getChildrenPresent()).containsExactly("c1");
        assertThat(payload.getPlace())
                .isEqualTo(org.earlyhelp.hub.testsupport.TestPayloads.decode(incident, DomesticAbuseIncident.class)
                        .getPlace());
        assertThat(kept.getPeople().toString()).isEqualTo(incident.getPeople().toString());
        // And the original record is untouched
        assertThat(org.earlyhelp.hub.testsupport.TestPayloads.decode(incident, DomesticAbuseIncident.class)
                        .getOfficerNotes())
                .isNotNull();
    }

    @Test
    void aFieldIsKeptOnceAnAgreementNamesIt() throws Exception {
        // Given an agreement that releases the officer's notes
        Path dir = Files.createTempDirectory("agreements");
        for (Path f :
                List.of(SHIPPED.resolve("registry.yaml"), SHIPPED.resolve("police-to-schools-domestic-abuse.yaml"))) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path file = dir.resolve("police-to-schools-domestic-abuse.yaml");
        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "  incident.child-present: allow",
                                "  incident.child-present: allow\n" + "  incident.officer-notes: allow"));
        agreements.clear();
        agreements.addAll(AgreementLoader.loadDirectory(dir));
        // When an incident is minimised for keeping
        HubRecord kept = minimiser.minimise(policeIncident());
        // Then the notes are kept
        assertThat(org.earlyhelp.hub.testsupport.TestPayloads.decode(kept, DomesticAbuseIncident.class)
                        .getOfficerNotes())
                .isNotNull();
    }

    @Test
    void nothingIsKeptThatOnlyAnExpiredAgreementNamed() {
        // Given the day after every shipped agreement has ended
        AtRestMinimiser later = new AtRestMinimiser(
                () -> agreements,
                new FieldCatalogue(org.earlyhelp.hub.testsupport.TestPayloads.CORE),
                Clock.fixed(Instant.parse("2027-09-01T10:00:00Z"), ZoneOffset.UTC));
        // When an incident is minimised for keeping
        DomesticAbuseIncident payload = org.earlyhelp.hub.testsupport.TestPayloads.decode(
                later.minimise(policeIncident()), DomesticAbuseIncident.class);
        // Then the free values no agreement could release are emptied (the risk level, the notes, who was present),
        // while the reference and the structure stay
        assertThat(payload.getOfficerNotes()).isNull();
        assertThat(payload.getRiskLevel()).isNull();
        assertThat(payload.getChildrenPresent()).isEmpty();
        assertThat(payload.getReference()).isNotEmpty();
    }

    @Test
    void clinicalNotesAreNotKeptButTheServiceIs() {
        // Given a health involvement with clinical notes
        HubRecord health = HubRecord.newBuilder(policeIncident())
                .setKind(RecordKind.INVOLVEMENT)
                .setType("health-involvement")
                .setProvider("health")
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(HealthInvolvement.newBuilder()
                        .setService("health-visiting")
                        .setSince(LocalDate.of(2025, 1, 1))
                        .setTeam("north")
                        .setClinicalNotes("a clinical note")
                        .build()))
                .build();
        // When it is minimised for keeping
        HealthInvolvement payload =
                org.earlyhelp.hub.testsupport.TestPayloads.decode(minimiser.minimise(health), HealthInvolvement.class);
        // Then the notes are gone, the released fields stay
        assertThat(payload.getClinicalNotes()).isNull();
        assertThat(payload.getService()).isEqualTo("health-visiting");
        assertThat(payload.getTeam()).isEqualTo("north");
    }

    @Test
    void relationshipsAndWhatEstablishesALegitimateRelationshipAreKeptThoughNoAgreementReleasesCaseRecords() {
        // Given a case involvement, and the agreements without the scorecard's (which keep case types and dates):
        // none has the case system as provider
        agreements.removeIf(a -> a.provider().equals("casesystem"));
        HubRecord involvement = HubRecord.newBuilder(policeIncident())
                .setKind(RecordKind.INVOLVEMENT)
                .setType("case-involvement")
                .setProvider("casesystem")
                .setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(CaseInvolvement.newBuilder()
                        .setCaseType("child-protection")
                        .setStatus("open")
                        .setOpenedOn(LocalDate.of(2026, 1, 1))
                        .setLeadPractitioner("Jo Bloggs")
                        .setRelationships(List.of(new Relationship("a", "c1", RelationshipKind.PARENT_OF)))
                        .build()))
                .build();
        // When it is minimised for keeping
        CaseInvolvement payload = org.earlyhelp.hub.testsupport.TestPayloads.decode(
                minimiser.minimise(involvement), CaseInvolvement.class);
        // Then the free text goes; the relationships, the status and the named lead practitioner (which establish the
        // case system's relationship with the family, RelationshipRules) stay
        assertThat(payload.getCaseType()).isEmpty();
        assertThat(payload.getLeadPractitioner()).isEqualTo("Jo Bloggs");
        assertThat(payload.getStatus()).isEqualTo("open");
        assertThat(payload.getRelationships()).hasSize(1);
    }

    @Test
    void aRecordWithNothingToRemoveIsTheSameInstance() {
        // Given an incident without notes
        HubRecord incident = policeIncident();
        DomesticAbuseIncident withoutNotes =
                org.earlyhelp.hub.testsupport.TestPayloads.decode(incident, DomesticAbuseIncident.class);
        withoutNotes.setOfficerNotes(null);
        withoutNotes.setRiskLevel(null);
        withoutNotes.setChildrenPresent(List.of());
        incident.setPayload(org.earlyhelp.hub.schema.payload.Payloads.encode(withoutNotes));
        // Then minimising returns it as it is (so its encoded bytes can be kept)
        assertThat(minimiser.minimise(incident)).isSameAs(incident);
    }
}
