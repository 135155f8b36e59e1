package org.earlyhelp.hub.analytics.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.FieldRule;
import org.earlyhelp.hub.governance.dataset.DatasetRelease;

/**
 * The released rows as an Apache Parquet file, written to a local file with a plain configuration (no Hadoop runs;
 * its client API supplies the types the writer names). Columns are the released fields in order; a
 * field the agreement allows as it is keeps its type (a count is an integer, a weight a double), one it pseudonymises
 * or generalises is text, as the CSV has it. The file's key-value metadata carries the agreement, project and as-at
 * date, so the file says where it came from when it travels without its dictionary.
 */
final class ParquetDataset {

    private ParquetDataset() {}

    static void write(DatasetRelease.Released released, LocalDate asAt, Path file) throws IOException {
        Schema schema = schema(released);
        Files.deleteIfExists(file);
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withDataModel(GenericData.get())
                .withSchema(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withExtraMetaData(Map.of(
                        "hub.agreement", released.agreement().id(),
                        "hub.agreement-version",
                                String.valueOf(released.agreement().version()),
                        "hub.project", released.project(),
                        "hub.as-at", asAt.toString()))
                .build()) {
            for (Map<String, String> row : released.rows()) {
                GenericRecord record = new GenericData.Record(schema);
                for (String field : released.fields()) {
                    String value = row.get(field);
                    record.put(column(field), value == null || value.isEmpty() ? null : typed(released, field, value));
                }
                writer.write(record);
            }
        }
    }

    /** The column a field path becomes: {@code needs.family-needs} is {@code family_needs}. */
    static String column(String field) {
        String name = field.startsWith(NeedsDataset.prefix())
                ? field.substring(NeedsDataset.prefix().length())
                : field;
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The column's type: the dataset schema's for a field released as it is, text otherwise. */
    static Schema.Type type(Agreement agreement, String field) {
        Schema.Type base = NeedsDataset.baseType(field);
        boolean asItIs = agreement.ruleFor(field).action() == FieldRule.Action.ALLOW;
        if (asItIs && (base == Schema.Type.INT || base == Schema.Type.LONG || base == Schema.Type.DOUBLE)) {
            return base;
        }
        return Schema.Type.STRING;
    }

    private static Schema schema(DatasetRelease.Released released) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record("NeedsDataset")
                .namespace("org.earlyhelp.hub.analytics.dataset")
                .doc("Family needs dataset, project " + released.project())
                .fields();
        List<String> names = released.fields();
        for (String field : names) {
            Schema type = Schema.create(type(released.agreement(), field));
            fields = fields.name(column(field))
                    .doc(field)
                    .type(Schema.createUnion(Schema.create(Schema.Type.NULL), type))
                    .withDefault(null);
        }
        return fields.endRecord();
    }

    private static Object typed(DatasetRelease.Released released, String field, String value) {
        return switch (type(released.agreement(), field)) {
            case INT -> Integer.valueOf(value);
            case LONG -> Long.valueOf(value);
            case DOUBLE -> Double.valueOf(value);
            default -> value;
        };
    }
}
