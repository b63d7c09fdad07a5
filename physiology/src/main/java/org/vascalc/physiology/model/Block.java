package org.vascalc.physiology.model;

import java.util.List;
import org.vascalc.core.patient.Patient;

/**
 * One mechanism group of the model (mineral metabolism, vitamin K cycle, medial wall, ...) with
 * its slice of the state vector. Each block adds its contribution to the derivatives; the engine
 * owns the loop (Orekit's {@code ForceModel.addContribution} pattern). Coupling between blocks goes
 * through the state vector: a block reads other blocks' variables by the indices it resolved in
 * {@link #bind}, and a flux between blocks (e.g. mineral leaving plasma for the artery wall) is
 * added by the block that computes it to both variables, so mass balance closes by construction.
 *
 * <p>Rules for {@link #addRates}: no allocation, boxing, streams, maps or logging; derived constants
 * are computed in the constructor or {@link #initialise}.
 */
public interface Block {

    /** Short id, the prefix of its variables' ids, e.g. {@code mineral}. */
    String id();

    /** This block's variables in state-vector order. Append, never reorder, once golden files exist. */
    List<StateVariable> variables();

    /** Called once when the model is assembled: remember your offset and the indices you read. */
    void bind(StateLayout layout);

    /**
     * Writes this block's baseline values into {@code y} (its own slice) for this patient, and
     * derives any patient-specific constants (as Peterson &amp; Riggs derive EC50s from initial
     * conditions). Called after {@link #bind}, before stabilisation.
     */
    void initialise(Patient patient, double[] y);

    /**
     * {@link #initialise(Patient, double[])} knowing the drivers the run-in holds ({@code runIn}: the
     * conditions at their t = 0 values), for a block whose baseline must be a steady state of those
     * conditions (the mineral block: labs measured on haemodialysis). The engine calls this one.
     * Default: the drivers are not read.
     */
    default void initialise(Patient patient, Drivers runIn, double[] y) {
        initialise(patient, y);
    }

    /** Adds d(y)/dt of this block's mechanisms into {@code dydt} at time {@code tHours}. */
    void addRates(double tHours, double[] y, Drivers drivers, double[] dydt);

    /**
     * Adds what {@link #addRates} adds to the SLOW rows of {@code dydt} (this block's and any other's);
     * its FAST rows may be left incomplete. Fast mode re-evaluates the SLOW derivatives on its cached
     * orbit samples (the quadrature between orbits) and reads nothing else there, so a block whose
     * FAST rows cost much that its SLOW ones do not need may skip it. An override must give the same
     * SLOW rows as {@code addRates} (bit-identical where it evaluates the same expressions; an
     * equivalence test holds it to that). Default: {@link #addRates}.
     */
    default void addSlowRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        addRates(tHours, y, drivers, dydt);
    }

    /**
     * Adds what {@link #addRates} adds to the FAST rows of {@code dydt} (this block's and any other's);
     * its SLOW rows may be left incomplete. Fast mode's structural probes and drift guard read only
     * the FAST rows of a full call (the orbit's response to the SLOW states, whether the orbit moved),
     * so a block whose SLOW rows cost much that its FAST ones do not need (the wall: its 44 SLOW
     * rates and hazards, against the one mineral sink it writes into the ECF) may skip them. An
     * override must give the same FAST rows as {@code addRates}, bit for bit (it must evaluate the
     * same expressions; an equivalence test holds it to that). Default: {@link #addRates}.
     */
    default void addFastRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        addRates(tHours, y, drivers, dydt);
    }

    /** Quantities this block offers for recording (state variables are always recordable by id). */
    default List<DerivedOutput> outputs() {
        return List.of();
    }

    /**
     * Called once after the engine's stabilisation (the run-in that brings the fast homeostasis to
     * the patient's chronic conditions before t = 0), before the first recorded time. A block whose
     * slow states carry their own baseline (the wall: mineral laid down over a lifetime, and event
     * hazards that must count from t = 0) restores it here. Default: keep the stabilised values.
     */
    default void afterStabilisation(double[] y) {
    }

    /**
     * First-order transfers between this block's FAST states that are exact terms of
     * {@link #addRates} for non-negative contents (gut depots and transit chains). Fast mode
     * propagates them exactly over each step of an orbit and leaves the rest to its error-controlled
     * solver, so a declaration may be partial; one that states a term not in the rates is a bug, but
     * costs accuracy control (the solver sees it as remainder), not correctness. Default: none.
     */
    default List<LinearTransfer> linearTransfers() {
        return List.of();
    }

    /**
     * Reference mode only: called at the run's start ({@code start} true) and at every boundary of the
     * dosing period (the fast mode's orbit period: a day, or a week under a weekly schedule). A block
     * whose equation is driven by a flux's mean over the last dosing period (not by the flux within
     * the day) takes that mean here from its cumulative states and holds it until the next boundary.
     * Fast mode never calls it: there the rate is left to see the flux itself, and the SLOW
     * quadrature averages it over the orbit, which is the same period mean. Default: nothing held.
     */
    default void holdPeriodMeans(double tHours, double[] y, boolean start) {
    }

    /**
     * Ids of this block's SLOW states whose rate is driven by a period mean ({@link #holdPeriodMeans}):
     * within a dosing period such a state moves at a constant rate, so fast mode takes a partial
     * period's change of it as that fraction of the period's mean rate, not as the orbit's integral
     * up to that phase. Default: none.
     */
    default List<String> periodMeanStates() {
        return List.of();
    }

    /** Applies an oral intake as a jump of this block's depot state(s); ignores kinds that are not its own. */
    default void applyIntake(Intake intake, double[] y) {
    }
}
