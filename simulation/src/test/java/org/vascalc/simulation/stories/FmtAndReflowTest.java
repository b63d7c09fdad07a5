package org.vascalc.simulation.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtAndReflowTest {

    @Test
    void numbersHaveFixedLocaleFreeFormats() {
        assertThat(Fmt.num(1035.4)).isEqualTo("1035");
        assertThat(Fmt.num(4.1495)).isEqualTo("4.15");
        assertThat(Fmt.num(0.08800001)).isEqualTo("0.0880");
        assertThat(Fmt.num(-0.0042)).isEqualTo("\u22120.00420");
        assertThat(Fmt.num4(139.24)).isEqualTo("139.2");
        assertThat(Fmt.range(0.83607, 0.83611)).isEqualTo("0.836");
        assertThat(Fmt.range(201, 972)).isEqualTo("201 → 972");
        assertThat(Fmt.change(1.2, 1)).isEqualTo("+20 %");
        assertThat(Fmt.change(0.996, 1)).isEqualTo("\u22120.4 %");
        assertThat(Fmt.relative(1.084, 1)).isEqualTo("8.4 % above");
        assertThat(Fmt.relative(0.97, 1)).isEqualTo("3.0 % below");
        assertThat(Fmt.times(1.754)).isEqualTo("1.75×");
        assertThat(Fmt.years(2191 / 365.25)).isEqualTo("6");
        assertThat(Fmt.years(6.7)).isEqualTo("6.7");
        assertThat(Fmt.param(0.93)).isEqualTo("0.93");
        assertThat(Fmt.mgPerDay(999)).isEqualTo("1000");
    }

    @Test
    void curvesTellWhetherAndWhenTheyFall() {
        Curve k = new Curve(new double[] {0, 1, 2, 3}, new double[] {1, 2, 1.5, 3});
        assertThat(k.fallsAfter(0)).isTrue();
        assertThat(k.fallsAfter(2)).isFalse();
        assertThat(k.at(1.5)).isEqualTo(2);
        assertThat(k.growthFrom(1)).isEqualTo(1);
        assertThat(k.min()).isEqualTo(1);
        assertThat(k.max()).isEqualTo(3);
    }

    @Test
    void proseIsWrappedButTablesCodeAndListMarkersAreKept() {
        String md = "# Title\n\nalpha beta gamma\ndelta 1. epsilon\n\n| a | b |\n|---|---|\n\n```bash\nx y z\n```\n"
                + "- one two three four\n  five\n";
        String wrapped = Reflow.wrap(md, 12);
        assertThat(wrapped).isEqualTo("# Title\n\nalpha beta\ngamma delta 1.\nepsilon\n\n| a | b |\n|---|---|\n\n"
                + "```bash\nx y z\n```\n- one two\n  three four\n  five\n");
    }
}
