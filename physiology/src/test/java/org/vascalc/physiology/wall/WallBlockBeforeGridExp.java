package org.vascalc.physiology.wall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.mineral.SoftTissueSink;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.physiology.numeric.LastInputs;

/**
 * A frozen copy of {@link WallBlock} as it was before its derivative call was made cheaper (GridExp for
 * the exponentials of age, the plaque-growth factors remembered one by one): the reference of
 * {@code WallRatesUnchangedTest}. Not used by the model. The vascular wall: per arterial bed ({@link Bed}) a medial compartment (osteogenic VSMC fraction,
 * medial hydroxyapatite) and an intimal one (plaque volume, micro- and macrocalcium, macro density);
 * aortic intrinsic stiffness, LV mass and the cumulative hazards of MI, stroke, heart failure and
 * cardiovascular death. Reads {@code mineral.caEcf}, {@code mineral.po4Ecf} and
 * {@code vitk.cMgpFraction}; mineral deposited in the wall is subtracted from the two ECF pools
 * here (hydroxyapatite Ca₁₀(PO₄)₆(OH)₂: Ca:P = 10:6), so mass balance closes by construction.
 * Equations in the mechanism classes and {@code docs/model/wall.md}.
 */
final class WallBlockBeforeGridExp implements Block {

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

    private static final double CA_PER_HA = 10.0 / MolarMass.HYDROXYAPATITE.gramsPerMol();

    private final ParameterCatalog catalog;
    private final WallParameters p;
    private final CtScoreSurrogate ct;
    private final List<StateVariable> variables;
    private final double historyStartAge;
    private final double historyStep;
    private final double historyCmgp;
    private final double historyCkdYears;
    private final double coronaryPlaqueRef;
    private final double aorticPlaqueRef;
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
            growthMemo = new LastInputs(), expectedPwvMemo = new LastInputs(), ageFactorMemo = new LastInputs(),
            strokeSbpMemo = new LastInputs(), lvMassMemo = new LastInputs(), pwvRrMemo = new LastInputs(),
            plaqueBurdenMemo = new LastInputs();
    /** Per bed: the medial surface term (a cube root of the bed's medial mass). */
    private final LastInputs[] surfaceMemo = newMemos(BEDS.length);
    /** The risk profile {@link #growthMemo} was computed for. */
    private RiskProfile growthProfile;

    WallBlockBeforeGridExp() {
        this(defaultCatalog());
    }

    /**
     * A wall with the catalog's individual susceptibility ({@code plaqueSusceptibility},
     * {@code medialSusceptibility}, 1 for a typical person), so that a virtual cohort run through the
     * engine can give each person their own by overriding two catalog values.
     */
    WallBlockBeforeGridExp(ParameterCatalog catalog) {
        this(catalog, new Susceptibility(catalog.value("plaqueSusceptibility"), catalog.value("medialSusceptibility")));
    }

    /** A wall for one person whose own plaque and medial propensities are known (or drawn). */
    WallBlockBeforeGridExp(ParameterCatalog catalog, Susceptibility susceptibility) {
        this.catalog = catalog;
        this.susceptibility = susceptibility;
        this.p = new WallParameters(catalog);
        this.ct = new CtScoreSurrogate(p);
        this.historyStartAge = catalog.value("historyStartAgeYears");
        this.historyStep = catalog.value("historyStepYears");
        this.historyCmgp = catalog.value("historyCmgpFraction");
        this.historyCkdYears = catalog.value("historyCkdYears");
        this.variables = declareVariables();
        // MI hazard is relative to the coronary plaque of the reference adult (derived, not assumed).
        double[] ref = history(Patient.referenceAdult(), Susceptibility.TYPICAL);
        double sum = 0;
        for (Bed b : BEDS) {
            if (b.coronary()) {
                sum += ref[b.ordinal() * PER_BED + PLAQUE];
            }
        }
        this.coronaryPlaqueRef = sum;
        this.aorticPlaqueRef = ref[Bed.AORTA.ordinal() * PER_BED + PLAQUE];
        this.aorticVulnerabilityRef = vulnerability(ref[Bed.AORTA.ordinal() * PER_BED + MICRO],
                ref[Bed.AORTA.ordinal() * PER_BED + MACRO]);
    }

    public static ParameterCatalog defaultCatalog() {
        return ParameterCatalog.fromResource(WallBlock.class, WallBlock.CATALOG);
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

    /** The reference adult at this patient's age, sex and blood pressure, with reference labs and kidneys. */
    private static Patient typicalAt(Patient patient) {
        Patient ref = Patient.referenceAdult();
        return new Patient("typical", patient.ageYears(), patient.sex(), ref.weightKg(), ref.heightCm(),
                ref.egfrMlPerMin(), ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(), ref.pthPgMl(), ref.risk());
    }

    /**
     * The wall's state at the patient's age, from a clean wall at {@code historyStartAge} under the
     * patient's risk factors and labs (explicit Euler on the block's own slow equations; mineral
     * drawn before the simulation starts is not charged to the ECF). Hazards start at zero.
     */
    private double[] history(Patient patient, Susceptibility sus) {
        RiskProfile profile = RiskProfile.of(patient);
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
        double ca = y[iCa] / p.ecfVolumeL;
        double ph = y[iP] / p.ecfVolumeL;
        double cMgp = clamp01(y[iCmgp]);
        double resistance = y[off + RESISTANCE];
        double pwv = ArterialStiffness.pwv(p, structuralIntrinsic(y), y[off + Bed.AORTA.ordinal() * PER_BED + MEDIAL],
                resistance);
        double dbp = diastolicMemo.same(pwv, resistance, 0, 0) ? diastolicMemo.value()
                : diastolicMemo.remember(pwv, resistance, 0, 0, windkessel.diastolic(pwv, resistance));
        double sbp = systolicMemo.same(pwv, dbp, resistance, 0) ? systolicMemo.value()
                : systolicMemo.remember(pwv, dbp, resistance, 0, windkessel.systolicFromDiastolic(dbp, pwv, resistance));
        double pp = sbp - dbp;
        boolean diabetes = risk.diabetes() || drivers.diabetes();
        double depositedMg = wallRates(y, off, dydt, risk, ca, ph, cMgp, drivers.ageYears(), drivers.egfrMlPerMin(),
                drivers.haemodialysis(), diabetes, drivers.statinIntensity(), sbp, dbp, pp, off,
                susceptibility.plaque(), susceptibility.medial());
        // Ca10(PO4)6(OH)2: 10 Ca per formula unit; the sink takes 0.6 P per Ca (mass balance by construction)
        sink.withdraw(depositedMg * CA_PER_HA, dydt);
        dydt[off + LV_MASS] += LeftVentricle.rate(p, y[off + LV_MASS], lvNormal, sbp);
        dydt[off + RESISTANCE] += ArterialStiffness.resistanceRate(p, resistance, drivers.ageYears());
        addHazards(y, dydt, drivers.ageYears(), diabetes, pwv, sbp,
                EventHazards.serumCalciumFactor(p, y[iCa] / p.ecfVolumeL));
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
        double flags = (hd ? 1 : 0) + (diabetes ? 2 : 0);
        double osteo = osteoMemo.same(pMmolL, egfr, age, flags) ? osteoMemo.value()
                : osteoMemo.remember(pMmolL, egfr, age, flags,
                        MedialCalcification.osteogenicDrive(p, pMmolL, egfr, hd, diabetes, age));
        double fetuin = hd ? p.fetuinDialysis : p.fetuinNormal;
        double uraemia = MedialCalcification.uraemia(p, egfr, hd);
        double mgp = mgpMemo.same(cMgp, 0, 0, 0) ? mgpMemo.value()
                : mgpMemo.remember(cMgp, 0, 0, 0, MedialCalcification.mgpInhibition(p, cMgp));
        double free = MedialCalcification.uninhibitedGiven(p, mgp, fetuin);
        double maturity = maturityMemo.same(age, 0, 0, 0) ? maturityMemo.value()
                : maturityMemo.remember(age, 0, 0, 0, IntimalCalcification.maturity(p, age));
        if (profile != growthProfile) {
            growthMemo.forget();
            growthProfile = profile;
        }
        double growthIndex = plaqueSus * (growthMemo.same(age, statin, sbp, diabetes ? 1 : 0) ? growthMemo.value()
                : growthMemo.remember(age, statin, sbp, diabetes ? 1 : 0,
                        IntimalCalcification.growthIndex(p, age, profile.nonHdlMgDl(), statin, sbp, profile.male(),
                                profile.smoker(), diabetes, profile.crpMgL())));
        double deposited = 0;
        for (int b = 0; b < BEDS.length; b++) {
            int i = o + b * PER_BED;
            int d = dOff + b * PER_BED;
            double phi = y[i + PHI];
            double medial = y[i + MEDIAL];
            dydt[d + PHI] += MedialCalcification.osteogenicRate(p, phi, osteo);
            LastInputs sm = surfaceMemo[b];
            double surfaceTerm = sm.same(medial, 0, 0, 0) ? sm.value()
                    : sm.remember(medial, 0, 0, 0, MedialCalcification.surfaceTerm(p, medial));
            double grow = MedialCalcification.growthGivenSurface(p, medialSus * p.medialScale[b], phi, surfaceTerm,
                    drive, free);
            double regress = MedialCalcification.regression(p, medial, cMgp);
            dydt[d + MEDIAL] += grow - regress;

            double volume = y[i + PLAQUE];
            dydt[d + PLAQUE] += IntimalCalcification.plaqueRate(p, p.plaqueScale[b], growthIndex, statin, volume);
            double form = IntimalCalcification.microFormation(p, volume, maturity, nucleationDrive, mgp, uraemia);
            double conv = IntimalCalcification.conversion(p, y[i + MICRO], statin);
            // crystal growth on existing macrocalcium at its own density (no dilution by new, light mineral)
            double surface = IntimalCalcification.surfaceGrowth(p, y[i + MACRO], y[i + MICRO], y[i + PLAQUE], drive,
                    mgp);
            dydt[d + MICRO] += form - conv;
            dydt[d + MACRO] += conv + surface;
            dydt[d + DENSITY] += IntimalCalcification.densityRate(p, y[i + DENSITY], y[i + MACRO], conv, statin);
            deposited += grow - regress + form + surface;
        }
        dydt[dOff + PWV_INTRINSIC] += ArterialStiffness.intrinsicRate(p, y[o + PWV_INTRINSIC], pp);
        dydt[dOff + REMODELLING] += ArterialStiffness.remodellingRate(p, y[o + REMODELLING], dbp, pp);
        return deposited;
    }

    // the direct serum-calcium factor of the MI hazard was added after GridExp (docs/model/wall.md,
    // "Serum calcium and MI"), and the stroke hazard's atherosclerotic part later still ("Events"):
    // the same formulas on both sides, written out here, so this copy still checks GridExp
    private double vulnerability(double micro, double macro) {
        double total = micro + macro + p.densityMassFloor;
        return (1 + p.miMicroGain * micro / total) * (1 - p.miMacroProtection * macro / total);
    }

    private void addHazards(double[] y, double[] dydt, double age, boolean diabetes, double pwv, double sbp,
                            double calciumFactor) {
        double plaque = 0;
        double micro = 0;
        double macro = 0;
        for (Bed b : BEDS) {
            if (b.coronary()) {
                int i = off + b.ordinal() * PER_BED;
                plaque += Math.max(y[i + PLAQUE], 0);
                micro += Math.max(y[i + MICRO], 0);
                macro += Math.max(y[i + MACRO], 0);
            }
        }
        double expectedPwv = expectedPwvMemo.same(age, 0, 0, 0) ? expectedPwvMemo.value()
                : expectedPwvMemo.remember(age, 0, 0, 0, ArterialStiffness.expected(p, age, p.sbpRef));
        double excessPwv = pwv - expectedPwv;
        double rr = pwvRrMemo.same(excessPwv, 0, 0, 0) ? pwvRrMemo.value()
                : pwvRrMemo.remember(excessPwv, 0, 0, 0, Math.pow(p.pwvEventRr, excessPwv));
        double ageFactor = ageFactorMemo.same(age, 0, 0, 0) ? ageFactorMemo.value()
                : ageFactorMemo.remember(age, 0, 0, 0, Math.exp(p.eventAgePerYear * (age - 60)));
        double smoke = risk.smoker() ? p.smokingEventFactor : 1;
        double relativePlaque = plaque / coronaryPlaqueRef;
        double burden = plaqueBurdenMemo.same(relativePlaque, 0, 0, 0) ? plaqueBurdenMemo.value()
                : plaqueBurdenMemo.remember(relativePlaque, 0, 0, 0, EventHazards.plaqueBurden(p, relativePlaque));
        double hMi = EventHazards.myocardialInfarctionGivenBurden(p, burden, micro, macro) * smoke * rr * calciumFactor;
        double sbpFactor = strokeSbpMemo.same(sbp, 0, 0, 0) ? strokeSbpMemo.value()
                : strokeSbpMemo.remember(sbp, 0, 0, 0, Math.pow(2, (sbp - 120) / p.strokeSbpDoubling));
        int aorta = off + Bed.AORTA.ordinal() * PER_BED;
        double relativeAortic = Math.max(y[aorta + PLAQUE], 0) / aorticPlaqueRef;
        double hStroke = p.strokeBase * ((1 - p.strokeAtheroShare) * ageFactor
                + p.strokeAtheroShare * Math.pow(relativeAortic, p.strokePlaqueExponent)
                * vulnerability(Math.max(y[aorta + MICRO], 0), Math.max(y[aorta + MACRO], 0)) / aorticVulnerabilityRef)
                * sbpFactor * smoke * rr;
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
        return ArterialStiffness.pwv(p, structuralIntrinsic(y), y[off + Bed.AORTA.ordinal() * PER_BED + MEDIAL],
                y[off + RESISTANCE]);
    }

    /** Intrinsic PWV times the remodelling factor √(1 + S): the aorta's PWV without mineral and acute pressure. */
    private double structuralIntrinsic(double[] y) {
        return y[off + PWV_INTRINSIC] * ArterialStiffness.remodellingFactor(y[off + REMODELLING]);
    }

    public double systolic(double[] y) {
        return windkessel.systolic(pwv(y), y[off + RESISTANCE]);
    }

    public double diastolic(double[] y) {
        return windkessel.diastolic(pwv(y), y[off + RESISTANCE]);
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

    /** One coronary sum, allocation-free (for recorded outputs). Each layer passes the CT map of its geometry. */
    double coronary(double[] y, CoronarySum what) {
        double sum = 0;
        for (Bed b : BEDS) {
            if (!b.coronary()) {
                continue;
            }
            int i = off + b.ordinal() * PER_BED;
            double mac = Math.max(y[i + MACRO], 0);
            double rho = y[i + DENSITY];
            double med = Math.max(y[i + MEDIAL], 0);
            double micro = Math.max(y[i + MICRO], 0);
            sum += switch (what) {
                case AGATSTON -> ct.agatston(INTIMA, mac, rho) + ct.agatston(MEDIA, med, p.medialDensity);
                case VOLUME -> ct.volume(INTIMA, mac, rho) + ct.volume(MEDIA, med, p.medialDensity);
                case MASS -> ct.mass(INTIMA, mac, rho) + ct.mass(MEDIA, med, p.medialDensity);
                case INTIMAL -> mac + micro;
                case MEDIAL -> med;
                case MICRO -> micro;
            };
        }
        return sum;
    }

    /**
     * IVUS-like calcium index of the coronaries (Puri 2015's endpoint), 0–1.
     */
    public double calciumIndex(double[] y) {
        // a readout, not a rate (WallRatesUnchangedTest compares rates): the same as WallBlock's
        double mac = 0;
        for (Bed b : BEDS) {
            if (b.coronary()) {
                mac += Math.max(y[off + b.ordinal() * PER_BED + MACRO], 0);
            }
        }
        return 1 - Math.exp(-mac / p.calciumIndexCoverageMass);
    }

    @Override
    public List<DerivedOutput> outputs() {
        return List.of(); // the readouts are WallBlock's
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
        return v < 0 ? 0 : Math.min(v, 1);
    }
}
