package org.earlyhelp.hub.connector.casesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.HostileJson;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.inbound.PersonInput;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * 10,000 hostile variants of each native body (truncated, mistyped, duplicated and misspelt keys, control characters,
 * oversized values, noise) through the strict reader, the mapper's checks and the mapper, as the endpoints run them:
 * nothing crashes; a body is either mapped to a record whose payload decodes, or refused with at least one problem,
 * each naming a field and a reason and quoting no value sent.
 */
class CaseSystemFuzzTest {

    @Property(tries = 10_000)
    void hostileInvolvementsAreMappedOrRefusedByFieldAndReason(@ForAll("involvements") String body) {
        check(body, b -> {
            CaseSystemInvolvementRequest in = Samples.involvement(b);
            return CaseSystemInvolvementMapper.toRecord(
                    in.people().stream().map(PersonInput::toAvro).toList(), in.caseInvolvement(), "r", Instant.EPOCH);
        });
    }

    @Property(tries = 10_000)
    void hostilePersonStandardInvolvementsAreMappedOrRefusedByFieldAndReason(@ForAll("standards") String body) {
        check(body, b -> {
            CaseSystemStandardInvolvementRequest in = Samples.standardInvolvement(b);
            return CaseSystemInvolvementMapper.toRecord(
                    in.people().stream()
                            .map(e -> CaseSystemPersonStandardMapper.toAvro(e.ref(), e.role(), e.person()))
                            .toList(),
                    in.caseInvolvement(),
                    "r",
                    Instant.EPOCH);
        });
    }

    @Property(tries = 10_000)
    void hostileReferralsAreMappedOrRefusedByFieldAndReason(@ForAll("referrals") String body) {
        check(body, b -> CaseSystemReferralMapper.toRecord(Samples.referral(b), "r", Instant.EPOCH));
    }

    @Property(tries = 10_000)
    void hostileAssessmentsAreMappedOrRefusedByFieldAndReason(@ForAll("assessments") String body) {
        check(body, b -> CaseSystemAssessmentMapper.toRecord(Samples.assessment(b), "r", Instant.EPOCH));
    }

    private static void check(String body, Function<String, HubRecord> readAndMap) {
        HubRecord record;
        try {
            record = readAndMap.apply(body);
        } catch (RequestRejected e) {
            assertThat(e.status()).isIn(400, 413);
            assertThat(e.errors()).isNotEmpty().allSatisfy(CaseSystemFuzzTest::namesFieldAndReason);
            assertThat(e.errors().toString() + e.getMessage()).doesNotContain(HostileJson.MARKERS);
            return;
        }
        assertThat(record.getPeople()).isNotEmpty();
        assertThat(CaseSystemMappingTest.TYPES.decode(record.getType(), record.getPayload()))
                .isNotNull();
    }

    private static void namesFieldAndReason(FieldError e) {
        assertThat(e.field()).isNotBlank();
        assertThat(e.reason()).isNotBlank();
    }

    @Provide
    Arbitrary<String> involvements() {
        return HostileJson.bodies(Samples.text("involvement-open.json"));
    }

    @Provide
    Arbitrary<String> standards() {
        return HostileJson.bodies(Samples.text("people-standard-involvement.json"));
    }

    @Provide
    Arbitrary<String> referrals() {
        return HostileJson.bodies(Samples.text("referral-step-up.json"));
    }

    @Provide
    Arbitrary<String> assessments() {
        return HostileJson.bodies(Samples.text("assessment.json"));
    }
}
