package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.wall.WallBlock;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * The FAST-rows-only evaluation of fast mode's drift guard and structural probes
 * ({@link org.vascalc.physiology.model.Block#addFastRates}, {@link AssembledModel#fastRowDerivatives})
 * gives the FAST rows of the full derivative call bit for bit: for the reference adult, CKD G4 and
 * G5 without labs, a man of 72 with diabetes on haemodialysis, with and without the wall, over
 * states spread around each patient's baseline (every state scaled by up to a factor 2, the gut
 * holding tablets, a binder and vitamin K) and over a decade of drivers. The wall's own FAST-row
 * call (its mineral sink alone) is checked to withdraw something, so the comparison covers it.
 */
class FastRowsTest {

    @Test
    void fastRowsEqualTheFullCallsBitForBit() {
        Patient man = new Patient("m72", 72, Sex.MALE, 85, 178, 95, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), new RiskFactors(240, 40, 150, 85, true, true, 3));
        List<Scenario> scenarios = List.of(
                scenario("reference", Patient.referenceAdult(), List.of()),
                scenario("ckd-g4", Patient.referenceAdult(), List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4))),
                scenario("ckd-g5", Patient.referenceAdult(), List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5))),
                scenario("hd-m72", man, List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5),
                        new Condition.Haemodialysis(), new Condition.Diabetes())));
        var parameters = ModelAssembly.defaultParameters();
        SplittableRandom random = new SplittableRandom(20261201);
        int compared = 0;
        int differing = 0;
        int wallSinks = 0;
        for (Scenario sc : scenarios) {
            for (boolean withWall : new boolean[] {true, false}) {
                AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters, withWall),
                        new DriverCourse(sc, parameters));
                int n = model.dimension();
                double[] base = new double[n];
                for (var b : model.blocks()) {
                    b.initialise(sc.patient(), base);
                }
                for (Intake intake : List.of(new Intake(Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD, 12.5),
                        new Intake(Intake.Kind.CALCIUM_CARBONATE_FASTING, 25), new Intake(Intake.Kind.CALCIUM_FOOD, 7.5),
                        new Intake(Intake.Kind.PHOSPHATE_BINDER, 10), new Intake(Intake.Kind.PHOSPHATE_FOOD, 8),
                        new Intake(Intake.Kind.VITAMIN_MK7, 280), new Intake(Intake.Kind.WARFARIN, 5))) {
                    model.applyIntake(intake, base);
                }
                int caEcf = model.layout().index(MineralBlock.CA_ECF);
                double[] y = new double[n];
                double[] full = new double[n];
                double[] fastOnly = new double[n];
                double[] wallOnly = new double[n];
                for (int k = 0; k < 40; k++) {
                    for (int i = 0; i < n; i++) {
                        y[i] = k == 0 ? base[i] : base[i] * Math.exp(random.nextDouble(-0.7, 0.7));
                    }
                    double t = random.nextDouble(0, 10 * 365.25 * 24);
                    // in both orders, so that no remembered term of one call decides the other's bits
                    if (k % 2 == 0) {
                        model.derivatives(t, y, full);
                        model.fastRowDerivatives(t, y, fastOnly);
                    } else {
                        model.fastRowDerivatives(t, y, fastOnly);
                        model.derivatives(t, y, full);
                    }
                    for (int i : model.fastIndices()) {
                        compared++;
                        if (Double.doubleToRawLongBits(fastOnly[i]) != Double.doubleToRawLongBits(full[i])) {
                            differing++;
                        }
                    }
                    for (var b : model.blocks()) {
                        if (b instanceof WallBlock wall) {
                            java.util.Arrays.fill(wallOnly, 0.0);
                            wall.addFastRates(t, y, model.driversAt(t), wallOnly);
                            if (wallOnly[caEcf] < 0) {
                                wallSinks++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5000);
        assertThat(wallSinks).isGreaterThan(100);
        assertThat(differing).isZero();
    }

    private static Scenario scenario(String name, Patient patient, List<Condition> conditions) {
        return new Scenario(name, "", patient, conditions,
                new ArrayList<>(List.of(Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180,
                                org.vascalc.core.intervention.Schedule.daily(8)))),
                3652.5, Recording.every(365.25 * 24));
    }
}
