package org.vascalc.physiology.mineral;

import org.vascalc.core.param.LastCatalogRead;
import org.vascalc.core.param.ParameterCatalog;

/**
 * The mineral block's catalog compiled into plain doubles once (style guide: the hot loop never
 * reads the catalog). Names follow {@code mineral-parameters.csv}; the Peterson &amp; Riggs symbol
 * is given where it differs.
 */
record MineralParameters(
        double ecfVolume, double caTotalRef, double pthRef, double po4Ref, double calcitriolRef,
        double gfrRefMlPerMin, double ionisedFraction, double ultrafilterableFraction,
        double boneTurnoverCaPerDay, double fracJ14, double j14OcMax, double j14OcGamma, double fracJ15,
        double caBoneExchRef, double caBoneRef, double k14a, double hapPerCaBone,
        double pthKout, double pthSecretionMax, double pthSecretionMin, double pthCaHill,
        double glandPoolRate, double glandPoolTanhSlope, double glandPoolCaGamma,
        double glandCapacityTurnover, double glandCtriolMax, double glandCtriolMin, double glandCtriolGamma,
        double calcitriolKout, double hydroxylaseKout, double hydroxylasePth50, double hydroxylasePthGamma,
        double phosEff0, double phosEff50, double phosEffGamma,
        double renalReabs50, double renalPthMaxEffect, double renalReabsOffset, double renalCtriolMax,
        double renalCtriol50, double po4ReabsFraction, double po4IcfExchangeIn, double po4IcfExchangeOut,
        double po4GutAbsorptionRate, double po4Bioavailability, double po4HabitualIntake,
        double caHabitualIntake, double absorptionCapacityUp, double absorptionCapacityDown,
        double absorptionCapacityCtriol50, double gutTransitRate,
        double gutTranscellularKm, double gutParacellularRate, double mealEmptyingRate,
        double fastingEmptyingRate, double citrateAvailable, double carbonateAvailableWithFood,
        double carbonateAvailableFasting, double binderRate, double osteoclastRate,
        double osteoclastPthGamma, double osteoblastRate, double pthPgPerPmol, double ckdEgfrThreshold,
        double fgf23Baseline, double fgf23Rate, double fgf23PhosphateGamma, double fgf23CalcitriolGamma,
        double po4AbsorptionCapacityRate, double po4AbsorptionCtriolMax, double solidMealEmptyingRate) {

    private static final LastCatalogRead<MineralParameters> READ = new LastCatalogRead<>(MineralParameters::read);

    /** The parameters of {@code c}, read once per catalog ({@link LastCatalogRead}). */
    static MineralParameters from(ParameterCatalog c) {
        return READ.of(c);
    }

    private static MineralParameters read(ParameterCatalog c) {
        return new MineralParameters(
                c.value("ecfVolume"), c.value("caTotalRef"), c.value("pthRef"), c.value("po4Ref"),
                c.value("calcitriolRef"), c.value("gfrRefMlPerMin"), c.value("ionisedFraction"),
                c.value("ultrafilterableFraction"), c.value("boneTurnoverCaPerDay"), c.value("fracJ14"),
                c.value("j14OcMax"), c.value("j14OcGamma"), c.value("fracJ15"), c.value("caBoneExchRef"),
                c.value("caBoneRef"), c.value("k14a"), c.value("hapPerCaBone"), c.value("pthKout"),
                c.value("pthSecretionMax"), c.value("pthSecretionMin"), c.value("pthCaHill"),
                c.value("glandPoolRate"), c.value("glandPoolTanhSlope"), c.value("glandPoolCaGamma"),
                c.value("glandCapacityTurnover"), c.value("glandCtriolMax"), c.value("glandCtriolMin"),
                c.value("glandCtriolGamma"), c.value("calcitriolKout"), c.value("hydroxylaseKout"),
                c.value("hydroxylasePth50"), c.value("hydroxylasePthGamma"), c.value("phosEff0"),
                c.value("phosEff50"), c.value("phosEffGamma"), c.value("renalReabs50"),
                c.value("renalPthMaxEffect"), c.value("renalReabsOffset"), c.value("renalCtriolMax"),
                c.value("renalCtriol50"), c.value("po4ReabsFraction"), c.value("po4IcfExchangeIn"),
                c.value("po4IcfExchangeOut"), c.value("po4GutAbsorptionRate"), c.value("po4Bioavailability"),
                c.value("po4HabitualIntake"), c.value("caHabitualIntake"), c.value("absorptionCapacityUp"),
                c.value("absorptionCapacityDown"), c.value("absorptionCapacityCtriol50"),
                c.value("gutTransitRate"), c.value("gutTranscellularKm"),
                c.value("gutParacellularRate"), c.value("mealEmptyingRate"), c.value("fastingEmptyingRate"),
                c.value("citrateAvailable"), c.value("carbonateAvailableWithFood"),
                c.value("carbonateAvailableFasting"), c.value("binderRate"), c.value("osteoclastRate"),
                c.value("osteoclastPthGamma"), c.value("osteoblastRate"), c.value("pthPgPerPmol"), c.value("ckdEgfrThreshold"),
                c.value("fgf23Baseline"), c.value("fgf23Rate"), c.value("fgf23PhosphateGamma"),
                c.value("fgf23CalcitriolGamma"), c.value("po4AbsorptionCapacityRate"), c.value("po4AbsorptionCtriolMax"),
                c.value("solidMealEmptyingRate"));
    }
}
