package org.earlyhelp.hub.governance.flow;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who receives a disclosure: the partner kind an agreement names, and the address within it that the partner's
 * connector understands (a school's URN, a housing provider's id, a case-system team). No address means the partner
 * as a whole. Typed end to end (ledger, {@code Disclosure}); only a recall of a ledgered disclosure reads it back ({@link #parse}).
 */
public record Recipient(String partner, String address) {

    private static final Pattern PARTNER = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Recipient {
        Objects.requireNonNull(partner, "partner");
        if (!PARTNER.matcher(partner).matches()) {
            throw new IllegalArgumentException("a recipient's partner is lower-case letters, digits and '-'");
        }
        if (address != null && !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("a recipient's address is 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    /** The partner as a whole. */
    public static Recipient partner(String partner) {
        return new Recipient(partner, null);
    }

    /**
     * The recipient the ledger shows as {@code partner} or {@code partner:address} (neither part may hold a colon, so
     * the form is unambiguous): for acting on a ledger entry, such as recalling what it disclosed.
     */
    public static Recipient parse(String ledgerForm) {
        int colon = ledgerForm.indexOf(':');
        return colon < 0
                ? partner(ledgerForm)
                : new Recipient(ledgerForm.substring(0, colon), ledgerForm.substring(colon + 1));
    }

    /** {@code schools:100001}, or {@code casesystem} for the partner as a whole: the form the ledger shows. */
    @Override
    public String toString() {
        return address == null ? partner : partner + ":" + address;
    }
}
