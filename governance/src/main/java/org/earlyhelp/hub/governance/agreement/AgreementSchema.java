package org.earlyhelp.hub.governance.agreement;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks an agreement tree against {@code agreement.schema.json} (the same file editors use) and turns each finding
 * into a problem at the line of the key concerned.
 */
final class AgreementSchema {

    /** Classpath name of the canonical schema, next to this class. */
    static final String RESOURCE = "agreement.schema.json";

    private static final JsonSchema SCHEMA = load();

    private AgreementSchema() {}

    static List<LintProblem> validate(YamlDocument doc) {
        return SCHEMA.validate(doc.root()).stream()
                .map(m -> problem(doc, m))
                .sorted(Comparator.comparingInt(LintProblem::line).thenComparing(LintProblem::message))
                .toList();
    }

    private static LintProblem problem(YamlDocument doc, ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        String key = keyPath(at);
        return switch (m.getType()) {
            case "additionalProperties" ->
                doc.error(YamlDocument.pointer(at, m.getProperty()), "unknown key '" + m.getProperty() + "'");
            case "required" ->
                doc.error(at, "missing key '" + m.getProperty() + "'" + (key.isEmpty() ? "" : " under '" + key + "'"));
            case "pattern" -> doc.error(at, patternMessage(key, m));
            case "propertyNames" ->
                doc.error(
                        m.getProperty() == null ? at : YamlDocument.pointer(at, m.getProperty()),
                        (key.isEmpty() ? "" : key + ": ") + m.getError());
            default -> doc.error(at, (key.isEmpty() ? "" : key + ": ") + m.getError());
        };
    }

    /** A bad field rule says which rules exist, rather than quoting the regex. */
    private static String patternMessage(String key, ValidationMessage m) {
        if (key.startsWith("fields.") && m.getInstanceNode().isTextual()) {
            try {
                FieldRule.parse(m.getInstanceNode().asText());
            } catch (IllegalArgumentException e) {
                return key + ": " + e.getMessage();
            }
        }
        return key + ": '" + m.getInstanceNode().asText() + "' " + m.getError();
    }

    /** {@code /valid/from} reads better as {@code valid.from}, the way people name YAML keys. */
    private static String keyPath(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        return pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
    }

    private static JsonSchema load() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        try (InputStream in = AgreementSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from the classpath next to " + AgreementSchema.class.getName());
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
