package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.FileKind;
import org.vascalc.core.input.InputFileMappers;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.scenario.ScenarioFiles.Format;

class ScenarioFilesTest {

    static Stream<Path> examples() throws IOException {
        Path scen = ProjectFiles.require("examples/scenarios");
        Path cal = ProjectFiles.require("examples/calibration");
        // Walk the folders: the wall stories live in examples/scenarios/wall/.
        try (Stream<Path> a = Files.walk(scen); Stream<Path> b = Files.walk(cal)) {
            return Stream.concat(a.toList().stream(), b.toList().stream()).filter(Files::isRegularFile).sorted();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleLoadsWithoutErrors(Path file) {
        ScenarioFiles.Loaded l = ScenarioFiles.load(file);
        assertThat(l.scenario().name()).isEqualTo(file.getFileName().toString().replaceFirst("\\.(yaml|json)$", ""));
        assertThat(l.sha256()).hasSize(64);
        assertThat(l.warnings()).as("warnings of " + file).isEmpty();
    }

    static Stream<Path> yamlScenarioExamples() throws IOException {
        try (Stream<Path> a = Files.walk(ProjectFiles.require("examples/scenarios"))) {
            return a.toList().stream().filter(p -> p.toString().endsWith(".yaml")).sorted();
        }
    }

    /**
     * A scenario file is an example: its header comment says how to run it (the command line a reader
     * copies, naming the file itself). Four examples lacked one (the last session's note).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlScenarioExamples")
    void everyScenarioExampleSaysInItsHeaderHowToRunIt(Path file) throws IOException {
        Path root = ProjectFiles.require("examples").getParent();
        String self = root.relativize(file).toString().replace('\\', '/');
        List<String> header = Files.readAllLines(file).stream().takeWhile(l -> l.startsWith("#")).toList();
        // the command may go on over continuation lines (a backslash at the end of a line)
        assertThat(header).as("header comment of %s", self).anyMatch(l -> l.contains("./vascalc simulate "));
        assertThat(header).as("header comment of %s", self).anyMatch(l -> l.contains(self + " ") || l.endsWith(self));
    }

    /**
     * Rows either resolve the daily cycle (a whole number of rows per day) or fall at one clock time
     * of it (a whole number of days apart). Rows a twelfth of a year apart (730.5 h) fell at a
     * different clock time each month, and serum calcium in the wall stories drew the meals' cycle
     * as a slow wave that is not there.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlScenarioExamples")
    void everyScenarioExampleRecordsInStepWithTheDailyCycle(Path file) {
        var r = ScenarioFiles.load(file).scenario().recording();
        for (double h : new double[] {r.intervalHours(), r.fineIntervalHours()}) {
            double perDay = 24 / h;
            double days = h / 24;
            assertThat(Math.abs(perDay - Math.rint(perDay)) < 1e-9 || Math.abs(days - Math.rint(days)) < 1e-9)
                    .as("%s: a recording interval of %s h neither divides a day nor is whole days", file.getFileName(), h)
                    .isTrue();
        }
    }

    @Test
    void everyEngineTargetHasAtLeastOneCalibrationScenario() throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(ProjectFiles.require("examples/calibration"))) {
            names = s.map(p -> p.getFileName().toString()).toList();
        }
        for (int i = 1; i <= 25; i++) {
            String id = String.format("E%02d", i);
            assertThat(names).as(id).anyMatch(n -> n.startsWith(id + "-"));
        }
    }

    /**
     * A trial file passed to simulate or sensitivity listed a dozen unknown keys and never said what
     * the file was; now the first problem says so (and TrialFiles says the mirror of it).
     */
    @Test
    void aTrialFileGivenAsAScenarioSaysSoFirst() throws IOException {
        String trial = Files.readString(ProjectFiles.require("examples/trials/saltire.yaml"));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioFiles.parse(trial, Format.YAML, "saltire.yaml"));
        assertThat(e.problems().get(0).message()).contains("this looks like a trial file", "./vascalc trial FILE");
        assertThat(e.problems()).extracting(InputProblem::message).anyMatch(m -> m.contains("unknown key 'title'"));
        String scenario = Files.readString(ProjectFiles.require("examples/scenarios/wall/food-calcium.yaml"));
        InvalidInputException t = catchThrowableOfType(InvalidInputException.class,
                () -> TrialFiles.parse(scenario, "food-calcium", "food-calcium.yaml"));
        assertThat(t.problems().get(0).message()).contains("this looks like a scenario file", "./vascalc simulate FILE");
    }

    /** simulate given a phantom spec or a patient file listed unknown keys and never said what the file was. */
    @Test
    void aPhantomSpecOrPatientFileGivenAsAScenarioSaysSoFirst() throws IOException {
        String phantom = Files.readString(ProjectFiles.require("examples/phantoms/mixed-plaque.yaml"));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioFiles.parse(phantom, Format.YAML, "mixed-plaque.yaml"));
        assertThat(e.problems().get(0).message()).contains("this looks like a phantom spec",
                "./vascalc phantom --spec FILE", "docs/scenario-format.md");
        String patient = Files.readString(ProjectFiles.require("examples/patients/k2-falling-score.yaml"));
        e = catchThrowableOfType(InvalidInputException.class,
                () -> ScenarioFiles.parse(patient, Format.YAML, "k2-falling-score.yaml"));
        assertThat(e.problems().get(0).message()).contains("this looks like a patient file",
                "./vascalc risk --patient FILE");
    }

    /** A folder given as a scenario file was refused for its "unsupported file extension". */
    @Test
    void aFolderGivenAsAScenarioFileIsNamedAsAFolder() {
        Path dir = ProjectFiles.require("examples/scenarios");
        assertThatThrownBy(() -> ScenarioFiles.load(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a folder; give a scenario file (.yaml, .yml or .json)")
                .hasMessageNotContaining("extension");
    }

    @Test
    void theJsonAndYamlFormsOfAScenarioGiveTheSameRecord() {
        Path dir = ProjectFiles.require("examples/scenarios");
        Scenario yaml = ScenarioFiles.load(dir.resolve("calcium-supplement-fasting.yaml")).scenario();
        Scenario json = ScenarioFiles.load(dir.resolve("calcium-supplement-fasting.json")).scenario();
        assertThat(json).isEqualTo(yaml);
    }

    @Test
    void aSupplementFileMapsOneToOneOntoTheDomainRecords() {
        Scenario s = ScenarioFiles.parse("""
                name: t
                patient: {ageYears: 71, sex: male, serumCalciumMmolL: 2.4}
                conditions:
                  - {type: ckdStage, stage: G3b}
                  - {type: kidneyFunctionCourse, points: [{years: 0, egfrMlPerMin: 40}, {years: 5, egfrMlPerMin: 20}]}
                interventions:
                  - type: calciumSupplement
                    elementalMgPerDose: 500
                    salt: carbonate
                    withFood: true
                    schedule: {startDay: 1, stopDay: 8, clockHours: [8, 20], daysOfWeek: [0, 3]}
                durationDays: 10
                recording: {outputs: [serumCalciumTotal], intervalHours: 2}
                """, Format.YAML, "test").scenario();
        assertThat(s.patient().ageYears()).isEqualTo(71);
        assertThat(s.patient().serumCalciumMmolL()).hasValue(2.4);
        assertThat(s.patient().weightKg()).as("absent: the reference adult's").isEqualTo(70);
        assertThat(s.conditions()).containsExactly(
                Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G3B),
                new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, 40), new Condition.GfrPoint(5, 20))));
        assertThat(s.interventions()).containsExactly(new Intervention.CalciumSupplement(500,
                Intervention.CalciumSalt.CARBONATE, true, new Schedule(1, 8, List.of(8.0, 20.0), List.of(0, 3))));
        assertThat(s.recording().outputs()).containsExactly("serumCalciumTotal");
        assertThat(s.recording().intervalHours()).isEqualTo(2);
    }

    /** Sex is read as `vascalc risk` and the web forms read it: f, m, woman, man too, any case. */
    @Test
    void sexTakesTheAbbreviationsTheRiskCommandTakes() {
        for (String[] c : new String[][] {{"m", "MALE"}, {"M", "MALE"}, {"man", "MALE"}, {"f", "FEMALE"}, {"Woman", "FEMALE"}}) {
            Scenario s = ScenarioFiles.parse("name: t\ndurationDays: 1\nrecording: {intervalHours: 1}\npatient: {sex: " + c[0] + "}\n", Format.YAML, "t").scenario();
            assertThat(s.patient().sex()).as(c[0]).isEqualTo(Sex.valueOf(c[1]));
        }
        assertThatThrownBy(() -> ScenarioFiles.parse("name: t\ndurationDays: 1\nrecording: {intervalHours: 1}\npatient: {sex: x}\n", Format.YAML, "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("patient.sex: expected one of [female, male] (or f, m, woman, man), found text 'x'");
    }

    @Test
    void everyProblemIsReportedAtOnceWithPathValueUnitAndRange() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioFiles.parse("""
                name: bad
                patient: {ageYears: 500, weightKg: heavy, serumCalciumMmolL: 9.6}
                interventions:
                  - type: calciumSupplement
                    elementalMgPerDose: 50000
                    salt: gluconate
                    withFood: false
                    doseMg: 3
                    schedule: {clockHours: [25]}
                durationDays: 3
                recording: {intervalHours: 1}
                """, Format.YAML, "bad.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(InputProblem::path).contains("patient.ageYears", "patient.weightKg",
                "patient.serumCalciumMmolL", "interventions[0].elementalMgPerDose", "interventions[0].salt",
                "interventions[0].doseMg", "interventions[0].schedule.clockHours[0]");
        assertThat(e.getMessage())
                .contains("patient.ageYears: age = 500 years is outside the allowed range 18 to 110 years")
                .contains("patient.serumCalciumMmolL: serum total calcium = 9.6 mmol/L is outside the allowed range "
                        + "1.5 to 4 mmol/L")
                .contains("interventions[0].elementalMgPerDose: elemental calcium per dose = 50000 mg is outside the "
                        + "allowed range 0 to 2500 mg")
                .contains("patient.weightKg: body weight must be a number from 30 to 300 kg, found text 'heavy'")
                .contains("unknown key 'doseMg'")
                .contains("expected one of [carbonate, citrate], found text 'gluconate'");
    }

    @Test
    void theDialysateCalciumIsReadAndAMilliequivalentValueIsRejectedWithItsRange() {
        String ok = """
                name: hd
                conditions:
                  - type: haemodialysis
                    dialysateCalciumMmolL: 1.5
                  - type: haemodialysis
                durationDays: 1
                recording: {intervalHours: 1}
                """;
        List<Condition> conditions = ScenarioFiles.parse(ok, Format.YAML, "hd.yaml").scenario().conditions();
        assertThat(conditions).containsExactly(Condition.Haemodialysis.withDialysateCalcium(1.5),
                new Condition.Haemodialysis());
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ScenarioFiles.parse(
                ok.replace("1.5", "3.0"), Format.YAML, "bad.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("conditions[0].dialysateCalciumMmolL: dialysate calcium = 3 mmol/L is "
                + "outside the allowed range 0.5 to 2.5 mmol/L");
    }

    @Test
    void aNameTooLongForAnOutputFileNameIsRejected() {
        String longName = "a".repeat(ScenarioFiles.MAX_NAME_LENGTH + 1);
        assertThatThrownBy(() -> ScenarioFiles.parse("name: " + longName + "\ndurationDays: 1\nrecording: {intervalHours: 1}\n",
                Format.YAML, "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name: 'aaaaaaaaaaaaaaaaaaaa...' is 101 characters long; it is used in output file names: "
                        + "use at most 100 characters");
        String longest = "a".repeat(ScenarioFiles.MAX_NAME_LENGTH);
        assertThat(ScenarioFiles.parse("name: " + longest + "\ndurationDays: 1\nrecording: {intervalHours: 1}\n",
                Format.YAML, "t").scenario().name()).isEqualTo(longest);
    }

    @Test
    void anUnknownKeyIsRejectedWithItsPathAndTheAllowedKeys() {
        assertThatThrownBy(() -> ScenarioFiles.parse("""
                name: t
                durationDays: 1
                recording: {intervalHours: 1, every: 2}
                """, Format.YAML, "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("recording.every: unknown key 'every'; allowed here: outputs, intervalHours");
    }

    /** review9: a key one letter off was named without a guess, beside a list of eight. */
    @Test
    void aMistypedKeyIsNamedWithTheKeyItWasMostLikelyMeantToBe() {
        assertThatThrownBy(() -> ScenarioFiles.parse("""
                name: t
                durationDay: 1
                recording: {intervalHour: 1}
                """, Format.YAML, "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("durationDay: unknown key 'durationDay' (did you mean 'durationDays'?); allowed here: ")
                .hasMessageContaining("recording.intervalHour: unknown key 'intervalHour' (did you mean 'intervalHours'?); allowed here: ");
    }

    @Test
    void aMissingRequiredFieldAndAnUnknownTypeAreNamed() {
        assertThatThrownBy(() -> ScenarioFiles.parse("""
                {"name": "t", "interventions": [{"type": "aspirin"}], "recording": {"intervalHours": 1}}
                """, Format.JSON, "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("durationDays: missing; duration is required, a number from 0.01 to 36525 days")
                .hasMessageContaining("interventions[0].type: expected one of [dietaryCalcium");
    }

    @Test
    void valuesOutsideTheTypicalRangeAreWarningsNotErrors() {
        ScenarioFiles.Loaded l = ScenarioFiles.parse("""
                name: t
                patient: {ageYears: 95}
                durationDays: 1
                recording: {intervalHours: 1}
                """, Format.YAML, "t");
        assertThat(l.warnings()).singleElement().extracting(InputProblem::path).isEqualTo("patient.ageYears");
    }

    @Test
    void aCorruptOrMissingFileIsBadInputNotACrash(@TempDir Path dir) throws IOException {
        Path corrupt = dir.resolve("c.yaml");
        Files.write(corrupt, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, 3});
        assertThatThrownBy(() -> ScenarioFiles.load(corrupt)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not UTF-8");
        Path broken = dir.resolve("b.json");
        Files.writeString(broken, "{\"name\": \"x\", ");
        assertThatThrownBy(() -> ScenarioFiles.load(broken)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ScenarioFiles.load(dir.resolve("absent.yaml"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such file");
        Path list = dir.resolve("l.yaml");
        Files.writeString(list, "- 1\n- 2\n");
        assertThatThrownBy(() -> ScenarioFiles.load(list)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected an object");
    }

    @Test
    void aFileWithAnotherExtensionIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("scenario.txt");
        Files.writeString(txt, "name: t\ndurationDays: 1\nrecording: {intervalHours: 1}\n");
        assertThatThrownBy(() -> ScenarioFiles.load(txt)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scenario.txt")
                .hasMessageContaining(".yaml, .yml or .json");
        // refused by name, so even a file that does not exist gets the extension message
        assertThatThrownBy(() -> ScenarioFiles.load(dir.resolve("absent.csv"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unsupported file extension");
        Path yml = dir.resolve("s.YML");
        Files.writeString(yml, "name: t\ndurationDays: 1\nrecording: {intervalHours: 1}\n");
        assertThat(ScenarioFiles.load(yml).scenario().name()).isEqualTo("t");
    }

    @Test
    void duplicateKeysAndBadScheduleOrderAreRejected() {
        assertThatThrownBy(() -> ScenarioFiles.parse("""
                name: t
                name: u
                durationDays: 1
                recording: {intervalHours: 1}
                """, Format.YAML, "t")).isInstanceOf(InvalidInputException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> ScenarioFiles.parse("""
                name: t
                interventions:
                  - {type: warfarin, mgPerDose: 5, schedule: {startDay: 4, stopDay: 2, clockHours: [18, 8]}}
                durationDays: 1
                recording: {intervalHours: 1}
                """, Format.YAML, "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("interventions[0].schedule.stopDay")
                .hasMessageContaining("interventions[0].schedule.clockHours[1]");
    }

    @Test
    void aSecondDocumentOrTrailingJsonIsRefusedNotReadPast() {
        // robust (thirty-third session): everything after the first YAML document or JSON value was
        // dropped without a word, so the run used the first scenario of a file the user thought held two
        String one = "name: t\ndurationDays: 1\nrecording: {intervalHours: 1}\n";
        assertThat(ScenarioFiles.parse("---\n" + one + "...\n", Format.YAML, "t").scenario().name()).isEqualTo("t");
        assertThatThrownBy(() -> ScenarioFiles.parse(one + "---\n" + one.replace("name: t", "name: u"), Format.YAML, "t"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("second YAML document")
                .hasMessageNotContaining("FAIL_ON_TRAILING_TOKENS");
        String json = "{\"name\": \"t\", \"durationDays\": 1, \"recording\": {\"intervalHours\": 1}}";
        assertThat(ScenarioFiles.parse(json, Format.JSON, "t").scenario().name()).isEqualTo("t");
        assertThatThrownBy(() -> ScenarioFiles.parse(json + "\n{\"durationDays\": 9}\n", Format.JSON, "t"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("goes on after its first document");
    }

    @Test
    void aYamlAliasIsRefusedByNameNotReadAsTheTextOfItsAnchor() {
        // robust (thirty-third session): "schedule: *meals" said "expected an object ..., found text 'meals'"
        String anchored = """
                name: t
                interventions:
                  - {type: dietaryCalcium, mgPerMeal: 300, schedule: &meals {clockHours: [7, 12, 19]}}
                  - {type: dietaryPhosphate, mgPhosphorusPerMeal: 300, schedule: *meals}
                durationDays: 1
                recording: {intervalHours: 1}
                """;
        assertThatThrownBy(() -> ScenarioFiles.parse(anchored, Format.YAML, "t")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("YAML alias *meals").hasMessageContaining("line 4")
                .hasMessageNotContaining("found text");
        // an alias bomb (nine aliases a level, never expanded) is refused at once
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = String.valueOf((char) (c - 1));
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev)))
                    .append("]\n");
        }
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> ScenarioFiles.parse(bomb.toString(), Format.YAML, "t"))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("YAML alias *a"));
    }

    @Test
    void aScenarioFileFarLargerThanAnyRealOneIsRefusedAtOnceAndTheLargestExamplePaddedToTheLimitReads(@TempDir Path dir)
            throws IOException {
        assertAFiveMegabyteLineIsRefusedAtOnce(dir, ScenarioFiles::load, "a scenario file");
        // the largest example, padded with comment lines to exactly the limit, still reads
        Path padded = dir.resolve("statin.yaml");
        Files.writeString(padded, padded(Files.readString(ProjectFiles.require("examples/scenarios/wall/statin.yaml")),
                (int) org.vascalc.core.input.FileKind.SCENARIO.maxBytes()));
        assertThat(Files.size(padded)).isEqualTo(org.vascalc.core.input.FileKind.SCENARIO.maxBytes());
        assertThat(ScenarioFiles.load(padded).scenario().name()).isEqualTo("statin");
        Files.writeString(padded, Files.readString(padded) + "#");
        assertThatThrownBy(() -> ScenarioFiles.load(padded)).hasMessageContaining("(1000001 bytes)");
    }

    /**
     * A 5 MB single-line file given to {@code load} is refused with one problem, "file is 5.2 MB (5242889
     * bytes); {@code kind} is at most 1 MB", and nothing else: before the parser reads it (it took 12 s).
     */
    static void assertAFiveMegabyteLineIsRefusedAtOnce(Path dir, Consumer<Path> load, String kind) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "name: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n"); // 5 MB on one line
        long t0 = System.nanoTime();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> load.accept(big));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).message()).startsWith("file is 5.2 MB (5242889 bytes); " + kind + " is at most 1 MB");
        // the one problem is the size: the parser was never reached (it refuses this file otherwise, by its
        // line's length, and took 12 s to); the time is printed, never asserted (speed is measured in bench/)
        System.out.printf(java.util.Locale.ROOT, "5 MB file refused in %.2f s%n", seconds);
    }

    @Test
    void aOneMegabyteYamlLineIsRefusedByItsLengthWhileOneLineJsonFlowStyleAndLongCommentLinesRead(@TempDir Path dir)
            throws IOException {
        assertAOneMegabyteLineIsRefusedByItsLength(dir, ScenarioFiles::load, "a scenario file");
        String statin = Files.readString(ProjectFiles.require("examples/scenarios/wall/statin.yaml"));
        String oneLine = InputFileMappers.JSON.writeValueAsString(InputFileMappers.YAML.readTree(statin));
        assertThat(oneLine).doesNotContain("\n").hasSizeGreaterThan(500);
        // JSON on one line, padded with spaces to exactly the size limit: JSON's parser is linear, no line limit
        Path json = dir.resolve("statin.json");
        int pad = (int) FileKind.SCENARIO.maxBytes() - oneLine.length(); // the example is ASCII
        Files.writeString(json, oneLine.substring(0, oneLine.length() - 1) + " ".repeat(pad) + "}");
        assertThat(Files.size(json)).isEqualTo(FileKind.SCENARIO.maxBytes());
        assertThat(ScenarioFiles.load(json).scenario().name()).isEqualTo("statin");
        // the same text as YAML in flow style, on one line
        Path flow = dir.resolve("statin.yaml");
        Files.writeString(flow, oneLine + "\n");
        assertThat(ScenarioFiles.load(flow).scenario().name()).isEqualTo("statin");
        // comment lines as long as a line may be, to the size limit
        int room = (int) FileKind.SCENARIO.maxBytes() - statin.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        StringBuilder b = new StringBuilder(); // ASCII: one byte a character
        while (b.length() < room) {
            b.append('#').append("-".repeat(FileKind.MAX_YAML_LINE_CHARS - 1)).append('\n');
        }
        b.setLength(room);
        Files.writeString(flow, statin + b);
        assertThat(Files.size(flow)).isEqualTo(FileKind.SCENARIO.maxBytes());
        assertThat(ScenarioFiles.load(flow).scenario().name()).isEqualTo("statin");
    }

    /**
     * A 1 MB single-line scalar given to {@code load}, inside the size limit, is refused with one problem,
     * "line 1 is 999999 characters long; {@code kind} in YAML ... is this the right file?", before YAML's
     * parser reads it (it took 4.6 s to refuse; the time is measured with ./vascalc, not here).
     */
    static void assertAOneMegabyteLineIsRefusedByItsLength(Path dir, Consumer<Path> load, String kind) throws IOException {
        Path big = dir.resolve("long-line.yaml");
        Files.writeString(big, "name: " + "x".repeat(999_992) + "\n"); // 999 999 bytes: under the size limit
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> load.accept(big));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).message()).isEqualTo("line 1 is 999998 characters long; a line of " + kind
                + " in YAML is at most 100000 characters (the examples' are under 300): is this the right file?");
    }

    /** {@code text} with comment lines after it to exactly {@code bytes} bytes of UTF-8. */
    static String padded(String text, int bytes) {
        String head = text.endsWith("\n") ? text : text + "\n";
        int pad = bytes - head.getBytes(java.nio.charset.StandardCharsets.UTF_8).length; // the padding is ASCII
        StringBuilder b = new StringBuilder();
        while (b.length() < pad) {
            b.append("#").append("-".repeat(78)).append("\n");
        }
        b.setLength(pad);
        return head + b;
    }

}
