package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

class CohortRunnerTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    @Test
    void aPersonDependsOnlyOnSeedAndIndex() {
        VirtualPopulation a = new VirtualPopulation(7, CATALOG);
        VirtualPopulation b = new VirtualPopulation(7, CATALOG);
        assertThat(a.mesa(41)).isEqualTo(b.mesa(41));
        assertThat(a.cric(3)).isEqualTo(b.cric(3));
        assertThat(a.mesa(41)).isNotEqualTo(a.mesa(42));
        assertThat(new VirtualPopulation(8, CATALOG).mesa(41)).isNotEqualTo(a.mesa(41));
        // the MESA-like and CRIC-like streams differ for the same index
        assertThat(a.mesa(3).patient().ageYears()).isNotEqualTo(a.cric(3).patient().ageYears());
    }

    @Test
    void sampledDistributionsMatchTheStatedBaselines() {
        VirtualPopulation pop = new VirtualPopulation(1, CATALOG);
        List<VirtualPerson> mesa = LongStream.range(0, 4000).mapToObj(pop::mesa).toList();
        double age = mesa.stream().mapToDouble(p -> p.patient().ageYears()).average().orElseThrow();
        double men = mesa.stream().filter(p -> p.patient().sex() == org.vascalc.core.patient.Sex.MALE).count() / 4000.0;
        double logPlaque = mesa.stream().mapToDouble(p -> Math.log(p.individualParameters()
                .get(VirtualPopulation.PLAQUE))).map(v -> v * v).average().orElseThrow();
        assertThat(age).isBetween(61.0, 63.5); // 62 (SD 10) truncated to 45-84
        assertThat(men).isBetween(0.44, 0.50);
        assertThat(Math.sqrt(logPlaque)).isBetween(0.9 * CATALOG.value("plaqueSusceptibilityLogSd"),
                1.05 * CATALOG.value("plaqueSusceptibilityLogSd"));
        List<VirtualPerson> cric = LongStream.range(0, 2000).mapToObj(pop::cric).toList();
        assertThat(cric).allSatisfy(p -> assertThat(p.patient().egfrMlPerMin()).isBetween(20.0, 70.0));
        // every member carries a T50 residual, log-normal with the catalog's SD, inside the catalog range
        double[] logT50 = cric.stream().mapToDouble(p -> Math.log(p.individualParameters()
                .get(VirtualPopulation.T50_RESIDUAL))).toArray();
        double meanT50 = java.util.Arrays.stream(logT50).average().orElseThrow();
        double sdT50 = Math.sqrt(java.util.Arrays.stream(logT50).map(v -> (v - meanT50) * (v - meanT50)).average().orElseThrow());
        assertThat(meanT50).isBetween(-0.02, 0.02);
        assertThat(sdT50).isBetween(0.93 * CATALOG.value("t50ResidualLogSd"), 1.07 * CATALOG.value("t50ResidualLogSd"));
        assertThat(java.util.Arrays.stream(logT50).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(Math.log(3));
    }

    @Test
    void resultsAreInMemberOrderAndIndependentOfTheThreadCount() {
        VirtualPopulation pop = new VirtualPopulation(3, CATALOG);
        List<VirtualPerson> people = LongStream.range(0, 6).mapToObj(pop::mesa).toList();
        AtomicInteger calls = new AtomicInteger();
        List<FollowUp> one = new CohortRunner(new EngineSimulatorFactory(), CATALOG, 1).run(people,
                p -> FollowUp.scenario(p, 0.5), Mode.FAST, FollowUp::of, (d, n) -> calls.incrementAndGet());
        List<FollowUp> two = new CohortRunner(new EngineSimulatorFactory(), CATALOG, 2).run(people,
                p -> FollowUp.scenario(p, 0.5), Mode.FAST, FollowUp::of, CohortProgress.NONE);
        assertThat(calls.get()).isEqualTo(6);
        assertThat(two).isEqualTo(one);
        assertThat(one).extracting(f -> f.person().index()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(one).allSatisfy(f -> assertThat(f.cacEnd()).isGreaterThanOrEqualTo(f.cac0()));
    }

    @Test
    void individualSusceptibilityReachesTheWall() {
        VirtualPerson base = new VirtualPopulation(3, CATALOG).mesa(0);
        List<VirtualPerson> pair = List.of(
                new VirtualPerson(0, base.patient(), java.util.Map.of(VirtualPopulation.PLAQUE, 0.2), base.statin()),
                new VirtualPerson(1, base.patient(), java.util.Map.of(VirtualPopulation.PLAQUE, 5.0), base.statin()));
        List<FollowUp> f = new CohortRunner(new EngineSimulatorFactory(), CATALOG, 2).run(pair,
                p -> FollowUp.scenario(p, 1), Mode.FAST, FollowUp::of, CohortProgress.NONE);
        assertThat(f.get(1).cac0()).isGreaterThan(f.get(0).cac0());
        assertThat(f.get(1).miRate()).isGreaterThan(f.get(0).miRate());
    }

    @Test
    void aFailingMemberFailsTheRunWithItsCause() {
        VirtualPopulation pop = new VirtualPopulation(3, CATALOG);
        List<VirtualPerson> people = LongStream.range(0, 3).mapToObj(pop::mesa).toList();
        assertThatThrownBy(() -> new CohortRunner(new EngineSimulatorFactory(), CATALOG, 2).run(people,
                p -> FollowUp.scenario(p, 0.1), Mode.FAST, (p, r) -> {
                    throw new IllegalStateException("boom " + p.index());
                }, CohortProgress.NONE)).isInstanceOf(IllegalStateException.class).hasMessageContaining("boom");
        assertThatThrownBy(() -> new CohortRunner(new EngineSimulatorFactory(), CATALOG, 0))
                .hasMessageContaining("threads");
    }
}
