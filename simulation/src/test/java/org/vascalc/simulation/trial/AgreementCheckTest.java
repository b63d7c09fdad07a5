package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.trial.TrialSpec.Measure;

/**
 * {@code trial --check-agreement} (audit, issue 2): a trial of two members checks one of them in reference mode;
 * its numbers are those of that member's own fast and reference runs made here, apart from the check, and the
 * trial's own result is the same with the check as without it.
 */
class AgreementCheckTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();
    private static final double YEARS = 0.1;

    private static TrialSpec spec() {
        TrialSpec.Published p = new TrialSpec.Published(OptionalDouble.of(0), OptionalDouble.of(-10),
                OptionalDouble.of(10), "test");
        TrialSpec.Arm control = new TrialSpec.Arm("placebo", "nothing", List.of());
        TrialSpec.Arm mk7 = new TrialSpec.Arm("mk7", "MK-7 with breakfast",
                List.of(new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 360, Schedule.daily(8))));
        List<TrialSpec.Outcome> outcomes = List.of(
                new TrialSpec.Outcome("dp-ucMGP change", "dpUcMgp", "pmol/L", Measure.CHANGE_DIFFERENCE, Double.NaN,
                        "mk7", p),
                new TrialSpec.Outcome("serum phosphate change", "serumPhosphate", "mmol/L", Measure.CHANGE_DIFFERENCE,
                        Double.NaN, "mk7", p));
        return new TrialSpec("tiny", "a tiny trial", "Houslay2006", "two arms", Population.MESA,
                TrialSpec.Inclusion.everyone(), List.of(), YEARS, List.of(control, mk7), outcomes, "test");
    }

    @Test
    void theCheckOfOneMemberIsThatMembersOwnFastAndReferenceRunsAndLeavesTheTrialAsItWas() {
        TrialSpec spec = spec();
        EngineSimulatorFactory factory = new EngineSimulatorFactory();
        TrialResult plain = new TrialRunner(factory, CATALOG, 2).run(spec, 2, 3, (d, n) -> { });
        int[] last = new int[2];
        TrialResult checked = new TrialRunner(factory, CATALOG, 2).keepingMembers().checkingAgreement(1)
                .run(spec, 2, 3, (d, n) -> {
                    synchronized (last) {
                        last[0] = Math.max(last[0], d);
                        last[1] = n;
                    }
                });
        // the trial's own numbers do not move
        assertThat(checked.outcomes()).isEqualTo(plain.outcomes());
        assertThat(plain.agreement()).isEmpty();
        // the progress counts the reference runs: 2 members x 2 arms, then 1 member x 2 arms
        assertThat(last).containsExactly(6, 6);

        AgreementCheck c = checked.agreement().orElseThrow();
        assertThat(c.ran()).as(c.failure()).isTrue();
        assertThat(c.members()).hasSize(1);
        int at = c.members().get(0);
        VirtualPerson who = checked.memberRuns().orElseThrow().run(0, at).person();
        assertThat(c.ids()).containsExactly(who.patient().id());

        // that member's runs made here, in both modes, outside the check
        List<String> outputs = TrialRunner.outputs(spec);
        // the member's own factors in the catalog, as every run of theirs has them
        Simulator sim = factory.create(CATALOG.with(who.individualParameters()));
        double worst = 0;
        double[][] change = new double[2][2]; // [mode][arm]: output 0's change, baseline to end
        double[][] phosphate = new double[2][2];
        for (int a = 0; a < 2; a++) {
            Scenario2 runs = Scenario2.of(sim, spec, spec.arms().get(a), who, outputs);
            for (String id : List.of("dpUcMgp", "serumPhosphate")) {
                int k = outputs.indexOf(id);
                worst = Math.max(worst, Math.max(
                        Math.abs(runs.fast.first()[k] - runs.reference.first()[k]) / Math.abs(runs.reference.first()[k]),
                        Math.abs(runs.fast.last()[k] - runs.reference.last()[k]) / Math.abs(runs.reference.last()[k])));
            }
            int mgp = outputs.indexOf("dpUcMgp");
            int po4 = outputs.indexOf("serumPhosphate");
            change[0][a] = runs.fast.last()[mgp] - runs.fast.first()[mgp];
            change[1][a] = runs.reference.last()[mgp] - runs.reference.first()[mgp];
            phosphate[0][a] = runs.fast.last()[po4] - runs.fast.first()[po4];
            phosphate[1][a] = runs.reference.last()[po4] - runs.reference.first()[po4];
        }
        // the modes differ (a check of nothing would pass anything), and the check says by exactly this much
        assertThat(worst).isPositive();
        assertThat(c.worst()).isEqualTo(worst);
        assertThat(c.worstAt()).contains("member " + at + " (" + who.patient().id() + ")");
        AgreementCheck.Effect mgp = c.effects().get(0);
        assertThat(mgp.fast()).isEqualTo(change[0][1] - change[0][0]);
        assertThat(mgp.reference()).isEqualTo(change[1][1] - change[1][0]);
        assertThat(mgp.halfWidth()).isEqualTo((plain.outcomes().get(0).high() - plain.outcomes().get(0).low()) / 2);
        AgreementCheck.Effect po4 = c.effects().get(1);
        assertThat(po4.fast()).isEqualTo(phosphate[0][1] - phosphate[0][0]);
        assertThat(po4.reference()).isEqualTo(phosphate[1][1] - phosphate[1][0]);
        assertThat(po4.ofHalfWidth()).isEqualTo(Math.abs(po4.reference() - po4.fast()) / po4.halfWidth());
    }

    /** One member's run in one arm in both modes, read as the trial reads it. */
    private record Scenario2(MemberRun fast, MemberRun reference) {
        static Scenario2 of(Simulator sim, TrialSpec spec, TrialSpec.Arm arm, VirtualPerson p, List<String> outputs) {
            var scenario = TrialRunner.scenario(spec, arm, p, YEARS, outputs);
            SimulationResult f = sim.run(scenario, Mode.FAST, ProgressListener.NONE);
            SimulationResult r = sim.run(scenario, Mode.REFERENCE, ProgressListener.NONE);
            return new Scenario2(MemberRun.of(p, f, outputs), MemberRun.of(p, r, outputs));
        }
    }

    @Test
    void theCheckedMembersAreDistinctSortedAndTheSameForTheSameSeed() {
        List<Integer> five = AgreementCheck.choose(200, 5, 1);
        assertThat(five).hasSize(5).isSorted().allMatch(i -> i >= 0 && i < 200);
        assertThat(new HashSet<>(five)).hasSize(5);
        assertThat(AgreementCheck.choose(200, 5, 1)).isEqualTo(five);
        assertThat(AgreementCheck.choose(200, 5, 2)).isNotEqualTo(five);
        assertThat(AgreementCheck.choose(3, 3, 7)).containsExactly(0, 1, 2);
        assertThatThrownBy(() -> AgreementCheck.choose(3, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrialRunner(new EngineSimulatorFactory(), CATALOG, 1).checkingAgreement(0))
                .hasMessageContaining("1 to 50");
        assertThatThrownBy(() -> new TrialRunner(new EngineSimulatorFactory(), CATALOG, 1).checkingAgreement(51))
                .hasMessageContaining("1 to 50");
    }

    @Test
    void aRelativeDifferenceIsOnTheReferenceWithAFloorForZero() {
        assertThat(AgreementCheck.relativeDifference(1.01, 1.0)).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(AgreementCheck.relativeDifference(0, 0)).isZero();
        assertThat(AgreementCheck.relativeDifference(1e-7, 0)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        AgreementCheck over = new AgreementCheck(List.of(0), List.of("a"), 0.0125, "x", List.of(), "", 1);
        AgreementCheck under = new AgreementCheck(List.of(0), List.of("a"), 0.0099, "x", List.of(), "", 1);
        assertThat(over.exceedsLimit()).isTrue();
        assertThat(under.exceedsLimit()).isFalse();
        assertThat(AgreementCheck.failed(List.of(0), List.of("a"), "no", 1).exceedsLimit()).isFalse();
    }
}
