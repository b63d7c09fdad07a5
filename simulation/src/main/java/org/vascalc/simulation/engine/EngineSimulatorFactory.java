package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.simulation.CatalogCheck;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/** Registers the engine with {@link java.util.ServiceLoader} (META-INF/services). */
public final class EngineSimulatorFactory implements SimulatorFactory {

    @Override
    public ParameterCatalog defaultParameters() {
        return ModelAssembly.defaultParameters();
    }

    /**
     * The standard model's ids, the wall's included; the same for every catalog (a catalog changes numbers,
     * never which blocks, outputs or states there are). Gathered once.
     */
    @Override
    public Set<String> recordableIds() {
        return Recordable.IDS;
    }

    /** The model's catalog the created simulators' catalogs are checked against: read once (immutable). */
    private static final class ModelCatalog {
        static final ParameterCatalog CATALOG = ModelAssembly.defaultParameters();
    }

    private static final class Recordable {
        static final Set<String> IDS = ids();

        private static Set<String> ids() {
            List<Block> blocks = ModelAssembly.standardBlocks(ModelAssembly.defaultParameters());
            List<String> outputs = new ArrayList<>();
            for (Block b : blocks) {
                b.outputs().forEach(d -> outputs.add(d.id()));
            }
            return Collections.unmodifiableSet(RecordingPlan.recordableIds(outputs, StateLayout.of(blocks)));
        }
    }

    /**
     * Refuses ({@link org.vascalc.core.input.InvalidInputException}, as the library refuses every input a caller can
     * get wrong; an IllegalArgumentException until leftovers23; every problem at once) a null catalog, one without exactly the model's
     * names, or one whose units or values lie outside the model's ({@link CatalogCheck}, the CLI's check of
     * {@code --parameters}): before staticfree they failed only at the run (a bare NullPointerException, "no
     * parameter named 'ecfVolume'") or ran a number in the wrong unit without a word.
     */
    @Override
    public Simulator create(ParameterCatalog parameters) {
        return new EngineSimulator(CatalogCheck.requireRunnable("parameter catalog", parameters, ModelCatalog.CATALOG));
    }
}
