package org.earlyhelp.hub.connector.housing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earlyhelp.hub.connector.api.RequestRejected;

/**
 * Turns one CSV row's cells into the JSON body a post of the same record would have, tolerating what extracts do:
 * {@code yes}/{@code no} for flags, {@code dd/mm/yyyy} dates, code values in any case with spaces or hyphens. What
 * it cannot read it passes on as text for the strict reader to refuse by field and rule.
 */
final class HousingCsvRows {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern UK_DATE = Pattern.compile("([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})");

    private HousingCsvRows() {}

    static ObjectNode toJson(HousingRecordType type, Map<String, String> cells) {
        Map<String, String> own = HousingCsvColumns.OWN.get(type);
        ObjectNode person = NODES.objectNode();
        person.put("ref", "p1");
        person.put("role", "OTHER");
        ObjectNode fact = NODES.objectNode();
        ArrayNode lines = NODES.arrayNode();
        String postcode = null;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String column = cell.getKey();
            String value = cell.getValue();
            if (value.length() > HousingCsvReader.MAX_VALUE_CHARS) {
                throw new RequestRejected(column, "is longer than " + HousingCsvReader.MAX_VALUE_CHARS + " characters");
            }
            if (column.equals(HousingCsvColumns.RECORD_TYPE)) {
                continue;
            } else if (HousingCsvColumns.PERSON.containsKey(column)) {
                put(person, HousingCsvColumns.PERSON.get(column), value);
            } else if (HousingCsvColumns.ADDRESS_LINES.contains(column)) {
                lines.add(value);
            } else if (column.equals(HousingCsvColumns.POSTCODE)) {
                postcode = value;
            } else if (HousingCsvColumns.COMMON.containsKey(column)) {
                put(fact, HousingCsvColumns.COMMON.get(column), value);
            } else if (own.containsKey(column)) {
                put(fact, own.get(column), value);
            } else {
                throw new RequestRejected(column, "does not belong to a " + type.csvName() + " row: leave it empty");
            }
        }
        if (!lines.isEmpty() || postcode != null) {
            ObjectNode address = person.putObject("address");
            address.set("lines", lines);
            if (postcode != null) {
                address.put("postcode", postcode);
            }
        }
        ObjectNode body = NODES.objectNode();
        body.putArray("people").add(person);
        body.set(type.bodyKey(), fact);
        return body;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (HousingCsvColumns.BOOLEANS.contains(field)) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y" -> node.put(field, true);
                case "false", "no", "n" -> node.put(field, false);
                default -> node.put(field, value);
            }
        } else if (HousingCsvColumns.INTEGERS.contains(field) && value.matches("[0-9]{1,9}")) {
            node.put(field, Integer.parseInt(value));
        } else if (HousingCsvColumns.ENUMS.contains(field)) {
            node.put(field, value.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
        } else if (HousingCsvColumns.DATES.contains(field)) {
            Matcher m = UK_DATE.matcher(value);
            node.put(field, m.matches() ? m.group(3) + "-" + pad(m.group(2)) + "-" + pad(m.group(1)) : value);
        } else if (field.equals("nhsNumber")) {
            node.put(field, value.replaceAll("[\\s-]", ""));
        } else {
            node.put(field, value);
        }
    }

    private static String pad(String n) {
        return n.length() == 1 ? "0" + n : n;
    }
}
