package org.earlyhelp.hub.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each blocking rule's key of each record, and how many records share each key: what the harness's blocking counts
 * ({@link BlockingMeasure}, {@link MissedLinkDiagnosis}) read.
 *
 * @param keys {@code keys[rule][record]}, null where the rule gives the record no key
 * @param sizes per rule, the records sharing each key
 */
record RuleKeys(String[][] keys, List<Map<String, Integer>> sizes, int[] caps) {

    static RuleKeys of(List<Blocking.BlockingRule> rules, List<PreparedRecord> prepared) {
        int n = prepared.size();
        String[][] keys = new String[rules.size()][n];
        List<Map<String, Integer>> sizes = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            Map<String, Integer> size = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String key = rules.get(r).keyOf(prepared.get(i));
                keys[r][i] = key;
                if (key != null) {
                    size.merge(key, 1, Integer::sum);
                }
            }
            sizes.add(size);
        }
        int[] caps = rules.stream().mapToInt(Blocking.BlockingRule::maxBlock).toArray();
        return new RuleKeys(keys, sizes, caps);
    }

    /** Whether rule {@code r} puts records a and b in one block of at most {@code cap} records. */
    boolean together(int r, int a, int b, int cap) {
        String k = keys[r][a];
        return k != null && k.equals(keys[r][b]) && sizes.get(r).get(k) <= Math.min(cap, caps[r]);
    }

    /** Whether any rule does. */
    boolean compared(int a, int b, int cap) {
        for (int r = 0; r < keys.length; r++) {
            if (together(r, a, b, cap)) {
                return true;
            }
        }
        return false;
    }
}
