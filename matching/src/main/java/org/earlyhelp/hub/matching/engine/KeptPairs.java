package org.earlyhelp.hub.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
