package org.earlyhelp.hub.matching.engine;

/**
 * What training did with one comparison's parameters, for the parameter table {@code link} prints: trained as EM
 * estimated them, constrained, or fallen back to the shipped parameters because they failed a plausibility floor.
 *
 * @param reason why, naming no value from the data; empty when trained as estimated
 */
public record TrainingCheck(String comparison, Status status, String reason) {

    public enum Status {
        /** Used as EM estimated them. */
        TRAINED,
        /** Used after m was raised to u on agreeing levels or made monotone. */
        CONSTRAINED,
        /** Failed a plausibility floor: the shipped m is used instead. */
        FELL_BACK,
        /** No pair had values on both sides: the shipped m is kept. */
        NOT_IN_DATA,
        /** Not trained at all (the run used the settings as given). */
        SHIPPED
    }
}
