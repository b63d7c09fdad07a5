package org.vascalc.physiology.vitamink;

import org.vascalc.core.param.ParameterCatalog;

/** Prints every target value (development aid: {@code java ... PrintTargets}). */
final class PrintTargets {
    private PrintTargets() {
    }

    public static void main(String[] args) {
        ParameterCatalog c = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
        HipparchusPropagator p = HipparchusPropagator.standard();
        long t0 = System.nanoTime();
        System.out.println("E15 K1 tmax " + VitaminKTargets.e15TmaxK1Hours(c, p));
        System.out.println("E15 MK7 tmax " + VitaminKTargets.e15TmaxMk7Hours(c, p));
        System.out.println("E16 ratio " + VitaminKTargets.e16Mk7OverK1SteadyStateRatio(c, p));
        System.out.println("E17 t1/2 " + VitaminKTargets.e17Mk7HalfLifeHours(c, p));
        System.out.println("E18 flag " + VitaminKTargets.e18Mk7At48hAndMk4NeverFlag(c, p) + " mk4 peak ng/mL " + VitaminKTargets.mk4PeakNgPerMl(c, p));
        System.out.println("E18 MK-4 at Sato's samples (2,4,6,8,10,24,48,72 h) ng/mL "
                + java.util.Arrays.toString(VitaminKTargets.mk4AtSatoSamplesNgPerMl(c, p)));
        VitaminKTargets.Run mk7 = VitaminKTargets.Run.healthy(c, p);
        mk7.take(new org.vascalc.physiology.model.Intake(org.vascalc.physiology.model.Intake.Kind.VITAMIN_MK7,
                org.vascalc.core.units.MolarMass.MENAQUINONE_7.ugToNmol(VitaminKTargets.SATO_DOSE_UG)));
        StringBuilder mk7Samples = new StringBuilder("E18 MK-7 at Sato's samples ng/mL");
        for (double h : VitaminKTargets.SATO_SAMPLE_HOURS) {
            mk7.advanceTo(h);
            mk7Samples.append(' ').append(mk7.block.plasmaMk7NmolPerL(mk7.y) * org.vascalc.core.units.MolarMass.MENAQUINONE_7.gramsPerMol() / 1000);
        }
        System.out.println(mk7Samples);
        System.out.println("E19 " + VitaminKTargets.e19DpUcMgpChangeMk7_180(c, p));
        System.out.println("E20 " + VitaminKTargets.e20DpUcMgpChangeMk7_360(c, p));
        System.out.println("E21 " + VitaminKTargets.e21BaselineDpUcMgp(c, p));
        System.out.println("E22 " + VitaminKTargets.e22HaemodialysisRatio(c, p));
        System.out.println("E23 " + VitaminKTargets.e23HaemodialysisMk7_720Tiw(c, p));
        System.out.println("E24 " + VitaminKTargets.e24PooledDpUcMgpChange(c, p));
        System.out.println("E25 " + VitaminKTargets.e25WarfarinVkh2Fraction(c, p));
        System.out.println("ms " + (System.nanoTime() - t0) / 1e6);
    }
}
