package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.engine.ModelAssembly;

/** The draws of a virtual population: each member's stream, the truncated normals, what every member carries. */
class VirtualPopulationTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    @Test
    void aMembersStreamIsSplitMix64OfSeedCohortAndIndex() {
        // seed ^ cohort = 0 mixes to 0, so member i's stream starts from SplitMix64's (i + 1)-th output of
        // state 0; the reference generator's first outputs (Vigna, splitmix64.c) are 0xe220a8397b1dcdaf
        // and 0x6e789e6aa1b965f4
        assertThat(VirtualPopulation.stream(5, 5, 0).nextLong()).isEqualTo(new SplittableRandom(0xe220a8397b1dcdafL).nextLong());
        assertThat(VirtualPopulation.stream(0x4D455341L, 0x4D455341L, 1).nextLong())
                .isEqualTo(new SplittableRandom(0x6e789e6aa1b965f4L).nextLong());
        // only seed ^ cohort and the index count: the same for the same, different otherwise
        assertThat(VirtualPopulation.stream(7, 3, 2).nextLong()).isEqualTo(VirtualPopulation.stream(7, 3, 2).nextLong())
                .isNotEqualTo(VirtualPopulation.stream(7, 3, 1).nextLong())
                .isNotEqualTo(VirtualPopulation.stream(6, 3, 2).nextLong());
    }

    @Test
    void aMemberIsDrawnFromTheirOwnStreamWhateverWasDrawnBefore() {
        VirtualPopulation pop = new VirtualPopulation(21, CATALOG);
        VirtualPerson alone = new VirtualPopulation(21, CATALOG).mesa(12);
        LongStream.range(0, 12).forEach(pop::mesa);
        assertThat(pop.mesa(12)).isEqualTo(alone);
        assertThat(alone.index()).isEqualTo(12);
        assertThat(alone.patient().id()).isEqualTo("mesa-12");
        // the first draw of MESA-like member i is their age, from stream (seed, "MESA", i)
        assertThat(alone.patient().ageYears())
                .isEqualTo(VirtualPopulation.normal(VirtualPopulation.stream(21, 0x4D455341L, 12), 62, 10, 45, 84));
        assertThat(new VirtualPopulation(21, CATALOG).cric(12).patient().ageYears())
                .isEqualTo(VirtualPopulation.normal(VirtualPopulation.stream(21, 0x43524943L, 12), 61, 12, 21, 74));
        assertThat(new VirtualPopulation(21, CATALOG).plausible(12).patient().ageYears())
                .isEqualTo(30 + 55 * VirtualPopulation.stream(21, 0x504C4155L, 12).nextDouble());
    }

    @Test
    void theTruncatedNormalStaysInsideItsLimitsAndHasItsMeanAndSd() {
        SplittableRandom r = new SplittableRandom(1);
        double[] v = new double[20000];
        for (int i = 0; i < v.length; i++) {
            v[i] = VirtualPopulation.normal(r, 3, 2, -100, 100);
        }
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow());
        assertThat(mean).isCloseTo(3, within(0.05)); // SE 2 / sqrt(20000) = 0.014
        assertThat(sd).isCloseTo(2, within(0.05));
        for (int i = 0; i < 2000; i++) {
            assertThat(VirtualPopulation.normal(r, 0, 1, -0.5, 0.25)).isBetween(-0.5, 0.25);
        }
        // limits it can (almost) never reach: after 100 draws the mean, held inside the limits
        assertThat(VirtualPopulation.normal(r, 5, 1, 20, 30)).isEqualTo(20);
        assertThat(VirtualPopulation.normal(r, 50, 1, 20, 30)).isEqualTo(30);
        assertThat(VirtualPopulation.normal(r, 25, 1, 25, 25)).isEqualTo(25);
    }

    @Test
    void everyMemberCarriesTheirOwnMultipliersInsideTheCatalogRanges() {
        VirtualPopulation pop = new VirtualPopulation(4, CATALOG);
        double scanSd = CATALOG.value("ctInterscanLogSd");
        List<VirtualPerson> all = LongStream.range(0, 300).boxed()
                .flatMap(i -> java.util.stream.Stream.of(pop.mesa(i), pop.cric(i), pop.plausible(i))).toList();
        assertThat(all).allSatisfy(p -> {
            Map<String, Double> own = p.individualParameters();
            assertThat(own).containsOnlyKeys(VirtualPopulation.PLAQUE, VirtualPopulation.MEDIAL,
                    VirtualPopulation.STIFFNESS, VirtualPopulation.T50_RESIDUAL, VirtualPopulation.VITAMIN_K_INTAKE);
            assertThat(own.get(VirtualPopulation.PLAQUE)).isBetween(Math.exp(-4), Math.exp(4));
            assertThat(own.get(VirtualPopulation.STIFFNESS)).isBetween(1 / 3.0 - 1e-12, 3 + 1e-12);
            assertThat(own.get(VirtualPopulation.T50_RESIDUAL)).isBetween(1 / 3.0 - 1e-12, 3 + 1e-12);
            assertThat(own.get(VirtualPopulation.VITAMIN_K_INTAKE)).isBetween(1 / 5.0 - 1e-12, 5 + 1e-12);
            assertThat(Math.abs(p.scanErrorBaseline())).isLessThanOrEqualTo(4 * scanSd);
            assertThat(Math.abs(p.scanErrorEnd())).isLessThanOrEqualTo(4 * scanSd);
        });
        // the two scans' errors are separate draws, and do vary
        assertThat(all).anySatisfy(p -> assertThat(p.scanErrorBaseline()).isNotEqualTo(p.scanErrorEnd()));
        // statins as documented: MESA-like moderate in ~16 %, CRIC-like moderate in ~50 %, plausible high in ~30 %
        assertThat(all.stream().filter(p -> p.patient().id().startsWith("plausible")).map(VirtualPerson::statin)
                .filter(Optional::isPresent).map(Optional::get).distinct().toList())
                .containsExactly(org.vascalc.core.intervention.Intervention.StatinIntensity.HIGH);
        assertThat(all.stream().filter(p -> p.patient().id().startsWith("cric")).map(VirtualPerson::statin)
                .filter(Optional::isPresent).map(Optional::get).distinct().toList())
                .containsExactly(org.vascalc.core.intervention.Intervention.StatinIntensity.MODERATE);
        long cricStatins = all.stream().filter(p -> p.patient().id().startsWith("cric") && p.statin().isPresent()).count();
        assertThat(cricStatins).isBetween(120L, 180L); // 50 % of 300, +-3.5 SD
    }

    @Test
    void usualVitaminKIsTheAdequateIntakeOfTheSexTimesTheMembersOwnFactor() {
        Patient woman = Patient.referenceAdult();
        Patient man = new Patient("m", 60, Sex.MALE, 80, 175, 95, woman.serumCalciumMmolL(),
                woman.serumPhosphateMmolL(), woman.pthPgMl(), woman.risk());
        double maleAi = CATALOG.value("usualK1IntakeMaleUgPerDay");
        double femaleAi = CATALOG.value("usualK1IntakeFemaleUgPerDay");
        VirtualPerson twice = new VirtualPerson(0, man, Map.of(VirtualPopulation.VITAMIN_K_INTAKE, 2.0), Optional.empty());
        assertThat(VirtualPopulation.usualVitaminKUgPerDay(twice, CATALOG)).isCloseTo(2 * maleAi, within(1e-9));
        VirtualPerson none = new VirtualPerson(0, woman, Map.of(), Optional.empty());
        assertThat(VirtualPopulation.usualVitaminKUgPerDay(none, CATALOG))
                .isCloseTo(femaleAi * CATALOG.value(VirtualPopulation.VITAMIN_K_INTAKE), within(1e-9));
        assertThat(maleAi).isNotEqualTo(femaleAi);
    }

    @Test
    void aMemberRefusesNonFiniteScanErrorsAndKeepsACopyOfTheirParameters() {
        Patient pt = Patient.referenceAdult();
        assertThatThrownBy(() -> new VirtualPerson(0, pt, Map.of(), Optional.empty(), Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scan errors must be finite");
        assertThatThrownBy(() -> new VirtualPerson(0, pt, Map.of(), Optional.empty(), 0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        Map<String, Double> own = new java.util.HashMap<>(Map.of("x", 1.0));
        VirtualPerson p = new VirtualPerson(0, pt, own, Optional.empty());
        own.put("y", 2.0);
        assertThat(p.individualParameters()).containsOnlyKeys("x");
        assertThat(p.scanErrorBaseline()).isZero();
        assertThat(p.scanErrorEnd()).isZero();
    }
}
