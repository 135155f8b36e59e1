package org.earlyhelp.hub.connector.api;

import java.util.Objects;

/**
 * The names of a partner's topics: records in on {@code <inbound><partner>}, what failed for good on {@code
 * <deadLetter><partner>}, disclosures out on {@code <outbound><partner>}. One naming for every connector and the hub's
 * own routes, configured once ({@code hub.topics.*}).
 */
public record Topics(String inboundPrefix, String deadLetterPrefix, String outboundPrefix) {

    public Topics {
        Objects.requireNonNull(inboundPrefix, "inboundPrefix");
        Objects.requireNonNull(deadLetterPrefix, "deadLetterPrefix");
        Objects.requireNonNull(outboundPrefix, "outboundPrefix");
    }

    public String inbound(String partner) {
        return inboundPrefix + partner;
    }

    public String deadLetter(String partner) {
        return deadLetterPrefix + partner;
    }

    public String outbound(String partner) {
        return outboundPrefix + partner;
    }
}
