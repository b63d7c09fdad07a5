package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.StartLabMiss;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * A run says when it does not start at the patient's measured labs (review: the haemodialysis example's
 * phosphate 1.9 mmol/L started at about 1.5 with {@code "warnings": []}), and says nothing when it does:
 * the reference adult with healthy labs, and a CKD G4 patient whose labs the model holds (derived at her
 * own eGFR, a steady state up to the meal day).
 */
class LabsAtStartRunTest {

    private static final Recording DAILY = new Recording(List.of("serumCalciumTotal", "serumPhosphate", "pthPgMl"),
            24, 24, 0, 0);

    private static SimulationResult oneDay(Scenario s) {
        Scenario day = new Scenario(s.name(), s.description(), s.patient(), s.conditions(), List.of(), 1, DAILY);
        return EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(day, Mode.FAST, ProgressListener.NONE);
    }

    private static Patient labs(Patient p, double egfr, double ca, double po4, double pth) {
        return new Patient(p.id(), p.ageYears(), p.sex(), p.weightKg(), p.heightCm(), egfr, OptionalDouble.of(ca),
                OptionalDouble.of(po4), OptionalDouble.of(pth), p.risk());
    }

    @Test
    void theHaemodialysisExampleSaysItsPhosphateIsNotTheStartWithBothNumbersAndWhy() {
        Scenario file = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        SimulationResult r = oneDay(file);
        double start = r.trajectory().series("serumPhosphate")[0];
        // the file's 1.9 mmol/L is outside the 13.7 % band of the start the run shows
        assertThat(start).isLessThan(1.9 * (1 - 0.137));
        List<InputProblem> ws = r.warnings();
        assertThat(ws).extracting(InputProblem::path).containsExactly("patient.serumPhosphateMmolL");
        assertThat(ws.get(0).message()).contains("measured 1.90 mmol/L")
                .contains(String.format(Locale.ROOT, "starts at %.3f mmol/L", start))
                .contains("haemodialysis condition (dialysate calcium 1.5 mmol/L) is applied in the run-in")
                .contains("at phosphate 1.9 mmol/L kidneys at eGFR 7 mL/min cannot excrete");
        double pth = r.trajectory().series("pthPgMl")[0];
        assertThat(Math.abs(pth / 320 - 1)).as("PTH 320 pg/mL is held within its band").isLessThan(0.376);
        // the same miss as a value, which what counts the misses reads: the start the trajectory shows, exactly
        assertThat(r.startLabMisses()).singleElement().satisfies(m -> {
            assertThat(m.lab()).isEqualTo(StartLabMiss.Lab.PHOSPHATE);
            assertThat(m.measured()).isEqualTo(1.9);
            assertThat(m.start()).isEqualTo(start);
            assertThat(m.relative()).isEqualTo(start / 1.9 - 1);
            assertThat(m.tolerance()).isEqualTo(1.96 * 0.07);
            assertThat(m.causes()).containsExactly(new StartLabMiss.Haemodialysis(1.5),
                    new StartLabMiss.PhosphateFloored(1.9, 7, 32.3));
            assertThat(m.warning()).isEqualTo(ws.get(0));
        });
    }

    @Test
    void aReferenceAdultWithHealthyLabsAndACkdG4PatientWhoseLabsHoldGetNoWarning() {
        Patient adult = Patient.referenceAdult();
        Scenario healthy = new Scenario("healthy-labs", "", labs(adult, 95, 2.35, 1.1, 40), List.of(), List.of(), 1, DAILY);
        assertThat(oneDay(healthy).warnings()).isEmpty();
        Scenario g4 = new Scenario("g4-labs", "", labs(adult, 22, 2.30, 1.4, 120), List.of(), List.of(), 1, DAILY);
        assertThat(oneDay(g4).warnings()).isEmpty();
        assertThat(oneDay(g4).startLabMisses()).isEmpty();
    }
}
