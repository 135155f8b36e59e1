package org.earlyhelp.hub.matching.compare;

/**
 * One level of agreement on one field, as a Fellegi-Sunter model weighs it. Each comparator has its own enum of
 * levels, declared from strongest agreement to {@code OTHER}, then {@code NULL} for "no evidence either way".
 */
public interface ComparisonLevel {

    String name();

    int ordinal();

    /** True when a value was missing or unusable, so the field must not move the score. */
    default boolean isNull() {
        return "NULL".equals(name());
    }

    /**
     * True for a level that says the values agree, fully or in part (not {@code OTHER}, not {@code NULL}): training
     * keeps m at or above u for these, so agreement can never count against a match.
     */
    default boolean isAgreement() {
        return !isNull() && !"OTHER".equals(name());
    }
}
