package org.earlyhelp.hub.connector.housing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.junit.jupiter.api.Test;

class HousingCsvReaderTest {

    private static HousingCsvReader.Extract read(String csv) {
        return HousingSamples.CSV.read(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> reasons(HousingCsvReader.Extract e) {
        return e.rows().stream()
                .filter(r -> r instanceof HousingCsvReader.Bad)
                .map(r -> ((HousingCsvReader.Bad) r).reason())
                .toList();
    }

    @Test
    void theCommittedExampleReadsEveryRowAsTheSameRequestAJsonPostWouldBe() {
        // Given the example extract of docs/partners, when it is read
        HousingCsvReader.Extract extract = HousingSamples.CSV.read(HousingSamples.exampleCsv());

        // Then every row is good, one of each type, with its values as the layout documents them
        assertThat(reasons(extract)).isEmpty();
        assertThat(extract.rows())
                .extracting(r -> ((HousingCsvReader.Good) r).type())
                .containsExactly(
                        HousingRecordType.TENANCY,
                        HousingRecordType.TENANCY,
                        HousingRecordType.RENT_ARREARS,
                        HousingRecordType.NOTICE,
                        HousingRecordType.EVICTION,
                        HousingRecordType.HOMELESSNESS_APPLICATION,
                        HousingRecordType.TEMPORARY_ACCOMMODATION);
        HousingFacts.RentArrears arrears = (HousingFacts.RentArrears)
                ((HousingCsvReader.Good) extract.rows().get(2)).request().fact();
        assertThat(arrears.amountBand()).isEqualTo("FROM_500_TO_1000");
        assertThat(arrears.noticeAttached()).isTrue();
        assertThat(arrears.notes()).isEqualTo("Partner left, benefits stopped");
        HousingFacts.Notice notice = (HousingFacts.Notice)
                ((HousingCsvReader.Good) extract.rows().get(3)).request().fact();
        assertThat(notice.servedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(notice.noticeType()).isEqualTo("SECTION_8");
        assertThat(((HousingCsvReader.Good) extract.rows().get(1))
                        .request()
                        .people()
                        .get(0)
                        .nhsNumber())
                .isEqualTo("9434765919");
        assertThat(extract.rows()).extracting(HousingCsvReader.Row::line).containsExactly(2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void columnOrderCaseAndStraySpacesDoNotMatter() {
        String csv = "\ufeff  Family Name , GIVEN_NAME,Record-Type ,reference, UPRN ,Start Date,tenure,provider\r\n"
                + " Ashworth ,  Rose ,  TENANCY , CH/TEN/1 , 100030123456 , 12/08/2019 , assured shorthold ,"
                + " chesterfield-homes \r\n";

        HousingCsvReader.Extract extract = read(csv);

        assertThat(reasons(extract)).isEmpty();
        HousingRequests.Request r = ((HousingCsvReader.Good) extract.rows().get(0)).request();
        assertThat(r.people().get(0).familyName()).isEqualTo("Ashworth");
        HousingFacts.Tenancy t = (HousingFacts.Tenancy) r.fact();
        assertThat(t.tenure()).isEqualTo("ASSURED_SHORTHOLD");
        assertThat(t.startDate()).isEqualTo(LocalDate.of(2019, 8, 12));
        assertThat(t.provider()).isEqualTo("chesterfield-homes");
    }

    @Test
    void aBadRowIsRefusedByLineColumnAndRuleWhileTheRestOfTheFileGoesOn() {
        String csv = "record_type,reference,uprn,given_name,family_name,date_of_birth,start_date,tenure,provider\n"
                + "tenancy,CH/1,100030123456,Zephyrine,Quillfeather,2013-02-30,2019-08-12,SECURE,chesterfield-homes\n"
                + "tenancy,CH/2,100030123456,Rose,Ashworth,1987-06-01,2019-08-12,SECURE,chesterfield-homes\n"
                + "tenancy,CH/3,100030123456,Rose,\"Ash\"worth,1987-06-01,2019-08-12,SECURE,chesterfield-homes\n"
                + "tenancy,CH/4,too,few\n"
                + "tenancy,CH/5,100030123456,Rose,Ashworth,1987-06-01,2019-08-12,SECURE,chesterfield-homes\n";

        HousingCsvReader.Extract extract = read(csv);

        assertThat(extract.rows()).hasSize(5);
        assertThat(extract.rows())
                .filteredOn(r -> r instanceof HousingCsvReader.Good)
                .extracting(HousingCsvReader.Row::line)
                .containsExactly(3, 6);
        assertThat(reasons(extract))
                .containsExactly(
                        "line 2: date_of_birth is not a real date (yyyy-MM-dd)",
                        "line 4: is not readable as CSV (a stray quote?)",
                        "line 5: has 4 values where the header has 9 columns");
        assertThat(String.join(" ", reasons(extract))).doesNotContain("Zephyrine", "Quillfeather", "2013-02-30");
        assertThat(((HousingCsvReader.Bad) extract.rows().get(0)).raw())
                .asString(StandardCharsets.UTF_8)
                .contains("Zephyrine");
    }

    @Test
    void aValueForAnotherTypesColumnAnUnknownTypeAndBadBytesAreEachARowsOwnProblem() {
        byte[] latin1 = "tenancy,CH/9,1,Jos\u00e9,Smith,2019-08-12,SECURE,x\n".getBytes(StandardCharsets.ISO_8859_1);
        String head = "record_type,reference,uprn,given_name,family_name,start_date,tenure,provider\n"
                + "notice,N/1,1,Rose,Ashworth,2019-08-12,,\n"
                + "caravan,C/1,1,Rose,Ashworth,,,\n";
        byte[] file = concat(head.getBytes(StandardCharsets.UTF_8), latin1);

        HousingCsvReader.Extract extract = HousingSamples.CSV.read(file);

        assertThat(reasons(extract))
                .containsExactly(
                        "line 2: start_date does not belong to a notice row: leave it empty",
                        "line 3: record_type must be tenancy, rent-arrears, notice, eviction, homelessness-application"
                                + " or temporary-accommodation",
                        "line 4: is not valid UTF-8 text");
    }

    @Test
    void anUnclosedQuoteDeadLettersTheRestOfTheFileAsOneRow() {
        String csv = "record_type,reference,given_name,family_name\n"
                + "eviction,E/1,\"Rose,Ashworth\n"
                + "eviction,E/2,Rose,Ashworth\n";

        HousingCsvReader.Extract extract = read(csv);

        assertThat(reasons(extract)).containsExactly("line 2 onwards: a quote is never closed");
        assertThat(((HousingCsvReader.Bad) extract.rows().get(0)).raw())
                .asString(StandardCharsets.UTF_8)
                .contains("E/2");
    }

    @Test
    void anUnusableHeaderRefusesTheFileNamingColumnsByPositionOnly() {
        assertThatThrownBy(() -> read("Zephyrine,reference,reference,family_name\nx,y,z,w\n"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field() + " " + f.reason())
                        .containsExactlyInAnyOrder(
                                "column 1 is not a documented column",
                                "column 3 repeats an earlier column",
                                "record_type is a required column",
                                "given_name is a required column"));
        assertThatThrownBy(() -> read("\n \n")).isInstanceOf(RequestRejected.class);
    }

    @Test
    void theSameBytesHaveTheSameDigestAndOneByteMoreAnother() {
        byte[] file = HousingSamples.exampleCsv();
        byte[] more = concat(file, "\n".getBytes(StandardCharsets.UTF_8));

        assertThat(HousingSamples.CSV.read(file).digest()).isEqualTo(HousingCsvReader.digest(file));
        assertThat(HousingCsvReader.digest(more)).isNotEqualTo(HousingCsvReader.digest(file));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
