package org.vascalc.simulation.engine;

import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.integrate.IntegrationStats;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Reference mode: resolves every meal and dose. The run is split at each intake and recording time
 * (known dates, no root finding); intakes are jumps of depot states; between them the stiff
 * integrator runs. At a time with both, the row is recorded before the intake (pre-dose value).
 * A reference-mode run (not a fast-mode piece) also stops at every boundary of the dosing period
 * (the timeline's period: a day, or a week under a weekly schedule), where the blocks take the
 * means they hold over the next period ({@link AssembledModel#holdPeriodMeans}: the phosphate load
 * that drives FGF23); fast mode's SLOW quadrature averages the same fluxes over its orbit.
 */
final class ReferenceRun {

    private ReferenceRun() {
    }

    static IntegrationStats run(AssembledModel model, Rodas4Integrator integrator, Tolerances tol,
                                IntakeTimeline timeline, RecordingPlan plan, double[] y, double t0, double end,
                                ProgressListener progress) {
        return run(model, integrator, tol, timeline, plan, y, t0, end, true, true, progress, Double.NaN);
    }

    /**
     * Fast mode's direct run ({@link DirectSettings}): as {@link #run}, and with a finite {@code jacobianHours} the
     * W-method's kept Jacobian is discarded at the first piece that starts {@code jacobianHours} or more after the
     * last fresh one (the caller has the integrator refresh it on rejected steps only:
     * {@link Rodas4Integrator#refreshOnShrink}).
     */
    static IntegrationStats runDirect(AssembledModel model, Rodas4Integrator integrator, Tolerances tol,
                                      IntakeTimeline timeline, RecordingPlan plan, double[] y, double t0, double end,
                                      double jacobianHours, ProgressListener progress) {
        return run(model, integrator, tol, timeline, plan, y, t0, end, true, true, progress, jacobianHours);
    }

    static IntegrationStats run(AssembledModel model, Rodas4Integrator integrator, Tolerances tol,
                                IntakeTimeline timeline, RecordingPlan plan, double[] y, double t0, double end,
                                boolean recordEnd, ProgressListener progress) {
        return run(model, integrator, tol, timeline, plan, y, t0, end, recordEnd, false, progress, Double.NaN);
    }

    /**
     * Runs from {@code t0} to {@code end}; intakes in [t0, end) are applied, rows in [t0, end]
     * recorded ({@code recordEnd}) or [t0, end) (when a fast-mode step continues from {@code end});
     * with {@code holdMeans} (the reference mode's run) the blocks hold their period means from
     * {@code t0} on and take new ones at every period boundary.
     */
    private static IntegrationStats run(AssembledModel model, Rodas4Integrator integrator, Tolerances tol,
                                        IntakeTimeline timeline, RecordingPlan plan, double[] y, double t0, double end,
                                        boolean recordEnd, boolean holdMeans, ProgressListener progress,
                                        double jacobianHours) {
        IntegrationStats stats = IntegrationStats.ZERO;
        // the integrator's Jacobian is fresh at t0 (a restarted integrator's first call takes one)
        double lastFresh = t0;
        double t = t0;
        int i = timeline.firstAtOrAfter(t0);
        boolean jumped = true;
        double nextHold = Double.POSITIVE_INFINITY;
        if (holdMeans) {
            model.holdPeriodMeans(t, y, true);
            nextHold = nextPeriodBoundary(timeline, t);
        }
        while (true) {
            while (plan.nextTime() <= t + 1e-9 && plan.nextTime() < (recordEnd ? end + 1e-9 : end - 1e-9)) {
                plan.record(y, model.driversAt(t));
            }
            if (nextHold <= t + 1e-9) {
                model.holdPeriodMeans(t, y, false);
                nextHold = nextPeriodBoundary(timeline, t);
                jumped = true;
            }
            // Intakes at the end time belong to the next piece (or lie outside the run).
            while (i < timeline.size() && timeline.time(i) <= t + 1e-9 && timeline.time(i) < end - 1e-9) {
                model.applyIntake(timeline.intake(i++), y);
                jumped = true;
            }
            if (t >= end - 1e-9) {
                return stats;
            }
            double tNext = Math.min(end, plan.nextTime());
            if (i < timeline.size()) {
                tNext = Math.min(tNext, timeline.time(i));
            }
            tNext = Math.min(tNext, nextHold);
            if (t >= lastFresh + jacobianHours - 1e-9) { // false for NaN: the integrator's own rule only
                integrator.discardJacobian();
                lastFresh = t;
            }
            // After a recording break the solution is smooth: continue with the last step size.
            double h0 = jumped ? 0 : integrator.suggestedNextStep();
            stats = stats.plus(integrator.integrate(model, tol, t, y, tNext, null, h0));
            jumped = false;
            t = tNext;
            if (progress != null) {
                progress.progress(t / end);
            }
        }
    }

    /** The first boundary of the dosing period after {@code t} (the period as fast mode's orbits take it). */
    private static double nextPeriodBoundary(IntakeTimeline timeline, double t) {
        double period = timeline.periodAt(t);
        double next = Math.ceil(t / period + 1e-9) * period;
        return next > t + 1e-9 ? next : next + period;
    }
}
