package org.vascalc.simulation.engine;

import java.util.Arrays;
import org.vascalc.simulation.integrate.OdeSystem;

/**
 * Forward-difference Jacobian that perturbs columns with disjoint rows together (Curtis, Powell &amp;
 * Reid 1974): blocks, depots and cumulative counters touch few rows, so a Jacobian of the assembled
 * model costs one derivative call per group instead of one per state. The sparsity is probed once,
 * as the union over the first state seen and a shifted copy (so that terms that vanish at zero,
 * e.g. an empty depot, still count). Allocation-free after the first call.
 */
final class GroupedJacobian {

    private final OdeSystem system;
    private final double[] atol;
    private final int n;
    private final double[] f0;
    private final double[] f1;
    private final double[] delta;
    private int[][] groups;
    private int[][] rowColumn;

    GroupedJacobian(OdeSystem system, double[] absoluteTolerance) {
        this.system = system;
        this.n = system.dimension();
        this.atol = absoluteTolerance;
        f0 = new double[n];
        f1 = new double[n];
        delta = new double[n];
    }

    /** Number of column groups (derivative calls per Jacobian, plus one). */
    int groups() {
        return groups == null ? -1 : groups.length;
    }

    void evaluate(double t, double[] y, double[] dfdy) {
        if (groups == null) {
            colour(t, y);
        }
        Arrays.fill(dfdy, 0, n * n, 0.0);
        system.derivatives(t, y, f0);
        for (int g = 0; g < groups.length; g++) {
            for (int c : groups[g]) {
                double yc = y[c];
                y[c] = yc + Math.sqrt(Math.ulp(1.0)) * Math.max(Math.abs(yc), 1e3 * atol[c]);
                delta[c] = y[c] - yc;
            }
            system.derivatives(t, y, f1);
            for (int c : groups[g]) {
                y[c] -= delta[c];
            }
            int[] owner = rowColumn[g];
            for (int r = 0; r < n; r++) {
                int c = owner[r];
                if (c >= 0) {
                    dfdy[r * n + c] = (f1[r] - f0[r]) / delta[c];
                }
            }
        }
    }

    private void colour(double t, double[] y) {
        boolean[][] touches = new boolean[n][n];
        for (int pass = 0; pass < 2; pass++) {
            double[] at = y.clone();
            if (pass == 1) {
                for (int c = 0; c < n; c++) {
                    at[c] = 1.5 * at[c] + 1e3 * atol[c] + 1e-3;
                }
            }
            system.derivatives(t, at, f0);
            for (int c = 0; c < n; c++) {
                double keep = at[c];
                at[c] = keep + Math.max(1e-4 * Math.abs(keep), 1e3 * atol[c]);
                system.derivatives(t, at, f1);
                at[c] = keep;
                for (int r = 0; r < n; r++) {
                    if (f1[r] != f0[r]) {
                        touches[c][r] = true;
                    }
                }
            }
        }
        groups = greedyGroups(touches, n);
        rowColumn = rowOwners(groups, touches, n);
    }

    /**
     * Curtis–Powell–Reid's greedy colouring: column {@code c} (in index order) joins the first group
     * none of whose columns touches a row it touches ({@code touches[c][r]}, rows 0..rows-1), else
     * starts a new group. Columns of one group can be perturbed together.
     */
    static int[][] greedyGroups(boolean[][] touches, int rows) {
        int columns = touches.length;
        // Each column's rows and each group's taken rows as bit sets (64 rows a word): a clash is a
        // non-zero AND of words, not a scan of the rows (the same groups as the scan).
        int words = (rows + 63) >>> 6;
        long[] column = new long[words];
        // at most one group per column
        long[] used = new long[columns * words];
        int[] groupOf = new int[columns];
        int[] sizes = new int[columns];
        int count = 0;
        for (int c = 0; c < columns; c++) {
            Arrays.fill(column, 0L);
            boolean[] touched = touches[c];
            for (int r = 0; r < rows; r++) {
                if (touched[r]) {
                    column[r >>> 6] |= 1L << r;
                }
            }
            int chosen = -1;
            for (int g = 0; g < count && chosen < 0; g++) {
                boolean clash = false;
                for (int w = 0; w < words && !clash; w++) {
                    clash = (column[w] & used[g * words + w]) != 0;
                }
                if (!clash) {
                    chosen = g;
                }
            }
            if (chosen < 0) {
                chosen = count++;
            }
            groupOf[c] = chosen;
            sizes[chosen]++;
            for (int w = 0; w < words; w++) {
                used[chosen * words + w] |= column[w];
            }
        }
        int[][] out = new int[count][];
        for (int g = 0; g < count; g++) {
            out[g] = new int[sizes[g]];
        }
        int[] filled = new int[count];
        for (int c = 0; c < columns; c++) {
            int g = groupOf[c];
            out[g][filled[g]++] = c;
        }
        return out;
    }

    /** For each group and row, the group's one column that touches the row, or -1 where none does. */
    static int[][] rowOwners(int[][] groups, boolean[][] touches, int rows) {
        int[][] owner = new int[groups.length][rows];
        for (int g = 0; g < groups.length; g++) {
            Arrays.fill(owner[g], -1);
            for (int c : groups[g]) {
                for (int r = 0; r < rows; r++) {
                    if (touches[c][r]) {
                        owner[g][r] = c;
                    }
                }
            }
        }
        return owner;
    }
}
