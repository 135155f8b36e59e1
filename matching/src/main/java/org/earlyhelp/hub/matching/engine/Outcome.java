package org.earlyhelp.hub.matching.engine;

/** What to do with a scored pair of records. */
public enum Outcome {
    /** The same person: link them without asking anyone. */
    LINK,
    /** Perhaps the same person: a person decides, through the clerical review queue. */
    REVIEW,
    /** Not the same person. */
    NO_LINK
}
