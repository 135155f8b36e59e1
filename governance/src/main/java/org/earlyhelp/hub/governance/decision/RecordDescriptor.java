package org.earlyhelp.hub.governance.decision;

import java.util.Locale;

/** What the decision point needs to know of a record: its kind, payload type and (authenticated) provider. */
public record RecordDescriptor(String kind, String type, String provider) {
    public RecordDescriptor {
        kind = kind.toLowerCase(Locale.ROOT);
    }
}
