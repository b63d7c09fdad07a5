package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.trial.TrialResult;
import org.vascalc.simulation.trial.TrialRunner;
import org.vascalc.simulation.trial.TrialSpec;

/**
 * Between-person variability of the vitamin K block (docs/model/vitamin-k.md, "Between-person
 * variability"): each member of a virtual cohort eats their own usual amount of vitamin K, so the
 * cohort's baseline dp-ucMGP has the spread of published general-population cohorts, and a vitamin K
 * trial's dp-ucMGP effect differs between members (an interval of non-zero width).
 */
class VitaminKVariabilityTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    /** Baseline (steady-state, usual diet) dp-ucMGP of one member, pmol/L. */
    private static double baselineDpUcMgp(VirtualPerson p) {
        VitaminKBlock block = new VitaminKBlock(CATALOG.with(p.individualParameters()));
        block.bind(new StateLayout(List.of(block)));
        double[] y = new double[block.variables().size()];
        block.initialise(p.patient(), y);
        return block.dpUcMgpPmolPerL(y);
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    @Test
    void aCommunityCohortHasTheDpUcMgpSpreadOfPublishedGeneralPopulationCohorts() {
        VirtualPopulation pop = new VirtualPopulation(20261201L, CATALOG);
        List<VirtualPerson> mesa = LongStream.range(0, 1000).mapToObj(pop::mesa).toList();
        double[] dp = mesa.stream().mapToDouble(VitaminKVariabilityTest::baselineDpUcMgp).toArray();
        double[] sorted = dp.clone();
        Arrays.sort(sorted);
        // women of the Knapen trial's age: no spread at all without the factor (every one had 410 pmol/L)
        double[] women = mesa.stream().filter(p -> p.patient().sex() == Sex.FEMALE)
                .filter(p -> p.patient().ageYears() >= 55 && p.patient().ageYears() <= 65)
                .mapToDouble(VitaminKVariabilityTest::baselineDpUcMgp).toArray();
        double[] sortedWomen = women.clone();
        Arrays.sort(sortedWomen);
        System.out.printf("baseline dp-ucMGP, MESA-like n %d: mean %.0f SD %.0f CV %.2f, median %.0f, P5-P95 %.0f-%.0f pmol/L;"
                        + " women 55-65 n %d: mean %.0f SD %.0f CV %.2f, median %.0f, P5-P95 %.0f-%.0f%n",
                dp.length, mean(dp), sd(dp), sd(dp) / mean(dp), sorted[dp.length / 2], sorted[dp.length / 20],
                sorted[dp.length * 19 / 20], women.length, mean(women), sd(women), sd(women) / mean(women),
                sortedWomen[women.length / 2], sortedWomen[women.length / 20], sortedWomen[women.length * 19 / 20]);
        // coefficient of variation between the two general-population cohorts: Jespersen 2020 (Danish, 19-71 y,
        // 465 +/- 181 pmol/L, CV 0.39) and LASA (van Ballegooijen 2018, 55-65 y, 376 +/- 233, CV 0.62). Without
        // the intake factor the only spread is the sex difference of the Adequate Intakes (CV about 0.12).
        assertThat(sd(dp) / mean(dp)).as("CV of baseline dp-ucMGP (mean %.0f, SD %.0f pmol/L)", mean(dp), sd(dp))
                .isBetween(0.39, 0.62);
        assertThat(women.length).isGreaterThan(100);
        assertThat(sd(women) / mean(women)).as("CV among women 55-65").isBetween(0.39, 0.62);
        // its centre stays where row E21 puts it (median 340 [250, 450] pmol/L in healthy adults 55-70 y)
        assertThat(sorted[sorted.length / 2]).isBetween(250.0, 450.0);

        // the intake factor: log-normal around 1 with the catalog's SD, inside the catalog range 1/5-5
        double[] logF = mesa.stream().mapToDouble(p -> Math.log(p.individualParameters()
                .get(VirtualPopulation.VITAMIN_K_INTAKE))).toArray();
        assertThat(mean(logF)).isBetween(-0.05, 0.05);
        assertThat(sd(logF)).isBetween(0.93 * CATALOG.value("vitaminKIntakeLogSd"),
                1.07 * CATALOG.value("vitaminKIntakeLogSd"));
        assertThat(Arrays.stream(logF).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(Math.log(5) + 1e-12);
    }

    @Test
    void aSinglePatientKeepsTheCatalogIntake() {
        assertThat(CATALOG.value(VirtualPopulation.VITAMIN_K_INTAKE)).isEqualTo(1.0);
    }

    @Test
    void theKnapenTrialsDpUcMgpEffectDiffersBetweenMembers() {
        TrialSpec spec = TrialFiles.load(TrialFiles.catalog(ProjectFiles.require(TrialFiles.FOLDER)).get("knapen2015"));
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(spec, 16, 1, (d, n) -> { });
        TrialResult.OutcomeResult dp = r.outcomes().stream()
                .filter(o -> o.outcome().output().equals("dpUcMgp")).findFirst().orElseThrow();
        // a fall of dp-ucMGP on MK-7, with a bootstrap interval of real width (it was [-30.3, -30.3] when every
        // member ate the Adequate Intake of her sex)
        System.out.printf("knapen2015 (16 per arm, seed 1): dp-ucMGP %.2f [%.2f, %.2f]%n", dp.estimate(), dp.low(), dp.high());
        assertThat(dp.estimate()).isNegative();
        assertThat(dp.high() - dp.low()).as("width of the dp-ucMGP interval [%.2f, %.2f]", dp.low(), dp.high())
                .isGreaterThan(1.0);
    }
}
