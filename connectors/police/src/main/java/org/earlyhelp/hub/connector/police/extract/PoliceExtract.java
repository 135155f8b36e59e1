package org.earlyhelp.hub.connector.police.extract;

import java.util.List;
import org.earlyhelp.hub.connector.police.events.PoliceEventRequest;

/**
 * An extract as read: its SHA-256 (hex), its header as normalised, and every row in order, each either the request
 * it makes or the reason it cannot be taken. Rows are numbered as the force sees them: the header is row 1.
 */
public record PoliceExtract(String digest, List<String> header, List<Row> rows) {

    public PoliceExtract {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** One row: its number, its cells (for a dead letter), and what it made. */
    public sealed interface Row {
        int number();

        List<String> cells();
    }

    /** A row that makes a request the hub can take. */
    public record Good(int number, List<String> cells, PoliceEventRequest request) implements Row {}

    /** A row that cannot be taken, and why, by column, never quoting a value. */
    public record Bad(int number, List<String> cells, String reason) implements Row {}
}
