package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.StateLayout;
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
