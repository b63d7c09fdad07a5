package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.testing.FakeSimulatorFactory;

class CheckRunnerTest {

    static CalibrationTarget target(String id, CalibrationTarget.Use use, double value, double low, double high) {
        return new CalibrationTarget(id, "engine", use, "phenomenon " + id, "pop", "scenario", "out", "stat", value, low,
                high, "mg", "Source " + id, "abstract", "V");
    }

    @Test
    void everyTargetGetsARowWithSignedErrorBandOrTheReasonItDidNotRun() {
        List<CalibrationTarget> targets = List.of(target("T1", CalibrationTarget.Use.FIT, 100, 90, 110),
                target("T2", CalibrationTarget.Use.CHECK, 100, 50, 150), target("T3", CalibrationTarget.Use.CHECK, 100, 0, 1000),
                target("T4", CalibrationTarget.Use.CHECK, 0, -0.5, 0.5), target("T5", CalibrationTarget.Use.CHECK, 10, 0, 20),
                target("T6", CalibrationTarget.Use.CHECK, 10, 0, 20), target("T7", CalibrationTarget.Use.CHECK, 500, 400, 700));
        TargetChecks checks = TargetChecks.of(List.of(TargetCheck.of("T1", s -> 95), TargetCheck.of("T2", s -> 120),
                TargetCheck.of("T3", s -> 200), TargetCheck.of("T4", s -> 0.7), TargetCheck.of("T7", s -> Double.POSITIVE_INFINITY), TargetCheck.of("T5", s -> {
                    throw new IllegalStateException("boom");
                })));
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        List<CheckRow> seen = new ArrayList<>();
        List<CheckRow> rows = new CheckRunner(checks).run(targets, f.create(f.defaultParameters()), seen::add);
        assertThat(seen).isEqualTo(rows);
        assertThat(rows).extracting(CheckRow::band).containsExactly(Band.GREEN, Band.YELLOW, Band.RED, Band.RED,
                Band.NOT_RUN, Band.NOT_RUN, Band.RED);
        assertThat(rows.get(0).signedError()).isEqualTo(-5.0);
        assertThat(rows.get(1).signedError()).isEqualTo(20.0);
        assertThat(rows.get(4).note()).contains("boom");
        assertThat(rows.get(5).note()).isEqualTo("no check registered");
        String md = ValidationReport.markdown(rows, "commit abc");
        assertThat(md).contains("| T1 | fit | phenomenon T1 (stat) | 100 mg | [90, 110] | 95 | -5.0 % | 🟢 green | Source T1; abstract |")
                .contains("| T2 | check |").contains("+20.0 % | 🟡 yellow").contains("⚪ not run: no check registered")
                .contains("commit abc").contains("| ∞ |");
    }

    @Test
    void aScenarioFileCheckRunsItsCalibrationFilesInOrder() {
        ScenarioFileCheck c = new ScenarioFileCheck("E11", Mode.REFERENCE,
                List.of("E11-citrate-500mg-with-breakfast.yaml", "E11-carbonate-500mg-with-breakfast.yaml"),
                rs -> rs.get(0).summary().get("calciumAbsorbedMg") / rs.get(1).summary().get("calciumAbsorbedMg"));
        FakeSimulatorFactory f = new FakeSimulatorFactory();
        // The fake absorbs the same fraction of either salt: the ratio is exactly 1.
        assertThat(c.modelValue(f.create(f.defaultParameters()))).isEqualTo(1.0);
        assertThat(c.scenarios()).extracting(s -> s.name())
                .containsExactly("E11-citrate-500mg-with-breakfast", "E11-carbonate-500mg-with-breakfast");
    }

    @Test
    void registeredProvidersAreDiscovered() {
        assertThat(TargetChecks.discover().forTarget("T-registered")).isPresent();
    }
}
