package org.earlyhelp.hub.connector.police.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.police.events.AntiSocialBehaviourRequest;
import org.earlyhelp.hub.connector.police.events.MissingEpisodeRequest;
import org.earlyhelp.hub.connector.police.events.YouthOffendingRequest;
import org.junit.jupiter.api.Test;

class PoliceExtractReaderTest {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    static final Path EXAMPLE = Path.of("..", "..", "docs", "partners", "police-extract-example.csv");

    final PoliceExtractReader reader =
            new PoliceExtractReader(Validation.buildDefaultValidatorFactory().getValidator(), NOW);

    static String example() throws IOException {
        return Files.readString(EXAMPLE);
    }

    PoliceExtract read(String csv) {
        return reader.read(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentedExampleReadsEveryRowAsTheRequestItsEndpointTakes() throws IOException {
        // Given the committed example extract
        // When it is read
        PoliceExtract extract = read(example());

        // Then every row is good, numbered as the force sees it (header = row 1), of the type it names
        assertThat(extract.rows()).allMatch(r -> r instanceof PoliceExtract.Good);
        assertThat(extract.rows()).extracting(PoliceExtract.Row::number).containsExactly(2, 3, 4, 5, 6);
        List<Object> requests = extract.rows().stream()
                .map(r -> (Object) ((PoliceExtract.Good) r).request())
                .toList();
        assertThat(requests.get(0)).isInstanceOf(MissingEpisodeRequest.class);
        assertThat(requests.get(3)).isInstanceOf(AntiSocialBehaviourRequest.class);
        assertThat(requests.get(4)).isInstanceOf(YouthOffendingRequest.class);
        // And the UK local time, the UK date format and the spaced NHS number are read as meant
        MissingEpisodeRequest reported = (MissingEpisodeRequest) requests.get(0);
        assertThat(reported.occurredAt().toInstant()).isEqualTo(Instant.parse("2026-11-20T18:05:00Z"));
        MissingEpisodeRequest interview = (MissingEpisodeRequest) requests.get(2);
        assertThat(interview.people().get(0).dateOfBirth()).hasToString("2011-06-14");
        assertThat(interview.people().get(0).nhsNumber()).isEqualTo("3982597919");
        assertThat(interview.event()).isEqualTo("RETURN_INTERVIEW_OFFERED");
        // And the three steps of one episode have three keys, a re-read row the same key
        assertThat(requests.stream()
                        .limit(3)
                        .map(r -> ((MissingEpisodeRequest) r).key())
                        .distinct())
                .hasSize(3);
        PoliceExtract again = read(example());
        assertThat(((PoliceExtract.Good) again.rows().get(0)).request().key()).isEqualTo(reported.key());
        assertThat(again.digest()).isEqualTo(extract.digest());
    }

    @Test
    void columnOrderCaseAndStraySpacesDoNotMatter() throws IOException {
        // Given the example with its columns reversed, headers in odd case and spacing, and padded cells
        List<List<String>> table = new ArrayList<>();
        for (String line : example().split("\n")) {
            table.add(new ArrayList<>(Arrays.asList(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))));
        }
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < table.size(); i++) {
            List<String> row = table.get(i);
            Collections.reverse(row);
            List<String> cells = new ArrayList<>();
            for (String c : row) {
                cells.add(i == 0 ? "  " + c.toUpperCase().replace('_', ' ') + " " : " " + c + "  ");
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }

        // When it is read, then it reads as the example does
        PoliceExtract shuffled = read("\uFEFF" + csv);
        PoliceExtract plain = read(example());
        assertThat(shuffled.rows()).allMatch(r -> r instanceof PoliceExtract.Good);
        for (int i = 0; i < plain.rows().size(); i++) {
            assertThat(((PoliceExtract.Good) shuffled.rows().get(i)).request())
                    .isEqualTo(((PoliceExtract.Good) plain.rows().get(i)).request());
        }
    }

    @Test
    void eachBadRowGetsAReasonByColumnWithoutItsValueWhileTheOthersAreRead() throws IOException {
        // Given the example with a row whose date of birth is impossible, one of an unknown type, one short
        String csv = example()
                + "missing-episode,MISPER/2026/0500,2026-11-22 10:00,Zephyrine,Quillfeather,2013-02-30,F,,,,,"
                + "REPORTED_MISSING,,,,,,,,,\n"
                + "burglary,CR/1,2026-11-22 10:00,Zephyrine,Quillfeather,2013-07-19,F,,,,,,,,,,,,,,\n"
                + "youth-offending,YO/2,2026-11-22 10:00,Zephyrine\n"
                + "youth-offending,YO/3,2026-11-22 10:00,Zephyrine,Quillfeather,2013-07-19,F,4857773456,,,,,,,,,"
                + "CAUTIONED,,,,\n"
                + "anti-social-behaviour,ASB/9,2026-12-25 10:00,Zephyrine,Quillfeather,2013-07-19,F,,,,,,,,,,,,,,\n";

        // When it is read
        PoliceExtract extract = read(csv);

        // Then the good rows are good and each bad one names its column and rule
        assertThat(extract.rows()).hasSize(10);
        assertThat(extract.rows().subList(0, 5)).allMatch(r -> r instanceof PoliceExtract.Good);
        List<String> reasons = extract.rows().subList(5, 10).stream()
                .map(r -> ((PoliceExtract.Bad) r).reason())
                .toList();
        assertThat(reasons.get(0)).startsWith("date_of_birth: is not a real date");
        assertThat(reasons.get(1)).startsWith("record_type: must be");
        assertThat(reasons.get(2)).isEqualTo("row: has 4 cells where the header has 21");
        assertThat(reasons.get(3)).contains("nhs_number: fails the NHS number check digit", "outcome: must be");
        assertThat(reasons.get(4)).contains("occurred_at: must not be in the future", "asb_category: must not be null");
        // And no reason quotes anything sent
        assertThat(String.join(" ", reasons))
                .doesNotContain("Zephyrine", "Quillfeather", "2013-07-19", "4857773456", "CAUTIONED", "burglary");
    }

    @Test
    void anExtractThatIsNotUtf8IsRefusedWhole() {
        byte[] latin1 = "record_type,reference,occurred_at,given_name,family_name,date_of_birth\n"
                .concat("missing-episode,M/1,2026-11-22 10:00,Zo\u00eb,Smith,2013-07-19\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(latin1)).isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(
                        e.errors().get(0).reason())
                .contains("not UTF-8"));
    }

    @Test
    void anUnclosedQuoteIsRefusedWholeNamingTheRowBeforeIt() throws IOException {
        String csv = example() + "missing-episode,\"MISPER/2026/9,2026-11-22 10:00\n";
        assertThatThrownBy(() -> read(csv)).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors().get(0).reason()).contains("not well-formed CSV after row 6");
        });
    }

    @Test
    void aHeaderWithAnUnknownRepeatedOrMissingColumnIsRefusedWithoutQuotingIt() {
        String csv = "record_type,reference,Zephyrine,reference,given_name,family_name\nx,y,z,w,v,u\n";
        assertThatThrownBy(() -> read(csv)).isInstanceOfSatisfying(RequestRejected.class, e -> {
            assertThat(e.errors())
                    .extracting(f -> f.reason())
                    .contains(
                            "header column 3 is not a documented column",
                            "header column 4 repeats an earlier column",
                            "the header has no occurred_at column",
                            "the header has no date_of_birth column")
                    .noneMatch(r -> r.contains("Zephyrine"));
        });
    }

    @Test
    void anEmptyOrOversizeExtractIsRefused() {
        assertThatThrownBy(() -> read("")).isInstanceOfSatisfying(RequestRejected.class, e -> assertThat(
                        e.errors().get(0).reason())
                .contains("empty"));
        assertThatThrownBy(() -> reader.read(new byte[PoliceExtractReader.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(
                        RequestRejected.class, e -> assertThat(e.status()).isEqualTo(413));
    }

    @Test
    void anOversizeCellOrAControlCharacterRefusesOnlyItsRow() throws IOException {
        String csv = example()
                + "missing-episode,M/2,2026-11-22 10:00,Zephyrine,Smith,2013-07-19,F,,,,,FOUND,,,,,,,,,"
                + "x".repeat(5000) + "\n"
                + "missing-episode,M/3,2026-11-22 10:00,\"Zeph\u0000yrine\",Smith,2013-07-19,F,,,,,FOUND,,,,,,,,,\n";
        PoliceExtract extract = read(csv);
        assertThat(((PoliceExtract.Bad) extract.rows().get(5)).reason())
                .isEqualTo("notes: is longer than 4000 characters");
        assertThat(((PoliceExtract.Bad) extract.rows().get(6)).reason())
                .isEqualTo("given_name: contains control characters");
    }
}
