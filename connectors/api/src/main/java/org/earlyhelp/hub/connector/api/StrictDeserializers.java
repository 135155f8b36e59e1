package org.earlyhelp.hub.connector.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Deserializers that take each JSON token only as what it is: a string only from a JSON string and free of control
 * characters and broken surrogate pairs (PostgreSQL's jsonb refuses U+0000, and such characters only ever arrive to
 * break something), a boolean only from {@code true}/{@code false}, a whole number only from a JSON integer, a date
 * only as {@code yyyy-MM-dd} with a four-digit year and a real day, a date-time only as ISO-8601 with an offset.
 * Jackson's own would turn {@code 12345} into a name, {@code 1} into {@code true} and {@code "1"} into a number.
 */
final class StrictDeserializers {

    static final String DATE_FORMAT = "a real date (yyyy-MM-dd)";
    static final String DATE_TIME_FORMAT = "a real date-time with offset (e.g. 2026-11-22T21:40:00Z)";

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private StrictDeserializers() {}

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("hub-strict");
        m.addDeserializer(String.class, new Text());
        m.addDeserializer(Boolean.class, new Bool());
        m.addDeserializer(Integer.class, new WholeNumber());
        m.addDeserializer(Long.class, new LongNumber());
        m.addDeserializer(Double.class, new Decimal());
        m.addDeserializer(LocalDate.class, new Date());
        m.addDeserializer(OffsetDateTime.class, new DateTime());
        return m;
    }

    /** Why a string cannot be taken, or null when it can. */
    static String badCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return "contains a control character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return "contains a broken surrogate pair";
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "contains a broken surrogate pair";
            }
        }
        return null;
    }

    static final class Text extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(p, "expected a string");
            }
            String s = p.getText();
            String bad = badCharacters(s);
            if (bad != null) {
                throw new RefusedValue(p, bad);
            }
            return s;
        }
    }

    static final class Bool extends JsonDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_TRUE)) {
                return Boolean.TRUE;
            }
            if (p.hasToken(JsonToken.VALUE_FALSE)) {
                return Boolean.FALSE;
            }
            throw new RefusedValue(p, "expected true or false");
        }
    }

    static final class WholeNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                throw new RefusedValue(p, "expected a whole number");
            }
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw new RefusedValue(p, "is out of range");
            }
            return p.getIntValue();
        }
    }

    static final class LongNumber extends JsonDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
                throw new RefusedValue(p, "expected a whole number");
            }
            JsonParser.NumberType type = p.getNumberType();
            if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                throw new RefusedValue(p, "is out of range");
            }
            return p.getLongValue();
        }
    }

    static final class Decimal extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                throw new RefusedValue(p, "expected a number");
            }
            double d = p.getDoubleValue();
            if (!Double.isFinite(d)) {
                throw new RefusedValue(p, "is out of range");
            }
            return d;
        }
    }

    static final class Date extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(p, "is not " + DATE_FORMAT);
            }
            String s = p.getText();
            if (!DATE.matcher(s).matches()) {
                throw new RefusedValue(p, "is not " + DATE_FORMAT);
            }
            try {
                return LocalDate.parse(s, STRICT_DATE);
            } catch (DateTimeParseException e) {
                throw new RefusedValue(p, "is not " + DATE_FORMAT);
            }
        }
    }

    static final class DateTime extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValue(p, "is not " + DATE_TIME_FORMAT);
            }
            String s = p.getText();
            if (s.length() > 40 || !DATE_TIME.matcher(s).matches()) {
                throw new RefusedValue(p, "is not " + DATE_TIME_FORMAT);
            }
            try {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new RefusedValue(p, "is not " + DATE_TIME_FORMAT);
            }
        }
    }
}
