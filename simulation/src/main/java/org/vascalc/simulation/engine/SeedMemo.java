package org.vascalc.simulation.engine;

import java.util.Arrays;

/**
 * The monodromy seed {@code exp(J T)} of a run's first orbit ({@link PeriodMapNewton#seed}), kept with
 * the stabilised state it was taken at ({@link EngineSimulator}) and handed back when a later run asks
 * for the seed of the same Jacobian and period. Every run of one person starts its first orbit at the
 * stabilised state at midnight, where no intake acts, so its FAST Jacobian does not depend on the
 * regimen: the benchmark's regimen, no regimen, MK-7 alone and a citrate supplement at noon seeded
 * the same matrix to the bit (docs/performance-log.md, "coldorbit"). The seed costs ~95 us of CPU (a 32 x 32
 * exponential: 12 Taylor terms and 14 squarings), ~4 % of a fast-mode decade and ~15 % of a one-day
 * run ("setupcost"); each later run of the person while the simulator still caches the stabilised
 * state (a regimen comparison, the web app's runs, the benchmark's repeated decade) skips it. A new
 * person's first run computes it as before.
 *
 * <p>A hit requires the same period and the same Jacobian bit for bit ({@link Arrays#equals(double[], double[])}),
 * and the seed is a function of those alone, so a run's results do not depend on whether it hit:
 * they are the bits of a run that computed the seed. Holds one seed (the last run's first); not
 * thread-safe, like the simulator that keeps it.
 */
final class SeedMemo {

    private double[] jacobian;
    private double period = Double.NaN;
    private double[] seed;
    private long hits;

    /** Copies the kept seed into {@code out} and returns true where it was taken for {@code jacobian} and {@code period}. */
    boolean copyIfSame(double[] jacobian, double period, double[] out) {
        if (seed == null || this.period != period || !Arrays.equals(this.jacobian, jacobian)) {
            return false;
        }
        System.arraycopy(seed, 0, out, 0, seed.length);
        hits++;
        return true;
    }

    /** Keeps {@code seed}, the seed taken for {@code jacobian} and {@code period} (all copied). */
    void keep(double[] jacobian, double period, double[] seed) {
        if (this.jacobian == null || this.jacobian.length != jacobian.length) {
            this.jacobian = new double[jacobian.length];
        }
        if (this.seed == null || this.seed.length != seed.length) {
            this.seed = new double[seed.length];
        }
        System.arraycopy(jacobian, 0, this.jacobian, 0, jacobian.length);
        System.arraycopy(seed, 0, this.seed, 0, seed.length);
        this.period = period;
    }

    /** How many seeds were handed back (tests). */
    long hits() {
        return hits;
    }
}
