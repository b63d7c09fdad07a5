package org.vascalc.simulation.trial;

import java.util.List;
import org.vascalc.core.input.InputProblem;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.VirtualPerson;

/**
 * What a trial keeps of one member's run in one arm: each recorded output at baseline and at the
 * end of follow-up. The CT score ({@link #CAC}) is kept as the trial's scanner reads it: the model's
 * score times the member's own interscan error at each scan (as {@code FollowUp} does), so that it
 * is read as a real trial reads it; the same member carries the same errors in every arm.
 *
 * @param person the member
 * @param first  each output at baseline, in the order of the trial's output list
 * @param last   each output at the end
 * @param warnings the run's own warnings ({@link SimulationResult#warnings()}: e.g. a start not at the member's
 *               labs), kept so that {@code trial --db} can store them with the member
 */
public record MemberRun(VirtualPerson person, double[] first, double[] last, List<InputProblem> warnings) {

    public MemberRun {
        warnings = List.copyOf(warnings);
    }

    /** The CT calcium score output. */
    public static final String CAC = "cacAgatston";

    /** Reads the member's run of {@code outputs}, the baseline at the run's start. */
    static MemberRun of(VirtualPerson p, SimulationResult r, List<String> outputs) {
        return of(p, r, outputs, 0);
    }

    /**
     * Reads the member's run of {@code outputs}, the baseline at {@code baselineHours} (randomisation,
     * after the member's vintage; the run must have recorded that instant).
     */
    static MemberRun of(VirtualPerson p, SimulationResult r, List<String> outputs, double baselineHours) {
        Trajectory tr = r.trajectory();
        int at = row(tr, baselineHours);
        double[] first = new double[outputs.size()];
        double[] last = new double[outputs.size()];
        for (int k = 0; k < outputs.size(); k++) {
            String id = outputs.get(k);
            first[k] = tr.series(id)[at];
            last[k] = tr.last(id);
            if (CAC.equals(id)) {
                first[k] *= Math.exp(p.scanErrorBaseline());
                last[k] *= Math.exp(p.scanErrorEnd());
            }
        }
        return new MemberRun(p, first, last, r.warnings());
    }

    /** The row recorded at {@code hours}. */
    private static int row(Trajectory tr, double hours) {
        for (int i = 0; i < tr.size(); i++) {
            if (Math.abs(tr.time(i) - hours) < 1e-6) {
                return i;
            }
        }
        throw new IllegalStateException("the run recorded no row at " + hours + " h (the baseline)");
    }
}
