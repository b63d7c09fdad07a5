package org.vascalc.simulation.integrate;

/**
 * Developer aid for {@code DirectCostRunner} (directfast, fifty-seventh session): the thread CPU of one decomposition
 * of {@code I/(h gamma) - J} and of one solve, as the W-method makes them for a Jacobian of the full model.
 */
public final class LuCostProbe {

    private LuCostProbe() {
    }

    /** Nanoseconds per decomposition and per solve: {@code {decompose, solve}}, over {@code reps} of each. */
    public static double[] nanos(double[] jac, int n, int linear, int reps) {
        boolean[] pattern = new boolean[linear * linear];
        DenseLu.jacobianPattern(jac, n, linear, pattern);
        DenseLu lu = new DenseLu(linear, new PivotOrders(linear));
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] b = new double[n];
        for (int warm = 0; warm < 2; warm++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (int r = 0; r < reps; r++) {
                lu.decomposeShifted(jac, n, 10 + r % 7, pattern);
            }
            long t1 = bean.getCurrentThreadCpuTime();
            for (int r = 0; r < reps; r++) {
                java.util.Arrays.fill(b, 1.0);
                lu.solve(b);
            }
            long t2 = bean.getCurrentThreadCpuTime();
            if (warm == 1) {
                return new double[] {(t1 - t0) / (double) reps, (t2 - t1) / (double) reps};
            }
        }
        throw new AssertionError();
    }
}
