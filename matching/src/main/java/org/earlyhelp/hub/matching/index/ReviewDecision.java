package org.earlyhelp.hub.matching.index;

/** A reviewer's answer about a pair in the clerical review queue. */
public enum ReviewDecision {
    /** One person: the two people are merged. */
    SAME_PERSON,
    /** Two people: the matcher never links this pair again. */
    DIFFERENT_PEOPLE
}
