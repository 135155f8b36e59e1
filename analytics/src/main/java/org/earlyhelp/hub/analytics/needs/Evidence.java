package org.earlyhelp.hub.analytics.needs;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A record that showed an indicator: which record, from whom, of which type, dated when, and received when, so an
 * auditor can follow it back to the source and to the ledger entries about the record.
 *
 * @param kind {@code need}, {@code resolved} or {@code case-closure}
 */
public record Evidence(
        String kind,
        String indicator,
        String recordId,
        String provider,
        String type,
        LocalDate date,
        Instant receivedAt) {}
