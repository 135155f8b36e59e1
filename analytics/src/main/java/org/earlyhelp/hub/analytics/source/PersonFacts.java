package org.earlyhelp.hub.analytics.source;

import java.time.LocalDate;

/**
 * What analytics may know of a person beyond their records, from the person index: for generalised output only.
 *
 * @param postcode the postcode of their most recent record that has one, or null
 * @param records how many partner records the index joined into this person
 * @param matchStrength the weakest way any two of their records were joined: {@code single-record}, {@code
 *     deterministic} (an identifier agreed), {@code probabilistic} or {@code clerical} (a person decided)
 * @param weakestWeight the lowest Fellegi-Sunter match weight of a probabilistic link, or null
 */
public record PersonFacts(
        String personId,
        LocalDate dateOfBirth,
        String sex,
        String postcode,
        int records,
        String matchStrength,
        Double weakestWeight) {}
