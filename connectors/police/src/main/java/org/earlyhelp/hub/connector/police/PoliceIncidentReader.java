package org.earlyhelp.hub.connector.police;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a request body into a valid {@link PoliceIncidentRequest} or a {@link PoliceIncidentRejected} that names each
 * field and reason. Hostile bodies are bounded before they are parsed: the body size, string length and nesting depth
 * all have limits, so a 10 MB string or a deeply nested document costs little and gets a clear 400.
 */
public final class PoliceIncidentReader {

    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("Duplicate field '([^']{1,64})'");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ObjectMapper mapper;
    private final Validator validator;
    private final Clock clock;

    public PoliceIncidentReader(Validator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
        JsonMapper m = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        m.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxStringLength(8 * 1024)
                        .maxNumberLength(32)
                        .build());
        m.coercionConfigDefaults()
                .setCoercion(
                        com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(
                        com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(
                        com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        this.mapper = m;
    }

    /** Reads at most {@value #MAX_BODY_BYTES} bytes, then parses and validates. */
    public PoliceIncidentRequest read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new PoliceIncidentRejected("$", "body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw new PoliceIncidentRejected("$", "body is empty: send the incident as JSON");
        }
        PoliceIncidentRequest request = parse(bytes);
        validate(request);
        return request;
    }

    private PoliceIncidentRequest parse(byte[] bytes) {
        try {
            PoliceIncidentRequest request = mapper.readValue(bytes, PoliceIncidentRequest.class);
            if (request == null) {
                throw new PoliceIncidentRejected("$", "body must be a JSON object");
            }
            return request;
        } catch (UnrecognizedPropertyException e) {
            throw new PoliceIncidentRejected(path(e), "unknown field '" + e.getPropertyName() + "'");
        } catch (InvalidFormatException e) {
            throw new PoliceIncidentRejected(path(e), "is not " + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new PoliceIncidentRejected(path(e), "expected " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            String reason = e.getCause() instanceof java.time.DateTimeException
                    ? "not a valid date or time"
                    : "cannot be read (" + firstLine(e.getOriginalMessage()) + ")";
            throw new PoliceIncidentRejected(path(e), reason);
        } catch (StreamConstraintsException e) {
            throw new PoliceIncidentRejected("$", "body exceeds a limit: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            java.util.regex.Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw new PoliceIncidentRejected("$", "duplicate field '" + duplicate.group(1) + "'");
            }
            throw new PoliceIncidentRejected(
                    "$",
                    "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new PoliceIncidentRejected("$", "body cannot be read");
        }
    }

    private void validate(PoliceIncidentRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<PoliceIncidentRequest> v : validator.validate(request)) {
            errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        OffsetDateTime latest = OffsetDateTime.now(clock).plus(CLOCK_SKEW);
        if (request.occurredAt() != null && request.occurredAt().isAfter(latest)) {
            errors.add(new FieldError("occurredAt", "must not be in the future"));
        }
        if (request.people() != null) {
            Set<String> refs = new HashSet<>();
            boolean child = false;
            for (int i = 0; i < request.people().size(); i++) {
                PoliceIncidentRequest.PersonDto p = request.people().get(i);
                if (p == null) {
                    continue;
                }
                String at = "people[" + i + "]";
                if (p.ref() != null && !refs.add(p.ref())) {
                    errors.add(new FieldError(at + ".ref", "duplicates another person's ref"));
                }
                child |= "CHILD".equals(p.role());
                if (p.nhsNumber() != null && p.nhsNumber().matches("[0-9]{10}") && !NhsNumber.valid(p.nhsNumber())) {
                    errors.add(new FieldError(at + ".nhsNumber", "check digit is wrong"));
                }
                if (p.dateOfBirth() != null && p.dateOfBirth().isBefore(LocalDate.of(1900, 1, 1))) {
                    errors.add(new FieldError(at + ".dateOfBirth", "must be after 1900-01-01"));
                }
                if ("CHILD".equals(p.role()) && p.dateOfBirth() == null) {
                    errors.add(new FieldError(at + ".dateOfBirth", "is required for a child"));
                }
                if (!"CHILD".equals(p.role()) && (p.schoolUrn() != null || p.present() != null)) {
                    errors.add(new FieldError(at, "schoolUrn and present are for children only"));
                }
            }
            if (!child) {
                errors.add(new FieldError("people", "must include at least one CHILD"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new PoliceIncidentRejected(errors);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            }
        }
        return s.length() == 0 ? "$" : s.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == LocalDate.class) {
            return "a real date (yyyy-MM-dd)";
        }
        if (type == OffsetDateTime.class) {
            return "a real date-time with offset (e.g. 2026-11-22T21:40:00Z)";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) : line;
    }
}
