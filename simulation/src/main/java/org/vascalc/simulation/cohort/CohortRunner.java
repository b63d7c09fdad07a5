package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.vascalc.core.param.ParameterCatalog;
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

    /** Runs every member and returns the summaries in member order. */
    public <R> List<R> run(List<VirtualPerson> members, ScenarioPlan plan, Mode mode, Summary<R> summary,
                           CohortProgress progress) {
        int n = members.size();
        List<R> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int workers = Math.min(threads, Math.max(1, n));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "vascalc-cohort");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    Simulator shared = factory.create(base);
                    Function<VirtualPerson, Simulator> simulatorFor = p -> p.individualParameters().isEmpty()
                            ? shared : factory.create(base.with(p.individualParameters()));
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        VirtualPerson p = members.get(i);
                        SimulationResult r = simulatorFor.apply(p).run(plan.scenarioFor(p), mode, ProgressListener.NONE);
                        R s = summary.summarise(p, r);
                        synchronized (out) {
                            out.set(i, s);
                        }
                        progress.finished(done.incrementAndGet(), n);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cohort run interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cohort member failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
        synchronized (out) {
            return List.copyOf(out);
        }
    }
}
