package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.simulation.Scenario;

/**
 * ckdgland: the scenario check's PTH warning says where the model refuses a start, on and off dialysis, from the
 * model's own limit ({@link MineralBlock#highestStartingPthPgMl}, 1446 pg/mL), not a copied constant. Before, off
 * dialysis a PTH above 600 pg/mL was "extrapolation" though the run refused every PTH above 587.4, a PTH of
 * 587.4–600 got no word at all and was refused, and on and off dialysis a PTH below 9.05 pg/mL was "extrapolation"
 * and refused (with a message that named the gland's maximum).
 */
class PthStartLimitCheckTest {

    private static String file(double pth) {
        return "name: ckd\npatient: {egfrMlPerMin: 22, pthPgMl: " + pth + "}\ndurationDays: 1\nrecording: {intervalHours: 24}\n";
    }

    private static List<String> fileWarnings(double pth) {
        return ScenarioFiles.parse(file(pth), ScenarioFiles.Format.YAML, "ckd.yaml").warnings().stream()
                .map(w -> w.path() + ": " + w.message()).toList();
    }

    private static List<String> checkWarnings(double pth) {
        Scenario s = ScenarioFiles.parse(file(pth), ScenarioFiles.Format.YAML, "ckd.yaml").scenario();
        return ScenarioCheck.problems(s).stream().filter(p -> p.severity() == InputProblem.Severity.WARNING)
                .map(w -> w.path() + ": " + w.message()).toList();
    }

    /** Red before ckdgland: "... is outside the typical range 10 to 600 pg/mL; results there are extrapolation". */
    @Test
    void offDialysisAPthTheModelStartsIsNotCalledExtrapolation() {
        String said = "patient.pthPgMl: intact PTH = 900 pg/mL is above the typical range 10 to 600 pg/mL of the "
                + "general population; off dialysis the model starts it on an enlarged parathyroid gland (up to "
                + "about 1446 pg/mL with the catalog's parameters; docs/model/mineral.md, \"High PTH off dialysis\")";
        assertThat(fileWarnings(900)).containsExactly(said);
        assertThat(checkWarnings(900)).containsExactly(said);
        assertThat(fileWarnings(2000)).singleElement().asString().endsWith("off dialysis the model starts a PTH on an "
                + "enlarged parathyroid gland only up to about 1446 pg/mL with the catalog's parameters, so the run will "
                + "refuse this start");
    }

    /**
     * Below the least the gland secretes at rest (T61: 9.05 pg/mL) the run refuses, and the check says so. Red before
     * ckdgland: "results there are extrapolation".
     */
    @Test
    void aPthBelowTheGlandsMinimalSecretionSaysTheStartWillBeRefused() {
        assertThat(fileWarnings(5)).containsExactly("patient.pthPgMl: intact PTH = 5 pg/mL is outside the typical range "
                + "10 to 600 pg/mL and below the least the model's parathyroid gland secretes at rest (about 9.05 pg/mL "
                + "with the catalog's parameters), so the run will refuse this start");
    }

    /** The check's limit is the model's. Red before ckdgland (a copied 1446 pg/mL, no method). */
    @Test
    void theCheckReadsTheModelsLimit() {
        assertThat(ScenarioCheck.pthStartHigh())
                .isEqualTo(MineralBlock.highestStartingPthPgMl(MineralBlock.defaultParameters()));
        assertThat(ScenarioCheck.pthStartLow())
                .isEqualTo(MineralBlock.lowestStartingPthPgMl(MineralBlock.defaultParameters()));
    }

    /**
     * No gap: for every PTH from 1 to 3000 pg/mL in steps of 0.5 (and around the limits), on and off dialysis, a PTH
     * the check passes in silence or warns of without "will refuse" is started by the model's derivation (a CKD G4
     * woman off dialysis; the haemodialysis example's labs on a 1.5 bath), and a PTH the derivation refuses is warned
     * of with "will refuse". Red before ckdgland: PTH 1 pg/mL was "extrapolation" and refused, off
     * dialysis 587.5–600 pg/mL silent and refused.
     */
    @Test
    void everyPthTheRunRefusesIsWarnedOfAndNoOther() {
        MineralBlock block = new MineralBlock(MineralBlock.defaultParameters());
        StateLayout layout = new StateLayout(List.of(block));
        block.bind(layout);
        double high = ScenarioCheck.pthStartHigh();
        java.util.List<Double> pths = new java.util.ArrayList<>();
        for (double pth = 1; pth <= 3000; pth += 0.5) {
            pths.add(pth);
        }
        pths.addAll(List.of(587.4, 587.42, 600.0001, high - 1e-3, high + 1e-3));
        for (boolean dialysis : new boolean[] {false, true}) {
            for (double pth : pths) {
                InputProblems p = new InputProblems();
                ScenarioCheck.pth(pth, dialysis, "patient.pthPgMl", p);
                boolean warnsRefusal = p.all().stream().anyMatch(w -> w.message().contains("will refuse"));
                boolean starts;
                try {
                    block.initialise(patient(pth, dialysis), dialysis ? onDialysis() : offDialysis(), new double[layout.size()]);
                    starts = true;
                } catch (RuntimeException e) {
                    starts = false;
                }
                assertThat(warnsRefusal).as("PTH %s pg/mL, dialysis %s: starts %s", pth, dialysis, starts).isEqualTo(!starts);
            }
        }
    }

    private static Patient patient(double pth, boolean dialysis) {
        return dialysis
                ? new Patient("hd", 63, Sex.FEMALE, 70, 162, 7, OptionalDouble.of(2.22), OptionalDouble.of(1.9),
                        OptionalDouble.of(pth), RiskFactors.typical())
                : new Patient("ckd", 63, Sex.FEMALE, 70, 162, 22, OptionalDouble.of(2.30), OptionalDouble.of(1.40),
                        OptionalDouble.of(pth), RiskFactors.typical());
    }

    private static Drivers offDialysis() {
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(22);
        return d;
    }

    private static Drivers onDialysis() {
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(7);
        d.setDietCalciumMmolPerHour(0);
        d.setDietPhosphateMmolPerHour(32.3 / 24);
        d.setHaemodialysis(true);
        d.setDialysateCalciumMmolL(1.5);
        d.setResidualGfrMlPerMin(Double.NaN);
        return d;
    }
}
