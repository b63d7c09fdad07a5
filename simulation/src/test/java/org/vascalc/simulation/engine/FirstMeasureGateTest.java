package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * {@link BiasProbe#firstMeasureGate} (layercost, sixty-second session): the onset kick's early measurement
 * ({@link BiasProbe#firstMeasureHours}) taken only where the onset is strong, by the kick's size
 * ({@link InitialLayer#size}) or by the start drift measure on the measurement's day. The benchmark regimen's onset
 * (500 mg carbonate twice a day with MK-7 at eGFR 95) has a kick of 5.26 tolerances and a day-14 drift measure of
 * 0.698 (docs/performance-log.md, layercost); a gate above those leaves its run as without the measurement, below
 * them as layercheck's {@code k14}, to the bit.
 */
class FirstMeasureGateTest {

    private static final double DAY = 24;

    /** The benchmark regimen for 30 days with daily rows, in fast mode (averaged) with {@code probe}. */
    private static SimulationResult benchmark30Days(BiasProbe probe) {
        Scenario s = Scenarios.of("supp", 30, new Recording(FastVersusReferenceTest.slowChannels(), DAY, DAY, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        return new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                FastSettings.DEFAULT.withProbe(probe), FastSettings.DEFAULT, true).run(s, Mode.FAST, ProgressListener.NONE);
    }

    private static final BiasProbe KICK = BiasProbe.NONE.withInitialLayer(BiasProbe.LAYER_AT_MEAN);
    private static final BiasProbe K14 = KICK.withFirstMeasure(14 * DAY);

    /** {@code a}'s rows are {@code b}'s to the bit, and so are its counters but for the kick's calls. */
    private static void sameRun(SimulationResult a, SimulationResult b) {
        assertThat(a.trajectory().values()).isDeepEqualTo(b.trajectory().values());
        var ca = new java.util.TreeMap<>(a.counters());
        var cb = new java.util.TreeMap<>(b.counters());
        // the kick's size is computed (and a kick below the threshold thrown away) at two SLOW-row calls
        for (String calls : List.of("derivativeEvaluations", "slowRowEvaluations")) {
            assertThat(ca.remove(calls) - cb.remove(calls)).isBetween(0L, 2L);
        }
        ca.remove("wallTimeMicros");
        cb.remove("wallTimeMicros");
        assertThat(ca).isEqualTo(cb);
    }

    @Test
    void aKickGateAboveTheOnsetsKickLeavesItsRunWithoutTheMeasurementAndBelowItAsLayercheck() {
        SimulationResult k14 = benchmark30Days(K14);
        SimulationResult kickAlone = benchmark30Days(KICK);
        SimulationResult shipped = benchmark30Days(BiasProbe.NONE);
        // the measurement is an orbit more in these 30 days (day 14), and the kick moves the rows
        assertThat(k14.counters().get("orbits")).isGreaterThan(kickAlone.counters().get("orbits"));
        assertThat(kickAlone.trajectory().values()).isNotEqualTo(shipped.trajectory().values());
        sameRun(benchmark30Days(K14.withGate(BiasProbe.GATE_KICK, 7.5)), kickAlone);
        sameRun(benchmark30Days(K14.withGate(BiasProbe.GATE_KICK_BOTH, 7.5)), shipped);
        sameRun(benchmark30Days(K14.withGate(BiasProbe.GATE_KICK, 5)), k14);
        sameRun(benchmark30Days(K14.withGate(BiasProbe.GATE_KICK_BOTH, 5)), k14);
    }

    @Test
    void theDriftGateDecidesOnTheMeasurementsDay() {
        SimulationResult k14 = benchmark30Days(K14);
        // below the threshold the first interval goes back to the restart's: the kick alone's orbits; the rows
        // the kick alone's within the reuse tolerance, 3e-3 (a SLOW step ends on day 14, where the measure is taken)
        SimulationResult weak = benchmark30Days(K14.withGate(BiasProbe.GATE_DRIFT, 0.71));
        SimulationResult kickAlone = benchmark30Days(KICK);
        assertThat(weak.counters().get("orbits")).isEqualTo(kickAlone.counters().get("orbits"))
                .isLessThan(k14.counters().get("orbits"));
        double[][] w = weak.trajectory().values();
        double[][] k = kickAlone.trajectory().values();
        for (int i = 0; i < w.length; i++) {
            for (int c = 0; c < w[i].length; c++) {
                assertThat(w[i][c]).isCloseTo(k[i][c], within(3e-3 * Math.max(Math.abs(k[i][c]), 1e-6)));
            }
        }
        // at or above it, the measurement as layercheck's (but for the measure's two FAST-row calls)
        SimulationResult low = benchmark30Days(K14.withGate(BiasProbe.GATE_DRIFT, 0.5));
        assertThat(low.trajectory().values()).isDeepEqualTo(k14.trajectory().values());
        assertThat(low.counters().get("orbits")).isEqualTo(k14.counters().get("orbits"));
        List<String> lines = new ArrayList<>();
        benchmark30Days(K14.withGate(BiasProbe.GATE_DRIFT, 0.71).withTrace(lines::add));
        assertThat(lines.stream().filter(l -> l.startsWith("GATE day    14.00: start drift measure 0.69")))
                .hasSize(1);
    }

    @Test
    void theKicksSizeIsItsLargestStateInTheReuseControlsToleranceForThatState() {
        int[] arg = new int[1];
        // a relaxing state (rate 0.1 / h): allowed 1e-9 + 3e-3 (|2| / 0.1 + |1|) = 0.063; an integrator (no rate):
        // a year of its flux, 1e-9 + 3e-3 (|1| * 8 766 + |100|) = 26.6
        double size = InitialLayer.size(new double[] {2.66, 0.0315}, new double[] {100, 1}, new double[] {1, 2},
                new double[] {0, -0.1}, new double[] {1e-9, 1e-9}, 3e-3, arg);
        assertThat(size).isCloseTo(0.5, within(1e-6));
        assertThat(arg[0]).isEqualTo(1);
        assertThat(InitialLayer.size(new double[] {0, 0}, new double[] {100, 1}, new double[] {1, 2},
                new double[] {0, -0.1}, new double[] {1e-9, 1e-9}, 3e-3, arg)).isZero();
        assertThat(arg[0]).isEqualTo(-1);
    }

    @Test
    void aWithdrawnFirstMeasurementGivesTheRestartsIntervalBack() {
        OrbitReuse r = new OrbitReuse(2, 3e-3, 7 * DAY, 365 * DAY);
        r.restart();
        assertThat(r.firstMeasurePending()).isFalse();
        r.measureFirstBy(14 * DAY);
        assertThat(r.firstMeasurePending()).isTrue();
        r.cancelFirstMeasure();
        assertThat(r.firstMeasurePending()).isFalse();
        assertThat(r.interval()).isEqualTo(60 * DAY);
    }

    @Test
    void theGateIsOffByDefaultAndRejectsAnUnknownGateOrThreshold() {
        assertThat(BiasProbe.NONE.firstMeasureGate()).isEqualTo(BiasProbe.GATE_NONE);
        assertThat(FastSettings.DEFAULT.probe().firstMeasureGate()).isEqualTo(BiasProbe.GATE_NONE);
        // (onsetgate's gate 4, the direct onset, is FastSettings.onsetDirect since onsetadopt: 4 is the first unknown one)
        assertThatThrownBy(() -> BiasProbe.NONE.withGate(BiasProbe.GATE_DRIFT + 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first-measurement gate 4");
        assertThatThrownBy(() -> BiasProbe.NONE.withGate(BiasProbe.GATE_KICK, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gate threshold -1.0");
    }
}
