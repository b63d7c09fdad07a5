package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.numeric.PowersOf;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.physiology.wall.WallBlock;

/**
 * The standard list of blocks in state-vector order, and the parameter catalog they share:
 * {@code mineral}, {@code vitk} (vitamin K, MGP carboxylation) and {@code wall} (vascular wall, which
 * reads {@code mineral.caEcf}, {@code mineral.po4Ecf} and {@code vitk.cMgpFraction}). Append, never
 * reorder.
 */
public final class ModelAssembly {

    private static final String INTAKE_RESOURCE = "/org/vascalc/simulation/engine/intake-parameters.csv";

    private ModelAssembly() {
    }

    /** Every catalog of the standard model, merged (names must not clash). */
    public static ParameterCatalog defaultParameters() {
        return MineralBlock.defaultParameters().plus(intakeParameters())
                .plus(ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG))
                .plus(WallBlock.defaultCatalog());
    }

    static ParameterCatalog intakeParameters() {
        return ParameterCatalog.fromResource(ModelAssembly.class, INTAKE_RESOURCE);
    }

    /** Fresh block instances (blocks hold per-patient derived constants, so one set per simulator). */
    public static List<Block> standardBlocks(ParameterCatalog parameters) {
        return standardBlocks(parameters, true);
    }

    /**
     * The standard blocks, the wall only if {@code withWall} (the engine-alone model, which never
     * constructs the wall: compiling its parameters was 1.5 % of an engine decade).
     */
    static List<Block> standardBlocks(ParameterCatalog parameters, boolean withWall) {
        return standardBlocks(parameters, withWall, new PowersOf.Shared());
    }

    /**
     * {@link #standardBlocks(ParameterCatalog, boolean)} whose mineral block takes its powers' tables
     * from {@code powers} (kept by a simulator from run to run, on its one thread).
     */
    static List<Block> standardBlocks(ParameterCatalog parameters, boolean withWall, PowersOf.Shared powers) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new MineralBlock(parameters, powers));
        blocks.add(new VitaminKBlock(parameters));
        if (withWall) {
            requireOneExtracellularVolume(parameters);
            blocks.add(new WallBlock(parameters));
        }
        return List.copyOf(blocks);
    }

    /**
     * The mineral block's {@code ecfVolume} (its pools' volume) and the wall's {@code ecfVolumeL} (which
     * turns those pools into the concentrations that drive calcification) are one quantity held in two
     * catalogs. A catalog that changes one alone makes the blocks disagree about serum calcium and fakes
     * a large effect on calcification (found by the sensitivity analysis), so it is refused.
     */
    static void requireOneExtracellularVolume(ParameterCatalog parameters) {
        double mineral = parameters.value("ecfVolume");
        double wall = parameters.value("ecfVolumeL");
        if (mineral != wall) {
            throw new InvalidInputException("the parameter set", InputProblem.error("ecfVolumeL",
                    "= " + wall + " L differs from ecfVolume = " + mineral + " L: both are the one extracellular"
                            + " fluid volume (the mineral block's pools and the wall's concentrations); give both"
                            + " the same value (allowed 12 to 16 L)"));
        }
    }

    /** Output ids whose relative change decides when stabilisation has converged (Pulse-style). */
    static List<String> stabilisationOutputs() {
        return List.of("serumCalciumTotal", "serumPhosphate", "pth", "calcitriol");
    }
}
