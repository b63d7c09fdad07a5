package org.vascalc.physiology.vitamink;

import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.LinearTransfer;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.core.units.MolarMass;

/**
 * Vitamin K block: the hepatic vitamin K cycle with warfarin PK/PD of Wajima et al. 2009, oral
 * phylloquinone (K1), menaquinone-4 and menaquinone-7 with their own absorption and plasma kinetics,
 * an extra-hepatic tissue vitamin K pool fed by all three, and the carboxylated fraction of
 * vascular-wall matrix Gla protein (MGP) with the circulating dp-ucMGP biomarker.
 * Equations and evidence: {@code docs/model/vitamin-k.md}.
 *
 * <p>The usual diet is a zero-order absorbed K1 input (as Wajima's {@code k_in}); supplements and
 * extra food arrive as {@link Intake} jumps of the gut depots. Haemodialysis lowers the usual intake
 * (Cranenburg 2012) and impairs extra-hepatic vitamin K use (uraemia; Kaesler 2014, size calibrated to
 * the E22 dp-ucMGP ratio).
 */
public final class VitaminKBlock implements Block {

    public static final String ID = "vitk";
    /** Classpath resource of the default catalog. */
    public static final String CATALOG = "/org/vascalc/physiology/vitamink/vitamin-k-parameters.csv";

    /** Offsets of this block's variables inside its slice, in state-vector order. */
    static final int GUT_K1 = 0;
    static final int GUT_MK4 = 1;
    static final int GUT_MK7 = 2;
    static final int VK = 3;
    static final int VK_PERIPH = 4;
    static final int VKH2 = 5;
    static final int VKO = 6;
    static final int MK4 = 7;
    static final int MK7 = 8;
    static final int WARF_GUT = 9;
    static final int WARF = 10;
    static final int TISSUE = 11;
    static final int CMGP = 12;
    /** Appended after the original thirteen (never reorder): hepatic menaquinone hydroquinone. */
    static final int MKH2 = 13;

    private static final List<StateVariable> VARIABLES = List.of(
            new StateVariable("vitk.gutK1", "nmol", 1e-3, TimeScale.FAST, "oral phylloquinone not yet absorbed"),
            new StateVariable("vitk.gutMk4", "nmol", 1e-3, TimeScale.FAST, "oral menaquinone-4 not yet absorbed"),
            new StateVariable("vitk.gutMk7", "nmol", 1e-3, TimeScale.FAST, "oral menaquinone-7 not yet absorbed"),
            new StateVariable("vitk.vk", "nmol", 1e-3, TimeScale.FAST, "vitamin K (K1) quinone, hepatic/plasma compartment (Wajima VK)"),
            new StateVariable("vitk.vkPeripheral", "nmol", 1e-3, TimeScale.FAST, "vitamin K in the peripheral compartment (Wajima)"),
            new StateVariable("vitk.vkh2", "nmol", 1e-5, TimeScale.FAST, "hepatic vitamin K hydroquinone, the carboxylation cofactor (Wajima VKH2)"),
            new StateVariable("vitk.vko", "nmol", 1e-5, TimeScale.FAST, "hepatic vitamin K epoxide (Wajima VKO)"),
            new StateVariable("vitk.mk4", "nmol", 1e-4, TimeScale.FAST, "plasma menaquinone-4"),
            new StateVariable("vitk.mk7", "nmol", 1e-3, TimeScale.FAST, "plasma menaquinone-7"),
            new StateVariable("vitk.warfarinGut", "mg", 1e-5, TimeScale.FAST, "oral warfarin not yet absorbed"),
            new StateVariable("vitk.warfarin", "mg", 1e-5, TimeScale.FAST, "warfarin in the central compartment"),
            new StateVariable("vitk.tissueVk", "nmol", 1e-4, TimeScale.SLOW, "vitamin K in extra-hepatic tissue (vessel wall), all forms"),
            new StateVariable("vitk.cMgpFraction", "1", 1e-6, TimeScale.SLOW,
                    "fraction of vascular-wall MGP that is gamma-carboxylated (inhibitor of medial calcification)"),
            new StateVariable("vitk.mkh2", "nmol", 1e-5, TimeScale.FAST,
                    "hepatic menaquinone (MK-4 + MK-7) hydroquinone, a carboxylation cofactor like VKH2"));

    private final VitaminKParameters p;
    /** Carboxylation rate per unit tissue drive, derived so the reference diet gives the reference fraction. */
    private final double kCarb;
    private final List<DerivedOutput> outputs;
    private int off = -1;
    /** The patient's usual absorbed K1 input, nmol/h, set in {@link #initialise}. */
    private double usualAbsorbedNmolPerH;
    /** Hepatic VKH2 at the reference diet: the denominator of {@code hepaticVkh2Relative}. */
    private final double vkh2Reference;
    /**
     * VKOR reduction of hepatic MK-7 and MK-4 per nmol of the plasma compartment, 1/h: Wajima's k1 acting
     * on the hepatic quinone that a plasma concentration C stands for, {@code availability · V_VK · C}.
     */
    private final double mk7HepaticReductionPerH;
    private final double mk4HepaticReductionPerH;

    public VitaminKBlock() {
        this(ParameterCatalog.fromResource(VitaminKBlock.class, CATALOG));
    }

    public VitaminKBlock(ParameterCatalog catalog) {
        this.p = VitaminKParameters.from(catalog);
        double refAbsorbed = p.k1Fraction() * p.referenceK1NmolPerH();
        double vkRef = refAbsorbed / p.vkElimPerH();
        this.vkh2Reference = p.vkorPerH() * vkRef / p.carboxOxPerH();
        double tissueRef = p.tissueFracK1() * refAbsorbed / p.tissueTurnoverPerH();
        // c* = kCarb·D / (kCarb·D + kMgp) = cRef at D = tissueRef (no warfarin, no uraemia)
        this.kCarb = p.mgpTurnoverPerH() * p.cMgpReference() / ((1 - p.cMgpReference()) * tissueRef);
        this.usualAbsorbedNmolPerH = refAbsorbed;
        this.mk7HepaticReductionPerH = p.vkorPerH() * p.hepaticAvailabilityMk7() * p.vkVolumeL() / p.mk7VolumeL();
        this.mk4HepaticReductionPerH = p.vkorPerH() * p.hepaticAvailabilityMk4() * p.vkVolumeL() / p.mk4VolumeL();
        this.outputs = VitaminKOutputs.list(this);
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
        this.off = layout.offset(ID);
    }

    /**
     * Usual dietary K1 of this patient, nmol/h before absorption: the Adequate Intake of their sex (IOM,
     * the median intake) times their own {@code vitaminKIntakeFactor} (1 for a single patient; drawn
     * log-normal between the members of a virtual cohort).
     */
    double usualK1IntakeNmolPerH(Patient patient) {
        return (patient.sex() == Sex.MALE ? p.usualK1MaleNmolPerH() : p.usualK1FemaleNmolPerH()) * p.intakeFactor();
    }

    @Override
    public void initialise(Patient patient, double[] y) {
        requireBound();
        usualAbsorbedNmolPerH = p.k1Fraction() * usualK1IntakeNmolPerH(patient);
        steadyState(new Drivers(), y);
    }

    /**
     * Writes the analytic steady state for the usual diet under the given drivers (no supplements,
     * no warfarin) into this block's slice: used to start a patient with a chronic condition such as
     * haemodialysis at its own homeostasis.
     */
    public void steadyState(Drivers drivers, double[] y) {
        requireBound();
        double in = usualAbsorbedNmolPerH * dietFactor(drivers);
        double vk = in / p.vkElimPerH();
        y[off + GUT_K1] = 0;
        y[off + GUT_MK4] = 0;
        y[off + GUT_MK7] = 0;
        y[off + VK] = vk;
        y[off + VK_PERIPH] = p.toPeriphPerH() * vk / p.fromPeriphPerH();
        y[off + VKH2] = p.vkorPerH() * vk / p.carboxOxPerH();
        y[off + VKO] = p.vkorPerH() * vk / p.epoxRedPerH();
        y[off + MK4] = 0;
        y[off + MK7] = 0;
        y[off + WARF_GUT] = 0;
        y[off + WARF] = 0;
        double tissue = p.tissueFracK1() * p.vkElimPerH() * vk / p.tissueTurnoverPerH();
        y[off + TISSUE] = tissue;
        double drive = kCarb * tissue * uraemicFactor(drivers);
        y[off + CMGP] = drive / (drive + p.mgpTurnoverPerH());
        y[off + MKH2] = 0;
    }

    @Override
    public void addRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        final int o = off;
        double inhib = warfarinInhibition(y);
        double vkor = 1 - inhib;

        double gutK1 = y[o + GUT_K1];
        double gutMk4 = y[o + GUT_MK4];
        double gutMk7 = y[o + GUT_MK7];
        double vk = y[o + VK];
        double vkh2 = y[o + VKH2];
        double vko = y[o + VKO];
        double mk4 = y[o + MK4];
        double mk7 = y[o + MK7];

        double absK1 = p.k1KaPerH() * gutK1;
        double absMk4 = p.mk4KaPerH() * gutMk4;
        double absMk7 = p.mk7KaPerH() * gutMk7;
        dydt[o + GUT_K1] -= absK1;
        dydt[o + GUT_MK4] -= absMk4;
        dydt[o + GUT_MK7] -= absMk7;

        // Wajima 2009 vitamin K cycle; the unabsorbed fraction of a dose leaves with the faeces
        double elimVk = p.vkElimPerH() * vk;
        double reduce = p.vkorPerH() * vk * vkor;
        double oxidise = p.carboxOxPerH() * vkh2;
        double epoxRed = p.epoxRedPerH() * vko * vkor;
        double toPeriph = p.toPeriphPerH() * vk;
        double fromPeriph = p.fromPeriphPerH() * y[o + VK_PERIPH];
        dydt[o + VK] += usualAbsorbedNmolPerH * dietFactor(drivers) + p.k1Fraction() * absK1
                - elimVk - reduce + epoxRed - toPeriph + fromPeriph;
        dydt[o + VK_PERIPH] += toPeriph - fromPeriph;
        dydt[o + VKH2] += reduce - oxidise;
        dydt[o + VKO] += oxidise - epoxRed;

        double elimMk4 = p.mk4ElimPerH() * mk4;
        double elimMk7 = p.mk7ElimPerH() * mk7;
        dydt[o + MK4] += p.mk4Fraction() * absMk4 - elimMk4;
        dydt[o + MK7] += p.mk7Fraction() * absMk7 - elimMk7;

        double warfAbs = p.warfKaPerH() * y[o + WARF_GUT];
        dydt[o + WARF_GUT] -= warfAbs;
        dydt[o + WARF] += warfAbs - p.warfElimPerH() * y[o + WARF];

        // a fixed fraction of each form's elimination is uptake by extra-hepatic tissue
        // MGP is made uncarboxylated and replaced at kMgp; tissue VKH2 (∝ pool × VKOR activity) carboxylates it
        addSlowRows(elimVk, elimMk4, elimMk7, vkor, y, drivers, dydt);

        // menaquinones in the hepatic cycle: the liver's MK-7 and MK-4 (at their plasma concentration times an
        // availability) are reduced by the same warfarin-sensitive VKOR and oxidised by carboxylation as K1; the
        // epoxide returns to its own form's pool (catalytic: the small hepatic hold-up is not taken from plasma)
        dydt[o + MKH2] += (mk7HepaticReductionPerH * mk7 + mk4HepaticReductionPerH * mk4) * vkor
                - p.carboxOxPerH() * y[o + MKH2];
    }

    /**
     * The SLOW rows of {@link #addRates} (tissue vitamin K and the carboxylated MGP fraction; the FAST
     * rows are left as they are), for fast mode's quadrature on the orbit samples: the same
     * expressions in the same order (one private method), so the same bits (SlowRatesTest).
     */
    @Override
    public void addSlowRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        final int o = off;
        double vkor = 1 - warfarinInhibition(y);
        double elimVk = p.vkElimPerH() * y[o + VK];
        double elimMk4 = p.mk4ElimPerH() * y[o + MK4];
        double elimMk7 = p.mk7ElimPerH() * y[o + MK7];
        addSlowRows(elimVk, elimMk4, elimMk7, vkor, y, drivers, dydt);
    }

    /** The two SLOW rows, shared by {@link #addRates} and {@link #addSlowRates} so both give the same bits. */
    private void addSlowRows(double elimVk, double elimMk4, double elimMk7, double vkor, double[] y, Drivers drivers,
            double[] dydt) {
        final int o = off;
        double tissue = y[o + TISSUE];
        dydt[o + TISSUE] += p.tissueFracK1() * elimVk + p.tissueFracMk4() * elimMk4 + p.tissueFracMk7() * elimMk7
                - p.tissueTurnoverPerH() * tissue;
        double c = y[o + CMGP];
        double drive = kCarb * tissue * vkor * uraemicFactor(drivers);
        dydt[o + CMGP] += drive * (1 - c) - p.mgpTurnoverPerH() * c;
    }

    @Override
    public void applyIntake(Intake intake, double[] y) {
        if (!(intake.amount() >= 0) || Double.isInfinite(intake.amount())) {
            // an engine bug rather than user input (scenario files are validated upstream), but say what broke
            throw new IllegalArgumentException("intake amount of " + intake.kind() + " must be a finite value >= 0 "
                    + intake.kind().unit() + ", got " + intake.amount());
        }
        switch (intake.kind()) {
            case VITAMIN_K1 -> y[off + GUT_K1] += intake.amount();
            case VITAMIN_MK4 -> y[off + GUT_MK4] += intake.amount();
            case VITAMIN_MK7 -> y[off + GUT_MK7] += intake.amount();
            case WARFARIN -> y[off + WARF_GUT] += intake.amount();
            case CALCIUM_FOOD, CALCIUM_CARBONATE_WITH_FOOD, CALCIUM_CARBONATE_FASTING, CALCIUM_CITRATE_WITH_FOOD,
                 CALCIUM_CITRATE_FASTING, CALCIUM_DRINK, PHOSPHATE_FOOD, PHOSPHATE_BINDER -> {
                // not this block's
            }
        }
    }

    @Override
    public List<DerivedOutput> outputs() {
        return outputs;
    }

    /** The gut depots empty first-order (absorption; the unabsorbed share leaves with the faeces). */
    @Override
    public List<LinearTransfer> linearTransfers() {
        return List.of(depot(GUT_K1, p.k1KaPerH()), depot(GUT_MK4, p.mk4KaPerH()), depot(GUT_MK7, p.mk7KaPerH()),
                depot(WARF_GUT, p.warfKaPerH()));
    }

    private static LinearTransfer depot(int state, double rate) {
        return new LinearTransfer(VARIABLES.get(state).id(), null, rate);
    }

    /**
     * Whether no warfarin is on board in {@code y} (gut and central amounts both exactly 0). Then the
     * warfarin states stay 0 until a warfarin intake (their rates are first-order in them), the
     * VKOR inhibition is exactly 0, and the block's rates are affine in its other FAST states, with
     * coefficients set by the parameters, its SLOW states and the drivers only: the block reads no
     * other block's state. Fast mode propagates the block in closed form over its orbits on this
     * condition (docs/performance-log.md, "vkclosed").
     */
    public boolean warfarinFree(double[] y) {
        requireBound();
        return y[off + WARF] == 0 && y[off + WARF_GUT] == 0;
    }

    /** Layout indices of the warfarin states (gut, central): constant 0 while {@link #warfarinFree}. */
    public int[] warfarinIndices() {
        requireBound();
        return new int[] {off + WARF_GUT, off + WARF};
    }

    /**
     * Warfarin VKOR inhibition I_W = C/(EC50 + C) (Imax 1, gamma 1; Wajima 2009). Without warfarin
     * (amount 0 or below, as in every run without a warfarin intake) the formula gives exactly +0.0
     * (0 / V / (EC50 + 0)); that value is returned without its two divisions (bit-identical; NaN
     * still takes the formula).
     */
    double warfarinInhibition(double[] y) {
        double amount = y[off + WARF];
        if (amount <= 0) {
            return 0.0;
        }
        double conc = amount / p.warfVolumeL();
        return conc / (p.warfEc50MgPerL() + conc);
    }

    private double dietFactor(Drivers d) {
        return d.haemodialysis() ? p.hdDietFactor() : 1.0;
    }

    private double uraemicFactor(Drivers d) {
        return d.haemodialysis() ? 1 - p.hdUraemicInhibition() : 1.0;
    }

    private void requireBound() {
        if (off < 0) {
            throw new IllegalStateException("bind the vitamin K block to a state layout first");
        }
    }

    // --- read access for outputs and target checks (no allocation) ---

    int offset() {
        return off;
    }

    VitaminKParameters parameters() {
        return p;
    }

    double vkh2Reference() {
        return vkh2Reference;
    }

    /** Index of a variable of this block in the full state vector. */
    public int index(int localOffset) {
        requireBound();
        return off + localOffset;
    }

    /** Plasma phylloquinone, nmol/L. */
    public double plasmaK1NmolPerL(double[] y) {
        return y[off + VK] / p.vkVolumeL();
    }

    /** Plasma MK-4, nmol/L. */
    public double plasmaMk4NmolPerL(double[] y) {
        return y[off + MK4] / p.mk4VolumeL();
    }

    /** Plasma MK-7, nmol/L. */
    public double plasmaMk7NmolPerL(double[] y) {
        return y[off + MK7] / p.mk7VolumeL();
    }

    /** Plasma warfarin, mg/L. */
    public double warfarinMgPerL(double[] y) {
        return y[off + WARF] / p.warfVolumeL();
    }

    /** Hepatic VKH2 as a fraction of its value at the reference diet. */
    public double hepaticVkh2Relative(double[] y) {
        return y[off + VKH2] / vkh2Reference;
    }

    /**
     * Hepatic carboxylation cofactor of all forms (K1 hydroquinone plus menaquinone hydroquinone) as a
     * fraction of the reference diet's VKH2: the relative synthesis rate of carboxylated factors II, VII,
     * IX and X (Wajima's production {@code k_prod · VKH2}, with every hydroquinone a cofactor).
     */
    public double clottingFactorSynthesisRelative(double[] y) {
        return (y[off + VKH2] + y[off + MKH2]) / vkh2Reference;
    }

    /** Carboxylated fraction of vascular MGP (the {@code vitk.cMgpFraction} state). */
    public double cMgpFraction(double[] y) {
        return y[off + CMGP];
    }

    /** Circulating dp-ucMGP, pmol/L: the uncarboxylated share of the vascular MGP pool. */
    public double dpUcMgpPmolPerL(double[] y) {
        return p.dpUcMgpMaxPmolPerL() * (1 - y[off + CMGP]);
    }

    /** µg of menaquinone-7 to the nmol an {@link Intake} of kind VITAMIN_MK7 carries. */
    public static double mk7UgToNmol(double ug) {
        return MolarMass.MENAQUINONE_7.ugToNmol(ug);
    }
}
