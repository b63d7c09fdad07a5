package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void streamedInBatchesTheMembersArriveInOrderAsOneRunGivesThemWhateverTheThreads() {
        VirtualPopulation pop = new VirtualPopulation(3, CATALOG);
        List<VirtualPerson> people = LongStream.range(0, 7).mapToObj(pop::mesa).toList();
        List<FollowUp> whole = new CohortRunner(new EngineSimulatorFactory(), CATALOG, 2).run(people,
                p -> FollowUp.scenario(p, 0.2, TrialArm.MK7), Mode.FAST, FollowUp::of, CohortProgress.NONE);
        for (int threads : new int[] {1, 3}) {
            List<List<FollowUp>> byArm = List.of(new java.util.ArrayList<>(), new java.util.ArrayList<>());
            List<Integer> batches = new java.util.ArrayList<>();
            AtomicInteger runs = new AtomicInteger();
            CohortRunner.Streamed s = new CohortRunner(new EngineSimulatorFactory(), CATALOG, threads).stream(7, pop::mesa,
                    List.of(p -> FollowUp.scenario(p, 0.2), p -> FollowUp.scenario(p, 0.2, TrialArm.MK7)), Mode.FAST,
                    FollowUp::of, 3, (members, rows) -> {
                        batches.add(members.size());
                        byArm.get(0).addAll(rows.get(0));
                        byArm.get(1).addAll(rows.get(1));
                    }, (d, n) -> runs.incrementAndGet(), () -> false);
            assertThat(s.complete()).isTrue();
            assertThat(batches).containsExactly(3, 3, 1);
            assertThat(runs.get()).isEqualTo(14);
            assertThat(byArm.get(1)).as(threads + " threads, batches of 3").isEqualTo(whole);
            assertThat(byArm.get(0)).extracting(f -> f.person().index()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        }
    }

    @Test
    void aStopRequestEndsTheRunAfterTheMembersStartedAndHandsOverWholeMembersOnly() {
        VirtualPopulation pop = new VirtualPopulation(3, CATALOG);
        AtomicInteger asked = new AtomicInteger();
        List<Long> got = new java.util.ArrayList<>();
        // asked before each batch and each run: true from the 5th question on, in the second batch
        CohortRunner.Streamed s = new CohortRunner(new EngineSimulatorFactory(), CATALOG, 1).stream(10, pop::mesa,
                List.of(p -> FollowUp.scenario(p, 0.1)), Mode.FAST, FollowUp::of, 2,
                (members, rows) -> rows.get(0).forEach(f -> got.add(f.person().index())), CohortProgress.NONE,
                () -> asked.incrementAndGet() >= 5);
        assertThat(s.stopped()).isTrue();
        assertThat(s.complete()).isFalse();
        // batch 1: questions 1 (batch), 2, 3 (runs); batch 2: 4 (batch), 5 (stop before its first run)
        assertThat(s.done()).isEqualTo(2);
        assertThat(got).containsExactly(0L, 1L);
    }

    @Test
    void aFailureAtMemberKLeavesThePartialFileWithTheWholeBatchesBeforeItAndNoFinalFile(@TempDir java.nio.file.Path dir)
            throws Exception {
        VirtualPopulation pop = new VirtualPopulation(3, CATALOG);
        java.nio.file.Path target = dir.resolve("c.csv");
        org.vascalc.simulation.output.StreamedFile f = org.vascalc.simulation.output.StreamedFile.start(target);
        f.write(CohortTable.header());
        CohortRunner runner = new CohortRunner(new EngineSimulatorFactory(), CATALOG, 2);
        try (f) {
            assertThatThrownBy(() -> runner.stream(9, pop::mesa, List.of(p -> FollowUp.scenario(p, 0.1)), Mode.FAST,
                    (p, r) -> {
                        if (p.index() == 7) {
                            throw new IllegalStateException("injected failure at member 7");
                        }
                        return FollowUp.of(p, r);
                    }, 3, (members, rows) -> {
                        StringBuilder b = new StringBuilder();
                        rows.get(0).forEach(u -> CohortTable.appendRow(b, u));
                        f.write(b.toString());
                    }, CohortProgress.NONE, () -> false)).hasMessageContaining("injected failure at member 7");
        }
        assertThat(target).doesNotExist();
        List<String> lines = java.nio.file.Files.readAllLines(f.partial());
        assertThat(lines).hasSize(1 + 6); // header and the batches 0-2 and 3-5, whole
        assertThat(lines.get(6)).startsWith("5,mesa-5,");
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files).containsExactly(f.partial());
        }
    }
}
