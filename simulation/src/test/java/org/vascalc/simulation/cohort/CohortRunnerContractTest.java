package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The runner's documented contracts on a handful of members followed for 30 days through the engine:
 * the same cohort whatever the thread count, a resumed run equal to an unbroken one, progress counting
 * every member-plan run, whole members only on a stop, and errors that keep their cause.
 */
class CohortRunnerContractTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();
    private static final VirtualPopulation POP = new VirtualPopulation(11, CATALOG);
    private static final double MONTH = 30 / 365.25;

    private static CohortRunner runner(int threads) {
        return new CohortRunner(new EngineSimulatorFactory(), CATALOG, threads);
    }

    /** A plan that tags its scenario, so a summary can tell which plan ran. */
    private static CohortRunner.ScenarioPlan tagged(String tag) {
        return p -> {
            Scenario s = FollowUp.scenario(p, MONTH);
            return new Scenario(s.name(), tag, s.patient(), s.conditions(), s.interventions(), s.durationDays(),
                    s.recording());
        };
    }

    private static final CohortRunner.Summary<String> WHO = (p, r) -> p.index() + r.scenario().description();

    /** One streamed run: the sink's members and rows, the progress calls, the outcome. */
    private record Run(List<List<Long>> batches, List<List<String>> byPlan, List<int[]> progress,
                       CohortRunner.Streamed result) {
    }

    private static Run stream(int threads, long from, long n, int batch, List<CohortRunner.ScenarioPlan> plans,
                              java.util.function.BooleanSupplier stop) {
        List<List<Long>> batches = new ArrayList<>();
        List<List<String>> byPlan = new ArrayList<>();
        plans.forEach(p -> byPlan.add(new ArrayList<>()));
        List<int[]> progress = Collections.synchronizedList(new ArrayList<>());
        CohortRunner.Streamed s = runner(threads).stream(from, n, POP::mesa, plans, Mode.FAST, WHO, batch,
                (members, rows) -> {
                    batches.add(members.stream().map(VirtualPerson::index).toList());
                    for (int p = 0; p < rows.size(); p++) {
                        byPlan.get(p).addAll(rows.get(p));
                    }
                }, (done, total) -> progress.add(new int[] {done, total}), stop);
        return new Run(batches, byPlan, progress, s);
    }

    @Test
    void oneAndTwoThreadsGiveTheSameFollowUpsAndProgressCountsEveryRun() {
        List<VirtualPerson> people = IntStream.range(0, 3).mapToObj(POP::mesa).toList();
        List<FollowUp> one = runner(1).run(people, p -> FollowUp.scenario(p, MONTH), Mode.FAST, FollowUp::of,
                CohortProgress.NONE);
        List<FollowUp> two = runner(2).run(people, p -> FollowUp.scenario(p, MONTH), Mode.FAST, FollowUp::of,
                CohortProgress.NONE);
        assertThat(two).isEqualTo(one);
        assertThat(one).extracting(FollowUp::person).containsExactlyElementsOf(people);
        assertThat(one).allSatisfy(f -> assertThat(f.years()).isCloseTo(MONTH, org.assertj.core.api.Assertions.within(1e-9)));

        // streamed, two plans, batches of 3 and 1: each member in each plan once, in order, whatever the threads
        for (int threads : new int[] {1, 2}) {
            Run r = stream(threads, 0, 4, 3, List.of(tagged("A"), tagged("B")), () -> false);
            assertThat(r.result()).isEqualTo(new CohortRunner.Streamed(4, 4, false));
            assertThat(r.batches()).containsExactly(List.of(0L, 1L, 2L), List.of(3L));
            assertThat(r.byPlan()).containsExactly(List.of("0A", "1A", "2A", "3A"), List.of("0B", "1B", "2B", "3B"));
            // 4 members x 2 plans = 8 runs; each finished run reports a new count out of 8
            assertThat(r.progress()).extracting(d -> d[1]).containsOnly(8);
            assertThat(r.progress()).extracting(d -> d[0]).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
            if (threads == 1) {
                assertThat(r.progress()).extracting(d -> d[0]).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
            }
        }
    }

    /**
     * review18: a page's reference-mode check sat at "11 % done" for a minute, the whole-run count standing still. A
     * progress made by {@link CohortProgress#withinRuns} is told the share of each run under way, rising from 0 to the
     * runs' number, and the runs give what they give without it (the engine reports between its steps).
     */
    @Test
    void aProgressWithinRunsIsToldTheShareOfTheRunsUnderWayAndChangesNoResult() {
        List<VirtualPerson> people = IntStream.range(0, 2).mapToObj(POP::mesa).toList();
        double days = 4 / 365.25;
        List<Double> told = Collections.synchronizedList(new ArrayList<>());
        List<Integer> totals = Collections.synchronizedList(new ArrayList<>());
        List<FollowUp> within = runner(1).run(people, p -> FollowUp.scenario(p, days), Mode.REFERENCE, FollowUp::of,
                CohortProgress.withinRuns((runs, total) -> {
                    told.add(runs);
                    totals.add(total);
                }));
        List<FollowUp> plain = runner(1).run(people, p -> FollowUp.scenario(p, days), Mode.REFERENCE, FollowUp::of,
                CohortProgress.NONE);
        assertThat(within).isEqualTo(plain);
        assertThat(totals).containsOnly(2);
        assertThat(told).as("parts of the first run, then of the second").anyMatch(r -> r > 0 && r < 1)
                .anyMatch(r -> r > 1 && r < 2).contains(1.0, 2.0);
        assertThat(told).isSorted();
        assertThat(told).allMatch(r -> r >= 0 && r <= 2);
    }

    @Test
    void aRunResumedFromItsPartialFileEqualsAnUnbrokenRun(@TempDir Path dir) throws Exception {
        List<List<FollowUp>> unbroken = List.of(new ArrayList<>());
        runner(2).stream(3, POP::mesa, List.of(p -> FollowUp.scenario(p, MONTH)), Mode.FAST, FollowUp::of, 1,
                (m, rows) -> unbroken.get(0).addAll(rows.get(0)), CohortProgress.NONE, () -> false);

        // stopped once the first member is written
        Path part = dir.resolve("part.csv");
        Files.writeString(part, CohortTable.header());
        AtomicInteger written = new AtomicInteger();
        CohortRunner.BatchSink<FollowUp> toFile = (m, rows) -> {
            StringBuilder b = new StringBuilder();
            rows.get(0).forEach(u -> CohortTable.appendRow(b, u));
            Files.writeString(part, b, java.nio.file.StandardOpenOption.APPEND);
            written.addAndGet(m.size());
        };
        CohortRunner.Streamed first = runner(1).stream(3, POP::mesa, List.of(p -> FollowUp.scenario(p, MONTH)),
                Mode.FAST, FollowUp::of, 1, toFile, CohortProgress.NONE, () -> written.get() >= 1);
        assertThat(first).isEqualTo(new CohortRunner.Streamed(1, 3, true));

        // resumed from what the file holds, with another thread count
        List<FollowUp> resumed = new ArrayList<>();
        PartialCohort kept = PartialCohort.read(List.of(part), POP::mesa, 3, (k, byArm) -> resumed.add(byArm.get(0)));
        assertThat(kept.members()).isEqualTo(1);
        List<int[]> progress = Collections.synchronizedList(new ArrayList<>());
        CohortRunner.Streamed rest = runner(2).stream(kept.members(), 3, POP::mesa,
                List.of(p -> FollowUp.scenario(p, MONTH)), Mode.FAST, FollowUp::of, 1,
                (m, rows) -> resumed.addAll(rows.get(0)), (d, t) -> progress.add(new int[] {d, t}), () -> false);
        assertThat(rest).isEqualTo(new CohortRunner.Streamed(3, 3, false));
        assertThat(rest.complete()).isTrue();
        // the same follow-up; the run warnings of a member read back from the file are not known (the CSV
        // does not hold them; cohort --db stores NULL for them), those of the members run now are
        assertThat(resumed).usingRecursiveFieldByFieldElementComparatorIgnoringFields("warnings")
                .isEqualTo(unbroken.get(0));
        assertThat(resumed).extracting(u -> u.warnings().isPresent()).containsExactly(false, true, true);
        assertThat(CohortTable.csv(resumed)).isEqualTo(CohortTable.csv(unbroken.get(0)));
        // progress counts this call's runs: members 1 and 2, out of 2
        assertThat(progress).extracting(d -> d[1]).containsOnly(2);
        assertThat(progress).extracting(d -> d[0]).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aRunStartedAtItsEndRunsNothing() {
        Run r = stream(2, 3, 3, 2, List.of(tagged("A")), () -> false);
        assertThat(r.result()).isEqualTo(new CohortRunner.Streamed(3, 3, false));
        assertThat(r.batches()).isEmpty();
        assertThat(r.progress()).isEmpty();
        assertThat(runner(2).run(List.of(), p -> FollowUp.scenario(p, MONTH), Mode.FAST, FollowUp::of,
                CohortProgress.NONE)).isEmpty();
    }

    @Test
    void aStopInsideABatchHandsOverTheMembersFinishedInEveryPlan() {
        AtomicInteger asked = new AtomicInteger();
        // one thread, batch of 3 members x 2 plans: question 1 before the batch, 2-4 before runs 0-2
        // (member 0 in A and B, member 1 in A), question 5 stops: member 1 lacks plan B
        Run r = stream(1, 0, 5, 3, List.of(tagged("A"), tagged("B")), () -> asked.incrementAndGet() >= 5);
        assertThat(r.result()).isEqualTo(new CohortRunner.Streamed(1, 5, true));
        assertThat(r.result().complete()).isFalse();
        assertThat(r.batches()).containsExactly(List.of(0L));
        assertThat(r.byPlan()).containsExactly(List.of("0A"), List.of("0B"));
        assertThat(r.progress()).extracting(d -> d[0]).containsExactly(1, 2, 3);
    }

    @Test
    void aStopBeforeAnyRunHandsOverNothing() {
        AtomicInteger asked = new AtomicInteger();
        // question 1 before the batch is false, question 2 before run 0 stops: no member whole
        Run r = stream(1, 0, 2, 2, List.of(tagged("A")), () -> asked.incrementAndGet() >= 2);
        assertThat(r.result()).isEqualTo(new CohortRunner.Streamed(0, 2, true));
        assertThat(r.batches()).isEmpty();
    }

    @Test
    void impossibleArgumentsAreRefused() {
        List<CohortRunner.ScenarioPlan> one = List.of(tagged("A"));
        CohortRunner.BatchSink<String> sink = (m, rows) -> { };
        assertThatThrownBy(() -> runner(1).stream(-1, 3, POP::mesa, one, Mode.FAST, WHO, 1, sink, CohortProgress.NONE,
                () -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runner(1).stream(4, 3, POP::mesa, one, Mode.FAST, WHO, 1, sink, CohortProgress.NONE,
                () -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runner(1).stream(0, 3, POP::mesa, one, Mode.FAST, WHO, 0, sink, CohortProgress.NONE,
                () -> false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runner(1).stream(0, 3, POP::mesa, List.of(), Mode.FAST, WHO, 1, sink,
                CohortProgress.NONE, () -> false)).isInstanceOf(IllegalArgumentException.class);
        List<CohortRunner.ScenarioPlan> two = List.of(tagged("A"), tagged("B"));
        assertThatThrownBy(() -> runner(1).stream(0, Integer.MAX_VALUE, POP::mesa, two, Mode.FAST, WHO, 1, sink,
                CohortProgress.NONE, () -> false)).hasMessageContaining("too many runs");
        assertThatThrownBy(() -> runner(1).stream(0, 1, POP::mesa, two, Mode.FAST, WHO, Integer.MAX_VALUE, sink,
                CohortProgress.NONE, () -> false)).hasMessageContaining("too many runs");
        // exactly Integer.MAX_VALUE runs are allowed (stopped at once: nothing is drawn or run)
        assertThat(runner(1).stream(0, Integer.MAX_VALUE, POP::mesa, one, Mode.FAST, WHO, Integer.MAX_VALUE, sink,
                CohortProgress.NONE, () -> true)).isEqualTo(new CohortRunner.Streamed(0, Integer.MAX_VALUE, true));
        // from = n and from = 0 are the edges allowed
        assertThat(runner(1).stream(0, 0, POP::mesa, one, Mode.FAST, WHO, 1, sink, CohortProgress.NONE, () -> false))
                .isEqualTo(new CohortRunner.Streamed(0, 0, false));
    }

    @Test
    void failuresKeepTheirCause() {
        List<CohortRunner.ScenarioPlan> one = List.of(tagged("A"));
        IllegalStateException own = new IllegalStateException("sink's own");
        assertThatThrownBy(() -> runner(1).stream(1, POP::mesa, one, Mode.FAST, WHO, 1, (m, rows) -> {
            throw own;
        }, CohortProgress.NONE, () -> false)).isSameAs(own);
        IOException disk = new IOException("disk full");
        assertThatThrownBy(() -> runner(1).stream(1, POP::mesa, one, Mode.FAST, WHO, 1, (m, rows) -> {
            throw disk;
        }, CohortProgress.NONE, () -> false)).isInstanceOf(UncheckedIOException.class).hasCause(disk);
        Exception other = new Exception("checked");
        assertThatThrownBy(() -> runner(1).stream(1, POP::mesa, one, Mode.FAST, WHO, 1, (m, rows) -> {
            throw other;
        }, CohortProgress.NONE, () -> false)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cohort output failed").hasCause(other);
        AssertionError error = new AssertionError("not an exception");
        assertThatThrownBy(() -> runner(1).stream(1, POP::mesa, one, Mode.FAST, (p, r) -> {
            throw error;
        }, 1, (m, rows) -> { }, CohortProgress.NONE, () -> false)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cohort member failed").hasCause(error);
        assertThatThrownBy(() -> new CohortRunner(new EngineSimulatorFactory(), CATALOG, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be >= 1, got 0");
        assertThat(new CohortRunner(new EngineSimulatorFactory(), CATALOG, 1)).isNotNull();
    }

    @Test
    void aFailingMemberIsNamedWithItsInputs() {
        Patient pt = new Patient("p-17", 63.5, Sex.FEMALE, 70, 162, 55.25, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), RiskFactors.typical());
        VirtualPerson p = new VirtualPerson(17, pt, Map.of(VirtualPopulation.PLAQUE, 1.23456,
                VirtualPopulation.STIFFNESS, 2.0), Optional.empty());
        // the parameters in name order, four significant digits
        assertThat(CohortRunner.member(p, FollowUp.scenario(p, 1))).isEqualTo("cohort member 17 (scenario p-17: 63.5 y,"
                + " female, eGFR 55.25 mL/min/1.73 m², aorticStiffnessFactor 2, plaqueSusceptibility 1.235)");
    }

    @Test
    void aMemberWithoutOwnValuesRunsOnTheSharedSimulatorAsOnAnOwnOneWithTheBaseValues() {
        VirtualPerson drawn = POP.mesa(0);
        // the same person: once with no values of their own, once with the catalog's own value as theirs
        VirtualPerson plain = new VirtualPerson(0, drawn.patient(), Map.of(), drawn.statin());
        VirtualPerson own = new VirtualPerson(1, drawn.patient(),
                Map.of(VirtualPopulation.PLAQUE, CATALOG.value(VirtualPopulation.PLAQUE)), drawn.statin());
        for (CohortRunner r : List.of(runner(1), runner(2), CohortRunner.onAllCores(new EngineSimulatorFactory(), CATALOG))) {
            List<FollowUp> f = r.run(List.of(plain, plain, own), p -> FollowUp.scenario(p, MONTH), Mode.FAST,
                    FollowUp::of, CohortProgress.NONE);
            assertThat(f.get(1)).isEqualTo(f.get(0));
            assertThat(f.get(2).cacEnd()).isEqualTo(f.get(0).cacEnd());
            assertThat(f.get(2).miRate()).isEqualTo(f.get(0).miRate());
            assertThat(f.get(2).layers()).isEqualTo(f.get(0).layers());
        }
    }

    @Test
    void membersRunOnDaemonWorkersSoAStuckMemberCannotKeepTheProgramAlive() {
        List<String> where = runner(2).run(List.of(POP.mesa(0)), p -> FollowUp.scenario(p, MONTH), Mode.FAST,
                (p, r) -> Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon(), CohortProgress.NONE);
        assertThat(where).containsExactly("vascalc-cohort true");
    }
}
