package org.vascalc.simulation.integrate;

/**
 * Mixed error control: component i is accepted when |err_i| <= absolute[i] + relative * |y_i|.
 * Per-component absolute tolerances come from the state variables' declared tolerances. An infinite
 * absolute tolerance marks a component that the error control ignores (a quadrature carried along,
 * e.g. an integral of the solution): the stiff integrator's error norm averages over the others only.
 */
public record Tolerances(double relative, double[] absolute) {
    public Tolerances {
        if (!(relative > 0)) {
            throw new IllegalArgumentException("relative tolerance must be > 0");
        }
        absolute = absolute.clone();
        for (double a : absolute) {
            if (!(a > 0)) {
                throw new IllegalArgumentException("absolute tolerances must be > 0");
            }
        }
    }

    public static Tolerances uniform(int n, double relative, double absolute) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, absolute);
        return new Tolerances(relative, a);
    }
}
