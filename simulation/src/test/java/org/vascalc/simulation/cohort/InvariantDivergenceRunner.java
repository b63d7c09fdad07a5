package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * {@link WholeModelInvariantIT}'s cohort (same seed, patients, scenario) with a per-patient catch:
 * prints every patient whose fast run fails (with the message) or takes the most derivative calls,
 * so that a diverging patient can be named. Developer aid, on request only
 * ({@code -Dvascalc.scratch=true}; {@code -Dvascalc.invariant.patients}, {@code -Dvascalc.invariant.first}).
 * {@code -Dvascalc.scratch.patient=N} prints that patient's monthly rows instead ({@code -Dvascalc.scratch.days}: a
 * shorter run, e.g. up to a failure).
 */
class InvariantDivergenceRunner {

    private static final long SEED = 20261130L;
    private static final double DAYS = Math.floor(10 * Time.DAYS_PER_YEAR);

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws Exception {
        int n = Integer.getInteger("vascalc.invariant.patients", 1000);
        long first = Long.getLong("vascalc.invariant.first", 0);
        long single = Long.getLong("vascalc.scratch.patient", -1);
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        List<String> states = ModelAssembly.standardBlocks(catalog).stream().collect(
                java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                        StateLayout::new)).variables().stream().map(StateVariable::id).toList();
        VirtualPopulation pop = new VirtualPopulation(SEED, catalog);
        EngineSimulatorFactory factory = new EngineSimulatorFactory();
        if (single >= 0) {
            VirtualPerson p = pop.plausible(single);
            System.out.println("PATIENT " + p.patient());
            SimulationResult r = run(factory, catalog, p, states);
            var tr = r.trajectory();
            for (int k = 0; k < states.size(); k++) {
                System.out.printf("%2d %s%n", k, states.get(k));
            }
            for (int m = 0; m < tr.size(); m++) {
                StringBuilder b = new StringBuilder(String.format("%9.0f", tr.time(m)));
                for (double v : tr.row(m)) {
                    b.append(String.format(" %.5g", v));
                }
                System.out.println(b);
            }
            System.out.println("COUNTERS " + r.counters());
            return;
        }
        List<VirtualPerson> people = new ArrayList<>();
        for (long i = first; i < first + n; i++) {
            people.add(pop.plausible(i));
        }
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong totalCalls = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong totalOrbits = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong totalPeriods = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < people.size(); i = next.getAndIncrement()) {
                    VirtualPerson p = people.get(i);
                    try {
                        SimulationResult r = run(factory, catalog, p, states);
                        long calls = r.counters().get("derivativeEvaluations");
                        Object orbits = r.counters().get("orbits");
                        totalCalls.addAndGet(calls);
                        totalOrbits.addAndGet(r.counters().get("orbits"));
                        totalPeriods.addAndGet(r.counters().get("orbitPeriods"));
                        if (calls > 150_000) {
                            System.out.println("COSTLY " + (first + i) + " " + p.patient().id() + " calls " + calls
                                    + " orbits " + orbits);
                        }
                    } catch (RuntimeException e) {
                        System.out.println("FAILED " + (first + i) + " " + p.patient().id() + ": " + e.getMessage()
                                + " | " + p.patient());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.println("DONE " + n + " derivative calls " + totalCalls + " orbits " + totalOrbits
                + " periods " + totalPeriods);
    }

    private static SimulationResult run(EngineSimulatorFactory factory, ParameterCatalog catalog, VirtualPerson p,
                                        List<String> states) {
        double days = Double.parseDouble(System.getProperty("vascalc.scratch.days", Double.toString(DAYS)));
        Simulator sim = factory.create(p.individualParameters().isEmpty() ? catalog
                : catalog.with(p.individualParameters()));
        return sim.run(new Scenario(p.patient().id(), "invariant", p.patient(), List.of(),
                FollowUp.scenario(p, 10).interventions(), days, new Recording(states, 30 * 24, 24, 0, 2)),
                Mode.FAST, ProgressListener.NONE);
    }
}
