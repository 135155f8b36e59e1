package org.earlyhelp.hub.app.console;

import java.util.List;
import java.util.Objects;

/** A console user: who they are, the party they act for, and their console roles. */
public record ConsoleUser(String username, String displayName, String party, List<String> roles) {

    public static final String BOARD = "BOARD";
    public static final String REVIEWER = "REVIEWER";
    public static final String SUBJECT_ACCESS = "SUBJECT_ACCESS";
    /** An analyst: where needs are greatest after disclosure control, and datasets under analytics agreements. */
    public static final String ANALYST = "ANALYST";
    /** An internal auditor: a family's evidence pack, back to the source records and the ledger. */
    public static final String AUDITOR = "AUDITOR";

    /** Every console role, as an identity provider may give them. */
    public static final List<String> ROLES = List.of(BOARD, REVIEWER, SUBJECT_ACCESS, ANALYST, AUDITOR);

    public ConsoleUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(party, "party");
        roles = List.copyOf(roles);
    }

    /** How the ledger names them: {@code console:dpo (council)}. */
    public String actor() {
        return "console:" + username + " (" + party + ")";
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
