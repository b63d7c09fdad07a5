package org.vascalc.simulation.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * A check that runs one or more scenario files of {@code examples/calibration/} (the target's
 * scenario in words, written as data) and computes the statistic from their results, in file
 * order; e.g. a ratio target runs two files and divides. The files are read on the first run (so
 * that listing the checks never fails on a missing file) and kept.
 */
public final class ScenarioFileCheck implements TargetCheck {

    private final String targetId;
    private final Mode mode;
    private final List<String> files;
    private List<Scenario> scenarios;
    private final ToDoubleFunction<List<SimulationResult>> statistic;

    /**
     * @param targetId  the target's id, e.g. {@code E11}
     * @param mode      the engine mode the target needs (REFERENCE for hour-scale excursions)
     * @param files     file names under {@code examples/calibration/}
     * @param statistic computes the target's statistic, in its unit, from the runs in file order
     */
    public ScenarioFileCheck(String targetId, Mode mode, List<String> files,
                             ToDoubleFunction<List<SimulationResult>> statistic) {
        this.targetId = Objects.requireNonNull(targetId, "targetId");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.statistic = Objects.requireNonNull(statistic, "statistic");
        this.files = List.copyOf(files);
    }

    public static Path calibrationFile(String name) {
        return ProjectFiles.require("examples/calibration/" + name);
    }

    @Override
    public String targetId() {
        return targetId;
    }

    /** The scenarios, read from their files on first use. */
    public synchronized List<Scenario> scenarios() {
        if (scenarios == null) {
            List<Scenario> s = new ArrayList<>();
            for (String f : files) {
                s.add(ScenarioFiles.load(calibrationFile(f)).scenarioWithoutParameters("a calibration check"));
            }
            scenarios = List.copyOf(s);
        }
        return scenarios;
    }

    @Override
    public double modelValue(Simulator simulator) {
        List<SimulationResult> results = new ArrayList<>();
        for (Scenario s : scenarios()) {
            results.add(simulator.run(s, mode, ProgressListener.NONE));
        }
        return statistic.applyAsDouble(results);
    }
}
