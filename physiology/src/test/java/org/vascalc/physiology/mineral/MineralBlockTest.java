package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.StateLayout;

class MineralBlockTest {

    private static Patient adult(double egfr) {
        return new Patient("p", 60, Sex.FEMALE, 70, 165, egfr, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), RiskFactors.typical());
    }

    /** The habitual calcium comes as meals (the engine's timeline), so the continuous calcium input is 0. */
    private static Drivers habitualDiet(double egfr) {
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(egfr);
        d.setDietCalciumMmolPerHour(0);
        d.setDietPhosphateMmolPerHour(MineralBlock.defaultParameters().value("po4HabitualIntake") / 24);
        return d;
    }

    /**
     * The gut is on its daily meal orbit at clock hour 0, and extracellular calcium follows its
     * absorption within the day, and gut phosphate follows the calcium leaving the chain, which binds it
     * (its daily mean is the derived one); every other state starts at rest (the constants are derived
     * from it).
     */
    static boolean movesWithinTheDay(String id) {
        return id.endsWith("Cum") || id.startsWith("mineral.caGut") || id.equals("mineral.caMeal")
                || id.equals("mineral.caChyme") || id.equals(MineralBlock.CA_ECF) || id.equals("mineral.po4Gut");
    }

    @Test
    void theReferenceAdultIsAtRestOutsideTheDailyGutOrbit() {
        MineralBlock b = new MineralBlock(MineralBlock.defaultParameters());
        StateLayout layout = boundTogether(b);
        double[] y = new double[layout.size()];
        b.initialise(adult(100), y);
        double[] dydt = rates(b, y, habitualDiet(100));
        for (int i = 0; i < y.length; i++) {
            if (movesWithinTheDay(layout.variable(i).id())) {
                continue; // cumulative counters grow by design; the gut follows the meals
            }
            // Relative 1e-9 of the value per hour: round-off only (the constants are derived from this state).
            assertThat(dydt[i]).as(layout.variable(i).id()).isCloseTo(0, within(1e-9 * (1 + Math.abs(y[i]))));
        }
        assertThat(y[layout.index(MineralBlock.CA_ECF)] / b.ecfVolume()).isCloseTo(2.35, within(1e-12));
    }

    /**
     * A baseline that cannot be a steady state (a habitual intake of 60 mmol/d, the sensitivity
     * analysis's high end) names its computed numbers to four significant digits with their units, as
     * a person reads them: "absorbs 0.2889 mmol/h", not "0.2889448017865158 mmol/h".
     */
    @Test
    void aBaselineThatCannotBeASteadyStateNamesItsNumbersRounded() {
        MineralBlock b = new MineralBlock(MineralBlock.defaultParameters().with(Map.of("caHabitualIntake", 60.0)));
        double[] y = new double[boundTogether(b).size()];
        assertThatThrownBy(() -> b.initialise(adult(100), y))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .containsPattern("absorbs [0-9.]+ mmol/h of the habitual diet \\(paracellular alone absorbs [0-9.]+ mmol/h\\)")
                .satisfies(m -> assertThat(Pattern.compile("\\d+\\.\\d+").matcher(m).results().map(MatchResult::group))
                        .isNotEmpty()
                        .allSatisfy(n -> assertThat(n.replace(".", "").replaceFirst("^0+", "")).as(n).hasSizeLessThanOrEqualTo(4)));
    }

    /**
     * On haemodialysis calcium leaves the ECF for the dialysis fluid, or enters from it, at
     * D·(u·Ca − Cd) + Quf·u·Ca, booked with urine in caUrineCum (so the cumulative exits still close
     * the balance); off dialysis there is none. The per-session transfer it implies is Karohl 2010's
     * (the source of D: −11.7 / +1.1 / +10.1 mmol per session at 1.25 / 1.5 / 1.75 mmol/L, SDs
     * 14 / 10 / 10 mmol), at a serum calcium of 2.3 mmol/L.
     */
    @Test
    void haemodialysisExchangesCalciumWithTheDialysisFluidAlongTheGradientAndBooksIt() {
        MineralBlock b = new MineralBlock(MineralBlock.defaultParameters());
        StateLayout layout = boundTogether(b);
        double[] y = new double[layout.size()];
        b.initialise(adult(100), y);
        int ca = layout.index(MineralBlock.CA_ECF);
        int urine = layout.index("mineral.caUrineCum");
        y[ca] = 2.3 * b.ecfVolume();
        Drivers off = habitualDiet(7);
        double[] rOff = rates(b, y, off);
        double[] perSession = new double[3];
        double[] dialysate = {1.25, 1.5, 1.75};
        for (int k = 0; k < dialysate.length; k++) {
            Drivers on = habitualDiet(7);
            on.setHaemodialysis(true);
            on.setDialysateCalciumMmolL(dialysate[k]);
            double[] rOn = rates(b, y, on);
            // on dialysis the kidneys excrete at the residual GFR, not at eGFR 7: that change is not the dialyser's
            double kidneyChange = (urinaryCalcium(b, y, on) - urinaryCalcium(b, y, off)) / 24;
            double removed = rOff[ca] - rOn[ca] - kidneyChange;
            assertThat(rOn[urine] - rOff[urine] - kidneyChange).as("booked as an exit").isCloseTo(removed, within(1e-12));
            assertThat(b.dialysedCalcium(2.3, on)).isCloseTo(removed, within(1e-12));
            perSession[k] = -removed * 168 / 3; // mmol gained per session, thrice weekly
        }
        assertThat(perSession[0]).isCloseTo(-11.7, within(5.0));
        assertThat(perSession[1]).isCloseTo(1.1, within(5.0));
        assertThat(perSession[2]).isCloseTo(10.1, within(5.0));
        // NaN: the catalog default (haemodialysisDialysateCalcium)
        Drivers byDefault = habitualDiet(7);
        byDefault.setHaemodialysis(true);
        Drivers explicit = habitualDiet(7);
        explicit.setHaemodialysis(true);
        explicit.setDialysateCalciumMmolL(MineralBlock.defaultParameters().value("haemodialysisDialysateCalcium"));
        assertThat(b.dialysedCalcium(2.3, byDefault)).isEqualTo(b.dialysedCalcium(2.3, explicit));
        assertThat(b.dialysedCalcium(2.3, off)).isZero();
    }

    private static double urinaryCalcium(MineralBlock b, double[] y, Drivers d) {
        return output(b, "urinaryCalcium", y, d);
    }

    /** The value of the block's output {@code id} at time 0. */
    private static double output(MineralBlock b, String id, double[] y, Drivers d) {
        return b.outputs().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow().value(0, y, d);
    }

    /**
     * One layout of the first block's states with every block bound to it: blocks built from
     * catalogs that differ in a switch share the states, so one state vector serves them all.
     */
    private static StateLayout boundTogether(MineralBlock first, MineralBlock... others) {
        StateLayout layout = new StateLayout(List.of(first));
        first.bind(layout);
        for (MineralBlock other : others) {
            other.bind(layout);
        }
        return layout;
    }

    /** The block's rates of change at time 0 in a fresh array. */
    private static double[] rates(MineralBlock b, double[] y, Drivers d) {
        double[] dydt = new double[y.length];
        b.addRates(0, y, d, dydt);
        return dydt;
    }

    /**
     * The residual kidneys of a dialysis patient filter at the residual GFR (not at the eGFR driver's 7)
     * and each nephron excretes the reference kidney's fraction of its filtered calcium: 24-h urinary
     * calcium is proportional to the residual GFR, 0 when anuric, and at the prevalent-patient GFR
     * (0.7 mL/min, {@code haemodialysisResidualGfr}) and the Frequent Hemodialysis Network's non-anuric
     * nocturnal patients (3.5 mL/min) it stays below 0.7 mmol/d, the median of urinary plus peritoneal
     * calcium losses in incident peritoneal dialysis (Davenport 2023, abstract). The residual kidney is
     * used when the condition gives a residual GFR, or for every dialysis patient when the catalog
     * switches it on ({@code haemodialysisResidualKidney} 1); by default (0) a dialysis patient without
     * one keeps the former kidney, P&amp;R's fixed offset at eGFR 7: about 3.6 mmol/d, which fails the
     * residual kidney's bounds.
     */
    @Test
    void theResidualKidneyOnDialysisExcretesLittleCalciumInProportionToItsFiltration() {
        ParameterCatalog catalog = MineralBlock.defaultParameters();
        MineralBlock b = new MineralBlock(catalog);
        MineralBlock forAll = new MineralBlock(catalog.with(Map.of("haemodialysisResidualKidney", 1.0)));
        StateLayout layout = boundTogether(b, forAll);
        double[] y = new double[layout.size()];
        b.initialise(adult(7), y);
        forAll.initialise(adult(7), new double[layout.size()]);
        // a dialysis patient's calcitriol (low: P&R's calcitriol term raises the fraction excreted)
        y[layout.index("mineral.calcitriol")] *= 0.3;
        Drivers noResidualGfr = habitualDiet(7);
        noResidualGfr.setHaemodialysis(true);
        double switchedOn = urinaryCalcium(forAll, y, noResidualGfr);
        assertThat(switchedOn).as("24-h urinary calcium at the catalog's residual GFR, mmol/d").isBetween(0.005, 0.7);
        assertThat(urinaryCalcium(b, y, noResidualGfr)).as("default: the former eGFR-7 kidney, mmol/d")
                .isGreaterThan(3);
        double[] gfrs = {0, 0.7, 1.4, 3.5};
        double[] urine = new double[gfrs.length];
        for (int k = 0; k < gfrs.length; k++) {
            Drivers d = habitualDiet(7);
            d.setHaemodialysis(true);
            d.setResidualGfrMlPerMin(gfrs[k]);
            urine[k] = urinaryCalcium(b, y, d);
            assertThat(urinaryCalcium(forAll, y, d)).as("the condition's GFR, switch on or off").isEqualTo(urine[k]);
        }
        assertThat(urine[0]).as("anuric").isZero();
        assertThat(urine[1]).as("the condition's 0.7 = the catalog's residual GFR").isEqualTo(switchedOn);
        assertThat(urine[2] / urine[1]).as("proportional to the filtration").isCloseTo(2, within(1e-9));
        assertThat(urine[3]).as("non-anuric nocturnal FHN patient, mmol/d").isLessThan(0.7);
        // off dialysis eGFR 7 keeps P&R's kidney (CKD G5 without dialysis is unchanged)
        assertThat(urinaryCalcium(forAll, y, habitualDiet(7))).as("eGFR 7 off dialysis, mmol/d").isGreaterThan(3);
    }

    /**
     * With {@code gutTranscellularCalcitriolHill} 1 the transcellular capacity follows Peterson &amp; Riggs'
     * Hill law in R (T80 = 4, T81 = 0.75), normalised to 1 at R = 0.5: at the baseline the gut absorbs
     * exactly as before (so the derived Vmax and every healthy baseline are unchanged), and at the R that
     * a dialysis patient's calcitriol holds (36 pmol/L, Armas 2013's haemodialysis patients) the
     * transcellular route keeps about a fifth of its capacity instead of R/0.5's 64 %: the meal load is
     * then absorbed mostly by the paracellular 12 % (Armas 2013: 12 %, IQR 7-17 %, unchanged by calcitriol
     * 36 → 49 pmol/L). Off (the default) it is R/0.5.
     */
    @Test
    void atDialysisCalcitriolTheHillLawLeavesLittleTranscellularAbsorptionWhenSwitchedOn() {
        ParameterCatalog c = MineralBlock.defaultParameters();
        MineralBlock linear = new MineralBlock(c);
        MineralBlock hill = new MineralBlock(c.with(Map.of("gutTranscellularCalcitriolHill", 1.0)));
        StateLayout layout = boundTogether(linear, hill);
        double[] y = new double[layout.size()];
        linear.initialise(adult(100), y);
        double[] yHill = new double[layout.size()];
        hill.initialise(adult(100), yHill);
        assertThat(yHill).as("the same baseline (derived Vmax, gut orbit)").isEqualTo(y);
        Drivers d = habitualDiet(100);
        // a lumen load in every compartment (the transcellular route's share depends on it only through Km)
        for (int k = 1; k <= 7; k++) {
            String id = k == 1 ? "mineral.caGut" : "mineral.caGut" + k;
            y[layout.index(id)] = 0.5;
        }
        int r = layout.index("mineral.absorptionCapacity");
        y[r] = 0.5;
        double linearBase = absorbed(linear, y, d);
        assertThat(absorbed(hill, y, d)).as("R = 0.5: the same absorption").isCloseTo(linearBase, within(1e-12 * linearBase));
        y[r] = 0;
        double paracellular = absorbed(linear, y, d);
        // R's steady state at calcitriol 36 pmol/L (P&R's T33, T34, T35): 0.32
        double t33 = c.value("absorptionCapacityUp"), t34 = c.value("absorptionCapacityDown");
        double f = 36 / (c.value("absorptionCapacityCtriol50") + 36);
        y[r] = (t33 + (t34 - t33) * f) / (t33 + t34);
        assertThat(y[r]).isCloseTo(0.318, within(0.001));
        double linearShare = (absorbed(linear, y, d) - paracellular) / (linearBase - paracellular);
        double hillShare = (absorbed(hill, y, d) - paracellular) / (linearBase - paracellular);
        assertThat(linearShare).as("R/0.5 at 36 pmol/L").isCloseTo(0.636, within(0.001));
        assertThat(hillShare).as("the Hill law at 36 pmol/L").isBetween(0.15, 0.25);
        assertThat(absorbed(hill, y, d)).isLessThan(absorbed(linear, y, d));
    }

    private static double absorbed(MineralBlock b, double[] y, Drivers d) {
        return output(b, "absorbedCalcium", y, d);
    }

    @Test
    void measuredLabsSetTheBaseline() {
        MineralBlock b = new MineralBlock(MineralBlock.defaultParameters());
        StateLayout layout = boundTogether(b);
        double[] y = new double[layout.size()];
        Patient p = new Patient("labs", 70, Sex.MALE, 80, 175, 45, OptionalDouble.of(2.25), OptionalDouble.of(1.35),
                OptionalDouble.of(70), RiskFactors.typical());
        b.initialise(p, y);
        double[] dydt = rates(b, y, habitualDiet(45));
        assertThat(y[layout.index(MineralBlock.CA_ECF)] / b.ecfVolume()).isCloseTo(2.25, within(1e-12));
        for (int i = 0; i < y.length; i++) {
            if (!movesWithinTheDay(layout.variable(i).id())) {
                assertThat(dydt[i]).as(layout.variable(i).id()).isCloseTo(0, within(1e-9 * (1 + Math.abs(y[i]))));
            }
        }
    }

    @Test
    void uraemiaBluntsThePthSignalToOsteoclastsButNotInHealth() {
        MineralBlock b = new MineralBlock(MineralBlock.defaultParameters());
        // 1 at and above the CKD threshold, a power of eGFR / 60 below it (gamma 1 in the catalog).
        assertThat(b.skeletalPthResistance(95)).isEqualTo(1.0);
        assertThat(b.skeletalPthResistance(60)).isEqualTo(1.0);
        assertThat(b.skeletalPthResistance(30)).isCloseTo(0.5, within(1e-12));
        assertThat(b.skeletalPthResistance(15)).isCloseTo(0.25, within(1e-12));
        StateLayout layout = boundTogether(b);
        int oc = layout.index("mineral.osteoclasts");
        // A labs-free patient is derived at the reference GFR: at reference PTH her osteoclasts stay put
        // with healthy kidneys and fall back when the same PTH meets a uraemic (resistant) skeleton.
        double[] y = new double[layout.size()];
        b.initialise(adult(30), y);
        double[] healthy = rates(b, y, habitualDiet(100));
        double[] uraemic = rates(b, y, habitualDiet(30));
        assertThat(healthy[oc]).isCloseTo(0, within(1e-12));
        assertThat(uraemic[oc]).isNegative();
    }

    /**
     * The gland capacity (parathyroid cell mass) follows calcium, not calcitriol (docs/model/mineral.md,
     * "PTH in CKD"; NavehMany1995, Li1998VdrRescue): at baseline calcium a 25 % fall of calcitriol leaves
     * it at rest (with P&amp;R's calcitriol drive it would grow towards 2.6 x), while 10 % less calcium makes
     * it grow towards about 1.2 x and 10 % more lets it shrink towards P&amp;R's floor 0.9.
     */
    @Test
    void glandCapacityFollowsCalciumNotCalcitriol() {
        MineralBlock b = new MineralBlock(MineralBlock.defaultParameters());
        StateLayout layout = boundTogether(b);
        int capacity = layout.index("mineral.glandCapacity");
        int calcitriol = layout.index("mineral.calcitriol");
        int ca = layout.index(MineralBlock.CA_ECF);
        double[] y0 = new double[layout.size()];
        b.initialise(adult(100), y0);
        double turnover = MineralBlock.defaultParameters().value("glandCapacityTurnover");

        double[] y = y0.clone();
        y[calcitriol] *= 0.75;
        assertThat(rates(b, y, habitualDiet(100))[capacity]).as("capacity rate, calcitriol -25 %")
                .isCloseTo(0, within(1e-12));

        y = y0.clone();
        y[ca] *= 0.9;
        // steady-state target = 1 + rate / turnover (capacity is 1 now)
        assertThat(1 + rates(b, y, habitualDiet(100))[capacity] / turnover).as("capacity target, calcium -10 %")
                .isBetween(1.1, 1.3);

        y = y0.clone();
        y[ca] *= 1.1;
        assertThat(1 + rates(b, y, habitualDiet(100))[capacity] / turnover).as("capacity target, calcium +10 %")
                .isBetween(0.9, 0.95);
    }

    /**
     * With {@code calciumPhosphateBindingOn} 1 the calcium leaving the small intestine binds gut
     * phosphate into the faeces: the phosphate bound per mmol of that calcium is
     * {@code calciumPhosphateBinding} at the habitual gut phosphate (the reference adult's start), it
     * saturates toward {@code calciumPhosphateBindingMax} at high gut phosphate, what leaves the gut
     * pool is booked in faecal phosphorus (gut pool plus faeces change as without binding), and the
     * habitual diet's net absorption at baseline stays P&amp;R's F12. Off (the default) nothing binds.
     */
    @Test
    void unabsorbedCalciumBindsGutPhosphateIntoTheFaecesWhenSwitchedOn() {
        ParameterCatalog c = MineralBlock.defaultParameters();
        MineralBlock on = new MineralBlock(c.with(Map.of("calciumPhosphateBindingOn", 1.0)));
        MineralBlock off = new MineralBlock(c);
        StateLayout layout = boundTogether(on, off);
        double[] y = new double[layout.size()];
        double[] yOff = new double[layout.size()];
        on.initialise(adult(100), y);
        off.initialise(adult(100), yOff);
        int gut = layout.index("mineral.po4Gut");
        int faeces = layout.index("mineral.po4FaecesCum");
        int last = layout.index("mineral.caGut7");
        double dietP = c.value("po4HabitualIntake") / 24;
        // The baseline gut phosphate is the habitual one on and off: its absorption is F12 of the diet.
        assertThat(y[gut]).isCloseTo(yOff[gut], within(1e-12));
        assertThat(c.value("po4GutAbsorptionRate") * y[gut]).isCloseTo(c.value("po4Bioavailability") * dietP, within(1e-12));
        double exit = 7 / c.value("smallBowelTransitHours") * 1.0;
        for (double[] state : new double[][] {y, yOff}) {
            state[last] = 1.0;
        }
        double[] rOn = rates(on, y, habitualDiet(100));
        double[] rOff = rates(off, yOff, habitualDiet(100));
        // Gut pool plus faeces move as without binding (the bound phosphate is booked, none is lost).
        assertThat(rOn[gut] + rOn[faeces]).isCloseTo(rOff[gut] + rOff[faeces], within(1e-12));
        // Bound phosphate per calcium leaving the chain: calciumPhosphateBinding at the habitual gut phosphate.
        double boundOn = rOn[faeces] - (1 - enteringFraction(on, layout, c, dietP)) * dietP;
        assertThat(boundOn / exit).isCloseTo(c.value("calciumPhosphateBinding"), within(1e-9));
        assertThat(rOff[faeces]).isCloseTo((1 - c.value("po4Bioavailability")) * dietP, within(1e-12));
        // Saturation: at 100 times the gut phosphate the binding approaches the stoichiometric maximum.
        y[gut] *= 100;
        double[] rHigh = rates(on, y, habitualDiet(100));
        double boundHigh = rHigh[faeces] - (1 - enteringFraction(on, layout, c, dietP)) * dietP;
        assertThat(boundHigh / exit).isLessThan(c.value("calciumPhosphateBindingMax"))
                .isGreaterThan(0.99 * c.value("calciumPhosphateBindingMax"));
    }

    /** The entering fraction of dietary phosphate, read from a PHOSPHATE_FOOD intake's split. */
    private static double enteringFraction(MineralBlock b, StateLayout layout, ParameterCatalog c, double dietP) {
        double[] z = new double[layout.size()];
        b.applyIntake(new Intake(Intake.Kind.PHOSPHATE_FOOD, 1), z);
        return z[layout.index("mineral.po4Gut")];
    }
}
