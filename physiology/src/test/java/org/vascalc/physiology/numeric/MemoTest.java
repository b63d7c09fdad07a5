package org.vascalc.physiology.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoTest {

    private static final double[] INPUTS = {1.7, 1.7, 0.0, -0.0, -0.0, Double.NaN, Double.NaN, 2.5, 1.7, -3.0,
            Double.POSITIVE_INFINITY, 1e-300, 1e-300};

    @Test
    void powMemoIsBitIdenticalToMathPowInAnyOrderOfInputs() {
        for (double exponent : new double[] {1.0, 0.0, 3.0, -0.5, 11.7387, 0.111241}) {
            PowMemo memo = new PowMemo(exponent);
            for (double x : INPUTS) {
                assertThat(Double.doubleToRawLongBits(memo.of(x)))
                        .as("pow(%s, %s)", x, exponent)
                        .isEqualTo(Double.doubleToRawLongBits(Math.pow(x, exponent)));
            }
        }
    }

    @Test
    void lastInputsHitsOnlyOnTheSameBitsOfEveryInput() {
        LastInputs memo = new LastInputs();
        assertThat(memo.same(0, 0, 0, 0)).as("empty").isFalse();
        assertThat(memo.remember(1, 2, 3, 4, 42)).isEqualTo(42);
        assertThat(memo.same(1, 2, 3, 4)).isTrue();
        assertThat(memo.value()).isEqualTo(42);
        assertThat(memo.same(1, 2, 3, 4.000000000000001)).isFalse();
        assertThat(memo.same(2, 2, 3, 4)).isFalse();
        memo.remember(0.0, Double.NaN, 0, 0, 7);
        assertThat(memo.same(-0.0, Double.NaN, 0, 0)).as("-0.0 is not 0.0").isFalse();
        assertThat(memo.same(0.0, Double.NaN, 0, 0)).isTrue();
        memo.forget();
        assertThat(memo.same(0.0, Double.NaN, 0, 0)).isFalse();
    }
}
