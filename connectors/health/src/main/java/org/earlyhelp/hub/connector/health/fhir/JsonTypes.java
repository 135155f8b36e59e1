package org.earlyhelp.hub.connector.health.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * What HAPI's strict parser lets through and then quietly corrects: a string where FHIR JSON has a boolean or a number
 * ({@code "active": "true"}), an array for an element that occurs once ({@code "family": ["Smith"]}), a single value
 * for one that repeats, an element it drops. The resource as parsed is encoded again and the JSON type at every path
 * of the input is compared with the type HAPI wrote there: any difference is a problem naming the path, never the
 * value. A sender whose JSON differs from R4 is told, rather than having its data rewritten.
 */
final class JsonTypes {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An element name as FHIR spells them; anything else in a key is not repeated in a problem. */
    private static final Pattern NAME = Pattern.compile("_?[A-Za-z][A-Za-z0-9]{0,63}");

    /** More problems than this is one sender's one mistake repeated: the first ones are enough to fix it. */
    private static final int MAX_PROBLEMS = 20;

    private JsonTypes() {}

    /** @return the differences between the input and the resource HAPI read from it; empty when they agree */
    static List<FhirProblem> check(String input, IBaseResource parsed) {
        JsonNode in;
        JsonNode out;
        try {
            in = JSON.readTree(input);
            out = JSON.readTree(FhirJson.context().newJsonParser().encodeResourceToString(parsed));
        } catch (Exception e) {
            return List.of(new FhirProblem("structure", null, "cannot be read back as the R4 resource it names"));
        }
        List<FhirProblem> problems = new ArrayList<>();
        compare(in, out, in.path("resourceType").asText("Resource"), problems);
        return problems;
    }

    private static void compare(JsonNode in, JsonNode out, String path, List<FhirProblem> problems) {
        if (problems.size() >= MAX_PROBLEMS || in.isNull()) {
            return; // null stands in a primitive array beside its _element array; HAPI keeps the alignment
        }
        if (out == null || out.isMissingNode() || out.isNull()) {
            problems.add(new FhirProblem("structure", path, "is not kept when the resource is read (empty or void)"));
            return;
        }
        if (in.isObject()) {
            if (!out.isObject()) {
                problems.add(wrongType(path, out, in));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = NAME.matcher(field.getKey()).matches() ? field.getKey() : "(an element)";
                if (name.equals("div") && path.endsWith(".text")) {
                    continue; // the narrative's XHTML is rewritten by HAPI; its type is checked by the parse
                }
                compare(field.getValue(), out.get(field.getKey()), path + "." + name, problems);
            }
        } else if (in.isArray()) {
            if (!out.isArray()) {
                problems.add(new FhirProblem("structure", path, "is an array, but the element occurs only once"));
                return;
            }
            for (int i = 0; i < in.size(); i++) {
                compare(in.get(i), i < out.size() ? out.get(i) : null, path, problems);
            }
        } else if (out.isArray()) {
            problems.add(new FhirProblem("structure", path, "must be an array: the element repeats"));
        } else if (kind(in) != kind(out)) {
            problems.add(wrongType(path, out, in));
        }
    }

    private static FhirProblem wrongType(String path, JsonNode expected, JsonNode found) {
        return new FhirProblem(
                "structure",
                path,
                "has the wrong JSON type: expected " + name(kind(expected)) + ", found " + name(kind(found)));
    }

    private enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        NUMBER,
        BOOLEAN,
        OTHER
    }

    private static Kind kind(JsonNode n) {
        if (n.isObject()) {
            return Kind.OBJECT;
        }
        if (n.isArray()) {
            return Kind.ARRAY;
        }
        if (n.isTextual()) {
            return Kind.STRING;
        }
        if (n.isNumber()) {
            return Kind.NUMBER;
        }
        if (n.isBoolean()) {
            return Kind.BOOLEAN;
        }
        return Kind.OTHER;
    }

    private static String name(Kind k) {
        return switch (k) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OTHER -> "a value";
        };
    }
}
