package org.vascalc.physiology.vitamink;

import org.vascalc.core.param.LastCatalogRead;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;

/**
 * The vitamin K catalog compiled once into plain doubles in model units (nmol, mg, L, hours), so the
 * derivative call reads fields only. Names follow {@code vitamin-k-parameters.csv}.
 */
record VitaminKParameters(
        double usualK1FemaleNmolPerH, double usualK1MaleNmolPerH, double referenceK1NmolPerH,
        double vkVolumeL, double vkElimPerH, double vkorPerH, double carboxOxPerH, double epoxRedPerH,
        double toPeriphPerH, double fromPeriphPerH,
        double warfKaPerH, double warfVolumeL, double warfElimPerH, double warfEc50MgPerL,
        double k1KaPerH, double k1Fraction,
        double mk7KaPerH, double mk7Fraction, double mk7ElimPerH, double mk7VolumeL,
        double mk4KaPerH, double mk4Fraction, double mk4ElimPerH, double mk4VolumeL,
        double tissueFracK1, double tissueFracMk4, double tissueFracMk7, double tissueTurnoverPerH,
        double mgpTurnoverPerH, double cMgpReference, double dpUcMgpMaxPmolPerL,
        double hdDietFactor, double hdUraemicInhibition, double intakeFactor,
        double hepaticAvailabilityMk7, double hepaticAvailabilityMk4) {

    private static final LastCatalogRead<VitaminKParameters> READ = new LastCatalogRead<>(VitaminKParameters::read);

    /** The parameters of {@code c}, read once per catalog ({@link LastCatalogRead}). */
    static VitaminKParameters from(ParameterCatalog c) {
        return READ.of(c);
    }

    /** Reads and converts; throws if a name is missing (the catalog is ours, so that is a bug). */
    private static VitaminKParameters read(ParameterCatalog c) {
        return new VitaminKParameters(
                ugPerDayToNmolPerH(c.value("usualK1IntakeFemaleUgPerDay")),
                ugPerDayToNmolPerH(c.value("usualK1IntakeMaleUgPerDay")),
                ugPerDayToNmolPerH(c.value("referenceK1IntakeUgPerDay")),
                c.value("vkVolumeL"), c.value("vkEliminationPerH"), c.value("vkorReductionPerH"),
                c.value("carboxylationOxidationPerH"), c.value("epoxideReductionPerH"),
                c.value("vkToPeripheralPerH"), c.value("vkFromPeripheralPerH"),
                c.value("warfarinAbsorptionPerH"), c.value("warfarinVolumeL"), c.value("warfarinEliminationPerH"),
                c.value("warfarinEc50MgPerL"),
                c.value("k1AbsorptionPerH"), c.value("k1AbsorbedFraction"),
                c.value("mk7AbsorptionPerH"), c.value("mk7AbsorbedFraction"), c.value("mk7EliminationPerH"),
                c.value("mk7VolumeL"),
                c.value("mk4AbsorptionPerH"), c.value("mk4AbsorbedFraction"), c.value("mk4EliminationPerH"),
                c.value("mk4VolumeL"),
                c.value("tissueUptakeFractionK1"), c.value("tissueUptakeFractionMk4"),
                c.value("tissueUptakeFractionMk7"), c.value("tissueVkTurnoverPerH"),
                c.value("mgpTurnoverPerH"), c.value("carboxylatedMgpFractionReference"),
                c.value("dpUcMgpFullyUncarboxylatedPmolPerL"),
                c.value("haemodialysisDietFactor"), c.value("haemodialysisUraemicInhibition"),
                c.value("vitaminKIntakeFactor"),
                c.value("hepaticAvailabilityMk7"), c.value("hepaticAvailabilityMk4"));
    }

    /** Phylloquinone µg/d to nmol/h (K1 is the diet's vitamin K; menaquinones convert by their own mass). */
    static double ugPerDayToNmolPerH(double ugPerDay) {
        return MolarMass.PHYLLOQUINONE.ugToNmol(ugPerDay) / Time.HOURS_PER_DAY;
    }
}
