package org.earlyhelp.hub.connector.housing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.StrictJsonReader;

/**
 * Reads a housing CSV extract (layout: {@code docs/partners/housing-csv.md}) into one request per row, each checked
 * exactly as a JSON post is (the row is read into the same request by the same strict reader). Header names are
 * matched whatever their order, case and stray spaces; a file whose header is unusable is refused as a whole (400);
 * a bad row is returned as {@link Bad} with a reason that names line, column and rule, never a value, and the rest of
 * the file goes on.
 */
final class HousingCsvReader {

    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_COLUMNS = 64;
    static final int MAX_VALUE_CHARS = 4000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    /** One row of the file. */
    sealed interface Row permits Good, Bad {
        int line();
    }

    record Good(int line, HousingRecordType type, HousingRequests.Request request, byte[] raw) implements Row {}

    /** A row the hub cannot take: the reason is free of personal data; {@code raw} is the row as sent. */
    record Bad(int line, String reason, byte[] raw) implements Row {}

    /** The rows of a file, and the file's SHA-256 (the key that makes reading it again a replay). */
    record Extract(String digest, List<Row> rows) {}

    private final StrictJsonReader reader;

    HousingCsvReader(StrictJsonReader reader) {
        this.reader = reader;
    }

    Extract read(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw new RequestRejected(
                    413,
                    List.of(new FieldError(null, "the file is larger than " + MAX_BYTES + " bytes: send it in parts")));
        }
        String digest = digest(file);
        String text = decode(file);
        List<HousingCsvSplitter.Chunk> chunks = new ArrayList<>();
        for (HousingCsvSplitter.Chunk c : HousingCsvSplitter.split(text)) {
            if (!c.text().isBlank()) {
                chunks.add(c);
            }
        }
        if (chunks.isEmpty()) {
            throw new RequestRejected(null, "the file is empty: a header line and rows are expected");
        }
        List<String> header = header(chunks.get(0));
        List<Row> rows = new ArrayList<>();
        for (HousingCsvSplitter.Chunk c : chunks.subList(1, chunks.size())) {
            rows.add(row(header, c));
        }
        return new Extract(digest, rows);
    }

    private static String decode(byte[] file) {
        int offset =
                file.length >= 3 && (file[0] & 0xff) == 0xEF && (file[1] & 0xff) == 0xBB && (file[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(file, offset, file.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not throw", e);
        }
    }

    private static List<String> header(HousingCsvSplitter.Chunk chunk) {
        List<String> values = parse(chunk.text());
        if (values == null || chunk.unclosedQuote() || chunk.text().indexOf('\uFFFD') >= 0) {
            throw new RequestRejected(null, "the header line is not readable as UTF-8 CSV");
        }
        if (values.size() > MAX_COLUMNS) {
            throw new RequestRejected(null, "the header has more than " + MAX_COLUMNS + " columns");
        }
        List<String> names = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String name =
                    values.get(i).strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", "_");
            if (!HousingCsvColumns.all().contains(name)) {
                problems.add(new FieldError("column " + (i + 1), "is not a documented column"));
            } else if (names.contains(name)) {
                problems.add(new FieldError("column " + (i + 1), "repeats an earlier column"));
            }
            names.add(name);
        }
        for (String required : HousingCsvColumns.REQUIRED) {
            if (!names.contains(required)) {
                problems.add(new FieldError(required, "is a required column"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RequestRejected(problems);
        }
        return names;
    }

    private Row row(List<String> header, HousingCsvSplitter.Chunk chunk) {
        byte[] raw = chunk.text().getBytes(StandardCharsets.UTF_8);
        int line = chunk.line();
        if (chunk.unclosedQuote()) {
            return new Bad(line, "line " + line + " onwards: a quote is never closed", raw);
        }
        if (chunk.text().indexOf('\uFFFD') >= 0) {
            return new Bad(line, "line " + line + ": is not valid UTF-8 text", raw);
        }
        List<String> values = parse(chunk.text());
        if (values == null) {
            return new Bad(line, "line " + line + ": is not readable as CSV (a stray quote?)", raw);
        }
        if (values.size() != header.size()) {
            return new Bad(
                    line,
                    "line " + line + ": has " + values.size() + " values where the header has " + header.size()
                            + " columns",
                    raw);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!values.get(i).isEmpty()) {
                cells.put(header.get(i), values.get(i));
            }
        }
        try {
            HousingRecordType type = type(cells.get(HousingCsvColumns.RECORD_TYPE));
            ObjectNode body = HousingCsvRows.toJson(type, cells);
            return new Good(line, type, readAs(type, type.request(), body), raw);
        } catch (RequestRejected e) {
            return new Bad(line, reason(line, cells, e), raw);
        }
    }

    private static HousingRecordType type(String name) {
        if (name == null) {
            throw new RequestRejected(HousingCsvColumns.RECORD_TYPE, "is required");
        }
        return HousingRecordType.ofCsvName(name)
                .orElseThrow(() -> new RequestRejected(
                        HousingCsvColumns.RECORD_TYPE,
                        "must be tenancy, rent-arrears, notice, eviction, homelessness-application or"
                                + " temporary-accommodation"));
    }

    private <T extends HousingRequests.Request> T readAs(HousingRecordType type, Class<T> cls, ObjectNode body) {
        try {
            byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
            return reader.read(new ByteArrayInputStream(json), cls, v -> HousingRecordMapper.problems(type, v));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code line 7: date_of_birth is not a real date; start_date must not be null}: columns and rules only. */
    private static String reason(int line, Map<String, String> cells, RequestRejected e) {
        HousingRecordType type = HousingRecordType.ofCsvName(cells.getOrDefault(HousingCsvColumns.RECORD_TYPE, ""))
                .orElse(null);
        StringBuilder out = new StringBuilder("line ").append(line).append(": ");
        for (int i = 0; i < e.errors().size(); i++) {
            FieldError f = e.errors().get(i);
            String column = f.field() != null && HousingCsvColumns.all().contains(f.field())
                    ? f.field()
                    : type == null ? null : HousingCsvColumns.columnOf(type, f.field());
            if (i > 0) {
                out.append("; ");
            }
            out.append(column == null ? "the row" : column).append(' ').append(f.reason());
        }
        return out.toString();
    }

    /** The values of one record, or null when it is not CSV. */
    private static List<String> parse(String text) {
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            List<String> values = new ArrayList<>();
            records.get(0).forEach(values::add);
            return values;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return null;
        }
    }

    static String digest(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
