package org.earlyhelp.hub.connector.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.housing.schema.HousingAccommodationType;
import org.earlyhelp.hub.connector.housing.schema.HousingArrearsBand;
import org.earlyhelp.hub.connector.housing.schema.HousingDuty;
import org.earlyhelp.hub.connector.housing.schema.HousingHomelessnessApplication;
import org.earlyhelp.hub.connector.housing.schema.HousingNotice;
import org.earlyhelp.hub.connector.housing.schema.HousingNoticeType;
import org.earlyhelp.hub.connector.housing.schema.HousingRentArrears;
import org.earlyhelp.hub.connector.housing.schema.HousingTemporaryAccommodation;
import org.earlyhelp.hub.connector.housing.schema.HousingTenancy;
import org.earlyhelp.hub.connector.housing.schema.HousingTenure;
import org.earlyhelp.hub.schema.HubRecord;
import org.earlyhelp.hub.schema.RecordKind;
import org.earlyhelp.hub.schema.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HousingRecordMapperTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static HubRecord mapped(HousingRecordType type) {
        return HousingRecordMapper.toRecord(type, HousingSamples.read(type, HousingSamples.json(type)), "r-1", AT);
    }

    @ParameterizedTest
    @EnumSource(HousingRecordType.class)
    void everySampleMapsToItsRegisteredTypeAndKind(HousingRecordType type) {
        // Given a realistic sample of the type, when it is read and mapped
        HubRecord record = mapped(type);

        // Then it is a record of the registered type, from housing, whose payload decodes
        assertThat(record.getType()).isEqualTo(type.type());
        assertThat(record.getKind()).isEqualTo(type.kind());
        assertThat(record.getProvider()).isEqualTo("housing");
        assertThat(record.getPeople()).extracting(p -> p.getRole()).containsExactly(Role.PARENT, Role.CHILD);
        assertThat(HousingSamples.PAYLOADS.decode(type.type(), record.getPayload()))
                .isNotNull();
    }

    @Test
    void aTenancyKeepsItsDatesTenureAndLandlordAndPlacesTheHouseholdAtItsUprn() {
        HubRecord record = mapped(HousingRecordType.TENANCY);

        HousingTenancy t = HousingSamples.PAYLOADS.decode("housing-tenancy", record.getPayload(), HousingTenancy.class);
        assertThat(t.getReference()).isEqualTo("CH/TEN/004512");
        assertThat(t.getStartDate()).isEqualTo(LocalDate.of(2019, 8, 12));
        assertThat(t.getEndDate()).isNull();
        assertThat(t.getTenure()).isEqualTo(HousingTenure.SECURE);
        assertThat(t.getProvider()).isEqualTo("chesterfield-homes");
        // the tenant gave an address without a UPRN, the child none at all: both live at the tenancy's property
        assertThat(record.getPeople())
                .allSatisfy(p -> assertThat(p.getAddress().getUprn()).isEqualTo("100030123456"));
        assertThat(record.getPeople().get(0).getAddress().getPostcode()).isEqualTo("S41 7AB");
    }

    @Test
    void arrearsNoticesPlacementsAndApplicationsKeepWhatTheyMean() {
        HousingRentArrears arrears = HousingSamples.PAYLOADS.decode(
                "housing-rent-arrears", mapped(HousingRecordType.RENT_ARREARS).getPayload(), HousingRentArrears.class);
        assertThat(arrears.getWeeks()).isEqualTo(9);
        assertThat(arrears.getAmountBand()).isEqualTo(HousingArrearsBand.FROM_500_TO_1000);
        assertThat(arrears.getNoticeAttached()).isTrue();

        HousingNotice notice = HousingSamples.PAYLOADS.decode(
                "housing-notice", mapped(HousingRecordType.NOTICE).getPayload(), HousingNotice.class);
        assertThat(notice.getNoticeType()).isEqualTo(HousingNoticeType.SECTION_8);
        assertThat(notice.getExpiresOn()).isEqualTo(LocalDate.of(2026, 11, 16));

        HousingTemporaryAccommodation ta = HousingSamples.PAYLOADS.decode(
                "housing-temporary-accommodation",
                mapped(HousingRecordType.TEMPORARY_ACCOMMODATION).getPayload(),
                HousingTemporaryAccommodation.class);
        assertThat(ta.getAccommodationType()).isEqualTo(HousingAccommodationType.BED_AND_BREAKFAST);
        assertThat(ta.getOutOfArea()).isTrue();

        HubRecord application = mapped(HousingRecordType.HOMELESSNESS_APPLICATION);
        HousingHomelessnessApplication h = HousingSamples.PAYLOADS.decode(
                "housing-homelessness-application", application.getPayload(), HousingHomelessnessApplication.class);
        assertThat(h.getDuty()).isEqualTo(HousingDuty.PREVENTION);
        // the last settled address is not where the household lives now
        assertThat(application.getPeople().get(1).getAddress()).isNull();
    }

    @Test
    void theSameFactSentAgainHasTheSameKeyAndAnEndedTenancyAnother() {
        HousingFacts.Tenancy open = (HousingFacts.Tenancy)
                HousingSamples.read(HousingRecordType.TENANCY, HousingSamples.json(HousingRecordType.TENANCY))
                        .fact();
        String ended = HousingSamples.json(HousingRecordType.TENANCY)
                .replace(
                        "\"startDate\": \"2019-08-12\",",
                        "\"startDate\": \"2019-08-12\", \"endDate\": \"2026-11-30\",");
        HousingFact closed =
                HousingSamples.read(HousingRecordType.TENANCY, ended).fact();

        assertThat(HousingRecordMapper.factKey(HousingRecordType.TENANCY, open))
                .isEqualTo("housing-tenancy/CH/TEN/004512/open");
        assertThat(HousingRecordMapper.factKey(HousingRecordType.TENANCY, closed))
                .isEqualTo("housing-tenancy/CH/TEN/004512/ended-2026-11-30");
    }

    @Test
    void crossFieldRulesAreRefusedByFieldWithoutTheValue() {
        String backwards = HousingSamples.json(HousingRecordType.NOTICE).replace("2026-11-16", "2026-10-16");
        String neither = HousingSamples.json(HousingRecordType.RENT_ARREARS)
                .replace("\"weeks\": 9,", "")
                .replace("\"amountBand\": \"FROM_500_TO_1000\",", "");
        String badTenure = HousingSamples.json(HousingRecordType.TENANCY).replace("SECURE", "Zephyrine");

        assertThatThrownBy(() -> HousingSamples.read(HousingRecordType.NOTICE, backwards))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + " " + f.reason())
                        .containsExactly("notice.expiresOn must not be before servedOn"));
        assertThatThrownBy(() -> HousingSamples.read(HousingRecordType.RENT_ARREARS, neither))
                .isInstanceOfSatisfying(
                        RequestRejected.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("arrears.weeks"));
        assertThatThrownBy(() -> HousingSamples.read(HousingRecordType.TENANCY, badTenure))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .allSatisfy(f -> assertThat(f.field() + f.reason()).doesNotContain("Zephyrine"))
                        .extracting(f -> f.field())
                        .containsExactly("tenancy.tenure"));
    }

    @Test
    void aFactMissingItsBodyKeyIsRefused() {
        assertThatThrownBy(
                        () -> HousingSamples.read(HousingRecordType.EVICTION, "{\"people\": [], \"eviction\": null}"))
                .isInstanceOfSatisfying(
                        RequestRejected.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).contains("eviction", "people"));
        assertThat(RecordKind.EVENT).isEqualTo(HousingRecordType.EVICTION.kind());
    }
}
