package org.earlyhelp.hub.governance.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hub.governance.ledger.EntryType;
import org.earlyhelp.hub.governance.ledger.LedgerEntry;
import org.earlyhelp.hub.governance.relationship.Corroboration;

/**
 * The board's legitimate-relationship alerts, the way NHS Summary Care Record privacy officers review them, computed
 * from the ledger's PULL entries alone (and the register's uncorroborated relationships): pulls made soon after the
 * requester's first record about the person (a record made to open the door), bursts of pulls by one organisation,
 * pulls resting on a relationship its authoritative source has not corroborated, and pulls refused for want of any
 * relationship. An alert is a prompt for a person to look, not a finding.
 */
public final class AccessReview {

    /** When a pattern is worth a look; all configurable per request. */
    public record Thresholds(Duration soonAfterFirstRecord, int burstPulls, Duration burstWindow) {
        public Thresholds {
            if (soonAfterFirstRecord.isNegative()
                    || burstPulls < 1
                    || burstWindow.isNegative()
                    || burstWindow.isZero()) {
                throw new IllegalArgumentException("thresholds must be positive");
            }
        }
    }

    /** One pull worth a look, by ledger sequence number; ids and vocabulary words only. */
    public record PullAlert(
            long ledgerSeq,
            Instant at,
            String requester,
            String professional,
            String purpose,
            String relationship,
            String corroborated,
            String personId,
            String outcome) {

        static PullAlert of(LedgerEntry e) {
            Map<String, String> d = e.details();
            return new PullAlert(
                    e.seq(),
                    e.decidedAt(),
                    d.get("requester"),
                    d.get("professional"),
                    d.get("purpose"),
                    d.get("relationship"),
                    d.get("corroborated"),
                    d.get("personId"),
                    d.get("outcome"));
        }
    }

    /** More than the threshold of pulls by one organisation inside one window. */
    public record Burst(String requester, Instant from, Instant until, int pulls) {}

    /** A school's pupil-on-roll relationship the council's roll records do not confirm. */
    public record UncorroboratedRelationship(
            long relationshipId, String organisation, String kind, String detail, Instant establishedAt) {}

    public record Report(
            Instant since,
            Thresholds thresholds,
            List<PullAlert> soonAfterFirstRecord,
            List<Burst> bursts,
            List<PullAlert> uncorroborated,
            List<PullAlert> refused,
            List<UncorroboratedRelationship> uncorroboratedRelationships) {}

    private AccessReview() {}

    public static Report of(
            Instant since, List<LedgerEntry> pulls, List<UncorroboratedRelationship> relationships, Thresholds t) {
        List<PullAlert> soon = new ArrayList<>();
        List<PullAlert> uncorroborated = new ArrayList<>();
        List<PullAlert> refused = new ArrayList<>();
        Map<String, List<LedgerEntry>> byRequester = new LinkedHashMap<>();
        for (LedgerEntry e : pulls) {
            if (e.type() != EntryType.PULL) {
                continue;
            }
            Map<String, String> d = e.details();
            byRequester
                    .computeIfAbsent(String.valueOf(d.get("requester")), k -> new ArrayList<>())
                    .add(e);
            String first = d.get("requesterFirstRecordAt");
            if (first != null
                    && Duration.between(Instant.parse(first), e.decidedAt()).compareTo(t.soonAfterFirstRecord()) <= 0) {
                soon.add(PullAlert.of(e));
            }
            if (Corroboration.UNCORROBORATED.yamlName().equals(d.get("corroborated"))) {
                uncorroborated.add(PullAlert.of(e));
            }
            if ("refused".equals(d.get("outcome"))) {
                refused.add(PullAlert.of(e));
            }
        }
        List<Burst> bursts = new ArrayList<>();
        byRequester.forEach((requester, entries) -> bursts.addAll(bursts(requester, entries, t)));
        return new Report(since, t, soon, bursts, uncorroborated, refused, relationships);
    }

    /** Each window of {@code burstWindow} starting at a pull that holds more than {@code burstPulls}; not overlapping. */
    static List<Burst> bursts(String requester, List<LedgerEntry> entries, Thresholds t) {
        List<Instant> at = entries.stream()
                .map(LedgerEntry::decidedAt)
                .sorted(Comparator.naturalOrder())
                .toList();
        List<Burst> out = new ArrayList<>();
        int i = 0;
        while (i < at.size()) {
            Instant end = at.get(i).plus(t.burstWindow());
            int j = i;
            while (j < at.size() && !at.get(j).isAfter(end)) {
                j++;
            }
            if (j - i > t.burstPulls()) {
                out.add(new Burst(requester, at.get(i), at.get(j - 1), j - i));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }
}
