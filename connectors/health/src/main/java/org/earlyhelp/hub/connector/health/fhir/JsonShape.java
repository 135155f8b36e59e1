package org.earlyhelp.hub.connector.health.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One streaming pass over the JSON before HAPI builds anything: well-formed, one object and nothing after it, no
 * property given twice (HAPI would keep one silently), no deeper than {@link FhirJson#MAX_DEPTH}, no more Bundle
 * entries than {@link FhirJson#MAX_BUNDLE_ENTRIES}, and a string {@code resourceType}. Cheap and bounded, so a hostile
 * input costs one scan and never a resource tree. Jackson's messages quote the input, so only its line and column
 * are kept.
 */
final class JsonShape {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(FhirJson.MAX_DEPTH + 1)
                    .maxStringLength(FhirJson.MAX_CHARS)
                    .maxNumberLength(100)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonShape() {}

    /** @return the resource type the object names */
    static String check(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw refused("structure", "the input is not a JSON object");
            }
            String type = walk(p);
            if (p.nextToken() != null) {
                throw refused("structure", "the input has content after its one JSON object");
            }
            if (type == null) {
                throw new FhirInputException(new FhirProblem("required", "resourceType", "is required, as a string"));
            }
            return type;
        } catch (StreamConstraintsException e) {
            throw refused("too-costly", "the input is nested, or has a number or string, beyond what the hub reads");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw refused("structure", "the input is not well-formed JSON, or repeats a property" + where);
        } catch (IOException e) {
            throw refused("structure", "the input cannot be read");
        }
    }

    /** Walks the root object's content; the parser stands on its opening brace. */
    private static String walk(JsonParser p) throws IOException {
        Deque<Boolean> entryArrays = new ArrayDeque<>(); // per open container: is it a Bundle's entry array
        entryArrays.push(false);
        String field = null;
        String type = null;
        int entries = 0;
        while (!entryArrays.isEmpty()) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw refused("structure", "the input ends before its JSON object closes");
            }
            switch (t) {
                case FIELD_NAME -> {
                    field = p.currentName();
                    continue;
                }
                case END_OBJECT, END_ARRAY -> entryArrays.pop();
                case START_OBJECT, START_ARRAY -> {
                    entries += count(entryArrays);
                    if (entryArrays.size() >= FhirJson.MAX_DEPTH) {
                        throw refused("too-costly", "the input is nested deeper than " + FhirJson.MAX_DEPTH);
                    }
                    entryArrays.push(t == JsonToken.START_ARRAY && "entry".equals(field));
                }
                default -> {
                    entries += count(entryArrays);
                    if (entryArrays.size() == 1 && "resourceType".equals(field)) {
                        type = t == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                }
            }
            field = null;
            if (entries > FhirJson.MAX_BUNDLE_ENTRIES) {
                throw refused(
                        "too-costly", "the input has more than " + FhirJson.MAX_BUNDLE_ENTRIES + " Bundle entries");
            }
        }
        return type;
    }

    private static int count(Deque<Boolean> entryArrays) {
        return Boolean.TRUE.equals(entryArrays.peek()) ? 1 : 0;
    }

    private static FhirInputException refused(String code, String diagnostics) {
        return new FhirInputException(new FhirProblem(code, null, diagnostics));
    }
}
