package org.vascalc.simulation.engine;

/**
 * The first guess of a new orbit's start in the fast mode ({@link FastRun}), from the orbits before
 * it: the time extrapolation through the last two or three orbits' estimates ({@link #extrapolate}),
 * and the guess from the SLOW states' move by the orbit's quasi-steady response plus the last
 * orbit's residual ({@link #adiabatic}); after each orbit both are scored ({@link #score}) and the
 * next orbit takes the one that missed less. The guesses only shorten the orbit iteration: its
 * closure is tested as before.
 */
final class OrbitStartGuess {

    /** Moves a state's FAST part by the orbit's response to its SLOW states (and the drift's change), in place. */
    @FunctionalInterface
    interface ResponseMove {
        void apply(double[] state);
    }

    /**
     * Shortest interval between orbits across which the orbit start is extrapolated (linearly, or
     * quadratically through three orbits). It was {@code FastRun.MIN_TREND_HOURS} (a linear extrapolation
     * across a regimen's first, decelerating days overshot), which left a CKD G4 decade's orbits,
     * four days apart for months, starting where the last one had been, 15–50 closure scales off, two
     * periods each; with the quadratic through the last three orbits two days suffice (CKD G4 decade
     * 152 k -> 139 k calls, same agreement; docs/performance-log.md, "orbit start").
     */
    static final double START_TREND_HOURS = 48;
    /** Largest extrapolation of the orbit start, in units of the last interval between orbits. */
    static final double MAX_EXTRAPOLATION = 1.5;

    private final int n;
    private final int[] fast;
    private final int[] slow;
    private final double[] atol;
    /** Absolute tolerances of the SLOW states (indexed like {@link #slow}). */
    private final double[] slowAtol;
    /** Relative closure of the orbit ({@link FastSettings#orbitTolerance}), for the guesses' scores. */
    private final double orbitTolerance;
    /** The orbit before the current one (same regimen), for extrapolating the next orbit's start. */
    private final double[] trendStart;
    private double trendTime;
    private boolean trendValid;
    /** The orbit before {@link #trendStart} (same regimen), for the quadratic extrapolation. */
    private final double[] trendStart2;
    private double trendTime2;
    private boolean trendValid2;
    /** {@link #adiabatic}: the last estimate moved by the response alone, and with the residual. */
    private final double[] responseGuess;
    private final double[] startGuess;
    /** The time extrapolation's guess ({@link #extrapolate}), kept for scoring. */
    private final double[] trendGuess;
    /** The last orbit's estimate minus its response guess (the part the response did not predict). */
    private final double[] residual;
    private boolean residualValid;
    /** The SLOW states at the last orbit. */
    private final double[] orbitSlow;
    /**
     * The relative move of the SLOW states that enter the response since the last orbit, and the
     * one the residual belongs to: the residual is carried over by the projection of the one on the other.
     */
    private double[] slowMove = new double[0];
    private double[] lastSlowMove = new double[0];
    /** How far the last orbit's guesses missed (closure scales); NaN when not scored. */
    private double trendGuessError = Double.NaN;
    private double startGuessError = Double.NaN;

    OrbitStartGuess(int n, int[] fast, int[] slow, double[] atol, double[] slowAtol, double orbitTolerance) {
        this(n, fast, slow, atol, slowAtol, orbitTolerance, RunArena.NONE);
    }

    /** With its arrays lent by {@code arena} ({@link RunArena}). */
    OrbitStartGuess(int n, int[] fast, int[] slow, double[] atol, double[] slowAtol, double orbitTolerance,
                    RunArena arena) {
        this.n = n;
        this.fast = fast;
        this.slow = slow;
        this.atol = atol;
        this.slowAtol = slowAtol;
        this.orbitTolerance = orbitTolerance;
        trendStart = arena.doubles(n);
        trendStart2 = arena.doubles(n);
        responseGuess = arena.doubles(n);
        startGuess = arena.doubles(n);
        trendGuess = arena.doubles(n);
        residual = arena.doubles(n);
        orbitSlow = arena.doubles(slow.length);
    }

    /** Whether an earlier orbit of the same regimen is known for the time extrapolation. */
    boolean hasTrend() {
        return trendValid;
    }

    /** No orbit before the next one counts for the time extrapolation (a new regimen, a restarted clock). */
    void forgetTrend() {
        trendValid = false;
        trendValid2 = false;
    }

    /** The last orbit ({@code orbitEstimate} at {@code orbitTime}, same regimen) becomes the newest trend node. */
    void pushTrend(double[] orbitEstimate, double orbitTime) {
        if (trendValid) {
            System.arraycopy(trendStart, 0, trendStart2, 0, n);
            trendTime2 = trendTime;
            trendValid2 = true;
        }
        System.arraycopy(orbitEstimate, 0, trendStart, 0, n);
        trendTime = orbitTime;
        trendValid = true;
    }

    /** The clock restarted {@code hours} later (the stabiliser's next chunk): the trend's times move back. */
    void shiftClock(double hours) {
        trendTime -= hours;
        trendTime2 -= hours;
    }

    /**
     * First guess of the new orbit's start: the last orbit's start moved on along the drift of the
     * last orbits (the SLOW states, which set the orbit, change smoothly over weeks): quadratic
     * through the last three orbits' estimates where all three are at least {@link #START_TREND_HOURS}
     * apart, else linear through the last two. The drift decelerates (the approach to the regimen's
     * homeostasis), and the linear guess missed by its curvature, 2–5 closure scales, so every orbit
     * took a second period (docs/performance-log.md, "orbit start"). The step is at most
     * {@link #MAX_EXTRAPOLATION} times the last interval, and a component that was non-negative stays
     * so. The guess only shortens the iteration: closure is tested as before.
     */
    void extrapolate(double t, double orbitTime, double[] orbitEstimate, double[] z) {
        double span = orbitTime - trendTime;
        if (!(span >= START_TREND_HOURS)) {
            return;
        }
        double to = orbitTime + Math.min(MAX_EXTRAPOLATION * span, t - orbitTime);
        double span2 = trendTime - trendTime2;
        if (trendValid2 && span2 >= START_TREND_HOURS) {
            // Newton's divided differences on the nodes orbitTime, trendTime, trendTime2.
            for (int i : fast) {
                double d21 = (orbitEstimate[i] - trendStart[i]) / span;
                double d10 = (trendStart[i] - trendStart2[i]) / span2;
                double curvature = (d21 - d10) / (orbitTime - trendTime2);
                double guess = orbitEstimate[i] + (to - orbitTime) * (d21 + (to - trendTime) * curvature);
                z[i] = orbitEstimate[i] >= 0 && trendStart[i] >= 0 && trendStart2[i] >= 0 ? Math.max(0, guess) : guess;
            }
            return;
        }
        double ratio = Math.min(MAX_EXTRAPOLATION, (t - orbitTime) / span);
        for (int i : fast) {
            double guess = orbitEstimate[i] + ratio * (orbitEstimate[i] - trendStart[i]);
            z[i] = orbitEstimate[i] >= 0 && trendStart[i] >= 0 ? Math.max(0, guess) : guess;
        }
    }

    /**
     * The orbit start guessed from the SLOW states' change since the last orbit: its estimate moved
     * by the orbit's quasi-steady response ({@link AdiabaticResponse}) and by the change of the
     * drift it is computed with ({@code FastRun.addLagChange}: {@code move}), plus the part of the last
     * orbit's move that response did not predict, scaled by the projection of the SLOW states' move
     * on the last one's (the response is that of the orbit's mean, not of its start, and PTH's start
     * moves by a third more than its mean; the SLOW states that enter the response, relative to their
     * size, measure the move: their drift decelerates where a linear extrapolation in time would
     * overshoot). It replaces the time extrapolation's guess in {@code z} unless that one missed the
     * last orbit by less. The time extrapolation knows nothing of how far the SLOW states moved:
     * across the benchmark decade's orbits, months apart, it missed by 33–730 closure scales where
     * this guess misses by 0.001–38 (under 7 from the fourth orbit on), and the decade's 15 orbits
     * took 22 periods instead of 32 (docs/performance-log.md, "orbit start by response").
     */
    void adiabatic(double[] y, double[] orbitEstimate, boolean expired, double[] z, AdiabaticResponse response,
                   ResponseMove move) {
        System.arraycopy(y, 0, responseGuess, 0, n);
        for (int i : fast) {
            responseGuess[i] = orbitEstimate[i];
        }
        move.apply(responseGuess);
        System.arraycopy(responseGuess, 0, startGuess, 0, n);
        int[] entering = response.entering();
        if (slowMove.length != entering.length) {
            slowMove = new double[entering.length];
            lastSlowMove = new double[entering.length];
            residualValid = false;
        }
        double along = 0;
        double lastSize = 0;
        for (int c = 0; c < entering.length; c++) {
            int j = entering[c];
            slowMove[c] = (y[slow[j]] - orbitSlow[j]) / (Math.abs(orbitSlow[j]) + slowAtol[j]);
            along += slowMove[c] * lastSlowMove[c];
            lastSize += lastSlowMove[c] * lastSlowMove[c];
        }
        if (residualValid && !expired && lastSize > 0) {
            double ratio = Math.max(0, Math.min(MAX_EXTRAPOLATION, along / lastSize));
            for (int i : fast) {
                double v = responseGuess[i] + ratio * residual[i];
                startGuess[i] = responseGuess[i] >= 0 ? Math.max(0, v) : v;
            }
        }
        for (int i : fast) {
            trendGuess[i] = z[i];
        }
        if (!(trendGuessError < startGuessError)) {
            for (int i : fast) {
                z[i] = startGuess[i];
            }
        }
    }

    /**
     * After an orbit continued from the last one: how far each guess ({@link #adiabatic})
     * missed its estimate (closure scales; the next orbit takes the better one) and the response's
     * residual for the next guess. An orbit on a restarted clock (the stabiliser's chunks) scores
     * no time extrapolation and leaves no residual. Every orbit keeps its SLOW states.
     */
    void score(boolean continued, double[] y, double[] orbitEstimate, boolean expired) {
        for (int j = 0; j < slow.length; j++) {
            orbitSlow[j] = y[slow[j]];
        }
        if (!continued) {
            residualValid = false;
            trendGuessError = Double.NaN;
            startGuessError = Double.NaN;
            return;
        }
        double trendMiss = 0;
        double startMiss = 0;
        for (int i : fast) {
            double scale = atol[i] + orbitTolerance * Math.abs(orbitEstimate[i]);
            trendMiss = Math.max(trendMiss, Math.abs(trendGuess[i] - orbitEstimate[i]) / scale);
            startMiss = Math.max(startMiss, Math.abs(startGuess[i] - orbitEstimate[i]) / scale);
            residual[i] = orbitEstimate[i] - responseGuess[i];
        }
        trendGuessError = expired ? Double.NaN : trendMiss;
        startGuessError = startMiss;
        residualValid = !expired;
        System.arraycopy(slowMove, 0, lastSlowMove, 0, slowMove.length);
    }
}
