package org.vascalc.physiology.model;

/**
 * A {@link Block} whose rates, with every SLOW state and the drivers held, depend on the FAST states
 * only through a few scalars (its <em>milieu</em>, e.g. the supersaturation drive of the serum) and
 * are affine in them. Fast mode integrates the FAST states over a day with the SLOW ones frozen; for
 * such a block the period integral of its own SLOW rates is then exactly the period times its rates
 * at the period mean of the milieu, and its contribution to the other rows is
 * {@code c0 + Σ m_k c_k} with coefficients fixed for the whole orbit. So the engine integrates the
 * milieu instead of the block's SLOW rates and evaluates the block itself a few times per orbit
 * instead of at every stage, with the same result to rounding (the milieu's nonlinearity in the
 * FAST states, e.g. a supplement's calcium peak through the convex drive, is integrated at every
 * stage as before).
 *
 * <p>The contract: {@code addRatesGivenMilieu(t, y, d, milieu(y, d), dydt)} adds what
 * {@code addRates(t, y, d, dydt)} adds, and for fixed SLOW states and drivers it is affine in the
 * milieu; the block's own SLOW rows receive contributions from this block only.
 */
public interface MilieuAffine extends Block {

    /** Number of milieu scalars. */
    int milieuSize();

    /** The milieu at {@code y} into {@code out[from .. from + milieuSize())}. Allocation-free. */
    void milieu(double[] y, Drivers drivers, double[] out, int from);

    /**
     * Adds the rates of {@link #addRates} with the milieu {@code m[from .. from + milieuSize())} in place
     * of the one {@code y}'s FAST states give. Allocation-free.
     */
    void addRatesGivenMilieu(double tHours, double[] y, Drivers drivers, double[] m, int from, double[] dydt);

    /**
     * Adds what {@link #addRatesGivenMilieu} adds to the rows that are not this block's own SLOW
     * states (the wall: its mineral sink in the ECF pools), the same bits in those rows; its own SLOW
     * rows may be left untouched. Fast mode fixes these rows' affine coefficients once per orbit
     * ({@code AssembledModel.freezeMilieu}) and reads nothing else of the calls. Default:
     * {@link #addRatesGivenMilieu}.
     */
    default void addOtherRowsGivenMilieu(double tHours, double[] y, Drivers drivers, double[] m, int from,
                                         double[] dydt) {
        addRatesGivenMilieu(tHours, y, drivers, m, from, dydt);
    }

    /**
     * Whether {@link #addOtherRowsGivenMilieu} reads milieu scalar {@code c} (0-based within this
     * block's milieu); false only where it provably does not, so the coefficient of {@code c} in the
     * other rows is exactly 0. Default: true.
     */
    default boolean otherRowsRead(int c) {
        return true;
    }

    /**
     * Groups of this block's SLOW states (positions in {@link #variables()}) whose own-state
     * sensitivities may be differenced together: at a given milieu no member's rate reads another
     * member of its group, so moving all members at once gives each member's own row the bits of
     * moving it alone (fast mode's own step of these states, {@code WallStepper}, differences its
     * diagonal so). States in no group are differenced alone. The arrays may be shared: callers only
     * read them. Default: none.
     */
    default int[][] ownDiagonalGroups() {
        return new int[0][];
    }
}
