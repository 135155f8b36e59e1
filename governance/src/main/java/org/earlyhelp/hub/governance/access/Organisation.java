package org.earlyhelp.hub.governance.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One organisation the hub deals with: its partner kind (the word agreements name: {@code police}, {@code schools},
 * {@code health}, {@code housing}, {@code casesystem}, {@code council}, {@code governance}) and its own identifier
 * within that kind (a school's URN, a health body's ODS code, a housing provider's or case-system team's id). Every
 * credential is bound to exactly one organisation; a record's provider organisation is always the caller's.
 */
public record Organisation(String kind, String id) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Organisation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("an organisation kind is lower-case letters, digits and '-'");
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "an organisation id is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** Parses {@code kind:id}, the form {@link #toString()} writes. */
    public static Organisation parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("an organisation is written kind:id, e.g. schools:123456");
        }
        return new Organisation(text.substring(0, colon), text.substring(colon + 1));
    }

    public boolean isKind(String partnerKind) {
        return kind.equals(partnerKind);
    }

    /** {@code kind:id}, e.g. {@code schools:123456}; stable, stored in the ledger and the record store. */
    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
