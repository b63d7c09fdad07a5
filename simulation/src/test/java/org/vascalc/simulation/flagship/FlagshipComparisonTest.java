package org.vascalc.simulation.flagship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;

class FlagshipComparisonTest {

    @Test
    void armsDifferOnlyByWhatIsAdded() {
        List<FlagshipComparison.Arm> arms = new FlagshipComparison(Patient.referenceAdult(), 10).arms();
        assertThat(arms).hasSize(3);
        List<Intervention> food = arms.get(0).scenario().interventions();
        List<Intervention> supp = arms.get(1).scenario().interventions();
        List<Intervention> k2 = arms.get(2).scenario().interventions();
        assertThat(supp).containsAll(food).hasSize(food.size() + 1);
        assertThat(supp.get(supp.size() - 1)).isInstanceOf(Intervention.CalciumSupplement.class);
        assertThat(k2).containsAll(supp).hasSize(supp.size() + 1);
        assertThat(k2.get(k2.size() - 1)).isInstanceOf(Intervention.VitaminK.class);
        assertThat(arms.get(0).scenario().durationDays()).isEqualTo(3652.5);
    }

    @Test
    void runsEveryArmFastAndTheFirstTwoForTwoDaysInReferenceMode() throws Exception {
        FlagshipComparison.Results r = new FlagshipComparison(Patient.referenceAdult(), 2).run(new Fake(), f -> { });
        assertThat(r.longRuns()).extracting(SimulationResult::mode).containsOnly(Mode.FAST).hasSize(3);
        assertThat(r.dayProfiles()).extracting(SimulationResult::mode).containsOnly(Mode.REFERENCE).hasSize(2);
        assertThat(r.dayProfiles().get(0).scenario().durationDays()).isEqualTo(9);
        assertThat(r.dayProfiles().get(0).scenario().recording().fineFromDay()).isEqualTo(7);
        assertThat(r.longRuns().get(2).scenario().name()).isEqualTo("flagship-supplement-mk7");
    }

    @Test
    void rejectsImplausibleDurations() {
        assertThatThrownBy(() -> new FlagshipComparison(Patient.referenceAdult(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Records what it was asked to run; the trajectory is one channel equal to time. */
    static final class Fake implements SimulatorFactory {
        @Override
        public ParameterCatalog defaultParameters() {
            return null;
        }

        @Override
        public Simulator create(ParameterCatalog parameters) {
            return (scenario, mode, progress) -> {
                progress.progress(1);
                double[] t = {0, scenario.durationDays() * 24};
                return new SimulationResult(scenario, mode,
                        new Trajectory(List.of(new OutputChannel("x", "1", "x")), t, new double[][] {{0}, {t[1]}}),
                        Map.of(), Map.of(), "none");
            };
        }
    }
}
