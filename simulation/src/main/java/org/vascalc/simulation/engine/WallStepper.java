package org.vascalc.simulation.engine;

/**
 * The SLOW states of the {@link org.vascalc.physiology.model.MilieuAffine} blocks (the wall's 44)
 * advanced outside fast mode's SLOW machinery (no flux secant, reuse error, response columns or
 * grouped diagonal for them): an exponential (ETD3RK, in the run-in ETD2) step of their own, on the
 * same step as the other SLOW states, with the blocks' rates at the stage's state and the stage's
 * milieu. The milieu is the orbit's integrated mean (the day's peaks enter through the integral:
 * the rates are affine in it) moved by the change of the samples' mean milieu since the orbit (the
 * samples' FAST part moved with the other SLOW states by the orbit's response), as the SLOW average
 * is. The diagonal (own-state sensitivity) is differenced with the blocks' calls alone, by the groups
 * the blocks declare ({@link org.vascalc.physiology.model.MilieuAffine#ownDiagonalGroups}).
 *
 * <p>The default since branch {@code wallslow} (docs/performance-log.md: it halved the wall's calls);
 * the old path, the wall's states inside the SLOW machinery, is kept only as a reference for tests
 * and A/B measurements.
 */
final class WallStepper {

    /** A diagonal entry with |l| times the longest step below this stays from the last evaluation. */
    private static final double NON_STIFF = 0.05;

    private final AssembledModel model;
    private final int[] own;
    private final double[] atol;
    private final Etd3Stages stages;
    private final double[] diag;
    private final double[] before;
    private final double[] rate0;
    private final double[] rate;
    private final double[] expm1;
    private final double[] probe;
    private final double[] milieu;
    /**
     * Positions of {@link #own} differenced together ({@link AssembledModel#affineDiagonalGroups}: no
     * member's rate reads another's, so each entry is the bits of differencing it alone): the wall's
     * 44 entries by 6 calls instead of 44 (docs/performance-log.md, "wallcost2").
     */
    private final int[][] groups;
    private final boolean[] due;
    private boolean diagKnown;
    private boolean thirdOrder;
    private double h;
    private double error;

    WallStepper(AssembledModel model, int[] own, double[] atol, int milieuSize) {
        this(model, own, atol, milieuSize, RunArena.NONE);
    }

    /** With its arrays lent by {@code arena} ({@link RunArena}). */
    WallStepper(AssembledModel model, int[] own, double[] atol, int milieuSize, RunArena arena) {
        this.model = model;
        this.own = own;
        this.atol = atol;
        stages = new Etd3Stages(own.length, arena);
        diag = arena.doubles(own.length);
        before = arena.doubles(own.length);
        rate0 = arena.doubles(own.length);
        rate = arena.doubles(own.length);
        expm1 = arena.doubles(own.length);
        probe = arena.doubles(model.dimension());
        milieu = arena.doubles(milieuSize);
        groups = model.affineDiagonalGroups(own);
        due = arena.booleans(own.length);
    }

    int size() {
        return own.length;
    }

    /** The milieu the blocks see: the samples' mean {@code sampled} plus the orbit's integrated mean minus the samples' mean there. */
    void milieu(double[] sampled, double[] orbitMean, double[] sampledAtOrbit) {
        for (int k = 0; k < milieu.length; k++) {
            milieu[k] = sampled[k] + (orbitMean[k] - sampledAtOrbit[k]);
        }
    }

    private void rates(double t, double[] y, double[] out) {
        model.affineRatesOf(t, y, milieu, own, out);
    }

    /**
     * The diagonal at {@code y} (milieu as last set), of every entry ({@code all}) or of those whose
     * |l| times {@code longest} is at least {@link #NON_STIFF} or {@code failedOnly} flags.
     */
    void diagonal(double t, double[] y, double longest, boolean[] failedOnly) {
        rates(t, y, rate0);
        System.arraycopy(y, 0, probe, 0, probe.length);
        for (int[] group : groups) {
            boolean any = false;
            for (int q : group) {
                due[q] = !diagKnown || (failedOnly != null ? failedOnly[q] : -Math.min(diag[q], 0) * longest >= NON_STIFF);
                any |= due[q];
            }
            if (!any) {
                continue;
            }
            for (int q : group) {
                if (due[q]) {
                    int i = own[q];
                    probe[i] = y[i] + (1e-6 * Math.abs(y[i]) + 10 * atol[i]);
                }
            }
            model.affineRatesOf(t, probe, milieu, own, rate);
            for (int q : group) {
                if (due[q]) {
                    int i = own[q];
                    diag[q] = (rate[q] - rate0[q]) / (probe[i] - y[i]);
                    probe[i] = y[i];
                }
            }
        }
        diagKnown = true;
    }

    /** First stage: rates at the step's start {@code y} (milieu set), states moved to the half stage (third order) or the Euler end. */
    void begin(double t, double step, double[] y, boolean third) {
        thirdOrder = third;
        h = step;
        rates(t, y, rate0);
        for (int q = 0; q < own.length; q++) {
            int i = own[q];
            before[q] = y[i];
            double l = Math.min(diag[q], 0);
            if (third) {
                stages.begin(step, q, y[i], rate0[q], l);
                y[i] = stages.half(q);
            } else {
                double x = step * l;
                expm1[q] = Math.abs(x) < 1e-6 ? Double.NaN : Math.expm1(x);
                y[i] += step * rate0[q] * EtdPhi.phiGiven(x, expm1[q]);
            }
        }
    }

    /** Third order's second stage at the half stage {@code y}: states moved to the end stage. */
    void half(double t, double[] y) {
        rates(t, y, rate);
        for (int q = 0; q < own.length; q++) {
            int i = own[q];
            stages.halfRate(q, y[i], rate[q]);
            y[i] = stages.end(q);
        }
    }

    /**
     * Last stage at {@code y}: the step's solution into {@code y}; returns whether every state's error
     * estimate is within {@code tolerance}, and flags the others in {@code failed}.
     */
    boolean end(double t, double[] y, double tolerance, boolean[] failed) {
        rates(t, y, rate);
        boolean ok = true;
        error = 0;
        for (int q = 0; q < own.length; q++) {
            int i = own[q];
            double estimate;
            if (thirdOrder) {
                stages.endRate(q, y[i], rate[q]);
                y[i] = stages.value(q, 1);
                estimate = stages.error(q);
            } else {
                double l = Math.min(diag[q], 0);
                estimate = h * EtdPhi.phi2Given(h * l, expm1[q]) * (rate[q] - rate0[q] - l * (y[i] - before[q]));
                y[i] += estimate;
            }
            double scale = atol[i] + tolerance * Math.max(Math.abs(before[q]), Math.abs(y[i]));
            double ratio = Math.abs(estimate) / scale;
            failed[q] = !(ratio <= 1);
            ok &= !failed[q];
            error = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : Math.max(error, ratio);
        }
        return ok;
    }

    /** The largest error ratio of the last step. */
    double error() {
        return error;
    }

    void restore(double[] y) {
        for (int q = 0; q < own.length; q++) {
            y[own[q]] = before[q];
        }
    }

    /** The states at fraction {@code a} of the last step into {@code row} (dense output as the other SLOW states'). */
    void within(double a, double[] yEnd, double[] row) {
        for (int q = 0; q < own.length; q++) {
            int i = own[q];
            if (!thirdOrder) {
                row[i] = before[q] + a * (yEnd[i] - before[q]);
            } else if (before[q] >= 0 && yEnd[i] >= 0) {
                row[i] = Math.max(0, stages.value(q, a));
            } else {
                row[i] = stages.value(q, a);
            }
        }
    }

    /** Rates at {@code y} (milieu set) for a short piece, kept for {@link #partial}. */
    void beginPartial(double t, double[] y) {
        rates(t, y, rate0);
        for (int q = 0; q < own.length; q++) {
            before[q] = y[own[q]];
        }
    }

    /** The states {@code tau} hours into a partial piece into {@code out} (exponential Euler). */
    void partial(double tau, double[] out) {
        for (int q = 0; q < own.length; q++) {
            out[own[q]] = before[q] + tau * rate0[q] * EtdPhi.phi(tau * Math.min(diag[q], 0));
        }
    }
}
