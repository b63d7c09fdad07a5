package org.vascalc.simulation.engine;

/**
 * The arithmetic of one third-order exponential Runge-Kutta step (Cox & Matthews 2002, ETD3RK, their
 * eq. 26; written with the phi functions as in Hochbruck & Ostermann 2010, section 2.3) for a system
 * whose linear part is diagonal, {@code y_j' = l_j y_j + N_j(t, y)}, with an embedded second-order
 * solution, its error estimate, and a dense output for rows inside the step. The caller (fast mode's
 * SLOW step, {@link FastRun}) evaluates the full rates {@code f = l y + N} at the three stages (the step's
 * start, the half-step predictor {@link #half}, the full-step predictor {@link #end}) and passes the
 * nonlinear parts' changes {@code D = f(stage) - f(start) - l (stage - start)}.
 *
 * <p>With {@code N(s) = N0 + alpha s + beta s^2} fitted through the three stages, the exact solution of
 * the linear relaxation toward that drive is {@code y(s) = y0 + s phi1(sl) f0 + s^2 phi2(sl) alpha +
 * 2 s^3 phi3(sl) beta}; at {@code s = h} that is ETD3RK, inside the step it is the dense output
 * ({@link #value}). The second-order solution from the start and the end stage alone
 * ({@code y0 + h phi1 f0 + h phi2 D_b}, ETD2 with {@code b} as predictor) differs from it by
 * {@code h (4 phi2 - 8 phi3)(D_a - D_b / 2)} ({@link #error}): the drive's curvature over the step,
 * of order h^3 (h^3 N''/12 where the state is not stiff, smaller by (h l)^-2 where it is). The
 * second-order step before measured the first-order step's error, which is the drive's slope (order
 * h^2, and of order h for a stiff state following a moving equilibrium), and so held the steps of a
 * state relaxing over weeks (the osteoclasts after a supplement starts) to a few days.
 */
final class Etd3Stages {

    private final double[] start;
    private final double[] rate0;
    private final double[] linear;
    private final double[] dHalf;
    private final double[] dEnd;
    /**
     * Per state, the phi functions at the step's {@code h l}, taken once in {@link #begin}: the end
     * stage, the solution and the error estimate each took them again (five of seven exponentials
     * per state and step, for the wall's 44 SLOW states as for the others); the same bits.
     */
    private final double[] phi1Step;
    private final double[] phi2Step;
    private final double[] phi3Step;
    /**
     * Per state, phi1 at half the step's {@code h l} (the first stage's factor), and the raw bits of
     * the step and the linear part that these and the step's phi functions were taken at: the step
     * size (whole periods, mostly the 128-day cap) and the diagonal (refreshed at orbits) repeat from
     * step to step, and the two exponentials per state and step (the wall's 44 states and the 18
     * others) were taken again for the same arguments; the same bits (docs/performance-log.md, "wallcost2").
     */
    private final double[] phi1Half;
    private final long[] stepBits;
    private final long[] linearBits;
    private double h;

    Etd3Stages(int size) {
        this(size, RunArena.NONE);
    }

    /** With its arrays lent by {@code arena} ({@link RunArena}). */
    Etd3Stages(int size, RunArena arena) {
        start = arena.doubles(size);
        rate0 = arena.doubles(size);
        linear = arena.doubles(size);
        dHalf = arena.doubles(size);
        dEnd = arena.doubles(size);
        phi1Step = arena.doubles(size);
        phi2Step = arena.doubles(size);
        phi3Step = arena.doubles(size);
        phi1Half = arena.doubles(size);
        stepBits = arena.longs(size);
        linearBits = arena.longs(size);
        // No step has NaN bits: the first begin of each state computes its factors.
        java.util.Arrays.fill(stepBits, Double.doubleToRawLongBits(Double.NaN));
    }

    /** Starts a step of {@code h} for state {@code j} at {@code y0} with rate {@code f0} and linear part {@code l <= 0}. */
    void begin(double step, int j, double y0, double f0, double l) {
        h = step;
        start[j] = y0;
        rate0[j] = f0;
        linear[j] = l;
        long sb = Double.doubleToRawLongBits(step);
        long lb = Double.doubleToRawLongBits(l);
        if (sb == stepBits[j] && lb == linearBits[j]) {
            return; // the factors of the last step of this state: the same arguments
        }
        stepBits[j] = sb;
        linearBits[j] = lb;
        double x = step * l;
        // e^x - 1 once for the three factors (the same bits as each taking it: one deterministic call)
        double em1 = expm1Used(x);
        phi1Step[j] = phi1Given(x, em1);
        phi2Step[j] = phi2Given(x, em1);
        phi3Step[j] = phi3Given(x, em1);
        phi1Half[j] = phi1(0.5 * step * l);
    }

    /** The first stage: exponential Euler over half the step. */
    double half(int j) {
        double s = 0.5 * h;
        return start[j] + s * phi1Half[j] * rate0[j];
    }

    /** The nonlinear part's change at the half-step stage {@code a} whose rate is {@code fa}. */
    void halfRate(int j, double a, double fa) {
        dHalf[j] = fa - rate0[j] - linear[j] * (a - start[j]);
    }

    /** The second stage, at the step's end: exponential Euler with the drive {@code 2 N(a) - N(y0)}. */
    double end(int j) {
        return start[j] + h * phi1Step[j] * (rate0[j] + 2 * dHalf[j]);
    }

    /** The nonlinear part's change at the end stage {@code b} whose rate is {@code fb}. */
    void endRate(int j, double b, double fb) {
        dEnd[j] = fb - rate0[j] - linear[j] * (b - start[j]);
    }

    /** The state at {@code theta h} into the step (the ETD3RK solution at {@code theta = 1}). */
    double value(int j, double theta) {
        double s = theta * h;
        double x = s * linear[j];
        double alphaH = 4 * dHalf[j] - dEnd[j];
        double betaH2 = 2 * dEnd[j] - 4 * dHalf[j];
        // at theta = 1, s = h and x = h l: the phi functions of begin
        double em1 = theta == 1 ? 0 : expm1Used(x);
        double p1 = theta == 1 ? phi1Step[j] : phi1Given(x, em1);
        double p2 = theta == 1 ? phi2Step[j] : phi2Given(x, em1);
        double p3 = theta == 1 ? phi3Step[j] : phi3Given(x, em1);
        return start[j] + s * (p1 * rate0[j] + theta * p2 * alphaH + 2 * theta * theta * p3 * betaH2);
    }

    /**
     * The time derivative of the dense output {@link #value} at {@code theta h} into the step: the
     * relaxation toward the fitted drive, {@code y'(s) = f0 + l (y(s) - y0) + N(s) - N0} with
     * {@code N(s) - N0 = alpha s + beta s^2 = alphaH theta + betaH2 theta^2} (the rates the dense
     * output solves exactly; for {@link OnsetLag}).
     */
    double rate(int j, double theta) {
        double alphaH = 4 * dHalf[j] - dEnd[j];
        double betaH2 = 2 * dEnd[j] - 4 * dHalf[j];
        return rate0[j] + linear[j] * (value(j, theta) - start[j]) + theta * (alphaH + theta * betaH2);
    }

    /** The third-order solution minus the embedded second-order one, for state {@code j}. */
    double error(int j) {
        return h * (4 * phi2Step[j] - 8 * phi3Step[j]) * (dHalf[j] - 0.5 * dEnd[j]);
    }

    /** {@code Math.expm1(x)} where one of the phi functions reads it (|x| &gt;= 1e-5), else 0 (unread). */
    static double expm1Used(double x) {
        return Math.abs(x) < 1e-5 ? 0 : Math.expm1(x);
    }

    /** {@link #phi1} given {@code em1} = {@link #expm1Used}{@code (x)}. */
    static double phi1Given(double x, double em1) {
        return Math.abs(x) < 1e-5 ? 1 + x * (0.5 + x / 6) : em1 / x;
    }

    /** {@link #phi2} given {@code em1} = {@link #expm1Used}{@code (x)}. */
    static double phi2Given(double x, double em1) {
        return Math.abs(x) < 1e-3 ? 0.5 + x * (1.0 / 6 + x * (1.0 / 24 + x / 120)) : (em1 - x) / (x * x);
    }

    /** {@link #phi3} given {@code em1} = {@link #expm1Used}{@code (x)}. */
    static double phi3Given(double x, double em1) {
        return Math.abs(x) < 2e-2
                ? 1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720 + x / 5040)))
                : (em1 - x - 0.5 * x * x) / (x * x * x);
    }

    /** (e^x - 1) / x. */
    static double phi1(double x) {
        return Math.abs(x) < 1e-5 ? 1 + x * (0.5 + x / 6) : Math.expm1(x) / x;
    }

    /** (e^x - 1 - x) / x^2. */
    static double phi2(double x) {
        return Math.abs(x) < 1e-3 ? 0.5 + x * (1.0 / 6 + x * (1.0 / 24 + x / 120)) : (Math.expm1(x) - x) / (x * x);
    }

    /** (e^x - 1 - x - x^2/2) / x^3. */
    static double phi3(double x) {
        return Math.abs(x) < 2e-2
                ? 1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720 + x / 5040)))
                : (Math.expm1(x) - x - 0.5 * x * x) / (x * x * x);
    }
}
