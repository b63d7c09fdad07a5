package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.scenario.ScenarioFiles.Format;

/**
 * A typo in {@code recording.outputs} is found when the file is read, with the file's other problems, at its own
 * index and with the near id (leftovers13: it was found only when the run started, after every other problem had
 * been fixed); without the model's ids (a model that does not list them) nothing is checked there.
 */
class RecordingOutputsAtLoadTest {

    private static final Set<String> ENGINE = new EngineSimulatorFactory().recordableIds();

    private static final String TYPOS = """
            name: typos
            patient: {age: 60}
            durationDays: 1
            recording: {outputs: [serumCalciumTotl, 5, cacAgatston, zqxwvjkyb, pthPgMl], intervalHours: 1}
            """;

    @Test
    void anUnknownOutputIsReportedWithTheFilesOtherProblemsAtItsOwnIndex() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioFiles.parse(TYPOS, Format.YAML, "scenario file typos.yaml", ENGINE));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(InputProblem::path).containsExactly("patient.age",
                "recording.outputs[0]", "recording.outputs[1]", "recording.outputs[3]");
        assertThat(e.problems().get(1).message())
                .isEqualTo("no output or state variable named 'serumCalciumTotl' (did you mean 'serumCalciumTotal'?)");
        assertThat(e.problems().get(2).message()).startsWith("expected an output id");
        assertThat(e.problems().get(3).message()).contains("'zqxwvjkyb'").contains("known ids: ")
                .contains("cacAgatston").contains("pthPgMl");
        assertThat(e.getMessage()).startsWith("scenario file typos.yaml has 4 problems");
    }

    /**
     * leftovers15: a typo in the start of a long id ("serumCalcum", six edits from serumCalciumTotal) got the whole
     * list of ids; now the ids whose start it nearly is (both calcium ids, which start serumCalcium).
     */
    @Test
    void aTypoInTheStartOfALongIdIsNamedWithThatId() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioFiles.parse("""
                name: typo
                durationDays: 1
                recording: {outputs: [serumCalcum, cacAgatson], intervalHours: 1}
                """, Format.YAML, "typo", ENGINE));
        assertThat(e.problems()).extracting(InputProblem::message).containsExactly(
                "no output or state variable named 'serumCalcum' (did you mean 'serumCalciumIonised' or 'serumCalciumTotal'?)",
                "no output or state variable named 'cacAgatson' (did you mean 'cacAgatston'?)");
    }

    @Test
    void withoutTheModelsIdsOnlyTheFilesOwnProblemsAreFound() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioFiles.parse(TYPOS, Format.YAML, "typos"));
        assertThat(e.problems()).extracting(InputProblem::path).containsExactly("patient.age", "recording.outputs[1]");
    }

    @Test
    void theRegisteredModelListsItsIdsAndEveryPackagedScenarioRecordsOnlyThose() throws Exception {
        assertThat(SimulatorFactory.load().recordableIds()).isEqualTo(ENGINE)
                .contains("serumCalciumTotal", "cacAgatston", "dpUcMgp", "wall.hazardMi");
        try (var files = Files.walk(ProjectFiles.require("examples/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.(yaml|json)")).toList()) {
                ScenarioFiles.load(f, ENGINE); // throws on an unknown id
            }
        }
    }
}
