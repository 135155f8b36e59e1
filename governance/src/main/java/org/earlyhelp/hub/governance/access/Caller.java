package org.earlyhelp.hub.governance.access;

import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated caller of one request: the organisation its credential is bound to and, where the request names
 * one, the professional acting. Set by the hub's security layer as the request attribute {@link #REQUEST_ATTRIBUTE};
 * nothing in a request body can change it.
 */
public record Caller(Organisation organisation, Professional professional) {

    /** The request attribute under which the security layer stores the {@code Caller}. */
    public static final String REQUEST_ATTRIBUTE = "org.earlyhelp.hub.caller";

    public Caller {
        Objects.requireNonNull(organisation, "organisation");
    }

    /** The partner kind, the word agreements name as provider and recipient. */
    public String partner() {
        return organisation.kind();
    }

    public Optional<Professional> professionalIfNamed() {
        return Optional.ofNullable(professional);
    }
}
