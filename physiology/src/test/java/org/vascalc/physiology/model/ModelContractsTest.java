package org.vascalc.physiology.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;

/**
 * The model package's contracts as their documentation states them: the layout puts each block's
 * variables in declaration order after the blocks before it and refuses what would make an id
 * ambiguous; a state variable and a linear transfer refuse what their records forbid; the drivers
 * copy every value; the blocks' default methods do what their documentation says.
 */
class ModelContractsTest {

    /** A block of the given id and variable names that adds {@code 1 + index} to each of its rows. */
    private static class Plain implements MilieuAffine {
        final String id;
        final List<StateVariable> vars;
        int offset = -1;
        final List<String> calls = new ArrayList<>();

        Plain(String id, String... names) {
            this.id = id;
            List<StateVariable> v = new ArrayList<>();
            for (String n : names) {
                v.add(new StateVariable(n.contains(".") ? n : id + "." + n, "mmol", 1e-9, TimeScale.SLOW, n));
            }
            this.vars = List.copyOf(v);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<StateVariable> variables() {
            return vars;
        }

        @Override
        public void bind(StateLayout layout) {
            offset = layout.offset(id);
        }

        @Override
        public void initialise(Patient patient, double[] y) {
        }

        @Override
        public void addRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
            calls.add("rates");
            for (int k = 0; k < vars.size(); k++) {
                dydt[offset + k] += 1 + k;
            }
        }

        @Override
        public int milieuSize() {
            return 1;
        }

        @Override
        public void milieu(double[] y, Drivers drivers, double[] out, int from) {
        }

        @Override
        public void addRatesGivenMilieu(double tHours, double[] y, Drivers drivers, double[] m, int from,
                                        double[] dydt) {
            calls.add("givenMilieu");
        }
    }

    @Test
    void theLayoutPlacesEachBlocksVariablesAfterTheBlocksBefore() {
        Plain a = new Plain("a", "x", "y");
        Plain b = new Plain("b", "p", "q", "r");
        StateLayout layout = new StateLayout(List.of(a, b));
        assertThat(layout.size()).isEqualTo(5);
        assertThat(layout.offset("a")).isZero();
        assertThat(layout.offset("b")).isEqualTo(2);
        assertThat(layout.index("a.x")).isZero();
        assertThat(layout.index("a.y")).isEqualTo(1);
        assertThat(layout.index("b.p")).isEqualTo(2);
        assertThat(layout.index("b.r")).isEqualTo(4);
        assertThat(layout.variable(3).id()).isEqualTo("b.q");
        assertThat(layout.variables()).extracting(StateVariable::id).containsExactly("a.x", "a.y", "b.p", "b.q", "b.r");
        assertThat(layout.has("b.q")).isTrue();
        assertThat(layout.has("b.z")).isFalse();
        assertThatThrownBy(() -> layout.index("b.z")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("b.z");
        assertThatThrownBy(() -> layout.offset("c")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("'c'");
    }

    @Test
    void theLayoutRefusesAmbiguousOrMisnamedVariables() {
        assertThatThrownBy(() -> new StateLayout(List.of(new Plain("a", "x"), new Plain("a", "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate block a");
        assertThatThrownBy(() -> new StateLayout(List.of(new Plain("a", "x", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate state variable a.x");
        assertThatThrownBy(() -> new StateLayout(List.of(new Plain("a", "b.x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("variable b.x must be named a.*");
        // the prefix is the block id and a dot, not the id alone
        assertThatThrownBy(() -> new StateLayout(List.of(new Plain("a", "ab.x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("variable ab.x must be named a.*");
    }

    @Test
    void theRememberedLayoutIsNotHandedToOtherBlocks() {
        Plain a = new Plain("a", "x");
        Plain b = new Plain("b", "x", "y");
        StateLayout first = StateLayout.of(List.of(a, b));
        assertThat(StateLayout.of(List.of(a, b))).isSameAs(first);
        // same lists, fewer blocks; same count, another id with the same list; another list
        assertThat(StateLayout.of(List.of(a)).size()).isEqualTo(1);
        StateLayout again = StateLayout.of(List.of(a, b));
        Plain renamed = new Plain("c", "x", "y") {
            @Override
            public List<StateVariable> variables() {
                return b.variables();
            }
        };
        assertThatThrownBy(() -> StateLayout.of(List.of(a, renamed))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variable b.x must be named c.*");
        assertThat(StateLayout.of(List.of(a, b))).isSameAs(again);
        Plain b2 = new Plain("b", "x", "y", "z");
        assertThat(StateLayout.of(List.of(a, b2)).size()).isEqualTo(4);
    }

    @Test
    void aStateVariableIsQualifiedAndHasAPositiveTolerance() {
        assertThatThrownBy(() -> new StateVariable("x", "mmol", 1e-9, TimeScale.FAST, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block.variable: x");
        assertThatThrownBy(() -> new StateVariable("a.x", "mmol", 0, TimeScale.FAST, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("absolute tolerance of a.x must be > 0");
        assertThatThrownBy(() -> new StateVariable("a.x", "mmol", Double.NaN, TimeScale.FAST, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new StateVariable("a.x", "mmol", Double.MIN_VALUE, TimeScale.FAST, "x").absoluteTolerance())
                .isEqualTo(Double.MIN_VALUE);
        assertThatThrownBy(() -> new StateVariable(null, "mmol", 1, TimeScale.FAST, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StateVariable("a.x", null, 1, TimeScale.FAST, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StateVariable("a.x", "mmol", 1, null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aLinearTransferHasAFiniteNonNegativeRate() {
        assertThat(new LinearTransfer("a.x", null, 0).ratePerHour()).isZero();
        assertThat(new LinearTransfer("a.x", "a.y", 2.5).to()).isEqualTo("a.y");
        for (double bad : new double[] {-1e-300, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new LinearTransfer("a.x", "a.y", bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rate of the transfer from a.x must be finite and >= 0 1/h, was " + bad);
        }
        assertThatThrownBy(() -> new LinearTransfer(null, "a.y", 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void driversCopyEveryValue() {
        Drivers d = new Drivers();
        assertThat(d.egfrMlPerMin()).isEqualTo(95);
        assertThat(d.ageYears()).isEqualTo(60);
        assertThat(d.dialysateCalciumMmolL()).isNaN();
        assertThat(d.residualGfrMlPerMin()).isNaN();
        assertThat(d.diabetes()).isFalse();
        assertThat(d.haemodialysis()).isFalse();
        assertThat(d.statinIntensity()).isZero();
        d.setEgfrMlPerMin(12);
        d.setStatinIntensity(0.6);
        d.setNonHdlLowering(0.1);
        d.setHaemodialysis(true);
        d.setDialysateCalciumMmolL(1.5);
        d.setResidualGfrMlPerMin(3);
        d.setDiabetes(true);
        d.setAgeYears(71);
        d.setDietCalciumMmolPerHour(0.7);
        d.setDietPhosphateMmolPerHour(1.3);
        Drivers c = new Drivers();
        c.copyFrom(d);
        assertThat(new double[] {c.egfrMlPerMin(), c.statinIntensity(), c.nonHdlLowering(), c.dialysateCalciumMmolL(),
                c.residualGfrMlPerMin(), c.ageYears(), c.dietCalciumMmolPerHour(), c.dietPhosphateMmolPerHour()})
                .containsExactly(12, 0.6, 0.1, 1.5, 3, 71, 0.7, 1.3);
        assertThat(c.haemodialysis()).isTrue();
        assertThat(c.diabetes()).isTrue();
    }

    @Test
    void intakeKindsCarryTheirUnits() {
        for (Intake.Kind k : Intake.Kind.values()) {
            String expected = switch (k) {
                case VITAMIN_K1, VITAMIN_MK4, VITAMIN_MK7 -> "nmol";
                case WARFARIN -> "mg";
                default -> "mmol";
            };
            assertThat(k.unit()).as(k.name()).isEqualTo(expected);
        }
    }

    @Test
    void aDerivedOutputOfAFormulaReportsItsNamesAndValue() {
        DerivedOutput o = DerivedOutput.of("sum", "mmol", "y0 + t", (t, y, d) -> y[0] + t + d.ageYears());
        assertThat(o.id()).isEqualTo("sum");
        assertThat(o.unit()).isEqualTo("mmol");
        assertThat(o.description()).isEqualTo("y0 + t");
        assertThat(o.value(2, new double[] {3}, new Drivers())).isEqualTo(65);
    }

    @Test
    void theDefaultMethodsDoWhatTheySay() {
        Plain a = new Plain("a", "x", "y");
        a.bind(new StateLayout(List.of(a)));
        Drivers d = new Drivers();
        double[] slow = new double[2];
        a.addSlowRates(0, new double[2], d, slow);
        double[] fast = new double[2];
        a.addFastRates(0, new double[2], d, fast);
        assertThat(slow).containsExactly(1, 2);
        assertThat(fast).containsExactly(1, 2);
        assertThat(a.outputs()).isEmpty();
        assertThat(a.linearTransfers()).isEmpty();
        assertThat(a.periodMeanStates()).isEmpty();
        double[] y = {4, 5};
        a.afterStabilisation(y);
        a.holdPeriodMeans(0, y, true);
        a.applyIntake(new Intake(Intake.Kind.CALCIUM_FOOD, 10), y);
        assertThat(y).containsExactly(4, 5);

        a.calls.clear();
        a.addOtherRowsGivenMilieu(0, y, d, new double[1], 0, new double[2]);
        assertThat(a.calls).containsExactly("givenMilieu");
        assertThat(a.otherRowsRead(0)).isTrue();
        assertThat(a.ownDiagonalGroups()).isEmpty();
    }
}
