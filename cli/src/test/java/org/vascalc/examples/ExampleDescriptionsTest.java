package org.vascalc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.physiology.mineral.HabitualMeals;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/** What an example scenario's description says of its timing, its interventions do. */
class ExampleDescriptionsTest {

    /**
     * review9: mk7-supplement's description said "with breakfast" while its dose is at 07:00 and the habitual
     * breakfast at 08:00. A vitamin K dose has no "with food" flag (the model does not make its absorption depend
     * on a meal), so "with breakfast" can only be a claim about the clock: the dose must be at the habitual
     * breakfast's hour. A calcium tablet's {@code withFood: true} says it is taken with some food, not with which
     * meal: ten-year-fast said "with breakfast" of a 07:00 tablet (docswalk), so a calcium tablet said to be taken
     * with breakfast has a dose at the breakfast's hour too (it may have others: "with breakfast and dinner").
     */
    @Test
    void aDoseSaidToBeWithBreakfastIsAtTheHabitualBreakfast() throws IOException {
        double breakfast = HabitualMeals.from(new EngineSimulatorFactory().defaultParameters()).hour(0);
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ProjectFiles.require("examples/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Scenario s = ScenarioFiles.load(f).scenario();
                if (!s.description().toLowerCase(Locale.ROOT).contains("with breakfast")) {
                    continue;
                }
                for (Intervention i : s.interventions()) {
                    if (i instanceof Intervention.VitaminK k && !k.schedule().clockHours().equals(List.of(breakfast))) {
                        wrong.add(f.getFileName() + ": dose at " + k.schedule().clockHours() + " h, breakfast at "
                                + breakfast + " h");
                    }
                    if (i instanceof Intervention.CalciumSupplement c && !c.schedule().clockHours().contains(breakfast)) {
                        wrong.add(f.getFileName() + ": calcium tablet at " + c.schedule().clockHours() + " h, breakfast at "
                                + breakfast + " h");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
