package org.vascalc.simulation.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.flagship.FlagshipComparison;

/** A small real analysis: the flagship's supplement arm for a short time, a few parameters, one thread. */
class SensitivityAnalysisTest {

    private static final SimulatorFactory FACTORY = SimulatorFactory.load();
    private static final ParameterCatalog CATALOG = FACTORY.defaultParameters();

    private static Scenario shortSupplementArm(double days) {
        Scenario s = new FlagshipComparison(Patient.referenceAdult(), 1).arms().get(1).scenario();
        return new Scenario(s.name(), s.description(), s.patient(), s.conditions(), s.interventions(), days,
                Recording.every(24 * days));
    }

    @Test
    void everyFactorAVirtualPersonCarriesIsTreatedAsAPersonsFactor() {
        // a factor added to the virtual population later must be varied over its cohort spread too (the
        // vitamin K intake factor was first missed and listed among the assumptions)
        VirtualPerson person = new VirtualPopulation(1, CATALOG).mesa(0);
        assertThat(person.individualParameters().keySet()).isNotEmpty().allSatisfy(name -> {
            assertThat(SensitivityAnalysis.plan(CATALOG.get(name), CATALOG).role())
                    .as(name).isEqualTo(SensitivityAnalysis.Role.INDIVIDUAL);
            assertThat(SensitivityAnalysis.plan(CATALOG.get(SensitivityAnalysis.INDIVIDUAL_SPREAD.get(name)), CATALOG)
                    .role()).as(name + "'s SD").isEqualTo(SensitivityAnalysis.Role.POPULATION_SPREAD);
        });
    }

    @Test
    void plansFollowTheCatalogsKindsOfNumber() {
        SensitivityAnalysis.Plan fixed = SensitivityAnalysis.plan(CATALOG.get("ctThresholdHu"), CATALOG);
        assertThat(fixed.role()).isEqualTo(SensitivityAnalysis.Role.FIXED);
        SensitivityAnalysis.Plan spread = SensitivityAnalysis.plan(CATALOG.get("plaqueSusceptibilityLogSd"), CATALOG);
        assertThat(spread.role()).isEqualTo(SensitivityAnalysis.Role.POPULATION_SPREAD);
        // a person's factor: exp(+-1.96 SD) of the cohort's log-normal, not the catalog's 0.01-100
        SensitivityAnalysis.Plan own = SensitivityAnalysis.plan(CATALOG.get("plaqueSusceptibility"), CATALOG);
        assertThat(own.role()).isEqualTo(SensitivityAnalysis.Role.INDIVIDUAL);
        double sd = CATALOG.value("plaqueSusceptibilityLogSd");
        assertThat(own.low()).isCloseTo(Math.exp(-1.96 * sd), within(1e-12));
        assertThat(own.high()).isCloseTo(Math.exp(1.96 * sd), within(1e-12));
        // one quantity held twice: moved together over the range both admit, the copy not run alone
        SensitivityAnalysis.Plan ecf = SensitivityAnalysis.plan(CATALOG.get("ecfVolume"), CATALOG);
        assertThat(ecf.together()).containsExactly("ecfVolumeL");
        assertThat(ecf.low()).isEqualTo(12.0);
        assertThat(ecf.high()).isEqualTo(16.0);
        assertThat(SensitivityAnalysis.settings(ecf, 15, CATALOG)).containsEntry("ecfVolume", 15.0)
                .containsEntry("ecfVolumeL", 15.0);
        assertThat(SensitivityAnalysis.plan(CATALOG.get("ecfVolumeL"), CATALOG).role())
                .isEqualTo(SensitivityAnalysis.Role.COPY);
        // a value at the top of its range: one-sided elasticity
        SensitivityAnalysis.Plan atTop = SensitivityAnalysis.plan(CATALOG.get("citrateAvailable"), CATALOG);
        assertThat(atTop.up()).isEqualTo(atTop.parameter().value());
        assertThat(atTop.down()).isLessThan(atTop.parameter().value());
        // a value of 0 has no elasticity in log, but its ends are run
        SensitivityAnalysis.Plan zero = SensitivityAnalysis.plan(CATALOG.get("gutCaNephronExponent"), CATALOG);
        assertThat(zero.role()).isEqualTo(SensitivityAnalysis.Role.RANGE);
        assertThat(zero.down()).isNaN();
        assertThat(zero.high()).isEqualTo(1);
    }

    @Test
    void aCalciumHandlingNumberMovesSerumCalciumAndAWallEventNumberDoesNot() throws InterruptedException {
        SensitivityAnalysis a = new SensitivityAnalysis(FACTORY, CATALOG, 1);
        List<String> only = List.of("caTotalRef", "miBasePerYear", "ctInterscanLogSd");
        SensitivityAnalysis.Result r = a.run(shortSupplementArm(20), Mode.FAST,
                List.of("serumCalciumTotal", "riskMi"), only, SensitivityAnalysis.Progress.NONE);
        int ca = r.outputIndex("serumCalciumTotal");
        int mi = r.outputIndex("riskMi");
        SensitivityAnalysis.ParameterResult caRef = r.parameter("caTotalRef");
        SensitivityAnalysis.ParameterResult miBase = r.parameter("miBasePerYear");
        assertThat(caRef.failure()).isEmpty();
        assertThat(miBase.failure()).isEmpty();
        assertThat(caRef.elasticity()[ca]).isGreaterThan(0.1);
        // Not exactly 0: the adaptive step control sees every state, so a wall number shifts the steps
        // of the whole model and serum calcium by solver round-off (4e-8 here); 1e-5 is far below
        // any physiological effect (caTotalRef's is order 1).
        assertThat(miBase.elasticity()[ca]).isCloseTo(0, within(1e-5));
        assertThat(miBase.elasticity()[mi]).isGreaterThan(0.5);
        assertThat(r.ranking(ca)).extracting(Ranking.Entry::parameter).containsExactly("caTotalRef", "miBasePerYear");
        assertThat(r.ranking(ca).get(1).swing()).isLessThan(1e-5 * r.baseline()[ca]);
        // the population SD is listed but not run: 1 baseline + 4 + 4 runs
        assertThat(r.parameter("ctInterscanLogSd").plan().role().runs()).isFalse();
        assertThat(r.runs()).isEqualTo(9);
        // two threads: the same numbers, bit for bit
        SensitivityAnalysis.Result two = new SensitivityAnalysis(FACTORY, CATALOG, 2).run(shortSupplementArm(20),
                Mode.FAST, List.of("serumCalciumTotal", "riskMi"), only, SensitivityAnalysis.Progress.NONE);
        for (String name : only) {
            assertThat(two.parameter(name).atLow()).isEqualTo(r.parameter(name).atLow());
            assertThat(two.parameter(name).atHigh()).isEqualTo(r.parameter(name).atHigh());
            assertThat(two.parameter(name).elasticity()).isEqualTo(r.parameter(name).elasticity());
        }
    }

    @Test
    void anUnknownParameterNameIsRefused() {
        SensitivityAnalysis a = new SensitivityAnalysis(FACTORY, CATALOG, 1);
        assertThatThrownBy(() -> a.run(shortSupplementArm(2), Mode.FAST, List.of("serumCalciumTotal"),
                List.of("noSuchParameter"), SensitivityAnalysis.Progress.NONE))
                .hasMessageContaining("noSuchParameter");
        // from Java as on the command line: the nearest name (review17: the library gave none)
        assertThatThrownBy(() -> a.run(shortSupplementArm(2), Mode.FAST, List.of("serumCalciumTotal"),
                List.of("caTotalRf"), SensitivityAnalysis.Progress.NONE))
                .hasMessage("no parameter named 'caTotalRf' in the catalog (did you mean 'caTotalRef'?)");
    }

    @Test
    void anEndAtTheValueIsTheBaselineAParameterNotRunHasNoNumbersAndProgressCountsEveryRun()
            throws InterruptedException {
        // citrateAvailable is 1 at the top of its range 0.8-1: runs at 0.8 and exp(-0.05) only, the high end and
        // the upper elasticity point are the baseline; the SD is listed, not run: 1 + 2 runs
        List<String> only = List.of("citrateAvailable", "ctInterscanLogSd");
        List<String> seen = new java.util.ArrayList<>();
        SensitivityAnalysis.Result r = new SensitivityAnalysis(FACTORY, CATALOG, 1).run(shortSupplementArm(2), Mode.FAST,
                List.of("serumCalciumTotal"), only, (done, total) -> seen.add(done + "/" + total));
        assertThat(r.runs()).isEqualTo(3);
        assertThat(seen).containsExactly("1/3", "2/3", "3/3");
        SensitivityAnalysis.ParameterResult citrate = r.parameter("citrateAvailable");
        assertThat(citrate.atHigh()[0]).isEqualTo(r.baseline()[0]);
        assertThat(citrate.atLow()[0]).isFinite();
        assertThat(citrate.failure()).isEmpty();
        SensitivityAnalysis.ParameterResult sd = r.parameter("ctInterscanLogSd");
        assertThat(sd.atLow()[0]).isNaN();
        assertThat(sd.atHigh()[0]).isNaN();
        assertThat(sd.elasticity()[0]).isNaN();
        assertThatThrownBy(() -> r.parameter("caTotalRef")).hasMessage("no parameter caTotalRef in the analysis");
        assertThatThrownBy(() -> r.outputIndex("pth")).hasMessage("output pth is not in the analysis");
    }

    @Test
    void theInputsHashNamesWhatTheNumbersAreComputedFrom() {
        SensitivityAnalysis a = new SensitivityAnalysis(FACTORY, CATALOG, 1);
        Scenario s = shortSupplementArm(2);
        List<String> out = List.of("serumCalciumTotal");
        String all = a.inputsSha256(s, Mode.FAST, out, null);
        assertThat(all).matches("[0-9a-f]{64}").isEqualTo(a.inputsSha256(s, Mode.FAST, out, null));
        assertThat(a.inputsSha256(s, Mode.FAST, out, List.of("caTotalRef"))).isNotEqualTo(all);
        assertThat(a.inputsSha256(s, Mode.FAST, List.of("pth"), null)).isNotEqualTo(all);
        assertThat(a.inputsSha256(shortSupplementArm(3), Mode.FAST, out, null)).isNotEqualTo(all);
        // a value's evidence kind enters the hash (its text does not)
        assertThat(SensitivityAnalysis.plan(CATALOG.get("caTotalRef"), CATALOG).evidenceKind()).isEqualTo("literature");
        assertThat(SensitivityAnalysis.plan(CATALOG.get("citrateAvailable"), CATALOG).evidenceKind()).isEqualTo("assumption");
        assertThat(SensitivityAnalysis.plan(CATALOG.get("microFormationPerYear"), CATALOG).evidenceKind()).isEqualTo("calibrated");
        assertThat(SensitivityAnalysis.plan(CATALOG.get("k1AbsorbedFraction"), CATALOG).evidenceKind()).isEqualTo("derived");
    }
}
