package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * The run-in puts the bone cells on their steady state under the daily orbit for patients at or
 * above the CKD threshold only ({@link BoneCellSettling}), and the shorter run-in it gives ends as
 * close to the homeostasis as the longer one did.
 */
class BoneCellSettlingTest {

    @Test
    void appliesAtOrAboveTheCkdThresholdOnly() {
        RunInChecks.assertAppliesToTheNearSteadyPatientsOnly(BoneCellSettling::forPatient);
    }

    /**
     * The settling shortens the run-in without leaving the homeostasis further behind: the reference
     * adult's run-in ends after three chunks (seven without it), and a further year of the habitual
     * diet in fast mode moves every lab by less than {@link #YEAR_LIMIT}. Measured (2026-12-01): PTH
     * +5.6e-4 over that year, the other labs less; from the seven-chunk run-in's end state PTH moved
     * +5.1e-4 over a year: both stop on the same ~200-day bone-cell mode at the criterion's edge
     * (1e-4 per 30 days), the homeostasis 6–7e-4 above in PTH.
     */
    @Test
    void theReferenceAdultsShorterRunInEndsAsCloseToHomeostasis() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        double[][] holder = new double[1][];
        AssembledModel model = InitialisedModels.stable(p, List.of(), holder);
        double[] y = holder[0];
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        // Chunk by chunk: the default pace starts on the steady state (SteadyStart) and does not reach the settling.
        double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y,
                Stabiliser.MAX_YEARS * 8766, Stabiliser.ChunkListener.NONE, Stabiliser.Pace.CHUNKS);
        assertThat(hours).isLessThanOrEqualTo(4 * Stabiliser.CHUNK_DAYS * 24);
        List<String> ids = ModelAssembly.stabilisationOutputs();
        double[] before = RunInChecks.labs(model, y);
        double[] after = RunInChecks.labsAfterAFurtherYear(model, p, tol, y);
        for (int k = 0; k < ids.size(); k++) {
            assertThat(Math.abs(after[k] - before[k]) / Math.abs(before[k])).as(ids.get(k)).isLessThan(YEAR_LIMIT);
        }
    }

    /** Twice the PTH change measured over the year (5.6e-4). */
    private static final double YEAR_LIMIT = 1.2e-3;
}
