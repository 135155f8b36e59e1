package org.earlyhelp.hub.analytics.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Protects a {@link CountTable} by a {@link DisclosureProfile}.
 *
 * <p>Primary suppression takes every cell and margin whose count is small, and, where the project published the same
 * cell before, every cell whose count moved by a small amount since (else the difference of two releases would give
 * the people who came or went). Secondary suppression then works on the table with its margins as one grid: each row
 * and column of it is a constraint (the cells sum to the margin), and a suppressed entry can be worked out exactly from
 * the published ones precisely when it is a bridge of the graph whose nodes are the grid's rows and columns and whose
 * edges are the suppressed entries. So every suppressed entry is put on a cycle: where it is a bridge, the cheapest
 * rectangle of three more entries (smallest counts first) is suppressed with it. Counts that stay are rounded.
 */
public final class DisclosureControl {

    private final DisclosureProfile profile;

    public DisclosureControl(DisclosureProfile profile) {
        this.profile = profile;
    }

    public DisclosureProfile profile() {
        return profile;
    }

    public ProtectedTable protect(CountTable table) {
        return protect(table, Map.of());
    }

    /**
     * @param previous the true counts of the project's earlier release of this table, by {@link #key} of the entry
     */
    public ProtectedTable protect(CountTable table, Map<String, Long> previous) {
        int rows = table.rows().size();
        int cols = table.columns().size();
        long[][] grid = grid(table);
        boolean[][] suppressed = new boolean[rows + 1][cols + 1];
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                Long before = previous.get(key(table, i, j));
                boolean moved = before != null && profile.small(Math.abs(grid[i][j] - before));
                suppressed[i][j] = profile.small(grid[i][j]) || moved;
            }
        }
        if (profile.secondary()) {
            secondary(grid, suppressed);
        }
        Long[][] published = new Long[rows + 1][cols + 1];
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                published[i][j] = suppressed[i][j] ? null : profile.round(grid[i][j]);
            }
        }
        return new ProtectedTable(table.name(), table.rows(), table.columns(), published);
    }

    /** The key a release history keeps an entry's true count under: table, row and column ({@code *} a margin). */
    public static String key(CountTable table, int row, int column) {
        String r = row == table.rows().size() ? "*" : table.rows().get(row);
        String c = column == table.columns().size() ? "*" : table.columns().get(column);
        return table.name() + "|" + r + "|" + c;
    }

    /** The true counts of every entry (cells and margins) by {@link #key}, for the release history. */
    public static Map<String, Long> entries(CountTable table) {
        long[][] grid = grid(table);
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
                out.put(key(table, i, j), grid[i][j]);
            }
        }
        return out;
    }

    private static long[][] grid(CountTable table) {
        int rows = table.rows().size();
        int cols = table.columns().size();
        long[][] grid = new long[rows + 1][cols + 1];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(table.cells()[i], 0, grid[i], 0, cols);
            grid[i][cols] = table.rowTotals()[i];
        }
        System.arraycopy(table.columnTotals(), 0, grid[rows], 0, cols);
        grid[rows][cols] = table.grandTotal();
        return grid;
    }

    private static void secondary(long[][] grid, boolean[][] suppressed) {
        int n = grid.length;
        int m = grid[0].length;
        if (n < 2 || m < 2) {
            return;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    if (suppressed[i][j] && isBridge(suppressed, i, j)) {
                        completeRectangle(grid, suppressed, i, j);
                        changed = true;
                    }
                }
            }
        }
    }

    /** Whether removing suppressed entry (i, j) disconnects row i from column j in the suppression graph. */
    static boolean isBridge(boolean[][] suppressed, int i, int j) {
        int n = suppressed.length;
        int m = suppressed[0].length;
        boolean[] seenRow = new boolean[n];
        boolean[] seenCol = new boolean[m];
        Deque<int[]> queue = new ArrayDeque<>();
        seenRow[i] = true;
        queue.add(new int[] {0, i});
        while (!queue.isEmpty()) {
            int[] node = queue.poll();
            if (node[0] == 0) {
                int r = node[1];
                for (int c = 0; c < m; c++) {
                    if (suppressed[r][c] && !(r == i && c == j) && !seenCol[c]) {
                        if (c == j) {
                            return false;
                        }
                        seenCol[c] = true;
                        queue.add(new int[] {1, c});
                    }
                }
            } else {
                int c = node[1];
                for (int r = 0; r < n; r++) {
                    if (suppressed[r][c] && !(r == i && c == j) && !seenRow[r]) {
                        seenRow[r] = true;
                        queue.add(new int[] {0, r});
                    }
                }
            }
        }
        return true;
    }

    /** Suppresses the cheapest three entries that make a rectangle with (i, j): least count newly hidden. */
    private static void completeRectangle(long[][] grid, boolean[][] suppressed, int i, int j) {
        int n = grid.length;
        int m = grid[0].length;
        long best = Long.MAX_VALUE;
        int bestRow = -1;
        int bestCol = -1;
        for (int r = 0; r < n; r++) {
            if (r == i) {
                continue;
            }
            for (int c = 0; c < m; c++) {
                if (c == j) {
                    continue;
                }
                long cost = cost(grid, suppressed, i, c) + cost(grid, suppressed, r, j) + cost(grid, suppressed, r, c);
                if (cost < best) {
                    best = cost;
                    bestRow = r;
                    bestCol = c;
                }
            }
        }
        List<int[]> add =
                new ArrayList<>(List.of(new int[] {i, bestCol}, new int[] {bestRow, j}, new int[] {bestRow, bestCol}));
        for (int[] e : add) {
            suppressed[e[0]][e[1]] = true;
        }
    }

    /**
     * What hiding an entry costs: nothing if already hidden; else its count, with zeros dearer than small counts
     * (hiding a zero protects little) and margins dearer than cells (a table keeps its totals where it can).
     */
    private static long cost(long[][] grid, boolean[][] suppressed, int r, int c) {
        if (suppressed[r][c]) {
            return 0;
        }
        long v = grid[r][c] == 0 ? 1_000_000L : grid[r][c];
        boolean margin = r == grid.length - 1 || c == grid[0].length - 1;
        return margin ? v * 1000 : v;
    }
}
