package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.trial.TrialSpec.Measure;

/**
 * A trial's own baseline labs (hdtrials, fifty-first session): each member's labs are drawn from the block, the
 * member's own for a given seed and index, with the stated mean and SD; the runner gives them to the members
 * before anything reads them; a trial without the block draws the population's members unchanged.
 */
class BaselineLabsTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    /** The dialysis trials' block: DOPPS at the first calcium-binder prescription (Komaba 2017, Table 1). */
    private static final BaselineLabs DOPPS = new BaselineLabs(
            Optional.of(new BaselineLabs.Lab(2.22, 0.22, 1.5, 4.0, false)),
            Optional.of(new BaselineLabs.Lab(1.68, 0.52, 0.3, 4.0, false)),
            Optional.of(new BaselineLabs.Lab(293, 334, 1, 3000, true)));

    @Test
    void eachMemberDrawsTheirOwnLabsWithTheStatedMeanAndSdAndKeepsEverythingElse() {
        VirtualPopulation pop = new VirtualPopulation(1, CATALOG);
        int n = 4000;
        double[] ca = new double[n];
        double[] p = new double[n];
        double[] pth = new double[n];
        for (int i = 0; i < n; i++) {
            VirtualPerson cric = pop.cric(i);
            VirtualPerson m = DOPPS.applyTo(cric, 1);
            assertThat(m.patient().withLabs(cric.patient().serumCalciumMmolL(), cric.patient().serumPhosphateMmolL(),
                    cric.patient().pthPgMl())).as("only the labs change").isEqualTo(cric.patient());
            assertThat(m.individualParameters()).isEqualTo(cric.individualParameters());
            assertThat(m.index()).isEqualTo(cric.index());
            assertThat(m.statin()).isEqualTo(cric.statin());
            assertThat(m.scanErrorBaseline()).isEqualTo(cric.scanErrorBaseline());
            ca[i] = m.patient().serumCalciumMmolL().orElseThrow();
            p[i] = m.patient().serumPhosphateMmolL().orElseThrow();
            pth[i] = m.patient().pthPgMl().orElseThrow();
            assertThat(p[i]).isBetween(1.68 - 3 * 0.52, 1.68 + 3 * 0.52);
            assertThat(pth[i]).isBetween(1.0, 3000.0);
        }
        assertThat(mean(ca)).isCloseTo(2.22, within(0.01));
        assertThat(sd(ca)).isCloseTo(0.22, within(0.015));
        assertThat(mean(p)).isCloseTo(1.68, within(0.025));
        assertThat(sd(p)).isCloseTo(0.52, within(0.03));
        // PTH log-normal: the median is exp(mu) = 293 / sqrt(1 + (334/293)^2) = 193, the DOPPS median
        double[] sorted = pth.clone();
        Arrays.sort(sorted);
        assertThat(sorted[n / 2]).isCloseTo(193, within(12.0));
        assertThat(mean(pth)).as("the arithmetic mean, a little under 293 from the 3-SD truncation")
                .isCloseTo(293, within(25.0));
        // the member's own: the same seed and index draw the same labs, another seed others
        assertThat(DOPPS.applyTo(pop.cric(7), 1)).isEqualTo(DOPPS.applyTo(pop.cric(7), 1));
        assertThat(DOPPS.applyTo(pop.cric(7), 2).patient().serumPhosphateMmolL())
                .isNotEqualTo(DOPPS.applyTo(pop.cric(7), 1).patient().serumPhosphateMmolL());
        // adding a lab leaves the others' draws unchanged; a lab left out keeps the population's
        BaselineLabs onlyP = new BaselineLabs(Optional.empty(), DOPPS.phosphate(), Optional.empty());
        VirtualPerson m = onlyP.applyTo(pop.cric(7), 1);
        assertThat(m.patient().serumPhosphateMmolL()).isEqualTo(DOPPS.applyTo(pop.cric(7), 1).patient().serumPhosphateMmolL());
        assertThat(m.patient().serumCalciumMmolL()).isEqualTo(pop.cric(7).patient().serumCalciumMmolL());
        assertThat(m.patient().pthPgMl()).isEmpty();
        VirtualPerson same = pop.cric(7);
        assertThat(BaselineLabs.NONE.applyTo(same, 1)).isSameAs(same);
        assertThat(DOPPS.describe()).isEqualTo("calcium 2.22 (SD 0.22) mmol/L, phosphate 1.68 (SD 0.52) mmol/L, "
                + "PTH 293 (SD 334) pg/mL, log-normal");
    }

    private static TrialSpec dialysisTrial(BaselineLabs labs) {
        TrialSpec.Published pub = new TrialSpec.Published(OptionalDouble.of(0), OptionalDouble.empty(),
                OptionalDouble.empty(), "test");
        TrialSpec.Arm control = new TrialSpec.Arm("none", "nothing", List.of());
        TrialSpec.Arm binder = new TrialSpec.Arm("calcium", "calcium acetate", List.of(new Intervention.PhosphateBinder(
                Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 667, Schedule.daily(8, 13, 19))));
        return new TrialSpec("hd", "a dialysis trial", "Chertow2002", "two arms", Population.CRIC,
                TrialSpec.Inclusion.everyone(), List.of(new Condition.Haemodialysis()), 0.05, List.of(control, binder),
                List.of(new TrialSpec.Outcome("phosphate", "serumPhosphate", "mmol/L", Measure.CHANGE_DIFFERENCE,
                        Double.NaN, "calcium", pub)), "test", Vintage.NONE, labs);
    }

    /**
     * The runner gives the members the block's labs before their runs: with the hdlabs example's labs (phosphate
     * 1.9 mmol/L, PTH 320 pg/mL, a steady state on dialysis) no member starts off their phosphate, while the same
     * members with their CRIC-like labs do (their phosphate, 0.9-1.5 mmol/L, cannot hold at eGFR 7 on dialysis).
     */
    @Test
    void theRunnerGivesTheMembersTheBlocksLabsBeforeTheirRuns() {
        BaselineLabs example = new BaselineLabs(Optional.empty(),
                Optional.of(new BaselineLabs.Lab(1.9, 0, 0.3, 4.0, false)),
                Optional.of(new BaselineLabs.Lab(320, 0, 1, 3000, true)));
        TrialRunner runner = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2);
        TrialResult own = runner.run(dialysisTrial(example), 3, 1, (d, n) -> { });
        TrialResult cric = runner.run(dialysisTrial(BaselineLabs.NONE), 3, 1, (d, n) -> { });
        assertThat(cric.startWarnings()).as("the CRIC-like labs do not hold on dialysis")
                .anyMatch(w -> w.contains("measured phosphate"));
        assertThat(own.startWarnings()).as("the block's labs are the members' (a steady state on dialysis)")
                .noneMatch(w -> w.contains("measured phosphate"));
        assertThat(TrialReport.lines(own)).contains("labs       drawn per member from the trial's baseline: "
                + "phosphate 1.9 (SD 0) mmol/L, PTH 320 (SD 0) pg/mL, log-normal");
        assertThat(TrialReport.markdown(List.of(own), "p")).contains("; labs drawn per member from the trial's baseline "
                + "(baselineLabs): phosphate 1.9 (SD 0) mmol/L");
    }

    /**
     * Labs drawn independently can make a start the model cannot hold (a low calcium on the default 1.5 mmol/L
     * bath with a PTH of 450 pg/mL is no steady state of the habitual diet): such candidates are not enrolled,
     * counted in the result and the report, and the trial runs on those it can start (before, the first one failed
     * the whole trial).
     */
    @Test
    void candidatesTheModelCannotStartAtTheirDrawnLabsAreLeftOutAndCounted() {
        BaselineLabs lowCalcium = new BaselineLabs(Optional.of(new BaselineLabs.Lab(2.0, 0.3, 1.5, 4.0, false)),
                Optional.of(new BaselineLabs.Lab(1.9, 0, 0.3, 4.0, false)),
                Optional.of(new BaselineLabs.Lab(450, 0, 1, 3000, true)));
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(dialysisTrial(lowCalcium), 3, 1,
                (d, n) -> { });
        assertThat(r.labsLeftOut()).matches("\\d+ of the " + r.screened() + " candidates examined were left out: the model "
                + "cannot start them at their drawn labs on the trial's conditions \\(first, candidate \\d+ \\(cric-\\d+\\): "
                + "mineral baseline cannot be a steady state.*");
        assertThat(r.screened()).isGreaterThan(3);
        assertThat(TrialReport.lines(r)).contains("labs       " + r.labsLeftOut());
        assertThat(TrialReport.markdown(List.of(r), "p")).contains("- **Labs the model cannot start at**: "
                + r.labsLeftOut());
        assertThat(new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(dialysisTrial(BaselineLabs.NONE), 3, 1,
                (d, n) -> { }).labsLeftOut()).as("no block, no check").isEmpty();
    }

    /**
     * A trial without the block draws the population's members as before, bit for bit: every shipped trial but
     * the seven haemodialysis ones states none, and saltire's estimates at 3 members a year are those of the code
     * before baselineLabs (main 675c1a92; a guard, recorded there: it passes on the old code by construction and
     * turns red if the block's draws reach a trial without one).
     */
    @Test
    void aTrialWithoutTheBlockRunsThePopulationsMembersBitForBit() {
        Map<String, java.nio.file.Path> all = TrialFiles.catalog(ProjectFiles.require(TrialFiles.FOLDER));
        List<String> dialysis = List.of("care2", "chertow2002", "ipackhd", "naiyarakseree2023", "naiyarakseree2023dm",
                "renakvit", "valkyrie");
        for (Map.Entry<String, java.nio.file.Path> e : all.entrySet()) {
            TrialSpec s = TrialFiles.load(e.getValue());
            boolean onDialysis = s.conditions().stream().anyMatch(c -> c instanceof Condition.Haemodialysis);
            assertThat(onDialysis).as(e.getKey()).isEqualTo(dialysis.contains(e.getKey()));
            assertThat(s.baselineLabs().isNone()).as("%s states its own labs only if on dialysis", e.getKey())
                    .isEqualTo(!onDialysis);
        }
        TrialSpec saltire = TrialFiles.load(all.get("saltire"));
        TrialSpec short1 = new TrialSpec(saltire.key(), saltire.title(), saltire.citation(), saltire.design(),
                saltire.population(), saltire.inclusion(), saltire.conditions(), 1, saltire.arms(), saltire.outcomes(),
                saltire.mapping(), saltire.vintage(), saltire.baselineLabs());
        TrialResult r = new TrialRunner(new EngineSimulatorFactory(), CATALOG, 2).run(short1, 3, 1, (d, n) -> { });
        assertThat(r.outcomes().stream().map(o -> Double.doubleToLongBits(o.estimate())).toList())
                .isEqualTo(SALTIRE_BITS);
    }

    /** saltire, 1 year, 3 members, seed 1: each outcome's estimate, recorded on main 675c1a92. */
    private static final List<Long> SALTIRE_BITS = List.of(4627955410723357127L);

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
