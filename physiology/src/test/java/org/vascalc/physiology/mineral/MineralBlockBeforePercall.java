package org.vascalc.physiology.mineral;

import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.numeric.PowMemo;
import org.vascalc.physiology.numeric.PowersOf;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.LinearTransfer;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;

/**
 * Frozen copy of {@link MineralBlock} as it was before the per-call work of branch {@code percall}
 * (main at ac7f38e; only renamed): the oracle of {@link MineralRatesUnchangedTest}. Not used by the
 * engine. The dialysate branch's model change (dialysate calcium exchange, slow bone exchange scaled by
 * the cell indices) is written in here too, in its plainest form, so the oracle is the same model;
 * so is the gutbinding branch's (unabsorbed calcium binds gut phosphate).
 *
 * <p>Calcium and phosphate homeostasis after Peterson &amp; Riggs (Bone 2010;46:49-63), re-implemented
 * from the equations in docs/model/mineral.md (model-anchors 1.4), with these changes: gut calcium
 * passes seven small-intestinal transit compartments (Yu &amp; Amidon's CAT model), each absorbing a
 * saturable transcellular plus a linear paracellular flux; endogenous secretion is sized from height
 * (Heaney &amp; Abrams 2004) and the transcellular capacity is derived to close the baseline balance; a
 * fast PTH-regulated bone-surface calcium efflux (adapting to sustained PTH) clears a dose's calcium
 * within hours; the bone-cell part is reduced to osteoclast and osteoblast indices whose coupled
 * remodelling acts on mineralised bone ({@link BoneRemodelling}). The dependent
 * constants are derived from the baseline state (as the paper does); the habitual calcium is eaten as
 * meals ({@link HabitualMeals}), so the baseline is a daily orbit whose mean calcium balance is
 * closed (the engine stabilises onto it). Time in hours, amounts in mmol and pmol.
 */
final class MineralBlockBeforePercall implements Block {

    public static final String ID = "mineral";
    public static final String CA_ECF = "mineral.caEcf";
    public static final String PO4_ECF = "mineral.po4Ecf";
    public static final String RESOURCE = "/org/vascalc/physiology/mineral/mineral-parameters.csv";

    // Slice offsets; the order is the declaration order of VARIABLES (append, never reorder).
    static final int CA = 0, PO4 = 1, PO4_GUT = 2, CA_GUT = 3, CA_STOMACH = 4, CA_TABLET = 5, PTH = 6,
            CALCITRIOL = 7, HYDROXYLASE = 8, ABS_CAPACITY = 9, BINDER = 10, GLAND_POOL = 11,
            GLAND_CAPACITY = 12, PO4_ICF = 13, BONE_EXCH = 14, BONE = 15, OC = 16, OB = 17, CA_IN = 18,
            CA_FAECES = 19, CA_URINE = 20, CA_ABSORBED = 21, PO4_IN = 22, PO4_FAECES = 23, PO4_URINE = 24,
            FGF23 = 25, PO4_ABS_CAPACITY = 26, CA_MEAL = 27, CA_CHYME = 28, PO4_LOAD = 29;
    /**
     * Small-intestinal lumen as compartments in series (the CAT model of Yu &amp; Amidon 1999: seven
     * compartments of equal transit reproduce the small-bowel transit-time distribution). The first is
     * {@code caGut}; the others are appended after the existing states.
     */
    static final int[] SEGMENTS = {CA_GUT, 30, 31, 32, 33, 34, 35};
    /** PTH level to which the bone-lining-cell calcium efflux has adapted (appended after the segments). */
    static final int PTH_ADAPTED = 36;

    private static final List<StateVariable> VARIABLES = List.of(
            v("caEcf", "mmol", 1e-6, TimeScale.FAST, "calcium in the extracellular fluid (P)"),
            v("po4Ecf", "mmol", 1e-6, TimeScale.FAST, "phosphate in the extracellular fluid (ECCPhos)"),
            v("po4Gut", "mmol", 1e-7, TimeScale.FAST, "absorbable phosphate in the gut (PhosGut)"),
            v("caGut", "mmol", 1e-7, TimeScale.FAST, "calcium in the intestinal lumen (T, redefined)"),
            v("caStomach", "mmol", 1e-7, TimeScale.FAST, "dissolved calcium of a drink or of a tablet taken with a meal, emptying with the gastric liquid phase"),
            v("caTablet", "mmol", 1e-7, TimeScale.FAST, "calcium of a tablet taken fasting awaiting emptying"),
            v("pth", "pmol", 1e-6, TimeScale.FAST, "circulating intact PTH"),
            v("calcitriol", "pmol", 1e-5, TimeScale.FAST, "circulating calcitriol (B)"),
            v("hydroxylase", "1", 1e-6, TimeScale.FAST, "renal 1-alpha-hydroxylase activity (AOH)"),
            v("absorptionCapacity", "1", 1e-9, TimeScale.FAST, "calcitriol-dependent gut absorption capacity (R)"),
            v("binderGut", "mmol", 1e-7, TimeScale.FAST, "unused phosphate-binding capacity in the gut"),
            v("glandPool", "1", 1e-9, TimeScale.SLOW, "parathyroid gland secretory pool (S)"),
            v("glandCapacity", "1", 1e-9, TimeScale.SLOW, "parathyroid gland capacity (PTmax)"),
            v("po4Icf", "mmol", 1e-5, TimeScale.SLOW, "intracellular phosphate (IntraPO)"),
            v("caBoneExch", "mmol", 1e-6, TimeScale.SLOW, "immediately exchangeable bone calcium (Q)"),
            v("caBone", "mmol", 1e-4, TimeScale.SLOW, "non-immediately exchangeable bone calcium (Qbone)"),
            v("osteoclasts", "1", 1e-9, TimeScale.SLOW, "osteoclast activity relative to baseline (reduced)"),
            v("osteoblasts", "1", 1e-9, TimeScale.SLOW, "osteoblast activity relative to baseline (reduced)"),
            v("caIntakeCum", "mmol", 1e-4, TimeScale.SLOW, "cumulative oral calcium intake"),
            v("caFaecesCum", "mmol", 1e-4, TimeScale.SLOW, "cumulative faecal calcium"),
            v("caUrineCum", "mmol", 1e-4, TimeScale.SLOW, "cumulative urinary calcium"),
            v("caAbsorbedCum", "mmol", 1e-4, TimeScale.SLOW, "cumulative net gut calcium absorption (absorbed minus secreted)"),
            v("po4IntakeCum", "mmol", 1e-4, TimeScale.SLOW, "cumulative oral phosphorus intake"),
            v("po4FaecesCum", "mmol", 1e-4, TimeScale.SLOW, "cumulative faecal phosphorus"),
            v("po4UrineCum", "mmol", 1e-4, TimeScale.SLOW, "cumulative urinary phosphorus (plus dialysate phosphorus on haemodialysis)"),
            v("fgf23", "pg/mL", 1e-6, TimeScale.FAST, "circulating intact FGF23 (Riggs et al. ACOP 2020 extension)"),
            v("po4AbsorptionCapacity", "1", 1e-9, TimeScale.SLOW, "calcitriol-dependent gut phosphate absorption (RPHOS)"),
            v("caMeal", "mmol", 1e-7, TimeScale.FAST, "food calcium still held in the solid meal in the stomach (first emptying stage)"),
            v("caChyme", "mmol", 1e-7, TimeScale.FAST, "food calcium in triturated chyme awaiting emptying (second emptying stage)"),
            v("po4AbsorbedLoad", "1", 1e-9, TimeScale.SLOW, "absorbed phosphate, smoothed over days, relative to the habitual diet (drives FGF23)"),
            v("caGut2", "mmol", 1e-7, TimeScale.FAST, "calcium in small-intestinal transit compartment 2 of 7"),
            v("caGut3", "mmol", 1e-7, TimeScale.FAST, "calcium in small-intestinal transit compartment 3 of 7"),
            v("caGut4", "mmol", 1e-7, TimeScale.FAST, "calcium in small-intestinal transit compartment 4 of 7"),
            v("caGut5", "mmol", 1e-7, TimeScale.FAST, "calcium in small-intestinal transit compartment 5 of 7"),
            v("caGut6", "mmol", 1e-7, TimeScale.FAST, "calcium in small-intestinal transit compartment 6 of 7"),
            v("caGut7", "mmol", 1e-7, TimeScale.FAST, "calcium in small-intestinal transit compartment 7 of 7"),
            v("pthAdapted", "pmol/L", 1e-8, TimeScale.FAST, "PTH level to which the fast bone calcium efflux has adapted"));

    private final MineralParameters p;
    /**
     * Ceiling of the reduced osteoclast index (read here rather than in {@link MineralParameters} to
     * keep the change local). See the osteoclast equation in {@link #addRates}.
     */
    private final double osteoclastDriveMax;
    /** Transit rate of each small-intestinal compartment, 1/h (compartments / mean transit time). */
    private final double segmentTransitRate;
    /** Endogenous digestive secretion of calcium per cm of height, mmol/h/cm (Heaney &amp; Abrams 2004). */
    private final double secretionPerCm;
    /** When the habitual diet's calcium is eaten (the engine delivers it as these meals). */
    private final HabitualMeals meals;
    /** Fast PTH control of the exchangeable-bone calcium release: ceiling, small-signal exponent, adaptation rate 1/h. */
    private final double effluxMax, effluxGamma, effluxAdaptRate;
    /** Transcellular Vmax of one compartment at R = 0.5, mmol/h: derived from the baseline balance. */
    private double transcellularVmax;
    /** FGF23 feedback constants (kept out of {@link MineralParameters} to keep the change local). */
    private final Fgf23Parameters fgf;
    /** Time-averaged dialytic phosphate clearance on maintenance haemodialysis, L/h. */
    private final double dialysisPo4Clearance;
    private final double dialysateCaDefault, caDialysance, ultrafiltration, deepExchangeCellExponent;
    /** Residual GFR on haemodialysis when the drivers set none, mL/min (dialysiskidney, same form as MineralBlock). */
    private final double residualGfrDefault;
    private final boolean residualKidneyForAll;
    /**
     * Skeletal resistance to the calcaemic action of PTH in uraemia (PTH1R down-regulation): eGFR below
     * which it starts, mL/min/1.73m2, and the exponent of eGFR / onset scaling the PTH signal to bone.
     */
    private final double pthResistanceOnsetEgfr, pthResistanceGamma;
    /** The resistance factor at the derivation eGFR (1 unless a CKD patient brings labs). */
    private double pthResistance0 = 1;
    /**
     * Diagnostic exponents of nephron loss (GFR / derivation GFR, capped at 1) on P&amp;R's renal
     * calcium offset (the urine at the reference calcium) and on gut calcium absorption. Both 0 by
     * default, which is P&amp;R's J27 and the evidence-based gut unchanged: no per-eGFR urinary calcium
     * or absorption data were found to set them (docs/model/mineral.md, "Urinary calcium in CKD").
     */
    private final double renalOffsetGfrExponent, gutGfrExponent;
    /** GFR at which the baseline was derived, L/h (the reference GFR for a CKD patient without labs). */
    private double gfrDerivation = Double.NaN;
    private final PowMemo renalOffsetPow, gutGfrPow;
    private int o = -1;
    /**
     * The power laws of {@link #addRates}, each remembering its last input (see {@link PowMemo}): a
     * driver-only term (eGFR) repeats for every call at one time, a state-only term for every
     * Jacobian column that does not move its state. Bit-identical to calling {@code Math.pow}.
     */
    private final PowMemo resistancePow, nephronPow, fgfHydroxylasePow, fgfPhosphatePow, fgfCalcitriolPow, fgfDietPow,
            effluxPow, osteoclastResistancePow;
    /**
     * The power laws whose base is a FAST state that changes at every call of the orbit integration,
     * from one logarithm per base ({@link PowersOf}; relative difference from {@code Math.pow} about
     * 1e-15): calcium's Hill term, the gland-pool threshold (ca0/ca)^g and the gland-capacity signal
     * (c80/threshold)^gc, all powers of ca times constants; PTH in 1-alpha-hydroxylase and the
     * osteoclast drive; the bone efflux's power of PTH over its adapted level is the exponential of the
     * adaptation rate's logarithm. Five calls of {@code Math.pow} become two logarithms and six
     * exponentials, a quarter of the block's call (docs/performance-log.md, "orbitstep").
     */
    private final PowersOf caPowers, pthPowers;
    private final double effluxExponent;
    /** ca0^g and c80^gc ca0^(-g gc): the constant factors of the gland-pool and gland-capacity powers. */
    private double glandPoolCa0Pow, glandCtriolFactor;
    /** Coupled osteoclast resorption and osteoblast formation in mineralised bone (built in initialise). */
    private BoneRemodelling remodelling;
    /** Last input and result of the log in the PTH-adaptation rate (same reasoning as the powers). */
    private long lastAdaptRatioBits = Double.doubleToRawLongBits(Double.NaN);
    private double lastAdaptLog = Double.NaN;

    // Derived from the baseline (Peterson & Riggs derive their EC50s the same way).
    private double ca0, pthc0, c2x0, c80, p0, q0, qBone0, t13, t15, j14Oc50PowG, t60PowG, t17, t66,
            t67PowA, t65, ctriol50PowG, t46, kSecretion, k15a, j53Ref, gfrRef;
    private final double calciumPhosphateBinding, calciumPhosphateBindingMax;
    private final boolean calciumBindsPhosphate;
    private double caPhosphateK, po4Entering;

    MineralBlockBeforePercall(ParameterCatalog catalog) {
        this.p = MineralParameters.from(catalog);
        this.osteoclastDriveMax = catalog.value("osteoclastDriveMax");
        this.segmentTransitRate = SEGMENTS.length / catalog.value("smallBowelTransitHours");
        this.secretionPerCm = org.vascalc.core.units.MolarMass.CALCIUM.mgToMmol(
                catalog.value("endogenousSecretionPerCm")) / 24;
        this.meals = HabitualMeals.from(catalog);
        this.effluxMax = catalog.value("boneEffluxPthMax");
        this.effluxGamma = catalog.value("boneEffluxPthGamma");
        this.effluxAdaptRate = catalog.value("boneEffluxAdaptRate");
        this.fgf = Fgf23Parameters.from(catalog);
        this.calciumPhosphateBinding = catalog.value("calciumPhosphateBinding");
        this.calciumPhosphateBindingMax = catalog.value("calciumPhosphateBindingMax");
        this.calciumBindsPhosphate = catalog.value("calciumPhosphateBindingOn") != 0;
        this.dialysisPo4Clearance = catalog.value("haemodialysisPo4Clearance");
        this.dialysateCaDefault = catalog.value("haemodialysisDialysateCalcium");
        this.residualGfrDefault = catalog.value("haemodialysisResidualGfr");
        this.residualKidneyForAll = catalog.value("haemodialysisResidualKidney") != 0;
        this.caDialysance = catalog.value("haemodialysisCaDialysance");
        this.ultrafiltration = catalog.value("haemodialysisUltrafiltration");
        this.deepExchangeCellExponent = catalog.value("deepBoneExchangeCellExponent");
        this.pthResistanceOnsetEgfr = catalog.value("pthSkeletalResistanceOnsetEgfr");
        this.pthResistanceGamma = catalog.value("pthSkeletalResistanceGamma");
        this.resistancePow = new PowMemo(pthResistanceGamma);
        this.renalOffsetGfrExponent = catalog.value("renalCaOffsetNephronExponent");
        this.gutGfrExponent = catalog.value("gutCaNephronExponent");
        this.renalOffsetPow = new PowMemo(renalOffsetGfrExponent);
        this.gutGfrPow = new PowMemo(gutGfrExponent);
        this.nephronPow = new PowMemo(fgf.nephronGamma());
        this.caPowers = new PowersOf(p.pthCaHill(), -p.glandPoolCaGamma(), p.glandPoolCaGamma() * p.glandCtriolGamma());
        this.fgfHydroxylasePow = new PowMemo(-fgf.hydroxylaseGamma());
        this.fgfPhosphatePow = new PowMemo(p.fgf23PhosphateGamma());
        this.fgfCalcitriolPow = new PowMemo(p.fgf23CalcitriolGamma());
        this.fgfDietPow = new PowMemo(fgf.dietGamma());
        this.effluxExponent = effluxGamma * effluxMax / (effluxMax - 1);
        this.effluxPow = new PowMemo(effluxExponent);
        double osteoclastExponent = p.osteoclastPthGamma() * osteoclastDriveMax / (osteoclastDriveMax - 1);
        this.osteoclastResistancePow = new PowMemo(osteoclastExponent);
        this.pthPowers = new PowersOf(p.hydroxylasePthGamma(), osteoclastExponent);
    }

    public static ParameterCatalog defaultParameters() {
        return ParameterCatalog.fromResource(MineralBlockBeforePercall.class, RESOURCE);
    }

    private static StateVariable v(String name, String unit, double atol, TimeScale ts, String d) {
        return new StateVariable(ID + "." + name, unit, atol, ts, d);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<StateVariable> variables() {
        return VARIABLES;
    }

    @Override
    public void bind(StateLayout layout) {
        o = layout.offset(ID);
    }

    /** ECF volume, L: concentrations are pool / volume. */
    public double ecfVolume() {
        return p.ecfVolume();
    }

    @Override
    public void initialise(Patient patient, double[] y) {
        boolean labs = patient.serumCalciumMmolL().isPresent() || patient.serumPhosphateMmolL().isPresent()
                || patient.pthPgMl().isPresent();
        ca0 = patient.serumCalciumMmolL().orElse(p.caTotalRef());
        pthc0 = patient.pthPgMl().isPresent() ? patient.pthPgMl().getAsDouble() / p.pthPgPerPmol() : p.pthRef();
        c2x0 = patient.serumPhosphateMmolL().orElse(p.po4Ref());
        c80 = p.calcitriolRef();
        // Labs are measured at the patient's own kidney function, and normal labs belong to normal
        // kidney function; a patient with CKD and no labs is derived at the reference GFR and reaches
        // the homeostasis of their eGFR by stabilisation (secondary hyperparathyroidism etc.).
        boolean normalKidney = patient.egfrMlPerMin() >= p.ckdEgfrThreshold();
        double egfr0 = labs || normalKidney ? patient.egfrMlPerMin() : p.gfrRefMlPerMin();
        double gfr0 = gfrLitresPerHour(egfr0);
        gfrDerivation = gfr0;
        // Labs measured in CKD are taken at the resistance of that eGFR, so the resistance enters
        // relative to the derivation eGFR and a CKD patient with labs is still a steady state.
        pthResistance0 = skeletalPthResistance(egfr0);
        double v = p.ecfVolume();
        p0 = ca0 * v;
        q0 = p.caBoneExchRef();
        qBone0 = p.caBoneRef();
        k15a = p.k14a() * qBone0 / q0;
        t13 = p.boneTurnoverCaPerDay() / 24 / q0;
        t15 = p.boneTurnoverCaPerDay() / (ca0 * v * 24);
        j14Oc50PowG = p.j14OcMax() / t13 - 1;
        remodelling = new BoneRemodelling(p.j14OcMax() * q0 * p.fracJ14(), j14Oc50PowG, p.j14OcGamma());
        double pth0 = pthc0 * v;
        double secretion0 = p.pthKout() * pth0;
        double caPow = Math.pow(ca0, p.pthCaHill());
        t60PowG = caPow * (p.pthSecretionMax() - p.pthSecretionMin()) / (p.pthSecretionMax() - secretion0) - caPow;
        t17 = pthc0 * (p.renalPthMaxEffect() - 1);
        t67PowA = Math.pow(p.hydroxylasePth50(), p.hydroxylasePthGamma());
        double pthPow0 = Math.pow(pthc0, p.hydroxylasePthGamma());
        t66 = (t67PowA + pthPow0) / pthPow0;
        // FGF23 starts at its steady state on the habitual diet at the derivation GFR (above the
        // reference value for a CKD patient with labs); its renal and hydroxylase effects are 1 at the
        // reference adult and enter the derived constants below, so any baseline is a steady state.
        double dietP = p.po4HabitualIntake() / 24;
        gfrRef = gfrLitresPerHour(p.gfrRefMlPerMin());
        j53Ref = dietP * p.po4Bioavailability();
        caPhosphateK = j53Ref / p.po4GutAbsorptionRate() * (calciumPhosphateBindingMax / calciumPhosphateBinding - 1);
        double faecalCa0 = Math.max(0, p.caHabitualIntake() / 24 - renalCalcium(ca0, pthc0, c80, gfr0));
        double entering = calciumBindsPhosphate
                ? p.po4Bioavailability() + calciumPhosphateBinding * faecalCa0 / dietP : p.po4Bioavailability();
        po4Entering = Math.min(1, entering);
        double po4Gut0 = j53Ref / p.po4GutAbsorptionRate();
        if (entering > 1) {
            double k = p.po4GutAbsorptionRate();
            double b = k * caPhosphateK + calciumPhosphateBindingMax * faecalCa0 - dietP;
            po4Gut0 = (-b + Math.sqrt(b * b + 4 * k * dietP * caPhosphateK)) / (2 * k);
        }
        double fgf0 = p.fgf23Baseline() * Math.pow(gfrRef / gfr0, fgf.nephronGamma());
        double b0 = c80 * v;
        double aoh0 = p.calcitriolKout() * b0;
        t65 = p.hydroxylaseKout() * aoh0 / fgf.hydroxylaseEffect(fgf0 / p.fgf23Baseline());
        double cg = Math.pow(c80, p.glandCtriolGamma());
        ctriol50PowG = (p.glandCtriolMax() - p.glandCtriolMin()) * cg / (p.glandCtriolMax() - 1) - cg;
        glandPoolCa0Pow = Math.pow(ca0, p.glandPoolCaGamma());
        glandCtriolFactor = cg * Math.pow(ca0, -p.glandPoolCaGamma() * p.glandCtriolGamma());
        // A measured phosphate too low to excrete the habitual load at the patient's eGFR (possible in
        // CKD G4-G5 with labs: such a patient eats or absorbs less) cannot be a steady state; the
        // threshold is then floored and phosphate rises to the homeostasis of the habitual diet in
        // stabilisation instead of failing.
        double threshold0 = Math.max(c2x0 - (entering > 1 ? p.po4GutAbsorptionRate() * po4Gut0 : j53Ref) / (p.po4ReabsFraction() * gfr0), fgf.thresholdFloor() * c2x0);
        t46 = threshold0 / fgf.phosphaturia(fgf0 / p.fgf23Baseline());
        double urine0 = renalCalcium(ca0, pthc0, c80, gfr0);
        // Endogenous secretion is sized from body height (Heaney & Abrams 2004); the transcellular
        // capacity at R = 0.5 is then the one for which net absorption of the habitual diet, eaten as
        // meals (HabitualMeals), equals urinary calcium over the day (the baseline balance), as P&R
        // derive their constants from the baseline. The gut starts on its daily orbit at clock hour 0.
        double secretion = secretionPerCm * patient.heightCm();
        MealDayGut gutDay = gutDay(patient);
        MealDayGut.Baseline gut = gutDay.derive(urine0 + secretion);
        transcellularVmax = gut == null ? Double.NaN : gut.vmax();
        if (!(transcellularVmax >= 0) || !(t46 > 0) || !(t60PowG > 0) || !(j14Oc50PowG > 0)) {
            throw new IllegalArgumentException("mineral baseline cannot be a steady state for patient " + patient.id()
                    + " (serum Ca " + ca0 + " mmol/L, PTH " + pthc0 + " pmol/L, phosphate " + c2x0
                    + " mmol/L): no transcellular capacity absorbs " + (urine0 + secretion)
                    + " mmol/h of the habitual diet (paracellular alone absorbs "
                    + gutDay.meanAbsorption(0, new double[SEGMENTS.length + 3])
                    + "), phosphate threshold " + t46 + " mmol/L");
        }
        kSecretion = secretion / p0;

        y[o + CA] = p0;
        y[o + PO4] = c2x0 * v;
        y[o + PO4_GUT] = po4Gut0;
        for (int i = 0; i < SEGMENTS.length; i++) {
            y[o + SEGMENTS[i]] = gut.lumen()[i];
        }
        y[o + CA_STOMACH] = 0;
        y[o + CA_TABLET] = 0;
        y[o + PTH] = pth0;
        y[o + CALCITRIOL] = b0;
        y[o + HYDROXYLASE] = aoh0;
        y[o + ABS_CAPACITY] = 0.5;
        y[o + BINDER] = 0;
        y[o + GLAND_POOL] = 0.5;
        y[o + GLAND_CAPACITY] = 1;
        y[o + PO4_ICF] = p.po4IcfExchangeIn() * c2x0 / p.po4IcfExchangeOut();
        y[o + BONE_EXCH] = q0;
        y[o + BONE] = qBone0;
        y[o + OC] = 1;
        y[o + OB] = 1;
        for (int i = CA_IN; i <= PO4_URINE; i++) {
            y[o + i] = 0;
        }
        y[o + FGF23] = fgf0;
        y[o + PO4_ABS_CAPACITY] = 1;
        y[o + CA_MEAL] = gut.meal();
        y[o + CA_CHYME] = gut.chyme();
        y[o + PO4_LOAD] = 1;
        y[o + PTH_ADAPTED] = pthc0;
    }

    /** The habitual day of the gut chain at this patient's endogenous secretion (sized from height). */
    MealDayGut gutDay(Patient patient) {
        return new MealDayGut(SEGMENTS.length, p.solidMealEmptyingRate(), segmentTransitRate,
                p.gutParacellularRate(), p.gutTranscellularKm(), secretionPerCm * patient.heightCm(), meals,
                p.caHabitualIntake());
    }

    /**
     * What the gut day must absorb on the baseline for this patient, mmol/h: baseline urinary calcium
     * plus endogenous secretion (valid after {@link #initialise}, whose derived constants it reads).
     */
    double gutAbsorptionTarget(Patient patient) {
        return renalCalcium(ca0, pthc0, c80, gfrDerivation) + secretionPerCm * patient.heightCm();
    }

    /** The derived transcellular Vmax of one compartment at R = 0.5, mmol/h (after {@link #initialise}). */
    double transcellularVmax() {
        return transcellularVmax;
    }

    /**
     * Skeletal resistance to PTH: the factor (1 at and above the onset eGFR, falling as a power of
     * eGFR below it) by which uraemia scales PTH's signal to bone resorption. PTH1R expression falls in
     * the uraemic kidney and bone (Urena 1995) and the calcaemic response to a PTH infusion falls with
     * renal function (Rodriguez 1991; Wesseling-Perry 2010 in dialysis), so in CKD more PTH is needed
     * for the same resorption.
     */
    double skeletalPthResistance(double egfrMlPerMin) {
        return resistancePow.of(Math.min(1, Math.max(egfrMlPerMin, 1) / pthResistanceOnsetEgfr));
    }

    /** Floor of GFR in the load-per-nephron signal (1 mL/min), so anuria gives a large, finite drive. */
    private static final double MIN_GFR_LITRES_PER_HOUR = 0.06;

    static double gfrLitresPerHour(double mlPerMin) {
        return mlPerMin * 0.06;
    }

    /**
     * Nephron-loss factor (GFR / derivation GFR, at most 1) raised to a diagnostic exponent: 1 at and
     * above the derivation GFR and whenever the exponent is 0 (the default).
     */
    private double nephronFactor(PowMemo pow, double exponent, double gfr) {
        if (exponent == 0) {
            return 1;
        }
        return pow.of(Math.min(1, Math.max(gfr, MIN_GFR_LITRES_PER_HOUR) / gfrDerivation));
    }

    /** Urinary calcium, mmol/h (Peterson &amp; Riggs J27; the offset optionally scaled by nephron loss). */
    private double renalCalcium(double ca, double pthc, double c8, double gfr) {
        return renalCalcium(ca, pthc, c8, gfr, false);
    }

    /** The same on the residual kidneys of a dialysis patient ({@code residual}): the offset per nephron. */
    private double renalCalcium(double ca, double pthc, double c8, double gfr, boolean residual) {
        double filtered = p.ultrafilterableFraction() * 0.5 * gfr * ca;
        double offset = p.renalReabsOffset() * (residual ? Math.min(1, gfr / gfrRef)
                : nephronFactor(renalOffsetPow, renalOffsetGfrExponent, gfr));
        double reabsMax = Math.max(0, (p.ultrafilterableFraction() * 0.5 * gfr * ca0 - offset)
                * (p.renalReabs50() + ca0) / ca0);
        double pthEffect = p.renalPthMaxEffect() * pthc / (pthc + t17);
        double active = reabsMax * ca / (p.renalReabs50() + ca) * pthEffect;
        double ctriolEffect = p.renalCtriolMax() * c8 / (c8 + p.renalCtriol50());
        return Math.max(0, (2 - ctriolEffect) * (filtered - active));
    }

    /** Calcium absorbed from one lumen compartment, mmol/h: saturable transcellular (R-scaled) plus paracellular. */
    private double gutAbsorption(double lumen, double capacity) {
        double lumenPos = Math.max(0, lumen);
        return transcellularVmax * (capacity / 0.5) * lumenPos / (lumenPos + p.gutTranscellularKm())
                + p.gutParacellularRate() * lumenPos;
    }

    /** Calcium absorbed from the whole small intestine, mmol/h. */
    private double gutAbsorption(double[] y, double capacity) {
        double sum = 0;
        for (int seg : SEGMENTS) {
            sum += gutAbsorption(y[o + seg], capacity);
        }
        return sum;
    }

    /**
     * Release from the exchangeable pool (P&amp;R's J14 without its osteoclast part, which resorbs
     * mineralised bone in {@link BoneRemodelling}): first order in Q.
     */
    private double exchangeRelease(double q) {
        return t13 * (1 - p.fracJ14()) * q;
    }

    /**
     * Fast PTH control of the calcium efflux from bone surfaces (bone-lining cells; Talmage &amp;
     * Mobley 2008), relative to its baseline: 1 when PTH equals the level the cells have adapted
     * to, rising to {@code boneEffluxPthMax} at high PTH (Emax form with small-signal exponent
     * {@code boneEffluxPthGamma}). Because the reference adapts over days, a sustained PTH change
     * (a supplement, CKD) moves no bone calcium, while a dose (hours) does.
     */
    private double boneEfflux(double pthc, double adapted) {
        // The ratio's logarithm is the adaptation rate's (addRates), so the power is one exponential.
        double x = pthc >= 1e-12
                ? Math.exp(effluxExponent * adaptLog(pthc / Math.max(adapted, 1e-12)))
                : effluxPow.of(Math.max(pthc, 0) / Math.max(adapted, 1e-12));
        return effluxMax * x / (x + effluxMax - 1);
    }

    /** {@code Math.log(ratio)}, remembering the last input (bit-identical). */
    private double adaptLog(double ratio) {
        long bits = Double.doubleToRawLongBits(ratio);
        if (bits != lastAdaptRatioBits) {
            lastAdaptRatioBits = bits;
            lastAdaptLog = Math.log(ratio);
        }
        return lastAdaptLog;
    }

    @Override
    public void addRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        final double v = p.ecfVolume();
        final double caPool = y[o + CA];
        final double ca = caPool / v;
        final double c2 = y[o + PO4] / v;
        final double c8 = y[o + CALCITRIOL] / v;
        final double pthc = y[o + PTH] / v;
        final double gfr = gfrLitresPerHour(drivers.egfrMlPerMin());
        final double dietCa = drivers.dietCalciumMmolPerHour();
        final double dietP = drivers.dietPhosphateMmolPerHour();

        // Gut calcium. Food calcium leaves the stomach with the solid meal: two first-order stages in
        // series (trituration, then emptying) give the lag and sigmoid retention curve of a solid
        // meal. A tablet dissolves in gastric acid as one bolus and empties with the liquid phase
        // (with a meal) or like a fasting liquid. The lumen loses to absorption (saturable +
        // paracellular) and to faeces (transit); endogenous secretion re-enters it.
        final double capacity = y[o + ABS_CAPACITY];
        final double triturated = p.solidMealEmptyingRate() * y[o + CA_MEAL];
        final double emptyFood = p.solidMealEmptyingRate() * y[o + CA_CHYME];
        final double emptyMeal = p.mealEmptyingRate() * y[o + CA_STOMACH] + emptyFood;
        final double emptyTablet = p.fastingEmptyingRate() * y[o + CA_TABLET];
        dydt[o + CA_MEAL] -= triturated;
        dydt[o + CA_CHYME] += triturated - emptyFood;
        final double secreted = kSecretion * caPool;
        dydt[o + CA_STOMACH] -= emptyMeal - emptyFood;
        dydt[o + CA_TABLET] -= emptyTablet;
        // Small intestine: compartments in series; what leaves the last passes the colon to faeces
        // (colonic calcium absorption is small and neglected).
        double inflow = dietCa + emptyMeal + emptyTablet + secreted;
        double absorbed = 0;
        final double gutNephron = nephronFactor(gutGfrPow, gutGfrExponent, gfr);
        for (int seg : SEGMENTS) {
            final double lumen = y[o + seg];
            final double taken = gutNephron * gutAbsorption(lumen, capacity);
            final double out = segmentTransitRate * Math.max(0, lumen);
            dydt[o + seg] += inflow - taken - out;
            absorbed += taken;
            inflow = out;
        }
        final double transit = inflow;

        // Bone calcium exchange between the ECF and the exchangeable pool Q (J14 release, J15 uptake,
        // each without its bone-cell part), and coupled remodelling of mineralised bone (osteoclast
        // resorption, osteoblast formation: equal when OB = OC, so a change of activity moves bone
        // calcium only while the osteoblasts lag; the remodelling transient).
        final double q = y[o + BONE_EXCH];
        final double qBone = y[o + BONE];
        final double oc = y[o + OC];
        final double ob = y[o + OB];
        final double j14 = exchangeRelease(q);
        final double remodel = remodelling.resorption(oc) - remodelling.formation(ob);
        dydt[o + BONE] -= remodel;
        // PTH-regulated surface efflux: its baseline part is P&R's exchange (J14 above); the deviation
        // moves calcium between the ECF and bone mineral within hours. It draws on (and deposits into)
        // the mineralised bone, whose size it does not depend on, so what a dose deposits while PTH is
        // suppressed stays in bone instead of being handed back by the exchangeable pool.
        final double adapted = y[o + PTH_ADAPTED];
        final double jPth = t13 * (1 - p.fracJ14()) * q0 * (boneEfflux(pthc, adapted) - 1);
        // Adapts in log PTH, so a daily swing of PTH around its mean moves no net bone calcium.
        dydt[o + PTH_ADAPTED] += effluxAdaptRate * adapted * adaptLog(Math.max(pthc, 1e-12) / Math.max(adapted, 1e-12));
        dydt[o + BONE] -= jPth;
        final double j15 = t15 * caPool * (1 - p.fracJ14());
        final double j14a = p.k14a() * qBone * Math.pow(Math.max(ob, 0), deepExchangeCellExponent);
        final double j15a = k15a * q * Math.pow(Math.max(ob, 0), deepExchangeCellExponent);
        dydt[o + BONE_EXCH] += j15 - j14 + j14a - j15a;
        dydt[o + BONE] += j15a - j14a;

        final double residualGfr = Double.isNaN(drivers.residualGfrMlPerMin()) ? residualGfrDefault
                : drivers.residualGfrMlPerMin();
        final boolean residualKidney = drivers.haemodialysis()
                && (residualKidneyForAll || !Double.isNaN(drivers.residualGfrMlPerMin()));
        final double kidneyGfr = residualKidney ? gfrLitresPerHour(residualGfr) : gfr;
        final double urineCa = renalCalcium(ca, pthc, c8, kidneyGfr, residualKidney);
        final double dialysateCa = Double.isNaN(drivers.dialysateCalciumMmolL()) ? dialysateCaDefault
                : drivers.dialysateCalciumMmolL();
        final double dialysedCa = drivers.haemodialysis()
                ? caDialysance * (p.ultrafilterableFraction() * Math.max(ca, 0) - dialysateCa)
                        + ultrafiltration * p.ultrafilterableFraction() * Math.max(ca, 0)
                : 0;
        dydt[o + CA] += absorbed - secreted - urineCa - dialysedCa + j14 - j15 + jPth + remodel;

        // PTH secretion and gland.
        final double caPow = caPowers.of(ca, 0);
        final double secretion = p.pthSecretionMax()
                - (p.pthSecretionMax() - p.pthSecretionMin()) * caPow / (caPow + t60PowG);
        final double gland = y[o + GLAND_POOL];
        final double fctd = gland / 0.5 * y[o + GLAND_CAPACITY];
        dydt[o + PTH] += secretion * fctd - p.pthKout() * y[o + PTH];
        // (ca0 / ca)^g
        final double caThreshold = glandPoolCa0Pow * caPowers.of(ca, 1);
        final double threshold = c80 * caThreshold;
        final double th = Math.tanh(p.glandPoolTanhSlope() * (c8 - threshold));
        final double t75 = p.glandPoolRate() * (0.85 * (1 + th) + 0.15);
        final double t76 = p.glandPoolRate() * (0.85 * (1 - th) + 0.15);
        dydt[o + GLAND_POOL] += (1 - gland) * t76 - gland * t75;
        // Gland capacity (parathyroid cell mass, t1/2 ~ 180 d) follows calcium, not calcitriol [changed]:
        // parathyroid cell proliferation is driven by hypocalcaemia (and phosphate, uraemia), injected
        // calcitriol does not change it (Naveh-Many 1995), and VDR-null mice whose ionised calcium is
        // normalised by diet develop no parathyroid hyperplasia (Li 1998). P&R drive it by calcitriol
        // through a Hill exponent of 12.5 whose midpoint (68 pmol/L) lies inside the normal range, so a
        // 23 % fall of calcitriol in CKD 3 grew the gland 2.4-fold at normal calcium. The signal is now
        // the calcium-equivalent calcitriol of P&R's own gland-pool threshold, C8_0 (Ca/Ca0)^ScaEffGam
        // (same constants, no new number); calcitriol keeps acting on the pool (PTH synthesis, above).
        // (c80 / caThreshold)^gc = c80^gc (ca / ca0)^(g gc)
        final double c8g = glandCtriolFactor * caPowers.of(ca, 2);
        final double ctriolEffect = p.glandCtriolMax()
                - (p.glandCtriolMax() - p.glandCtriolMin()) * c8g / (c8g + ctriol50PowG);
        dydt[o + GLAND_CAPACITY] += p.glandCapacityTurnover() * (ctriolEffect - y[o + GLAND_CAPACITY]);

        // Calcitriol and 1-alpha-hydroxylase.
        // FGF23 suppresses 1-alpha-hydroxylase (and induces 24-hydroxylase): the synthesis drive falls
        // as a power of FGF23 relative to the reference adult (1 there). As in the ACOP 2020 extension
        // this replaces P&R's direct PhosEffect: phosphate acts on calcitriol through FGF23 (PhosSTIM).
        // Both at once close a runaway loop (phosphate up -> calcitriol down -> FGF23 down -> less
        // phosphaturia -> phosphate up) that made CKD G4-G5 diverge.
        final double fgfRatio = Math.max(y[o + FGF23], 0) / p.fgf23Baseline();
        final double pthPow = pthPowers.of(Math.max(pthc, 0), 0);
        final double t68 = t66 * pthPow / (t67PowA + pthPow);
        // fgf.hydroxylaseEffect(fgfRatio), with the power remembered
        dydt[o + HYDROXYLASE] += t65 * t68 * fgfHydroxylasePow.of(Math.max(fgfRatio, 1e-6))
                - p.hydroxylaseKout() * y[o + HYDROXYLASE];
        dydt[o + CALCITRIOL] += y[o + HYDROXYLASE] - p.calcitriolKout() * y[o + CALCITRIOL];
        final double span = p.absorptionCapacityDown() - p.absorptionCapacityUp();
        final double frac = c8 / (p.absorptionCapacityCtriol50() + c8);
        final double up = p.absorptionCapacityUp() + span * frac;
        final double down = p.absorptionCapacityDown() - span * frac;
        dydt[o + ABS_CAPACITY] += up * (1 - capacity) - down * capacity;

        // Phosphate.
        final double po4Gut = y[o + PO4_GUT];
        final double binder = y[o + BINDER];
        final double bound = p.binderRate() * Math.max(0, binder) * Math.max(0, po4Gut)
                + (calciumBindsPhosphate ? calciumPhosphateBindingMax * transit * Math.max(0, po4Gut) / (Math.max(0, po4Gut) + caPhosphateK) : 0);
        final double j53 = p.po4GutAbsorptionRate() * po4Gut * y[o + PO4_ABS_CAPACITY];
        // FGF23 lowers the renal phosphate threshold (TmP/GFR: NaPi-2a/2c removal), 1 at the reference adult.
        final double j48 = Math.max(0, p.po4ReabsFraction() * kidneyGfr * (c2 - t46 * fgf.phosphaturia(fgfRatio)));
        // Maintenance haemodialysis removes phosphate too: thrice-weekly sessions as a time-averaged
        // clearance (booked with urine in po4UrineCum, the only exit of ECF phosphate besides bone).
        final double dialysed = drivers.haemodialysis() ? dialysisPo4Clearance * Math.max(c2, 0) : 0;
        final double j54 = p.po4IcfExchangeIn() * c2;
        final double j56 = p.po4IcfExchangeOut() * y[o + PO4_ICF];
        dydt[o + PO4_GUT] += dietP * po4Entering - j53 - bound;
        dydt[o + BINDER] -= p.binderRate() * Math.max(0, binder) * Math.max(0, po4Gut) + p.gutTransitRate() * binder;
        dydt[o + PO4] += p.hapPerCaBone() * (j14 - j15 + jPth + remodel) - j48 - dialysed + j53 - j54 + j56;
        dydt[o + PO4_ICF] += j54 - j56;

        // FGF23 (ACOP 2020 extension, no FGFR inhibitor): stimulated by phosphate above baseline and
        // by calcitriol, and (added here) by the phosphate load per nephron: each remaining nephron
        // must excrete more of the same load, so FGF23 rises from early CKD while serum phosphate is
        // still normal (Isakova 2011). The two parts of that load enter with their own exponents:
        // nephron loss (reference GFR / GFR) steeply, absorbed dietary phosphate (smoothed over days)
        // weakly, as measured in healthy adults (Burnett 2006). RPHOS scales gut phosphate
        // absorption with calcitriol.
        dydt[o + PO4_LOAD] += fgf.loadRate() * (j53 / j53Ref - y[o + PO4_LOAD]);
        final double phosStim = c2 > c2x0 ? fgfPhosphatePow.of(c2 / c2x0) : 1;
        final double ctriolStim = fgfCalcitriolPow.of(Math.max(c8, 0) / c80);
        final double loadStim = nephronPow.of(gfrRef / Math.max(gfr, MIN_GFR_LITRES_PER_HOUR))
                * fgfDietPow.of(Math.max(y[o + PO4_LOAD], 0));
        dydt[o + FGF23] += p.fgf23Rate() * (p.fgf23Baseline() * loadStim * phosStim * ctriolStim - y[o + FGF23]);
        final double rMax = p.po4AbsorptionCtriolMax();
        final double po4Drive = c8 * rMax / (c8 + c80 * (rMax - 1));
        dydt[o + PO4_ABS_CAPACITY] += p.po4AbsorptionCapacityRate() * (po4Drive - y[o + PO4_ABS_CAPACITY]);

        // Reduced bone cells: osteoclasts follow PTH (lumping RANKL/OPG), osteoblasts follow osteoclasts.
        // The drive saturates (Emax, 1 at baseline PTH): in P&R osteoclasts are bounded by RANK-RANKL
        // binding (their CKD run plateaus near 2.8 x baseline, model-anchors 1.7). An unbounded power
        // of PTH let OC and OB reach 30 x baseline in CKD G4, where OB-driven uptake (J15, linear in
        // OB) outgrows OC-driven release (J14, saturating in OC): bone then draws calcium from plasma,
        // PTH rises further, and serum calcium collapsed (below 0.5 mmol/L after three years).
        // The Hill exponent gamma * max / (max - 1) keeps the small-signal sensitivity d ln OC / d ln PTH
        // = gamma of the former power law at baseline.
        // Uraemic skeletal resistance scales the PTH signal (relative to the derivation eGFR, 1 in health).
        final double resistance = skeletalPthResistance(drivers.egfrMlPerMin()) / pthResistance0;
        // (pthc resistance / pthc0)^gamma, the PTH power shared with the hydroxylase above
        final double pthRatioPow = pthPowers.of(Math.max(pthc, 0), 1) * osteoclastResistancePow.of(resistance / pthc0);
        final double drive = osteoclastDriveMax * pthRatioPow / (pthRatioPow + osteoclastDriveMax - 1);
        dydt[o + OC] += p.osteoclastRate() * (drive - oc);
        dydt[o + OB] += p.osteoblastRate() * (oc - ob);

        dydt[o + CA_IN] += dietCa;
        dydt[o + CA_FAECES] += transit;
        dydt[o + CA_URINE] += urineCa + dialysedCa;
        dydt[o + CA_ABSORBED] += absorbed - secreted;
        dydt[o + PO4_IN] += dietP;
        dydt[o + PO4_FAECES] += (1 - po4Entering) * dietP + bound;
        dydt[o + PO4_URINE] += j48 + dialysed;
    }

    @Override
    public void applyIntake(Intake intake, double[] y) {
        double a = intake.amount();
        switch (intake.kind()) {
            case CALCIUM_FOOD -> calcium(y, a, 1.0, CA_MEAL);
            case CALCIUM_DRINK -> calcium(y, a, 1.0, CA_STOMACH);
            case CALCIUM_CARBONATE_WITH_FOOD -> calcium(y, a, p.carbonateAvailableWithFood(), CA_STOMACH);
            case CALCIUM_CARBONATE_FASTING -> calcium(y, a, p.carbonateAvailableFasting(), CA_TABLET);
            case CALCIUM_CITRATE_WITH_FOOD -> calcium(y, a, p.citrateAvailable(), CA_STOMACH);
            case CALCIUM_CITRATE_FASTING -> calcium(y, a, p.citrateAvailable(), CA_TABLET);
            case PHOSPHATE_FOOD -> {
                y[o + PO4_IN] += a;
                y[o + PO4_GUT] += po4Entering * a;
                y[o + PO4_FAECES] += (1 - po4Entering) * a;
            }
            case PHOSPHATE_BINDER -> y[o + BINDER] += a;
            case VITAMIN_K1, VITAMIN_MK4, VITAMIN_MK7, WARFARIN -> {
                // not a mineral intake
            }
        }
    }

    /**
     * The gut's linear part: the two stomach stages of a solid meal, the dissolved-calcium and
     * fasting-tablet stomach depots, the small-intestinal transit chain and its paracellular
     * absorption (the saturable transcellular uptake and the endogenous secretion are not linear
     * and stay with the solver).
     */
    @Override
    public List<LinearTransfer> linearTransfers() {
        List<LinearTransfer> out = new java.util.ArrayList<>();
        out.add(transfer(CA_MEAL, CA_CHYME, p.solidMealEmptyingRate()));
        out.add(transfer(CA_CHYME, CA_GUT, p.solidMealEmptyingRate()));
        out.add(transfer(CA_STOMACH, CA_GUT, p.mealEmptyingRate()));
        out.add(transfer(CA_TABLET, CA_GUT, p.fastingEmptyingRate()));
        for (int i = 0; i < SEGMENTS.length; i++) {
            out.add(transfer(SEGMENTS[i], i + 1 < SEGMENTS.length ? SEGMENTS[i + 1] : -1, segmentTransitRate));
            out.add(transfer(SEGMENTS[i], -1, p.gutParacellularRate()));
        }
        return List.copyOf(out);
    }

    private static LinearTransfer transfer(int from, int to, double rate) {
        return new LinearTransfer(VARIABLES.get(from).id(),
                to < 0 ? null : VARIABLES.get(to).id(), rate);
    }

    /** The share of a tablet that does not dissolve passes straight to faeces. */
    private void calcium(double[] y, double amount, double available, int depot) {
        y[o + CA_IN] += amount;
        y[o + depot] += available * amount;
        y[o + CA_FAECES] += (1 - available) * amount;
    }

    @Override
    public List<DerivedOutput> outputs() {
        return List.of(
                out("serumCalciumTotal", "mmol/L", "total serum calcium", (t, y, d) -> y[o + CA] / p.ecfVolume()),
                out("serumCalciumIonised", "mmol/L", "ionised serum calcium (constant fraction of total)",
                        (t, y, d) -> p.ionisedFraction() * y[o + CA] / p.ecfVolume()),
                out("serumPhosphate", "mmol/L", "serum phosphate", (t, y, d) -> y[o + PO4] / p.ecfVolume()),
                out("pth", "pmol/L", "intact PTH", (t, y, d) -> y[o + PTH] / p.ecfVolume()),
                out("pthPgMl", "pg/mL", "intact PTH", (t, y, d) -> y[o + PTH] / p.ecfVolume() * p.pthPgPerPmol()),
                out("calcitriol", "pmol/L", "serum 1,25(OH)2D", (t, y, d) -> y[o + CALCITRIOL] / p.ecfVolume()),
                out("bmd", "1", "bone calcium (exchangeable + deep) relative to the reference adult",
                        (t, y, d) -> (y[o + BONE_EXCH] + y[o + BONE]) / (q0 + qBone0)),
                out("urinaryCalcium", "mmol/d", "urinary calcium excretion rate",
                        (t, y, d) -> 24 * renalCalcium(y[o + CA] / p.ecfVolume(), y[o + PTH] / p.ecfVolume(),
                                y[o + CALCITRIOL] / p.ecfVolume(), gfrLitresPerHour(d.egfrMlPerMin()))),
                out("absorbedCalcium", "mmol/d", "gut calcium absorption rate (gross, before secretion)",
                        (t, y, d) -> 24 * nephronFactor(gutGfrPow, gutGfrExponent, gfrLitresPerHour(d.egfrMlPerMin()))
                                * gutAbsorption(y, y[o + ABS_CAPACITY])),
                out("fgf23", "pg/mL", "intact FGF23", (t, y, d) -> y[o + FGF23]),
                out("egfr", "mL/min/1.73m2", "kidney function driver", (t, y, d) -> d.egfrMlPerMin()));
    }

    private static DerivedOutput out(String id, String unit, String description, DerivedOutput.Formula fn) {
        return DerivedOutput.of(id, unit, description, fn);
    }
}
