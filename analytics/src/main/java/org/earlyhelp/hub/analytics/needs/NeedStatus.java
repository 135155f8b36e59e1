package org.earlyhelp.hub.analytics.needs;

import java.time.LocalDate;
import java.util.List;

/**
 * One need of one person as at a date.
 *
 * @param since the date of the earliest evidence of the need still counting
 * @param latest the date of the latest evidence of the need
 * @param resolvedOn the date of the evidence that resolved it, or null
 * @param clockFrom the first case closure on or after the resolution, from which the need must stay resolved; null
 *     while no case has closed since
 * @param sustainedOn when it is (or will be) sustained: {@code clockFrom} plus the criteria's months; null with no
 *     clock
 */
public record NeedStatus(
        String outcome,
        Status status,
        LocalDate since,
        LocalDate latest,
        LocalDate resolvedOn,
        LocalDate clockFrom,
        LocalDate sustainedOn,
        List<Evidence> evidence) {

    public NeedStatus {
        evidence = List.copyOf(evidence);
    }

    /** Where a need stands. */
    public enum Status {
        /** Evidence of the need is current and nothing since shows it resolved. */
        ACTIVE,
        /** Later evidence shows it resolved; it is not yet sustained (no case closure since, or its clock runs). */
        RESOLVED,
        /** Resolved, and no new evidence of it for the criteria's months since the case closed. */
        SUSTAINED
    }
}
