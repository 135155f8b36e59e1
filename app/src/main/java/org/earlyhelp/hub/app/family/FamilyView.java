package org.earlyhelp.hub.app.family;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one viewer may see of one family, for one purpose. Only members with at least one record the agreements
 * disclose to this viewer appear (besides the person asked about): a member the viewer may learn nothing about is not
 * even named.
 *
 * @param viewId quoted in the PULL and DISCLOSURE ledger entries this view wrote
 * @param viewer the caller's organisation ({@code kind:id})
 * @param relationship the kind of relationship the pull rested on ({@code pupil-on-roll}, {@code open-involvement})
 * @param corroboration whether its authoritative source corroborated it ({@code not-applicable} for most kinds)
 */
public record FamilyView(
        String viewId,
        UUID personId,
        String viewer,
        String purpose,
        String relationship,
        String corroboration,
        List<Member> members) {

    /** A member and what the viewer may see of them. */
    public record Member(UUID personId, Set<String> connections, List<Entry> entries) {}

    /**
     * One record about the member, as minimised by the agreement that permits it.
     *
     * @param provider the organisation that sent the record ({@code kind:id})
     * @param fields field path to the released value; only paths the agreement allows
     */
    public record Entry(
            String recordId,
            String provider,
            String kind,
            String type,
            String agreementId,
            int agreementVersion,
            Map<String, String> fields) {}
}
