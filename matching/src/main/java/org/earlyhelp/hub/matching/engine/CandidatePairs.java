package org.earlyhelp.hub.matching.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The pairs the blocking rules find, visited in parallel without ever being stored. Each rule's keys are hashed to 40
 * bits per record; a pair found by a rule is skipped when an earlier rule already gave both records the same key (and
 * that block was not skipped as too large), so each pair is visited once. Blocks larger than the cap are skipped and
 * counted: a key shared by thousands of records (a default date, a shared email) is no evidence of identity.
 */
final class CandidatePairs {

    /** What to do with one pair, given the calling thread's own state. */
    interface PairAction<T> {
        void accept(T local, int first, int second);
    }

    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final int rules;
    private final long[][] hashes;
    private final int[][] order;
    private final int[][] groupStarts;
    private final List<Set<Long>> skipped = new ArrayList<>();
    private long blocksSkipped;
    private long pairsInSkippedBlocks;
    private long upperBound;

    CandidatePairs(List<PreparedRecord> records, Blocking blocking, int maxBlockSize) {
        int n = records.size();
        if (n > INDEX_MASK) {
            throw new IllegalArgumentException("at most " + INDEX_MASK + " records in one batch");
        }
        List<Blocking.BlockingRule> list = blocking.rules();
        rules = list.size();
        hashes = new long[rules][];
        order = new int[rules][];
        groupStarts = new int[rules][];
        for (int r = 0; r < rules; r++) {
            Blocking.BlockingRule rule = list.get(r);
            long[] h = new long[n];
            IntStream.range(0, n).parallel().forEach(i -> {
                String key = rule.keyOf(records.get(i));
                h[i] = key == null ? 0 : hash40(key);
            });
            hashes[r] = h;
            index(r, maxBlockSize, list.get(r).maxBlock());
        }
    }

    private static long hash40(String key) {
        long h = MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8))[0];
        return (h >>> INDEX_BITS) | 1L;
    }

    private void index(int r, int maxBlockSize, int ruleCap) {
        long[] h = hashes[r];
        long[] packed = IntStream.range(0, h.length)
                .filter(i -> h[i] != 0)
                .mapToLong(i -> (h[i] << INDEX_BITS) | i)
                .toArray();
        Arrays.parallelSort(packed);
        int[] members = new int[packed.length];
        List<Integer> starts = new ArrayList<>();
        Set<Long> skippedKeys = new HashSet<>();
        int kept = 0;
        int i = 0;
        while (i < packed.length) {
            long key = packed[i] >>> INDEX_BITS;
            int j = i;
            while (j < packed.length && packed[j] >>> INDEX_BITS == key) {
                j++;
            }
            int size = j - i;
            if (size > ruleCap && ruleCap < maxBlockSize) {
                // over the rule's own cap: not a block of this rule, whatever its size (not counted as skipped)
                skippedKeys.add(key);
            } else if (size > maxBlockSize) {
                skippedKeys.add(key);
                blocksSkipped++;
                pairsInSkippedBlocks += (long) size * (size - 1) / 2;
            } else if (size > 1) {
                starts.add(kept);
                for (int k = i; k < j; k++) {
                    members[kept++] = (int) (packed[k] & INDEX_MASK);
                }
                upperBound += (long) size * (size - 1) / 2;
            }
            i = j;
        }
        starts.add(kept);
        order[r] = Arrays.copyOf(members, kept);
        groupStarts[r] = starts.stream().mapToInt(Integer::intValue).toArray();
        skipped.add(skippedKeys);
    }

    long blocksSkipped() {
        return blocksSkipped;
    }

    long pairsInSkippedBlocks() {
        return pairsInSkippedBlocks;
    }

    /** The pairs before de-duplication across rules: an upper bound on what {@link #forEach} visits. */
    long upperBound() {
        return upperBound;
    }

    /**
     * Visits every candidate pair once, in parallel; returns each thread's local state for merging.
     *
     * @param progress told the number of pairs (before de-duplication) done so far
     */
    <T> List<T> forEach(Supplier<T> localState, PairAction<T> action, java.util.function.LongConsumer progress) {
        ConcurrentLinkedQueue<T> locals = new ConcurrentLinkedQueue<>();
        ThreadLocal<T> local = ThreadLocal.withInitial(() -> {
            T state = localState.get();
            locals.add(state);
            return state;
        });
        AtomicLong done = new AtomicLong();
        for (int r = 0; r < rules; r++) {
            int rule = r;
            int[] members = order[r];
            int[] starts = groupStarts[r];
            IntStream.range(0, starts.length - 1).parallel().forEach(g -> {
                T state = local.get();
                int from = starts[g];
                int to = starts[g + 1];
                for (int x = from; x < to; x++) {
                    int a = members[x];
                    for (int y = x + 1; y < to; y++) {
                        int b = members[y];
                        if (!foundEarlier(rule, a, b)) {
                            action.accept(state, Math.min(a, b), Math.max(a, b));
                        }
                    }
                }
                long size = to - from;
                long total = done.addAndGet(size * (size - 1) / 2);
                if ((g & 1023) == 0) {
                    progress.accept(total);
                }
            });
        }
        progress.accept(done.get());
        return new ArrayList<>(locals);
    }

    private boolean foundEarlier(int rule, int a, int b) {
        for (int r = 0; r < rule; r++) {
            long h = hashes[r][a];
            if (h != 0 && h == hashes[r][b] && !skipped.get(r).contains(h)) {
                return true;
            }
        }
        return false;
    }
}
