package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.units.Time;

/**
 * The four hazard rates of docs/model/wall.md ("Events") as the wall composes them in its derivative
 * call, written out with the catalog's numbers on a hand-set state of the reference adult (a woman of
 * 60, 125/78 mmHg, LVM₀ 120 g):
 * <pre>
 *   h_MI     = h₀·(V_cor/V_ref)^κ·Q(μ, Mac)·f_smoke·RR·C_Ca             h₀ 0.0006299/y, κ 1.05766
 *   h_stroke = h₀·[(1 − s)·e^{0.07(age−60)} + s·A_ao]·2^{(SBP−120)/20}·f_smoke·RR    h₀ 0.000463/y, s 0.09153
 *   h_HF     = h₀·e^{0.07(age−60)}·(LVM/LVM₀)³·f_DM·RR                   h₀ 0.0012857/y, f_DM 2
 *   h_CVD    = 0.25·h_MI + 0.2·h_stroke + 0.1·h_HF
 *   RR = 1.14715^{PWV − PWV_expected(age, SBP 125)},  PWV_expected = 8.5·1.07^{(age−60)/10} m/s
 *   C_Ca = exp(1.629·(Ca − 2.349)),  f_smoke 1.5,  Q = (1 + μ/(μ + Mac + 0.5))·(1 − 0.3·Mac/(μ + Mac + 0.5))
 * </pre>
 * V_ref and the aortic references are the reference adult's own history by definition, so her
 * history's plaque gives burden 1 and A_ao = 1. The state: no medial mineral, no remodelling, resistance
 * ratio 1 and intrinsic PWV 8.5 m/s, so PWV = 8.5 m/s = her baseline (the Windkessel gives her 125 mmHg)
 * and RR = 1. The population targets fit the hazards as a whole; each factor here could be inverted or
 * dropped with every other test green.
 */
class WallHazardsByHandTest {

    private static final double PER_YEAR = 1 / Time.HOURS_PER_YEAR;
    private static final double MI_BASE = 0.0006299 * PER_YEAR;
    private static final double STROKE_BASE = 0.0004630 * PER_YEAR;
    private static final double HF_BASE = 0.0012857 * PER_YEAR;
    private static final double RHO = 1.14715;
    private static final double KAPPA = 1.05766;

    /** The reference adult's wall at the hand-set state of the class comment (age 60, LVM 144 g, Ca 2.349 mmol/L). */
    private static WallHarness atRest(Patient patient) {
        WallHarness h = WallHarness.of(patient).build();
        double[] ref = h.wall.history(Patient.referenceAdult(), Susceptibility.TYPICAL);
        for (Bed b : Bed.values()) {
            for (String s : new String[] {"plaqueVolume", "microCalcium", "macroCalcium"}) {
                set(h, WallBlock.stateId(b, s), ref[b.ordinal() * WallBlock.PER_BED
                        + (s.equals("plaqueVolume") ? WallBlock.PLAQUE : s.equals("microCalcium") ? WallBlock.MICRO
                        : WallBlock.MACRO)]);
            }
            set(h, WallBlock.stateId(b, "medialMineral"), 0);
        }
        set(h, "wall.pwvIntrinsic", 8.5);
        set(h, "wall.aorticRemodelling", 0);
        set(h, "wall.resistanceRatio", 1);
        set(h, "wall.lvMass", 144);
        set(h, WallBlock.CALCIUM_STATE, 2.349 * 14);
        h.drivers.setAgeYears(60);
        h.drivers.setDiabetes(false);
        return h;
    }

    private static void set(WallHarness h, String id, double v) {
        h.y[h.layout.index(id)] = v;
    }

    /** The four hazard rates, per hour, in WallEvent order. */
    private static double[] hazards(WallHarness h) {
        double[] dydt = new double[h.y.length];
        h.wall.addRates(0, h.y, h.drivers, dydt);
        double[] r = new double[4];
        for (WallEvent e : WallEvent.values()) {
            r[e.ordinal()] = dydt[h.layout.index(e.stateId())];
        }
        // cardiovascular death is its three fatal shares, whatever the state
        assertThat(r[3]).isCloseTo(0.25 * r[0] + 0.2 * r[1] + 0.1 * r[2], within(1e-12 * r[3]));
        return r;
    }

    /** Q(μ, Mac) over the four coronaries of the state. */
    private static double coronaryComposition(WallHarness h) {
        double micro = h.sum("microCalcium", true);
        double macro = h.sum("macroCalcium", true);
        double total = micro + macro + 0.5;
        return (1 + micro / total) * (1 - 0.3 * macro / total);
    }

    @Test
    void atTheReferenceEveryHazardIsItsBaseLevel() {
        WallHarness h = atRest(Patient.referenceAdult());
        assertThat(h.wall.pwv(h.y)).isCloseTo(8.5, within(1e-12));
        assertThat(h.wall.systolic(h.y)).isCloseTo(125, within(1e-9));
        double q = coronaryComposition(h);
        assertThat(q).as("her coronaries hold some micro- and macrocalcium").isNotEqualTo(1.0);
        double[] r = hazards(h);
        assertThat(r[0]).isCloseTo(MI_BASE * q, within(1e-12 * r[0]));
        // her own aortic plaque: A_ao = 1, so the bracket is (1 − s) + s = 1; SBP 125: 2^{5/20}
        assertThat(r[1]).isCloseTo(STROKE_BASE * Math.pow(2, 0.25), within(1e-12 * r[1]));
        assertThat(r[2]).isCloseTo(HF_BASE * 1.2 * 1.2 * 1.2, within(1e-12 * r[2]));
    }

    @Test
    void coronaryPlaqueAloneMovesTheMiHazard() {
        WallHarness h = atRest(Patient.referenceAdult());
        double[] before = hazards(h);
        for (Bed b : Bed.values()) {
            if (b.coronary()) {
                set(h, WallBlock.stateId(b, "plaqueVolume"), 2 * h.value(WallBlock.stateId(b, "plaqueVolume")));
            }
        }
        double[] doubled = hazards(h);
        assertThat(doubled[0] / before[0]).isCloseTo(Math.pow(2, KAPPA), within(1e-12));
        assertThat(doubled[1]).isEqualTo(before[1]);
        assertThat(doubled[2]).isEqualTo(before[2]);

        // coronary micro 1.5 mg (LM 0.5, LAD 1), macro 3 mg (LCX 1, RCA 2): Q = 1.3·0.82 (EventHazardsByHandTest)
        double[] micro = {0.5, 1, 0, 0};
        double[] macro = {0, 0, 1, 2};
        for (Bed b : Bed.values()) {
            if (b.coronary()) {
                set(h, WallBlock.stateId(b, "microCalcium"), micro[b.ordinal()]);
                set(h, WallBlock.stateId(b, "macroCalcium"), macro[b.ordinal()]);
            }
        }
        // the aorta's and the leg's intimal calcium do not count for MI
        set(h, WallBlock.stateId(Bed.LEG, "microCalcium"), 40);
        double[] composed = hazards(h);
        assertThat(composed[0]).isCloseTo(MI_BASE * Math.pow(2, KAPPA) * 1.3 * 0.82, within(1e-12 * composed[0]));
    }

    @Test
    void smokingMultipliesMiAndStrokeButNotHeartFailure() {
        RiskFactors t = RiskFactors.typical();
        Patient smoker = new Patient("reference-smoker", 60, Patient.referenceAdult().sex(), 70, 165, 95,
                Patient.referenceAdult().serumCalciumMmolL(), Patient.referenceAdult().serumPhosphateMmolL(),
                Patient.referenceAdult().pthPgMl(), new RiskFactors(t.totalCholesterolMgDl(), t.hdlCholesterolMgDl(),
                        t.systolicBpMmHg(), t.diastolicBpMmHg(), true, false, t.hsCrpMgL()));
        WallHarness plain = atRest(Patient.referenceAdult());
        WallHarness smoking = atRest(smoker);
        smoking.y = plain.y.clone();
        assertThat(smoking.wall.systolic(smoking.y)).isCloseTo(125, within(1e-9));
        double[] a = hazards(plain);
        double[] b = hazards(smoking);
        assertThat(b[0] / a[0]).isCloseTo(1.5, within(1e-12));
        assertThat(b[1] / a[1]).isCloseTo(1.5, within(1e-12));
        assertThat(b[2]).isEqualTo(a[2]);
    }

    @Test
    void aStifferAortaThanExpectedMultipliesEveryHazardByRho() {
        WallHarness h = atRest(Patient.referenceAdult());
        double[] base = hazards(h);
        set(h, "wall.pwvIntrinsic", 9.5); // 1 m/s above the expected 8.5 at 60 y
        assertThat(h.wall.pwv(h.y)).isCloseTo(9.5, within(1e-12));
        double sbp = h.wall.systolic(h.y); // the Windkessel's answer to the stiffer aorta: the stroke hazard reads it
        assertThat(sbp).isGreaterThan(125);
        double[] stiff = hazards(h);
        assertThat(stiff[0] / base[0]).isCloseTo(RHO, within(1e-12));
        assertThat(stiff[1] / base[1]).isCloseTo(RHO * Math.pow(2, (sbp - 125) / 20), within(1e-12));
        assertThat(stiff[2] / base[2]).isCloseTo(RHO, within(1e-12));
    }

    @Test
    void atSeventyTheExpectedPwvAndTheAgeFactorsMove() {
        WallHarness h = atRest(Patient.referenceAdult());
        double[] at60 = hazards(h);
        h.drivers.setAgeYears(70);
        set(h, "wall.pwvIntrinsic", 8.5 * 1.07); // the expected PWV at 70 y and SBP 125: RR = 1 again
        double sbp = h.wall.systolic(h.y);
        double[] at70 = hazards(h);
        double age = Math.exp(0.7);
        assertThat(at70[0]).as("MI: plaque carries age, not the hazard").isCloseTo(at60[0], within(1e-12 * at60[0]));
        assertThat(at70[1]).isCloseTo(STROKE_BASE * ((1 - 0.09153) * age + 0.09153) * Math.pow(2, (sbp - 120) / 20),
                within(1e-12 * at70[1]));
        assertThat(at70[2]).isCloseTo(HF_BASE * age * 1.728, within(1e-12 * at70[2]));
        h.drivers.setDiabetes(true);
        assertThat(hazards(h)[2]).isCloseTo(2 * HF_BASE * age * 1.728, within(1e-12 * at70[2]));
    }

    @Test
    void serumCalciumAboveItsReferenceRaisesOnlyTheMiHazard() {
        WallHarness h = atRest(Patient.referenceAdult());
        double[] base = hazards(h);
        set(h, WallBlock.CALCIUM_STATE, (2.349 + 0.1) * 14);
        double[] high = hazards(h);
        assertThat(high[0] / base[0]).isCloseTo(Math.exp(0.1629), within(1e-12));
        assertThat(high[1]).isEqualTo(base[1]);
        assertThat(high[2]).isEqualTo(base[2]);
    }

    @Test
    void eachRiskIsOneMinusTheExponentialOfItsOwnCumulativeHazard() {
        WallHarness h = atRest(Patient.referenceAdult());
        double[] lambda = {0.1, 0.2, 0.3, 0.4};
        for (WallEvent e : WallEvent.values()) {
            set(h, e.stateId(), lambda[e.ordinal()]);
        }
        for (WallEvent e : WallEvent.values()) {
            assertThat(h.wall.risk(h.y, e)).as(e.name()).isCloseTo(1 - Math.exp(-lambda[e.ordinal()]), within(1e-15));
        }
    }
}
