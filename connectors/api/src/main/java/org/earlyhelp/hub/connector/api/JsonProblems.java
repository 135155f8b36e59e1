package org.earlyhelp.hub.connector.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * Turns what Jackson threw into a {@link FieldError}: the JSON path and a fixed reason. Jackson's own messages quote
 * the offending value ({@code Cannot deserialize ... from String "Zephyrine"}), so no part of one is ever used.
 */
final class JsonProblems {

    private JsonProblems() {}

    static FieldError of(JsonProcessingException e, KnownNames known) {
        if (e instanceof RefusedValue r) {
            return new FieldError(path(r, known, false), r.reason());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new FieldError(path(u, known, true), "is an unknown field (misspelt?)");
        }
        if (e instanceof InvalidFormatException f) {
            return new FieldError(path(f, known, false), "is not " + describe(f.getTargetType()));
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return new FieldError("$", "has more after the JSON value");
        }
        if (e instanceof MismatchedInputException m) {
            return new FieldError(path(m, known, false), "expected " + describe(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m) {
            if (m.getCause() instanceof StreamConstraintsException limit) {
                return new FieldError(path(m, known, false), limit(limit));
            }
            return new FieldError(path(m, known, false), "cannot be read as " + "the documented shape");
        }
        if (e instanceof StreamConstraintsException limit) {
            return new FieldError(parserPath(e, known), limit(limit));
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            return new FieldError(parserPath(e, known), "is given more than once");
        }
        if (e.getLocation() != null) {
            return new FieldError(
                    "$",
                    "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        }
        return new FieldError("$", "not valid JSON");
    }

    private static String limit(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("String value length")) {
            return "exceeds the maximum length of a string";
        }
        if (message.contains("nesting depth")) {
            return "is nested too deeply";
        }
        if (message.startsWith("Number value length") || message.contains("Number")) {
            return "is a number with too many digits";
        }
        return "exceeds a size limit";
    }

    /** The path Jackson collected while unwinding, as {@code people[0].givenName}. */
    static String path(JsonMappingException e, KnownNames known, boolean lastMayBeMisspelt) {
        int n = 0;
        int last = e.getPath().size() - 1;
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(known.show(r.getFieldName(), lastMayBeMisspelt && n == last));
            }
            n++;
        }
        return s.isEmpty() ? "$" : s.toString();
    }

    /** Where the parser stood: for failures below data binding (duplicate keys, limits). */
    private static String parserPath(JsonProcessingException e, KnownNames known) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "$";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + known.show(c.getCurrentName(), false));
            }
        }
        String p = String.join("", parts);
        if (p.startsWith(".")) {
            p = p.substring(1);
        }
        return p.isEmpty() ? "$" : p;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (type == LocalDate.class) {
            return StrictDeserializers.DATE_FORMAT;
        }
        if (type == OffsetDateTime.class) {
            return StrictDeserializers.DATE_TIME_FORMAT;
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
