package org.earlyhelp.hub.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** Pairs kept after scoring, in primitive arrays: record indexes, weight and deciding rule. */
final class KeptPairs {
    int[] first = new int[16];
    int[] second = new int[16];
    double[] weight = new double[16];
    byte[] rule = new byte[16];
    int size;
    long compared;
    private final int[] scratch;

    KeptPairs(int comparisons) {
        scratch = new int[comparisons];
    }

    void score(StandardMatcher matcher, PreparedRecord a, PreparedRecord b, int i, int j, double keepFrom) {
        compared++;
        matcher.levels(a, b, scratch);
        double w = matcher.weight(scratch, a);
        Rule r = matcher.rule(scratch, a, b, w);
        if (r != Rule.PROBABILISTIC || w >= keepFrom) {
            add(i, j, w, r);
        } else if (matcher.relativesBelowReview(scratch)) {
            add(i, j, w, Rule.RELATIVES);
        }
    }

    void add(int i, int j, double w, Rule r) {
        if (size == first.length) {
            int capacity = size * 2;
            first = Arrays.copyOf(first, capacity);
            second = Arrays.copyOf(second, capacity);
            weight = Arrays.copyOf(weight, capacity);
            rule = Arrays.copyOf(rule, capacity);
        }
        first[size] = i;
        second[size] = j;
        weight[size] = w;
        rule[size] = (byte) r.ordinal();
        size++;
    }

    static KeptPairs merge(List<KeptPairs> parts) {
        KeptPairs all = new KeptPairs(0);
        for (KeptPairs part : parts) {
            all.compared += part.compared;
            for (int p = 0; p < part.size; p++) {
                all.add(part.first[p], part.second[p], part.weight[p], Rule.values()[part.rule[p]]);
            }
        }
        // a deterministic order whatever the thread interleaving
        Integer[] byPair = IntStream.range(0, all.size).boxed().toArray(Integer[]::new);
        Arrays.sort(
                byPair,
                (x, y) -> all.first[x] != all.first[y]
                        ? Integer.compare(all.first[x], all.first[y])
                        : Integer.compare(all.second[x], all.second[y]));
        KeptPairs sorted = new KeptPairs(0);
        sorted.compared = all.compared;
        for (int p : byPair) {
            sorted.add(all.first[p], all.second[p], all.weight[p], Rule.values()[all.rule[p]]);
        }
        return sorted;
    }

    /**
     * Union-find over the links, strongest first, never joining two clusters a twins pair keeps apart, nor two
     * clusters of two or more records on one doubtful link: connected components chain, and one false link
     * between two people of six records each is 36 false pairs (on Splink's fake_20000 pair precision 0.97 became
     * cluster precision 0.83 at the Bayes decision). See {@link #corroborated}.
     */
    int[] cluster(int n, double linkThreshold, long[] refused) {
        return cluster(n, linkThreshold, refused, new HashSet<>());
    }

    /** As {@link #cluster(int, double, long[])}, adding to {@code ambiguous} the records held out as ambiguous. */
    int[] cluster(int n, double linkThreshold, long[] refused, Set<Integer> ambiguous) {
        int[] parent = IntStream.range(0, n).toArray();
        Map<Integer, List<Integer>> cannotLink = new HashMap<>();
        List<Integer> links = new ArrayList<>();
        for (int p = 0; p < size; p++) {
            Rule r = Rule.values()[rule[p]];
            if (r.keepsApart()) {
                cannotLink.computeIfAbsent(first[p], x -> new ArrayList<>()).add(second[p]);
                cannotLink.computeIfAbsent(second[p], x -> new ArrayList<>()).add(first[p]);
            } else if (r.links(weight[p], linkThreshold)) {
                links.add(p);
            }
        }
        links = withoutAmbiguous(links, cannotLink, ambiguous);
        links.sort((x, y) -> Double.compare(strength(y), strength(x)));
        Map<Integer, List<Integer>> linked = new HashMap<>();
        for (int p : links) {
            linked.computeIfAbsent(first[p], x -> new ArrayList<>()).add(second[p]);
            linked.computeIfAbsent(second[p], x -> new ArrayList<>()).add(first[p]);
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int p : links) {
            int ra = find(parent, first[p]);
            int rb = find(parent, second[p]);
            if (ra == rb) {
                continue;
            }
            if (forbidden(parent, cannotLink, ra, rb) || forbidden(parent, cannotLink, rb, ra)) {
                refused[0]++;
                continue;
            }
            if (!corroborated(parent, members, linked, ra, rb, strength(p), linkThreshold)) {
                continue;
            }
            int root = Math.min(ra, rb);
            int child = Math.max(ra, rb);
            parent[child] = root;
            List<Integer> joined = members.computeIfAbsent(root, x -> new ArrayList<>(List.of(x)));
            List<Integer> from = members.remove(child);
            joined.addAll(from == null ? List.of(child) : from);
            List<Integer> moved = cannotLink.remove(child);
            if (moved != null) {
                cannotLink.computeIfAbsent(root, x -> new ArrayList<>()).addAll(moved);
            }
        }
        int[] ids = new int[n];
        int[] idOfRoot = new int[n];
        Arrays.fill(idOfRoot, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (idOfRoot[root] < 0) {
                idOfRoot[root] = next++;
            }
            ids[i] = idOfRoot[root];
        }
        return ids;
    }

    /**
     * The links left once every record that links to two records kept apart as different people, with neither link
     * {@link LinkRule#AMBIGUITY_MARGIN} bits the stronger, has lost its probabilistic links ({@link LinkRule#ambiguous}):
     * such a record stays out of both clusters, and its pairs go to review. A link an identifier decided is never
     * ambiguous. Only direct vetoes count (the two records themselves kept apart), so the result does not depend on
     * the order clusters are built in; the person index applies the same test to the two people it could join.
     */
    private List<Integer> withoutAmbiguous(
            List<Integer> links, Map<Integer, List<Integer>> cannotLink, Set<Integer> ambiguous) {
        if (cannotLink.isEmpty()) {
            return links;
        }
        Map<Integer, List<Integer>> byRecord = new HashMap<>();
        for (int p : links) {
            byRecord.computeIfAbsent(first[p], x -> new ArrayList<>()).add(p);
            byRecord.computeIfAbsent(second[p], x -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<Integer, List<Integer>> e : byRecord.entrySet()) {
            List<Integer> own = e.getValue();
            if (own.size() < 2) {
                continue;
            }
            int record = e.getKey();
            for (int x = 0; x < own.size() && !ambiguous.contains(record); x++) {
                for (int y = x + 1; y < own.size(); y++) {
                    int px = own.get(x);
                    int py = own.get(y);
                    int ox = first[px] == record ? second[px] : first[px];
                    int oy = first[py] == record ? second[py] : first[py];
                    if (!cannotLink.getOrDefault(ox, List.of()).contains(oy)) {
                        continue;
                    }
                    double sx = strength(px);
                    double sy = strength(py);
                    if (LinkRule.ambiguous(Math.max(sx, sy), Math.min(sx, sy)) && closeToBest(own, Math.min(sx, sy))) {
                        ambiguous.add(record);
                        break;
                    }
                }
            }
        }
        if (ambiguous.isEmpty()) {
            return links;
        }
        List<Integer> kept = new ArrayList<>(links.size());
        for (int p : links) {
            boolean deterministic = Rule.values()[rule[p]].linksWhateverTheWeight();
            if (deterministic || !(ambiguous.contains(first[p]) || ambiguous.contains(second[p]))) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** Whether the weaker of two contested links is within the margin of the record's strongest link of all. */
    private boolean closeToBest(List<Integer> own, double weaker) {
        double best = Double.NEGATIVE_INFINITY;
        for (int p : own) {
            best = Math.max(best, strength(p));
        }
        return LinkRule.ambiguous(best, weaker);
    }

    /**
     * Bits above the link threshold (odds 32 times higher) from which one link joins two clusters. Chosen on the
     * shared sets and simulator selection seed 13 (never seed 11): 3, 5 and 7 each kept every one of those loads
     * within 0.01 of its best-threshold F1 (10, the first choice, left fake_1000 at -0.013); 5 is the middle.
     */
    static final double CERTAIN = 5;

    /**
     * Whether a doubtful link (less than {@link #CERTAIN} bits above the threshold) may join two clusters: when
     * they hold four records or more between them, at least half the records of the larger one must link into the
     * other. A record joins a lone record or a pair on one link (a chain of one person's records still links); to
     * join three it needs links to two of them.
     */
    private static boolean corroborated(
            int[] parent,
            Map<Integer, List<Integer>> members,
            Map<Integer, List<Integer>> linked,
            int ra,
            int rb,
            double strength,
            double linkThreshold) {
        List<Integer> a = members.getOrDefault(ra, List.of(ra));
        List<Integer> b = members.getOrDefault(rb, List.of(rb));
        if (strength >= linkThreshold + CERTAIN || a.size() + b.size() < 4) {
            return true;
        }
        List<Integer> larger = a.size() >= b.size() ? a : b;
        int other = larger == a ? rb : ra;
        int linking = 0;
        for (int x : larger) {
            for (int y : linked.getOrDefault(x, List.of())) {
                if (find(parent, y) == other) {
                    linking++;
                    break;
                }
            }
        }
        return 2 * linking >= larger.size();
    }

    double strength(int p) {
        return Rule.values()[rule[p]].linksWhateverTheWeight() ? Double.POSITIVE_INFINITY : weight[p];
    }

    private static boolean forbidden(int[] parent, Map<Integer, List<Integer>> cannotLink, int root, int other) {
        List<Integer> apart = cannotLink.get(root);
        if (apart == null) {
            return false;
        }
        for (int x : apart) {
            if (find(parent, x) == other) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
