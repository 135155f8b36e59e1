package org.earlyhelp.hub.analytics.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The area a person is counted in: their postcode district by default, or the ward a lookup CSV gives for their full
 * postcode or their district ({@code postcode,ward}, as in the ONS postcode directory's extract). A person with no
 * postcode is counted in {@value #UNKNOWN}.
 */
public final class Areas {

    public static final String UNKNOWN = "unknown";

    private final Map<String, String> lookup;

    private Areas(Map<String, String> lookup) {
        this.lookup = lookup;
    }

    public static Areas postcodeDistricts() {
        return new Areas(Map.of());
    }

    /**
     * @throws IllegalArgumentException naming the file and line of a row without a postcode and a ward
     */
    public static Areas wards(Path csv) throws IOException {
        Map<String, String> lookup = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get()
                    .parse(in)) {
                if (!row.isMapped("postcode") || !row.isMapped("ward")) {
                    throw new IllegalArgumentException(csv + ": the header must name the columns postcode and ward");
                }
                String postcode = normalise(row.get("postcode"));
                String ward = row.get("ward");
                if (postcode.isEmpty() || ward.isBlank()) {
                    throw new IllegalArgumentException(
                            csv + ":" + (row.getRecordNumber() + 1) + ": a row needs a postcode and a ward");
                }
                lookup.put(postcode, ward);
            }
        }
        return new Areas(lookup);
    }

    public String areaOf(String postcode) {
        if (postcode == null) {
            return UNKNOWN;
        }
        String p = normalise(postcode);
        if (p.length() < 5 || p.length() > 7) {
            return UNKNOWN;
        }
        String district = p.substring(0, p.length() - 3);
        if (lookup.isEmpty()) {
            return district;
        }
        return lookup.getOrDefault(p, lookup.getOrDefault(district, UNKNOWN));
    }

    /** The postcode district alone (the outward code), whatever the areas are. */
    public static String district(String postcode) {
        if (postcode == null) {
            return null;
        }
        String p = normalise(postcode);
        return p.length() < 5 || p.length() > 7 ? null : p.substring(0, p.length() - 3);
    }

    private static String normalise(String postcode) {
        return postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
