package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.simulation.integrate.OdeSystem;

/**
 * The blocks bound to one layout as one ODE system: the derivative call zeroes {@code dydt}, brings
 * the drivers to time {@code t} and lets each block add its contribution. Allocation-free.
 */
final class AssembledModel implements OdeSystem {

    private final Block[] blocks;
    private final StateLayout layout;
    private final Drivers drivers = new Drivers();
    private final DriverCourse course;
    private final int[] fast;
    private final int[] slow;
    private final double[] absoluteTolerance;
    private long evaluations;

    AssembledModel(List<Block> blocks, DriverCourse course) {
        this.blocks = blocks.toArray(new Block[0]);
        this.layout = new StateLayout(blocks);
        this.course = course;
        for (Block b : this.blocks) {
            b.bind(layout);
        }
        int n = layout.size();
        int nf = 0;
        for (int i = 0; i < n; i++) {
            if (layout.variable(i).timeScale() == TimeScale.FAST) {
                nf++;
            }
        }
        fast = new int[nf];
        slow = new int[n - nf];
        absoluteTolerance = new double[n];
        int f = 0;
        int s = 0;
        for (int i = 0; i < n; i++) {
            absoluteTolerance[i] = layout.variable(i).absoluteTolerance();
            if (layout.variable(i).timeScale() == TimeScale.FAST) {
                fast[f++] = i;
            } else {
                slow[s++] = i;
            }
        }
    }

    @Override
    public int dimension() {
        return layout.size();
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        evaluations++;
        java.util.Arrays.fill(dydt, 0, layout.size(), 0.0);
        course.apply(t, drivers);
        for (Block b : blocks) {
            b.addRates(t, y, drivers, dydt);
        }
    }

    private Block[] fastBlocks;

    /**
     * The FAST rows of f(t, y) only (the SLOW rows of {@code dydt} are left incomplete): blocks that
     * own no FAST state and write into no FAST row are skipped. Fast mode's orbit integration needs
     * nothing else between its step-end evaluations. Which blocks write into FAST rows is probed
     * once, at {@code y} and at a shifted copy (a block whose contribution to a FAST row vanishes at
     * both would be missed). In the standard model every block qualifies (the wall withdraws the
     * calcium and phosphate it deposits from the ECF, a FAST row), so this saves nothing today; it
     * does for SLOW-only blocks that feed nothing back within the period.
     */
    void fastDerivatives(double t, double[] y, double[] dydt) {
        if (fastBlocks == null) {
            fastBlocks = blocksWritingFastRows(t, y);
        }
        evaluations++;
        java.util.Arrays.fill(dydt, 0, layout.size(), 0.0);
        course.apply(t, drivers);
        for (Block b : fastBlocks) {
            b.addRates(t, y, drivers, dydt);
        }
    }

    private Block[] blocksWritingFastRows(double t, double[] y) {
        int n = layout.size();
        java.util.List<Block> needed = new java.util.ArrayList<>();
        double[] at = new double[n];
        double[] out = new double[n];
        course.apply(t, drivers);
        for (Block b : blocks) {
            boolean writes = false;
            for (StateVariable v : b.variables()) {
                writes |= v.timeScale() == TimeScale.FAST;
            }
            for (int pass = 0; pass < 2 && !writes; pass++) {
                for (int i = 0; i < n; i++) {
                    at[i] = pass == 0 ? y[i] : 1.5 * y[i] + 1e3 * absoluteTolerance[i] + 1e-3;
                }
                java.util.Arrays.fill(out, 0.0);
                b.addRates(t, at, drivers, out);
                for (int i : fast) {
                    writes |= out[i] != 0;
                }
            }
            if (writes) {
                needed.add(b);
            }
        }
        return needed.toArray(new Block[0]);
    }

    private GroupedJacobian jacobian;

    /** Grouped forward differences (see {@link GroupedJacobian}); the integrator would otherwise difference every column. */
    @Override
    public boolean jacobian(double t, double[] y, double[] dfdy) {
        if (jacobian == null) {
            jacobian = new GroupedJacobian(this, absoluteTolerance);
        }
        jacobian.evaluate(t, y, dfdy);
        return true;
    }

    void applyIntake(Intake intake, double[] y) {
        for (Block b : blocks) {
            b.applyIntake(intake, y);
        }
    }

    Block[] blocks() {
        return blocks;
    }

    StateLayout layout() {
        return layout;
    }

    /** The drivers as last set (call {@link DriverCourse#apply} through {@link #driversAt} first). */
    Drivers driversAt(double t) {
        course.apply(t, drivers);
        return drivers;
    }

    DriverCourse course() {
        return course;
    }

    int[] fastIndices() {
        return fast;
    }

    int[] slowIndices() {
        return slow;
    }

    double[] absoluteTolerances() {
        return absoluteTolerance;
    }

    long evaluations() {
        return evaluations;
    }
}
