package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.wall.Bed;
import org.vascalc.physiology.wall.WallBlock;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * Fast mode with the wall's orbit integrals from the integrals of its milieu (the frozen milieu,
 * {@link org.vascalc.physiology.model.MilieuAffine}) against the wall's own rates as quadrature
 * components at every orbit stage: the same wall (medial and intimal mineral of every bed, CT score,
 * PWV, hazards) and the same mineral books, under a 1000 mg fasting supplement (the largest serum
 * calcium peaks) and with CKD G4 (a phosphate-rich milieu, in a man whose coronaries show on CT), with the wall evaluated at less than half
 * the derivative calls (the orbit stages no longer call it).
 */
class FrozenMilieuTest {

    private static List<String> channels() {
        List<String> ids = new ArrayList<>();
        for (Bed b : Bed.values()) {
            ids.add(WallBlock.stateId(b, "osteogenicFraction"));
            ids.add(WallBlock.stateId(b, "medialMineral"));
            ids.add(WallBlock.stateId(b, "microCalcium"));
            ids.add(WallBlock.stateId(b, "macroCalcium"));
            ids.add(WallBlock.stateId(b, "macroDensity"));
        }
        ids.addAll(List.of("cacAgatston", "cacMass", "pwv", "sbp", "riskMi", "riskCvDeath", "mineral.caUrineCum",
                "mineral.caFaecesCum", "mineral.caBone", "pth"));
        return ids;
    }

    @Test
    void wallOrbitIntegralsFromTheMilieuMatchStageQuadratureAtAFractionOfTheWallCalls() {
        Recording rec = new Recording(channels(), 30 * 24, 30 * 24, 0, 0);
        compare(Scenarios.of("supp-1000", 365, rec,
                Scenarios.supplement(1000, Intervention.CalciumSalt.CARBONATE, false, 8)));
        // A man of 72 with diabetes, a smoker, so that his coronaries show on CT.
        Patient man = new Patient("m72", 72, Sex.MALE, 85, 178, 95, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), new RiskFactors(240, 40, 150, 85, true, true, 3));
        compare(new Scenario("ckd4-1000-m72", "", man, List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4)),
                new ArrayList<>(List.of(Scenarios.supplement(1000, Intervention.CalciumSalt.CARBONATE, true, 8))), 365, rec));
    }

    private static void compare(Scenario s) {
        SimulationResult off = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                FastRun.Settings.DEFAULT.withFrozenMilieu(false)).run(s, Mode.FAST, ProgressListener.NONE);
        SimulationResult on = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(),
                FastRun.Settings.DEFAULT).run(s, Mode.FAST, ProgressListener.NONE);
        double worstLevel = 0;
        double worstChange = 0;
        String worstId = "";
        for (var c : off.trajectory().channels()) {
            double[] a = off.trajectory().series(c.id());
            double[] b = on.trajectory().series(c.id());
            for (int i = 0; i < a.length; i++) {
                worstLevel = Math.max(worstLevel, Math.abs(b[i] - a[i]) / Math.max(Math.abs(a[i]), 1e-9));
            }
            double change = a[a.length - 1] - a[0];
            if (Math.abs(change) > 1e-9) {
                double e = Math.abs((b[b.length - 1] - b[0]) - change) / Math.abs(change);
                if (e > worstChange) {
                    worstChange = e;
                    worstId = c.id();
                }
            }
        }
        long wallOff = off.counters().get("derivativeEvaluations");
        long wallOn = on.counters().get("derivativeEvaluations") - on.counters().get("frozenMilieuEvaluations")
                + on.counters().get("affineBlockEvaluations");
        System.out.printf(Locale.ROOT, "%s frozen milieu vs stage quadrature: levels %.2e, changes %.2e (%s); wall calls %d -> %d of %d -> %d%n",
                s.name(), worstLevel, worstChange, worstId, wallOff, wallOn, wallOff, on.counters().get("derivativeEvaluations"));
        for (String id : List.of("cacAgatston", "cacMass", "pwv", WallBlock.stateId(Bed.AORTA, "medialMineral"),
                WallBlock.stateId(Bed.LAD, "macroCalcium"), WallBlock.stateId(Bed.LAD, "microCalcium"))) {
            System.out.printf(Locale.ROOT, "  %-28s at 1 y: %.9g (wall at every stage) %.9g (frozen milieu)%n", id,
                    off.trajectory().last(id), on.trajectory().last(id));
        }
        assertThat(worstLevel).as(s.name() + " levels").isLessThan(1e-7);
        assertThat(worstChange).as(s.name() + " changes since t = 0").isLessThan(1e-5);
        assertThat(wallOn).as(s.name() + " wall calls").isLessThan(wallOff / 2);
    }
}
