package org.vascalc.simulation.calibration.checks;

import static org.vascalc.simulation.calibration.Statistics.areaAbove;
import static org.vascalc.simulation.calibration.Statistics.at;
import static org.vascalc.simulation.calibration.Statistics.hoursAbove;
import static org.vascalc.simulation.calibration.Statistics.integral;
import static org.vascalc.simulation.calibration.Statistics.max;
import static org.vascalc.simulation.calibration.Statistics.mean;

import java.util.List;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.calibration.ScenarioFileCheck;
import org.vascalc.simulation.calibration.TargetCheck;
import org.vascalc.simulation.calibration.TargetCheckProvider;

/**
 * Checks of the mineral-metabolism targets E01–E14 (calibration-targets.csv), each running its
 * scenario files in {@code examples/calibration/} and computing the statistic the target's row
 * names from the mineral block's output channels. The test-day files put the dose at day 2,
 * 08:00 (t = 56 h) after an overnight fast; the steady-state files run 7 days on a usual diet.
 * E12 (the dose at which the response plateaus) has no check: the abstract gives no statistic
 * that a three-dose run could be reduced to without inventing one.
 */
public final class MineralTargetChecks implements TargetCheckProvider {

    /** Dose time of the test-day calibration scenarios, h. */
    static final double DOSE = Time.days(2) + 8;

    private static final double LAST_DAY_FROM = Time.days(6);
    private static final double LAST_DAY_TO = Time.days(7);

    @Override
    public List<TargetCheck> checks() {
        return List.of(
                lastDayMean("E01", "E01-steady-state.yaml", "serumCalciumTotal"),
                lastDayMean("E02", "E02-steady-state.yaml", "pthPgMl"),
                lastDayMean("E03", "E03-steady-state.yaml", "serumPhosphate"),
                lastDayMean("E04", "E04-steady-state.yaml", "calcitriol"),
                lastDayMean("E05", "E05-steady-state.yaml", "urinaryCalcium"),
                new ScenarioFileCheck("E06", Mode.REFERENCE, List.of("E06-fortified-juice-500mg.yaml"),
                        rs -> absorbedMg(rs.get(0).trajectory(), 9)),
                new ScenarioFileCheck("E07", Mode.REFERENCE, List.of("E07-milk-load.yaml"),
                        rs -> absorbedMg(rs.get(0).trajectory(), 24) / 300.0),
                new ScenarioFileCheck("E08", Mode.REFERENCE, List.of("E08-calcium-drink.yaml"),
                        rs -> at(rs.get(0).trajectory(), "pthPgMl", DOSE + 2) / at(rs.get(0).trajectory(), "pthPgMl", DOSE) - 1),
                new ScenarioFileCheck("E09", Mode.REFERENCE, List.of("E09-supplement-1g.yaml"),
                        rs -> hoursAbove(rs.get(0).trajectory(), "serumCalciumTotal",
                                at(rs.get(0).trajectory(), "serumCalciumTotal", DOSE), DOSE, DOSE + 24)),
                new ScenarioFileCheck("E10", Mode.REFERENCE, List.of("E10-supplement-1g.yaml"),
                        rs -> peakRise(rs.get(0).trajectory(), "serumCalciumIonised", 12)),
                new ScenarioFileCheck("E11", Mode.REFERENCE,
                        List.of("E11-citrate-with-breakfast.yaml", "E11-carbonate-with-breakfast.yaml"),
                        rs -> peakRise(rs.get(0).trajectory(), "serumCalciumTotal", 12)
                                / peakRise(rs.get(1).trajectory(), "serumCalciumTotal", 12)),
                new ScenarioFileCheck("E13", Mode.REFERENCE,
                        List.of("E13-dairy-meal.yaml", "E13-supplement-fasting.yaml"),
                        rs -> excursion(rs.get(0).trajectory()) / excursion(rs.get(1).trajectory())),
                new ScenarioFileCheck("E14", Mode.FAST, List.of("E14-supplement-5y.yaml"), rs -> {
                    Trajectory t = rs.get(0).trajectory();
                    double b2 = at(t, "bmd", Time.years(2));
                    return (at(t, "bmd", Time.years(5)) - b2) / b2 / 3;
                }));
    }

    private static TargetCheck lastDayMean(String id, String file, String channel) {
        return new ScenarioFileCheck(id, Mode.REFERENCE, List.of(file),
                rs -> mean(rs.get(0).trajectory(), channel, LAST_DAY_FROM, LAST_DAY_TO));
    }

    /**
     * Calcium absorbed from the test load over {@code hours} after it, mg: the gut absorption rate
     * integrated over the window, minus what the fasting pre-dose rate would have given (the tail
     * of the previous evening's meal), converted with calcium's molar mass.
     */
    static double absorbedMg(Trajectory t, double hours) {
        double mmolPerDayTimesH = integral(t, "absorbedCalcium", DOSE, DOSE + hours)
                - at(t, "absorbedCalcium", DOSE) * hours;
        return MolarMass.CALCIUM.mmolToMg(mmolPerDayTimesH / Time.HOURS_PER_DAY);
    }

    /** Peak rise above the pre-dose value within {@code hours} of the dose. */
    static double peakRise(Trajectory t, String channel, double hours) {
        return max(t, channel, DOSE, DOSE + hours) - at(t, channel, DOSE);
    }

    /** Ionised-calcium area above the pre-dose value over 0–8 h after the load, mmol/L x h. */
    static double excursion(Trajectory t) {
        return areaAbove(t, "serumCalciumIonised", at(t, "serumCalciumIonised", DOSE), DOSE, DOSE + 8);
    }

}
