package org.earlyhelp.hub.connector.housing;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The documented columns of a housing CSV extract ({@code docs/partners/housing-csv.md}) and the JSON field each
 * one fills, so a row is read into the same request a JSON post is, and an error on a JSON path is reported against
 * its column.
 */
final class HousingCsvColumns {

    static final String RECORD_TYPE = "record_type";

    /** Person columns: the one person a row is about. */
    static final Map<String, String> PERSON = ordered(
            "person_ref", "ref",
            "person_role", "role",
            "given_name", "givenName",
            "family_name", "familyName",
            "date_of_birth", "dateOfBirth",
            "sex", "sex",
            "nhs_number", "nhsNumber");

    static final Set<String> ADDRESS_LINES = Set.of("address_line_1", "address_line_2", "address_line_3");
    static final String POSTCODE = "postcode";

    /** Columns every type has. */
    static final Map<String, String> COMMON = ordered("reference", "reference", "uprn", "uprn", "notes", "notes");

    /** Each type's own columns. */
    static final Map<HousingRecordType, Map<String, String>> OWN = new EnumMap<>(HousingRecordType.class);

    static {
        OWN.put(
                HousingRecordType.TENANCY,
                ordered("start_date", "startDate", "end_date", "endDate", "tenure", "tenure", "provider", "provider"));
        OWN.put(
                HousingRecordType.RENT_ARREARS,
                ordered(
                        "as_of",
                        "asOf",
                        "arrears_weeks",
                        "weeks",
                        "arrears_band",
                        "amountBand",
                        "notice_attached",
                        "noticeAttached"));
        OWN.put(
                HousingRecordType.NOTICE,
                ordered("notice_type", "noticeType", "served_on", "servedOn", "expires_on", "expiresOn"));
        OWN.put(HousingRecordType.EVICTION, ordered("eviction_date", "evictionDate", "status", "status"));
        OWN.put(
                HousingRecordType.HOMELESSNESS_APPLICATION,
                ordered("applied_on", "appliedOn", "duty", "duty", "status", "status"));
        OWN.put(
                HousingRecordType.TEMPORARY_ACCOMMODATION,
                ordered("since", "since", "accommodation_type", "accommodationType", "out_of_area", "outOfArea"));
    }

    /** Columns a file must have. */
    static final Set<String> REQUIRED = Set.of(RECORD_TYPE, "reference", "given_name", "family_name");

    /** Fields read as booleans, integers and dates. */
    static final Set<String> BOOLEANS = Set.of("noticeAttached", "outOfArea");

    static final Set<String> INTEGERS = Set.of("weeks");
    static final Set<String> ENUMS =
            Set.of("role", "sex", "tenure", "amountBand", "noticeType", "status", "duty", "accommodationType");
    static final Set<String> DATES = Set.of(
            "dateOfBirth",
            "startDate",
            "endDate",
            "asOf",
            "servedOn",
            "expiresOn",
            "evictionDate",
            "appliedOn",
            "since");

    private HousingCsvColumns() {}

    /** Every documented column. */
    static Set<String> all() {
        Set<String> out = new LinkedHashSet<>();
        out.add(RECORD_TYPE);
        out.addAll(COMMON.keySet());
        out.addAll(PERSON.keySet());
        out.addAll(ADDRESS_LINES);
        out.add(POSTCODE);
        OWN.values().forEach(m -> out.addAll(m.keySet()));
        return out;
    }

    /** The column a JSON path of a row's request came from, or null when none did. */
    static String columnOf(HousingRecordType type, String path) {
        if (path == null) {
            return null;
        }
        if (path.startsWith("people[0].address.lines")) {
            return "address_line_1";
        }
        if (path.startsWith("people[0].address.postcode")) {
            return POSTCODE;
        }
        if (path.startsWith("people[0].")) {
            return key(PERSON, path.substring("people[0].".length()));
        }
        if (path.startsWith(type.bodyKey() + ".")) {
            String field = path.substring(type.bodyKey().length() + 1);
            String c = key(COMMON, field);
            return c != null ? c : key(OWN.get(type), field);
        }
        return null;
    }

    private static String key(Map<String, String> columns, String field) {
        for (Map.Entry<String, String> e : columns.entrySet()) {
            if (e.getValue().equals(field)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
