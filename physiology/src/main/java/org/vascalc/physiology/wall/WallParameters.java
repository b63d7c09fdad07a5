package org.vascalc.physiology.wall;

import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;

/**
 * The wall catalog compiled into plain doubles for the derivative call. Rates given per year in the
 * catalog are stored per hour (the model's time unit); everything else keeps its catalog unit.
 */
final class WallParameters {

    private static final double PER_YEAR = 1.0 / Time.HOURS_PER_YEAR;

    final double ecfVolumeL;
    final double caRef;
    final double pRef;
    final double supersatThreshold;
    final double supersatExponent;

    final double osteoOn;
    final double osteoOff;
    final double osteoPhosphateExponent;
    final double uraemicDriveCkd;
    final double uraemicDriveHd;
    final double diabetesMedialFactor;
    final double osteoAgePerYear;

    final double medialGrowth;
    final double medialSelfGrowth;
    final double medialRefMass;
    final double mgpInhibitionMax;
    final double mgpInhibitionHalf;
    final double mgpInhibitionHill;
    final double fetuinInhibitionMax;
    final double fetuinHalf;
    final double fetuinNormal;
    final double fetuinDialysis;
    final double medialRegressionMax;
    final double medialRegressionThreshold;
    final double[] medialScale = new double[Bed.values().length];
    final double medialDensity;

    final double plaqueGrowth;
    final double plaqueAgePerYear;
    final double plaqueNonHdlExponent;
    final double nonHdlRef;
    final double plaqueSbpExponent;
    final double sbpRef;
    final double malePlaqueFactor;
    final double smokingPlaqueFactor;
    final double diabetesPlaqueFactor;
    final double crpRef;
    final double crpExponent;
    final double statinLdlReduction;
    final double statinPlaqueRegression;
    final double[] plaqueScale = new double[Bed.values().length];

    final double microFormation;
    final double microAgePerYear;
    final double microMineralWeight;
    final double microMgpWeight;
    final double intimalUraemicWeight;
    final double microToMacro;
    final double statinConversionBoost;
    final double macroNewDensity;
    final double macroMaxDensity;
    final double densification;
    final double statinDensificationBoost;
    final double densityMassFloor;
    final double calciumIndexCoverageMass;
    final double macroSurfaceGrowth;
    /** Mineral a fully calcified plaque holds per volume, mg HA/mm³. */
    final double plaqueMineralCapacity;

    final double pwvRefAt60;
    final double pwvAgeRelPerDecade;
    final double pwvSbpSlope;
    final double pwvIntrinsicRate;
    final double pwvFatigueExponent;
    /** Aortic remodelling: relative modulus rise per hour per unit relative excess of mean pressure. */
    final double aorticRemodelling;
    final double mapRef;
    final double aorticStiffnessFactor;
    final double ppRef;
    /** Relative rise of peripheral resistance per hour before the mean pressure levels off. */
    final double resistanceRise;
    /** Age (y) at which the rise of resistance has tapered to zero, and the taper's width (y). */
    final double mapPlateauAge;
    final double mapPlateauTaper;
    /** Exponent of (mean pressure / baseline) in measured PWV (β-model: PWV² ∝ β·P). */
    final double pwvPressureExponent;
    final double stiffnessGainMax;
    final double stiffnessHalfMass;
    final double heartRatePerMin;
    final double strokeVolumeMl;
    final double ejectionTimeS;
    final double lvMassNormalFemale;
    final double lvMassNormalMale;
    final double lvSbpSet;
    final double lvGrowth;
    final double lvRegression;

    final double miBase;
    final double miPlaqueExponent;
    final double miMicroGain;
    final double miMacroProtection;
    /** β of the direct serum-calcium factor of the MI hazard, per mmol/L. */
    final double miCalciumLogHr;
    /** Ca_ref of that factor, mmol/L. */
    final double miCalciumRef;
    final double smokingEventFactor;
    final double strokeBase;
    final double strokeSbpDoubling;
    /** Atherosclerotic share s of the stroke hazard at the reference adult's aortic plaque. */
    final double strokeAtheroShare;
    /** Exponent of the relative aortic plaque in the atherosclerotic part of the stroke hazard. */
    final double strokePlaqueExponent;
    final double eventAgePerYear;
    final double hfBase;
    final double hfLvMassExponent;
    final double hfDiabetesFactor;
    final double cvDeathFractionMi;
    final double cvDeathFractionStroke;
    final double cvDeathFractionHf;
    final double pwvEventRr;

    final double ctHaCalibration;
    final double ctLesionMass;
    final double ctWeightSpreadHu;
    final double ctIntimalGeometry;
    final double ctIntimalSharpness;
    final double ctIntimalSpreadHu;
    final double ctIntimalPeakToMean;
    final double ctIntimalMassRecovery;
    final double ctMedialGeometry;
    final double ctMedialSharpness;
    final double ctMedialSpreadHu;
    final double ctMedialPeakToMean;
    final double ctMedialMassRecovery;
    final double ctSliceThickness;
    final double ctMinLesionVolume;
    final double ctThresholdHu;

    final double t50Ref;
    final double t50Phosphate;
    final double t50Calcium;
    final double t50FetuinExponent;
    /** This person's T50 relative to what their Ca, P and fetuin-A predict (1 typical; drawn in a cohort). */
    final double t50Residual;
    /**
     * The same propensity as a factor on the relative Ca×P product seen by mineral growth: the product
     * change that moves the model's T50 by {@link #t50Residual} along phosphate, t50Residual^(−1/(a·P_ref)).
     */
    final double propensityProductFactor;
    /** K^h of the MGP inhibition's Hill term, a constant (computed once rather than in every derivative call). */
    final double mgpInhibitionHalfPow;

    WallParameters(ParameterCatalog c) {
        ecfVolumeL = c.value("ecfVolumeL");
        caRef = c.value("serumCaRefMmolL");
        pRef = c.value("serumPRefMmolL");
        supersatThreshold = c.value("supersatThreshold");
        supersatExponent = c.value("supersatExponent");

        osteoOn = c.value("osteoOnPerYear") * PER_YEAR;
        osteoOff = c.value("osteoOffPerYear") * PER_YEAR;
        osteoPhosphateExponent = c.value("osteoPhosphateExponent");
        uraemicDriveCkd = c.value("uraemicDriveCkd");
        uraemicDriveHd = c.value("uraemicDriveHd");
        diabetesMedialFactor = c.value("diabetesMedialFactor");
        osteoAgePerYear = c.value("osteoAgePerYear");

        medialGrowth = c.value("medialGrowthMgPerYear") * PER_YEAR;
        medialSelfGrowth = c.value("medialSelfGrowth");
        medialRefMass = c.value("medialRefMassMg");
        mgpInhibitionMax = c.value("mgpInhibitionMax");
        mgpInhibitionHalf = c.value("mgpInhibitionHalf");
        mgpInhibitionHill = c.value("mgpInhibitionHill");
        fetuinInhibitionMax = c.value("fetuinInhibitionMax");
        fetuinHalf = c.value("fetuinHalfGPerL");
        fetuinNormal = c.value("fetuinNormalGPerL");
        fetuinDialysis = c.value("fetuinDialysisGPerL");
        medialRegressionMax = c.value("medialRegressionMaxPerYear") * PER_YEAR;
        medialRegressionThreshold = c.value("medialRegressionCmgpThreshold");
        medialDensity = c.value("medialDensityMgPerCm3");

        plaqueGrowth = c.value("plaqueGrowthMm3PerYear") * PER_YEAR;
        plaqueAgePerYear = c.value("plaqueAgePerYear");
        plaqueNonHdlExponent = c.value("plaqueNonHdlExponent");
        nonHdlRef = c.value("nonHdlRefMgDl");
        plaqueSbpExponent = c.value("plaqueSbpExponent");
        sbpRef = c.value("sbpRefMmHg");
        malePlaqueFactor = c.value("malePlaqueFactor");
        smokingPlaqueFactor = c.value("smokingPlaqueFactor");
        diabetesPlaqueFactor = c.value("diabetesPlaqueFactor");
        crpRef = c.value("crpRefMgL");
        crpExponent = c.value("crpExponent");
        statinLdlReduction = c.value("statinLdlReduction");
        statinPlaqueRegression = c.value("statinPlaqueRegressionPerYear") * PER_YEAR;
        for (Bed b : Bed.values()) {
            medialScale[b.ordinal()] = c.value("medialScale" + b.catalogSuffix());
            plaqueScale[b.ordinal()] = c.value("plaqueScale" + b.catalogSuffix());
        }

        microFormation = c.value("microFormationPerYear") * PER_YEAR;
        microAgePerYear = c.value("microAgePerYear");
        microMineralWeight = c.value("microMineralWeight");
        microMgpWeight = c.value("microMgpWeight");
        intimalUraemicWeight = c.value("intimalUraemicWeight");
        microToMacro = c.value("microToMacroPerYear") * PER_YEAR;
        statinConversionBoost = c.value("statinConversionBoost");
        macroNewDensity = c.value("macroNewDensityMgPerCm3");
        macroMaxDensity = c.value("macroMaxDensityMgPerCm3");
        densification = c.value("densificationPerYear") * PER_YEAR;
        statinDensificationBoost = c.value("statinDensificationBoost");
        densityMassFloor = c.value("densityMassFloorMg");
        calciumIndexCoverageMass = c.value("calciumIndexCoverageMassMg");
        macroSurfaceGrowth = c.value("macroSurfaceGrowthPerYear") * PER_YEAR;
        plaqueMineralCapacity = c.value("plaqueMineralCapacityMgPerMm3");

        pwvRefAt60 = c.value("pwvRefAt60MPerS");
        pwvAgeRelPerDecade = c.value("pwvAgeRelPerDecade");
        pwvSbpSlope = c.value("pwvSbpSlopeMPerSPerMmHg");
        pwvIntrinsicRate = c.value("pwvIntrinsicRatePerYear") * PER_YEAR;
        pwvFatigueExponent = c.value("pwvFatigueExponent");
        aorticRemodelling = c.value("aorticRemodellingPerYear") * PER_YEAR;
        mapRef = c.value("mapRefMmHg");
        aorticStiffnessFactor = c.value("aorticStiffnessFactor");
        ppRef = c.value("ppRefMmHg");
        resistanceRise = c.value("resistanceRisePerYear") * PER_YEAR;
        mapPlateauAge = c.value("mapPlateauAgeYears");
        mapPlateauTaper = c.value("mapPlateauTaperYears");
        pwvPressureExponent = c.value("pwvPressureExponent");
        stiffnessGainMax = c.value("stiffnessGainMax");
        stiffnessHalfMass = c.value("stiffnessHalfMassMg");
        heartRatePerMin = c.value("heartRatePerMin");
        strokeVolumeMl = c.value("strokeVolumeMl");
        ejectionTimeS = c.value("ejectionTimeS");
        lvMassNormalFemale = c.value("lvMassNormalFemaleG");
        lvMassNormalMale = c.value("lvMassNormalMaleG");
        lvSbpSet = c.value("lvSbpSetMmHg");
        lvGrowth = c.value("lvGrowthPerYear") * PER_YEAR;
        lvRegression = c.value("lvRegressionPerYear") * PER_YEAR;

        miBase = c.value("miBasePerYear") * PER_YEAR;
        miPlaqueExponent = c.value("miPlaqueExponent");
        miMicroGain = c.value("miMicroGain");
        miMacroProtection = c.value("miMacroProtection");
        miCalciumLogHr = c.value("miCalciumLogHrPerMmolL");
        miCalciumRef = c.value("miCalciumRefMmolL");
        smokingEventFactor = c.value("smokingEventFactor");
        strokeBase = c.value("strokeBasePerYear") * PER_YEAR;
        strokeSbpDoubling = c.value("strokeSbpDoublingMmHg");
        strokeAtheroShare = c.value("strokeAtheroShare");
        strokePlaqueExponent = c.value("strokePlaqueExponent");
        eventAgePerYear = c.value("eventAgePerYear");
        hfBase = c.value("hfBasePerYear") * PER_YEAR;
        hfLvMassExponent = c.value("hfLvMassExponent");
        hfDiabetesFactor = c.value("hfDiabetesFactor");
        cvDeathFractionMi = c.value("cvDeathFractionMi");
        cvDeathFractionStroke = c.value("cvDeathFractionStroke");
        cvDeathFractionHf = c.value("cvDeathFractionHf");
        pwvEventRr = c.value("pwvEventRrPerMPerS");

        ctHaCalibration = c.value("ctHaCalibrationMgPerCm3PerHu");
        ctLesionMass = c.value("ctLesionMassMg");
        ctWeightSpreadHu = c.value("ctWeightSpreadHu");
        ctIntimalGeometry = c.value("ctIntimalBlurVolumeMm3");
        ctIntimalSharpness = c.value("ctIntimalBlurSharpness");
        ctIntimalSpreadHu = c.value("ctIntimalThresholdSpreadHu");
        ctIntimalPeakToMean = c.value("ctIntimalPeakToMean");
        ctIntimalMassRecovery = c.value("ctIntimalMassRecovery");
        ctMedialGeometry = c.value("ctMedialBlurVolumeMm3");
        ctMedialSharpness = c.value("ctMedialBlurSharpness");
        ctMedialSpreadHu = c.value("ctMedialThresholdSpreadHu");
        ctMedialPeakToMean = c.value("ctMedialPeakToMean");
        ctMedialMassRecovery = c.value("ctMedialMassRecovery");
        ctSliceThickness = c.value("ctSliceThicknessMm");
        ctMinLesionVolume = c.value("ctMinLesionVolumeMm3");
        ctThresholdHu = c.value("ctThresholdHu");

        t50Ref = c.value("t50RefMin");
        t50Phosphate = c.value("t50PhosphatePerMmolL");
        t50Calcium = c.value("t50CalciumPerMmolL");
        t50FetuinExponent = c.value("t50FetuinExponent");
        t50Residual = c.value("t50ResidualFactor");
        // d ln T50 / d ln(Ca×P) along phosphate is −a·P_ref (−1.1 at the catalog values); a person whose
        // serum transforms faster than their Ca and P predict grows mineral as at the equivalent product
        mgpInhibitionHalfPow = Math.pow(mgpInhibitionHalf, mgpInhibitionHill);
        propensityProductFactor = t50Residual == 1 ? 1 : Math.pow(t50Residual, -1 / (t50Phosphate * pRef));
    }
}
