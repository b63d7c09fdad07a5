package org.vascalc.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.scenario.ScenarioFiles;

/** Loads a scenario file, runs it in fast mode and reads its outputs once a year. */
public final class RunScenarioFile {

    /** One year: CT score (Agatston units), medial coronary calcium (mg), total serum calcium (mmol/L). */
    public record Year(int year, double cacAgatston, double medialCalciumMg, double serumCalciumMmolL) {
    }

    public static List<Year> yearly(Path scenarioFile) {
        // every problem of the file at once (field path, value, unit, allowed range), or the scenario
        ScenarioFiles.Loaded loaded = ScenarioFiles.load(scenarioFile);
        loaded.warnings().forEach(w -> System.err.println("warning: " + w));

        SimulatorFactory factory = SimulatorFactory.load(); // the model, found on the class path
        Simulator simulator = factory.create(factory.defaultParameters()); // one per thread
        SimulationResult result = simulator.run(loaded.scenario(), Mode.FAST, ProgressListener.NONE);

        Trajectory t = result.trajectory(); // times in hours from the end of the run-in
        double[] hours = t.timesHours();
        double[] cac = t.series("cacAgatston");
        double[] medial = t.series("cacMedialMass");
        double[] calcium = t.series("serumCalciumTotal");
        List<Year> years = new ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            if (hours[i] >= Time.years(years.size())) { // the first record at or after each whole year
                years.add(new Year(years.size(), cac[i], medial[i], calcium[i]));
            }
        }
        return years;
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/scenarios/ten-year-fast.yaml");
        for (Year y : yearly(file)) {
            System.out.printf("year %2d  CT score %7.2f AU  medial calcium %7.3f mg  serum calcium %.3f mmol/L%n",
                    y.year(), y.cacAgatston(), y.medialCalciumMg(), y.serumCalciumMmolL());
        }
    }
}
