package org.earlyhelp.hub.connector.housing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.intake.IdempotentIntake;
import org.earlyhelp.hub.connector.api.intake.IntakeDeadLetters;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.governance.access.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A housing CSV extract, uploaded whole ({@code POST /api/housing/extracts}, {@code text/csv}). Each good row is a
 * record, keyed by the file's digest and its line, so posting the same file again (a retry, another instance) is a
 * replay; each bad row is dead-lettered to {@code hub.dlq.housing} with a reason free of personal data, and the rest
 * of the file goes on. The answer (202) counts what became of the rows and lists each refused line with its reason.
 */
@RestController
@Tag(name = "housing", description = "Inbound records from housing")
public class HousingExtractController {

    static final String TEXT_CSV = "text/csv";
    private static final Logger log = LoggerFactory.getLogger(HousingExtractController.class);

    private final HousingCsvReader reader;
    private final HousingIntake intake;
    private final IntakeDeadLetters deadLetters;

    HousingExtractController(HousingCsvReader reader, HousingIntake intake, IntakeDeadLetters deadLetters) {
        this.reader = reader;
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    @Operation(
            summary = "Send a housing CSV extract (layout: docs/partners/housing-csv.md)",
            description = "Answers 202 with counts of accepted, replayed and dead-lettered rows; a file whose header"
                    + " is unusable is a 400 naming the columns.",
            security = @SecurityRequirement(name = "partner-token"))
    @PostMapping(path = "/api/housing/extracts", consumes = TEXT_CSV, produces = "application/json")
    public ResponseEntity<Map<String, Object>> post(HttpServletRequest request) throws IOException {
        Organisation sender = HousingRecordsController.sender(request);
        HousingCsvReader.Extract extract;
        try {
            extract = reader.read(request.getInputStream().readNBytes(HousingCsvReader.MAX_BYTES + 1));
        } catch (RequestRejected e) {
            intake.metrics().rejected();
            throw e;
        }
        int accepted = 0;
        int replayed = 0;
        List<Map<String, Object>> problems = new ArrayList<>();
        for (HousingCsvReader.Row row : extract.rows()) {
            String rowId = extract.digest().substring(0, 32) + ":" + row.line();
            if (row instanceof HousingCsvReader.Good good) {
                try {
                    RecordIntake.Accepted a = intake.accept(
                            sender,
                            good.type(),
                            good.request(),
                            List.of(new IdempotentIntake.Key("line", "extract-row:" + rowId)),
                            null);
                    if (a.replay()) {
                        replayed++;
                    } else {
                        accepted++;
                    }
                    continue;
                } catch (RequestRejected e) {
                    if (e.status() != 409 || e.errors().get(0).field() == null) {
                        throw e; // not stored, or being stored by another read of the file: retry the file
                    }
                    deadLetter(
                            sender,
                            rowId,
                            new HousingCsvReader.Bad(
                                    row.line(),
                                    "line " + row.line() + ": was already read from this file as a different record",
                                    new byte[0]),
                            problems);
                    continue;
                }
            }
            deadLetter(sender, rowId, (HousingCsvReader.Bad) row, problems);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", extract.digest());
        body.put("rows", extract.rows().size());
        body.put("accepted", accepted);
        body.put("replayed", replayed);
        body.put("deadLettered", problems.size());
        body.put("problems", problems);
        log.info(
                "housing extract read: rows={} accepted={} replayed={} deadLettered={}",
                extract.rows().size(),
                accepted,
                replayed,
                problems.size());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    private void deadLetter(
            Organisation sender, String rowId, HousingCsvReader.Bad bad, List<Map<String, Object>> problems) {
        try {
            if (deadLetters.write(
                    sender,
                    new IdempotentIntake.Key("line", "extract-dead-letter:" + rowId),
                    rowId,
                    bad.raw(),
                    bad.reason())) {
                intake.metrics().rejected();
            }
        } catch (Exception e) {
            log.warn("housing dead letter not written: cause={}", e.getClass().getSimpleName());
            throw new RequestRejected(
                    503,
                    List.of(new FieldError(
                            null,
                            "a refused row could not be dead-lettered; the file was not fully read: send it again")));
        }
        problems.add(Map.of("line", bad.line(), "reason", bad.reason()));
    }
}
