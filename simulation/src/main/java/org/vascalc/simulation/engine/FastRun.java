package org.vascalc.simulation.engine;

import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.integrate.OdeSystem;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Fast mode (model-anchors 5.5): with the SLOW states frozen, the FAST states are run to their
 * periodic orbit under the regimen (one day, or one week); the SLOW derivatives are averaged over
 * that orbit (fluxes, not inputs) and the SLOW states advanced with steps of several periods by an
 * exponential Runge-Kutta step (ETD2RK) using the diagonal of their own Jacobian (the slow subsystem still
 * holds hour-to-day relaxations such as the gland pool). The orbit is cached: while the FAST
 * dynamics at the new SLOW state differ little from those the orbit was computed with, the average is
 * corrected by re-evaluating the SLOW derivatives on the cached orbit samples (a quadrature
 * difference), which costs a few dozen derivative calls instead of an orbit. Pieces shorter than a
 * period or not aligned with it run in reference mode.
 */
final class FastRun {

    /**
     * @param maxStepPeriods    largest SLOW step, in days (rounded down to whole periods, at least one)
     * @param samples           orbit samples per period (quadrature and recording)
     * @param maxOrbitPeriods   periods allowed for the FAST states to reach their orbit
     * @param orbitTolerance    relative closure of the orbit (FAST state after one period vs before)
     * @param driftTolerance    relative change of the FAST dynamics that triggers a new orbit
     * @param maxOrbitAgeHours  recompute the orbit at least this often
     * @param integrationRelativeTolerance relative tolerance of the orbit integration
     */
    record Settings(int maxStepPeriods, int samples, int maxOrbitPeriods, double orbitTolerance,
                    double driftTolerance, double maxOrbitAgeHours, double integrationRelativeTolerance) {
        static final Settings DEFAULT = new Settings(8, 12, 60, 1e-5, 1e-2, 60 * 24, 1e-6);
    }

    record Stats(long slowSteps, long orbits, long orbitPeriods) {
    }

    private final AssembledModel model;
    private final Rodas4Integrator integrator;
    private final Tolerances tol;
    private final IntakeTimeline timeline;
    private final Settings settings;
    private final int n;
    private final int[] fast;
    private final int[] slow;
    private final double[] atol;

    // Orbit cache.
    private boolean orbitValid;
    private double orbitTime;
    private double orbitPeriod;
    private double orbitSegment;
    private final double[] orbitStart;
    private final double[] average;
    private final double[] quad0;
    private final double[] diag;
    private final double[][] samples;
    private final double[] fastRate0;

    // Scratch.
    private final double[] z;
    private final double[] w;
    private final double[] w2;
    private final double[] f;
    private final double[] before;
    private final double[] previous;
    private final double[] row;
    private long steps;
    private long orbits;
    private Frozen frozen;
    private long periods;

    FastRun(AssembledModel model, Rodas4Integrator integrator, Tolerances tol, IntakeTimeline timeline,
            Settings settings) {
        this.model = model;
        this.integrator = integrator;
        this.tol = tol;
        this.timeline = timeline;
        this.settings = settings;
        this.n = model.dimension();
        this.fast = model.fastIndices();
        this.slow = model.slowIndices();
        this.atol = model.absoluteTolerances();
        orbitStart = new double[n];
        average = new double[slow.length];
        quad0 = new double[slow.length];
        diag = new double[slow.length];
        samples = new double[settings.samples()][n];
        fastRate0 = new double[n];
        z = new double[n + slow.length];
        w = new double[n];
        w2 = new double[n];
        f = new double[n];
        before = new double[n];
        previous = new double[n];
        row = new double[n];
    }

    Stats run(RecordingPlan plan, double[] y, double end, ProgressListener progress) {
        double t = 0;
        double hPeriods = 1;
        // The first row is the stabilised, untreated state (before the orbit replaces the FAST states).
        while (plan.nextTime() <= 1e-9) {
            plan.record(y, model.driversAt(0));
        }
        while (t < end - 1e-9) {
            double b = timeline.nextBoundary(t);
            double period = timeline.periodAt(t);
            double aligned = Math.ceil(t / period - 1e-9) * period;
            if (aligned > t + 1e-9 || b - t < period - 1e-9) {
                double to = aligned > t + 1e-9 ? Math.min(aligned, b) : b;
                ReferenceRun.run(model, integrator, tol, timeline, plan, y, t, to, to >= end - 1e-9, null);
                t = to;
                orbitValid = false;
                hPeriods = 1;
                continue;
            }
            if (!orbitValid || orbitSegment != b || orbitPeriod != period || t - orbitTime > settings.maxOrbitAgeHours()
                    || drifted(t, y)) {
                computeOrbit(t, y, period);
                orbitSegment = b;
            }
            double periodsLeft = Math.floor((b - t) / period + 1e-9);
            // At most maxStepPeriods days of simulated time per step, whatever the period.
            int maxPeriods = Math.max(1, (int) Math.floor(settings.maxStepPeriods() * 24.0 / period + 1e-9));
            double h = Math.min(Math.min(hPeriods, maxPeriods), periodsLeft) * period;
            hPeriods = Math.min(2 * hPeriods, maxPeriods);
            // Exponential Runge-Kutta of order 2 (Cox & Matthews ETD2RK) with the diagonal as the
            // linear part: exact for linear relaxation toward a drive that changes linearly in the step.
            slowAverage(t, y, w);
            for (int j = 0; j < slow.length; j++) {
                int i = slow[j];
                before[i] = y[i];
                y[i] += h * w[j] * phi(h * Math.min(diag[j], 0));
            }
            slowAverage(t + h, y, w2);
            for (int j = 0; j < slow.length; j++) {
                int i = slow[j];
                double l = Math.min(diag[j], 0);
                y[i] += h * phi2(h * l) * (w2[j] - w[j] - l * (y[i] - before[i]));
            }
            for (int i : fast) {
                y[i] = orbitStart[i];
            }
            recordWithin(plan, t, h, y, end);
            t += h;
            steps++;
            progress.progress(t / end);
        }
        while (plan.nextTime() <= end + 1e-9) {
            plan.record(y, model.driversAt(end));
        }
        return new Stats(steps, orbits, periods);
    }

    /**
     * (e^x - 1) / x: the exponential-Euler factor, exact for a state relaxing linearly to a drive
     * that is constant over the step (osteoclasts, gland capacity), and 1 for pure integrators.
     */
    static double phi(double x) {
        return Math.abs(x) < 1e-6 ? 1 + x / 2 : Math.expm1(x) / x;
    }

    /** (e^x - 1 - x) / x^2, the second ETD factor (1/2 at x = 0). */
    static double phi2(double x) {
        return Math.abs(x) < 1e-4 ? 0.5 + x / 6 : (Math.expm1(x) - x) / (x * x);
    }

    /** Rows in [t, t + h): SLOW states interpolated, FAST states from the orbit sample at that phase. */
    private void recordWithin(RecordingPlan plan, double t, double h, double[] yEnd, double end) {
        while (plan.nextTime() < t + h - 1e-9 || (plan.nextTime() <= t + h + 1e-9 && t + h >= end - 1e-9
                && plan.nextTime() < end - 1e-9)) {
            double tau = plan.nextTime();
            double phase = (tau - t) % orbitPeriod;
            int m = (int) Math.round(phase / orbitPeriod * samples.length) % samples.length;
            System.arraycopy(samples[m], 0, row, 0, n);
            double a = (tau - t) / h;
            for (int i : slow) {
                row[i] = before[i] + a * (yEnd[i] - before[i]);
            }
            plan.record(row, model.driversAt(tau));
        }
    }

    /** Average SLOW derivative at the current SLOW state: cached orbit average plus quadrature correction. */
    private void slowAverage(double t, double[] y, double[] out) {
        quadrature(t, y, out);
        for (int j = 0; j < slow.length; j++) {
            out[j] = average[j] + (out[j] - quad0[j]);
        }
    }

    /** Mean of the SLOW derivatives over the cached orbit samples, with the SLOW part taken from {@code y}. */
    private void quadrature(double t, double[] y, double[] out) {
        java.util.Arrays.fill(out, 0, slow.length, 0.0);
        double dt = orbitPeriod / samples.length;
        for (int m = 0; m < samples.length; m++) {
            System.arraycopy(samples[m], 0, row, 0, n);
            for (int i : slow) {
                row[i] = y[i];
            }
            model.derivatives(t + m * dt, row, f);
            for (int j = 0; j < slow.length; j++) {
                out[j] += f[slow[j]] / samples.length;
            }
        }
    }

    /** Whether the FAST dynamics at the orbit's start changed enough (SLOW states or drivers) to need a new orbit. */
    private boolean drifted(double t, double[] y) {
        System.arraycopy(samples[0], 0, row, 0, n);
        for (int i : slow) {
            row[i] = y[i];
        }
        model.derivatives(t, row, f);
        for (int i : fast) {
            double change = Math.abs(f[i] - fastRate0[i]) * orbitPeriod;
            if (change > atol[i] + settings.driftTolerance() * Math.abs(orbitStart[i])) {
                return true;
            }
        }
        return false;
    }

    private void computeOrbit(double t, double[] y, double period) {
        orbits++;
        boolean warm = orbitValid && orbitPeriod == period;
        System.arraycopy(y, 0, z, 0, n);
        if (warm) {
            for (int i : fast) {
                z[i] = orbitStart[i];
            }
        }
        orbitPeriod = period;
        if (frozen == null) {
            frozen = new Frozen();
        }
        double[] a = new double[fast.length];
        for (int k = 0; k < fast.length; k++) {
            a[k] = atol[fast[k]];
        }
        Tolerances augmented = new Tolerances(settings.integrationRelativeTolerance(), a);
        for (int k = 0; k < settings.maxOrbitPeriods(); k++) {
            if (k >= 2 && k % 2 == 0) {
                aitken();
            }
            for (int i : fast) {
                previous[i] = before[i];
                before[i] = z[i];
            }
            java.util.Arrays.fill(z, n, n + slow.length, 0.0);
            period(frozen, augmented, t, period);
            periods++;
            boolean closed = true;
            for (int i : fast) {
                if (Math.abs(z[i] - before[i]) > atol[i] + settings.orbitTolerance() * Math.abs(before[i])) {
                    closed = false;
                    break;
                }
            }
            if (closed) {
                break;
            }
        }
        System.arraycopy(z, 0, orbitStart, 0, n);
        for (int j = 0; j < slow.length; j++) {
            average[j] = z[n + j] / period;
        }
        for (int i : fast) {
            y[i] = orbitStart[i];
        }
        orbitTime = t;
        quadrature(t, y, quad0);
        // Own-state sensitivity of the averaged SLOW derivatives, by finite differences on the samples.
        System.arraycopy(y, 0, w, 0, n);
        double[] q = new double[slow.length];
        for (int j = 0; j < slow.length; j++) {
            int i = slow[j];
            double delta = 1e-6 * Math.abs(y[i]) + 10 * atol[i];
            w[i] = y[i] + delta;
            quadrature(t, w, q);
            diag[j] = (q[j] - quad0[j]) / delta;
            w[i] = y[i];
        }
        System.arraycopy(samples[0], 0, row, 0, n);
        model.derivatives(t, row, fastRate0);
        orbitValid = true;
    }

    /**
     * Aitken's delta-squared step per FAST component from the last three period starts: linear
     * slowly relaxing components (vitamin K PK, absorption capacity) converge geometrically to the
     * orbit, and the extrapolation jumps to its limit instead of integrating tens of periods.
     * Applied only where the last two corrections shrink with the same sign.
     */
    private void aitken() {
        for (int i : fast) {
            double d1 = before[i] - previous[i];
            double d2 = z[i] - before[i];
            double denom = d2 - d1;
            if (d1 != 0 && d2 / d1 > 0 && d2 / d1 < 0.98 && denom != 0) {
                double extrapolated = z[i] - d2 * d2 / denom;
                if (Double.isFinite(extrapolated) && extrapolated >= 0) {
                    z[i] = extrapolated;
                }
            }
        }
    }

    /** One period of the frozen system from {@code z}, applying intakes and storing samples. */
    private void period(Frozen frozen, Tolerances augmented, double t0, double period) {
        int i = timeline.firstAtOrAfter(t0);
        double dt = period / samples.length;
        int m = 0;
        double t = t0;
        double end = t0 + period;
        boolean jumped = true;
        while (true) {
            while (m < samples.length && t0 + m * dt <= t + 1e-9) {
                System.arraycopy(z, 0, samples[m++], 0, n);
            }
            while (i < timeline.size() && timeline.time(i) <= t + 1e-9 && timeline.time(i) < end - 1e-9) {
                applyFrozen(timeline.intake(i++));
                jumped = true;
            }
            if (t >= end - 1e-9) {
                return;
            }
            double next = end;
            if (m < samples.length) {
                next = Math.min(next, t0 + m * dt);
            }
            if (i < timeline.size()) {
                next = Math.min(next, timeline.time(i));
            }
            frozen.integratePiece(augmented, t, next, jumped);
            jumped = false;
            t = next;
        }
    }

    /** An intake's jumps of SLOW states (cumulative counters) go to the accumulators, not the frozen states. */
    private void applyFrozen(org.vascalc.physiology.model.Intake intake) {
        for (int j = 0; j < slow.length; j++) {
            before[slow[j]] = z[slow[j]];
        }
        model.applyIntake(intake, z);
        for (int j = 0; j < slow.length; j++) {
            int s = slow[j];
            z[n + j] += z[s] - before[s];
            z[s] = before[s];
        }
    }

    /**
     * The FAST subsystem with the SLOW states held at their values in {@code z}: only the FAST
     * components are integrated (so the stiff solver factors a FAST-sized matrix), and the SLOW
     * derivatives are integrated alongside by the trapezoidal rule over the solver's accepted steps
     * into the accumulators {@code z[n + j]}.
     */
    private final class Frozen implements OdeSystem {
        private final int nf = fast.length;
        private final double[] yf = new double[nf];
        private final double[] d = new double[n];
        private final double[] slowRate = new double[slow.length];
        private double lastTime;
        private final org.vascalc.simulation.integrate.StiffIntegrator.StepObserver observer = this::accumulate;

        void integratePiece(Tolerances tolerances, double t0, double t1, boolean jumped) {
            for (int k = 0; k < nf; k++) {
                yf[k] = z[fast[k]];
            }
            slowRates(t0);
            lastTime = t0;
            integrator.integrate(this, tolerances, t0, yf, t1, observer, jumped ? 0 : integrator.suggestedNextStep());
            for (int k = 0; k < nf; k++) {
                z[fast[k]] = yf[k];
            }
        }

        /** Trapezoidal step of the SLOW-derivative integrals (z[n + j]) at each accepted step. */
        private void accumulate(double t, double[] y) {
            double h = t - lastTime;
            for (int j = 0; j < slow.length; j++) {
                z[n + j] += 0.5 * h * slowRate[j];
            }
            for (int k = 0; k < nf; k++) {
                z[fast[k]] = y[k];
            }
            slowRates(t);
            for (int j = 0; j < slow.length; j++) {
                z[n + j] += 0.5 * h * slowRate[j];
            }
            lastTime = t;
        }

        private void slowRates(double t) {
            model.derivatives(t, z, d);
            for (int j = 0; j < slow.length; j++) {
                slowRate[j] = d[slow[j]];
            }
        }

        @Override
        public int dimension() {
            return nf;
        }

        @Override
        public void derivatives(double t, double[] y, double[] dydt) {
            for (int k = 0; k < nf; k++) {
                z[fast[k]] = y[k];
            }
            model.derivatives(t, z, d);
            for (int k = 0; k < nf; k++) {
                dydt[k] = d[fast[k]];
            }
        }

        private GroupedJacobian grouped;

        /** Forward differences, columns with disjoint rows perturbed together (one call per group). */
        @Override
        public boolean jacobian(double t, double[] y, double[] dfdy) {
            if (grouped == null) {
                double[] a = new double[nf];
                for (int k = 0; k < nf; k++) {
                    a[k] = atol[fast[k]];
                }
                grouped = new GroupedJacobian(this, a);
            }
            grouped.evaluate(t, y, dfdy);
            return true;
        }
    }
}
