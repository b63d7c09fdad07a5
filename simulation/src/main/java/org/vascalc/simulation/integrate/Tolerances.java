package org.vascalc.simulation.integrate;

/**
 * Mixed error control: component i is accepted when |err_i| <= absolute[i] + relative * |y_i|.
 * Per-component absolute tolerances come from the state variables' declared tolerances. An infinite
 * absolute tolerance marks a component that the error control ignores (a quadrature carried along,
 * e.g. an integral of the solution): the stiff integrator's error norm averages over the others only.
 * {@code normCount}, when positive, is the divisor of that mean square instead of the number of
 * controlled components: a system from which components with (nearly) no error were taken out
 * (fast mode's orbit without the vitamin K block, propagated apart in closed form) keeps the norm,
 * and so the accept/reject decisions, of the system that still carried them; 0 counts the
 * controlled components. {@code relativeScale}, when not null, scales the relative tolerance per
 * component (component i is accepted when |err_i| &lt;= absolute[i] + relative * relativeScale[i] * |y_i|);
 * null is the uniform relative tolerance.
 */
public record Tolerances(double relative, double[] absolute, int normCount, double[] relativeScale) {

    public Tolerances(double relative, double[] absolute) {
        this(relative, absolute, 0);
    }

    public Tolerances(double relative, double[] absolute, int normCount) {
        this(relative, absolute, normCount, null);
    }

    public Tolerances {
        if (!(relative > 0)) {
            throw new IllegalArgumentException("relative tolerance must be > 0");
        }
        if (normCount < 0) {
            throw new IllegalArgumentException("norm count must be >= 0, was " + normCount);
        }
        absolute = absolute.clone();
        if (relativeScale != null) {
            if (relativeScale.length != absolute.length) {
                throw new IllegalArgumentException("relative scales: " + relativeScale.length + " for "
                        + absolute.length + " components");
            }
            relativeScale = relativeScale.clone();
            for (double r : relativeScale) {
                if (!(r > 0) || !Double.isFinite(r)) {
                    throw new IllegalArgumentException("relative scales must be finite and > 0, was " + r);
                }
            }
        }
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
