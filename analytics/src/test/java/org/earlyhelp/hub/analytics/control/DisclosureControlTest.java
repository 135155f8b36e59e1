package org.earlyhelp.hub.analytics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

    final DisclosureControl control = new DisclosureControl(DisclosureProfile.DEFAULT);

    @Test
    void aSmallCountIsSuppressedAndSoIsEnoughElseThatItCannotBeSubtracted() {
        CountTable table = CountTable.additive(
                "needs", List.of("S40", "S41"), List.of("education", "housing"), new long[][] {{3, 40}, {52, 61}});

        ProtectedTable published = control.protect(table);

        assertThat(published.cell(0, 0)).isNull();
        // row S40 publishes its total (43 -> 45) and housing (40): the 3 would be 45 - 40, so more must go
        assertThat(countSuppressed(published)).isGreaterThanOrEqualTo(4);
        assertThat(recoverable(table, published)).isEmpty();
        assertThat(published.cell(1, 1)).isIn(60L, null);
    }

    @Test
    void countsAreRoundedToTheNearestFive() {
        CountTable table = CountTable.additive("t", List.of("a"), List.of("x", "y"), new long[][] {{12, 18}});
        ProtectedTable published = control.protect(table);
        assertThat(published.cell(0, 0)).isEqualTo(10L);
        assertThat(published.cell(0, 1)).isEqualTo(20L);
        assertThat(published.grandTotal()).isEqualTo(30L);
        assertThat(new DisclosureProfile(1, 7, 5, true).round(13)).isEqualTo(15L);
    }

    @Test
    void aCellThatMovedBySoFewSinceTheProjectsLastReleaseIsSuppressed() {
        CountTable before =
                CountTable.additive("t", List.of("a", "b"), List.of("x", "y"), new long[][] {{100, 200}, {300, 400}});
        CountTable after =
                CountTable.additive("t", List.of("a", "b"), List.of("x", "y"), new long[][] {{103, 200}, {300, 400}});

        ProtectedTable published = control.protect(after, DisclosureControl.entries(before));

        assertThat(published.cell(0, 0)).isNull();
        assertThat(recoverable(after, published)).isEmpty();
        // unchanged cells and cells that moved by 8 or more stay published
        CountTable later =
                CountTable.additive("t", List.of("a", "b"), List.of("x", "y"), new long[][] {{100, 210}, {300, 400}});
        ProtectedTable moved = control.protect(later, DisclosureControl.entries(before));
        assertThat(moved.cell(1, 1)).isEqualTo(400L);
    }

    @Property(tries = 300)
    void noCountFromOneToSevenIsPublishedAndNoSuppressedEntryCanBeWorkedOut(@ForAll("tables") CountTable table) {
        ProtectedTable published = control.protect(table);
        long[][] grid = grid(table);
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid[i].length; j++) {
                Long value = published.published()[i][j];
                if (grid[i][j] >= 1 && grid[i][j] <= 7) {
                    assertThat(value).as("entry %d,%d of %d", i, j, grid[i][j]).isNull();
                }
                if (value != null) {
                    assertThat(value % 5).isZero();
                    assertThat(value < 1 || value > 7).isTrue();
                }
            }
        }
        assertThat(recoverable(table, published))
                .as("entries an attacker with the exact unsuppressed counts could solve for")
                .isEmpty();
    }

    @Provide
    Arbitrary<CountTable> tables() {
        return Arbitraries.integers()
                .between(1, 6)
                .flatMap(rows -> Arbitraries.integers().between(1, 6).flatMap(cols -> Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 7)),
                                net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                                net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(8, 300)))
                        .array(long[].class)
                        .ofSize(rows * cols)
                        .map(flat -> {
                            long[][] cells = new long[rows][cols];
                            for (int i = 0; i < rows; i++) {
                                System.arraycopy(flat, i * cols, cells[i], 0, cols);
                            }
                            List<String> r = new ArrayList<>();
                            List<String> c = new ArrayList<>();
                            for (int i = 0; i < rows; i++) {
                                r.add("r" + i);
                            }
                            for (int j = 0; j < cols; j++) {
                                c.add("c" + j);
                            }
                            return CountTable.additive("t", r, c, cells);
                        })));
    }

    /**
     * The suppressed entries whose value follows from the published ones, as an attacker who knew every published
     * count exactly (before rounding) would solve: x is determined iff its unit vector lies in the row space of the
     * table's constraints (each row and column of the grid with its margin sums to zero) restricted to the suppressed
     * entries. Worked by Gaussian elimination, independently of how the control chose what to suppress.
     */
    static List<String> recoverable(CountTable table, ProtectedTable published) {
        long[][] grid = grid(table);
        int n = grid.length;
        int m = grid[0].length;
        List<int[]> unknown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (published.published()[i][j] == null) {
                    unknown.add(new int[] {i, j});
                }
            }
        }
        List<double[]> constraints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[unknown.size()];
            for (int k = 0; k < unknown.size(); k++) {
                if (unknown.get(k)[0] == i) {
                    row[k] = unknown.get(k)[1] == m - 1 ? -1 : 1;
                }
            }
            constraints.add(row);
        }
        for (int j = 0; j < m; j++) {
            double[] col = new double[unknown.size()];
            for (int k = 0; k < unknown.size(); k++) {
                if (unknown.get(k)[1] == j) {
                    col[k] = unknown.get(k)[0] == n - 1 ? -1 : 1;
                }
            }
            constraints.add(col);
        }
        int rank = rank(constraints, unknown.size());
        List<String> solvable = new ArrayList<>();
        for (int k = 0; k < unknown.size(); k++) {
            List<double[]> with = new ArrayList<>(constraints);
            double[] unit = new double[unknown.size()];
            unit[k] = 1;
            with.add(unit);
            if (rank(with, unknown.size()) == rank) {
                solvable.add(unknown.get(k)[0] + "," + unknown.get(k)[1]);
            }
        }
        return solvable;
    }

    private static int rank(List<double[]> rows, int width) {
        double[][] a = rows.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        for (int col = 0; col < width && rank < a.length; col++) {
            int pivot = -1;
            for (int r = rank; r < a.length; r++) {
                if (Math.abs(a[r][col]) > 1e-9) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] t = a[pivot];
            a[pivot] = a[rank];
            a[rank] = t;
            for (int r = 0; r < a.length; r++) {
                if (r != rank && Math.abs(a[r][col]) > 1e-9) {
                    double f = a[r][col] / a[rank][col];
                    for (int c = col; c < width; c++) {
                        a[r][c] -= f * a[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    private static long[][] grid(CountTable table) {
        Map<String, Long> entries = DisclosureControl.entries(table);
        int n = table.rows().size() + 1;
        int m = table.columns().size() + 1;
        long[][] grid = new long[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                grid[i][j] = entries.get(DisclosureControl.key(table, i, j));
            }
        }
        return grid;
    }

    private static int countSuppressed(ProtectedTable t) {
        int n = 0;
        for (Long[] row : t.published()) {
            for (Long v : row) {
                if (v == null) {
                    n++;
                }
            }
        }
        return n;
    }
}
