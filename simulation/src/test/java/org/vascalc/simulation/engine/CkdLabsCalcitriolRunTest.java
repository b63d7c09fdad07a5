package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * With the measurement switch {@code vascalc.ckdLabsCalcitriol} a CKD patient with labs starts at her labs
 * and at the calcitriol of her kidney function (docs/model/mineral.md, "Calcitriol of a CKD patient with
 * labs, built and measured"). Expected calcitriol: the section's closed form by hand (CKD G4, PTH 120
 * pg/mL: 52.69 pmol/L; the haemodialysis example, eGFR 7, PTH 320 pg/mL: 35.16 pmol/L, before its run-in's
 * dialysis moves it); the lab bands are LabsAtStart's (calcium 3.9 %, phosphate 13.7 %, PTH 37.6 %).
 */
class CkdLabsCalcitriolRunTest {

    private static final Recording DAILY = new Recording(
            List.of("serumCalciumTotal", "serumPhosphate", "pthPgMl", "calcitriol"), 24, 24, 0, 0);

    @AfterEach
    void switchOff() {
        System.clearProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY);
    }

    private static SimulationResult oneDay(Scenario s) {
        System.setProperty(MineralBlock.CKD_LABS_CALCITRIOL_PROPERTY, "true");
        Scenario day = new Scenario(s.name(), s.description(), s.patient(), s.conditions(), List.of(), 1, DAILY);
        return EngineSimulator.withoutWall(ModelAssembly.defaultParameters()).run(day, Mode.FAST, ProgressListener.NONE);
    }

    @Test
    void aCkdG4PatientWithLabsStartsAtThemAndAtHerKidneysCalcitriol() {
        Patient a = Patient.referenceAdult();
        Patient g4 = new Patient("g4", a.ageYears(), a.sex(), a.weightKg(), a.heightCm(), 22, OptionalDouble.of(2.30),
                OptionalDouble.of(1.40), OptionalDouble.of(120), a.risk());
        SimulationResult r = oneDay(new Scenario("g4-labs", "", g4, List.of(), List.of(), 1, DAILY));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.trajectory().series("calcitriol")[0]).isCloseTo(52.69, within(0.02 * 52.69));
        assertThat(r.trajectory().series("serumCalciumTotal")[0]).isCloseTo(2.30, within(0.039 * 2.30));
        assertThat(r.trajectory().series("serumPhosphate")[0]).isCloseTo(1.40, within(0.137 * 1.40));
        assertThat(r.trajectory().series("pthPgMl")[0]).isCloseTo(120, within(0.376 * 120));
    }

    @Test
    void theHaemodialysisExampleStartsNearTheCalcitriolOfItsKidneys() {
        Scenario file = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        double start = oneDay(file).trajectory().series("calcitriol")[0];
        // derived at 35.2; the run-in's dialysis lowers phosphate and so FGF23 a little (32-36 the brief's band)
        assertThat(start).isBetween(30.0, 38.0);
    }
}
