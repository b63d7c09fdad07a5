package org.vascalc.physiology.mineral;

import static org.vascalc.core.input.ValidRange.fmt;
import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

import java.util.List;
import org.vascalc.core.input.ModelDomainException;
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
 * Calcium and phosphate homeostasis after Peterson &amp; Riggs (Bone 2010;46:49-63), re-implemented
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
public final class MineralBlock implements Block {

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
            v("caUrineCum", "mmol", 1e-4, TimeScale.SLOW, "cumulative urinary calcium (plus net dialysate calcium on haemodialysis)"),
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
    /**
     * Phosphate bound by the unabsorbed calcium that leaves the small intestine, mmol P per mmol of
     * that calcium at the habitual gut phosphate (catalog {@code calciumPhosphateBinding}; Heaney &amp;
     * Nordin 2002: faecal phosphorus rises 0.332 g per g of faecal calcium in balance studies).
     */
    private final double calciumPhosphateBinding;
    /**
     * The most phosphate the unabsorbed calcium can bind, mmol P per mmol Ca (catalog
     * {@code calciumPhosphateBindingMax}: the stoichiometry of the insoluble calcium phosphate); the
     * binding saturates in gut phosphate toward it, {@code max · PhosGut / (PhosGut + K)}.
     */
    private final double calciumPhosphateBindingMax;
    /**
     * Whether the gut calcium binds phosphate (catalog {@code calciumPhosphateBindingOn} 1). Off (0,
     * the default) the model is the one before: with it on, fast mode misses its agreement with
     * reference mode in CKD G4 on calcium carbonate (the regimen's start transient; the smoothed
     * phosphate load's within-day ripple, the first obstacle, is gone since it follows the period's
     * mean; docs/model/mineral.md, "Calcium binds gut phosphate").
     */
    private final boolean calciumBindsPhosphate;
    /**
     * Whether the transcellular capacity follows Peterson &amp; Riggs' Hill law in R (catalog
     * {@code gutTranscellularCalcitriolHill} 1): {@code R^n/(R^n + R50^n)} normalised to 1 at R = 0.5, with
     * P&amp;R's T80 and T81 ({@code absorptionCapacityHillGamma}, {@code absorptionCapacityHill50}). Off (0,
     * the default) it is R/0.5, the model before. At R = 0.5 both are 1 (the derived Vmax is the same);
     * below, the Hill law leaves little transcellular uptake at the calcitriol of dialysis patients, where
     * true absorption is the paracellular 12 % (docs/model/mineral.md, "Gut absorption at low calcitriol").
     */
    private final boolean transcellularHill;
    /**
     * Whether the calcitriol regulation re-derived for calcium intake is on (catalog
     * {@code calcitriolRegulationOn} 1; docs/model/mineral.md, "Calcitriol's response to calcium
     * intake"). Off (0, the default) the model is the one before: P&amp;R's Hill law of PTH on
     * 1-alpha-hydroxylase and their gland-pool law. On: synthesis is
     * {@code T65 (PTH/PTH0)^eP (Ca/Ca0)^-kCa FGF23eff} (PTH elasticity {@code hydroxylasePthElasticity},
     * the tubular calcium-sensing receptor's direct suppression {@code hydroxylaseCalciumGamma}), and the
     * gland pool sees calcitriol with the sensitivity {@code glandPoolCalcitriolScale} x T71 (its
     * calcium threshold unchanged).
     */
    private final boolean calcitriolRegulation;
    private final double glandCalcitriolScale;
    /**
     * Exponent of FGF23 over baseline suppressing 1-alpha-hydroxylase synthesis: the catalog's
     * {@code fgf23HydroxylaseGamma}, or with {@code calcitriolRegulationOn} its re-derived
     * {@code hydroxylaseFgf23Gamma}.
     */
    private final double hydroxylaseFgfGamma;
    private final PowMemo hydroxylasePthPow, hydroxylaseCaPow;
    /** The Hill law's exponent n, R50^n and normalisation (0.5^n + R50^n)/0.5^n; n = 4 by multiplication. */
    private final double hillGamma, hill50Pow, hillNorm;
    private final boolean hillFour;
    /**
     * Derived in {@link #initialise}: the gut phosphate K, mmol, at which the binding is half its
     * maximum (set so that it is {@code calciumPhosphateBinding} at the habitual gut phosphate), and the fraction of
     * dietary phosphorus that enters the absorbable pool, so that the habitual diet's net absorbed
     * fraction, after the binding by the patient's own faecal calcium on the baseline, is P&amp;R's F12
     * ({@code po4Bioavailability}; at most 1). docs/model/mineral.md, "Calcium binds gut phosphate".
     */
    private double caPhosphateK = Double.NaN, po4Entering = Double.NaN;
    /**
     * The drive of the smoothed phosphate load ({@code po4AbsorbedLoad}): absorbed phosphate relative
     * to the habitual diet's, as its mean over the last dosing period (FGF23 follows the load of
     * days, not of the meal: docs/model/mineral.md, "FGF23 follows the daily phosphate load").
     * Reference mode holds that mean here ({@link #holdPeriodMeans}: {@code loadHeld}, the mean, and
     * the cumulative absorbed phosphate and time at the last boundary); fast mode leaves it unheld and
     * the rate sees the absorbed flux itself, which its SLOW quadrature averages over the orbit.
     */
    private boolean loadHeld;
    private double heldLoad, absorbedAtHold, holdTime;
    /** FGF23 feedback constants (kept out of {@link MineralParameters} to keep the change local). */
    private final Fgf23Parameters fgf;
    /** Time-averaged dialytic phosphate clearance on maintenance haemodialysis, L/h. */
    private final double dialysisPo4Clearance;
    /**
     * Dialysate calcium exchange on maintenance haemodialysis: the default dialysis-fluid calcium,
     * mmol/L, the time-averaged diffusive dialysance, L/h, and the time-averaged ultrafiltration, L/h
     * (docs/model/mineral.md, "Dialysate calcium").
     */
    private final double dialysateCaDefault, caDialysance, ultrafiltration;
    /**
     * Residual GFR on maintenance haemodialysis when the condition sets none, mL/min: the residual kidneys
     * filter calcium and phosphate at this rate, each nephron reabsorbing as in the reference kidney
     * (docs/model/mineral.md, "Residual kidney on dialysis").
     */
    private final double residualGfrDefault;
    /**
     * Whether the residual kidneys excrete on haemodialysis for every patient (catalog
     * {@code haemodialysisResidualKidney} 1); at 0, the default, only a patient whose condition gives a
     * residual GFR gets them, the others keep the former kidney (P&amp;R's J27 and J48 at the eGFR driver):
     * with the residual kidney the model's dialysis patients become hypercalcaemic, because the gut
     * over-absorbs at low calcitriol (docs/model/mineral.md, "Residual kidney on dialysis"); with the
     * Hill law on the transcellular route as well ({@code gutTranscellularCalcitriolHill}) calcium is
     * plausible but phosphate and PTH are not ("Gut absorption at low calcitriol").
     */
    private final boolean residualKidney;
    /**
     * Exponent of the osteoblast index on the slow exchange between the exchangeable pool and
     * mineralised bone (both directions x OB^e); 0 is Peterson &amp; Riggs' turnover-independent
     * exchange, 1 proportional to bone formation.
     */
    private final double deepExchangeCellExponent;
    private final PowMemo deepExchangePow;
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
    private final PowMemo resistancePow, nephronPow, fgfHydroxylasePow, fgfPhosphatePow, fgfDietPow,
            effluxPow, osteoclastResistancePow;
    /**
     * The power laws whose base is a FAST state that changes at every call of the orbit integration,
     * from a grid point's powers and a short series ({@link PowersOf}; relative difference from
     * {@code Math.pow} below 1e-15): calcium's Hill term, the gland-pool threshold (ca0/ca)^g and the
     * gland-capacity signal (c80/threshold)^gc, all powers of ca times constants; PTH in
     * 1-alpha-hydroxylase and the osteoclast drive; the bone efflux's power of PTH over its adapted
     * level is the exponential of the adaptation rate's logarithm. Five calls of {@code Math.pow}
     * became two logarithms and six exponentials (docs/performance-log.md, "orbitstep"), then two
     * polynomials of a few terms per base (the same log, "powers").
     */
    private final PowersOf caPowers, pthPowers;
    /**
     * FGF23's stimulation by calcitriol, (c8 / c80)^0.6: calcitriol is FAST too, so its power was a
     * {@code Math.pow} at every call ({@link PowersOf}, same accuracy as the other FAST powers).
     */
    private final PowersOf fgfCalcitriolPow;
    /** The same powers for {@link #addSlowRates}: those of calcium's gland laws and the osteoclast power of PTH only. */
    private final PowersOf slowCaPowers, slowPthPowers;
    private final double effluxExponent;
    /**
     * Exponents with an exact algebraic form, checked once: the bone efflux's Hill exponent
     * gamma · max / (max − 1) is 1 at the catalog's values (the power of PTH over its adapted level is
     * then the ratio itself, not the exponential of its logarithm), and FGF23's suppression of
     * 1-alpha-hydroxylase is ratio^−0.5, one square root instead of {@code Math.pow} (within 2 units in
     * the last place of it; MineralExactPowersTest).
     */
    private final boolean effluxLinear, hydroxylaseInverseSqrt;
    /** ca0^g and c80^gc ca0^(-g gc): the constant factors of the gland-pool and gland-capacity powers. */
    private double glandPoolCa0Pow, glandCtriolFactor;
    /**
     * Reciprocals of constant divisors, so that the derivative call multiplies instead of dividing
     * (a division costs several multiplications; the results change by rounding only, checked against
     * the dividing block when made, percall2, 2026-12-01): 1 / ECF volume, 1 / FGF23 baseline (constructor); 1 / c2x0,
     * 1 / c80, 1 / j53Ref (initialise). The renal reabsorption keeps its division: the baseline's
     * derivation reads it, and the baseline stays bit-identical.
     */
    private final double inverseEcfVolume, inverseFgfBaseline;
    private double inverseC2x0, inverseC80, inverseJ53Ref, inversePthc0 = Double.NaN, inverseCa0 = Double.NaN;
    /**
     * FGF23's stimulation by phosphate above baseline is (c2 / c2x0)^gamma with gamma 1 at the
     * catalog's value: the ratio itself (bit-identical to {@code Math.pow(x, 1)}).
     */
    private final boolean phosphateStimLinear;
    /** Coupled osteoclast resorption and osteoblast formation in mineralised bone (built in initialise). */
    private BoneRemodelling remodelling;
    /** Last input and result of the log in the PTH-adaptation rate (same reasoning as the powers). */
    private long lastAdaptRatioBits = Double.doubleToRawLongBits(Double.NaN);
    /**
     * Driver-only terms remembered for the last driver value (raw bits; {@link #NO_VALUE} none):
     * the osteoclast drive's skeletal-resistance factor by eGFR, the renal filtered load per unit of
     * calcium and the maximal reabsorption by GFR, and FGF23's nephron-loss factor by GFR.
     */
    private static final long NO_VALUE = Double.doubleToRawLongBits(Double.NaN);
    private long resistanceEgfrBits = NO_VALUE, renalGfrBits = NO_VALUE, nephronLoadGfrBits = NO_VALUE;
    /** Whether the remembered renal terms are the residual kidney's on dialysis (offset per nephron). */
    private boolean renalResidual;
    private double resistanceFactor, renalFilteredPerCa, renalReabsMax, nephronLoad;
    private double lastAdaptLog = Double.NaN;

    /**
     * Products and differences of constants that the rates read, formed once so that a derivative call
     * does no arithmetic on constants alone: each is the leading part of the rate's former expression,
     * evaluated in the same order (Java's left to right), so the rates are the same bits
     * (docs/performance-log.md, "callcost2"). 1 − fracJ14; the exchangeable pool's first-order release
     * rate t13 (1 − fracJ14), 1/h, and the PTH efflux's scale t13 (1 − fracJ14) Q0, mmol/h
     * (initialise); the spans of PTH secretion (max − min, pmol/h), of the gland capacity's calcitriol
     * effect (max − min, 1) and of the absorption capacity's rates (down − up, 1/h); c80 (RPHOS max − 1),
     * pmol/L (initialise).
     */
    private final double oneMinusFracJ14, secretionSpan, glandCtriolSpan, absorptionCapacitySpan;
    private double releaseRate = Double.NaN, effluxScale = Double.NaN, po4DriveOffset = Double.NaN;

    // Derived from the baseline (Peterson & Riggs derive their EC50s the same way).
    private double ca0, pthc0, c2x0, c80, p0, q0, qBone0, t13, t15, j14Oc50PowG, t60PowG, t17, t66,
            t67PowA, t65, ctriol50PowG, t46, kSecretion, k15a, j53Ref, gfrRef;

    /**
     * The basal share of the maximal PTH secretion per unit of gland capacity (P&amp;R's T58 at
     * capacity 1), 1, above which a dialysis patient's measured PTH is carried by a larger gland
     * (docs/model/mineral.md, "High PTH on dialysis: an enlarged gland").
     */
    private final double glandBasalShare;

    /** The gland capacity (PTmax) the last derivation started from, 1 (1 but for a high PTH: startingGlandCapacity). */
    private double glandCapacity0 = 1;

    public MineralBlock(ParameterCatalog catalog) {
        this(catalog, new PowersOf.Shared());
    }

    /**
     * With the {@link PowersOf} instances (and their tables) of {@code powers}: a simulator's blocks
     * of its earlier runs' (the same bits; {@link PowersOf.Shared}). Only on the thread that owns
     * {@code powers}.
     */
    public MineralBlock(ParameterCatalog catalog, PowersOf.Shared powers) {
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
        this.transcellularHill = catalog.value("gutTranscellularCalcitriolHill") != 0;
        this.calcitriolRegulation = catalog.value("calcitriolRegulationOn") != 0;
        this.glandCalcitriolScale = catalog.value("glandPoolCalcitriolScale");
        this.hydroxylasePthPow = new PowMemo(catalog.value("hydroxylasePthElasticity"));
        this.hydroxylaseCaPow = new PowMemo(-catalog.value("hydroxylaseCalciumGamma"));
        this.hydroxylaseFgfGamma = calcitriolRegulation ? catalog.value("hydroxylaseFgf23Gamma") : fgf.hydroxylaseGamma();
        this.hillGamma = catalog.value("absorptionCapacityHillGamma");
        this.hillFour = hillGamma == 4;
        this.hill50Pow = Math.pow(catalog.value("absorptionCapacityHill50"), hillGamma);
        double halfPow = Math.pow(0.5, hillGamma);
        this.hillNorm = (halfPow + hill50Pow) / halfPow;
        if (!(calciumPhosphateBindingMax > calciumPhosphateBinding)) {
            throw new IllegalArgumentException("calciumPhosphateBindingMax " + calciumPhosphateBindingMax
                    + " must exceed calciumPhosphateBinding " + calciumPhosphateBinding);
        }
        this.dialysisPo4Clearance = catalog.value("haemodialysisPo4Clearance");
        this.dialysateCaDefault = catalog.value("haemodialysisDialysateCalcium");
        this.caDialysance = catalog.value("haemodialysisCaDialysance");
        this.ultrafiltration = catalog.value("haemodialysisUltrafiltration");
        this.residualGfrDefault = catalog.value("haemodialysisResidualGfr");
        this.residualKidney = catalog.value("haemodialysisResidualKidney") != 0;
        this.glandBasalShare = catalog.value("haemodialysisGlandBasalShare");
        this.deepExchangeCellExponent = catalog.value("deepBoneExchangeCellExponent");
        this.deepExchangePow = new PowMemo(deepExchangeCellExponent);
        this.pthResistanceOnsetEgfr = catalog.value("pthSkeletalResistanceOnsetEgfr");
        this.pthResistanceGamma = catalog.value("pthSkeletalResistanceGamma");
        this.resistancePow = new PowMemo(pthResistanceGamma);
        this.renalOffsetGfrExponent = catalog.value("renalCaOffsetNephronExponent");
        this.gutGfrExponent = catalog.value("gutCaNephronExponent");
        this.renalOffsetPow = new PowMemo(renalOffsetGfrExponent);
        this.gutGfrPow = new PowMemo(gutGfrExponent);
        this.nephronPow = new PowMemo(fgf.nephronGamma());
        this.caPowers = powers.of(p.pthCaHill(), -p.glandPoolCaGamma(), p.glandPoolCaGamma() * p.glandCtriolGamma());
        this.fgfHydroxylasePow = new PowMemo(-hydroxylaseFgfGamma);
        this.fgfPhosphatePow = new PowMemo(p.fgf23PhosphateGamma());
        this.fgfCalcitriolPow = powers.of(p.fgf23CalcitriolGamma());
        this.fgfDietPow = new PowMemo(fgf.dietGamma());
        this.effluxExponent = effluxGamma * effluxMax / (effluxMax - 1);
        this.effluxPow = new PowMemo(effluxExponent);
        this.effluxLinear = effluxExponent == 1;
        this.hydroxylaseInverseSqrt = hydroxylaseFgfGamma == 0.5;
        double osteoclastExponent = p.osteoclastPthGamma() * osteoclastDriveMax / (osteoclastDriveMax - 1);
        this.osteoclastResistancePow = new PowMemo(osteoclastExponent);
        this.pthPowers = powers.of(p.hydroxylasePthGamma(), osteoclastExponent);
        this.slowCaPowers = powers.of(-p.glandPoolCaGamma(), p.glandPoolCaGamma() * p.glandCtriolGamma());
        this.slowPthPowers = powers.of(osteoclastExponent);
        this.inverseEcfVolume = 1 / p.ecfVolume();
        this.inverseFgfBaseline = 1 / p.fgf23Baseline();
        this.phosphateStimLinear = p.fgf23PhosphateGamma() == 1;
        this.oneMinusFracJ14 = 1 - p.fracJ14();
        this.secretionSpan = p.pthSecretionMax() - p.pthSecretionMin();
        this.glandCtriolSpan = p.glandCtriolMax() - p.glandCtriolMin();
        this.absorptionCapacitySpan = p.absorptionCapacityDown() - p.absorptionCapacityUp();
    }

    public static ParameterCatalog defaultParameters() {
        return ParameterCatalog.fromResource(MineralBlock.class, RESOURCE);
    }

    private static StateVariable v(String name, String unit, double atol, TimeScale ts, String d) {
        return new StateVariable(ID + "." + name, unit, atol, ts, d);
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * {@link #VARIABLES} with the absorption capacity R SLOW, as its phosphate twin RPHOS: with
     * {@code calcitriolRegulationOn} 1 calcitriol follows calcium and PTH, and R (relaxing over a day
     * or more, P&amp;R T33/T34) then forms with calcitriol, FGF23 and PTH a FAST mode of 1.3 days (CKD
     * G5), as slow as the SLOW states it drives; fast mode's day orbit cannot carry its lag
     * (docs/model/mineral.md, "Calcitriol in fast mode").
     */
    private static final List<StateVariable> VARIABLES_REGULATED = VARIABLES.stream()
            .map(v -> v.id().equals(ID + ".absorptionCapacity")
                    ? new StateVariable(v.id(), v.unit(), v.absoluteTolerance(), TimeScale.SLOW, v.description()) : v)
            .toList();

    @Override
    public List<StateVariable> variables() {
        return calcitriolRegulation ? VARIABLES_REGULATED : VARIABLES;
    }

    @Override
    public void bind(StateLayout layout) {
        o = layout.offset(ID);
    }

    /** ECF volume, L: concentrations are pool / volume. */
    public double ecfVolume() {
        return p.ecfVolume();
    }

    /**
     * Whether {@link #initialise} derives the patient's baseline at their own eGFR (a steady state of
     * that kidney function): when any mineral lab is given (labs are measured at the patient's own
     * kidney function), or the eGFR is at or above {@code ckdEgfrThreshold} (mL/min/1.73 m²; normal
     * labs belong to normal kidney function). Otherwise (CKD without labs) the baseline is derived at
     * the reference GFR and the run-in follows the path to the homeostasis of the patient's eGFR. The
     * engine's run-in reads the same predicate to choose its shortcut.
     */
    public static boolean derivedAtOwnEgfr(Patient patient, double ckdEgfrThreshold) {
        boolean labs = patient.serumCalciumMmolL().isPresent() || patient.serumPhosphateMmolL().isPresent()
                || patient.pthPgMl().isPresent();
        return labs || patient.egfrMlPerMin() >= ckdEgfrThreshold;
    }

    /**
     * Whether the last {@link #initialise} floored the phosphate threshold T46: the patient's phosphate
     * is too low for the kidney at the derivation eGFR to excrete the habitual phosphate load, so the
     * baseline is no steady state on that diet and phosphate rises in the run-in (the engine says so
     * when the run does not start at the measured phosphate).
     */
    public boolean phosphateThresholdFloored() {
        return phosphateThresholdFloored;
    }

    private boolean phosphateThresholdFloored;

    /**
     * Whether {@link #initialise(Patient, Drivers, double[])} derived the last baseline with the
     * haemodialysis condition's time-averaged phosphate clearance and dialysate calcium exchange (a
     * patient on haemodialysis who brings a mineral lab): the labs are then the steady state of the
     * run-in with dialysis, at the eGFR the run-in holds.
     */
    public boolean derivedOnDialysis() {
        return derivedOnDialysis;
    }

    private boolean derivedOnDialysis;

    /**
     * The baseline of a patient who is not on dialysis, or who brings no mineral lab (the same
     * derivation as {@link #initialise(Patient, Drivers, double[])} with drivers off dialysis).
     */
    @Override
    public void initialise(Patient patient, double[] y) {
        derive(patient, null, y);
    }

    /**
     * The baseline for the run-in's drivers {@code runIn} (the conditions at t = 0). Labs measured on
     * haemodialysis are measured on dialysis: for a patient on the haemodialysis condition who brings
     * any mineral lab, the balances that derive the phosphate threshold T46 and the gut's transcellular
     * capacity include the condition's time-averaged phosphate clearance and dialysate calcium
     * exchange, and the baseline is derived at the eGFR the run-in holds ({@code haemodialysisEgfr})
     * with the kidneys excreting at the run-in's kidney GFR (the residual kidneys' when active), so
     * the labs are a steady state of the run-in with dialysis (docs/model/mineral.md, "Labs measured on
     * dialysis"). Every other patient: {@link #initialise(Patient, double[])}, the same bits.
     */
    @Override
    public void initialise(Patient patient, Drivers runIn, double[] y) {
        derive(patient, runIn.haemodialysis() && hasLabs(patient) ? runIn : null, y);
    }

    /**
     * The gland capacity (PTmax) a baseline starts from, 1, for the PTH secretion {@code secretion0} the measured
     * PTH asks at rest (kout V PTH, pmol/h). A high PTH is secreted by an enlarged gland (parathyroid hyperplasia):
     * the gland then starts at the capacity that secretes it at the basal share {@code share} of the maximal
     * secretion {@code t58} of one unit of capacity, so its maximal PTH is the basal one over the share, as measured
     * in haemodialysis patients (docs/model/mineral.md, "High PTH on dialysis: an enlarged gland"). One rule on and off
     * dialysis (glandsmooth, "High PTH off dialysis"): the gland is enlarged wherever the PTH is above the share of
     * {@code t58} (352 pg/mL), so the starting capacity is continuous in PTH; a normal gland does not sit above the
     * share of its maximum. Otherwise capacity 1 (exactly, so every start below keeps its bits).
     */
    static double startingGlandCapacity(double secretion0, double share, double t58) {
        return Math.max(1, secretion0 / (share * t58));
    }

    /**
     * The highest measured PTH, pg/mL, a baseline can start at, on or off dialysis: the basal share of the
     * maximal secretion of a gland grown to P&amp;R's largest capacity (the gland capacity's CtriolMax), share x
     * CtriolMax x T58 / (kout V) (1446 pg/mL with the catalog's parameters). Computed here once for the
     * derivation's refusal and the scenario check's warning ({@code ScenarioCheck#pth}), so they agree.
     */
    public static double highestStartingPthPgMl(ParameterCatalog catalog) {
        return highestStartingPth(MineralParameters.from(catalog), catalog.value("haemodialysisGlandBasalShare"));
    }

    /**
     * The lowest measured PTH, pg/mL, a baseline can start at: the minimal secretion (T61) of a gland of capacity 1,
     * T61 / (kout V) (9.05 pg/mL with the catalog's parameters), whatever the calcium; the derivation's refusal below
     * it and the scenario check's warning read it.
     */
    public static double lowestStartingPthPgMl(ParameterCatalog catalog) {
        return lowestStartingPth(MineralParameters.from(catalog));
    }

    private static double lowestStartingPth(MineralParameters p) {
        return p.pthSecretionMin() / (p.pthKout() * p.ecfVolume()) * p.pthPgPerPmol();
    }

    private static double highestStartingPth(MineralParameters p, double share) {
        return share * p.glandCtriolMax() * p.pthSecretionMax() / (p.pthKout() * p.ecfVolume()) * p.pthPgPerPmol();
    }

    private static boolean hasLabs(Patient patient) {
        return patient.serumCalciumMmolL().isPresent() || patient.serumPhosphateMmolL().isPresent()
                || patient.pthPgMl().isPresent();
    }

    /**
     * Derives the baseline; {@code dialysis} is the run-in's drivers of a patient on haemodialysis with
     * labs (their clearances enter the balances), or null.
     */
    private void derive(Patient patient, Drivers dialysis, double[] y) {
        derivedOnDialysis = dialysis != null;
        ca0 = patient.serumCalciumMmolL().orElse(p.caTotalRef());
        pthc0 = patient.pthPgMl().isPresent() ? patient.pthPgMl().getAsDouble() / p.pthPgPerPmol() : p.pthRef();
        c2x0 = patient.serumPhosphateMmolL().orElse(p.po4Ref());
        c80 = p.calcitriolRef();
        inverseC2x0 = 1 / c2x0;
        inverseC80 = 1 / c80;
        inversePthc0 = 1 / pthc0;
        inverseCa0 = 1 / ca0;
        // Labs are measured at the patient's own kidney function, and normal labs belong to normal
        // kidney function; a patient with CKD and no labs is derived at the reference GFR and reaches
        // the homeostasis of their eGFR by stabilisation (secondary hyperparathyroidism etc.).
        // On dialysis the run-in holds the condition's eGFR driver (haemodialysisEgfr), whatever the
        // patient file's eGFR: the labs are the steady state at that one.
        double egfr0 = dialysis != null ? dialysis.egfrMlPerMin()
                : derivedAtOwnEgfr(patient, p.ckdEgfrThreshold()) ? patient.egfrMlPerMin() : p.gfrRefMlPerMin();
        double gfr0 = gfrLitresPerHour(egfr0);
        gfrDerivation = gfr0;
        // Labs measured in CKD are taken at the resistance of that eGFR, so the resistance enters
        // relative to the derivation eGFR and a CKD patient with labs is still a steady state.
        pthResistance0 = skeletalPthResistance(egfr0);
        forgetDriverTerms();
        double v = p.ecfVolume();
        p0 = ca0 * v;
        q0 = p.caBoneExchRef();
        qBone0 = p.caBoneRef();
        k15a = p.k14a() * qBone0 / q0;
        t13 = p.boneTurnoverCaPerDay() / 24 / q0;
        t15 = p.boneTurnoverCaPerDay() / (ca0 * v * 24);
        releaseRate = t13 * oneMinusFracJ14;
        effluxScale = releaseRate * q0;
        po4DriveOffset = c80 * (p.po4AbsorptionCtriolMax() - 1);
        j14Oc50PowG = p.j14OcMax() / t13 - 1;
        remodelling = new BoneRemodelling(p.j14OcMax() * q0 * p.fracJ14(), j14Oc50PowG, p.j14OcGamma());
        double pth0 = pthc0 * v;
        double secretion0 = p.pthKout() * pth0;
        glandCapacity0 = startingGlandCapacity(secretion0, glandBasalShare, p.pthSecretionMax());
        double perCapacity0 = glandCapacity0 == 1 ? secretion0 : secretion0 / glandCapacity0;
        double caPow = Math.pow(ca0, p.pthCaHill());
        t60PowG = caPow * (p.pthSecretionMax() - p.pthSecretionMin()) / (p.pthSecretionMax() - perCapacity0) - caPow;
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
        inverseJ53Ref = 1 / j53Ref;
        // Unabsorbed calcium binds gut phosphate (docs/model/mineral.md, "Calcium binds gut
        // phosphate"): the faecal calcium of the baseline is the habitual intake less the net
        // absorption, which equals urinary calcium at balance; the binding per faecal calcium is the
        // catalog's at the habitual gut phosphate (R = 1), which sets K, and the entering fraction is
        // the one that leaves P&R's net absorbed fraction F12 after that binding.
        double po4GutHabitual = j53Ref / p.po4GutAbsorptionRate();
        caPhosphateK = po4GutHabitual * (calciumPhosphateBindingMax / calciumPhosphateBinding - 1);
        // The kidneys excrete at the derivation GFR; on dialysis at the run-in's kidney GFR (the residual
        // kidneys' when active), and the dialysis fluid exchanges calcium (Jdial, > 0 removal) and clears
        // phosphate at the baseline labs: both are exits the baseline's balances must close.
        boolean residual0 = dialysis != null && residualKidneyActive(dialysis);
        double kidneyGfr0 = residual0 ? kidneyGfr(dialysis) : gfr0;
        double dialysedCa0 = dialysis != null ? dialysedCalcium(ca0, dialysis) : 0;
        double dialysedPo40 = dialysis != null ? dialysisPo4Clearance * c2x0 : 0;
        double urineBaseline = renalCalcium(ca0, pthc0, c80, kidneyGfr0, residual0);
        double faecalCa0 = Math.max(0, p.caHabitualIntake() / 24
                - (dialysis != null ? urineBaseline + dialysedCa0 : urineBaseline));
        double entering = calciumBindsPhosphate
                ? p.po4Bioavailability() + calciumPhosphateBinding * faecalCa0 / dietP : p.po4Bioavailability();
        po4Entering = Math.min(1, entering);
        // The habitual gut phosphate at baseline: the habitual one, unless the entering fraction is
        // capped at 1 (more than F12's complement would be bound); then the root of
        // k P + max e P / (P + K) = dietP, a quadratic in P.
        double po4Gut0 = po4GutHabitual;
        if (entering > 1) {
            double k = p.po4GutAbsorptionRate();
            double b = k * caPhosphateK + calciumPhosphateBindingMax * faecalCa0 - dietP;
            po4Gut0 = (-b + Math.sqrt(b * b + 4 * k * dietP * caPhosphateK)) / (2 * k);
        }
        double j53Baseline = entering > 1 ? p.po4GutAbsorptionRate() * po4Gut0 : j53Ref;
        double fgf0 = p.fgf23Baseline() * Math.pow(gfrRef / gfr0, fgf.nephronGamma());
        double b0 = c80 * v;
        double aoh0 = p.calcitriolKout() * b0;
        t65 = p.hydroxylaseKout() * aoh0 / (calcitriolRegulation
                ? Math.pow(Math.max(fgf0 / p.fgf23Baseline(), 1e-6), -hydroxylaseFgfGamma)
                : fgf.hydroxylaseEffect(fgf0 / p.fgf23Baseline()));
        double cg = Math.pow(c80, p.glandCtriolGamma());
        // The gland capacity at rest at its start: its growth stimulus at the baseline equals it (1, or
        // an enlarged gland's capacity, which must stay below P&R's maximal stimulus CtriolMax).
        ctriol50PowG = (p.glandCtriolMax() - p.glandCtriolMin()) * cg / (p.glandCtriolMax() - glandCapacity0) - cg;
        glandPoolCa0Pow = Math.pow(ca0, p.glandPoolCaGamma());
        glandCtriolFactor = cg * Math.pow(ca0, -p.glandPoolCaGamma() * p.glandCtriolGamma());
        // A measured phosphate too low to excrete the habitual load at the patient's eGFR (possible in
        // CKD G4-G5 with labs: such a patient eats or absorbs less) cannot be a steady state; the
        // threshold is then floored and phosphate rises to the homeostasis of the habitual diet in
        // stabilisation instead of failing.
        // On dialysis the kidneys excrete what the dialysis does not clear (labs measured on dialysis:
        // T46 = c2x0 - (J53 - Kd c2x0) / (0.88 GFR)); anuric residual kidneys (GFR 0) excrete nothing
        // whatever T46, which then stays at the measured phosphate.
        double unfloored;
        if (dialysis == null) {
            unfloored = c2x0 - j53Baseline / (p.po4ReabsFraction() * gfr0);
        } else {
            unfloored = kidneyGfr0 > 0 ? c2x0 - (j53Baseline - dialysedPo40) / (p.po4ReabsFraction() * kidneyGfr0) : c2x0;
        }
        phosphateThresholdFloored = unfloored < fgf.thresholdFloor() * c2x0;
        double threshold0 = Math.max(unfloored, fgf.thresholdFloor() * c2x0);
        t46 = threshold0 / fgf.phosphaturia(fgf0 / p.fgf23Baseline());
        // (on dialysis: all exits of the ECF calcium at the baseline, the kidneys' and the dialysis fluid's)
        double urine0 = dialysis != null ? urineBaseline + dialysedCa0 : renalCalcium(ca0, pthc0, c80, gfr0, false);
        exitsOnDialysis0 = dialysis != null ? urine0 : Double.NaN;
        // Endogenous secretion is sized from body height (Heaney & Abrams 2004); the transcellular
        // capacity at R = 0.5 is then the one for which net absorption of the habitual diet, eaten as
        // meals (HabitualMeals), equals urinary calcium over the day (the baseline balance), as P&R
        // derive their constants from the baseline. The gut starts on its daily orbit at clock hour 0.
        double secretion = secretionPerCm * patient.heightCm();
        MealDayGut gutDay = gutDay(patient);
        MealDayGut.Baseline gut = gutDay.deriveRemembered(urine0 + secretion);
        transcellularVmax = gut == null ? Double.NaN : gut.vmax();
        if (!(perCapacity0 > p.pthSecretionMin())) {
            // the gland's floor: at any calcium a gland of capacity 1 secretes at least T61 (9.05 pg/mL at rest);
            // before ckdgland this said "cannot secrete ... at most 587.4 pg/mL", the wrong end
            throw new ModelDomainException("mineral baseline cannot be a steady state for patient " + patient.id()
                    + " (serum Ca " + fmt(ca0, 4) + " mmol/L, PTH " + fmt(pthc0, 4) + " pmol/L, phosphate "
                    + fmt(c2x0, 4) + " mmol/L): the parathyroid glands cannot secrete as little as a PTH of "
                    + fmt(pthc0 * p.pthPgPerPmol(), 4) + " pg/mL at rest (at least " + fmt(lowestStartingPth(p), 4)
                    + " pg/mL, the minimal secretion of the normal gland at a high calcium)");
        }
        if (!(glandCapacity0 < p.glandCtriolMax()) || !(t60PowG > 0)) {
            // the gland's limit, not the gut's: a PTH whose secretion is beyond what the gland can sustain
            // (since ckdgland on and off dialysis alike: only a gland beyond P&R's largest capacity)
            throw new ModelDomainException("mineral baseline cannot be a steady state for patient " + patient.id()
                    + " (serum Ca " + fmt(ca0, 4) + " mmol/L, PTH " + fmt(pthc0, 4) + " pmol/L, phosphate "
                    + fmt(c2x0, 4) + " mmol/L): the parathyroid glands cannot secrete a PTH of "
                    + fmt(pthc0 * p.pthPgPerPmol(), 4) + " pg/mL at rest (at most "
                    + fmt(highestStartingPth(p, glandBasalShare), 4) + " pg/mL, the basal share "
                    + fmt(glandBasalShare, 3) + " of the maximal secretion of a gland grown to its largest capacity, "
                    + fmt(p.glandCtriolMax(), 4) + " times the normal)");
        }
        if (!(transcellularVmax >= 0) || !(t46 > 0) || !(j14Oc50PowG > 0)) {
            // inputs each in range can still ask this (e.g. a habitual intake the paracellular route alone
            // over-absorbs): the user's inputs together, not a bug
            throw new ModelDomainException("mineral baseline cannot be a steady state for patient " + patient.id()
                    + " (serum Ca " + fmt(ca0, 4) + " mmol/L, PTH " + fmt(pthc0, 4) + " pmol/L, phosphate "
                    + fmt(c2x0, 4) + " mmol/L): no transcellular capacity absorbs " + fmt(urine0 + secretion, 4)
                    + " mmol/h of the habitual diet (paracellular alone absorbs "
                    + fmt(gutDay.meanAbsorption(0, new double[SEGMENTS.length + 3]), 4)
                    + " mmol/h), phosphate threshold " + fmt(t46, 4) + " mmol/L");
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
        y[o + GLAND_CAPACITY] = glandCapacity0;
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
        forgetDriverTerms();
    }

    /** The habitual day of the gut chain at this patient's endogenous secretion (sized from height). */
    MealDayGut gutDay(Patient patient) {
        return new MealDayGut(SEGMENTS.length, p.solidMealEmptyingRate(), segmentTransitRate,
                p.gutParacellularRate(), p.gutTranscellularKm(), secretionPerCm * patient.heightCm(), meals,
                p.caHabitualIntake());
    }

    /**
     * What the gut day must absorb on the baseline for this patient, mmol/h: baseline urinary calcium
     * (on dialysis with labs, plus the dialysate exchange) plus endogenous secretion (valid after {@link #initialise}, whose derived constants it reads).
     */
    double gutAbsorptionTarget(Patient patient) {
        return (derivedOnDialysis ? exitsOnDialysis0 : renalCalcium(ca0, pthc0, c80, gfrDerivation, false))
                + secretionPerCm * patient.heightCm();
    }

    /** Baseline urinary plus dialysed calcium, mmol/h, of the last derivation on dialysis (NaN otherwise). */
    private double exitsOnDialysis0 = Double.NaN;

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

    /** (reference GFR / GFR)^gamma of FGF23's load per nephron, remembered for the last GFR (same bits). */
    private double nephronLoadFactor(double gfr) {
        long bits = Double.doubleToRawLongBits(gfr);
        if (bits != nephronLoadGfrBits) {
            nephronLoad = nephronPow.of(gfrRef / Math.max(gfr, MIN_GFR_LITRES_PER_HOUR));
            nephronLoadGfrBits = bits;
        }
        return nephronLoad;
    }

    /** Forgets the driver-only values remembered by GFR or eGFR (their constants change in {@link #initialise}). */
    private void forgetDriverTerms() {
        resistanceEgfrBits = NO_VALUE;
        renalGfrBits = NO_VALUE;
        nephronLoadGfrBits = NO_VALUE;
    }

    /**
     * The GFR at which the kidneys excrete calcium and phosphate, L/h: the eGFR driver's, or on haemodialysis
     * the residual kidneys' (the condition's residual GFR, else the catalog default).
     */
    double kidneyGfr(Drivers drivers) {
        if (!residualKidneyActive(drivers)) {
            return gfrLitresPerHour(drivers.egfrMlPerMin());
        }
        final double residual = drivers.residualGfrMlPerMin();
        return gfrLitresPerHour(Double.isNaN(residual) ? residualGfrDefault : residual);
    }

    /**
     * Whether the kidneys are the residual kidneys of a dialysis patient: on haemodialysis when the
     * condition gives a residual GFR, or for every dialysis patient when the catalog switches them on.
     */
    private boolean residualKidneyActive(Drivers drivers) {
        return drivers.haemodialysis() && (residualKidney || !Double.isNaN(drivers.residualGfrMlPerMin()));
    }

    /**
     * Urinary calcium, mmol/h (Peterson &amp; Riggs J27; the offset optionally scaled by nephron loss). For
     * the residual kidneys on haemodialysis ({@code residual}) the offset, the urine at the reference
     * calcium, scales with the filtration (GFR / reference GFR): each remaining nephron excretes the
     * reference kidney's fraction of its filtered calcium, and the urine is 0 at GFR 0. P&amp;R's fixed offset
     * kept about 3.6 mmol/d at any GFR, about half of the filtered calcium at eGFR 7 and more than all of it
     * below 3.5 mL/min (docs/model/mineral.md, "Residual kidney on dialysis").
     */
    private double renalCalcium(double ca, double pthc, double c8, double gfr, boolean residual) {
        long bits = Double.doubleToRawLongBits(gfr);
        if (bits != renalGfrBits || residual != renalResidual) {
            // The parts that depend on the GFR driver alone, remembered for its last value.
            renalFilteredPerCa = p.ultrafilterableFraction() * 0.5 * gfr;
            double offset = p.renalReabsOffset() * (residual ? Math.min(1, gfr / gfrRef)
                    : nephronFactor(renalOffsetPow, renalOffsetGfrExponent, gfr));
            renalResidual = residual;
            renalReabsMax = Math.max(0, (p.ultrafilterableFraction() * 0.5 * gfr * ca0 - offset)
                    * (p.renalReabs50() + ca0) / ca0);
            renalGfrBits = bits;
        }
        // (uf 0.5 gfr) ca: the product in the order the single expression had
        double filtered = renalFilteredPerCa * ca;
        double reabsMax = renalReabsMax;
        double pthEffect = p.renalPthMaxEffect() * pthc / (pthc + t17);
        double active = reabsMax * ca / (p.renalReabs50() + ca) * pthEffect;
        double ctriolEffect = p.renalCtriolMax() * c8 / (c8 + p.renalCtriol50());
        return atLeast((2 - ctriolEffect) * (filtered - active), 0);
    }

    /**
     * The transcellular capacity relative to the baseline's (R = 0.5): R/0.5, or with
     * {@code gutTranscellularCalcitriolHill} P&amp;R's Hill law in R normalised to 1 at R = 0.5.
     */
    private double transcellularScale(double capacity) {
        if (!transcellularHill) {
            return capacity / 0.5;
        }
        double r = atLeast(capacity, 0);
        double rn;
        if (hillFour) {
            double r2 = r * r;
            rn = r2 * r2;
        } else {
            rn = Math.pow(r, hillGamma);
        }
        return hillNorm * rn / (rn + hill50Pow);
    }

    /**
     * Calcium absorbed from one lumen compartment, mmol/h: saturable transcellular (scaled by
     * {@link #transcellularScale} of R) plus paracellular.
     */
    private double gutAbsorption(double lumen, double scale) {
        double lumenPos = atLeast(lumen, 0);
        return transcellularVmax * scale * lumenPos / (lumenPos + p.gutTranscellularKm())
                + p.gutParacellularRate() * lumenPos;
    }

    /** Calcium absorbed from the whole small intestine, mmol/h. */
    private double gutAbsorption(double[] y, double capacity) {
        final double scale = transcellularScale(capacity);
        double sum = 0;
        for (int seg : SEGMENTS) {
            sum += gutAbsorption(y[o + seg], scale);
        }
        return sum;
    }

    /**
     * Release from the exchangeable pool (P&amp;R's J14 without its osteoclast part, which resorbs
     * mineralised bone in {@link BoneRemodelling}): first order in Q.
     */
    private double exchangeRelease(double q) {
        return releaseRate * q;
    }

    /**
     * Fast PTH control of the calcium efflux from bone surfaces (bone-lining cells; Talmage &amp;
     * Mobley 2008), relative to its baseline: 1 when PTH equals the level the cells have adapted
     * to, rising to {@code boneEffluxPthMax} at high PTH (Emax form with small-signal exponent
     * {@code boneEffluxPthGamma}). Because the reference adapts over days, a sustained PTH change
     * (a supplement, CKD) moves no bone calcium, while a dose (hours) does.
     */
    private double boneEfflux(double pthc, double adapted) {
        return boneEfflux(pthc, adapted, atLeast(pthc, 1e-12) / atLeast(adapted, 1e-12));
    }

    /**
     * {@link #boneEfflux(double, double)} given {@code ratio} = max(PTH, 1e-12) / max(adapted, 1e-12),
     * the adaptation rate's ratio ({@link #addRates} divides once for both): where PTH &ge; 1e-12 it is
     * the efflux's own ratio PTH / max(adapted, 1e-12), the same bits.
     */
    private double boneEfflux(double pthc, double adapted, double ratio) {
        // The ratio's logarithm is the adaptation rate's (addRates), so the power is one exponential
        // (none when the exponent is 1).
        double x;
        if (pthc >= 1e-12) {
            x = effluxLinear ? ratio : Math.exp(effluxExponent * adaptLog(ratio));
        } else {
            x = effluxPow.of(atLeast(pthc, 0) / atLeast(adapted, 1e-12));
        }
        return effluxMax * x / (x + effluxMax - 1);
    }

    /**
     * Calcium removed by haemodialysis, mmol/h (negative: gained from the dialysis fluid), time-averaged
     * over the thrice-weekly sessions: diffusion between the ultrafilterable plasma calcium u·Ca and the
     * dialysis fluid's calcium Cd at the dialysance D, plus convection of u·Ca with the ultrafiltrate
     * Quf: {@code D·(u·Ca − Cd) + Quf·u·Ca}; 0 off dialysis.
     */
    double dialysedCalcium(double ca, Drivers drivers) {
        if (!drivers.haemodialysis()) {
            return 0;
        }
        final double cd = drivers.dialysateCalciumMmolL();
        final double diffusible = p.ultrafilterableFraction() * atLeast(ca, 0);
        return caDialysance * (diffusible - (Double.isNaN(cd) ? dialysateCaDefault : cd)) + ultrafiltration * diffusible;
    }

    /** OB^e of the slow exchange with mineralised bone (1 when e = 0, OB when e = 1). */
    private double deepExchangeFactor(double ob) {
        return deepExchangeCellExponent == 0 ? 1
                : deepExchangeCellExponent == 1 ? atLeast(ob, 0) : deepExchangePow.of(atLeast(ob, 0));
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

    /**
     * The calcitriol the gland pool sees: C8 itself (P&amp;R), or with {@code calcitriolRegulationOn} its
     * deviation from baseline scaled by {@code glandPoolCalcitriolScale}, c80 + s (C8 - c80), so that the
     * pool's calcitriol sensitivity is s T71 and its calcium threshold is unchanged.
     */
    private double glandCalcitriol(double c8) {
        return calcitriolRegulation ? c80 + glandCalcitriolScale * (c8 - c80) : c8;
    }

    /**
     * tanh z of the gland pool (shared by {@link #addRates} and {@link #addSlowRates}, so their SLOW rows
     * are the same bits). {@code Math.tanh}: since JDK 24 a JIT stub on x86-64 (one call, like the
     * exponential), cheaper than the former (1 - e^-2|z|) / (1 + e^-2|z|) from {@code Math.exp}, whose
     * division and sign copy followed the exponential on the rate's chain (paired A/B ≈ −0.9 % of a
     * fast-mode decade on the Zen 5 VM with Temurin 25: docs/performance-log.md, "perfzen"). Both are
     * within a few units of 1e-16 of tanh, which is what the gland-pool rates (0.85 (1 ± tanh) + 0.15) see.
     */
    static double tanh(double z) {
        return Math.tanh(z);
    }

    @Override
    public void addRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        final double invV = inverseEcfVolume;
        final double caPool = y[o + CA];
        final double ca = caPool * invV;
        final double c2 = y[o + PO4] * invV;
        final double c8 = y[o + CALCITRIOL] * invV;
        final double pthc = y[o + PTH] * invV;
        final double adapted = y[o + PTH_ADAPTED];

        // The FAST states' transcendental functions first, while few values are live: each is a call
        // of a JIT stub across which every live floating-point register is saved and restored, and
        // that cost more than the functions themselves in the middle of the rates (same values, same
        // order of operations: only where they are computed moved).
        final double caPow = caPowers.of(ca, 0);
        // (ca0 / ca)^g
        final double caThreshold = glandPoolCa0Pow * caPowers.of(ca, 1);
        // (c80 / caThreshold)^gc = c80^gc (ca / ca0)^(g gc)
        final double c8g = glandCtriolFactor * caPowers.of(ca, 2);
        final double threshold = c80 * caThreshold;
        final double th = tanh(p.glandPoolTanhSlope() * (glandCalcitriol(c8) - threshold));
        final double pthPow = pthPowers.of(atLeast(pthc, 0), 0);
        final double pthOsteoclastPow = pthPowers.of(atLeast(pthc, 0), 1);
        final double adaptRatio = atLeast(pthc, 1e-12) / atLeast(adapted, 1e-12);
        final double efflux = boneEfflux(pthc, adapted, adaptRatio);
        // Adapts in log PTH, so a daily swing of PTH around its mean moves no net bone calcium.
        final double adaptation = effluxAdaptRate * adapted * adaptLog(adaptRatio);
        final double ctriolStim = fgfCalcitriolPow.of(atLeast(c8, 0) * inverseC80, 0);

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
        final double scale = transcellularScale(capacity);
        for (int seg : SEGMENTS) {
            final double lumen = y[o + seg];
            final double taken = gutNephron * gutAbsorption(lumen, scale);
            final double out = segmentTransitRate * atLeast(lumen, 0);
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
        final double jPth = effluxScale * (efflux - 1);
        dydt[o + PTH_ADAPTED] += adaptation;
        dydt[o + BONE] -= jPth;
        final double j15 = t15 * caPool * oneMinusFracJ14;
        // The slow exchange with mineralised bone may scale with the osteoblast index in both
        // directions (OB^e, deepBoneExchangeCellExponent): with e > 0 a low-turnover (adynamic) skeleton
        // takes up little of a calcium load while the exchange's equilibrium (Qbone/Q) is unchanged.
        // The default e = 0 keeps Peterson & Riggs' turnover-independent exchange: e = 1 broke the fast
        // mode's end-row continuity in CKD G4, not yet understood (docs/model/mineral.md, "Dialysate
        // calcium").
        final double deepExchange = deepExchangeFactor(ob);
        final double j14a = p.k14a() * qBone * deepExchange;
        final double j15a = k15a * q * deepExchange;
        dydt[o + BONE_EXCH] += j15 - j14 + j14a - j15a;
        dydt[o + BONE] += j15a - j14a;

        // The kidneys excrete at the eGFR driver's GFR, on haemodialysis at the residual kidneys' GFR.
        final boolean residual = residualKidneyActive(drivers);
        final double kidneyGfr = residual ? kidneyGfr(drivers) : gfr;
        final double urineCa = renalCalcium(ca, pthc, c8, kidneyGfr, residual);
        // Haemodialysis exchanges calcium with the dialysis fluid (booked with urine in caUrineCum).
        final double dialysedCa = dialysedCalcium(ca, drivers);
        dydt[o + CA] += absorbed - secreted - urineCa - dialysedCa + j14 - j15 + jPth + remodel;

        // PTH secretion and gland.
        final double secretion = p.pthSecretionMax() - secretionSpan * caPow / (caPow + t60PowG);
        final double gland = y[o + GLAND_POOL];
        final double fctd = gland / 0.5 * y[o + GLAND_CAPACITY];
        dydt[o + PTH] += secretion * fctd - p.pthKout() * y[o + PTH];
        // Gland capacity (parathyroid cell mass, t1/2 ~ 180 d) follows calcium, not calcitriol [changed]:
        // parathyroid cell proliferation is driven by hypocalcaemia (and phosphate, uraemia), injected
        // calcitriol does not change it (Naveh-Many 1995), and VDR-null mice whose ionised calcium is
        // normalised by diet develop no parathyroid hyperplasia (Li 1998). P&R drive it by calcitriol
        // through a Hill exponent of 12.5 whose midpoint (68 pmol/L) lies inside the normal range, so a
        // 23 % fall of calcitriol in CKD 3 grew the gland 2.4-fold at normal calcium. The signal is now
        // the calcium-equivalent calcitriol of P&R's own gland-pool threshold, C8_0 (Ca/Ca0)^ScaEffGam
        // (same constants, no new number); calcitriol keeps acting on the pool (PTH synthesis, above).
        addGlandRates(y, th, c8g, dydt);

        // Calcitriol and 1-alpha-hydroxylase.
        // FGF23 suppresses 1-alpha-hydroxylase (and induces 24-hydroxylase): the synthesis drive falls
        // as a power of FGF23 relative to the reference adult (1 there). As in the ACOP 2020 extension
        // this replaces P&R's direct PhosEffect: phosphate acts on calcitriol through FGF23 (PhosSTIM).
        // Both at once close a runaway loop (phosphate up -> calcitriol down -> FGF23 down -> less
        // phosphaturia -> phosphate up) that made CKD G4-G5 diverge.
        final double fgfRatio = atLeast(y[o + FGF23], 0) * inverseFgfBaseline;
        final double t68 = calcitriolRegulation
                ? hydroxylasePthPow.of(atLeast(pthc, 0) * inversePthc0) * hydroxylaseCaPow.of(ca * inverseCa0)
                : t66 * pthPow / (t67PowA + pthPow);
        // fgf.hydroxylaseEffect(fgfRatio), with the power remembered
        final double fgfFloored = atLeast(fgfRatio, 1e-6);
        final double fgfSuppression = hydroxylaseInverseSqrt ? 1 / Math.sqrt(fgfFloored) : fgfHydroxylasePow.of(fgfFloored);
        dydt[o + HYDROXYLASE] += t65 * t68 * fgfSuppression - p.hydroxylaseKout() * y[o + HYDROXYLASE];
        dydt[o + CALCITRIOL] += y[o + HYDROXYLASE] - p.calcitriolKout() * y[o + CALCITRIOL];
        dydt[o + ABS_CAPACITY] += absorptionCapacityRate(c8, capacity);

        // Phosphate.
        final double po4Gut = y[o + PO4_GUT];
        final double binder = y[o + BINDER];
        final double bound = p.binderRate() * atLeast(binder, 0) * atLeast(po4Gut, 0);
        // Unabsorbed calcium leaving the small intestine takes phosphate with it as insoluble calcium
        // phosphate, saturating in gut phosphate toward the salt's stoichiometry (the calcium is in
        // the faeces already).
        final double po4GutPos = atLeast(po4Gut, 0);
        final double caBound = calciumBindsPhosphate
                ? calciumPhosphateBindingMax * transit * po4GutPos / (po4GutPos + caPhosphateK) : 0;
        final double j53 = p.po4GutAbsorptionRate() * po4Gut * y[o + PO4_ABS_CAPACITY];
        // FGF23 lowers the renal phosphate threshold (TmP/GFR: NaPi-2a/2c removal), 1 at the reference adult.
        final double j48 = atLeast(p.po4ReabsFraction() * kidneyGfr * (c2 - t46 * fgf.phosphaturia(fgfRatio)), 0);
        // Maintenance haemodialysis removes phosphate too: thrice-weekly sessions as a time-averaged
        // clearance (booked with urine in po4UrineCum, the only exit of ECF phosphate besides bone).
        final double dialysed = drivers.haemodialysis() ? dialysisPo4Clearance * atLeast(c2, 0) : 0;
        final double j54 = p.po4IcfExchangeIn() * c2;
        final double j56 = p.po4IcfExchangeOut() * y[o + PO4_ICF];
        dydt[o + PO4_GUT] += dietP * po4Entering - j53 - bound - caBound;
        dydt[o + BINDER] -= bound + p.gutTransitRate() * binder;
        dydt[o + PO4] += p.hapPerCaBone() * (j14 - j15 + jPth + remodel) - j48 - dialysed + j53 - j54 + j56;
        dydt[o + PO4_ICF] += j54 - j56;

        // FGF23 (ACOP 2020 extension, no FGFR inhibitor): stimulated by phosphate above baseline and
        // by calcitriol, and (added here) by the phosphate load per nephron: each remaining nephron
        // must excrete more of the same load, so FGF23 rises from early CKD while serum phosphate is
        // still normal (Isakova 2011). The two parts of that load enter with their own exponents:
        // nephron loss (reference GFR / GFR) steeply, absorbed dietary phosphate (smoothed over days)
        // weakly, as measured in healthy adults (Burnett 2006). The smoothed load follows the mean
        // absorbed phosphate of the last dosing period, not the flux within the day (FGF23 does not
        // move within hours of a load: Volk 2022, Scanni 2014): held in reference mode, averaged by
        // the SLOW quadrature over the orbit in fast mode. RPHOS scales gut phosphate absorption
        // with calcitriol.
        dydt[o + PO4_LOAD] += fgf.loadRate() * ((loadHeld ? heldLoad : j53 * inverseJ53Ref) - y[o + PO4_LOAD]);
        final double phosStim = c2 > c2x0 ? (phosphateStimLinear ? c2 * inverseC2x0 : fgfPhosphatePow.of(c2 * inverseC2x0)) : 1;
        final double loadStim = nephronLoadFactor(gfr) * fgfDietPow.of(atLeast(y[o + PO4_LOAD], 0));
        dydt[o + FGF23] += p.fgf23Rate() * (p.fgf23Baseline() * loadStim * phosStim * ctriolStim - y[o + FGF23]);
        final double po4Drive = c8 * p.po4AbsorptionCtriolMax() / (c8 + po4DriveOffset);
        dydt[o + PO4_ABS_CAPACITY] += p.po4AbsorptionCapacityRate() * (po4Drive - y[o + PO4_ABS_CAPACITY]);

        // Reduced bone cells: osteoclasts follow PTH (lumping RANKL/OPG), osteoblasts follow osteoclasts.
        // The drive saturates (Emax, 1 at baseline PTH): in P&R osteoclasts are bounded by RANK-RANKL
        // binding (their CKD run plateaus near 2.8 x baseline, model-anchors 1.7). An unbounded power
        // of PTH let OC and OB reach 30 x baseline in CKD G4, where OB-driven uptake (then J15, linear in
        // OB) outgrew OC-driven release (J14, saturating in OC): bone drew calcium from plasma, PTH rose
        // further, and serum calcium collapsed (below 0.5 mmol/L after three years). Since the coupled
        // remodelling J15 has no OB term (formation is in Jrem, docs/model/mineral.md); the ceiling stays
        // for P&R's RANK-RANKL bound.
        // The Hill exponent gamma * max / (max - 1) keeps the small-signal sensitivity d ln OC / d ln PTH
        // = gamma of the former power law at baseline.
        // Uraemic skeletal resistance scales the PTH signal (relative to the derivation eGFR, 1 in health).
        addBoneCellRates(y, pthOsteoclastPow, drivers.egfrMlPerMin(), dydt);

        dydt[o + CA_IN] += dietCa;
        dydt[o + CA_FAECES] += transit;
        dydt[o + CA_URINE] += urineCa + dialysedCa;
        dydt[o + CA_ABSORBED] += absorbed - secreted;
        dydt[o + PO4_IN] += dietP;
        dydt[o + PO4_FAECES] += (1 - po4Entering) * dietP + bound + caBound;
        dydt[o + PO4_URINE] += j48 + dialysed;
    }

    /**
     * The absorption capacity R's rate (P&amp;R T33/T34): toward its calcitriol-dependent level (shared by
     * {@link #addRates} and, where R is SLOW, {@link #addSlowRates}).
     */
    private double absorptionCapacityRate(double c8, double capacity) {
        final double span = absorptionCapacitySpan;
        final double frac = c8 / (p.absorptionCapacityCtriol50() + c8);
        final double up = p.absorptionCapacityUp() + span * frac;
        final double down = p.absorptionCapacityDown() - span * frac;
        return up * (1 - capacity) - down * capacity;
    }

    /**
     * The SLOW rows of {@link #addRates} (the FAST rows are left incomplete), for fast mode's quadrature
     * on the orbit samples. Left out: PTH secretion, 1-alpha-hydroxylase and calcitriol, the absorption
     * capacity (but where it is SLOW, with {@code calcitriolRegulationOn}), FGF23 and its powers, the adapted PTH's logarithm, the stomach and the lumen's rows;
     * the gland powers of calcium and the osteoclast power of PTH come from their own
     * {@link PowersOf} without the exponents only FAST rows use. Every SLOW rate is the expression of
     * {@code addRates}, in the same order, so the rows are bit-identical (SlowRatesTest); a change of a
     * SLOW rate in {@code addRates} must be made here too (that test fails otherwise).
     */
    @Override
    public void addSlowRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        // The same forms as addRates (reciprocals, tanh), so the SLOW rows are bit-identical (SlowRatesTest).
        final double invV = inverseEcfVolume;
        final double caPool = y[o + CA];
        final double ca = caPool * invV;
        final double c2 = y[o + PO4] * invV;
        final double c8 = y[o + CALCITRIOL] * invV;
        final double pthc = y[o + PTH] * invV;
        final double gfr = gfrLitresPerHour(drivers.egfrMlPerMin());
        final double dietCa = drivers.dietCalciumMmolPerHour();
        final double dietP = drivers.dietPhosphateMmolPerHour();

        // Gut calcium: the chain's absorption and what leaves its last compartment to faeces.
        final double capacity = y[o + ABS_CAPACITY];
        final double secreted = kSecretion * caPool;
        double absorbed = 0;
        final double gutNephron = nephronFactor(gutGfrPow, gutGfrExponent, gfr);
        final double scale = transcellularScale(capacity);
        for (int seg : SEGMENTS) {
            absorbed += gutNephron * gutAbsorption(y[o + seg], scale);
        }
        final double transit = segmentTransitRate * atLeast(y[o + SEGMENTS[SEGMENTS.length - 1]], 0);

        // Bone calcium exchange and remodelling (as in addRates).
        final double q = y[o + BONE_EXCH];
        final double qBone = y[o + BONE];
        final double oc = y[o + OC];
        final double ob = y[o + OB];
        final double j14 = exchangeRelease(q);
        final double remodel = remodelling.resorption(oc) - remodelling.formation(ob);
        dydt[o + BONE] -= remodel;
        final double adapted = y[o + PTH_ADAPTED];
        final double jPth = effluxScale * (boneEfflux(pthc, adapted) - 1);
        dydt[o + BONE] -= jPth;
        final double j15 = t15 * caPool * oneMinusFracJ14;
        final double deepExchange = deepExchangeFactor(ob);
        final double j14a = p.k14a() * qBone * deepExchange;
        final double j15a = k15a * q * deepExchange;
        dydt[o + BONE_EXCH] += j15 - j14 + j14a - j15a;
        dydt[o + BONE] += j15a - j14a;
        final boolean residual = residualKidneyActive(drivers);
        final double kidneyGfr = residual ? kidneyGfr(drivers) : gfr;
        final double urineCa = renalCalcium(ca, pthc, c8, kidneyGfr, residual);
        final double dialysedCa = dialysedCalcium(ca, drivers);

        // Gland pool and capacity.
        final double caThreshold = glandPoolCa0Pow * slowCaPowers.of(ca, 0);
        final double threshold = c80 * caThreshold;
        final double th = tanh(p.glandPoolTanhSlope() * (glandCalcitriol(c8) - threshold));
        addGlandRates(y, th, glandCtriolFactor * slowCaPowers.of(ca, 1), dydt);

        // Phosphate: intracellular exchange, urine, faecal binding, the absorbed load and RPHOS.
        final double fgfRatio = atLeast(y[o + FGF23], 0) * inverseFgfBaseline;
        if (calcitriolRegulation) {
            // R is SLOW with the re-derived calcitriol law (VARIABLES_REGULATED).
            dydt[o + ABS_CAPACITY] += absorptionCapacityRate(c8, capacity);
        }
        final double po4Gut = y[o + PO4_GUT];
        final double binder = y[o + BINDER];
        final double bound = p.binderRate() * atLeast(binder, 0) * atLeast(po4Gut, 0);
        final double po4GutPos = atLeast(po4Gut, 0);
        final double caBound = calciumBindsPhosphate
                ? calciumPhosphateBindingMax * transit * po4GutPos / (po4GutPos + caPhosphateK) : 0;
        final double j53 = p.po4GutAbsorptionRate() * po4Gut * y[o + PO4_ABS_CAPACITY];
        final double j48 = atLeast(p.po4ReabsFraction() * kidneyGfr * (c2 - t46 * fgf.phosphaturia(fgfRatio)), 0);
        final double dialysed = drivers.haemodialysis() ? dialysisPo4Clearance * atLeast(c2, 0) : 0;
        final double j54 = p.po4IcfExchangeIn() * c2;
        final double j56 = p.po4IcfExchangeOut() * y[o + PO4_ICF];
        dydt[o + PO4_ICF] += j54 - j56;
        dydt[o + PO4_LOAD] += fgf.loadRate() * ((loadHeld ? heldLoad : j53 * inverseJ53Ref) - y[o + PO4_LOAD]);
        final double po4Drive = c8 * p.po4AbsorptionCtriolMax() / (c8 + po4DriveOffset);
        dydt[o + PO4_ABS_CAPACITY] += p.po4AbsorptionCapacityRate() * (po4Drive - y[o + PO4_ABS_CAPACITY]);

        // Bone cells.
        addBoneCellRates(y, slowPthPowers.of(atLeast(pthc, 0), 0), drivers.egfrMlPerMin(), dydt);

        dydt[o + CA_IN] += dietCa;
        dydt[o + CA_FAECES] += transit;
        dydt[o + CA_URINE] += urineCa + dialysedCa;
        dydt[o + CA_ABSORBED] += absorbed - secreted;
        dydt[o + PO4_IN] += dietP;
        dydt[o + PO4_FAECES] += (1 - po4Entering) * dietP + bound + caBound;
        dydt[o + PO4_URINE] += j48 + dialysed;
    }

    /**
     * The gland pool's rate, given {@code th} = tanh(slope (C8 - threshold)), and the gland capacity's,
     * given {@code c8g}, the capacity signal's calcium-equivalent calcitriol power (shared by
     * {@link #addRates} and {@link #addSlowRates}, so their SLOW rows stay the same expressions).
     */
    private void addGlandRates(double[] y, double th, double c8g, double[] dydt) {
        final double gland = y[o + GLAND_POOL];
        final double t75 = p.glandPoolRate() * (0.85 * (1 + th) + 0.15);
        final double t76 = p.glandPoolRate() * (0.85 * (1 - th) + 0.15);
        dydt[o + GLAND_POOL] += (1 - gland) * t76 - gland * t75;
        final double ctriolEffect = p.glandCtriolMax() - glandCtriolSpan * c8g / (c8g + ctriol50PowG);
        dydt[o + GLAND_CAPACITY] += p.glandCapacityTurnover() * (ctriolEffect - y[o + GLAND_CAPACITY]);
    }

    /**
     * (resistance / pthc0)^gamma of the osteoclast drive, resistance being the uraemic skeletal
     * resistance at {@code egfrMlPerMin} relative to the derivation's: a function of the eGFR driver
     * alone, remembered for its last value (the same expressions, so the same bits; fast mode calls
     * the block thousands of times at one driver time).
     */
    private double osteoclastResistanceFactor(double egfrMlPerMin) {
        long bits = Double.doubleToRawLongBits(egfrMlPerMin);
        if (bits != resistanceEgfrBits) {
            final double resistance = skeletalPthResistance(egfrMlPerMin) / pthResistance0;
            resistanceFactor = osteoclastResistancePow.of(resistance / pthc0);
            resistanceEgfrBits = bits;
        }
        return resistanceFactor;
    }

    /**
     * Osteoclasts toward their saturating PTH drive, osteoblasts toward the osteoclasts, given
     * {@code pthPow} = max(PTH, 0)^gamma (gamma the drive's Hill exponent) and the eGFR for uraemic
     * skeletal resistance (shared by {@link #addRates} and {@link #addSlowRates}).
     */
    private void addBoneCellRates(double[] y, double pthPow, double egfrMlPerMin, double[] dydt) {
        final double oc = y[o + OC];
        // (pthc resistance / pthc0)^gamma
        final double pthRatioPow = pthPow * osteoclastResistanceFactor(egfrMlPerMin);
        final double drive = osteoclastDriveMax * pthRatioPow / (pthRatioPow + osteoclastDriveMax - 1);
        dydt[o + OC] += p.osteoclastRate() * (drive - oc);
        dydt[o + OB] += p.osteoblastRate() * (oc - y[o + OB]);
    }

    /**
     * The phosphate absorbed from the gut so far, mmol: intake less faeces less what is still in the
     * absorbable pool (the integral of J53; an intake's jump leaves it unchanged).
     */
    private double absorbedPhosphate(double[] y) {
        return y[o + PO4_IN] - y[o + PO4_FAECES] - y[o + PO4_GUT];
    }

    @Override
    public List<String> periodMeanStates() {
        return List.of(ID + ".po4AbsorbedLoad");
    }

    @Override
    public void holdPeriodMeans(double tHours, double[] y, boolean start) {
        double absorbed = absorbedPhosphate(y);
        if (start || !loadHeld) {
            // The run starts on the run-in's orbit, where the smoothed load is the orbit mean.
            heldLoad = y[o + PO4_LOAD];
        } else if (tHours > holdTime + 1e-9) {
            heldLoad = (absorbed - absorbedAtHold) / (tHours - holdTime) * inverseJ53Ref;
        }
        absorbedAtHold = absorbed;
        holdTime = tHours;
        loadHeld = true;
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
                out("urinaryCalcium", "mmol/d", "urinary calcium excretion rate (on haemodialysis: the residual kidneys')",
                        (t, y, d) -> 24 * renalCalcium(y[o + CA] / p.ecfVolume(), y[o + PTH] / p.ecfVolume(),
                                y[o + CALCITRIOL] / p.ecfVolume(), kidneyGfr(d), residualKidneyActive(d))),
                out("absorbedCalcium", "mmol/d", "gut calcium absorption rate (gross, before secretion)",
                        (t, y, d) -> 24 * nephronFactor(gutGfrPow, gutGfrExponent, gfrLitresPerHour(d.egfrMlPerMin()))
                                * gutAbsorption(y, y[o + ABS_CAPACITY])),
                out("dialysedCalcium", "mmol/d", "calcium removed by haemodialysis (negative: gained from the dialysis fluid), time-averaged; 0 off dialysis",
                        (t, y, d) -> 24 * dialysedCalcium(y[o + CA] / p.ecfVolume(), d)),
                out("fgf23", "pg/mL", "intact FGF23", (t, y, d) -> y[o + FGF23]),
                out("egfr", "mL/min/1.73m2", "kidney function driver", (t, y, d) -> d.egfrMlPerMin()));
    }

    private static DerivedOutput out(String id, String unit, String description, DerivedOutput.Formula fn) {
        return DerivedOutput.of(id, unit, description, fn);
    }
}
