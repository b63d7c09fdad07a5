package org.vascalc.simulation;

import org.vascalc.core.param.ParameterCatalog;

/**
 * Makes simulators for a parameter set. The model's implementation registers itself with
 * {@link java.util.ServiceLoader} (META-INF/services), so front ends (CLI, web, cohorts) find it
 * without depending on its classes.
 */
public interface SimulatorFactory {

    /** The model's default parameter catalog (every number with unit, range and evidence). */
    ParameterCatalog defaultParameters();

    /**
     * A new simulator (one per thread) using the given parameters. The model's factory refuses a catalog it cannot
     * run (null, not exactly its names, a unit or value outside its own) with an
     * {@link org.vascalc.core.input.InvalidInputException} naming every problem ({@link CatalogCheck}).
     */
    Simulator create(ParameterCatalog parameters);

    /**
     * The ids a scenario's {@code recording.outputs} may name (derived outputs and state variables), for a
     * scenario file's loader to find a typo with the file's other problems, before anything runs; empty
     * when the model does not say (nothing is checked then, and the run itself refuses an unknown id).
     */
    default java.util.Set<String> recordableIds() {
        return java.util.Set.of();
    }

    /**
     * The registered factory; fails with a clear message if the model is not on the class path.
     * When several are registered (a test double next to the model), the system property
     * {@code vascalc.simulatorFactory} names the class to use.
     */
    static SimulatorFactory load() {
        String wanted = System.getProperty("vascalc.simulatorFactory", "");
        return java.util.ServiceLoader.load(SimulatorFactory.class).stream()
                .filter(p -> wanted.isEmpty() || p.type().getName().equals(wanted))
                .findFirst().map(java.util.ServiceLoader.Provider::get)
                .orElseThrow(() -> new IllegalStateException("no VasCalc model (SimulatorFactory"
                        + (wanted.isEmpty() ? "" : " named " + wanted) + ") on the class path"));
    }
}
