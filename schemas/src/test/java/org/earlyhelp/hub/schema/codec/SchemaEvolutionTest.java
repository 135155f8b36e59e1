package org.earlyhelp.hub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.HubRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema change must be backward compatible: today's reader must read every version ever registered. A change
 * that fails here would make records already on a topic unreadable. The two breaks made on purpose (the payload union
 * became registered bytes in HubRecord v5; the recipient string became typed in Disclosure v2) are read forward by
 * {@link LegacyVersions}, proved by {@link LegacyVersionsTest}; Avro's resolution must hold from them on.
 */
class SchemaEvolutionTest {

    /** The first version of each record from which Avro's own resolution carries every later one. */
    static final java.util.Map<String, Integer> FIRST_RESOLVED = java.util.Map.of(
            HubRecord.getClassSchema().getFullName(),
            5,
            Disclosure.getClassSchema().getFullName(),
            2);

    static boolean resolvedByAvro(Schema writer) {
        SchemaRegistry registry = SchemaRegistry.load();
        int first = FIRST_RESOLVED.get(writer.getFullName());
        for (int v = 1; v < first; v++) {
            if (SchemaNormalization.parsingFingerprint64(registry.version(writer.getName(), v))
                    == SchemaNormalization.parsingFingerprint64(writer)) {
                return false;
            }
        }
        return true;
    }

    static List<Schema> currentSchemas() {
        return List.of(HubRecord.getClassSchema(), Disclosure.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaReadsEveryRegisteredVersion(Schema current) {
        // Given every registered version of this record
        List<Schema> versions = SchemaRegistry.load().schemas().stream()
                .filter(s -> s.getFullName().equals(current.getFullName()))
                .filter(SchemaEvolutionTest::resolvedByAvro)
                .toList();
        assertThat(versions)
                .as("registered versions of %s", current.getFullName())
                .isNotEmpty();
        for (Schema writer : versions) {
            // When today's schema reads data written with it
            var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer);
            // Then it is compatible
            assertThat(result.getType())
                    .as("%s cannot read an older version: %s", current.getFullName(), result.getDescription())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaIsRegistered(Schema current) {
        assertThat(SchemaRegistry.load().contains(current))
                .as(
                        "%s changed: copy the new schema to schemas/src/main/resources/registry/%s/vN.avsc"
                                + " (Schema.toString(true) of the generated class) and add it to registry/index.txt",
                        current.getFullName(), current.getName())
                .isTrue();
    }
}
