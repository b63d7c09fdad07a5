package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;

/**
 * The habitual meals from the catalog: its four shares (0.24, 0.22, 0.21, 0.31: NHANES recalls, which
 * sum to 0.98) normalised to sum to one, so the day's habitual calcium is delivered in full; the hours
 * as given; the record compared by value.
 */
class HabitualMealsTest {

    private static final ParameterCatalog C = MineralBlock.defaultParameters();

    @Test
    void catalogSharesAreNormalisedToTheWholeDay() {
        HabitualMeals meals = HabitualMeals.from(C);
        assertThat(meals.size()).isEqualTo(4);
        assertThat(meals.share(0)).isCloseTo(0.24 / 0.98, within(1e-15));
        assertThat(meals.share(3)).isCloseTo(0.31 / 0.98, within(1e-15));
        double sum = 0;
        for (double s : meals.shares()) {
            sum += s;
        }
        assertThat(sum).isCloseTo(1, within(1e-15));
        assertThat(meals.hours()).containsExactly(8, 13, 16, 19);
        assertThat(meals.hour(2)).isEqualTo(16);
    }

    @Test
    void comparedByValueAndRefusingMalformedDays() {
        HabitualMeals a = new HabitualMeals(new double[] {8, 19}, new double[] {0.4, 0.6});
        HabitualMeals b = new HabitualMeals(new double[] {8, 19}, new double[] {0.4, 0.6});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new HabitualMeals(new double[] {8, 19}, new double[] {0.5, 0.5}));
        assertThat(a).isNotEqualTo(new HabitualMeals(new double[] {9, 19}, new double[] {0.4, 0.6}));
        assertThat(a.toString()).isEqualTo("HabitualMeals[8.0, 19.0][0.4, 0.6]");
        assertThatThrownBy(() -> new HabitualMeals(new double[] {8, 8}, new double[] {0.5, 0.5}))
                .hasMessageContaining("must ascend");
        assertThatThrownBy(() -> new HabitualMeals(new double[] {8}, new double[] {0.5, 0.5}))
                .hasMessageContaining("one share per hour");
    }
}
