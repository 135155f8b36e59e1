package org.earlyhelp.hub.matching.engine;

/**
 * How common a normalised value is among the records being matched, for term-frequency adjustment: agreeing on
 * "smith" is weaker evidence than agreeing on "zablocki". The person index supplies counts from PostgreSQL; a batch
 * run counts its input.
 */
public interface TermFrequencies {

    /** The share (0..1) of records carrying this value of the named field ({@code forename}, {@code surname}, ...), or NaN if unknown. */
    double frequency(String field, String normalisedValue);

    /**
     * Below this many records, frequencies are noise and no value is adjusted: the same for a batch and for the person
     * index, so the hub and {@code link} weigh a pair alike.
     */
    long MINIMUM_RECORDS = 1_000;

    /** No adjustment: every value counts as average. */
    TermFrequencies NONE = (field, value) -> Double.NaN;
}
