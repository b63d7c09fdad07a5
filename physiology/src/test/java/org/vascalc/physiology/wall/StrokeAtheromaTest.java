package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;

/**
 * The stroke hazard's atherosclerotic part (docs/model/wall.md, "Stroke and atheroma"): a share s of
 * the reference adult's stroke hazard follows her aortic plaque instead of age, so more aortic plaque
 * means more stroke hazard, a statin lowers it through the plaque (and through nothing else), and s = 0
 * is the stroke hazard as it was, bit for bit.
 */
class StrokeAtheromaTest {

    private static final String STROKE = WallEvent.STROKE.stateId();
    private static final String AORTIC_PLAQUE = WallBlock.stateId(Bed.AORTA, "plaqueVolume");

    @Test
    void withoutTheShareTheCompositionIsTheAgeFactorBitForBit() {
        WallParameters p = new WallParameters(WallBlock.defaultCatalog().with(Map.of("strokeAtheroShare", 0.0)));
        for (double age : new double[] {45, 60, 72.5, 84}) {
            double ageFactor = Math.exp(p.eventAgePerYear * (age - 60));
            for (double plaque : new double[] {0, 0.3, 1, 4.7}) {
                assertThat(EventHazards.strokeComposition(p, ageFactor, EventHazards.strokeAtheroma(p, plaque, 1, 2, 1)))
                        .isEqualTo(ageFactor);
            }
        }
    }

    @Test
    void theReferenceAdultAtSixtyHasComposition1AndMorePlaqueMoreHazard() {
        WallParameters p = new WallParameters(WallBlock.defaultCatalog());
        assertThat(p.strokeAtheroShare).isGreaterThan(0);
        double atReference = EventHazards.strokeAtheroma(p, 1, 1, 2, EventHazards.vulnerability(p, 1, 2));
        assertThat(EventHazards.strokeComposition(p, 1, atReference)).isCloseTo(1, within(1e-15));
        double previous = 0;
        for (double plaque : new double[] {0, 0.5, 1, 2, 4}) {
            double c = EventHazards.strokeComposition(p, 1, EventHazards.strokeAtheroma(p, plaque, 1, 2, 1));
            assertThat(c).isGreaterThan(previous);
            previous = c;
        }
        // no plaque leaves the non-atherosclerotic part
        assertThat(EventHazards.strokeComposition(p, 1, EventHazards.strokeAtheroma(p, 0, 1, 2, 1)))
                .isCloseTo(1 - p.strokeAtheroShare, within(1e-15));
    }

    @Test
    void theStrokeRateFollowsTheAorticPlaqueInTheWall() {
        WallHarness h = WallHarness.of(Patient.referenceAdult()).build();
        double[] base = new double[h.y.length];
        h.wall.addRates(0, h.y, h.drivers, base);
        double[] y = h.y.clone();
        y[h.layout.index(AORTIC_PLAQUE)] *= 2;
        double[] more = new double[h.y.length];
        h.wall.addRates(0, y, h.drivers, more);
        int stroke = h.layout.index(STROKE);
        assertThat(more[stroke]).isGreaterThan(base[stroke]);
        // doubling the volume at the same mineral leaves the composition factor: only (V/V_ref)^κ moves
        ParameterCatalog c = WallBlock.defaultCatalog();
        double s = c.value("strokeAtheroShare");
        double kappa = c.value("strokePlaqueExponent");
        double rel = h.value(AORTIC_PLAQUE) / referenceAorticPlaque();
        double ageFactor = Math.exp(c.value("eventAgePerYear") * (h.patient.ageYears() - 60));
        double v = vulnerabilityRatio(h);
        double expected = ((1 - s) * ageFactor + s * Math.pow(2 * rel, kappa) * v)
                / ((1 - s) * ageFactor + s * Math.pow(rel, kappa) * v);
        assertThat(more[stroke] / base[stroke]).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aStatinLowersTheStrokeHazardThroughThePlaqueOnly() {
        WallHarness none = WallHarness.of(TestPatients.woman(62)).build().runYears(5);
        WallHarness statin = WallHarness.of(TestPatients.woman(62)).statin(1).build().runYears(5);
        assertThat(statin.value(AORTIC_PLAQUE)).isLessThan(none.value(AORTIC_PLAQUE));
        assertThat(statin.value(STROKE)).isLessThan(none.value(STROKE));

        ParameterCatalog off = WallBlock.defaultCatalog().with(Map.of("strokeAtheroShare", 0.0));
        WallHarness noneOff = WallHarness.of(TestPatients.woman(62)).catalog(off).build().runYears(5);
        WallHarness statinOff = WallHarness.of(TestPatients.woman(62)).catalog(off).statin(1).build().runYears(5);
        // without the atherosclerotic part a statin does nothing to stroke (no other path: SBP does not see it);
        // the two runs differ only by the integrator's steps (relative tolerance 1e-7 per step)
        assertThat(statinOff.value(STROKE)).isCloseTo(noneOff.value(STROKE), within(1e-5 * noneOff.value(STROKE)));
        assertThat(noneOff.value(STROKE) - statinOff.value(STROKE))
                .isLessThan(0.01 * (none.value(STROKE) - statin.value(STROKE)));
    }

    /** The aortic plaque's composition factor relative to the reference adult's (1 for her). */
    private static double vulnerabilityRatio(WallHarness h) {
        WallParameters p = new WallParameters(WallBlock.defaultCatalog());
        WallHarness ref = WallHarness.of(Patient.referenceAdult()).build();
        String micro = WallBlock.stateId(Bed.AORTA, "microCalcium");
        String macro = WallBlock.stateId(Bed.AORTA, "macroCalcium");
        return EventHazards.vulnerability(p, h.value(micro), h.value(macro))
                / EventHazards.vulnerability(p, ref.value(micro), ref.value(macro));
    }

    /** The reference adult's aortic plaque, as the wall derives it (her state at 60 y). */
    private static double referenceAorticPlaque() {
        WallHarness ref = WallHarness.of(Patient.referenceAdult()).build();
        return ref.value(AORTIC_PLAQUE);
    }
}
