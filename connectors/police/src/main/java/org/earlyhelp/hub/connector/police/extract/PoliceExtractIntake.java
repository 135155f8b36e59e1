package org.earlyhelp.hub.connector.police.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.connector.api.FieldError;
import org.earlyhelp.hub.connector.api.RequestRejected;
import org.earlyhelp.hub.connector.api.intake.RecordIntake;
import org.earlyhelp.hub.connector.police.PoliceIntake;
import org.earlyhelp.hub.governance.access.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands an extract's rows to the hub, whether it came over HTTP or through the inbox folder: each good row as its
 * HTTP twin would be (the same key, so a file sent twice, or an event both posted and extracted, is one record),
 * each bad row, and each row whose reference was used for a different record, dead-lettered once with its reason.
 * Stops with a 503 at the first row that could not be stored: sending the same file again stores nothing twice.
 */
@Component
public class PoliceExtractIntake {

    private static final Logger log = LoggerFactory.getLogger(PoliceExtractIntake.class);

    private final PoliceIntake intake;
    private final PoliceDeadLetters deadLetters;

    public PoliceExtractIntake(PoliceIntake intake, PoliceDeadLetters deadLetters) {
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    /** What became of an extract: counts, and each refused row's number and reason (no values). */
    public record Summary(int rows, int accepted, int replayed, List<Refusal> refused) {

        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "accepted");
            body.put("rows", rows);
            body.put("accepted", accepted);
            body.put("replayed", replayed);
            body.put("deadLettered", refused.size());
            body.put("refused", refused);
            return body;
        }
    }

    /** One refused row. */
    public record Refusal(int row, String reason) {}

    public Summary process(Organisation force, PoliceExtract extract) {
        intake.contact();
        int accepted = 0;
        int replayed = 0;
        List<Refusal> refused = new ArrayList<>();
        for (PoliceExtract.Row row : extract.rows()) {
            PoliceExtract.Bad bad;
            if (row instanceof PoliceExtract.Good good) {
                try {
                    RecordIntake.Accepted a = intake.submit(
                            force,
                            List.of(good.request().key()),
                            good.request()::toRecord,
                            good.request().occurredAt().toInstant());
                    if (a.replay()) {
                        replayed++;
                    } else {
                        accepted++;
                    }
                    continue;
                } catch (RequestRejected e) {
                    if (e.status() != 409 || e.errors().get(0).field() == null) {
                        // not stored, or the same row being stored by another instance right now: send again
                        throw unfinished(row.number());
                    }
                    bad = new PoliceExtract.Bad(
                            row.number(),
                            row.cells(),
                            "reference: " + e.errors().get(0).reason());
                }
            } else {
                bad = (PoliceExtract.Bad) row;
            }
            refused.add(new Refusal(bad.number(), bad.reason()));
            try {
                if (deadLetters.deadLetter(force, extract, bad)) {
                    intake.rejected();
                }
            } catch (Exception e) {
                log.warn("extract row not dead-lettered: cause={}", e.getClass().getSimpleName());
                throw unfinished(row.number());
            }
        }
        log.info(
                "police extract read: rows={} accepted={} replayed={} deadLettered={}",
                extract.rows().size(),
                accepted,
                replayed,
                refused.size());
        return new Summary(extract.rows().size(), accepted, replayed, refused);
    }

    private static RequestRejected unfinished(int row) {
        return new RequestRejected(
                503,
                List.of(new FieldError(
                        null,
                        "the extract was stored up to row " + (row - 1)
                                + ": send the same file again (rows already stored are not stored twice)")));
    }
}
