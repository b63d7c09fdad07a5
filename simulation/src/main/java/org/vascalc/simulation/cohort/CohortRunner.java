package org.vascalc.simulation.cohort;

import static org.vascalc.core.input.ValidRange.fmt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/**
 * Runs the members of a virtual cohort in parallel. Each worker thread owns its simulator (simulators
 * are thread-confined); a member with individual parameters gets a simulator of its own made from
 * the base catalog with those values. Members are handed out in index order from a shared counter
 * and results are stored by index, so the output is the same whatever the thread count or timing.
 * Only what {@code summarise} extracts is kept, so a cohort's memory does not grow with the
 * trajectories.
 *
 * <p>{@link #stream} is the form for large cohorts: members are drawn when their batch starts (not
 * held for the whole run), each finished batch is handed to a sink on the calling thread in member
 * order (to be written out and folded into streaming summaries), and a stop request ends the run
 * after the members already started, so memory stays bounded by one batch whatever the cohort's size.
 */
public final class CohortRunner {

    /** What to run for one member. */
    @FunctionalInterface
    public interface ScenarioPlan {
        Scenario scenarioFor(VirtualPerson person);
    }

    /** What to keep of one member's run. */
    @FunctionalInterface
    public interface Summary<R> {
        R summarise(VirtualPerson person, SimulationResult result);
    }

    /**
     * Receives finished members in member order, on the thread that called {@link #stream}.
     * {@code byPlan.get(p).get(j)} is member {@code members.get(j)} run with plan {@code p}.
     */
    @FunctionalInterface
    public interface BatchSink<R> {
        void accept(List<VirtualPerson> members, List<List<R>> byPlan) throws Exception;
    }

    /**
     * What stands for a member's result when the model refuses the member's inputs ({@link ModelDomainException}: no
     * steady state at their labs, found where the run derives its start, before the run-in), instead of failing
     * the run: a caller that leaves such members out (a trial at its own labs) learns of them in the same parallel
     * run that would have followed them.
     */
    @FunctionalInterface
    public interface Refusal<R> {
        R refused(VirtualPerson person, ModelDomainException cause);
    }

    /** How a {@link #stream} run ended: the members finished and handed to the sink (a prefix 0..done-1). */
    public record Streamed(long done, long total, boolean stopped) {
        public boolean complete() {
            return done == total;
        }
    }

    private final SimulatorFactory factory;
    private final ParameterCatalog base;
    private final int threads;

    /** @param threads worker threads (at least 1); one simulator each */
    public CohortRunner(SimulatorFactory factory, ParameterCatalog base, int threads) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.base = Objects.requireNonNull(base, "base");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** A runner with one thread per available processor. */
    public static CohortRunner onAllCores(SimulatorFactory factory, ParameterCatalog base) {
        return new CohortRunner(factory, base, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs every member and returns the summaries in member order.
     *
     * @param members  the cohort (e.g. drawn from a {@link VirtualPopulation})
     * @param plan     the scenario of each member (e.g. {@code p -> FollowUp.scenario(p, years, arm)})
     * @param mode     fast for follow-ups of years
     * @param summary  what to keep of each run (e.g. {@code FollowUp::of}); the trajectories are not kept
     * @param progress told the number of members finished ({@link CohortProgress#NONE} for none)
     */
    public <R> List<R> run(List<VirtualPerson> members, ScenarioPlan plan, Mode mode, Summary<R> summary,
                           CohortProgress progress) {
        return run(members, plan, mode, summary, null, progress);
    }

    /**
     * As {@link #run(List, ScenarioPlan, Mode, Summary, CohortProgress)}, but a member whose inputs the model refuses
     * does not fail the run: {@code refusal}'s value stands for their result (in member order, as the others'), and
     * counts as a finished run for {@code progress}. Any other failure fails the run as there.
     */
    public <R> List<R> run(List<VirtualPerson> members, ScenarioPlan plan, Mode mode, Summary<R> summary,
                           Refusal<R> refusal, CohortProgress progress) {
        List<R> out = new ArrayList<>(members.size());
        if (members.isEmpty()) {
            return List.of();
        }
        // one batch: the whole list is held by the caller anyway, and one batch balances the threads best
        stream(0, members.size(), i -> members.get((int) i), List.of(plan), mode, summary, refusal, members.size(),
                (m, byPlan) -> out.addAll(byPlan.get(0)), progress, () -> false);
        return List.copyOf(out);
    }

    /**
     * Runs members {@code 0..n-1}, each with every plan (e.g. the arms of a trial), in batches of
     * {@code batch} members: the batch's members are drawn by {@code memberAt}, run in parallel, and
     * handed to {@code sink} in member order before the next batch starts. When {@code stop} turns
     * true, no further member is started; the members of the current batch that finished in every
     * plan (a prefix, since runs are started in member order) are handed to the sink and the run
     * returns. A failing member (or sink) fails the run with its cause after the batches before it
     * were handed over.
     *
     * @param progress told the number of member-plan runs finished, out of {@code n * plans.size()}
     */
    public <R> Streamed stream(long n, LongFunction<VirtualPerson> memberAt, List<ScenarioPlan> plans, Mode mode,
                               Summary<R> summary, int batch, BatchSink<R> sink, CohortProgress progress,
                               BooleanSupplier stop) {
        return stream(0, n, memberAt, plans, mode, summary, batch, sink, progress, stop);
    }

    /**
     * As {@link #stream(long, LongFunction, List, Mode, Summary, int, BatchSink, CohortProgress, BooleanSupplier)},
     * from member {@code from} on (members {@code 0..from-1} were done before, e.g. by a stopped run:
     * member i's result depends only on the population's seed and i, so a run resumed at any member
     * gives what an uninterrupted run gives). {@link Streamed#done} counts from 0; progress counts the
     * runs of this call out of {@code (n - from) * plans.size()}.
     */
    public <R> Streamed stream(long from, long n, LongFunction<VirtualPerson> memberAt, List<ScenarioPlan> plans,
                               Mode mode, Summary<R> summary, int batch, BatchSink<R> sink, CohortProgress progress,
                               BooleanSupplier stop) {
        return stream(from, n, memberAt, plans, mode, summary, null, batch, sink, progress, stop);
    }

    /** The stream; {@code refusal} null: a member the model refuses fails the run (named, with their inputs). */
    private <R> Streamed stream(long from, long n, LongFunction<VirtualPerson> memberAt, List<ScenarioPlan> plans,
                                Mode mode, Summary<R> summary, Refusal<R> refusal, int batch, BatchSink<R> sink,
                                CohortProgress progress, BooleanSupplier stop) {
        if (from < 0 || from > n || batch < 1 || plans.isEmpty()) {
            throw new IllegalArgumentException("n >= 0, batch >= 1 and a plan are needed: " + n + ", " + batch + ", "
                    + plans.size());
        }
        int nPlans = plans.size();
        if ((long) batch * nPlans > Integer.MAX_VALUE || n * nPlans > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many runs: " + n + " members x " + nPlans + " plans");
        }
        int total = (int) ((n - from) * nPlans);
        AtomicInteger done = new AtomicInteger();
        int workers = (int) Math.min(threads, Math.max(1, Math.min(n - from, batch) * nPlans));
        // each worker's share of its run under way (as double bits), for CohortProgress#within
        java.util.concurrent.atomic.AtomicLongArray underWay = new java.util.concurrent.atomic.AtomicLongArray(workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "vascalc-cohort");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<Simulator> shared = ThreadLocal.withInitial(() -> factory.create(base));
        long first = from;
        try {
            while (first < n) {
                if (stop.getAsBoolean()) {
                    return new Streamed(first, n, true);
                }
                int size = (int) Math.min(batch, n - first);
                List<VirtualPerson> members = new ArrayList<>(size);
                for (int j = 0; j < size; j++) {
                    members.add(memberAt.apply(first + j));
                }
                int jobs = size * nPlans; // member-major: job k is member k / nPlans in plan k % nPlans
                Object[] results = new Object[jobs];
                boolean[] ran = new boolean[jobs];
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < Math.min(workers, jobs); w++) {
                    int slot = w;
                    ProgressListener within = !progress.withinRuns() ? ProgressListener.NONE : fraction -> {
                        underWay.set(slot, Double.doubleToRawLongBits(fraction));
                        double sum = done.get();
                        for (int i = 0; i < underWay.length(); i++) {
                            sum += Double.longBitsToDouble(underWay.get(i));
                        }
                        progress.within(Math.min(sum, total), total);
                    };
                    futures.add(pool.submit(() -> {
                        for (int k = next.getAndIncrement(); k < jobs; k = next.getAndIncrement()) {
                            if (Thread.currentThread().isInterrupted()) {
                                // the caller was interrupted and the pool shut down: its result is not waited
                                // for, so start nothing more (a run does not watch the flag; the current one ends)
                                return null;
                            }
                            if (stop.getAsBoolean()) {
                                next.set(jobs); // start nothing more; the runs already taken finish
                                return null;
                            }
                            VirtualPerson p = members.get(k / nPlans);
                            Simulator sim = p.individualParameters().isEmpty() ? shared.get()
                                    : factory.create(base.with(p.individualParameters()));
                            results[k] = runOne(sim, plans.get(k % nPlans).scenarioFor(p), p, mode, summary, refusal,
                                    within);
                            ran[k] = true;
                            underWay.set(slot, 0); // 0.0's bits
                            progress.finished(done.incrementAndGet(), total);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(); // also publishes the workers' writes to results
                }
                int finished = 0;
                while (finished < jobs && ran[finished]) {
                    finished++;
                }
                int whole = finished / nPlans;
                if (whole > 0) {
                    sink.accept(List.copyOf(members.subList(0, whole)), byPlan(results, whole, nPlans));
                }
                first += whole;
                if (whole < size) {
                    return new Streamed(first, n, true);
                }
            }
            return new Streamed(first, n, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cohort run interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cohort member failed: " + c, c);
        } catch (RuntimeException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cohort output failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What {@code summary} keeps of member {@code p}'s run, or {@code refusal}'s value if the model refuses the inputs. */
    private static <R> R runOne(Simulator sim, Scenario scenario, VirtualPerson p, Mode mode, Summary<R> summary,
                                Refusal<R> refusal, ProgressListener within) {
        SimulationResult r;
        try {
            r = sim.run(scenario, mode, within);
        } catch (ModelDomainException e) { // the member's inputs, not a bug: name the member, or leave them to refusal
            if (refusal == null) {
                throw e.in(member(p, scenario), "");
            }
            return refusal.refused(p, e);
        }
        return summary.summarise(p, r);
    }

    /** Which member failed and its inputs: "cohort member 17 (scenario x: 63 y, FEMALE, eGFR 55 mL/min/1.73 m², ...)". */
    static String member(VirtualPerson p, Scenario scenario) {
        Patient pt = p.patient();
        StringBuilder b = new StringBuilder("cohort member ").append(p.index()).append(" (scenario ").append(scenario.name())
                .append(": ").append(fmt(pt.ageYears(), 4)).append(" y, ").append(pt.sex().name().toLowerCase(Locale.ROOT))
                .append(", eGFR ").append(fmt(pt.egfrMlPerMin(), 4)).append(" mL/min/1.73 m²");
        new TreeMap<>(p.individualParameters()).forEach((name, value) -> b.append(", ").append(name).append(' ')
                .append(fmt(value, 4)));
        return b.append(')').toString();
    }

    @SuppressWarnings("unchecked")
    private static <R> List<List<R>> byPlan(Object[] results, int members, int nPlans) {
        List<List<R>> out = new ArrayList<>(nPlans);
        for (int p = 0; p < nPlans; p++) {
            Object[] col = new Object[members];
            for (int j = 0; j < members; j++) {
                col[j] = results[j * nPlans + p];
            }
            out.add((List<R>) Arrays.asList(col));
        }
        return out;
    }
}
