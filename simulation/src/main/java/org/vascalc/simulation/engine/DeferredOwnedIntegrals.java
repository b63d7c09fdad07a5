package org.vascalc.simulation.engine;

/**
 * The SLOW integrals of the {@link org.vascalc.physiology.model.MilieuAffine} blocks' own states (the
 * wall's 44) at fast mode's orbit samples, computed when they are read instead of when the sample is
 * taken. Each sample's integral is {@code jump + tau r(m / tau)}: the intakes' jumps plus tau times
 * the block's rates at the milieu's mean since the period's start ({@code FrozenFastSystem}'s
 * {@code ownedIntegrals}), one call of the block per sample. Twelve samples of every orbit period
 * took that call (192 of the benchmark decade's 843 wall calls), but the samples' integrals are read
 * only by the run's last partial period ({@code FastRun.partialPeriod}), once per run.
 *
 * <p>So a sample keeps the three operands (tau, the milieu integrals, the jumps) and the driver time
 * of its period; {@link #complete} makes the same call later. The block reads no FAST state when its
 * milieu is given (its own SLOW states, the carboxylated MGP fraction, the drivers: WallBlock), and
 * the sample row's SLOW part is the frozen SLOW state the integration held, so the call and the
 * integrals are the same bits (DeferredOwnedIntegralsTest).
 */
final class DeferredOwnedIntegrals {

    private final AssembledModel model;
    private final int[] slow;
    private final int[] owned;
    private final int milieuSize;
    private final boolean[] pending;
    private final double[] tau;
    private final double[] driverTime;
    /** Per sample, the milieu's integrals since the period's start. */
    private final double[][] milieuIntegral;
    /** Per sample, the intakes' jumps of the owned states (indexed like {@link #owned}). */
    private final double[][] jump;
    private final double[] mean;
    private final double[] rates;
    private long calls;

    /**
     * @param slow  the SLOW states' indices in the layout
     * @param owned positions in {@code slow} of the affine blocks' own states
     */
    DeferredOwnedIntegrals(AssembledModel model, int[] slow, int[] owned, int milieuSize, int sampleCount) {
        this.model = model;
        this.slow = slow;
        this.owned = owned;
        this.milieuSize = milieuSize;
        pending = new boolean[sampleCount];
        tau = new double[sampleCount];
        driverTime = new double[sampleCount];
        milieuIntegral = new double[sampleCount][Math.max(1, milieuSize)];
        jump = new double[sampleCount][owned.length];
        mean = new double[Math.max(1, milieuSize)];
        rates = new double[model.dimension()];
    }

    /**
     * Sample {@code k}, taken {@code tauHours} after its period's start (drivers held at
     * {@code driverTimeHours}): the milieu integrals {@code m[from ..]}, the jumps {@code jumps}
     * (indexed like {@code slow}). Its owned integrals are left for {@link #complete}.
     */
    void defer(int k, double tauHours, double driverTimeHours, double[] m, int from, double[] jumps) {
        pending[k] = true;
        tau[k] = tauHours;
        driverTime[k] = driverTimeHours;
        System.arraycopy(m, from, milieuIntegral[k], 0, milieuSize);
        for (int q = 0; q < owned.length; q++) {
            jump[k][q] = jumps[owned[q]];
        }
    }

    /** Sample {@code k}'s integrals were written in full (at a piece's boundary): nothing is left. */
    void written(int k) {
        pending[k] = false;
    }

    /**
     * Writes the owned integrals of samples {@code 0 .. last} still pending into {@code integrals[k]}
     * (indexed like {@code slow}), each from its row {@code rows[k]} (whose SLOW part is the frozen state).
     */
    void complete(int last, double[][] rows, double[][] integrals) {
        for (int k = 0; k <= last && k < rows.length; k++) {
            complete(k, rows[k], integrals[k]);
        }
    }

    /**
     * Writes sample {@code k}'s owned integrals, if still pending, into {@code out} (indexed like
     * {@code slow}) from its row {@code row}: also the slot after the regular samples, the orbit's
     * end-phase sample ({@code FastRun.partialPeriod} off the sample grid).
     */
    void complete(int k, double[] row, double[] out) {
        if (!pending[k]) {
            return;
        }
        pending[k] = false;
        if (owned.length == 0) {
            // Nothing owned (the wall on its own step): the blocks' call would be thrown away.
            return;
        }
        double t = tau[k];
        if (!(t > 0)) {
            for (int q = 0; q < owned.length; q++) {
                out[owned[q]] = jump[k][q];
            }
            return;
        }
        for (int c = 0; c < milieuSize; c++) {
            mean[c] = milieuIntegral[k][c] / t;
        }
        model.addOwnedRates(driverTime[k], row, mean, rates);
        calls++;
        for (int q = 0; q < owned.length; q++) {
            out[owned[q]] = jump[k][q] + t * rates[slow[owned[q]]];
        }
    }

    /** Calls of the affine blocks made by {@link #complete} (each one a sample that was read). */
    long calls() {
        return calls;
    }
}
