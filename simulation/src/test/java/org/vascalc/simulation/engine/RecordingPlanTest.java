package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Trajectory;

/**
 * {@link RecordingPlan}'s times from the scenario's "record every" (every interval from 0, the last
 * clipped to the end, the end, and the fine window's times in [from, to) clipped to the run), its
 * channels (a derived output or a state variable by id, every derived output for an empty request, a
 * typo refused naming the field) and its rows, on the standard model and a hand-made state.
 */
class RecordingPlanTest {

    private static final AssembledModel MODEL = InitialisedModels.assembled(ModelAssembly.defaultParameters(),
            Scenarios.of("recording", 10, Recording.every(24)), false);

    private static double[] timesOf(Recording recording, double durationHours) {
        RecordingPlan plan = new RecordingPlan(recording, durationHours, MODEL);
        List<Double> times = new ArrayList<>();
        double[] y = new double[MODEL.dimension()];
        Drivers drivers = new Drivers();
        while (plan.nextTime() < Double.POSITIVE_INFINITY) {
            times.add(plan.nextTime());
            plan.record(y, drivers);
        }
        double[] out = times.stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(plan.trajectory().timesHours()).containsExactly(out);
        return out;
    }

    private static Recording fine(double every, double fineEvery, double fromDay, double toDay) {
        return new Recording(List.of(), every, fineEvery, fromDay, toDay);
    }

    @Test
    void everyIntervalFromZeroThenTheEndThenTheFineWindow() {
        // every 25 h over 60 h: 0, 25, 50 and the end 60
        assertThat(timesOf(Recording.every(25), 60)).containsExactly(0, 25, 50, 60);
        // every 24 h, finer (6 h) from day 1 to day 2: [24, 48) every 6 h, 48 itself from the main grid
        assertThat(timesOf(fine(24, 6, 1, 2), 60)).containsExactly(0, 24, 30, 36, 42, 48, 60);
        // a fine window past the end is clipped to it: [48, 60) every 5 h
        assertThat(timesOf(fine(10, 5, 2, 5), 60)).containsExactly(0, 10, 20, 30, 40, 48, 50, 53, 58, 60);
        // hourly over a day: 25 rows (0 ... 24 h), more than the first array holds
        double[] hourly = timesOf(Recording.every(1), 24);
        assertThat(hourly).hasSize(25).startsWith(0, 1, 2).endsWith(23, 24);
        // an empty fine window (from = to) adds nothing
        assertThat(timesOf(fine(30, 1, 1, 1), 60)).containsExactly(0, 30, 60);
    }

    @Test
    void timesThatRoundingPutsAHairFromTheEndAreNotRecordedTwice() {
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004: the third step is the end, 0.3, not a fifth row after it
        assertThat(timesOf(Recording.every(0.1), 0.3)).hasSize(4).endsWith(0.3);
        // ten fine steps of 0.1 h sum to 0.9999999999999999: the window [0, 1) ends there, the end 1 is the
        // last row (ten fine times 0 ... 0.9 and the end)
        double[] t = timesOf(fine(24, 0.1, 0, 1), 1);
        assertThat(t).hasSize(11).startsWith(0).endsWith(1);
        assertThat(t[9]).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void aRowHoldsEachRequestedChannelAtItsTime() {
        DerivedOutput d = MODEL.blocks()[0].outputs().get(0);
        String state = MODEL.layout().variable(3).id();
        RecordingPlan plan = new RecordingPlan(new Recording(List.of(state, d.id()), 12, 12, 0, 0), 24, MODEL);
        assertThat(plan.channels()).extracting(OutputChannel::id).containsExactly(state, d.id());
        assertThat(plan.channels().get(0).unit()).isEqualTo(MODEL.layout().variable(3).unit());
        assertThat(plan.channels().get(1).unit()).isEqualTo(d.unit());
        Drivers drivers = new Drivers();
        double[] y = InitialisedModels.initialState(MODEL, Scenarios.of("recording", 10, Recording.every(24)).patient());
        y[3] = 42.5;
        for (int row = 0; row < 3; row++) {
            double t = plan.nextTime();
            assertThat(t).isEqualTo(12.0 * row);
            y[3] = 42.5 + row;
            plan.record(y.clone(), drivers);
        }
        Trajectory tr = plan.trajectory();
        assertThat(tr.series(state)).containsExactly(42.5, 43.5, 44.5);
        // the derived output is evaluated at the row's time (12 h for the second row) on the row's state
        y[3] = 43.5;
        assertThat(tr.value(1, 1)).isEqualTo(d.value(12, y, drivers));
        // RecordingPlan.value: a state's own value, a derived output's value
        assertThat(RecordingPlan.value(state, MODEL, y, drivers)).isEqualTo(43.5);
        assertThat(RecordingPlan.value(d.id(), MODEL, y, drivers)).isEqualTo(d.value(0, y, drivers));
    }

    @Test
    void anEmptyRequestRecordsEveryDerivedOutputAndATypoIsRefusedByName() {
        List<String> every = new ArrayList<>();
        for (Block b : MODEL.blocks()) {
            for (DerivedOutput d : b.outputs()) {
                every.add(d.id());
            }
        }
        RecordingPlan plan = new RecordingPlan(Recording.every(24), 48, MODEL);
        assertThat(plan.channels()).extracting(OutputChannel::id).containsExactlyElementsOf(every);
        assertThatThrownBy(() -> new RecordingPlan(new Recording(List.of("ecfCalciumm"), 24, 24, 0, 0), 48, MODEL))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("recording.outputs")
                .hasMessageContaining("'ecfCalciumm'");
    }

    @Test
    void everyUnknownIdIsNamedAtItsOwnIndexWithTheNearIdOrTheKnownOnes() {
        // index 0 one letter off a real output, index 1 real, index 2 near nothing (nine letters, three edits
        // allowed, far from every id)
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> new RecordingPlan(new Recording(List.of("serumCalciumTotl", "serumCalciumTotal", "zqxwvjkyb"),
                        24, 24, 0, 0), 48, MODEL));
        assertThat(e.problems()).extracting(p -> p.path())
                .containsExactly("recording.outputs[0]", "recording.outputs[2]");
        assertThat(e.problems().get(0).message()).contains("'serumCalciumTotl'")
                .contains(" (did you mean 'serumCalciumTotal'?)");
        // nothing near: the known ids, derived outputs and state variables both
        String state = MODEL.layout().variable(3).id();
        assertThat(e.problems().get(1).message()).contains("'zqxwvjkyb'").doesNotContain("did you mean")
                .contains("known ids: ").contains("pthPgMl").contains(state);
        // the start of several ids names them; a second id near nothing points to the list, not repeats it
        InvalidInputException several = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> new RecordingPlan(new Recording(List.of("zqxwvjkyb", "serumCalcium", "qqqqqqqq"),
                        24, 24, 0, 0), 48, MODEL));
        assertThat(several.problems().get(1).message()).endsWith(" (did you mean 'serumCalciumIonised' or "
                + "'serumCalciumTotal'?)");
        assertThat(several.problems().get(2).message()).endsWith("; the known ids are listed under "
                + "recording.outputs[0]");
    }

    /**
     * review11: a run refusing an unknown output said "scenario has 1 problem", the only problem of a scenario not
     * named by it (ScenarioCheck says "scenario NAME has ..."), and the command line printed "scenario file F:
     * scenario has 1 problem".
     */
    @Test
    void aRunRefusingAnUnknownOutputNamesItsScenario() {
        var factory = new EngineSimulatorFactory();
        var scenario = new org.vascalc.simulation.Scenario("my-run", "", org.vascalc.core.patient.Patient.referenceAdult(),
                List.of(), List.of(), 1, new Recording(List.of("dpucmgp"), 24, 24, 0, 0));
        assertThatThrownBy(() -> factory.create(factory.defaultParameters()).run(scenario,
                org.vascalc.simulation.Mode.FAST, org.vascalc.simulation.ProgressListener.NONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).startsWith("scenario my-run has 1 problem:");
                    assertThat(e.problems().get(0).message()).isEqualTo(
                            "no output or state variable named 'dpucmgp' (did you mean 'dpUcMgp'?)");
                });
    }
}
