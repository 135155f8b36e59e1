package org.earlyhelp.hub.connector.housing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.earlyhelp.hub.connector.api.FieldError;

/**
 * What one housing record says about its property and people, as the partner sent it (JSON body or CSV row), before
 * it becomes the registered payload. Each type knows its own checks across fields, the day its data is as of (for
 * freshness), and which of its fields tell one fact from the next under the same reference (a tenancy that starts,
 * then ends, is two facts).
 */
interface HousingFact {

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** The sender's reference. */
    String reference();

    /** The property, or null where the type allows none. */
    String uprn();

    /** Whether the people of the record live at {@link #uprn()}. */
    boolean residence();

    /** The registered payload. */
    SpecificRecord toAvro();

    /** What tells this fact from another under the same reference. */
    String discriminator();

    /** The day the data is as of. */
    LocalDate asOf();

    /** Checks Bean Validation cannot express; {@code path} is where the fact is in the request ({@code tenancy}). */
    List<FieldError> problems(String path);

    /** A problem when {@code date} is before 1900 or {@code later} comes before {@code earlier}. */
    static void order(
            List<FieldError> out,
            String path,
            String earlierName,
            LocalDate earlier,
            String laterName,
            LocalDate later) {
        plausible(out, path, earlierName, earlier);
        plausible(out, path, laterName, later);
        if (earlier != null && later != null && later.isBefore(earlier)) {
            out.add(new FieldError(path + "." + laterName, "must not be before " + earlierName));
        }
    }

    static void plausible(List<FieldError> out, String path, String name, LocalDate date) {
        if (date != null && date.isBefore(EARLIEST)) {
            out.add(new FieldError(path + "." + name, "must not be before 1900-01-01"));
        }
    }

    static List<FieldError> none() {
        return new ArrayList<>();
    }
}
