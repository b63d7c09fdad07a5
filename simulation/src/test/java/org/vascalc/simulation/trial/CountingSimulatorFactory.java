package org.vascalc.simulation.trial;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;

/**
 * The model's simulators, their runs counted: started, refused at the member's inputs ({@link ModelDomainException},
 * thrown where the start is derived, before the run-in), and the names of the threads they ran on. Deterministic
 * counters of what a trial costs, whatever the machine's load.
 */
final class CountingSimulatorFactory implements SimulatorFactory {

    private final SimulatorFactory model = new EngineSimulatorFactory();
    final AtomicInteger runs = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public ParameterCatalog defaultParameters() {
        return model.defaultParameters();
    }

    @Override
    public Simulator create(ParameterCatalog parameters) {
        Simulator sim = model.create(parameters);
        return (scenario, mode, progress) -> {
            runs.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            try {
                return sim.run(scenario, mode, progress);
            } catch (ModelDomainException e) {
                refused.incrementAndGet();
                throw e;
            }
        };
    }

    /**
     * Runs that derived the start and went on to the run-in: each is a run-in where every simulator runs one member
     * (a trial member has individual parameters, so a simulator of their own for each run: CohortRunner).
     */
    int runIns() {
        return runs.get() - refused.get();
    }
}
