package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.scenario.ScenarioCheck;

/**
 * The simulator checks a scenario built in code before it integrates (libuse review: a 7000 kg
 * patient used to run ~20 s into an IntegrationException). No timing is asserted: the failure must
 * come from the check (InvalidInputException with the loader's message), not from the integrator.
 */
class SimulatorInputCheckTest {

    private static final EngineSimulator SIM = new EngineSimulator(new EngineSimulatorFactory().defaultParameters());

    private static Scenario of(Patient p, List<Intervention> ivs) {
        return new Scenario("code", "", p, List.of(), ivs, 1, Recording.every(24));
    }

    @Test
    void aPatientOfSevenTonnesFailsWithTheLoadersMessageBeforeIntegrating() {
        Scenario s = of(Patient.referenceAdult().withBody(7000, 165), List.of());
        assertThatThrownBy(() -> SIM.run(s, Mode.FAST, ProgressListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("patient.weightKg: body weight = 7000 kg is outside the allowed range 30 to 300 kg");
    }

    @Test
    void aHeightInMetresAndAFiftyGramDoseFailWithFieldValueUnitAndRange() {
        Scenario s = of(Patient.referenceAdult().withBody(70, 1.65),
                List.of(new Intervention.CalciumSupplement(50_000, Intervention.CalciumSalt.CARBONATE, true,
                        Schedule.daily(8))));
        assertThatThrownBy(() -> SIM.run(s, Mode.REFERENCE, ProgressListener.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("patient.heightCm: height = 1.65 cm is outside the allowed range 120 to 230 cm")
                .hasMessageContaining("interventions[0].elementalMgPerDose: elemental calcium per dose = 50000 mg is "
                        + "outside the allowed range 0 to 2500 mg");
    }

    @Test
    void aDeliberateOverLimitDoseRunsOnlyInsideTheExplicitScopeAndThePatientIsStillChecked() {
        Scenario dose3000 = of(Patient.referenceAdult(), List.of(new Intervention.CalciumSupplement(3000,
                Intervention.CalciumSalt.CITRATE, false, Schedule.daily(8).between(0, 0.5))));
        assertThatThrownBy(() -> SIM.run(dose3000, Mode.REFERENCE, ProgressListener.NONE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0 to 2500 mg");
        assertThat(ScenarioCheck.beyondInterventionLimits(() -> SIM.run(dose3000, Mode.REFERENCE, ProgressListener.NONE))
                .trajectory().channels()).isNotEmpty();
        Scenario heavy = of(Patient.referenceAdult().withBody(7000, 165), List.of());
        assertThatThrownBy(() -> ScenarioCheck.beyondInterventionLimits(() -> SIM.run(heavy, Mode.FAST, ProgressListener.NONE)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("patient.weightKg");
        // the scope ends with the call
        assertThatThrownBy(() -> SIM.run(dose3000, Mode.REFERENCE, ProgressListener.NONE))
                .isInstanceOf(InvalidInputException.class);
    }
}
