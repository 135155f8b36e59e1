package org.earlyhelp.hub.connector.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The one way the hub reads a JSON request body: into a value that Bean Validation accepts, or a
 * {@link RequestRejected} naming each field and reason, never a value. Bounded before parsing (body size, string
 * length, nesting depth, number length), so a 10 MB string or a deeply nested document costs little. Unknown and
 * duplicate keys, trailing tokens, coercion between types ({@code 12345} for a name, {@code 1} for a boolean,
 * {@code "1"} for a number), control characters in any string and impossible dates are all refused.
 */
public final class StrictJsonReader {

    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    static final int MAX_STRING_CHARS = 8 * 1024;

    private final ObjectMapper mapper;
    private final Validator validator;
    private final int maxBodyBytes;

    /** With {@code validator} null, only the JSON itself is checked. */
    public StrictJsonReader(Validator validator) {
        this(validator, DEFAULT_MAX_BODY_BYTES);
    }

    public StrictJsonReader(Validator validator, int maxBodyBytes) {
        this.validator = validator;
        this.maxBodyBytes = maxBodyBytes;
        this.mapper = strictMapper();
    }

    /** Reads at most the size limit (plus one byte, to tell an oversize body), then parses and validates. */
    public <T> T read(InputStream body, Class<T> type) throws IOException {
        return read(body, (Type) type);
    }

    /**
     * As {@link #read(InputStream, Class)}, adding the checks Bean Validation cannot express; every problem, from
     * either, is in the one rejection.
     */
    public <T> T read(InputStream body, Class<T> type, Function<T, List<FieldError>> checks) throws IOException {
        byte[] bytes = bytes(body);
        T value = parse(bounded(bytes), mapper.constructType(type), type);
        validate(value, checks);
        return value;
    }

    /** As {@link #read(InputStream, Class)}, for a generic type (as a message converter is handed). */
    public <T> T read(InputStream body, Type type) throws IOException {
        return read(bytes(body), type);
    }

    private byte[] bytes(InputStream body) throws IOException {
        return body == null ? new byte[0] : body.readNBytes(maxBodyBytes + 1);
    }

    public <T> T read(byte[] body, Class<T> type) {
        return read(body, (Type) type);
    }

    public <T> T read(byte[] body, Type type) {
        T value = parse(bounded(body), mapper.constructType(type), type);
        validate(value, v -> List.of());
        return value;
    }

    private byte[] bounded(byte[] body) {
        if (body.length > maxBodyBytes) {
            throw new RequestRejected(
                    RequestRejected.TOO_LARGE,
                    List.of(new FieldError("$", "body is larger than " + maxBodyBytes + " bytes")));
        }
        if (body.length == 0) {
            throw new RequestRejected("$", "body is empty: send a JSON object");
        }
        return body;
    }

    private <T> T parse(byte[] body, JavaType type, Type declared) {
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new RequestRejected(List.of(JsonProblems.of(e, KnownNames.of(declared))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a record's own constructor check, or anything else Jackson lets through: never its message
            throw new RequestRejected("$", "body cannot be read as the documented shape");
        }
        if (value == null) {
            throw new RequestRejected("$", "body must be a JSON object");
        }
        return value;
    }

    private <T> void validate(T value, Function<T, List<FieldError>> checks) {
        List<FieldError> errors = new ArrayList<>();
        if (validator != null) {
            errors.addAll(ValidationProblems.of(validator.validate(value)));
        }
        try {
            errors.addAll(checks.apply(value));
        } catch (RuntimeException e) {
            // a check written for a valid body, handed one Bean Validation refused (a missing list, a null
            // member): what Bean Validation said is the answer; a check failing on a body it passed is a 400 too,
            // never a 500, and never the exception's message
            if (errors.isEmpty()) {
                errors.add(new FieldError("$", "body cannot be read as the documented shape"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(
                    Comparator.comparing(FieldError::field, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                            .thenComparing(FieldError::reason));
            throw new RequestRejected(errors);
        }
    }

    private static ObjectMapper strictMapper() {
        JsonMapper m = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(StrictDeserializers.module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        m.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNumberLength(32)
                        .maxNameLength(256)
                        .build());
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Enum}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        for (LogicalType t : new LogicalType[] {LogicalType.POJO, LogicalType.Collection, LogicalType.Array}) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return m;
    }
}
