package org.earlyhelp.hub.connector.police.extract;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;

/**
 * Reads a nightly extract. What makes the whole file unreadable (too large, not UTF-8, not well-formed CSV, a header
 * that is not the documented one) is a {@link RequestRejected} before any row is used; otherwise every row is read on
 * its own, so one bad row never holds back the rest. Bounded: {@value #MAX_BYTES} bytes, {@value #MAX_ROWS} rows.
 */
public final class PoliceExtractReader {

    public static final int MAX_BYTES = 16 * 1024 * 1024;
    public static final int MAX_ROWS = 50_000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final ExtractRowMapper rows;

    public PoliceExtractReader(Validator validator, Clock clock) {
        this.rows = new ExtractRowMapper(validator, clock);
    }

    public PoliceExtract read(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw new RequestRejected(
                    RequestRejected.TOO_LARGE,
                    List.of(new FieldError("$", "the extract is larger than " + MAX_BYTES + " bytes: split it")));
        }
        List<CSVRecord> records = parse(text(file));
        if (records.isEmpty()) {
            throw new RequestRejected("$", "the extract is empty: send the header row and one row per event");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new RequestRejected(
                    RequestRejected.TOO_LARGE,
                    List.of(new FieldError("$", "the extract has more than " + MAX_ROWS + " rows: split it")));
        }
        List<String> header = header(records.get(0));
        List<PoliceExtract.Row> out = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            out.add(row(i + 1, header, records.get(i)));
        }
        return new PoliceExtract(digest(file), header, out);
    }

    private PoliceExtract.Row row(int number, List<String> header, CSVRecord record) {
        List<String> cells = record.toList();
        if (cells.size() != header.size()) {
            return new PoliceExtract.Bad(
                    number, cells, "row: has " + cells.size() + " cells where the header has " + header.size());
        }
        Map<String, String> row = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String cell = cells.get(c).strip();
            row.put(header.get(c), cell.isEmpty() ? null : cell);
        }
        ExtractRowMapper.Mapped mapped = rows.map(row);
        if (mapped instanceof ExtractRowMapper.Request r) {
            return new PoliceExtract.Good(number, cells, r.request());
        }
        return new PoliceExtract.Bad(number, cells, ((ExtractRowMapper.Problems) mapped).reason());
    }

    private static String text(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new RequestRejected("$", "the extract is not UTF-8 text: export it as UTF-8 and send it again");
        }
    }

    private static List<CSVRecord> parse(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = new ArrayList<>();
            var it = parser.iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        return records;
                    }
                    records.add(it.next());
                } catch (UncheckedIOException | IllegalStateException e) {
                    // an unclosed quote or text after one: the rows after it cannot be told apart
                    throw new RequestRejected(
                            "$",
                            "the extract is not well-formed CSV after row " + records.size()
                                    + " (an unclosed or stray quote): nothing was read");
                }
                if (records.size() > MAX_ROWS + 1) {
                    return records;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(CSVRecord record) {
        List<String> header = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < record.size(); c++) {
            String name = ExtractColumns.normalise(record.get(c));
            if (!ExtractColumns.ALL.contains(name)) {
                problems.add(new FieldError("$", "header column " + (c + 1) + " is not a documented column"));
            } else if (!seen.add(name)) {
                problems.add(new FieldError("$", "header column " + (c + 1) + " repeats an earlier column"));
            }
            header.add(name);
        }
        for (String required : ExtractColumns.REQUIRED) {
            if (!seen.contains(required)) {
                problems.add(new FieldError("$", "the header has no " + required + " column"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RequestRejected(problems);
        }
        return header;
    }

    private static String digest(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
