package org.earlyhelp.hub.analytics.export;

import java.util.ArrayList;
import java.util.List;
import org.earlyhelp.hub.analytics.schema.NeedsDatasetRow;
import org.earlyhelp.hub.schema.payload.PayloadType;
import org.earlyhelp.hub.schema.payload.PayloadTypes;

/**
 * The partners' record types and the analysts' datasets together, so an analytics agreement's fields ({@code
 * needs.person: pseudonymise}) are linted and minimised as any agreement's are.
 */
public final class DatasetTypes {

    private DatasetTypes() {}

    public static PayloadTypes with(PayloadTypes partners) {
        List<PayloadType> all = new ArrayList<>(partners.all());
        all.add(PayloadType.of(NeedsDatasetRow.getClassSchema()));
        return PayloadTypes.of(all);
    }
}
