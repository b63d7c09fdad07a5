package org.vascalc.simulation.cohort;

import java.util.List;
import java.util.Optional;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;

/**
 * One member's baseline and end of follow-up through the whole engine: CAC, aortic PWV and T50 at
 * baseline, CAC at the end, and the event rates per year over follow-up from the cumulative
 * hazard states (each person's hazard is known, so no events need drawing).
 *
 * @param person      the member
 * @param years       follow-up, years
 * @param cac0        Agatston score at baseline as measured (model score × the person's scan error), AU
 * @param cacEnd      Agatston score at the end as measured, AU
 * @param pwv0        aortic PWV at baseline, m/s
 * @param t50         T50 at baseline, min
 * @param miRate      myocardial-infarction hazard per year (coronary events)
 * @param cvdRate     MI + stroke + heart-failure hazard per year (cardiovascular events)
 * @param cvDeathRate cardiovascular-death hazard per year
 * @param layers      the coronary calcium no scan separates: intimal and medial mass at baseline and end
 * @param warnings    the run's own warnings ({@link SimulationResult#warnings()}: e.g. a measured lab
 *                    it does not start at); empty when not known (a member read back from a CSV row,
 *                    which does not hold them)
 */
public record FollowUp(VirtualPerson person, double years, double cac0, double cacEnd, double pwv0, double t50,
                       double miRate, double cvdRate, double cvDeathRate, Layers layers,
                       Optional<List<InputProblem>> warnings) {

    public FollowUp {
        warnings = warnings.map(List::copyOf);
    }

    /** A follow-up whose run's warnings are not known (read back from a CSV row, or made in a test). */
    public FollowUp(VirtualPerson person, double years, double cac0, double cacEnd, double pwv0, double t50,
                    double miRate, double cvdRate, double cvDeathRate, Layers layers) {
        this(person, years, cac0, cacEnd, pwv0, t50, miRate, cvdRate, cvDeathRate, layers, Optional.empty());
    }

    /**
     * Coronary calcium by layer (ground truth, no scan error), mg.
     *
     * @param intimal0   intimal (plaque) calcium at baseline, mg
     * @param intimalEnd intimal calcium at the end, mg
     * @param medial0    medial calcium at baseline, mg
     * @param medialEnd  medial calcium at the end, mg
     */
    public record Layers(double intimal0, double intimalEnd, double medial0, double medialEnd) {
    }

    static final List<String> OUTPUTS = List.of("cacAgatston", "pwv", "t50", "wall.hazardMi", "wall.hazardStroke",
            "wall.hazardHf", "wall.hazardCvDeath", "cacIntimalMass", "cacMedialMass");

    /** Intimal (plaque) coronary calcium change per year, mg/y. */
    public double intimalChange() {
        return (layers.intimalEnd() - layers.intimal0()) / years;
    }

    /** Medial coronary calcium change per year, mg/y. */
    public double medialChange() {
        return (layers.medialEnd() - layers.medial0()) / years;
    }

    /** Agatston change per year, AU/y. */
    public double annualChange() {
        return (cacEnd - cac0) / years;
    }

    public boolean male() {
        return person.patient().sex() == Sex.MALE;
    }

    /** The scenario of a follow-up of {@code years}: the member's statin throughout, baseline and end recorded. */
    public static Scenario scenario(VirtualPerson p, double years) {
        return scenario(p, years, TrialArm.NONE);
    }

    /** The longest follow-up {@link #scenario} builds, years: a scenario file's longest duration, 36525 days. */
    public static final double MAX_YEARS = 100;

    /**
     * The scenario of a follow-up of {@code years} in one arm of a trial ({@link TrialArm#interventions}).
     *
     * @throws InvalidInputException at path {@code years} for a follow-up of no positive length or longer than
     *                               {@link #MAX_YEARS} (NaN and infinity too): a caller's value, refused as the library
     *                               refuses every input a caller can get wrong (leftovers24: an IllegalArgumentException)
     */
    public static Scenario scenario(VirtualPerson p, double years, TrialArm arm) {
        if (!(years > 0 && years <= MAX_YEARS)) { // in the caller's unit (review17: "intervalHours = -26298.0" was all it said)
            throw new InvalidInputException("follow-up", InputProblem.error("years", "follow-up = "
                    + ValidRange.fmt(years) + " years is outside the allowed range: more than 0 and at most "
                    + ValidRange.fmt(MAX_YEARS) + " years (a scenario file's longest duration, 36525 days)"));
        }
        double days = years * Time.DAYS_PER_YEAR;
        return new Scenario(p.patient().id(), "cohort follow-up", p.patient(), List.of(), arm.interventions(p), days,
                new Recording(OUTPUTS, Time.days(days), Time.days(days), 0, 0));
    }

    /** Reads a follow-up from a run of {@link #scenario}, with the run's warnings. */
    public static FollowUp of(VirtualPerson p, SimulationResult r) {
        Trajectory tr = r.trajectory();
        double[] t = tr.timesHours();
        double years = (t[t.length - 1] - t[0]) / Time.HOURS_PER_YEAR;
        double mi = rise(tr, "wall.hazardMi") / years;
        double cvd = (rise(tr, "wall.hazardMi") + rise(tr, "wall.hazardStroke") + rise(tr, "wall.hazardHf")) / years;
        // what the cohort's scanner reports: the model's score times the person's interscan error
        double cac0 = tr.series("cacAgatston")[0] * Math.exp(p.scanErrorBaseline());
        double cacEnd = tr.last("cacAgatston") * Math.exp(p.scanErrorEnd());
        Layers layers = new Layers(tr.series("cacIntimalMass")[0], tr.last("cacIntimalMass"),
                tr.series("cacMedialMass")[0], tr.last("cacMedialMass"));
        return new FollowUp(p, years, cac0, cacEnd, tr.series("pwv")[0],
                tr.series("t50")[0], mi, cvd, rise(tr, "wall.hazardCvDeath") / years, layers, Optional.of(r.warnings()));
    }

    private static double rise(Trajectory tr, String id) {
        return tr.last(id) - tr.series(id)[0];
    }
}
