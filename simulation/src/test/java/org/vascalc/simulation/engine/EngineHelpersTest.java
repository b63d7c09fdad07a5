package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The engine's small helpers worked by hand: the SLOW step-size controller's formulas (safety 0.9,
 * error to the power 1 / order, the shrink and growth limits), the index-set operations, and the fast
 * mode's settings (the quadrature samples' rule, each {@code with*} changing its own field only).
 */
class EngineHelpersTest {

    @Test
    void aRejectedStepShrinksByTheControllersFactorBetweenAFifthAndAHalf() {
        // error 8: cube root 2 (third order) gives 0.9 / 2 = 0.45, square root 2.83 gives 0.318
        assertThat(SlowStepControl.rejectedStepPeriods(50, 8, true)).isEqualTo(22); // 22.5
        assertThat(SlowStepControl.rejectedStepPeriods(50, 8, false)).isEqualTo(15); // 15.9
        // a tiny excess: at most half the step; a huge one: at least a fifth
        assertThat(SlowStepControl.rejectedStepPeriods(51, 1.1, true)).isEqualTo(25); // 25.5
        assertThat(SlowStepControl.rejectedStepPeriods(51, 1e6, true)).isEqualTo(10); // 10.2
        // never below one period
        assertThat(SlowStepControl.rejectedStepPeriods(3, 1e6, true)).isEqualTo(1);
        assertThat(SlowStepControl.errorRoot(8, true)).isEqualTo(2);
        assertThat(SlowStepControl.errorRoot(16, false)).isEqualTo(4);
    }

    @Test
    void anAcceptedStepGrowsByTheControllersFactorAtMostTwofoldOverTheLargerOfTakenAndPlanned() {
        // error 0.5: 10 x 0.9 / 0.794 = 11.3 (third order), 10 x 0.9 / 0.707 = 12.7 (second)
        assertThat(SlowStepControl.nextStepPeriods(10, 10, 128, 0.5, true)).isEqualTo(11);
        assertThat(SlowStepControl.nextStepPeriods(10, 10, 128, 0.5, false)).isEqualTo(12);
        // a small error: growth capped at twice the step; no error at all: the same cap
        assertThat(SlowStepControl.nextStepPeriods(10, 10, 128, 1e-3, true)).isEqualTo(20);
        assertThat(SlowStepControl.nextStepPeriods(10, 10, 128, 0, true)).isEqualTo(20);
        // a step cut short of the 50 planned: the cap is the plan (or twice the step taken, if larger)
        assertThat(SlowStepControl.nextStepPeriods(10, 50, 128, 1e-3, true)).isEqualTo(50);
        assertThat(SlowStepControl.nextStepPeriods(10, 15, 128, 1e-3, true)).isEqualTo(20);
        assertThat(SlowStepControl.nextStepPeriods(10, 50, 128, 0.5, true)).isEqualTo(11);
        // the largest step, and at least one period
        assertThat(SlowStepControl.nextStepPeriods(10, 10, 16, 0, true)).isEqualTo(16);
        assertThat(SlowStepControl.nextStepPeriods(1, 1, 128, 1e6, true)).isEqualTo(1);
    }

    @Test
    void indexSetsKeepTheirOrder() {
        assertThat(IntArrays.filter(new int[] {5, 2, 8, 3}, v -> v > 2)).containsExactly(5, 8, 3);
        assertThat(IntArrays.filter(new int[] {5, 2}, v -> true)).containsExactly(5, 2);
        assertThat(IntArrays.range(6, j -> j % 2 == 1)).containsExactly(1, 3, 5);
        assertThat(IntArrays.range(3, j -> false)).isEmpty();
        assertThat(IntArrays.map(new int[] {1, 2, 3}, v -> 10 * v)).containsExactly(10, 20, 30);
        assertThat(IntArrays.contains(new int[] {4, 7}, 7)).isTrue();
        assertThat(IntArrays.contains(new int[] {4, 7}, 5)).isFalse();
        assertThat(IntArrays.ascending(new boolean[] {false, true, true, false, true})).containsExactly(1, 2, 4);
        assertThat(IntArrays.ascending(new boolean[3])).isEmpty();
    }

    @Test
    void sortedDistinctIsWhatATreeSetOfTheFirstValuesGives() {
        // Double.compare tells -0.0 from 0.0, as a TreeSet<Double> does
        assertThat(IntArrays.sortedDistinct(new double[] {3, 1, 3, 0.0, -0.0, 2, 1}, 7))
                .containsExactly(-0.0, 0.0, 1, 2, 3);
        assertThat(IntArrays.sortedDistinct(new double[] {5, 4, 5, 1}, 3)).containsExactly(4, 5);
        assertThat(IntArrays.sortedDistinct(new double[] {7}, 0)).isEmpty();
    }

    @Test
    void theQuadratureSamplesMustDivideTheOrbitSamples() {
        FastSettings twelve = new FastSettings(128, 12, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, true, false);
        assertThat(twelve.quadratureSamples()).isEqualTo(FastSettings.QUADRATURE_SAMPLES);
        assertThat(new FastSettings(128, 9, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, true, false).quadratureSamples())
                .as("all samples where six do not divide them").isEqualTo(9);
        assertThat(twelve.withQuadratureSamples(12).quadratureSamples()).isEqualTo(12);
        assertThat(twelve.withQuadratureSamples(1).quadratureSamples()).isEqualTo(1);
        assertThatThrownBy(() -> twelve.withQuadratureSamples(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quadrature samples 5 must divide the orbit samples 12");
        assertThatThrownBy(() -> twelve.withQuadratureSamples(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(twelve.frozenMilieu()).isTrue();
        assertThat(twelve.affineOwnStep()).isTrue();
        assertThat(twelve.closedFormVitaminK()).isTrue();
        assertThat(twelve.reuseRules()).isTrue();
    }

    @Test
    void eachWithChangesItsOwnFieldOnly() {
        FastSettings s = new FastSettings(64, 12, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, true, false, true, 6, true, true, true);
        assertThat(s.withFrozenMilieu(false)).isEqualTo(
                new FastSettings(64, 12, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, true, false, false, 6, true, true, true));
        assertThat(s.withStageQuadrature(false)).isEqualTo(
                new FastSettings(64, 12, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, false, false, true, 6, true, true, true));
        assertThat(s.withExactLinearPart(true)).isEqualTo(
                new FastSettings(64, 12, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, true, true, true, 6, true, true, true));
        assertThat(s.withIntegrationRelativeTolerance(1e-5)).isEqualTo(
                new FastSettings(64, 12, 60, 1e-4, 0.1, 100, 1e-5, 3e-3, true, false, true, 6, true, true, true));
        assertThat(s.withQuadratureSamples(4)).isEqualTo(
                new FastSettings(64, 12, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, true, false, true, 4, true, true, true));
        assertThat(s.withAffineOwnStep(false)).isEqualTo(
                new FastSettings(64, 12, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, true, false, true, 6, false, true, true));
        assertThat(s.withClosedFormVitaminK(false)).isEqualTo(
                new FastSettings(64, 12, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, true, false, true, 6, true, false, true));
        assertThat(s.withReuseRules(false)).isEqualTo(
                new FastSettings(64, 12, 60, 1e-4, 0.1, 100, 2e-3, 3e-3, true, false, true, 6, true, true, false));
    }
}
