package org.earlyhelp.hub.schema.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every schema version ever written to a topic, loaded from {@code registry/index.txt} on the classpath. A decoder
 * resolves an older writer schema by its fingerprint, so records written before a (backward-compatible) change
 * still read. The files are committed beside the {@code .avsc} sources: git is the registry.
 */
public final class SchemaRegistry {

    static final String INDEX = "/registry/index.txt";

    private final List<Schema> schemas;
    private final java.util.Map<String, Schema> byPath;
    private final SchemaStore.Cache store = new SchemaStore.Cache();

    private SchemaRegistry(java.util.Map<String, Schema> byPath) {
        this.byPath = java.util.Map.copyOf(byPath);
        this.schemas = List.copyOf(byPath.values());
        schemas.forEach(store::addSchema);
    }

    public static SchemaRegistry load() {
        java.util.Map<String, Schema> schemas = new java.util.LinkedHashMap<>();
        for (String path : read(INDEX).lines().map(String::strip).toList()) {
            if (!path.isEmpty() && !path.startsWith("#")) {
                schemas.put(path, new Schema.Parser().parse(read("/registry/" + path)));
            }
        }
        return new SchemaRegistry(schemas);
    }

    /** Version {@code n} of {@code name} ({@code HubRecord/v4.avsc}); throws when it was never registered. */
    public Schema version(String name, int n) {
        Schema s = byPath.get(name + "/v" + n + ".avsc");
        if (s == null) {
            throw new IllegalStateException("schema " + name + " v" + n + " is not in the registry");
        }
        return s;
    }

    /** The registered schema with this fingerprint, if any. */
    public java.util.Optional<Schema> byFingerprint(long fingerprint) {
        return java.util.Optional.ofNullable(store.findByFingerprint(fingerprint));
    }

    /** All registered versions, oldest first, in index order. */
    public List<Schema> schemas() {
        return schemas;
    }

    public SchemaStore store() {
        return store;
    }

    public boolean contains(Schema schema) {
        long fp = SchemaNormalization.parsingFingerprint64(schema);
        return schemas.stream().anyMatch(s -> SchemaNormalization.parsingFingerprint64(s) == fp);
    }

    private static String read(String resource) {
        try (InputStream in = SchemaRegistry.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema registry resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
