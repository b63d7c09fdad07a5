package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.trial.TrialSpec.Measure;

/**
 * A trial at its own labs finds the candidates the model cannot start in the runs it makes anyway (trialstart,
 * fifty-second session): the baseline scan where the inclusion reads one, else the control arm's run, both through
 * the cohort runner's threads. Before, every candidate had a start check of its own (the derivation and the run-in,
 * 0.05 d) on a thread pool of its own, and each enrolled member's runs then repeated that run-in.
 */
class TrialStartCheckTest {

    private static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();

    /** A low calcium on the 1.5 mmol/L bath with a PTH of 450 pg/mL: some members are no steady state (BaselineLabsTest). */
    private static final BaselineLabs LOW_CALCIUM = new BaselineLabs(
            Optional.of(new BaselineLabs.Lab(2.0, 0.3, 1.5, 4.0, false)),
            Optional.of(new BaselineLabs.Lab(1.9, 0, 0.3, 4.0, false)),
            Optional.of(new BaselineLabs.Lab(450, 0, 1, 3000, true)));

    private static TrialSpec dialysisTrial(TrialSpec.Inclusion inclusion) {
        TrialSpec.Published pub = new TrialSpec.Published(OptionalDouble.of(0), OptionalDouble.empty(),
                OptionalDouble.empty(), "test");
        TrialSpec.Arm control = new TrialSpec.Arm("none", "nothing", List.of());
        TrialSpec.Arm binder = new TrialSpec.Arm("calcium", "calcium acetate", List.of(new Intervention.PhosphateBinder(
                Intervention.PhosphateBinderKind.CALCIUM_ACETATE, 667, Schedule.daily(8, 13, 19))));
        return new TrialSpec("hd", "a dialysis trial", "Chertow2002", "two arms", Population.CRIC, inclusion,
                List.of(new Condition.Haemodialysis()), 0.05, List.of(control, binder),
                List.of(new TrialSpec.Outcome("phosphate", "serumPhosphate", "mmol/L", Measure.CHANGE_DIFFERENCE,
                        Double.NaN, "calcium", pub)), "test", Vintage.NONE, LOW_CALCIUM);
    }

    /** The number of candidates left out, read from the result's line ("12 of the 40 candidates examined ..."). */
    private static int leftOut(TrialResult r) {
        return Integer.parseInt(r.labsLeftOut().substring(0, r.labsLeftOut().indexOf(' ')));
    }

    /**
     * Without a baseline scan the control arm's run is the start check: each candidate examined is run once in the
     * control arm (refused at the derivation, or kept as the member's run) and each member once more per other arm;
     * no run-in is made twice and every run is on the cohort runner's threads. (The old code's counts at these
     * settings: 3 more runs and run-ins, the checks of the three members, on threads "pool-N-thread-M".)
     */
    @Test
    void withoutABaselineScanTheControlArmRunIsTheStartCheckAndNoRunInIsRepeated() {
        CountingSimulatorFactory counting = new CountingSimulatorFactory();
        TrialResult r = new TrialRunner(counting, CATALOG, 2).run(dialysisTrial(TrialSpec.Inclusion.everyone()), 3, 1,
                (d, n) -> { });
        assertThat(r.labsLeftOut()).as("the labs leave some candidates out").isNotEmpty();
        int members = 3;
        int arms = 2;
        assertThat(counting.refused.get()).as("one refused run per candidate left out").isEqualTo(leftOut(r));
        assertThat(counting.runIns()).as("a run-in per member and arm, none for a start check")
                .isEqualTo(members * arms);
        assertThat(counting.runs.get()).isEqualTo(r.screened() + members * (arms - 1));
        assertThat(counting.threads).as("the cohort runner's threads, no pool of the screening's own")
                .allMatch(t -> t.equals("vascalc-cohort"));
    }

    /**
     * With a baseline scan the scan is the start check: each candidate examined is scanned once (refused at the
     * derivation, or read against the inclusion), each member then run once per arm; all on the cohort runner's
     * threads.
     */
    @Test
    void withABaselineScanTheScanIsTheStartCheck() {
        TrialSpec.Range anyScore = new TrialSpec.Range(OptionalDouble.of(0), OptionalDouble.empty());
        TrialSpec.Inclusion scanned = new TrialSpec.Inclusion(Optional.empty(), TrialSpec.Range.ANY,
                TrialSpec.Range.ANY, anyScore, false);
        assertThat(scanned.needsBaselineScan()).isTrue();
        CountingSimulatorFactory counting = new CountingSimulatorFactory();
        TrialResult r = new TrialRunner(counting, CATALOG, 2).run(dialysisTrial(scanned), 3, 1, (d, n) -> { });
        assertThat(r.labsLeftOut()).isNotEmpty();
        int members = 3;
        int arms = 2;
        // the screening scans whole batches of candidates the covariates accept (here everyone: 8 at 3 members
        // wanted), some after the last member; each scanned once, then each member run once per arm
        int scans = counting.runs.get() - members * arms;
        assertThat(scans % 8).as("whole batches of 8 scanned, nothing else run (%d runs)", counting.runs.get())
                .isZero();
        assertThat(scans).isBetween(r.screened(), r.screened() + 7);
        assertThat(counting.refused.get()).as("refused at the scan: those left out, and any after the last member")
                .isGreaterThanOrEqualTo(leftOut(r));
        assertThat(counting.threads).allMatch(t -> t.equals("vascalc-cohort"));
    }

    /**
     * An interrupt during the screening ends the trial at once through the cohort runner's own handling: the caller
     * gets "cohort run interrupted" with its interrupt flag kept, and the workers start no further run (the run in
     * hand ends; a run does not watch the flag). The first screening run of the stand-in waits until interrupted.
     * (The old code ran that first run on a pool of the screening's own, "trial screening interrupted".)
     */
    @Test
    void anInterruptDuringTheScreeningEndsTheTrialThroughTheCohortRunner() throws InterruptedException {
        SimulatorFactory model = new EngineSimulatorFactory();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicInteger started = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        SimulatorFactory standIn = new SimulatorFactory() {
            @Override
            public ParameterCatalog defaultParameters() {
                return model.defaultParameters();
            }

            @Override
            public Simulator create(ParameterCatalog parameters) {
                Simulator sim = model.create(parameters);
                return (scenario, mode, progress) -> {
                    started.incrementAndGet();
                    threads.add(Thread.currentThread().getName());
                    if (first.getAndSet(false)) {
                        waiting.countDown();
                        try {
                            Thread.sleep(120_000);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("the stand-in's run was interrupted", e);
                        }
                    }
                    return sim.run(scenario, mode, progress);
                };
            }
        };
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread trial = new Thread(() -> {
            try {
                new TrialRunner(standIn, CATALOG, 2).run(dialysisTrial(TrialSpec.Inclusion.everyone()), 40, 1,
                        (d, n) -> { });
            } catch (RuntimeException e) {
                failure.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        }, "trial");
        trial.start();
        assertThat(waiting.await(60, TimeUnit.SECONDS)).as("the screening started").isTrue();
        int before = started.get();
        trial.interrupt();
        trial.join(10_000);
        assertThat(trial.isAlive()).as("the trial ended on the interrupt").isFalse();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessage("cohort run interrupted");
        assertThat(flagKept).isTrue();
        assertThat(threads).as("the screening ran on the cohort runner's threads").containsOnly("vascalc-cohort");
        // the other worker ends its run in hand and takes no other (40 candidates were queued; one more may start
        // between the count read above and the pool's shutdown)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (cohortThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(cohortThreadsAlive()).as("the workers ended").isFalse();
        assertThat(started.get() - before).as("runs started after the interrupt").isLessThanOrEqualTo(2);
    }

    private static boolean cohortThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("vascalc-cohort"));
    }
}
