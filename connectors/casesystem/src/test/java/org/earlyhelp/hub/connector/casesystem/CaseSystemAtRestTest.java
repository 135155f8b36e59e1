package org.earlyhelp.hub.connector.casesystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.earlyhelp.hub.connector.casesystem.schema.CaseReferral;
import org.earlyhelp.hub.connector.casesystem.schema.EarlyHelpAssessment;
import org.earlyhelp.hub.governance.minimise.AtRestMinimiser;
import org.earlyhelp.hub.governance.minimise.FieldCatalogue;
import org.earlyhelp.hub.schema.HubRecord;
import org.junit.jupiter.api.Test;

/**
 * What the hub keeps of a case-system record when no agreement could release any of it: the consent an assessment
 * recorded (the consent register's to read later) and whom a referral is about, never the free text.
 */
class CaseSystemAtRestTest {

    final AtRestMinimiser atRest =
            new AtRestMinimiser(List::of, new FieldCatalogue(CaseSystemMappingTest.TYPES), Clock.systemUTC());

    @Test
    void anAssessmentKeepsItsConsentAndLosesWhatNoAgreementReleases() {
        HubRecord record = CaseSystemAssessmentMapper.toRecord(
                Samples.assessment(Samples.text("assessment.json")), "r-1", Instant.EPOCH);
        EarlyHelpAssessment kept = CaseSystemMappingTest.TYPES.decode(
                record.getType(), atRest.minimise(record).getPayload(), EarlyHelpAssessment.class);
        assertThat(kept.getConsentScope()).containsExactly("health-to-casesystem-family-view");
        assertThat(kept.getConsentReference()).isEqualTo("EHA-2026-0142/consent");
        assertThat(kept.getConsentGivenBy()).isEqualTo("m");
        assertThat(kept.getConsentRecordedBy()).isEqualTo("lp-42");
        assertThat(kept.getConsentExpires()).isNotNull();
        assertThat(kept.getConsented()).containsExactly("c", "m");
        assertThat(kept.getNeeds()).isEmpty();
    }

    @Test
    void aReferralKeepsWhomItIsAboutAndLosesItsSummary() {
        HubRecord record = CaseSystemReferralMapper.toRecord(
                Samples.referral(Samples.text("referral-step-up.json")), "r-2", Instant.EPOCH);
        CaseReferral kept = CaseSystemMappingTest.TYPES.decode(
                record.getType(), atRest.minimise(record).getPayload(), CaseReferral.class);
        assertThat(kept.getReferred()).containsExactly("c");
        assertThat(kept.getReference()).isEqualTo("EH-REF-2026-0193");
        assertThat(kept.getSummary()).isNull();
    }
}
