package org.earlyhelp.hub.connector.schools;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a school's notifications may be sent to: https with a host; plain http only to a loopback address, and
 * only in the embedded run (or where loopback http is explicitly allowed, for a test rig of the external run).
 * Addresses in loopback, link-local (cloud metadata services live there), private, carrier-grade NAT, unique-local,
 * wildcard and multicast ranges are refused unless {@code allow-private-networks} is set, so a directory entry cannot
 * turn the hub into a probe of its own network. A host name is checked against every address it resolves to, both when
 * the entry is made and before each delivery. Reasons name the rule broken, never the URL.
 */
final class EndpointPolicy {

    private final boolean loopbackHttp;
    private final boolean privateNetworks;

    /**
     * @param loopbackHttp whether plain http to a loopback address is allowed (the embedded run)
     * @param privateNetworks whether loopback, link-local and private addresses are allowed
     */
    EndpointPolicy(boolean loopbackHttp, boolean privateNetworks) {
        this.loopbackHttp = loopbackHttp;
        this.privateNetworks = privateNetworks;
    }

    /** Why the URL may not be used, or empty when it may; an unresolvable host is left to the delivery to fail. */
    Optional<String> problem(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.isOpaque() || uri.getScheme() == null) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an https URL");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return scheme.equals("https") ? Optional.empty() : Optional.of("must be an https URL");
        }
        boolean allLoopback = addresses.length > 0;
        for (InetAddress a : addresses) {
            allLoopback &= a.isLoopbackAddress();
        }
        if (scheme.equals("http") && !(loopbackHttp && allLoopback)) {
            return Optional.of("must be an https URL (http only to this machine, in the embedded run)");
        }
        if (privateNetworks || (loopbackHttp && allLoopback)) {
            return Optional.empty();
        }
        for (InetAddress a : addresses) {
            if (isInternal(a)) {
                return Optional.of("must not be a loopback, link-local or private network address");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
