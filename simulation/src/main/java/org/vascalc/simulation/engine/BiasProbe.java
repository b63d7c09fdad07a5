package org.vascalc.simulation.engine;

/**
 * Developer switches for {@code BiasMapRunner} (test scope; biasmap, fifty-ninth session, docs/performance-log.md):
 * each turns one of averaged fast mode's approximations to an exact or refined form, so that the bias of a year that
 * misses the 1 % agreement can be assigned to one of them. A per-run immutable value carried by the run's settings
 * ({@link FastSettings#probe}), so that runs on parallel threads (one patient per thread) cannot see each other's
 * switches; {@link #NONE}, the default, is today's behaviour and takes the same arithmetic (the same bits;
 * {@code DecadeTimingRunner}'s counters and {@code FastVersusReferenceIT}'s level unchanged). Until probeclean these
 * were static mutable fields.
 *
 * @param lagScale   factor on the FAST states' lag ({@link OrbitDrift#rate}): 1 today, 0 no lag (finite, at least 0)
 * @param guardSpans SLOW steps outside the run-in span at most this many guard intervals ({@link FastRun#GUARD_SPANS}
 *                   when 0, today). With {@link FastSettings#maxStepPeriods} 1 and this 1, a SLOW step of at most a day
 * @param oracle     the onset oracle: at the first SLOW step outside the run-in that starts at {@code oracleHour} (the
 *                   steps before it cut to end there), fast mode's SLOW states and the wall's are set to the values it
 *                   gives by state id for that hour, and each state's relative change is reported back to it
 *                   ({@link Oracle#changed}). Off (today) while null
 * @param oracleHour the hour of the run at which the oracle sets the states (NaN while the oracle is off)
 * @param trace      developer trace of each orbit and its reuse decision ({@link OrbitReuse#describe}, the reason
 *                   the orbit was due), for test-scope runners ({@code OrbitTimelineRunner}, {@code SelfCheckRunner},
 *                   ...; {@link EngineSimulator#traced}); null (the default) traces nothing and changes no
 *                   arithmetic. Until staticfree the static {@code OrbitReuse.trace}, which every run of the JVM
 *                   saw, one patient per thread included
 * @param firstIntervalHours the reuse interval after a new regimen's first orbit outside the run-in at most this many
 *                   hours (onsetcause, sixtieth session): {@link OrbitReuse#restart} gives that orbit
 *                   {@link OrbitReuse#FIRST_INTERVAL_HOURS} (60 days) with only the coarse drift guard, so where
 *                   the onset's transient does not trip that guard (a directly integrated onset,
 *                   {@link FastSettings#onsetHours}) the first orbit is used unmeasured for up to 60 days; a short
 *                   first interval hands the onset to the error control at once. 0 (today): no cap. (The gated
 *                   direct onset's cap, onsetgate's, is {@link OnsetDirect#firstIntervalHours} since onsetadopt)
 * @param initialLayer the SLOW states kicked by the onset's initial layer in closed form ({@link InitialLayer};
 *                   initlayer, sixty-first session): when a new regimen's orbit takes over outside the run-in, the
 *                   SLOW states get {@code -B J^-1 e0}, what the SLOW rates see of the FAST states' decaying offset
 *                   {@code e0} from the new orbit, with {@code B} the SLOW rates' derivative along the FAST states
 *                   taken at the orbit's mean ({@link #LAYER_AT_MEAN}) or averaged over its samples
 *                   ({@link #LAYER_OVER_SAMPLES}). {@link #LAYER_OFF} (today): no kick
 * @param firstMeasureHours a new regimen's first orbit outside the run-in used unmeasured at most this many hours
 *                   (layercheck, sixty-first session): where the start drift guard ({@link OrbitReuse#FIRST_DRIFT_TOLERANCE})
 *                   has not tripped by then, the error control measures that orbit there (one extra orbit), and the
 *                   interval after that measurement may grow back to {@link OrbitReuse#FIRST_INTERVAL_HOURS} at once
 *                   where the measured error allows it ({@link OrbitReuse#measureFirstBy}), instead of at most twofold.
 *                   Where the guard trips first the control goes on as today. 0 (today): no such rule
 * @param firstMeasureGate at which onsets {@code firstMeasureHours}' early measurement (and for
 *                   {@link #GATE_KICK_BOTH} the kick) is taken (layercost, sixty-second session): {@link #GATE_NONE}
 *                   every onset (layercheck); {@link #GATE_KICK} where the kick's size ({@link InitialLayer#size}: the
 *                   largest SLOW state's kick in units of the reuse control's tolerance for that state) is at least
 *                   {@code gateThreshold}; {@link #GATE_KICK_BOTH} the kick and the early measurement both only there;
 *                   {@link #GATE_DRIFT} where the start drift guard's measure on the early measurement's day (the
 *                   change it compares, in units of its limit: 1 trips it) is at least {@code gateThreshold}, and
 *                   below it the first interval goes back to the restart's. onsetgate's gate 4, a direct onset where
 *                   the kick's size is at least the threshold, is fast mode's default since onsetadopt (sixty-fourth
 *                   session): {@link FastSettings#onsetDirect}, {@link OnsetDirect}, not a probe
 * @param gateThreshold the gate's threshold (dimensionless; unused with {@link #GATE_NONE})
 * @param layerBlock which block's initial layer the kick takes (mineralkick, sixty-third session): {@link #BLOCK_ALL}
 *                   (today) every FAST state's layer but the closed vitamin K block's, every SLOW state kicked;
 *                   {@link #BLOCK_MINERAL} the mineral block's FAST states' layer only (the vitamin K block's, warfarin
 *                   and the vitamin K cycle included, get none) and only the SLOW states outside the vitamin K block
 *                   kicked (the mineral block's, and the wall's where the wall is a SLOW state, as today's kick treats
 *                   it), so the gate's size is the mineral kick's: a warfarin or vitamin K onset, whose washout is
 *                   strongly nonlinear (kickgate, sixty-second session), gets no kick unless its mineral layer is strong
 * @param layerSpread when the SLOW states get the kick (spreadkick, sixty-third session): {@link #SPREAD_AT_ONCE}
 *                   (today) the whole {@code -B J^-1 e0} at the onset; {@link #SPREAD_OVER_LAYER} its time course
 *                   {@code B ∫_0^t e^{J τ} e0 dτ} as the layer decays ({@link LayerCourse}), the increments at the SLOW
 *                   path's step ends and each row inside the layer at its own time (the gate still judges the whole
 *                   kick's size)
 */
record BiasProbe(double lagScale, int guardSpans, Oracle oracle, double oracleHour,
                 java.util.function.Consumer<String> trace, double firstIntervalHours, int initialLayer,
                 double firstMeasureHours, int firstMeasureGate, double gateThreshold, int layerBlock,
                 int layerSpread) {

    /** {@link #initialLayer}: no kick (today). */
    static final int LAYER_OFF = 0;
    /** {@link #initialLayer}: {@code B} at the orbit's mean state (the time-averaged form). */
    static final int LAYER_AT_MEAN = 1;
    /** {@link #initialLayer}: {@code B} averaged over the orbit's samples (what the averaged SLOW rates see). */
    static final int LAYER_OVER_SAMPLES = 2;

    /** {@link #firstMeasureGate}: the early measurement at every onset (layercheck). */
    static final int GATE_NONE = 0;
    /** {@link #firstMeasureGate}: the early measurement where the kick's size is at least the threshold. */
    static final int GATE_KICK = 1;
    /** {@link #firstMeasureGate}: the kick and the early measurement where the kick's size is at least the threshold. */
    static final int GATE_KICK_BOTH = 2;
    /** {@link #firstMeasureGate}: the early measurement where the start drift measure then is at least the threshold. */
    static final int GATE_DRIFT = 3;
    /** {@link #layerBlock}: the layer of every FAST state outside the closed vitamin K block, every SLOW state kicked. */
    static final int BLOCK_ALL = 0;
    /** {@link #layerBlock}: the mineral block's layer only, the SLOW states outside the vitamin K block kicked. */
    static final int BLOCK_MINERAL = 1;

    /** {@link #layerSpread}: the whole kick at the onset (today). */
    static final int SPREAD_AT_ONCE = 0;
    /** {@link #layerSpread}: the kick's time course as the layer decays ({@link LayerCourse}). */
    static final int SPREAD_OVER_LAYER = 1;

    /** Every switch at today's behaviour. */
    static final BiasProbe NONE = new BiasProbe(1, 0, null, Double.NaN, null, 0, LAYER_OFF, 0, GATE_NONE, 0, BLOCK_ALL,
            SPREAD_AT_ONCE);

    /** The five switches before onsetcause, with no cap on a new regimen's first interval and no initial-layer kick. */
    BiasProbe(double lagScale, int guardSpans, Oracle oracle, double oracleHour,
              java.util.function.Consumer<String> trace) {
        this(lagScale, guardSpans, oracle, oracleHour, trace, 0, LAYER_OFF, 0, GATE_NONE, 0, BLOCK_ALL, SPREAD_AT_ONCE);
    }

    /** The reference run's states for the onset oracle, and where it sets them, what they were before. */
    interface Oracle {
        /** The reference run's state value of {@code id} at {@code hour}, or NaN where it has none. */
        double value(String id, double hour);

        /**
         * State {@code id} was set at {@code hour}: fast mode had {@code relative} of the oracle's value
         * {@code v} more, {@code (fast - v) / max(|v|, 1e-6)}. Called for every state the oracle gives a value.
         */
        default void changed(String id, double hour, double relative) {
        }
    }

    BiasProbe {
        if (!(Double.isFinite(lagScale) && lagScale >= 0)) {
            throw new IllegalArgumentException("probe lag scale " + lagScale + " must be finite and at least 0");
        }
        if (guardSpans < 0) {
            throw new IllegalArgumentException("probe guard spans " + guardSpans + " must be at least 0 (0: the standard)");
        }
        if (oracle != null && !(Double.isFinite(oracleHour) && oracleHour >= 0)) {
            throw new IllegalArgumentException("probe oracle hour " + oracleHour + " h must be finite and at least 0 h");
        }
        if (!(Double.isFinite(firstIntervalHours) && firstIntervalHours >= 0)) {
            throw new IllegalArgumentException("probe first interval " + firstIntervalHours
                    + " h must be finite and at least 0 h (0: no cap)");
        }
        if (initialLayer < LAYER_OFF || initialLayer > LAYER_OVER_SAMPLES) {
            throw new IllegalArgumentException("probe initial layer " + initialLayer
                    + " must be 0 (off), 1 (at the orbit's mean) or 2 (over its samples)");
        }
        if (!(Double.isFinite(firstMeasureHours) && firstMeasureHours >= 0)) {
            throw new IllegalArgumentException("probe first measurement " + firstMeasureHours
                    + " h must be finite and at least 0 h (0: no such rule)");
        }
        if (firstMeasureGate < GATE_NONE || firstMeasureGate > GATE_DRIFT) {
            throw new IllegalArgumentException("probe first-measurement gate " + firstMeasureGate
                    + " must be 0 (none), 1 (kick size), 2 (kick size, kick too) or 3 (start drift) (4, the direct"
                    + " onset, is FastSettings.onsetDirect)");
        }
        if (!(Double.isFinite(gateThreshold) && gateThreshold >= 0)) {
            throw new IllegalArgumentException("probe gate threshold " + gateThreshold + " must be finite and at least 0");
        }
        if (layerBlock != BLOCK_ALL && layerBlock != BLOCK_MINERAL) {
            throw new IllegalArgumentException("probe layer block " + layerBlock + " must be 0 (all) or 1 (mineral)");
        }
        if (layerSpread != SPREAD_AT_ONCE && layerSpread != SPREAD_OVER_LAYER) {
            throw new IllegalArgumentException("probe layer spread " + layerSpread
                    + " must be 0 (at once) or 1 (over the layer's time course)");
        }
    }

    /** The same probe with the lag's factor {@code scale}. */
    BiasProbe withLagScale(double scale) {
        return new BiasProbe(scale, guardSpans, oracle, oracleHour, trace, firstIntervalHours, initialLayer,
                firstMeasureHours, firstMeasureGate, gateThreshold, layerBlock, layerSpread);
    }

    /** The same probe with SLOW steps of at most {@code spans} guard intervals outside the run-in (0: the standard). */
    BiasProbe withGuardSpans(int spans) {
        return new BiasProbe(lagScale, spans, oracle, oracleHour, trace, firstIntervalHours, initialLayer,
                firstMeasureHours, firstMeasureGate, gateThreshold, layerBlock, layerSpread);
    }

    /** The same probe with the onset oracle {@code o} at {@code hour}. */
    BiasProbe withOracle(Oracle o, double hour) {
        return new BiasProbe(lagScale, guardSpans, o, hour, trace, firstIntervalHours, initialLayer,
                firstMeasureHours, firstMeasureGate, gateThreshold, layerBlock, layerSpread);
    }

    /** The same probe tracing each orbit to {@code sink} (null: no trace). */
    BiasProbe withTrace(java.util.function.Consumer<String> sink) {
        return new BiasProbe(lagScale, guardSpans, oracle, oracleHour, sink, firstIntervalHours, initialLayer,
                firstMeasureHours, firstMeasureGate, gateThreshold, layerBlock, layerSpread);
    }

    /** The same probe with a new regimen's first reuse interval at most {@code hours} outside the run-in (0: no cap). */
    BiasProbe withFirstInterval(double hours) {
        return new BiasProbe(lagScale, guardSpans, oracle, oracleHour, trace, hours, initialLayer,
                firstMeasureHours, firstMeasureGate, gateThreshold, layerBlock, layerSpread);
    }

    /** The same probe with the onset's initial-layer kick {@code mode} ({@link #initialLayer}). */
    BiasProbe withInitialLayer(int mode) {
        return new BiasProbe(lagScale, guardSpans, oracle, oracleHour, trace, firstIntervalHours, mode,
                firstMeasureHours, firstMeasureGate, gateThreshold, layerBlock, layerSpread);
    }

    /**
     * The same probe with a new regimen's first orbit measured at the latest {@code hours} after it where the start
     * drift guard has not tripped by then ({@link #firstMeasureHours}; 0: no such rule).
     */
    BiasProbe withFirstMeasure(double hours) {
        return new BiasProbe(lagScale, guardSpans, oracle, oracleHour, trace, firstIntervalHours, initialLayer,
                hours, firstMeasureGate, gateThreshold, layerBlock, layerSpread);
    }

    /** The same probe with the early measurement's gate {@code gate} at {@code threshold} ({@link #firstMeasureGate}). */
    BiasProbe withGate(int gate, double threshold) {
        return new BiasProbe(lagScale, guardSpans, oracle, oracleHour, trace, firstIntervalHours, initialLayer,
                firstMeasureHours, gate, threshold, layerBlock, layerSpread);
    }

    /** The same probe with the kick's layer taken over {@code block} ({@link #layerBlock}). */
    BiasProbe withLayerBlock(int block) {
        return new BiasProbe(lagScale, guardSpans, oracle, oracleHour, trace, firstIntervalHours, initialLayer,
                firstMeasureHours, firstMeasureGate, gateThreshold, block, layerSpread);
    }

    /** The same probe with the kick's timing {@code spread} ({@link #layerSpread}). */
    BiasProbe withLayerSpread(int spread) {
        return new BiasProbe(lagScale, guardSpans, oracle, oracleHour, trace, firstIntervalHours, initialLayer,
                firstMeasureHours, firstMeasureGate, gateThreshold, layerBlock, spread);
    }

    /**
     * Whether this probe switches how a regimen's onset is treated (a first-interval cap, an initial-layer kick, an
     * early measurement or its gate): those experiments were measured against the onset before onsetadopt, so
     * {@link FastSettings#withProbe} turns {@link FastSettings#onsetDirect} off with them.
     */
    boolean onsetSwitched() {
        return firstIntervalHours > 0 || initialLayer != LAYER_OFF || firstMeasureHours > 0 || firstMeasureGate != GATE_NONE;
    }

    /** Whether the orbits are traced. */
    boolean traced() {
        return trace != null;
    }

    /** The guard intervals a SLOW step outside the run-in may span: this probe's, or {@code standard} where it has none. */
    int guardSpans(int standard) {
        return guardSpans > 0 ? guardSpans : standard;
    }

    /** Whether the onset oracle is on. */
    boolean oracleOn() {
        return oracle != null;
    }
}
