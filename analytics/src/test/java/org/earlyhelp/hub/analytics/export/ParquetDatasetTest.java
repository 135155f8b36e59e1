package org.earlyhelp.hub.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.earlyhelp.hub.governance.agreement.Agreement;
import org.earlyhelp.hub.governance.agreement.AgreementLoader;
import org.earlyhelp.hub.governance.dataset.DatasetRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetDatasetTest {

    private static final Agreement AGREEMENT =
            AgreementLoader.load(Path.of("..", "agreements", "needs-dataset-to-council-analysts.yaml"));

    @TempDir
    Path dir;

    @Test
    void releasedRowsReadBackFromParquetWithTypedCountsTextPseudonymsAndWhereTheyCameFrom() throws Exception {
        // Given two released rows, as the minimiser leaves them (strings; a missing value is empty)
        List<String> fields = List.of(
                "needs.person", "needs.date-of-birth", "needs.family-needs", "needs.weakest-match-weight", "needs.sex");
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row("p-3f9a", "2014", "3", "11.5", "F"));
        rows.add(row("p-77c1", "2016", "1", "", "M"));
        DatasetRelease.Released released =
                new DatasetRelease.Released(AGREEMENT, "needs-assessment-2026", fields, rows);

        // When
        Path file = dir.resolve("dataset.parquet");
        ParquetDataset.write(released, LocalDate.of(2026, 12, 1), file);

        // Then the columns are typed as the agreement releases them, and the values are the released ones
        List<GenericRecord> read = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                        new LocalInputFile(file), new PlainParquetConfiguration())
                .withDataModel(org.apache.avro.generic.GenericData.get())
                .build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                read.add(r);
            }
        }
        assertThat(read).hasSize(2);
        Schema schema = read.get(0).getSchema();
        assertThat(schema.getFields())
                .extracting(Schema.Field::name)
                .containsExactly("person", "date_of_birth", "family_needs", "weakest_match_weight", "sex");
        assertThat(read.get(0).get("family_needs")).isEqualTo(3);
        assertThat(read.get(0).get("weakest_match_weight")).isEqualTo(11.5);
        assertThat(read.get(0).get("person").toString()).isEqualTo("p-3f9a");
        assertThat(read.get(0).get("date_of_birth").toString()).isEqualTo("2014"); // generalised: text
        assertThat(read.get(1).get("weakest_match_weight")).isNull();
        try (ParquetFileReader meta = ParquetFileReader.open(
                new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            Map<String, String> kv = meta.getFileMetaData().getKeyValueMetaData();
            assertThat(kv)
                    .containsEntry("hub.agreement", AGREEMENT.id())
                    .containsEntry("hub.project", "needs-assessment-2026")
                    .containsEntry("hub.as-at", "2026-12-01");
        }
    }

    @Test
    void theDictionaryNamesEachParquetColumnAndItsType() throws Exception {
        List<String> fields = List.of("needs.person", "needs.family-needs");
        DatasetRelease.Released released = new DatasetRelease.Released(
                AGREEMENT,
                "needs-assessment-2026",
                fields,
                List.of(Map.of("needs.person", "x", "needs.family-needs", "2")));
        ParquetDataset.write(released, LocalDate.of(2026, 12, 1), dir.resolve("dataset.parquet"));

        assertThat(ParquetDataset.column("needs.family-needs")).isEqualTo("family_needs");
        assertThat(ParquetDataset.type(AGREEMENT, "needs.family-needs")).isEqualTo(Schema.Type.INT);
        assertThat(ParquetDataset.type(AGREEMENT, "needs.person")).isEqualTo(Schema.Type.STRING);
        assertThat(Files.size(dir.resolve("dataset.parquet"))).isPositive();
    }

    private static Map<String, String> row(String person, String born, String familyNeeds, String weight, String sex) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("needs.person", person);
        row.put("needs.date-of-birth", born);
        row.put("needs.family-needs", familyNeeds);
        row.put("needs.weakest-match-weight", weight);
        row.put("needs.sex", sex);
        return row;
    }
}
