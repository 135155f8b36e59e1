package org.earlyhelp.hub.connector.housing;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.earlyhelp.hub.connector.api.Connectors;
import org.earlyhelp.hub.connector.api.StrictJsonReader;
import org.earlyhelp.hub.schema.payload.PayloadTypes;

/** Realistic housing samples and the readers they go through, for the connector's tests. */
final class HousingSamples {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    static final StrictJsonReader JSON = new StrictJsonReader(VALIDATOR);
    static final HousingCsvReader CSV = new HousingCsvReader(JSON);
    static final PayloadTypes PAYLOADS = new Connectors(List.of(new HousingConnector())).payloadTypes();

    /** The committed example extract of docs/partners. */
    static final Path EXAMPLE_CSV = Path.of("..", "..", "docs", "partners", "housing-extract-example.csv");

    private HousingSamples() {}

    static String json(HousingRecordType type) {
        try (InputStream in = HousingSamples.class.getResourceAsStream("/samples/" + type.plural() + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HousingRequests.Request read(HousingRecordType type, String body) {
        try {
            return HousingRecordsController.read(
                    JSON, type, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] exampleCsv() {
        try {
            return Files.readAllBytes(EXAMPLE_CSV);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
