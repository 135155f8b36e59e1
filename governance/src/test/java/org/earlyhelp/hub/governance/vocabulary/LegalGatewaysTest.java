package org.earlyhelp.hub.governance.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegalGatewaysTest {

    private final LegalGateways gateways = LegalGateways.shipped();

    @Test
    void theGatewaysTheIssueNamesAreInTheVocabularyByCodeAndByAddress() {
        assertThat(gateways.all())
                .extracting(LegalGateway::code)
                .contains(
                        "children-act-1989-s17",
                        "children-act-1989-s47",
                        "children-act-2004-s10",
                        "children-act-2004-s11",
                        "crime-and-disorder-act-1998-s115",
                        "digital-economy-act-2017-part-5",
                        "dpa-2018-sch1-para18",
                        "domestic-abuse-act-2021-s49a",
                        "childrens-wellbeing-and-schools-act-2026-information-sharing");
        assertThat(gateways.byUri("https://www.legislation.gov.uk/ukpga/1989/41/section/47"))
                .map(LegalGateway::code)
                .contains("children-act-1989-s47");
        assertThat(gateways.byUri("http://www.legislation.gov.uk/ukpga/1989/41/section/47"))
                .as("the http spelling of the same address")
                .isPresent();
    }

    @Test
    void anAddressOutsideTheVocabularyIsNoGateway() {
        assertThat(gateways.byUri("https://www.legislation.gov.uk/ukpga/1989/41/section/48"))
                .isEmpty();
        assertThat(gateways.byUri("https://example.org/because")).isEmpty();
        assertThat(gateways.byUri(null)).isEmpty();
    }

    @Test
    void theDutyToShareIsAwaitingCommencementAndEncompassInForce() {
        assertThat(gateways.byCode("childrens-wellbeing-and-schools-act-2026-information-sharing"))
                .map(LegalGateway::inForce)
                .contains(false);
        assertThat(gateways.byCode("domestic-abuse-act-2021-s49a"))
                .map(LegalGateway::inForce)
                .contains(true);
    }
}
