package org.earlyhelp.hub.governance.flow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.earlyhelp.hub.governance.decision.Outcome;
import org.earlyhelp.hub.governance.ledger.LedgerDraft;
import org.earlyhelp.hub.schema.HubRecord;

/**
 * What a proposed set of agreements would change, run over recorded traffic before anyone signs: each record is
 * planned under the agreements in force and under the proposal, and the two plans compared per record type and
 * recipient partner: how many records would go where they did not (or no longer would), which fields would be added or
 * removed and for how many records. Planning only: nothing is ledgered, parked or sent, and no offset moves.
 */
public final class WhatIf {

    private WhatIf() {}

    /** One record type and recipient partner: what changes for it. */
    public static final class Row {
        private final String recordType;
        private final String recipient;
        private int records;
        private int permittedBefore;
        private int permittedAfter;
        private int outcomeChanged;
        private final Map<String, Integer> fieldsAdded = new TreeMap<>();
        private final Map<String, Integer> fieldsRemoved = new TreeMap<>();

        Row(String recordType, String recipient) {
            this.recordType = recordType;
            this.recipient = recipient;
        }

        public String recordType() {
            return recordType;
        }

        public String recipient() {
            return recipient;
        }

        /** Subjects of records of this type decided for this recipient (under either set). */
        public int records() {
            return records;
        }

        public int permittedBefore() {
            return permittedBefore;
        }

        public int permittedAfter() {
            return permittedAfter;
        }

        /** Decisions whose outcome differs (PERMIT, DENY, REVIEW). */
        public int outcomeChanged() {
            return outcomeChanged;
        }

        /** Field path to the number of decisions that would release it and did not. */
        public Map<String, Integer> fieldsAdded() {
            return fieldsAdded;
        }

        public Map<String, Integer> fieldsRemoved() {
            return fieldsRemoved;
        }

        public boolean changes() {
            return outcomeChanged > 0 || !fieldsAdded.isEmpty() || !fieldsRemoved.isEmpty();
        }
    }

    /** The comparison over all records: rows with a change first, then the rest. */
    public record Report(int records, int unreadable, List<Row> rows) {
        public List<Row> changed() {
            return rows.stream().filter(Row::changes).toList();
        }
    }

    /**
     * @param current planning under the agreements in force
     * @param proposed planning under the proposed set
     */
    public static Report compare(
            GovernanceService current, GovernanceService proposed, Iterable<HubRecord> records, LocalDate today) {
        Map<String, Row> rows = new TreeMap<>();
        int count = 0;
        int unreadable = 0;
        for (HubRecord record : records) {
            count++;
            DisclosurePlan before;
            DisclosurePlan after;
            try {
                before = current.plan(record, today);
                after = proposed.plan(record, today);
            } catch (RuntimeException e) {
                unreadable++;
                continue;
            }
            Map<String, LedgerDraft> b = bySubjectAndPartner(before);
            Map<String, LedgerDraft> a = bySubjectAndPartner(after);
            Set<String> keys = new TreeSet<>(b.keySet());
            keys.addAll(a.keySet());
            for (String key : keys) {
                String partner = key.substring(key.indexOf('\u001f') + 1);
                if (partner.equals("none")) {
                    continue; // "no agreement covers it" under both is not a recipient
                }
                Row row = rows.computeIfAbsent(
                        record.getType() + "\u001f" + partner, k -> new Row(record.getType(), partner));
                LedgerDraft x = b.get(key);
                LedgerDraft y = a.get(key);
                row.records++;
                boolean permitBefore = x != null && x.decision() == Outcome.PERMIT;
                boolean permitAfter = y != null && y.decision() == Outcome.PERMIT;
                row.permittedBefore += permitBefore ? 1 : 0;
                row.permittedAfter += permitAfter ? 1 : 0;
                Outcome ox = x == null ? Outcome.DENY : x.decision();
                Outcome oy = y == null ? Outcome.DENY : y.decision();
                if (ox != oy) {
                    row.outcomeChanged++;
                }
                Set<String> fx = permitBefore ? new TreeSet<>(x.fieldsReleased()) : Set.of();
                Set<String> fy = permitAfter ? new TreeSet<>(y.fieldsReleased()) : Set.of();
                for (String f : fy) {
                    if (!fx.contains(f)) {
                        row.fieldsAdded.merge(f, 1, Integer::sum);
                    }
                }
                for (String f : fx) {
                    if (!fy.contains(f)) {
                        row.fieldsRemoved.merge(f, 1, Integer::sum);
                    }
                }
            }
        }
        List<Row> ordered =
                new ArrayList<>(rows.values().stream().filter(Row::changes).toList());
        ordered.addAll(rows.values().stream().filter(r -> !r.changes()).toList());
        return new Report(count, unreadable, ordered);
    }

    /** Each decision by the subject it is about and the recipient partner (an address within it is the connector's). */
    private static Map<String, LedgerDraft> bySubjectAndPartner(DisclosurePlan plan) {
        Map<String, LedgerDraft> out = new HashMap<>();
        for (LedgerDraft d : plan.drafts()) {
            String partner = d.recipient().contains(":")
                    ? d.recipient().substring(0, d.recipient().indexOf(':'))
                    : d.recipient();
            String key = d.subjectKey() + "\u001f" + partner;
            LedgerDraft seen = out.get(key);
            if (seen == null || rank(d.decision()) > rank(seen.decision())) {
                out.put(key, d); // several agreements may decide for one recipient: the most permissive stands
            }
        }
        return out;
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case DENY -> 0;
            case REVIEW -> 1;
            case PERMIT -> 2;
        };
    }
}
