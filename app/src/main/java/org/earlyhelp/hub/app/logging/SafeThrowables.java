package org.earlyhelp.hub.app.logging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A throwable described without its messages: the chain of types and where the deepest cause was thrown. Messages of
 * drivers and libraries can quote the data being handled, so logs carry this instead.
 */
public final class SafeThrowables {

    private SafeThrowables() {}

    /** {@code a.B <- c.D}: each type in the cause chain. */
    public static String types(Throwable t) {
        List<String> types = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            types.add(c.getClass().getName());
        }
        return String.join(" <- ", types);
    }

    /** The class, method and line the deepest cause was thrown at. */
    public static String origin(Throwable t) {
        Throwable root = t;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        StackTraceElement[] trace = root.getStackTrace();
        return trace.length == 0 ? "unknown" : trace[0].toString();
    }
}
