package org.vascalc.imaging.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * The phantom's geometry by hand: a straight centre line's frame and local coordinates, the lumen's
 * linear taper, a deposit's size from volume = mass / density (Deposit's documented
 * L = V / (arc/360 x pi x (rOut^2 - rIn^2)); a sphere of 4/3 pi r^3), its angular extent across the
 * 0/360 degree seam, and the HA contrast's interpolation between the catalog's kV rows. Mutation testing
 * (docs/testing.md, imaging 2026-12-04) found these checked only through whole rendered scans.
 */
class PhantomGeometryTest {

    private static final PhantomParameters K = PhantomParameters.defaults();

    /** A straight line along +z from (1, 2, 3) to (1, 2, 43) mm: 40 mm. */
    private static Centerline straight() {
        return Centerline.through(new double[][] {{0, 0, 0}, {0, 0, 40}}, new double[] {1, 2, 3});
    }

    @Test
    void aStraightCentreLineHasItsLengthAndAFrameOfXAndY() {
        Centerline c = straight();
        assertThat(c.lengthMm()).isCloseTo(40, within(Centerline.STEP_MM));
        assertThat(c.point(0)).containsExactly(new double[] {1, 2, 3}, within(1e-9));
        assertThat(c.z(8)).isCloseTo(3 + 8 * 0.25, within(1e-6));
        assertThat(c.x(8)).isCloseTo(1, within(1e-9));
        assertThat(c.y(8)).isCloseTo(2, within(1e-9));
        assertThat(c.indexAt(2.1)).isEqualTo(8);
        assertThat(c.indexAt(-5)).isZero();
        assertThat(c.indexAt(1000)).isEqualTo(c.pointCount() - 1);
        // tangent +z; the first normal is x (the axis least aligned with z), the binormal z x x = y
        assertThat(c.offsetPoint(2, 1.5, 0)).containsExactly(new double[] {2.5, 2, 5}, within(1e-6));
        assertThat(c.offsetPoint(2, 1.5, 90)).containsExactly(new double[] {1, 3.5, 5}, within(1e-6));
        double[] local = new double[3];
        c.local(8, 1, 0.5, 5.1, local); // 1.5 mm towards -y, 0.1 mm past sample 8 (s = 2)
        assertThat(local).containsExactly(new double[] {2.1, 1.5, -90}, within(1e-6));
    }

    @Test
    void theLumenTapersLinearlyAndKeepsItsEndRadiiBeyondTheEnds() {
        ArteryModel a = new ArteryModel(CoronaryArtery.LAD, straight(), 2.0, 1.0, 0.2, 0.3, 0.4);
        double len = a.lengthMm();
        assertThat(a.lumenRadius(0)).isEqualTo(2.0);
        assertThat(a.lumenRadius(len / 4)).isCloseTo(1.75, within(1e-12));
        assertThat(a.lumenRadius(len)).isCloseTo(1.0, within(1e-12));
        assertThat(a.lumenRadius(-3)).isEqualTo(2.0);
        assertThat(a.lumenRadius(len + 3)).isCloseTo(1.0, within(1e-12));
        assertThat(a.mediaInnerRadius(0)).isCloseTo(2.2, within(1e-12));
        assertThat(a.outerRadius(0)).isCloseTo(2.9, within(1e-12));
        assertThat(a.maxOuterRadius()).isCloseTo(2.9, within(1e-12));
    }

    private static double annularSectorVolume(Deposit d, double r) {
        return d.lengthMm() * d.arcDeg() / 360 * Math.PI
                * (Math.pow(r + d.outerOffsetMm(), 2) - Math.pow(r + d.innerOffsetMm(), 2));
    }

    @Test
    void eachShapeHoldsTheVolumeItsMassAndDensityGive() {
        ArteryModel a = new ArteryModel(CoronaryArtery.LAD, straight(), 2.0, 1.0, 0.2, 0.3, 0.4);
        double s0 = 10;
        double r = a.lumenRadius(s0); // 1.75 mm
        // 12 mg at 600 mg/cm3 = 0.02 cm3 = 20 mm3
        for (DepositShape shape : DepositShape.values()) {
            Deposit d = Deposit.place(new LesionSpec(CoronaryArtery.LAD, shape.layer(), shape, 12, 600, s0, 30), a, K);
            if (shape == DepositShape.SPOTTY) {
                double rs = d.sphereRadiusMm();
                assertThat(4.0 / 3 * Math.PI * rs * rs * rs).as("sphere").isCloseTo(20, within(1e-9));
                assertThat(d.startMm()).isCloseTo(s0 - rs, within(1e-12));
                assertThat(d.endMm()).isCloseTo(s0 + rs, within(1e-12));
                // centre 1.75 + rs from the axis at 30 degrees from x towards y, at z = 3 + 10
                double[] c = d.sphereCentre();
                assertThat(c[0] - 1).isCloseTo((r + rs) * Math.cos(Math.toRadians(30)), within(1e-6));
                assertThat(c[1] - 2).isCloseTo((r + rs) * Math.sin(Math.toRadians(30)), within(1e-6));
                assertThat(c[2]).isCloseTo(13, within(1e-6));
                continue;
            }
            assertThat(annularSectorVolume(d, r)).as(shape.name()).isCloseTo(20, within(1e-9));
            assertThat(0.5 * (d.startMm() + d.endMm())).as(shape.name()).isCloseTo(s0, within(1e-12));
        }
        Deposit medial = Deposit.place(new LesionSpec(CoronaryArtery.LAD, Layer.MEDIAL, DepositShape.CIRCUMFERENTIAL,
                12, 600, s0, 0), a, K);
        assertThat(medial.innerOffsetMm()).isEqualTo(0.2); // the media starts past the intima
        assertThat(medial.outerOffsetMm()).isCloseTo(0.5, within(1e-12));
        assertThat(medial.arcDeg()).isEqualTo(360);
        Deposit linear = Deposit.place(new LesionSpec(CoronaryArtery.LAD, Layer.MEDIAL, DepositShape.LINEAR,
                12, 600, s0, 0), a, K);
        assertThat(linear.arcDeg()).isEqualTo(K.linearArc());
        assertThat(linear.innerOffsetMm()).isEqualTo(0.2);
        Deposit sheet = Deposit.place(new LesionSpec(CoronaryArtery.LAD, Layer.INTIMAL, DepositShape.SHEET,
                12, 600, s0, 0), a, K);
        assertThat(sheet.arcDeg()).isEqualTo(K.sheetArc());
        assertThat(sheet.outerOffsetMm()).isEqualTo(K.sheetThickness());
        Deposit concentric = Deposit.place(new LesionSpec(CoronaryArtery.LAD, Layer.INTIMAL, DepositShape.CONCENTRIC,
                12, 600, s0, 0), a, K);
        assertThat(concentric.outerOffsetMm()).isEqualTo(K.concentricThickness());
        assertThat(concentric.innerOffsetMm()).isZero();
    }

    @Test
    void aFocalDepositSpansItsArcAcrossTheSeamAndItsBandAndLength() {
        ArteryModel a = new ArteryModel(CoronaryArtery.LAD, straight(), 2.0, 2.0, 0.2, 0.3, 0.4);
        Deposit d = Deposit.place(new LesionSpec(CoronaryArtery.LAD, Layer.INTIMAL, DepositShape.FOCAL, 12, 600, 10, 350),
                a, K);
        double half = K.focalArc() / 2;
        double rho = 2.0 + K.focalThickness() / 2;
        assertThat(d.contains(10, rho, 350, 0, 0, 0)).isTrue();
        assertThat(d.contains(10, rho, 350 + half - 1 - 360, 0, 0, 0)).isTrue(); // across 0/360
        assertThat(d.contains(10, rho, 350 + half + 1, 0, 0, 0)).isFalse();
        assertThat(d.contains(10, rho, 350 - half + 1, 0, 0, 0)).isTrue();
        assertThat(d.contains(10, rho, 350 - half - 1, 0, 0, 0)).isFalse();
        assertThat(d.contains(10, rho, 170, 0, 0, 0)).isFalse(); // the far side
        assertThat(d.contains(10, 1.99, 350, 0, 0, 0)).isFalse(); // inside the lumen
        assertThat(d.contains(10, 2.0 + K.focalThickness() + 0.01, 350, 0, 0, 0)).isFalse();
        assertThat(d.contains(d.startMm() - 0.01, rho, 350, 0, 0, 0)).isFalse();
        assertThat(d.contains(d.endMm() + 0.01, rho, 350, 0, 0, 0)).isFalse();
        assertThat(d.contains(d.endMm() - 0.01, rho, 350, 0, 0, 0)).isTrue();
        assertThat(d.reachMm()).isCloseTo(2.0 + K.focalThickness() + 0.5, within(1e-12));
    }

    @Test
    void aSpotDepositIsTheBallAroundItsCentre() {
        ArteryModel a = new ArteryModel(CoronaryArtery.LAD, straight(), 2.0, 2.0, 0.2, 0.3, 0.4);
        Deposit d = Deposit.place(new LesionSpec(CoronaryArtery.LAD, Layer.INTIMAL, DepositShape.SPOTTY, 12, 600, 10, 0),
                a, K);
        double[] c = d.sphereCentre();
        double rs = d.sphereRadiusMm();
        assertThat(d.contains(0, 0, 0, c[0], c[1], c[2] + 0.99 * rs)).isTrue();
        assertThat(d.contains(0, 0, 0, c[0], c[1] + 1.01 * rs, c[2])).isFalse();
        assertThat(d.contains(0, 0, 0, c[0] - 1.01 * rs, c[1], c[2])).isFalse();
        assertThat(d.reachMm()).isCloseTo(2.0 + 2 * rs + 0.5, within(1e-12));
    }

    @Test
    void theHaContrastFollowsTheCatalogsKvRowsLinearlyBetweenThem() {
        // 1.3333 HU per mg/cm3 at 120 kV; factors 70: 1.592, 80: 1.362, 100: 1.115, 135: 0.915
        assertThat(K.haHuPerMgCm3(120)).isCloseTo(1.3333, within(1e-12));
        assertThat(K.haHuPerMgCm3(70)).isCloseTo(1.3333 * 1.592, within(1e-12));
        assertThat(K.haHuPerMgCm3(135)).isCloseTo(1.3333 * 0.915, within(1e-12));
        assertThat(K.haHuPerMgCm3(90)).isCloseTo(1.3333 * (1.362 + 1.115) / 2, within(1e-12));
        assertThat(K.haHuPerMgCm3(75)).isCloseTo(1.3333 * (1.592 + 1.362) / 2, within(1e-12));
        assertThat(K.haHuPerMgCm3(130)).isCloseTo(1.3333 * (1 + 2 * 0.915) / 3, within(1e-12));
        assertThatThrownBy(() -> K.haHuPerMgCm3(69.9)).hasMessage("tube voltage 69.9 kV outside 70-135 kV");
        assertThatThrownBy(() -> K.haHuPerMgCm3(135.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
