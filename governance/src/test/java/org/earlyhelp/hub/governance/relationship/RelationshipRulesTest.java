package org.earlyhelp.hub.governance.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.earlyhelp.hub.governance.TestRecords;
import org.earlyhelp.hub.schema.HealthInvolvement;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.payload.Payloads;
import org.junit.jupiter.api.Test;

/** The dispatch to each partner's declared source; the partners' own rules are tested in their connectors. */
class RelationshipRulesTest {

    static final LocalDate DOB = LocalDate.of(2014, 5, 6);

    final List<HubRecord> seen = new ArrayList<>();

    final RelationshipSource involvement = (record, payload) -> {
        seen.add(record);
        return List.of(RelationshipRules.assertion(
                record, RelationshipKind.OPEN_INVOLVEMENT, record.getPeople().get(0), null, false));
    };

    final RelationshipRules rules = new RelationshipRules(Map.of("health", involvement));

    static HubRecord record(String provider, String organisation) {
        return HubRecord.newBuilder()
                .setRecordId("rec-1")
                .setKind(RecordKind.INVOLVEMENT)
                .setType("health-involvement")
                .setProvider(provider)
                .setProviderOrganisation(organisation)
                .setReceivedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .setPeople(List.of(TestRecords.child("p", "Lily", "Hart", DOB, null)))
                .setPayload(Payloads.encode(HealthInvolvement.newBuilder()
                        .setService("health-visiting")
                        .setSince(LocalDate.of(2026, 1, 5))
                        .setTeam("North team")
                        .build()))
                .build();
    }

    static GenericRecord payload() {
        return HealthInvolvement.newBuilder()
                .setService("health-visiting")
                .setSince(LocalDate.of(2026, 1, 5))
                .build();
    }

    @Test
    void aRecordOfAPartnerWithADeclaredSourceGetsThatSourcesAssertionsForItsOwnOrganisation() {
        List<RelationshipAssertion> a = rules.of(record("health", "health:RFS"), payload());

        assertThat(a).singleElement().satisfies(r -> {
            assertThat(r.organisation()).isEqualTo("health:RFS");
            assertThat(r.kind()).isEqualTo(RelationshipKind.OPEN_INVOLVEMENT);
            assertThat(r.recordKey()).isEqualTo("health/rec-1#p");
            assertThat(r.closing()).isFalse();
        });
    }

    @Test
    void aRecordWithoutAProviderOrganisationEstablishesNothingAndTheSourceIsNotAsked() {
        assertThat(rules.of(record("health", null), payload())).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void aProviderOrganisationOfAnotherKindThanTheRecordsProviderEstablishesNothing() {
        assertThat(rules.of(record("health", "schools:123456"), payload())).isEmpty();
        assertThat(seen).isEmpty();
    }

    @Test
    void aPartnerNoConnectorDeclaresEstablishesNothing() {
        assertThat(rules.of(record("police", "police:derbyshire"), payload())).isEmpty();
    }

    @Test
    void namedNeedsTwoCharactersAfterTrimming() {
        assertThat(RelationshipRules.named(" A ")).isFalse();
        assertThat(RelationshipRules.named("Jo")).isTrue();
        assertThat(RelationshipRules.named(null)).isFalse();
    }
}
