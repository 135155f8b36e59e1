package org.earlyhelp.hub.schema.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    private final SchemaStore.Cache store = new SchemaStore.Cache();

    private SchemaRegistry(List<Schema> schemas) {
        this.schemas = List.copyOf(schemas);
        schemas.forEach(store::addSchema);
    }

    public static SchemaRegistry load() {
        List<Schema> schemas = new ArrayList<>();
        for (String path : read(INDEX).lines().map(String::strip).toList()) {
            if (!path.isEmpty() && !path.startsWith("#")) {
                schemas.add(new Schema.Parser().parse(read("/registry/" + path)));
            }
        }
        return new SchemaRegistry(schemas);
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
