package org.earlyhelp.hub.schema.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.earlyhelp.hub.schema.Disclosure;
import org.earlyhelp.hub.schema.HubRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema change must be backward compatible: today's reader must read every version ever registered. A change
 * that fails here would make records already on a topic unreadable.
 */
class SchemaEvolutionTest {

    static List<Schema> currentSchemas() {
        return List.of(HubRecord.getClassSchema(), Disclosure.getClassSchema());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchemaReadsEveryRegisteredVersion(Schema current) {
        // Given every registered version of this record
        List<Schema> versions = SchemaRegistry.load().schemas().stream()
                .filter(s -> s.getFullName().equals(current.getFullName()))
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
