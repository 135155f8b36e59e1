package org.earlyhelp.hub.app.family;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.earlyhelp.hub.governance.consent.ConsentBasis;

/**
 * A consent event as the collector posts it, read strictly: exactly the documented keys, each of its JSON type
 * ({@code "given": 1} or {@code "given": "true"} is a 400, not a coerced {@code true}), no duplicate keys. Problems
 * name the field and never the submitted value.
 */
record ConsentRequest(
        String record,
        String person,
        List<String> scope,
        boolean given,
        ConsentBasis basis,
        String reference,
        LocalDate expires) {

    static final int MAX_BYTES = 16 * 1024;

    private static final Set<String> KEYS =
            Set.of("record", "person", "scope", "given", "basis", "reference", "expires");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_#:.-]{1,64}");
    private static final Pattern AGREEMENT = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.:-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Parses and checks; throws {@link PullRefused} (400) naming the first fields that are wrong. */
    static ConsentRequest parse(byte[] body) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            throw PullRefused.badRequest(null, "the body is not one JSON object without duplicate keys");
        }
        if (n == null || !n.isObject()) {
            throw PullRefused.badRequest(null, "the body is not one JSON object");
        }
        List<Map<String, String>> problems = new ArrayList<>();
        n.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                problems.add(problem("(body)", "has a field that is not a known field"));
            }
        });
        String record = text(n, "record", ID, problems);
        String person = text(n, "person", ID, problems);
        List<String> scope = scope(n.get("scope"), problems);
        JsonNode given = n.get("given");
        if (given == null || !given.isBoolean()) {
            problems.add(problem("given", "must be true or false (a JSON boolean)"));
        }
        String basisText = text(n, "basis", AGREEMENT, problems);
        ConsentBasis basis =
                basisText == null ? null : ConsentBasis.fromYaml(basisText).orElse(null);
        if (basisText != null && basis == null) {
            problems.add(problem("basis", "must be young-person, parental-responsibility or gillick-competent"));
        }
        String reference = text(n, "reference", REFERENCE, problems);
        LocalDate expires = null;
        JsonNode e = n.get("expires");
        if (e != null && !e.isNull()) {
            try {
                expires = e.isTextual() ? LocalDate.parse(e.asText()) : null;
            } catch (DateTimeParseException ex) {
                expires = null;
            }
            if (expires == null) {
                problems.add(problem("expires", "must be a date such as 2027-08-31"));
            }
        } else if (given != null && given.asBoolean(false)) {
            problems.add(problem("expires", "is required when consent is given"));
        }
        if (!problems.isEmpty()) {
            throw PullRefused.badRequest(
                    problems.get(0).get("field"), problems.get(0).get("reason"));
        }
        return new ConsentRequest(record, person, scope, given.booleanValue(), basis, reference, expires);
    }

    private static String text(JsonNode n, String key, Pattern pattern, List<Map<String, String>> problems) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual() || !pattern.matcher(v.asText()).matches()) {
            problems.add(problem(key, "is required: a string of the documented form"));
            return null;
        }
        return v.asText();
    }

    private static List<String> scope(JsonNode v, List<Map<String, String>> problems) {
        if (v == null || !v.isArray() || v.isEmpty() || v.size() > 20) {
            problems.add(problem("scope", "must list 1 to 20 agreement ids"));
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode id = v.get(i);
            if (!id.isTextual() || !AGREEMENT.matcher(id.asText()).matches() || !ids.add(id.asText())) {
                problems.add(problem("scope[" + i + "]", "must be a distinct agreement id"));
            }
        }
        return List.copyOf(ids);
    }

    private static Map<String, String> problem(String field, String reason) {
        Map<String, String> p = new HashMap<>();
        p.put("field", field);
        p.put("reason", reason);
        return p;
    }
}
