package org.vascalc.simulation.engine;

/**
 * The fast mode's settings ({@link FastRun}): SLOW step, orbit samples and closure, orbit reuse,
 * orbit integration and the frozen milieu, the affine blocks' own step. Immutable; the
 * {@code with*} methods return changed copies.
 *
 * @param maxStepPeriods    spacing of the orbit guards' checks, in days (rounded down to whole periods, at
 *                          least one): the largest SLOW step of the run-in; outside it a step spans up to
 *                          {@link FastRun#GUARD_SPANS} such intervals and the guards are checked inside it.
 *                          128 since the third-order step (32 before; docs/performance-log.md, "fewer SLOW
 *                          steps"); steps of 256 days outside the run-in since branch slowstep
 * @param samples           orbit samples per period (quadrature and recording)
 * @param maxOrbitPeriods   periods allowed for the FAST states to reach their orbit
 * @param orbitTolerance    relative closure of the orbit (FAST state after one period vs before)
 * @param driftTolerance    relative change of the FAST dynamics that triggers a new orbit before
 *                          it is due (a guard against sudden changes; the interval itself is set
 *                          by {@link OrbitReuse})
 * @param maxOrbitAgeHours  longest interval between orbits
 * @param integrationRelativeTolerance nominal relative tolerance of the orbit integration, split per
 *                         state by {@link FastRun#FAST_TOLERANCE_FACTOR} and {@link FastRun#TRANSIT_RELATIVE_SCALE} (2e-3 with the
 *                         W-method ROS34PW2 and the SLOW integrals as its quadrature components:
 *                         over the benchmark decade, against orbits at 1e-6, the worst error of a
 *                         recorded output is 3.3e-4 of the bone-mineral change, where 4e-4 with
 *                         trapezoidal integrals had 1.1e-3; the trapezoidal rule, not the orbit's
 *                         states, was the error that had held the tolerance at 4e-4; the
 *                         fast-versus-reference differences come from the averaging, docs/performance.md)
 * @param fluxTolerance     error of the averaged SLOW derivatives allowed at the next orbit
 *                          ({@link OrbitReuse})
 * @param stageQuadrature   the integrals of the SLOW derivatives over the orbit are quadrature
 *                          components of the orbit integration (order 3 from the solver's own stages)
 *                          instead of the trapezoidal rule over its accepted steps (order 2)
 * @param exactLinearPart   the blocks' declared linear transfers (gut depots, stomach stages, the
 *                          small-bowel chain) are propagated exactly over each orbit step (a shifted
 *                          frame, {@link org.vascalc.simulation.integrate.LinearFrame}); the solver's
 *                          error control then sees only the nonlinear and coupled remainder
 * @param frozenMilieu      with stage quadrature: the SLOW integrals of a block whose rates are affine in a
 *                          few scalars of the FAST states ({@link org.vascalc.physiology.model.MilieuAffine}:
 *                          the wall) come from the integrals of those scalars, and its contribution to the
 *                          other rows from coefficients fixed per orbit, so the orbit's stages do not
 *                          evaluate that block (the same result to rounding; {@link Frozen}); the
 *                          quadrature evaluates it once at the samples' mean milieu ({@link FastRun#quadrature};
 *                          a wall rate's day integral moves by at most 2e-9, FrozenMilieuTest)
 * @param quadratureSamples orbit samples (a divisor of {@code samples}, evenly spaced from the first)
 *                          on which the quadrature between orbits re-evaluates the SLOW derivatives
 *                          outside the run-in ({@link FastRun#quadrature}; default {@link #QUADRATURE_SAMPLES})
 * @param affineOwnStep     with the frozen milieu: the SLOW states owned by {@link org.vascalc.physiology.model.MilieuAffine}
 *                          blocks (the wall's) leave the SLOW machinery and take their own step
 *                          ({@link WallStepper}, the default since branch wallslow); false keeps them SLOW states
 *                          like the others (the path before wallslow). That path is kept as a reference only:
 *                          FrozenMilieuTest checks the frozen milieu against stage quadrature on it, WallStepperTest
 *                          compares the own step with it (A/B); it is not meant for production runs
 * @param closedFormVitaminK with stage quadrature: the vitamin K block, while warfarin-free (affine, coupled to no
 *                          other FAST state), leaves the integrated orbit system and is propagated in closed form
 *                          ({@link LinearBlockPropagator}; branch vkclosed); runs with warfarin keep it integrated
 * @param reuseRules        the orbit reuse control's two rules ({@link OrbitReuse}'s class comment: no predictor from a
 *                          restart's first interval, growth beyond twofold after two falls of the error over intervals of
 *                          at least a week), on since `reusesafe`; off gives the control before it (for comparisons:
 *                          {@code ReuseSafetyRunner}, {@code NewPatientDecadeRunner}; was the static switch
 *                          {@code OrbitReuse.onsetAndDecayRules} until `adiabatic`)
 * @param onsetHours        hours (0 to {@link #MAX_ONSET_HOURS}) of a regimen's start integrated directly, the full
 *                          model with the orbit's integrator at its nominal tolerance, before the regimen's first orbit,
 *                          where a dosed schedule starts or stops (the run's start included: it starts from a state
 *                          stabilised on the habitual meals); 0 (the default, {@link #ONSET_HOURS}) takes the regimen's
 *                          orbit at once. Branch onset (docs/performance-log.md, "onset"): with 96 h
 *                          ({@link #ONSET_HOURS_WHEN_USED}) fast mode's hourly PTH over the integrated days (hours 0-95)
 *                          went from 18 % (eGFR 25, two fasting carbonate doses) and 3.5 % (eGFR 70, carbonate with
 *                          breakfast) off reference mode on days 2-4 to 2.3e-4, at 280-400 derivative calls per
 *                          integrated day; the first orbit after them is still 5.3 % (eGFR 25) and 1.1 % (eGFR 70) off,
 *                          the FAST states' lag that no orbit of the onset carries ({@link OrbitDrift}), and
 *                          FastVersusReferenceIT fails with it (two CKD years), so it is off by default
 * @param vitaminKUptake    the closed vitamin K block's deviation from its orbits (which the rows always carry,
 *                          {@link LinearBlockPropagator#deviating}) also taken up into tissue vitamin K by the SLOW
 *                          step, exactly ({@link FastRun}'s {@code deviationRates}); off by default
 *                          ({@link #VITAMIN_K_UPTAKE}: it costs three SLOW steps in the benchmark decade)
 * @param onsetRows         how a row's FAST states follow a regimen's first days (branch onsetrows; rows only, the
 *                          SLOW path and the orbits are the same either way): 0 the orbit moved by its response to the
 *                          SLOW states; 1 plus the quasi-steady lag {@code J_ff^-1 (S sdot - v)} ({@link OnsetLag},
 *                          measured and not used: it lowers day 0-1 but makes days 4-8 worse); 2 plus the linear
 *                          transient's forced part, 3 (the default, {@link #ONSET_ROWS}) its initial layer too
 *                          ({@link OnsetTransient})
 * @param onsetDirect       averaged fast mode's gated direct onset ({@link OnsetDirect}; the default
 *                          {@link OnsetDirect#DEFAULT} since onsetadopt, sixty-fourth session): a strong onset's first
 *                          24 h integrated directly, its next orbit's first reuse interval at most 48 h; weak onsets
 *                          keep the orbit at once. {@link OnsetDirect#OFF} is fast mode before it (the same bits)
 * @param probe             developer switches for {@code BiasMapRunner} ({@link BiasProbe}; test scope only):
 *                          {@link BiasProbe#NONE}, today's behaviour, everywhere else. A probe that switches how onsets
 *                          are treated ({@link BiasProbe#onsetSwitched}) turns {@link #onsetDirect} off in
 *                          {@link #withProbe}: those experiments were measured against the onset before onsetadopt
 * The orbit closure 1e-4 replaced 1e-5: the fast-versus-reference differences stayed the same
 * (they come from the averaging). The fixed orbit age (60 days) and drift trigger (3 %) gave way to
 * the error-controlled interval (flux tolerance 3e-3, at most a year, drift guard 10 %) and the
 * largest SLOW step went from 8 to 32 days (the step's own error control rejects where the SLOW
 * dynamics need less): 55 % fewer orbits and 68 % fewer slow steps per decade, agreement within
 * the tests' limits (docs/performance-log.md, "Fast mode, fourth pass"). The longest interval went
 * from one year to two once the secant had its trust region ({@link OrbitReuse#beyondSecant}) and
 * a late orbit mostly closed in one period: benchmark decade 15 -> 11 orbits, agreement with
 * reference mode unchanged in its fourth digit (docs/performance-log.md, "orbit start by response").
 * From two years to four once the orbits capped at two years showed reuse errors of 0.002-0.02
 * of the tolerance (benchmark decade: the interval control asked for 1 412 days where the cap
 * allowed 730; 12 -> 11 orbits; docs/performance-log.md, "orbit count").
 * With the third-order SLOW step (ETD3RK, whose error estimate is the second-order solution's
 * error) the error control let the steps grow past 32 days once the supplement's transient
 * had passed; the largest step went to 128 days: benchmark decade 176 -> 69 SLOW steps
 * (docs/performance-log.md, "fewer SLOW steps"). Between steps the orbit's guards ({@link OrbitReuse},
 * the drift guard) are checked, so a longer step also checks them less often; 365 days saved
 * 418 more calls of 11 479 (measured while the run-in also took the third-order step) and was
 * not taken for that reason. Since the guards are also checked inside a step at this spacing
 * ({@link FastRun#GUARD_SPANS}) a step outside the run-in may span two: benchmark decade 68 -> 55
 * SLOW steps (docs/performance-log.md, "slowstep").
 */
record FastSettings(int maxStepPeriods, int samples, int maxOrbitPeriods, double orbitTolerance,
                double driftTolerance, double maxOrbitAgeHours, double integrationRelativeTolerance,
                double fluxTolerance, boolean stageQuadrature, boolean exactLinearPart, boolean frozenMilieu,
                int quadratureSamples, boolean affineOwnStep, boolean closedFormVitaminK, boolean reuseRules,
                double onsetHours, boolean vitaminKUptake, int onsetRows, OnsetDirect onsetDirect, BiasProbe probe) {
    /**
     * Default of {@link #vitaminKUptake}: off. The rows carry the closed vitamin K block's deviation from
     * its orbits either way (exact, at no cost: the benchmark decade keeps its bits); the deviation's
     * uptake into tissue vitamin K in the SLOW step brings tissue vitamin K within 0.24 % of reference
     * mode on days 2-4 of the benchmark regimen (16 % without), but the carboxylated MGP fraction then
     * approaches its new level later and the SLOW step's error control takes three more steps in the
     * decade's first weeks (4 077 -> 4 137 calls; paired A/B +3.2 %, over the +1 % allowed;
     * docs/performance-log.md, "vkonset").
     */
    static final boolean VITAMIN_K_UPTAKE = false;

    /**
     * Default of {@link #onsetHours}: 0, the regimen's orbit at once (main's path). Not on by default:
     * 96 h cost the benchmark decade about a third more derivative calls, and the first orbit after
     * them is still off by the FAST states' missing lag (docs/performance-log.md, "onset").
     */
    static final double ONSET_HOURS = 0;
    /**
     * The value {@link #onsetHours} is meant to take where it is used: four days, about twice the
     * relaxation time of the SLOW states that move most in a regimen's first days, the parathyroid
     * gland pool (tau about 1.8 d) and exchangeable bone calcium (about 1.6 d), so that the orbit is
     * taken with e^-2 (14 %) of their onset transient left; the osteoclasts (tau about 9 d) are left
     * to the SLOW step, which follows them.
     */
    static final double ONSET_HOURS_WHEN_USED = 96;
    /** Upper end of {@link #onsetHours}' range: four weeks (the onset's transient is over in two to four). */
    static final double MAX_ONSET_HOURS = 28 * 24;
    static final FastSettings DEFAULT = new FastSettings(128, 12, 60, 1e-4, 0.1, 4 * 365 * 24, 2e-3, 3e-3, true, false);

    /**
     * The settings with every later switch at its default: the SLOW integrals of
     * {@link org.vascalc.physiology.model.MilieuAffine} blocks from their milieu's ({@link #frozenMilieu}),
     * {@link #QUADRATURE_SAMPLES} quadrature samples (or all samples if they do not divide them), the affine
     * blocks on their own step ({@link WallStepper}), the vitamin K block in closed form where it is affine
     * ({@link #closedFormVitaminK}) and the reuse control's two rules on ({@link #reuseRules}).
     */
    FastSettings(int maxStepPeriods, int samples, int maxOrbitPeriods, double orbitTolerance, double driftTolerance,
                 double maxOrbitAgeHours, double integrationRelativeTolerance, double fluxTolerance,
                 boolean stageQuadrature, boolean exactLinearPart) {
        this(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance, maxOrbitAgeHours,
                integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart, true,
                samples % QUADRATURE_SAMPLES == 0 ? QUADRATURE_SAMPLES : samples, true, true, true);
    }

    /** The settings with the regimen onset integrated for the default {@link #ONSET_HOURS}. */
    FastSettings(int maxStepPeriods, int samples, int maxOrbitPeriods, double orbitTolerance, double driftTolerance,
                 double maxOrbitAgeHours, double integrationRelativeTolerance, double fluxTolerance,
                 boolean stageQuadrature, boolean exactLinearPart, boolean frozenMilieu, int quadratureSamples,
                 boolean affineOwnStep, boolean closedFormVitaminK, boolean reuseRules) {
        this(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance, maxOrbitAgeHours,
                integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart, frozenMilieu,
                quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, ONSET_HOURS);
    }

    /** The settings with the deviation's SLOW uptake at its default {@link #VITAMIN_K_UPTAKE}. */
    FastSettings(int maxStepPeriods, int samples, int maxOrbitPeriods, double orbitTolerance, double driftTolerance,
                 double maxOrbitAgeHours, double integrationRelativeTolerance, double fluxTolerance,
                 boolean stageQuadrature, boolean exactLinearPart, boolean frozenMilieu, int quadratureSamples,
                 boolean affineOwnStep, boolean closedFormVitaminK, boolean reuseRules, double onsetHours) {
        this(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance, maxOrbitAgeHours,
                integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart, frozenMilieu,
                quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours, VITAMIN_K_UPTAKE);
    }

    /** The settings with the rows' onset correction at its default {@link #ONSET_ROWS}. */
    FastSettings(int maxStepPeriods, int samples, int maxOrbitPeriods, double orbitTolerance, double driftTolerance,
                 double maxOrbitAgeHours, double integrationRelativeTolerance, double fluxTolerance,
                 boolean stageQuadrature, boolean exactLinearPart, boolean frozenMilieu, int quadratureSamples,
                 boolean affineOwnStep, boolean closedFormVitaminK, boolean reuseRules, double onsetHours,
                 boolean vitaminKUptake) {
        this(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance, maxOrbitAgeHours,
                integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart, frozenMilieu,
                quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours, vitaminKUptake, ONSET_ROWS);
    }

    /** The settings with the default gated direct onset ({@link OnsetDirect#DEFAULT}) and no developer switch ({@link BiasProbe#NONE}). */
    FastSettings(int maxStepPeriods, int samples, int maxOrbitPeriods, double orbitTolerance, double driftTolerance,
                 double maxOrbitAgeHours, double integrationRelativeTolerance, double fluxTolerance,
                 boolean stageQuadrature, boolean exactLinearPart, boolean frozenMilieu, int quadratureSamples,
                 boolean affineOwnStep, boolean closedFormVitaminK, boolean reuseRules, double onsetHours,
                 boolean vitaminKUptake, int onsetRows) {
        this(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance, maxOrbitAgeHours,
                integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart, frozenMilieu,
                quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours, vitaminKUptake, onsetRows,
                OnsetDirect.DEFAULT, BiasProbe.NONE);
    }

    /** {@link #onsetRows}: the rows' FAST states carry the lag behind the moving orbit. */
    static final int ONSET_ROWS_LAG = 1;
    /** {@link #onsetRows}: the rows carry the linear transient's forced part ({@link OnsetTransient}, from 0 at the onset). */
    static final int ONSET_ROWS_FORCED = 2;
    /** {@link #onsetRows}: the rows carry the linear transient, its initial layer and forced part ({@link OnsetTransient}). */
    static final int ONSET_ROWS_TRANSIENT = 3;
    /** The largest {@link #onsetRows}. */
    static final int ONSET_ROWS_MAX = ONSET_ROWS_TRANSIENT;
    /**
     * Default of {@link #onsetRows}: the rows carry the linear transient after an onset, its initial layer
     * and its forced part ({@link OnsetTransient}). Hourly PTH against reference mode, main -> this, largest
     * relative difference on days 0-1 / 2-4: eGFR 25 with two fasting carbonate doses 24 % / 18 % -> 3.9 % /
     * 7.1 %; eGFR 70, carbonate with breakfast 6.4 % / 3.5 % -> 1.4 % / 1.4 %; the benchmark regimen
     * 15 % / 4.5 % -> 2.6 % / 2.1 %; after that regimen's stop (day 30) 31 % / 19 % -> 6.3 % / 5.7 %. Rows
     * only: the SLOW path, the orbits and the benchmark's yearly rows keep their bits (docs/performance-log.md,
     * "onsetrows").
     */
    static final int ONSET_ROWS = ONSET_ROWS_TRANSIENT;

    FastSettings {
        java.util.Objects.requireNonNull(probe, "probe (BiasProbe.NONE for none)");
        java.util.Objects.requireNonNull(onsetDirect, "onset direct (OnsetDirect.OFF for none)");
        if (onsetDirect.on() && (probe.onsetSwitched() || onsetHours > 0)) {
            // the probes' onset experiments and the ungated direct onset were each measured against the onset before
            // onsetadopt; combined with the gate they would measure neither
            throw new IllegalArgumentException("the gated direct onset " + onsetDirect + " cannot be combined with the"
                    + " onset hours " + onsetHours + " h or a probe's onset switch: use OnsetDirect.OFF with them");
        }
        if (!(onsetRows >= 0 && onsetRows <= ONSET_ROWS_MAX)) {
            throw new IllegalArgumentException("onset rows " + onsetRows + " must be 0-" + ONSET_ROWS_MAX);
        }
        if (quadratureSamples < 1 || samples % quadratureSamples != 0) {
            throw new IllegalArgumentException("quadrature samples " + quadratureSamples
                    + " must divide the orbit samples " + samples);
        }
        if (!(onsetHours >= 0 && onsetHours <= MAX_ONSET_HOURS)) {
            throw new IllegalArgumentException("onset hours " + onsetHours + " h must be within 0-" + MAX_ONSET_HOURS + " h");
        }
    }

    /**
     * The same settings with the SLOW integrals of {@link org.vascalc.physiology.model.MilieuAffine}
     * blocks (the wall) from the integrals of their milieu (on) or as quadrature components of their own.
     */
    FastSettings withFrozenMilieu(boolean on) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart, on,
                quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours,
                vitaminKUptake, onsetRows, onsetDirect, probe);
    }

    /** The same settings with the SLOW integrals as quadrature components of the orbit (on) or by the trapezoidal rule (off). */
    FastSettings withStageQuadrature(boolean on) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, on, exactLinearPart, frozenMilieu,
                quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours,
                vitaminKUptake, onsetRows, onsetDirect, probe);
    }

    /** The same settings with the declared linear part propagated exactly (on) or integrated (off). */
    FastSettings withExactLinearPart(boolean on) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, on, frozenMilieu,
                quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours,
                vitaminKUptake, onsetRows, onsetDirect, probe);
    }

    /** The same settings with another relative tolerance of the orbit integration. */
    FastSettings withIntegrationRelativeTolerance(double rtol) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, rtol, fluxTolerance, stageQuadrature, exactLinearPart, frozenMilieu,
                quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours,
                vitaminKUptake, onsetRows, onsetDirect, probe);
    }

    /** The same settings with {@code count} (a divisor of {@link #samples}) of the orbit samples in the quadrature. */
    FastSettings withQuadratureSamples(int count) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart,
                frozenMilieu, count, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours,
                vitaminKUptake, onsetRows, onsetDirect, probe);
    }

    /**
     * The same settings with the affine blocks' SLOW states (the wall's) on their own step
     * ({@link WallStepper}; on, the default) or kept in the SLOW machinery (off: the reference path
     * before branch wallslow, for tests and A/B comparisons only; see {@link #affineOwnStep}).
     */
    FastSettings withAffineOwnStep(boolean on) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart,
                frozenMilieu, quadratureSamples, on, closedFormVitaminK, reuseRules, onsetHours,
                vitaminKUptake, onsetRows, onsetDirect, probe);
    }

    /**
     * The same settings with the warfarin-free vitamin K block propagated in closed form over the
     * orbits ({@link LinearBlockPropagator}; on, the default) or integrated with the other FAST
     * states (off: the path before branch vkclosed, and the path of every run with warfarin).
     */
    FastSettings withClosedFormVitaminK(boolean on) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart,
                frozenMilieu, quadratureSamples, affineOwnStep, on, reuseRules, onsetHours,
                vitaminKUptake, onsetRows, onsetDirect, probe);
    }

    /**
     * The same settings with the orbit reuse control's two rules on (the default) or off
     * ({@link #reuseRules}: for comparisons only).
     */
    FastSettings withReuseRules(boolean on) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart,
                frozenMilieu, quadratureSamples, affineOwnStep, closedFormVitaminK, on, onsetHours,
                vitaminKUptake, onsetRows, onsetDirect, probe);
    }

    /**
     * Orbit samples per period in the quadrature between orbits (every second one of the 12): see
     * {@link FastRun#quadrature}, where it is measured, 3 and 4 included (quad3: 3 only as accurate
     * where the doses are 12 h apart; the eGFR-65 decade's orbit count moves with any change of the
     * quadrature, 17 orbits on all 12 samples: QuadratureOrbitCountRunner).
     */
    static final int QUADRATURE_SAMPLES = 6;

    /**
     * The same settings with the first {@code hours} of a regimen integrated directly (the full model,
     * as a piece off the period grid) before its first orbit ({@link #onsetHours}; 0: the orbit at once). Every
     * onset direct, ungated: {@link #onsetDirect} off where {@code hours} is above 0.
     */
    FastSettings withOnsetHours(double hours) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart,
                frozenMilieu, quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, hours,
                vitaminKUptake, onsetRows, hours > 0 ? OnsetDirect.OFF : onsetDirect, probe);
    }

    /**
     * The same settings with the closed vitamin K block's deviation from its orbits taken up into its SLOW
     * states by the SLOW step (on) or carried by the rows only (off, the default: {@link #VITAMIN_K_UPTAKE}).
     */
    FastSettings withVitaminKUptake(boolean on) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart,
                frozenMilieu, quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours, on,
                onsetRows, onsetDirect, probe);
    }

    /** The same settings with the rows' onset correction {@code mode} ({@link #onsetRows}). */
    FastSettings withOnsetRows(int mode) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart,
                frozenMilieu, quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours,
                vitaminKUptake, mode, onsetDirect, probe);
    }

    /** The same settings with the developer switches {@code p} ({@link #probe}; {@code BiasMapRunner} only). */
    FastSettings withProbe(BiasProbe p) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart,
                frozenMilieu, quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours,
                vitaminKUptake, onsetRows, p.onsetSwitched() ? OnsetDirect.OFF : onsetDirect, p);
    }

    /** The same settings with the gated direct onset {@code d} ({@link #onsetDirect}; {@link OnsetDirect#OFF}: none). */
    FastSettings withOnsetDirect(OnsetDirect d) {
        return new FastSettings(maxStepPeriods, samples, maxOrbitPeriods, orbitTolerance, driftTolerance,
                maxOrbitAgeHours, integrationRelativeTolerance, fluxTolerance, stageQuadrature, exactLinearPart,
                frozenMilieu, quadratureSamples, affineOwnStep, closedFormVitaminK, reuseRules, onsetHours,
                vitaminKUptake, onsetRows, d, probe);
    }
}
