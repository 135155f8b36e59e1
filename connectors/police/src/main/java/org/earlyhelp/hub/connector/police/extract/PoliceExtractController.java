package org.earlyhelp.hub.connector.police.extract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.police.PoliceIntake;
import org.earlyhelp.hub.governance.access.Organisation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The nightly extract over HTTP: {@code POST /api/police/extracts} with the CSV as {@code text/csv}. A file the hub
 * cannot read at all is a 400 or 413 naming why; otherwise 202 with the counts and each refused row's number and
 * reason, the bad rows dead-lettered and the good ones stored. A force that cannot post drops the file in the inbox
 * folder instead ({@link PoliceInbox}).
 */
@RestController
@RequestMapping("/api/police")
@Tag(name = "police", description = "Inbound records from the police force")
public class PoliceExtractController {

    private final PoliceExtractReader reader;
    private final PoliceIntake intake;
    private final PoliceExtractIntake extracts;

    public PoliceExtractController(
            Validator validator, Clock clock, PoliceIntake intake, PoliceExtractIntake extracts) {
        this.reader = new PoliceExtractReader(validator, clock);
        this.intake = intake;
        this.extracts = extracts;
    }

    @Operation(
            summary = "Send the nightly extract of missing episodes, anti-social behaviour and youth offending",
            description = "CSV as documented in docs/partners/police-csv.md. 202 with counts once every good row is"
                    + " stored and every bad row dead-lettered; a file the hub cannot read at all is a 400 or 413.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(path = "/extracts", consumes = "text/csv", produces = "application/json")
    public ResponseEntity<Map<String, Object>> post(HttpServletRequest request) throws IOException {
        Organisation force = intake.force(request);
        PoliceExtract extract;
        try {
            extract = reader.read(request.getInputStream().readNBytes(PoliceExtractReader.MAX_BYTES + 1));
        } catch (RequestRejected e) {
            intake.rejected();
            throw e;
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(extracts.process(force, extract).body());
    }
}
