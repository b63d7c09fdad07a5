package org.vascalc.physiology.wall;

import static org.vascalc.physiology.numeric.DoubleOrder.atLeast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.mineral.SoftTissueSink;
import org.vascalc.physiology.model.MilieuAffine;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.physiology.numeric.DoubleOrder;
import org.vascalc.physiology.numeric.GridExp;
import org.vascalc.physiology.numeric.LastInputs;

/**
 * The vascular wall: per arterial bed ({@link Bed}) a medial compartment (osteogenic VSMC fraction,
 * medial hydroxyapatite) and an intimal one (plaque volume, micro- and macrocalcium, macro density);
 * aortic intrinsic stiffness, LV mass and the cumulative hazards of MI, stroke, heart failure and
 * cardiovascular death. Reads {@code mineral.caEcf}, {@code mineral.po4Ecf} and
 * {@code vitk.cMgpFraction}; mineral deposited in the wall is subtracted from the two ECF pools
 * here (hydroxyapatite Ca₁₀(PO₄)₆(OH)₂: Ca:P = 10:6), so mass balance closes by construction.
 * Equations in the mechanism classes and {@code docs/model/wall.md}.
 */
public final class WallBlock implements MilieuAffine {

    public static final String ID = "wall";
    public static final String CALCIUM_STATE = "mineral.caEcf";
    public static final String PHOSPHATE_STATE = "mineral.po4Ecf";
    public static final String CMGP_STATE = "vitk.cMgpFraction";
    static final String CATALOG = "/org/vascalc/physiology/wall/wall-parameters.csv";
    private static final CtScoreSurrogate.Layer INTIMA = CtScoreSurrogate.Layer.INTIMAL;
    private static final CtScoreSurrogate.Layer MEDIA = CtScoreSurrogate.Layer.MEDIAL;

    static final int PER_BED = 6;
    static final int PHI = 0;
    static final int MEDIAL = 1;
    static final int PLAQUE = 2;
    static final int MICRO = 3;
    static final int MACRO = 4;
    static final int DENSITY = 5;
    private static final Bed[] BEDS = Bed.values();
    static final int PWV_INTRINSIC = BEDS.length * PER_BED;
    static final int LV_MASS = PWV_INTRINSIC + 1;
    static final int HAZARD_MI = PWV_INTRINSIC + 2;
    static final int HAZARD_STROKE = PWV_INTRINSIC + 3;
    static final int HAZARD_HF = PWV_INTRINSIC + 4;
    static final int HAZARD_CV_DEATH = PWV_INTRINSIC + 5;
    /** Peripheral resistance relative to baseline (the blood-pressure trajectory). */
    static final int RESISTANCE = PWV_INTRINSIC + 6;
    /** Aortic remodelling S: relative rise of the wall modulus from pressure-driven remodelling since baseline. */
    static final int REMODELLING = PWV_INTRINSIC + 7;
    static final int SIZE = PWV_INTRINSIC + 8;

    /** Positions in the milieu ({@link #milieu}). */
    static final int GROWTH_DRIVE = 0;
    static final int NUCLEATION_DRIVE = 1;
    static final int OSTEOGENIC_DRIVE = 2;
    /** The direct serum-calcium factor of the MI hazard ({@link EventHazards#serumCalciumFactor}). */
    static final int MI_CALCIUM_FACTOR = 3;
    static final int MILIEU_SIZE = 4;

    private static final double CA_PER_HA = 10.0 / MolarMass.HYDROXYAPATITE.gramsPerMol();

    private final ParameterCatalog catalog;
    private final WallParameters p;
    /** What {@link #milieu} reads of {@link #p}. */
    private final MilieuConstants milieuConstants;
    private final CtScoreSurrogate ct;
    private final List<StateVariable> variables;
    private final double historyStartAge;
    private final double historyStep;
    private final double historyCmgp;
    private final double historyCkdYears;
    private final double coronaryPlaqueRef;
    /** The reference adult's aortic plaque, mm³: the stroke hazard's atherosclerotic part is relative to it. */
    private final double aorticPlaqueRef;
    /** The composition factor ({@link EventHazards#vulnerability}) of the reference adult's aortic plaque. */
    private final double aorticVulnerabilityRef;
    private final Susceptibility susceptibility;

    private final SoftTissueSink sink = new SoftTissueSink();
    private int off = -1;
    private int iCa;
    private int iP;
    private int iCmgp;

    // Per-patient constants, set in initialise.
    private RiskProfile risk;
    private double lvNormal;
    private Windkessel windkessel;
    private double[] baseline;
    /**
     * Costly terms of the derivative call, each remembering its last inputs ({@link LastInputs}): the
     * age terms repeat for every call at one time, the state terms for every Jacobian column that does
     * not move their states. Bit-identical to recomputing. The risk-profile terms are forgotten
     * whenever the profile they were computed for changes (the history runs use other profiles).
     */
    private final LastInputs diastolicMemo = new LastInputs(), systolicMemo = new LastInputs(),
            osteoMemo = new LastInputs(), mgpMemo = new LastInputs(), maturityMemo = new LastInputs(),
            plaqueAgeMemo = new LastInputs(), cholesterolMemo = new LastInputs(), plaqueSbpMemo = new LastInputs(),
            expectedPwvMemo = new LastInputs(), ageFactorMemo = new LastInputs(),
            strokeSbpMemo = new LastInputs(), lvMassMemo = new LastInputs(), pwvRrMemo = new LastInputs(),
            plaqueBurdenMemo = new LastInputs(), pwvMemo = new LastInputs(), uraemiaMemo = new LastInputs(),
            osteoAgeMemo = new LastInputs(), strokePlaqueMemo = new LastInputs();
    /** Per bed: the medial surface term (a cube root of the bed's medial mass). */
    private final LastInputs[] surfaceMemo = newMemos(BEDS.length);
    /** The risk profile {@link #cholesterolMemo} and {@link #inflammationFactor} were computed for. */
    private RiskProfile growthProfile;
    /**
     * The non-HDL lowering by drugs other than statins ({@link Drivers#nonHdlLowering}, sevelamer) of the
     * current derivative call, set at its start and read by {@link #growthIndex}.
     */
    private double nonHdlLowering;
    /** The hs-CRP factor of plaque growth for {@link #growthProfile} (a per-patient constant). */
    private double inflammationFactor;
    /**
     * The exponentials of age (and of the PWV excess, which moves with age when the SLOW states are
     * frozen) that the rates need. The age changes with every call's time, also within fast mode's
     * orbit integration, where the remembered terms above therefore never repeat: {@link GridExp}
     * gives them from a short series around the exponential at a nearby grid point (within 2.3e-15
     * of {@code Math.exp}; GridExpTest).
     */
    private final GridExp osteoAgeExp, microAgeExp, plaqueAgeExp, expectedPwvAgeExp, eventAgeExp, pwvRrExp;

    public WallBlock() {
        this(defaultCatalog());
    }

    /**
     * A wall with the catalog's individual susceptibility ({@code plaqueSusceptibility},
     * {@code medialSusceptibility}, 1 for a typical person), so that a virtual cohort run through the
     * engine can give each person their own by overriding two catalog values.
     */
    public WallBlock(ParameterCatalog catalog) {
        this(catalog, new Susceptibility(catalog.value("plaqueSusceptibility"), catalog.value("medialSusceptibility")));
    }

    /** A wall for one person whose own plaque and medial propensities are known (or drawn). */
    public WallBlock(ParameterCatalog catalog, Susceptibility susceptibility) {
        Compiled c = Compiled.of(catalog);
        this.catalog = catalog;
        this.susceptibility = susceptibility;
        this.p = c.parameters();
        this.milieuConstants = new MilieuConstants(p);
        this.ct = c.ct();
        this.osteoAgeExp = new GridExp(p.osteoAgePerYear);
        this.microAgeExp = new GridExp(p.microAgePerYear);
        this.plaqueAgeExp = new GridExp(p.plaqueAgePerYear);
        this.expectedPwvAgeExp = new GridExp(ArterialStiffness.expectedAgeRate(p));
        this.eventAgeExp = new GridExp(p.eventAgePerYear);
        this.pwvRrExp = new GridExp(Math.log(p.pwvEventRr));
        this.historyStartAge = c.historyStartAge();
        this.historyStep = c.historyStep();
        this.historyCmgp = c.historyCmgp();
        this.historyCkdYears = c.historyCkdYears();
        this.variables = VARIABLES;
        Compiled known = c.coronaryPlaqueRef() >= 0 ? c : referencePlaque(c);
        this.coronaryPlaqueRef = known.coronaryPlaqueRef();
        this.aorticPlaqueRef = known.aorticPlaqueRef();
        this.aorticVulnerabilityRef = known.aorticVulnerabilityRef();
    }

    /**
     * The MI hazard is relative to the coronary plaque of the reference adult, the stroke hazard's
     * atherosclerotic part to her aortic plaque (both derived from her history, not assumed).
     */
    private Compiled referencePlaque(Compiled c) {
        double[] ref = history(Patient.referenceAdult(), Susceptibility.TYPICAL);
        double sum = 0;
        for (Bed b : BEDS) {
            if (b.coronary()) {
                sum += ref[b.ordinal() * PER_BED + PLAQUE];
            }
        }
        int aorta = Bed.AORTA.ordinal() * PER_BED;
        double vulnerability = EventHazards.vulnerability(c.parameters(), Math.max(ref[aorta + MICRO], 0),
                Math.max(ref[aorta + MACRO], 0));
        Compiled known = c.withPlaqueRefs(sum, ref[aorta + PLAQUE], vulnerability);
        Compiled.remember(known);
        return known;
    }

    /** The state variables: the same for every wall (immutable), declared once. */
    private static final List<StateVariable> VARIABLES = declareVariables();

    /**
     * What a wall compiles from its catalog alone (immutable): the engine builds a fresh wall per
     * run, and compiling the catalog, declaring the variables and looking up the reference adult's
     * history was 0.12 ms of a 4.2 ms benchmark decade (docs/performance-log.md, "wallgap"). The last
     * catalog's (by identity: a simulator keeps its catalog) is remembered; anything else is
     * compiled afresh, so the values are the same bits either way.
     */
    private record Compiled(ParameterCatalog catalog, WallParameters parameters, CtScoreSurrogate ct,
                            double historyStartAge, double historyStep, double historyCmgp, double historyCkdYears,
                            double coronaryPlaqueRef, double aorticPlaqueRef, double aorticVulnerabilityRef) {

        private static volatile Compiled last;

        static Compiled of(ParameterCatalog catalog) {
            Compiled known = last;
            if (known != null && known.catalog == catalog) {
                return known;
            }
            WallParameters p = new WallParameters(catalog);
            return new Compiled(catalog, p, new CtScoreSurrogate(p), catalog.value("historyStartAgeYears"),
                    catalog.value("historyStepYears"), catalog.value("historyCmgpFraction"),
                    catalog.value("historyCkdYears"), -1, -1, -1);
        }

        Compiled withPlaqueRefs(double coronary, double aorta, double aortaVulnerability) {
            return new Compiled(catalog, parameters, ct, historyStartAge, historyStep, historyCmgp, historyCkdYears,
                    coronary, aorta, aortaVulnerability);
        }

        static void remember(Compiled c) {
            last = c;
        }
    }

    public static ParameterCatalog defaultCatalog() {
        return ParameterCatalog.fromResource(WallBlock.class, CATALOG);
    }

    public ParameterCatalog catalog() {
        return catalog;
    }

    public CtScoreSurrogate ctScorer() {
        return ct;
    }

    private static List<StateVariable> declareVariables() {
        List<StateVariable> v = new ArrayList<>();
        TimeScale slow = TimeScale.SLOW;
        for (Bed b : BEDS) {
            String q = ID + "." + b.key() + ".";
            v.add(new StateVariable(q + "osteogenicFraction", "1", 1e-6, slow, "fraction of medial VSMC in osteogenic state, " + b));
            v.add(new StateVariable(q + "medialMineral", "mg", 1e-4, slow, "medial hydroxyapatite, " + b));
            v.add(new StateVariable(q + "plaqueVolume", "mm3", 1e-3, slow, "atheroma volume, " + b));
            v.add(new StateVariable(q + "microCalcium", "mg", 1e-5, slow, "intimal microcalcification (CT-invisible), " + b));
            v.add(new StateVariable(q + "macroCalcium", "mg", 1e-4, slow, "intimal macrocalcification (CT-visible), " + b));
            v.add(new StateVariable(q + "macroDensity", "mg/cm3", 1e-2, slow, "CT-apparent density of intimal macrocalcium, " + b));
        }
        v.add(new StateVariable(ID + ".pwvIntrinsic", "m/s", 1e-5, slow, "aortic PWV without the medial-mineral term"));
        v.add(new StateVariable(ID + ".lvMass", "g", 1e-3, slow, "left-ventricular mass"));
        for (WallEvent e : WallEvent.values()) {
            v.add(new StateVariable(e.stateId(), "1", 1e-8, slow, "cumulative hazard of " + e));
        }
        v.add(new StateVariable(ID + ".resistanceRatio", "1", 1e-7, slow,
                "peripheral resistance (and Windkessel mean pressure) relative to baseline: the blood-pressure trajectory"));
        v.add(new StateVariable(ID + ".aorticRemodelling", "1", 1e-7, slow,
                "relative rise of the aortic wall modulus from pressure-driven structural remodelling since baseline"));
        return List.copyOf(v);
    }

    /** Qualified id of a per-bed state, e.g. {@code stateId(Bed.LAD, "medialMineral")}. */
    public static String stateId(Bed bed, String name) {
        return ID + "." + bed.key() + "." + name;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<StateVariable> variables() {
        return variables;
    }

    @Override
    public void bind(StateLayout layout) {
        off = layout.offset(ID);
        sink.bind(layout);
        iCa = layout.index(CALCIUM_STATE);
        iP = layout.index(PHOSPHATE_STATE);
        iCmgp = layout.index(CMGP_STATE);
    }

    @Override
    public void initialise(Patient patient, double[] y) {
        if (off < 0) {
            throw new IllegalStateException("wall block initialised before bind");
        }
        double[] s = history(patient, susceptibility);
        System.arraycopy(s, 0, y, off, SIZE);
        double sbp = patient.risk().systolicBpMmHg();
        double dbp = patient.risk().diastolicBpMmHg();
        double pwv0 = ArterialStiffness.expected(p, patient.ageYears(), sbp);
        // The age/SBP expectation holds for a typical wall; a patient's extra medial mineral raises PWV above it.
        double[] typical = history(typicalAt(patient), Susceptibility.TYPICAL);
        risk = RiskProfile.of(patient);
        // a person's own aortic stiffness beyond age, SBP and mineral (1 for a typical person; drawn in a cohort)
        double intrinsic = p.aorticStiffnessFactor * pwv0
                / ArterialStiffness.mineralFactor(p, typical[Bed.AORTA.ordinal() * PER_BED + MEDIAL]);
        y[off + PWV_INTRINSIC] = intrinsic;
        y[off + RESISTANCE] = 1;
        pwv0 = ArterialStiffness.pwv(p, intrinsic, s[Bed.AORTA.ordinal() * PER_BED + MEDIAL]);
        windkessel = Windkessel.fit(sbp, dbp, pwv0, p.heartRatePerMin, p.ejectionTimeS, p.strokeVolumeMl);
        diastolicMemo.forget(); // remembered pressures belong to the previous fit
        systolicMemo.forget();
        lvNormal = patient.sex() == Sex.MALE ? p.lvMassNormalMale : p.lvMassNormalFemale;
        y[off + LV_MASS] = LeftVentricle.steadyState(p, lvNormal, sbp);
        baseline = Arrays.copyOfRange(y, off, off + SIZE);
    }

    /**
     * The wall's baseline comes from its own history; the engine's run-in (for the fast mineral and
     * vitamin K homeostasis) must neither add wall growth nor count event hazard before t = 0.
     */
    @Override
    public void afterStabilisation(double[] y) {
        if (baseline != null) {
            System.arraycopy(baseline, 0, y, off, SIZE);
        }
    }

    /** A patient and the typical patient made for it ({@link #typicalAt}), so that its history is found by identity too. */
    private record TypicalFor(Patient patient, Patient typical) {
    }

    private static volatile TypicalFor lastTypical;

    /**
     * The reference adult at this patient's age and sex, with the reference adult's labs, kidneys and risk
     * profile, its blood pressure included: only the typical wall's medial mineral is read, and the medial
     * equations do not read blood pressure.
     */
    private static Patient typicalAt(Patient patient) {
        TypicalFor known = lastTypical;
        if (known != null && known.patient() == patient) {
            return known.typical();
        }
        Patient typical = makeTypicalAt(patient);
        lastTypical = new TypicalFor(patient, typical);
        return typical;
    }

    private static Patient makeTypicalAt(Patient patient) {
        Patient ref = Patient.referenceAdult();
        return new Patient("typical", patient.ageYears(), patient.sex(), ref.weightKg(), ref.heightCm(),
                ref.egfrMlPerMin(), ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(), ref.pthPgMl(), ref.risk());
    }

    /** A history's inputs: it is a pure function of them (the catalog fixes every constant it reads). */
    private record HistoryKey(String catalogSha256, Patient patient, Susceptibility susceptibility) {
    }

    /** How many recent histories are remembered (a cohort thread runs patients one after another). */
    private static final int REMEMBERED_HISTORIES = 64;

    /**
     * The most recent histories, shared by every simulation (the same bits whichever thread computed
     * them; access is synchronized, a few times per patient set-up).
     */
    private static final Map<HistoryKey, double[]> RECENT_HISTORIES =
            new LinkedHashMap<>(2 * REMEMBERED_HISTORIES, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<HistoryKey, double[]> eldest) {
                    return size() > REMEMBERED_HISTORIES;
                }
            };

    /**
     * {@link #integrateHistory}, remembered for the last {@value #REMEMBERED_HISTORIES} inputs: every
     * wall integrates the reference adult's (for the MI hazard's reference plaque) and, per patient,
     * the patient's and a typical wall at the patient's age, each some hundred derivative calls; a
     * new wall for a person seen before (or the reference adult) no longer repeats them. Returns a
     * copy.
     */
    double[] history(Patient patient, Susceptibility sus) {
        synchronized (BY_IDENTITY) {
            for (KnownHistory k : BY_IDENTITY) {
                if (k != null && k.catalog() == catalog && k.patient() == patient && k.plaque() == sus.plaque()
                        && k.medial() == sus.medial()) {
                    return k.history().clone();
                }
            }
        }
        HistoryKey key = new HistoryKey(catalog.sha256(), patient, sus);
        double[] known;
        synchronized (RECENT_HISTORIES) {
            known = RECENT_HISTORIES.get(key);
        }
        if (known == null) {
            known = integrateHistory(patient, sus);
            synchronized (RECENT_HISTORIES) {
                RECENT_HISTORIES.put(key, known);
            }
        }
        synchronized (BY_IDENTITY) {
            BY_IDENTITY[byIdentityNext] = new KnownHistory(catalog, patient, sus.plaque(), sus.medial(), known);
            byIdentityNext = (byIdentityNext + 1) % BY_IDENTITY.length;
        }
        return known.clone();
    }

    /**
     * A history {@link #history} gave, by identity of the catalog and the patient: a simulator runs
     * the same patient object again and again, and hashing and comparing the patient record (a
     * dozen components through the record's generated methods) for the three look-ups of a wall's
     * set-up was 0.3 % of a fast-mode decade (docs/performance-log.md, "wallcost2"). The array is
     * never handed out (copies are).
     */
    private record KnownHistory(ParameterCatalog catalog, Patient patient, double plaque, double medial,
                                double[] history) {
    }

    /** The last few {@link KnownHistory}s, written in turn (access synchronized on the array). */
    private static final KnownHistory[] BY_IDENTITY = new KnownHistory[8];
    private static int byIdentityNext;

    /**
     * The wall's state at the patient's age, from a clean wall at {@code historyStartAge} under the
     * patient's risk factors and labs (explicit Euler on the block's own slow equations; mineral
     * drawn before the simulation starts is not charged to the ECF). Hazards start at zero.
     */
    double[] integrateHistory(Patient patient, Susceptibility sus) {
        RiskProfile profile = RiskProfile.of(patient);
        nonHdlLowering = 0; // the history takes no drug (statin 0 below); the next derivative call sets it again
        double[] s = new double[SIZE];
        double[] ds = new double[SIZE];
        for (Bed b : BEDS) {
            s[b.ordinal() * PER_BED + DENSITY] = p.macroNewDensity;
        }
        double ca = patient.serumCalciumMmolL().orElse(p.caRef);
        double ph = patient.serumPhosphateMmolL().orElse(p.pRef);
        double sbp = patient.risk().systolicBpMmHg();
        double pp = sbp - patient.risk().diastolicBpMmHg();
        double endAge = patient.ageYears();
        double ckdStart = endAge - historyCkdYears;
        double dtHours = historyStep * Time.HOURS_PER_YEAR;
        for (double age = historyStartAge; age < endAge - 1e-9; age += historyStep) {
            double egfr = age >= ckdStart ? patient.egfrMlPerMin() : Math.max(patient.egfrMlPerMin(), 90);
            Arrays.fill(ds, 0);
            wallRates(s, 0, ds, profile, ca, ph, historyCmgp, age, egfr, false, profile.diabetes(), 0, sbp, sbp - pp, pp, 0,
                    sus.plaque(), sus.medial());
            double h = Math.min(dtHours, (endAge - age) * Time.HOURS_PER_YEAR);
            for (int i = 0; i < PWV_INTRINSIC; i++) {
                s[i] += h * ds[i];
            }
        }
        return s;
    }

    @Override
    public void addRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        addRatesGivenMilieu(tHours, y, drivers, null, 0, dydt);
    }

    /**
     * Four: the crystal-growth drive (with the serum's own propensity), the nucleation drive, the
     * osteogenic drive and the direct serum-calcium factor of the MI hazard; every rate of the wall is
     * affine in them at fixed SLOW states and drivers (medial and surface growth are proportional to
     * the growth drive, micro formation affine in the nucleation drive, the osteogenic switch affine in
     * its drive, the MI and CV-death hazards affine in the calcium factor).
     */
    @Override
    public int milieuSize() {
        return MILIEU_SIZE;
    }

    /**
     * Six groups: each kind of bed state over the beds (a bed's rates read only its own states, the
     * milieu and quantities of other kinds), the hazards with the osteogenic fractions (hazards are
     * read by no rate; the hazards read plaque, calcium, PWV and LV mass, not the fractions), LV mass
     * with the plaque volumes, the resistance with the microcalcium, the intrinsic PWV with the
     * macrocalcium and the remodelling with the macro densities (the pressure-driven rates read
     * PWV's inputs, none of which is in those groups). Held to bit-identity by WallDiagonalGroupsTest.
     */
    @Override
    public int[][] ownDiagonalGroups() {
        return DIAGONAL_GROUPS;
    }

    /** {@link #ownDiagonalGroups}, made once (read only). */
    private static final int[][] DIAGONAL_GROUPS = diagonalGroups();

    private static int[][] diagonalGroups() {
        int beds = BEDS.length;
        int[][] groups = new int[PER_BED][];
        int[][] extra = {
            {HAZARD_MI, HAZARD_STROKE, HAZARD_HF, HAZARD_CV_DEATH}, {}, {LV_MASS}, {RESISTANCE}, {PWV_INTRINSIC},
            {REMODELLING}};
        for (int kind = 0; kind < PER_BED; kind++) {
            int[] g = new int[beds + extra[kind].length];
            for (int b = 0; b < beds; b++) {
                g[b] = b * PER_BED + kind;
            }
            System.arraycopy(extra[kind], 0, g, beds, extra[kind].length);
            groups[kind] = g;
        }
        return groups;
    }

    /**
     * The milieu, evaluated at every stage of fast mode's orbit and every quadrature sample (some
     * 5 500 times a decade): the same expressions as {@link MineralMilieu} and
     * {@link EventHazards#serumCalciumFactor}, with the serum calcium divided once (it was divided
     * twice) and the constant factors of the parameter record ({@code Ca_ref·P_ref},
     * {@code 1 − threshold}) taken once per wall ({@link MilieuConstants}); the same bits
     * (WallMilieuAffineTest).
     */
    @Override
    public void milieu(double[] y, Drivers drivers, double[] out, int from) {
        MilieuConstants k = milieuConstants;
        double volume = k.ecfVolume;
        double ca = y[iCa] / volume;
        double ph = y[iP] / volume;
        double product = (ca * ph) / k.productRef;
        double excess = product - k.threshold;
        double nucleationDrive;
        if (excess <= 0) {
            nucleationDrive = 0;
        } else {
            double s = excess / k.span;
            nucleationDrive = k.squareDrive ? s * s : Math.pow(s, k.exponent);
        }
        out[from + GROWTH_DRIVE] = k.plainGrowth ? nucleationDrive
                : MineralMilieu.drive(p, product * p.propensityProductFactor);
        out[from + NUCLEATION_DRIVE] = nucleationDrive;
        // Not through osteoMemo: here the phosphate moves at every call (fast mode's orbit stages).
        out[from + OSTEOGENIC_DRIVE] = osteogenicDriveFresh(ph, drivers.egfrMlPerMin(), drivers.ageYears(),
                drivers.haemodialysis(), risk.diabetes() || drivers.diabetes());
        out[from + MI_CALCIUM_FACTOR] = k.noCalciumFactor ? 1 : Math.exp(k.miLogHr * (ca - k.miRef));
    }

    /**
     * The parameter record's values {@link #milieu} reads, in one small object (its fields read
     * without the record's ~150-field layout in between) and the constant products it took per call:
     * {@code caRef * pRef} and {@code 1 - supersatThreshold} are the same doubles whenever taken.
     */
    private static final class MilieuConstants {
        final double ecfVolume;
        final double productRef;
        final double threshold;
        final double span;
        final boolean squareDrive;
        final double exponent;
        final boolean plainGrowth;
        final boolean noCalciumFactor;
        final double miLogHr;
        final double miRef;

        MilieuConstants(WallParameters p) {
            ecfVolume = p.ecfVolumeL;
            productRef = p.caRef * p.pRef;
            threshold = p.supersatThreshold;
            span = 1 - p.supersatThreshold;
            squareDrive = p.supersatExponent == 2;
            exponent = p.supersatExponent;
            plainGrowth = p.propensityProductFactor == 1;
            noCalciumFactor = p.miCalciumLogHr == 0;
            miLogHr = p.miCalciumLogHr;
            miRef = p.miCalciumRef;
        }
    }

    /** {@link #addRates} with the milieu {@code m} (from {@code from}), or the one of {@code y} where {@code m} is null. */
    @Override
    public void addRatesGivenMilieu(double tHours, double[] y, Drivers drivers, double[] m, int from, double[] dydt) {
        nonHdlLowering = drivers.nonHdlLowering();
        double cMgp = clamp01(y[iCmgp]);
        double resistance = y[off + RESISTANCE];
        double pwv = measuredPwv(y, resistance);
        double dbp = diastolicGiven(pwv, resistance);
        double sbp = systolicGiven(pwv, dbp, resistance);
        double pp = sbp - dbp;
        boolean diabetes = risk.diabetes() || drivers.diabetes();
        double depositedMg;
        double calciumFactor;
        if (m == null) {
            calciumFactor = EventHazards.serumCalciumFactor(p, y[iCa] / p.ecfVolumeL);
            double ca = y[iCa] / p.ecfVolumeL;
            double ph = y[iP] / p.ecfVolumeL;
            depositedMg = wallRates(y, off, dydt, risk, ca, ph, cMgp, drivers.ageYears(), drivers.egfrMlPerMin(),
                    drivers.haemodialysis(), diabetes, drivers.statinIntensity(), sbp, dbp, pp, off,
                    susceptibility.plaque(), susceptibility.medial());
        } else {
            calciumFactor = m[from + MI_CALCIUM_FACTOR];
            depositedMg = wallRatesGivenMilieu(y, off, dydt, risk, m[from + GROWTH_DRIVE], m[from + NUCLEATION_DRIVE],
                    m[from + OSTEOGENIC_DRIVE], cMgp, drivers.ageYears(), drivers.egfrMlPerMin(),
                    drivers.haemodialysis(), diabetes, drivers.statinIntensity(), sbp, dbp, pp, off,
                    susceptibility.plaque(), susceptibility.medial());
        }
        // Ca10(PO4)6(OH)2: 10 Ca per formula unit; the sink takes 0.6 P per Ca (mass balance by construction)
        sink.withdraw(depositedMg * CA_PER_HA, dydt);
        dydt[off + LV_MASS] += LeftVentricle.rate(p, y[off + LV_MASS], lvNormal, sbp);
        dydt[off + RESISTANCE] += ArterialStiffness.resistanceRate(p, resistance, drivers.ageYears());
        addHazards(y, dydt, drivers.ageYears(), diabetes, pwv, sbp, calciumFactor);
    }

    /**
     * The FAST rows of {@link #addRates}: the hydroxyapatite deposited from serum withdrawn from the
     * ECF pools, nothing else (no pressure, growth index, hazard or SLOW rate of the wall). The same
     * bits in those rows: the deposit is {@link #wallRatesGivenMilieu}'s sum, term by term the same
     * expressions on the same inputs (WallFastRatesTest).
     */
    @Override
    public void addFastRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
        double product = MineralMilieu.relativeProduct(p, y[iCa] / p.ecfVolumeL, y[iP] / p.ecfVolumeL);
        double nucleationDrive = MineralMilieu.drive(p, product);
        double drive = p.propensityProductFactor == 1 ? nucleationDrive
                : MineralMilieu.drive(p, product * p.propensityProductFactor);
        withdrawDeposit(y, drivers, drive, nucleationDrive, dydt);
    }

    /**
     * The rows {@link #addRatesGivenMilieu} writes outside the wall's own SLOW states: the mineral
     * deposited from serum, withdrawn from the ECF pools (no pressure, growth index, hazard or SLOW
     * rate of the wall), with the milieu's growth and nucleation drives given. The same bits in those
     * rows: the deposit is {@link #wallRatesGivenMilieu}'s sum, term by term the same expressions on
     * the same inputs (WallMilieuAffineTest); fast mode's {@code freezeMilieu} takes the sink's
     * coefficients with it once per orbit instead of five full calls.
     */
    @Override
    public void addOtherRowsGivenMilieu(double tHours, double[] y, Drivers drivers, double[] m, int from,
                                        double[] dydt) {
        withdrawDeposit(y, drivers, m[from + GROWTH_DRIVE], m[from + NUCLEATION_DRIVE], dydt);
    }

    /**
     * The hydroxyapatite deposited from serum at the milieu's growth and nucleation drives, withdrawn
     * from the ECF pools: the rows outside the wall's own SLOW states that {@link #addFastRates} and
     * {@link #addOtherRowsGivenMilieu} write (the same expressions as {@link #wallRatesGivenMilieu}'s sum).
     */
    private void withdrawDeposit(double[] y, Drivers drivers, double drive, double nucleationDrive, double[] dydt) {
        double cMgp = clamp01(y[iCmgp]);
        boolean hd = drivers.haemodialysis();
        double fetuin = hd ? p.fetuinDialysis : p.fetuinNormal;
        double uraemia = MedialCalcification.uraemia(p, drivers.egfrMlPerMin(), hd);
        double mgp = mgpInhibition(cMgp);
        double free = MedialCalcification.uninhibitedGiven(p, mgp, fetuin);
        double maturity = maturity(drivers.ageYears());
        double medialSus = susceptibility.medial();
        double deposited = 0;
        for (int b = 0; b < BEDS.length; b++) {
            int i = off + b * PER_BED;
            double grow = MedialCalcification.growthGivenSurface(p, medialSus * p.medialScale[b], y[i + PHI],
                    surfaceTerm(b, y[i + MEDIAL]), drive, free);
            double regress = MedialCalcification.regression(p, y[i + MEDIAL], cMgp);
            double form = IntimalCalcification.microFormation(p, y[i + PLAQUE], maturity, nucleationDrive, mgp, uraemia);
            double surface = IntimalCalcification.surfaceGrowth(p, y[i + MACRO], y[i + MICRO], y[i + PLAQUE], drive,
                    mgp);
            deposited += grow - regress + form + surface;
        }
        sink.withdraw(deposited * CA_PER_HA, dydt);
    }

    /** The sink reads the growth and nucleation drives only (not the osteogenic drive or the MI calcium factor). */
    @Override
    public boolean otherRowsRead(int c) {
        return c == GROWTH_DRIVE || c == NUCLEATION_DRIVE;
    }

    /** The MGP inhibition at {@code cMgp}, remembered. */
    private double mgpInhibition(double cMgp) {
        return mgpMemo.same(cMgp, 0, 0, 0) ? mgpMemo.value()
                : mgpMemo.remember(cMgp, 0, 0, 0, MedialCalcification.mgpInhibition(p, cMgp));
    }

    /** The plaque maturity factor at {@code age} ({@link IntimalCalcification#maturity}), remembered. */
    private double maturity(double age) {
        return maturityMemo.same(age, 0, 0, 0) ? maturityMemo.value()
                : maturityMemo.remember(age, 0, 0, 0, microAgeExp.of(age - 60));
    }

    /** Bed {@code b}'s medial surface term at its medial mineral {@code medial}, remembered. */
    private double surfaceTerm(int b, double medial) {
        LastInputs sm = surfaceMemo[b];
        return sm.same(medial, 0, 0, 0) ? sm.value()
                : sm.remember(medial, 0, 0, 0, MedialCalcification.surfaceTerm(p, medial));
    }

    /**
     * {@link #pwv}, remembered on its four SLOW states (three square roots): it repeats for every call
     * of fast mode's orbit integration, where the SLOW states are frozen.
     */
    private double measuredPwv(double[] y, double resistance) {
        double intrinsic = y[off + PWV_INTRINSIC];
        double remodelling = y[off + REMODELLING];
        double aorticMedial = y[off + Bed.AORTA.ordinal() * PER_BED + MEDIAL];
        return pwvMemo.same(intrinsic, remodelling, aorticMedial, resistance) ? pwvMemo.value()
                : pwvMemo.remember(intrinsic, remodelling, aorticMedial, resistance, pwvOf(y));
    }

    /**
     * Rates of the bed states and the intrinsic PWV, written at {@code dOff}; returns the net
     * hydroxyapatite deposited from serum, mg/h.
     */
    private double wallRates(double[] y, int o, double[] dydt, RiskProfile profile, double caMmolL, double pMmolL, double cMgp,
                             double age, double egfr, boolean hd, boolean diabetes, double statin,
                             double sbp, double dbp, double pp, int dOff, double plaqueSus, double medialSus) {
        // Crystal growth from serum (medial mineral, existing macrocalcium) feels the person's own serum calcification
        // propensity beyond Ca and P (the T50 residual) as an equivalent Ca x P product; nucleation in plaque does
        // not (CRIC: T50 goes with CAC severity and progression, not with its prevalence or incidence, BundyT50Cac2019)
        double product = MineralMilieu.relativeProduct(p, caMmolL, pMmolL);
        double nucleationDrive = MineralMilieu.drive(p, product);
        double drive = p.propensityProductFactor == 1 ? nucleationDrive
                : MineralMilieu.drive(p, product * p.propensityProductFactor);
        double osteo = osteogenicDrive(pMmolL, egfr, age, hd, diabetes);
        return wallRatesGivenMilieu(y, o, dydt, profile, drive, nucleationDrive, osteo, cMgp, age, egfr, hd, diabetes,
                statin, sbp, dbp, pp, dOff, plaqueSus, medialSus);
    }

    /**
     * The osteogenic drive, remembered on its inputs; its uraemia and age factor remembered on theirs
     * (fast mode's orbit calls the milieu at every stage with the phosphate moving and the drivers held).
     */
    private double osteogenicDrive(double pMmolL, double egfr, double age, boolean hd, boolean diabetes) {
        double flags = (hd ? 1 : 0) + (diabetes ? 2 : 0);
        if (osteoMemo.same(pMmolL, egfr, age, flags)) {
            return osteoMemo.value();
        }
        return osteoMemo.remember(pMmolL, egfr, age, flags, osteogenicDriveFresh(pMmolL, egfr, age, hd, diabetes));
    }

    /** The osteogenic drive computed (not looked up), its uraemia and age factor remembered on their inputs. */
    private double osteogenicDriveFresh(double pMmolL, double egfr, double age, boolean hd, boolean diabetes) {
        double uraemia = uraemiaMemo.same(egfr, hd ? 1 : 0, 0, 0) ? uraemiaMemo.value()
                : uraemiaMemo.remember(egfr, hd ? 1 : 0, 0, 0, MedialCalcification.uraemia(p, egfr, hd));
        double ageFactor = osteoAgeMemo.same(age, 0, 0, 0) ? osteoAgeMemo.value()
                : osteoAgeMemo.remember(age, 0, 0, 0, osteoAgeExp.of(age - 60));
        return MedialCalcification.osteogenicDriveGiven(p, pMmolL, uraemia, diabetes, ageFactor);
    }

    /**
     * {@link #wallRates} with the milieu given: the crystal-growth drive, the nucleation drive and
     * the osteogenic drive; affine in them (see {@link #milieuSize}).
     */
    private double wallRatesGivenMilieu(double[] y, int o, double[] dydt, RiskProfile profile, double drive,
                                        double nucleationDrive, double osteo, double cMgp, double age, double egfr,
                                        boolean hd, boolean diabetes, double statin, double sbp, double dbp, double pp,
                                        int dOff, double plaqueSus, double medialSus) {
        double fetuin = hd ? p.fetuinDialysis : p.fetuinNormal;
        double uraemia = MedialCalcification.uraemia(p, egfr, hd);
        double mgp = mgpInhibition(cMgp);
        double free = MedialCalcification.uninhibitedGiven(p, mgp, fetuin);
        double maturity = maturity(age); // IntimalCalcification.maturity
        double growthIndex = plaqueSus * growthIndex(profile, age, statin, sbp, diabetes);
        double deposited = 0;
        for (int b = 0; b < BEDS.length; b++) {
            int i = o + b * PER_BED;
            int d = dOff + b * PER_BED;
            double phi = y[i + PHI];
            double medial = y[i + MEDIAL];
            dydt[d + PHI] += MedialCalcification.osteogenicRate(p, phi, osteo);
            double surfaceTerm = surfaceTerm(b, medial);
            double grow = MedialCalcification.growthGivenSurface(p, medialSus * p.medialScale[b], phi, surfaceTerm,
                    drive, free);
            double regress = MedialCalcification.regression(p, medial, cMgp);
            dydt[d + MEDIAL] += grow - regress;

            double volume = y[i + PLAQUE];
            dydt[d + PLAQUE] += IntimalCalcification.plaqueRate(p, p.plaqueScale[b], growthIndex, statin, volume);
            double form = IntimalCalcification.microFormation(p, volume, maturity, nucleationDrive, mgp, uraemia);
            double conv = IntimalCalcification.conversion(p, y[i + MICRO], statin);
            // crystal growth on existing macrocalcium at its own density (no dilution by new, light mineral)
            double surface = IntimalCalcification.surfaceGrowth(p, y[i + MACRO], y[i + MICRO], volume, drive, mgp);
            dydt[d + MICRO] += form - conv;
            dydt[d + MACRO] += conv + surface;
            dydt[d + DENSITY] += IntimalCalcification.densityRate(p, y[i + DENSITY], y[i + MACRO], conv, statin);
            deposited += grow - regress + form + surface;
        }
        dydt[dOff + PWV_INTRINSIC] += ArterialStiffness.intrinsicRate(p, y[o + PWV_INTRINSIC], pp);
        dydt[dOff + REMODELLING] += ArterialStiffness.remodellingRate(p, y[o + REMODELLING], dbp, pp);
        return deposited;
    }

    /**
     * The risk multiplier of plaque growth ({@link IntimalCalcification#growthIndex}) from its factors,
     * each remembered on its own inputs: in an orbit only the age factor moves (statin and SBP are
     * fixed while the SLOW states are), and the hs-CRP factor is constant for a risk profile.
     */
    private double growthIndex(RiskProfile profile, double age, double statin, double sbp, boolean diabetes) {
        if (profile != growthProfile) {
            cholesterolMemo.forget();
            inflammationFactor = IntimalCalcification.inflammationFactor(p, profile.crpMgL());
            growthProfile = profile;
        }
        double ageFactor = plaqueAgeMemo.same(age, 0, 0, 0) ? plaqueAgeMemo.value()
                : plaqueAgeMemo.remember(age, 0, 0, 0, plaqueAgeExp.of(age - 60));
        double lowering = nonHdlLowering;
        double cholesterol = cholesterolMemo.same(statin, lowering, 0, 0) ? cholesterolMemo.value()
                : cholesterolMemo.remember(statin, lowering, 0, 0,
                        IntimalCalcification.cholesterolFactor(p, profile.nonHdlMgDl(), statin, lowering));
        double pressure = plaqueSbpMemo.same(sbp, 0, 0, 0) ? plaqueSbpMemo.value()
                : plaqueSbpMemo.remember(sbp, 0, 0, 0, IntimalCalcification.pressureFactor(p, sbp));
        return IntimalCalcification.growthIndexGiven(p, ageFactor, cholesterol, pressure, inflammationFactor,
                profile.male(), profile.smoker(), diabetes);
    }

    /**
     * The event hazards' rates; {@code calciumFactor} is the direct serum-calcium factor of the MI
     * hazard at the serum calcium of the call (or the milieu's mean of it).
     */
    private void addHazards(double[] y, double[] dydt, double age, boolean diabetes, double pwv, double sbp,
                            double calciumFactor) {
        double plaque = 0;
        double micro = 0;
        double macro = 0;
        for (Bed b : BEDS) {
            if (b.coronary()) {
                int i = off + b.ordinal() * PER_BED;
                plaque += atLeast(y[i + PLAQUE], 0);
                micro += atLeast(y[i + MICRO], 0);
                macro += atLeast(y[i + MACRO], 0);
            }
        }
        double expectedPwv = expectedPwvMemo.same(age, 0, 0, 0) ? expectedPwvMemo.value()
                : expectedPwvMemo.remember(age, 0, 0, 0,
                        ArterialStiffness.expectedGivenAge(p, expectedPwvAgeExp.of(age - 60), p.sbpRef));
        double excessPwv = pwv - expectedPwv;
        double rr = pwvRrMemo.same(excessPwv, 0, 0, 0) ? pwvRrMemo.value()
                : pwvRrMemo.remember(excessPwv, 0, 0, 0, pwvRrExp.of(excessPwv)); // pwvEventRr^excess
        double ageFactor = ageFactorMemo.same(age, 0, 0, 0) ? ageFactorMemo.value()
                : ageFactorMemo.remember(age, 0, 0, 0, eventAgeExp.of(age - 60));
        double smoke = risk.smoker() ? p.smokingEventFactor : 1;
        double relativePlaque = plaque / coronaryPlaqueRef;
        double burden = plaqueBurdenMemo.same(relativePlaque, 0, 0, 0) ? plaqueBurdenMemo.value()
                : plaqueBurdenMemo.remember(relativePlaque, 0, 0, 0, EventHazards.plaqueBurden(p, relativePlaque));
        double hMi = EventHazards.myocardialInfarctionGivenBurden(p, burden, micro, macro) * smoke * rr * calciumFactor;
        double sbpFactor = strokeSbpMemo.same(sbp, 0, 0, 0) ? strokeSbpMemo.value()
                : strokeSbpMemo.remember(sbp, 0, 0, 0, Math.pow(2, (sbp - 120) / p.strokeSbpDoubling));
        int aorta = off + Bed.AORTA.ordinal() * PER_BED;
        double relativeAortic = atLeast(y[aorta + PLAQUE], 0) / aorticPlaqueRef;
        double aorticMicro = atLeast(y[aorta + MICRO], 0);
        double aorticMacro = atLeast(y[aorta + MACRO], 0);
        double atheroma = strokePlaqueMemo.same(relativeAortic, aorticMicro, aorticMacro, 0) ? strokePlaqueMemo.value()
                : strokePlaqueMemo.remember(relativeAortic, aorticMicro, aorticMacro, 0,
                        EventHazards.strokeAtheroma(p, relativeAortic, aorticMicro, aorticMacro, aorticVulnerabilityRef));
        double hStroke = p.strokeBase * EventHazards.strokeComposition(p, ageFactor, atheroma) * sbpFactor * smoke * rr;
        double lvRatio = y[off + LV_MASS] / lvNormal;
        double lvFactor = lvMassMemo.same(lvRatio, 0, 0, 0) ? lvMassMemo.value()
                : lvMassMemo.remember(lvRatio, 0, 0, 0, Math.pow(lvRatio, p.hfLvMassExponent));
        double hHf = p.hfBase * ageFactor * lvFactor
                * (diabetes ? p.hfDiabetesFactor : 1) * rr;
        dydt[off + HAZARD_MI] += hMi;
        dydt[off + HAZARD_STROKE] += hStroke;
        dydt[off + HAZARD_HF] += hHf;
        dydt[off + HAZARD_CV_DEATH] += p.cvDeathFractionMi * hMi + p.cvDeathFractionStroke * hStroke
                + p.cvDeathFractionHf * hHf;
    }

    // ---- readouts (recording time only) ----

    /** Aortic PWV as measured at the person's current mean pressure, m/s. */
    public double pwv(double[] y) {
        return measuredPwv(y, y[off + RESISTANCE]);
    }

    /** {@link #pwv} computed afresh (what {@link #measuredPwv} remembers). */
    private double pwvOf(double[] y) {
        return ArterialStiffness.pwv(p, structuralIntrinsic(y), y[off + Bed.AORTA.ordinal() * PER_BED + MEDIAL],
                y[off + RESISTANCE]);
    }

    /** Intrinsic PWV times the remodelling factor √(1 + S): the aorta's PWV without mineral and acute pressure. */
    private double structuralIntrinsic(double[] y) {
        return y[off + PWV_INTRINSIC] * ArterialStiffness.remodellingFactor(y[off + REMODELLING]);
    }

    /** Systolic pressure, mmHg: the derivative call's (remembered) value, {@code windkessel.systolic(pwv, R)}. */
    public double systolic(double[] y) {
        double resistance = y[off + RESISTANCE];
        double pwv = pwv(y);
        return systolicGiven(pwv, diastolicGiven(pwv, resistance), resistance);
    }

    public double diastolic(double[] y) {
        return diastolicGiven(pwv(y), y[off + RESISTANCE]);
    }

    /** {@code windkessel.diastolic(pwv, resistance)}, remembered. */
    private double diastolicGiven(double pwv, double resistance) {
        return diastolicMemo.same(pwv, resistance, 0, 0) ? diastolicMemo.value()
                : diastolicMemo.remember(pwv, resistance, 0, 0, windkessel.diastolic(pwv, resistance));
    }

    /** {@code windkessel.systolicFromDiastolic(dbp, pwv, resistance)} (= {@code systolic(pwv, resistance)} at its DBP), remembered. */
    private double systolicGiven(double pwv, double dbp, double resistance) {
        return systolicMemo.same(pwv, dbp, resistance, 0) ? systolicMemo.value()
                : systolicMemo.remember(pwv, dbp, resistance, 0, windkessel.systolicFromDiastolic(dbp, pwv, resistance));
    }

    /** Serum calcification propensity, min. */
    public double t50(double[] y, Drivers drivers) {
        return CalcificationPropensity.t50Minutes(p, y[iCa] / p.ecfVolumeL, y[iP] / p.ecfVolumeL,
                drivers.haemodialysis() ? p.fetuinDialysis : p.fetuinNormal);
    }

    /** What a CT scan of the coronaries reports now, plus the ground truth no scan has. */
    public CoronaryCalcium coronaryCalcium(double[] y) {
        return new CoronaryCalcium(coronary(y, CoronarySum.AGATSTON), coronary(y, CoronarySum.VOLUME),
                coronary(y, CoronarySum.MASS), coronary(y, CoronarySum.INTIMAL), coronary(y, CoronarySum.MEDIAL),
                coronary(y, CoronarySum.MICRO));
    }

    /** What {@link #coronary} sums over the four coronary arteries. */
    enum CoronarySum { AGATSTON, VOLUME, MASS, INTIMAL, MEDIAL, MICRO }

    /** The coronary states the CT sums were last taken at (macro, density, medial per coronary bed), and the sums. */
    private final double[] ctKey = new double[3 * BEDS.length];
    private boolean ctKnown;
    private final double[] ctSums = new double[3];
    private final double[] ctIntimal = new double[3];
    private final double[] ctMedial = new double[3];

    /**
     * The Agatston, volume and mass sums ({@link CtScoreSurrogate#scores}) at {@code y}'s coronary
     * states, remembered: a recorded row reads all three, each of which took the same powers and
     * exponentials per bed and layer (the same sums, in the same order, as {@link #coronary} took them).
     */
    private double[] ctSums(double[] y) {
        boolean same = ctKnown;
        for (Bed b : BEDS) {
            if (b.coronary()) {
                int i = off + b.ordinal() * PER_BED;
                int k = 3 * b.ordinal();
                same &= Double.doubleToRawLongBits(y[i + MACRO]) == Double.doubleToRawLongBits(ctKey[k])
                        && Double.doubleToRawLongBits(y[i + DENSITY]) == Double.doubleToRawLongBits(ctKey[k + 1])
                        && Double.doubleToRawLongBits(y[i + MEDIAL]) == Double.doubleToRawLongBits(ctKey[k + 2]);
            }
        }
        if (same) {
            return ctSums;
        }
        Arrays.fill(ctSums, 0.0);
        for (Bed b : BEDS) {
            if (!b.coronary()) {
                continue;
            }
            int i = off + b.ordinal() * PER_BED;
            int k = 3 * b.ordinal();
            ctKey[k] = y[i + MACRO];
            ctKey[k + 1] = y[i + DENSITY];
            ctKey[k + 2] = y[i + MEDIAL];
            double mac = Math.max(y[i + MACRO], 0);
            double rho = y[i + DENSITY];
            double med = Math.max(y[i + MEDIAL], 0);
            ct.scores(INTIMA, mac, rho, ctIntimal);
            ct.scores(MEDIA, med, p.medialDensity, ctMedial);
            for (int q = 0; q < 3; q++) {
                ctSums[q] += ctIntimal[q] + ctMedial[q];
            }
        }
        ctKnown = true;
        return ctSums;
    }

    /** One coronary sum, allocation-free (for recorded outputs). Each layer passes the CT map of its geometry. */
    double coronary(double[] y, CoronarySum what) {
        switch (what) {
            case AGATSTON:
                return ctSums(y)[CtScoreSurrogate.AGATSTON];
            case VOLUME:
                return ctSums(y)[CtScoreSurrogate.VOLUME];
            case MASS:
                return ctSums(y)[CtScoreSurrogate.MASS];
            default:
                break;
        }
        double sum = 0;
        for (Bed b : BEDS) {
            if (!b.coronary()) {
                continue;
            }
            int i = off + b.ordinal() * PER_BED;
            double mac = Math.max(y[i + MACRO], 0);
            double med = Math.max(y[i + MEDIAL], 0);
            double micro = Math.max(y[i + MICRO], 0);
            sum += switch (what) {
                case INTIMAL -> mac + micro;
                case MEDIAL -> med;
                case MICRO -> micro;
                // the three CT sums returned above, from the cached ctSums
                case AGATSTON, VOLUME, MASS -> throw new IllegalStateException("read from ctSums: " + what);
            };
        }
        return sum;
    }

    /**
     * IVUS-like calcium index of the coronaries (Puri 2015's endpoint), 0–1: the share of the imaged wall
     * that shows calcium. The IVUS core lab grades each frame of a pullback by its arc of calcium (acoustic
     * shadowing) and averages the grades over the pullback (Nicholls 2007), so the index measures how much
     * of the artery is calcified, not calcium relative to plaque. The macrocalcium (many deposits of a
     * few mg) covers the imaged wall as random deposits do: 1 − exp(−Mac/M_c), M_c the coronary
     * macrocalcium at which 63 % of the wall would show calcium. Microcalcium (below IVUS's resolution)
     * and plaque volume do not enter.
     */
    public double calciumIndex(double[] y) {
        double mac = 0;
        for (Bed b : BEDS) {
            if (b.coronary()) {
                mac += Math.max(y[off + b.ordinal() * PER_BED + MACRO], 0);
            }
        }
        return 1 - Math.exp(-mac / p.calciumIndexCoverageMass);
    }

    /** {@link #outputs}, made at the first call (immutable; a recording plan and the run-in's look-ups ask again). */
    private List<DerivedOutput> outputs;

    @Override
    public List<DerivedOutput> outputs() {
        List<DerivedOutput> known = outputs;
        if (known == null) {
            known = WallOutputs.list(this);
            outputs = known;
        }
        return known;
    }

    /** Left-ventricular mass, g. */
    double lvMass(double[] y) {
        return y[off + LV_MASS];
    }

    /** Cumulative risk 1 − e^{−Λ} of an event by now (since t = 0). */
    public double risk(double[] y, WallEvent event) {
        return 1 - Math.exp(-y[off + HAZARD_MI + event.ordinal()]);
    }

    private static LastInputs[] newMemos(int n) {
        LastInputs[] m = new LastInputs[n];
        for (int i = 0; i < n; i++) {
            m[i] = new LastInputs();
        }
        return m;
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : DoubleOrder.min(v, 1);
    }
}
