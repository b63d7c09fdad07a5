package org.vascalc.simulation.stories;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * The wall stories of {@code examples/scenarios/wall/} run at full length in fast mode with the
 * model's default parameters, plus two variants built in code for the limits the page discusses
 * (high-dose MK-7 after warfarin; CKD G4 held for ten years). One simulator runs them in turn, so the
 * result does not depend on the thread count (about 8 s for all of them on one core).
 *
 * @param results    each run by story name, in {@link #STORIES} order, then the variants
 * @param parameters the parameters the runs used (the page quotes a few of them)
 */
public record StoryRuns(Map<String, SimulationResult> results, ParameterCatalog parameters) {

    /** The scenario files (without {@code .yaml}) the page tells, in the page's order. */
    public static final List<String> STORIES = List.of("food-calcium", "supplement-calcium", "supplement-plus-mk7",
            "warfarin-then-usual-diet", "warfarin-then-mk7", "no-warfarin", "warfarin", "normal-kidneys", "ckd-stage4",
            "no-statin", "statin");
    /** {@code warfarin-then-mk7} with ten times its MK-7 dose. */
    public static final String K2_HIGH_DOSE = "warfarin-then-mk7-x10";
    /** Factor of the high-dose variant's MK-7 dose. */
    static final double HIGH_DOSE_FACTOR = 10;
    /** {@code ckd-stage4} held for ten years, recording serum calcium too. */
    public static final String CKD_TEN_YEARS = "ckd-stage4-ten-years";
    static final double CKD_LONG_DAYS = 3652;

    public StoryRuns {
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** Runs every story of {@code dir} (the folder of the wall scenario files) and the two variants. */
    public static StoryRuns run(Path dir) {
        List<String> all = new ArrayList<>(STORIES);
        all.add(K2_HIGH_DOSE);
        all.add(CKD_TEN_YEARS);
        return run(dir, all);
    }

    /** Runs only the stories (or variants) named, in the order given. */
    public static StoryRuns run(Path dir, List<String> names) {
        // The page tells what the project's model does, so it asks for the engine by name rather than
        // whichever SimulatorFactory the class path registers first (tests of front ends register fakes).
        SimulatorFactory factory = new EngineSimulatorFactory();
        ParameterCatalog parameters = factory.defaultParameters();
        Simulator sim = factory.create(parameters);
        Map<String, SimulationResult> results = new LinkedHashMap<>();
        for (String name : names) {
            Scenario s = switch (name) {
                case K2_HIGH_DOSE -> higherMk7(load(dir, "warfarin-then-mk7"), HIGH_DOSE_FACTOR);
                case CKD_TEN_YEARS -> longer(load(dir, "ckd-stage4"), CKD_LONG_DAYS, "serumCalciumTotal");
                default -> load(dir, name);
            };
            results.put(name, sim.run(s, Mode.FAST, ProgressListener.NONE));
        }
        return new StoryRuns(results, parameters);
    }

    public SimulationResult result(String name) {
        SimulationResult r = results.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no story '" + name + "'");
        }
        return r;
    }

    public Trajectory trajectory(String name) {
        return result(name).trajectory();
    }

    public Scenario scenario(String name) {
        return result(name).scenario();
    }

    private static Scenario load(Path dir, String name) {
        return ScenarioFiles.load(dir.resolve(name + ".yaml")).scenarioWithoutParameters("a wall story");
    }

    private static Scenario higherMk7(Scenario s, double factor) {
        List<Intervention> out = new ArrayList<>();
        for (Intervention i : s.interventions()) {
            out.add(i instanceof Intervention.VitaminK k
                    ? new Intervention.VitaminK(k.form(), k.microgramsPerDose() * factor, k.schedule()) : i);
        }
        return new Scenario(K2_HIGH_DOSE, s.description() + " (MK-7 dose x" + factor + ")", s.patient(), s.conditions(),
                out, s.durationDays(), s.recording());
    }

    private static Scenario longer(Scenario s, double days, String extraOutput) {
        Recording r = s.recording();
        List<String> outputs = new ArrayList<>(r.outputs());
        if (!outputs.contains(extraOutput)) {
            outputs.add(extraOutput);
        }
        return new Scenario(CKD_TEN_YEARS, s.description() + " (held for " + days + " days)", s.patient(),
                s.conditions(), s.interventions(), days,
                new Recording(outputs, r.intervalHours(), r.fineIntervalHours(), r.fineFromDay(), r.fineToDay()));
    }
}
