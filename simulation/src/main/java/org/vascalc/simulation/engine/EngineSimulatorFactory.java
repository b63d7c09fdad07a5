package org.vascalc.simulation.engine;

import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/** Registers the engine with {@link java.util.ServiceLoader} (META-INF/services). */
public final class EngineSimulatorFactory implements SimulatorFactory {

    @Override
    public ParameterCatalog defaultParameters() {
        return ModelAssembly.defaultParameters();
    }

    @Override
    public Simulator create(ParameterCatalog parameters) {
        return new EngineSimulator(parameters);
    }
}
