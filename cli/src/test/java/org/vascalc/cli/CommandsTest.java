package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.simulation.scenario.ProjectFiles;

@ExtendWith(UsesFakeModel.class)
class CommandsTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static String example(String name) {
        return ProjectFiles.require("examples/scenarios/" + name).toString();
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** 0.18 µg of MK-7 (0.18 mg typed in the µg field) ran without a word; now the run goes on with a warning. */
    @Test
    void aVitaminKDoseTypedInMgIsWarnedWithTheLikelyValueAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("mk7-slip.yaml");
        Files.writeString(scenario, Files.readString(Path.of(example("mk7-supplement.yaml")))
                .replace("microgramsPerDose: 180", "microgramsPerDose: 0.18"));
        CliRun r = run("simulate", scenario.toString(), "--mode", "fast", "--no-chart", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("vascalc: warning: " + scenario + ": interventions[0].microgramsPerDose: vitamin K"
                + " per dose = 0.18 µg is far below the doses studied (90 µg MK-7 a day and up, Kurnatowska 2015): if it"
                + " was meant in mg, 0.18 mg is 180 µg");
    }

    /** A run's own warning (the model's, after the run-in) reaches the console and summary.json as the file's do. */
    @Test
    void aRunsOwnWarningIsPrintedAndWrittenToTheSummary(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("lab-warning.yaml");
        Files.writeString(scenario, Files.readString(Path.of(example("calcium-supplement-vs-food.yaml")))
                .replaceFirst("(?m)^name: .*$", "name: lab-warning"));
        CliRun r = run("simulate", scenario.toString(), "--mode", "fast", "--no-chart", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("vascalc: warning: " + scenario + ": patient.serumPhosphateMmolL: the run does not "
                + "start at the measured phosphate (fake)");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("out").resolve("lab-warning.summary.json")
                .toFile()).get("warnings").toString())
                .isEqualTo("[\"patient.serumPhosphateMmolL: the run does not start at the measured phosphate (fake)\"]");
    }

    /**
     * labwarn2: with --db the run's own warning is printed as without it, and stored with the run in
     * runs.warnings as summary.json lists it (the file's warnings, then the run's).
     */
    @Test
    void aRunsOwnWarningIsPrintedAndStoredWithTheRunInTheDatabase(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("lab-warning.yaml");
        Files.writeString(scenario, Files.readString(Path.of(example("calcium-supplement-vs-food.yaml")))
                .replaceFirst("(?m)^name: .*$", "name: lab-warning"));
        Path db = dir.resolve("runs.duckdb");
        CliRun r = run("simulate", scenario.toString(), example("calcium-supplement-vs-food.yaml"), "--mode", "fast",
                "--no-chart", "--out", dir.resolve("out").toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("vascalc: warning: " + scenario + ": patient.serumPhosphateMmolL: the run does not "
                + "start at the measured phosphate (fake)");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); var s = c.createStatement();
             var q = s.executeQuery("SELECT string_agg(scenario || '=' || warnings, ' | ' ORDER BY run_id) FROM runs")) {
            q.next();
            assertThat(q.getString(1)).isEqualTo("lab-warning=[\"patient.serumPhosphateMmolL: the run does not start at "
                    + "the measured phosphate (fake)\"] | calcium-supplement-vs-food=[]");
        }
    }

    @Test
    void simulateWritesTrajectorySummaryAndChartAndSaysWhere(@TempDir Path dir) throws IOException {
        CliRun r = run("simulate", example("calcium-supplement-vs-food.yaml"), "--mode", "reference",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(dir)).containsExactly("calcium-supplement-vs-food.png",
                "calcium-supplement-vs-food.summary.json", "calcium-supplement-vs-food.trajectory.csv");
        assertThat(r.out()).contains("trajectory " + dir.resolve("calcium-supplement-vs-food.trajectory.csv"))
                .contains("serumCalciumTotal").contains("max at (h)")
                .contains(" 38.00 "); // the fake's peak: day 1, 10:00 + 4 h = 38 h of a 5-day run (charted in hours)
        assertThat(r.err()).as("no progress bar when stderr is not a terminal").isEmpty();
        assertThat(ImageIO.read(dir.resolve("calcium-supplement-vs-food.png").toFile()).getWidth()).isEqualTo(620);
        assertThat(Files.readString(dir.resolve("calcium-supplement-vs-food.summary.json")))
                .contains("\"mode\" : \"REFERENCE\"").contains("\"scenarioSha256\"");
    }

    @Test
    void aBadScenarioIsExitOneWithEveryProblemAndNoOutput(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                patient: {ageYears: 7, weightKg: 700}
                interventions:
                  - {type: warfarin, mgPerDose: 50, schedule: {clockHours: [8]}, colour: red}
                durationDays: 3
                recording: {intervalHours: 1}
                """);
        Path out = dir.resolve("out");
        CliRun r = run("simulate", bad.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("4 problems")
                .contains("patient.ageYears: age = 7 years is outside the allowed range 18 to 110 years")
                .contains("patient.weightKg: body weight = 700 kg is outside the allowed range 30 to 300 kg")
                .contains("interventions[0].mgPerDose: warfarin per dose = 50 mg is outside the allowed range 0 to 30 mg")
                .contains("interventions[0].colour: unknown key")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aHeightInMetresIsRefusedWithAHintThatHeightIsInCentimetres(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("metres.yaml"), """
                name: metres
                patient: {ageYears: 60, heightCm: 1.65}
                durationDays: 3
                recording: {intervalHours: 1}
                """);
        CliRun r = run("simulate", bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("1 problem:").contains("patient.heightCm: height = 1.65 cm is outside the "
                + "allowed range 120 to 230 cm; height is in cm; 1.65 m is 165 cm");
        // a height that no unit explains gets no hint
        Files.writeString(bad, Files.readString(bad).replace("1.65", "30"));
        CliRun far = run("simulate", bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(far.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(far.err()).contains("height = 30 cm is outside the allowed range 120 to 230 cm")
                .doesNotContain("height is in cm;");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aYamlSyntaxErrorIsPrintedIndentedUnderItsErrorLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: bad\npatient:\n  age: [60\n  sex: female\n");
        CliRun r = run("simulate", bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        java.util.List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).startsWith("vascalc: scenario file ").endsWith("has 1 problem:");
        assertThat(lines.get(1)).startsWith("  error: (line 4, column 6): not valid YAML: while parsing a flow sequence");
        assertThat(lines.subList(2, lines.size())).as(r.err()).isNotEmpty()
                .allMatch(l -> l.startsWith("      "), "indented under the error's text")
                .contains("      at line 3, column 8:").noneMatch(l -> l.contains("'reader'"));
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void everyBadFilesReportStartsALineOfItsOwn(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.yaml"), "name: a\npatient:\n  age: [60\n  sex: female\n");
        Path b = Files.writeString(dir.resolve("b.json"), "{\"name\": \"b\",, }");
        CliRun r = run("simulate", a.toString(), b.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err().lines().filter(l -> !l.startsWith(" ")).toList()).as(r.err()).containsExactly(
                "vascalc: scenario file " + a + " has 1 problem:", "vascalc: scenario file " + b + " has 1 problem:");
    }

    @Test
    void severalFilesAreRunInTurnAndOverlaidInOneChart(@TempDir Path dir) throws IOException {
        CliRun r = run("simulate", example("calcium-supplement-fasting.yaml"), example("calcium-with-food.yaml"),
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(dir)).containsExactly("calcium-supplement-fasting-vs-calcium-with-food.png",
                "calcium-supplement-fasting.summary.json", "calcium-supplement-fasting.trajectory.csv",
                "calcium-with-food.summary.json", "calcium-with-food.trajectory.csv");
    }

    @Test
    void oneBadFileAmongSeveralStopsEverythingBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\ndurationDays: -1\nrecording: {intervalHours: 1}\n");
        Path out = dir.resolve("out");
        CliRun r = run("simulate", example("calcium-with-food.yaml"), bad.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("durationDays: duration = -1 days is outside the allowed range 0.01 to 36525 days");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingFileOrBadModeIsExitOne(@TempDir Path dir) {
        CliRun missing = run("simulate", dir.resolve("nope.yaml").toString(), "--out", dir.toString());
        assertThat(missing.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("no such file");
        CliRun mode = run("simulate", example("warfarin.yaml"), "--mode", "quick", "--out", dir.toString());
        assertThat(mode.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(mode.err()).contains("'quick' is not a mode; use fast or reference");
        // leftovers18: a typo gets the guess the other names get
        assertThat(run("simulate", example("warfarin.yaml"), "--mode", "refrence", "--out", dir.toString()).err())
                .contains("'refrence' is not a mode (did you mean 'reference'?); use fast or reference");
    }

    @Test
    void aYamlSyntaxErrorIsShownWithoutATrailingBlankLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("syntax.yaml");
        Files.writeString(bad, "name: x\npatient: {ageYears: 50\ndurationDays: 1\n");
        CliRun r = run("simulate", bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("not valid YAML").doesNotContainPattern("\\n[ \\t]*\\n");
    }

    @Test
    void aFileThatIsNotYamlOrJsonByNameIsExitOneBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("scenario.txt");
        Files.writeString(txt, "name: t\ndurationDays: 1\nrecording: {intervalHours: 1}\n");
        Path out = dir.resolve("out");
        CliRun r = run("simulate", txt.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(txt.toString()).contains(".yaml, .yml or .json").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void simulateStoresTheRunsInADatabaseWhenAsked(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("results.duckdb");
        CliRun r = run("simulate", example("calcium-supplement-fasting.yaml"), example("calcium-with-food.yaml"),
                "--out", dir.resolve("out").toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("database   " + db + " (run 1-2, ");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             var s = c.createStatement();
             var q = s.executeQuery("SELECT string_agg(scenario, ',' ORDER BY run_id), count(*) FROM runs")) {
            q.next();
            assertThat(q.getString(1)).isEqualTo("calcium-supplement-fasting,calcium-with-food");
        }
    }

    @Test
    void aDatabaseThatCannotBeUsedIsExitOneBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "not a database");
        Path out = dir.resolve("out");
        CliRun r = run("simulate", example("warfarin.yaml"), "--out", out.toString(), "--db", notes.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--db " + notes).contains("cannot be opened as a DuckDB database")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
        assertThat(Files.readString(notes)).isEqualTo("not a database");
    }

    /**
     * A --db in a place that takes no new files (/proc, "writable" to root by its permission bits) was
     * found only when the runs were stored: simulate had run and written its trajectories and summaries
     * (a ten-year reference run: a minute) before it said so. Now refused before any run, as --out is.
     */
    @ParameterizedTest
    @ValueSource(strings = {"simulate", "cohort"})
    void aDatabaseWhereNoFileCanBeMadeIsExitOneBeforeAnyRun(String command, @TempDir Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        String db = "/proc/vascalc-test.duckdb";
        Path out = dir.resolve("out");
        String[] args = command.equals("simulate")
                ? new String[] {command, example("warfarin.yaml"), "--out", out.toString(), "--db", db}
                : new String[] {command, "--size", "2", "--years", "0.5", "--out", out.toString(), "--db", db};
        CliRun r = run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--db " + db).contains("cannot write in /proc")
                .doesNotContain("\tat ").doesNotContain(".tmp");
        assertThat(r.out()).as("refused before anything ran").isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aModelFailureIsExitTwoAndLeavesNoHalfWrittenFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("explode.yaml");
        Files.writeString(f, "name: explode\ndurationDays: 1\nrecording: {intervalHours: 1}\n");
        Path out = dir.resolve("out");
        CliRun r = run("simulate", f.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_INTERNAL);
        assertThat(r.err()).contains("internal error").contains("simulated internal failure");
        assertThat(out).as("the output folder is made only when a file is written").doesNotExist();
    }

    @Test
    void anOutputFolderThatIsAFileIsBadInput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taken");
        Files.writeString(file, "x");
        CliRun r = run("simulate", example("warfarin.yaml"), "--out", file.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("output folder " + file + " exists and is not a folder")
                .doesNotContain("java.nio");
    }

    @Test
    void anOutputFolderBelowAFileIsBadInputBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taken");
        Files.writeString(file, "x");
        CliRun r = run("simulate", example("warfarin.yaml"), "--out", file.resolve("runs").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot create output folder " + file.resolve("runs"))
                .contains(file + " is not a folder").doesNotContain("java.nio");
    }

    /** Output files are named after the scenario: two runs of one name would overwrite each other (was exit 2 in the chart). */
    @Test
    void twoScenariosOfOneNameAreBadInputBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        CliRun twice = run("simulate", example("calcium-with-food.yaml"), example("calcium-with-food.yaml"), "--out", out.toString());
        assertThat(twice.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(twice.err()).contains("calcium-with-food.yaml is given twice").doesNotContain("\tat ");
        Path copy = dir.resolve("my-copy.yaml");
        Files.copy(Path.of(example("calcium-with-food.yaml")), copy);
        CliRun same = run("simulate", example("calcium-with-food.yaml"), copy.toString(), "--out", out.toString());
        assertThat(same.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(same.err()).contains("both have name: calcium-with-food").contains("give each scenario its own name");
        assertThat(out).as("nothing written").doesNotExist();
        assertThat(twice.out() + same.out()).isEmpty();
    }

    /** Twelve runs' names joined made a chart name too long for the file system (exit 2 after every run). */
    @Test
    void theChartOfManyRunsHasAFileNameTheFileSystemTakes() {
        assertThat(SimulateCommand.chartName(java.util.List.of("statin"))).isEqualTo("statin.png");
        assertThat(SimulateCommand.chartName(java.util.List.of("no-statin", "statin"))).isEqualTo("no-statin-vs-statin.png");
        java.util.List<String> many = java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "calcium-with-food-copy-number-" + i).toList();
        assertThat(SimulateCommand.chartName(many)).isEqualTo("calcium-with-food-copy-number-1-and-11-more.png");
        java.util.List<String> longest = java.util.stream.IntStream.rangeClosed(1, 40)
                .mapToObj(i -> "x".repeat(60) + i).toList();
        assertThat(SimulateCommand.chartName(longest).length()).isLessThanOrEqualTo(SimulateCommand.MAX_CHART_NAME);
    }

    @Test
    void badInputFoundOnlyByTheModelNamesTheFileAndLeavesNoOutputOfEarlierFiles(@TempDir Path dir)
            throws IOException {
        Path f = dir.resolve("unknown-output.yaml");
        Files.writeString(f, "name: unknown-output\ndurationDays: 1\nrecording: {intervalHours: 1}\n");
        Path out = dir.resolve("out");
        CliRun r = run("simulate", example("calcium-with-food.yaml"), f.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("scenario file " + f).contains("no output or state variable named 'nonsense'");
        assertThat(out).as("the first file's run is not written when the second fails, nor its folder made")
                .doesNotExist();
    }

    @Test
    void flagshipRefusesAFileOrAUsersFolderAsItsReportFolderAndLeavesThemAlone(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "mine");
        CliRun onFile = run("flagship", "--years", "1", "--out", file.toString());
        assertThat(onFile.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(onFile.err()).contains(file + " exists and is not a folder");
        assertThat(Files.readString(file)).isEqualTo("mine");

        Path folder = dir.resolve("thesis");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("chapter1.tex"), "mine");
        CliRun onFolder = run("flagship", "--years", "1", "--out", folder.toString());
        assertThat(onFolder.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(onFolder.err()).contains("is not empty and was not written by vascalc");
        assertThat(names(folder)).containsExactly("chapter1.tex");
        assertThat(onFolder.out()).as("refused before the run").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"flagship", "risk", "phantom", "score", "simulate", "cohort", "trial", "sensitivity", "validate",
        "calibrate", "serve"})
    void everyCommandHasHelpWithAnExample(String command) {
        CliRun r = run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: vascalc " + command).contains("Examples:").contains("./vascalc " + command);
        // review9: phantom, score and flagship gave theirs above the options, the others below them
        assertThat(r.out().indexOf("\nExamples:")).as("the examples after the options").isGreaterThan(r.out().indexOf("Show this help message"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flagship", "risk", "phantom", "score", "simulate", "cohort", "trial", "validate", "calibrate", "serve"})
    void everyCommandsHelpStatesItsExitCodes(String command) {
        CliRun r = run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Exit codes: 0 ").contains(", 1 bad input").contains(", 2 internal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"score", "trial", "validate", "sensitivity"})
    void everyOptionThatWritesOneFileSaysAnExistingOneIsReplaced(String command) {
        // robust (thirty-third session): --png, --write replaced a file of the same name without saying so in
        // --help; the folders' options (--out) already said what they replace and what they refuse
        CliRun r = run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).containsPattern("an existing (FILE|file( of that name)?) is replaced");
    }

    @Test
    void validateHelpSaysTheDefaultScopeIsEngineAndHowToGetEveryRow() {
        CliRun r = run("validate", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("every calibration target")
                .contains("engine rows by default").contains("--scope all for every row")
                .contains("By default only the engine targets");
    }

    @Test
    void validateWritesTheTableWithARowPerEngineTarget(@TempDir Path dir) throws IOException {
        Path md = dir.resolve("validation.md");
        CliRun r = run("validate", "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(md);
        for (int i = 1; i <= 25; i++) {
            assertThat(text).contains(String.format("| E%02d |", i));
        }
        assertThat(text).doesNotContain("| W01 |");
        assertThat(r.out()).as("the terminal rows say what is compared, the error, and the tally")
                .startsWith("row  use   band    model        target             error     what is compared")
                .containsPattern("\nE01  check [a-z ]{7} \\S+ +2\\.350 mmol/L +\\S+ +baseline serum total calcium")
                .containsPattern("\n25 rows: [0-9]+ [a-z ]+(, [0-9]+ [a-z ]+)*\\. Red rows are results")
                .doesNotContain("Infinity").doesNotContain("NaN");
        assertThat(text).as("the table says how docs/validation.md (all scopes) is remade")
                .contains("./vascalc validate --scope all --write docs/validation.md");
        CliRun nonsense = run("validate", "--scope", "nonsense");
        assertThat(nonsense.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(nonsense.err()).contains("--scope 'nonsense' is not engine, wall or all\n");
        // leftovers17: a scope one letter off is guessed, as the other commands' names are
        CliRun typo = run("validate", "--scope", "engin");
        assertThat(typo.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(typo.err()).contains("--scope 'engin' is not engine, wall or all (did you mean 'engine'?)");
        CliRun upper = run("validate", "--scope", "ENGINE", "--write", md.toString());
        assertThat(upper.code()).as("the scope in any case, as --mode FAST and --population MESA").isZero();
        assertThat(Files.readString(md)).contains("scope engine").contains("| E25 |");
    }

    /**
     * A place that takes no new files (a read-only mount; here /proc, which refuses them even to root,
     * whom permission bits call "writable"): every command says so before its run, with no stack
     * trace and without the name of a temporary file the user never typed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"simulate", "cohort", "calibrate", "sensitivity", "trial", "validate", "flagship"})
    void anOutputPlaceThatTakesNoFilesIsBadInputBeforeTheRun(String command) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        String target = "/proc/vascalc-test-out";
        String[] args = switch (command) {
            case "simulate" -> new String[] {command, example("calcium-with-food.yaml"), "--out", target};
            case "cohort" -> new String[] {command, "--size", "2", "--years", "0.5", "--out", target};
            case "calibrate" -> new String[] {command, "--max-evaluations", "1", "--out", target};
            case "sensitivity" -> new String[] {command, "--write", target + ".md"};
            case "trial" -> new String[] {command, "saltire", "--size", "4", "--write", target + ".md"};
            case "validate" -> new String[] {command, "--write", target + ".md"};
            default -> new String[] {command, "--years", "1", "--out", target};
        };
        CliRun r = run(args);
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(target).contains("cannot write in /proc")
                .doesNotContain("\tat ").doesNotContain("internal error").doesNotContain(".tmp");
        assertThat(r.out()).as("refused before anything ran").isEmpty();
    }

    @Test
    void aMissingNumbersRangeIsWrittenAsAPersonWouldNotAsADoublesDigits(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                patient: {ageYears: 60}
                durationDays: 3
                recording: {outputs: [serumCalciumTotal]}
                """);
        CliRun r = run("simulate", bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("recording.intervalHours: missing; recording interval is required, a number from 1/60 to 8766 h")
                .doesNotContain("0.01666666");
    }

    @Test
    void aCatalogValueThatIsNotANumberIsNamedByLineColumnAndText(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("catalog.csv");
        Files.writeString(csv, "name,value,unit,low,high,evidence,source,locator,description\n"
                + "caTotalRef,abc,mmol/L,2.1,2.6,literature,x,y,z\n");
        CliRun r = run("validate", "--parameters", csv.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("line 2 (caTotalRef): value 'abc' is not a number").doesNotContain("For input string");
    }

    /**
     * review9: a catalog of one changed row ran until the model asked for a parameter it lacked (an internal
     * error, exit 2, with a stack trace); now any catalog whose names are not the model's is refused before
     * a run, naming what differs; the model's own catalog, as written, runs.
     */
    @Test
    void aCatalogWithoutExactlyTheModelsNamesIsRefusedBeforeAnyRun(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("partial.csv");
        Files.writeString(csv, "name,value,unit,low,high,evidence,source,locator,description\n"
                + "caTotalRef,2.4,mmol/L,2.1,2.6,assumption,my change,,z\n");
        Path out = dir.resolve("out");
        CliRun r = run("simulate", example("calcium-supplement-vs-food.yaml"), "--mode", "reference", "--parameters",
                csv.toString(), "--no-chart", "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("parameter catalog " + csv + " 1 name(s) the model does not have (caTotalRef) and "
                + "lacks 1 of the model's 1 parameters (gain); --parameters takes a complete catalog")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();

        Files.writeString(csv, new FakeModel().defaultParameters().toCsv());
        CliRun whole = run("simulate", example("calcium-supplement-vs-food.yaml"), "--mode", "reference", "--parameters",
                csv.toString(), "--no-chart", "--out", out.toString());
        assertThat(whole.code()).as(whole.err()).isZero();
    }

    /**
     * review17: a catalog's own unit and range columns were taken as written: gain's unit changed to "mg" ran the
     * number as before without a word, and a range widened to 100 let gain = 50 run, which --set refuses. Both are
     * refused now, naming the name, the value, the model's unit and its range; nothing is run.
     */
    @Test
    void aCatalogIsHeldToTheModelsUnitsAndPlausibleRanges(@TempDir Path dir) throws IOException {
        String model = new FakeModel().defaultParameters().toCsv();
        assertThat(model).contains("gain,1.0,1,0.1,10.0,");
        Path unit = dir.resolve("unit.csv");
        Files.writeString(unit, model.replace("gain,1.0,1,0.1,10.0,", "gain,1.0,mg,0.1,10.0,"));
        Path widened = dir.resolve("widened.csv");
        Files.writeString(widened, model.replace("gain,1.0,1,0.1,10.0,", "gain,50,1,0.1,100,"));
        Path out = dir.resolve("out");
        CliRun r = run("simulate", example("calcium-supplement-vs-food.yaml"), "--parameters", unit.toString(),
                "--no-chart", "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("parameter catalog " + unit + ": gain: unit 'mg' is not the model's '1'");
        r = run("simulate", example("calcium-supplement-vs-food.yaml"), "--parameters", widened.toString(),
                "--no-chart", "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("parameter catalog " + widened + ": gain = 50 lies outside the model's plausible "
                + "range, allowed 0.1 to 10").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    /**
     * review17: simulate --parameters with a changed catalog said nothing of the change, and its summary held only the
     * catalog's hash. Now the first line and the summary's provenance name the file and each value that differs
     * from the model's (a value --set over it is listed as an override too, with the file's value as its default).
     */
    @Test
    void aChangedCatalogsValuesAreNamedOnTheConsoleAndInTheSummary(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("changed.csv");
        Files.writeString(csv, new FakeModel().defaultParameters().toCsv().replace("gain,1.0,1,", "gain,2.5,1,"));
        Path out = dir.resolve("out");
        CliRun r = run("simulate", example("calcium-supplement-vs-food.yaml"), "--parameters", csv.toString(),
                "--no-chart", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("parameters catalog " + csv + ": 1 value(s) differ from the model's: gain = 2.5 "
                + "(default 1)");
        String summary = Files.readString(out.resolve("calcium-supplement-vs-food.summary.json"));
        assertThat(summary.replaceAll("\\s+", " ")).contains("\"parameterCatalog\" : { \"file\" : \"" + csv
                + "\", \"differsFromModel\" : [ { \"name\" : \"gain\", \"value\" : 2.5, \"unit\" : \"1\", \"default\" : 1.0 } ] }")
                .doesNotContain("parameterOverrides");

        Path set = dir.resolve("set");
        r = run("simulate", example("calcium-supplement-vs-food.yaml"), "--parameters", csv.toString(), "--set", "gain=3",
                "--no-chart", "--out", set.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("parameters catalog " + csv + ": 1 value(s) differ from the model's: gain = 2.5 "
                + "(default 1)\nparameters 1 value(s) set with --set: gain = 3 (default 2.5)");
        assertThat(Files.readString(set.resolve("calcium-supplement-vs-food.summary.json")).replaceAll("\\s+", " "))
                .contains("\"parameterOverrides\" : [ { \"name\" : \"gain\", \"value\" : 3.0, \"unit\" : \"1\", \"default\" : 2.5",
                        "\"differsFromModel\" : [ { \"name\" : \"gain\", \"value\" : 2.5, \"unit\" : \"1\", \"default\" : 1.0");
    }

    /**
     * catalognames: validate --parameters with a changed catalog printed nothing of it and its table's provenance held
     * only the hash; simulate --db stored only the hash. Now validate prints simulate's line and its page says it (a
     * page of the model's own catalog does not), and the database holds the changed value in catalog_changes.
     */
    @Test
    void validateAndSimulatesDatabaseNameTheChangedCatalogsValues(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("changed.csv");
        Files.writeString(csv, new FakeModel().defaultParameters().toCsv().replace("gain,1.0,1,", "gain,2.5,1,"));
        String line = "parameters catalog " + csv + ": 1 value(s) differ from the model's: gain = 2.5 (default 1)";
        Path md = dir.resolve("validation.md");
        CliRun v = run("validate", "--parameters", csv.toString(), "--write", md.toString());
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).startsWith(line + "\n");
        assertThat(Files.readString(md)).contains("\n" + line + "\n");
        Path own = dir.resolve("own.md");
        CliRun o = run("validate", "--write", own.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).doesNotContain("parameters catalog");
        assertThat(Files.readString(own)).doesNotContain("parameters catalog");

        Path db = dir.resolve("results.duckdb");
        CliRun r = run("simulate", example("calcium-supplement-vs-food.yaml"), "--parameters", csv.toString(),
                "--no-chart", "--out", dir.resolve("out").toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(org.vascalc.cli.store.ResultDatabase.readCatalogChanges(db, "runs", 1))
                .containsExactly(new org.vascalc.simulation.ParameterOverrides.Change("gain", 2.5, "1", 1.0, ""));
    }

    /**
     * review12: a catalog saved by a spreadsheet as "CSV UTF-8" (a byte order mark first) was refused as
     * lacking its header, which it had; one in another encoding said "Input length = 1"; a folder "Is a
     * directory"; and a device with no end (/dev/zero) ended in an OutOfMemoryError's stack trace.
     */
    @Test
    void aCatalogWithAByteOrderMarkRunsAndOneThatIsNoCatalogTextIsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("excel.csv");
        byte[] text = new FakeModel().defaultParameters().toCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(csv, withBom);
        CliRun read = run("simulate", example("calcium-supplement-vs-food.yaml"), "--mode", "reference", "--parameters",
                csv.toString(), "--no-chart", "--out", dir.resolve("out").toString());
        assertThat(read.code()).as(read.err()).isZero();

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "name,value\ncaTotalRef,2.4 \u00b5\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun r = run("validate", "--parameters", latin1.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("parameter catalog " + latin1 + " is not UTF-8 text").doesNotContain("Input length");

        r = run("validate", "--parameters", dir.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("parameter catalog " + dir + " is a folder");

        Path endless = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(endless), "no /dev/zero here");
        r = run("validate", "--parameters", endless.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("parameter catalog /dev/zero holds more than 10 MB").doesNotContain("\tat ");
    }

    /**
     * review10: {@code --set NAME=VALUE} replaces one value without a whole catalog. The fake model's
     * bump height {@code gain} doubled doubles each dose's rise of serum calcium; the summary's
     * provenance names the value set and its hash differs; the default value set again, or no
     * {@code --set}, gives the same bytes as a plain run.
     */
    @Test
    void setReplacesOneValueMovesTheResultAndIsRecordedInTheProvenance(@TempDir Path dir) throws IOException {
        String scenario = example("calcium-supplement-vs-food.yaml");
        Path plain = dir.resolve("plain");
        Path doubled = dir.resolve("doubled");
        Path same = dir.resolve("same");
        assertThat(run("simulate", scenario, "--no-chart", "--out", plain.toString()).code()).isZero();
        CliRun r = run("simulate", scenario, "--no-chart", "--set", "gain=2", "--out", doubled.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("parameters 1 value(s) set with --set: gain = 2 (default 1)");
        assertThat(run("simulate", scenario, "--no-chart", "--set", "gain=1", "--out", same.toString()).code()).isZero();

        String name = "calcium-supplement-vs-food";
        double rise = peak(plain.resolve(name + ".trajectory.csv")) - 2.35;
        assertThat(peak(doubled.resolve(name + ".trajectory.csv")) - 2.35).isCloseTo(2 * rise, within(1e-9));
        String summary = Files.readString(doubled.resolve(name + ".summary.json"));
        assertThat(summary).contains("\"parameterOverrides\" : [ {", "\"name\" : \"gain\"", "\"value\" : 2.0",
                "\"default\" : 1.0");
        String plainSummary = Files.readString(plain.resolve(name + ".summary.json"));
        assertThat(plainSummary).doesNotContain("parameterOverrides")
                .contains("\"parameterSetSha256\" : \"" + new FakeModel().defaultParameters().sha256() + "\"");
        assertThat(summary).doesNotContain(new FakeModel().defaultParameters().sha256());
        assertThat(Files.readString(same.resolve(name + ".trajectory.csv")))
                .isEqualTo(Files.readString(plain.resolve(name + ".trajectory.csv")));
    }

    /**
     * review11: the four commands that read no scenario file said --set "wins over a scenario file's parameters:
     * map"; the two that do say it.
     */
    @Test
    void setsHelpSpeaksOfAScenarioFileOnlyWhereTheCommandReadsOne() {
        for (String command : new String[] {"cohort", "trial", "validate", "calibrate"}) {
            assertThat(run(command, "--help").out()).as(command).contains("--set=NAME=VALUE")
                    .doesNotContain("parameters: map");
        }
        for (String command : new String[] {"simulate", "sensitivity"}) {
            assertThat(run(command, "--help").out().replaceAll("\\s+", " ")).as(command)
                    .contains("Wins over the scenario file's parameters: map");
        }
    }

    /**
     * reviewcli: every command's --set help listed the places of all commands, and sensitivity's said the
     * values go to "summary JSON's provenance", a file sensitivity never writes. Each now names its own.
     */
    @Test
    void setsHelpSaysWhereThisCommandKeepsTheValuesSet() {
        java.util.Map<String, String> place = java.util.Map.of(
                "simulate", "summary JSON's provenance.parameterOverrides",
                "sensitivity", "with --write the page's command line",
                "cohort", "with --db, also in the column parameter_overrides of the table cohorts",
                "trial", "with --write, also in the page's provenance",
                "validate", "with --write, also in the table's provenance",
                "calibrate", "kept in calibration-report.md's provenance");
        place.forEach((command, where) -> {
            String help = run(command, "--help").out().replaceAll("\\s+", " ");
            String set = help.substring(help.indexOf("--set=NAME=VALUE Replaces"));
            assertThat(set).as(command).contains(where);
            if (!command.equals("simulate")) {
                assertThat(set).as(command).doesNotContain("summary JSON");
            }
            if (!command.equals("cohort") && !command.equals("simulate")) {
                assertThat(set).as(command).doesNotContain("parameter_overrides");
            }
        });
    }

    /** review11: the database keeps what --set changed, not only the hash (docs/stored-results.md). */
    @Test
    void simulateStoresTheParameterChangesInTheDatabase(@TempDir Path dir) throws Exception {
        String scenario = example("calcium-supplement-vs-food.yaml");
        Path db = dir.resolve("results.duckdb");
        assertThat(run("simulate", scenario, "--no-chart", "--out", dir.resolve("a").toString(), "--db", db.toString())
                .code()).isZero();
        CliRun r = run("simulate", scenario, "--no-chart", "--set", "gain=2", "--out", dir.resolve("b").toString(),
                "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             var s = c.createStatement();
             var q = s.executeQuery("SELECT string_agg(parameter_overrides, ' | ' ORDER BY run_id) FROM runs")) {
            q.next();
            assertThat(q.getString(1)).isEqualTo("[] | [{\"name\":\"gain\",\"value\":2.0,\"unit\":\"1\",\"default\":1.0}]");
        }
        // the page's query for them, as printed there
        String page = Files.readString(ProjectFiles.require("docs/stored-results.md"));
        int from = page.indexOf("-- the runs with a number changed");
        String query = page.substring(from, page.indexOf("```", from));
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             var s = c.createStatement(); var q = s.executeQuery(query)) {
            assertThat(q.next()).isTrue();
            assertThat(q.getLong("run_id")).isEqualTo(2);
            assertThat(q.getString("parameter")).isEqualTo("gain");
            assertThat(q.getDouble("value")).isEqualTo(2.0);
            assertThat(q.getDouble("default_value")).isEqualTo(1.0);
            assertThat(q.next()).as("the run without --set is not listed").isFalse();
        }
    }

    /** review11: a results file of an older VasCalc (schema version 1) is named on stderr and upgraded, its runs kept. */
    @Test
    void simulateSaysItUpgradesAnOlderDatabaseAndKeepsItsRuns(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("old.duckdb");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); var s = c.createStatement()) {
            s.execute("CREATE TABLE vascalc_schema (version INTEGER NOT NULL)");
            s.execute("INSERT INTO vascalc_schema VALUES (1)");
            s.execute("CREATE TABLE runs (run_id BIGINT PRIMARY KEY, scenario VARCHAR NOT NULL, scenario_file VARCHAR NOT NULL, "
                    + "scenario_sha256 VARCHAR NOT NULL, parameters_sha256 VARCHAR NOT NULL, mode VARCHAR NOT NULL, tool_version "
                    + "VARCHAR NOT NULL, tool_commit VARCHAR NOT NULL, stored_at TIMESTAMP NOT NULL, duration_days DOUBLE NOT NULL)");
            s.execute("INSERT INTO runs VALUES (1, 'old', 'old.yaml', 's', 'p', 'FAST', '0.0.9', 'old', TIMESTAMP '2026-11-30 10:00:00', 2)");
        }
        CliRun r = run("simulate", example("calcium-supplement-vs-food.yaml"), "--no-chart", "--set", "gain=2",
                "--out", dir.resolve("out").toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("vascalc: --db " + db + " was written by an older VasCalc (schema version 1); storing "
                + "upgrades it to version 6");
        assertThat(r.out()).contains("database   " + db + " (run 2, ");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); var s = c.createStatement();
             var q = s.executeQuery("SELECT string_agg(coalesce(parameter_overrides->>'$[0].name', 'NULL'), ',' ORDER BY run_id) "
                     + "FROM runs")) {
            q.next();
            assertThat(q.getString(1)).isEqualTo("NULL,gain");
        }
    }

    /**
     * A scenario file's {@code parameters:} map is applied like {@code --set}: {@code gain: 2} in the
     * file gives the bytes of {@code --set gain=2} on the plain file, recorded in the provenance as from
     * the file; a {@code --set} of the same name wins; a bad name or value is the file's problem, with
     * its path, every one at once, exit 1, nothing written.
     */
    @Test
    void aScenarioFilesParametersAreAppliedBeforeSetAndCheckedWithTheirPaths(@TempDir Path dir) throws IOException {
        String name = "calcium-supplement-vs-food";
        Path plain = Path.of(example(name + ".yaml"));
        Path withMap = dir.resolve(name + ".yaml"); // the same name: its outputs' names are the plain run's
        Files.writeString(withMap, Files.readString(plain) + "\nparameters:\n  gain: 2\n");
        Path bySet = dir.resolve("by-set");
        Path byFile = dir.resolve("by-file");
        Path overridden = dir.resolve("overridden");
        Path none = dir.resolve("none");
        assertThat(run("simulate", plain.toString(), "--no-chart", "--set", "gain=2", "--out", bySet.toString()).code())
                .isZero();
        CliRun r = run("simulate", withMap.toString(), "--no-chart", "--out", byFile.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("parameters 1 value(s) set for " + name + " (its parameters: map, then --set): "
                + "gain = 2 (default 1; from the scenario file)");
        assertThat(Files.readString(byFile.resolve(name + ".trajectory.csv")))
                .isEqualTo(Files.readString(bySet.resolve(name + ".trajectory.csv")));
        assertThat(Files.readString(byFile.resolve(name + ".summary.json")))
                .contains("\"name\" : \"gain\"", "\"value\" : 2.0", "\"why\" : \"from the scenario file\"");

        CliRun o = run("simulate", withMap.toString(), "--no-chart", "--set", "gain=1", "--out", overridden.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("gain = 1 (default 1; --set over the scenario file's 2)");
        assertThat(run("simulate", plain.toString(), "--no-chart", "--out", none.toString()).code()).isZero();
        assertThat(Files.readString(overridden.resolve(name + ".trajectory.csv")))
                .isEqualTo(Files.readString(none.resolve(name + ".trajectory.csv")));

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(plain).replace("name: " + name, "name: bad")
                + "\nparameters:\n  gian: 2\n  gain: 20\n");
        Path out = dir.resolve("out");
        CliRun b = run("simulate", bad.toString(), "--no-chart", "--out", out.toString());
        assertThat(b.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(b.err()).contains("scenario file " + bad + " has 2 problems:")
                .contains("error: parameters.gian: the catalog has no parameter 'gian' (did you mean 'gain'?)")
                .contains("error: parameters.gain: gain = 20 (dimensionless) lies outside its plausible range, "
                        + "allowed 0.1 to 10 (dimensionless)")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    private static double peak(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.startsWith("#"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[1])).max().orElseThrow();
    }

    /** A cohort member's own factor is drawn per member and replaces the catalog's: a --set of it is refused. */
    @Test
    void aSetOfAFactorDrawnForEachMemberIsRefusedInCohortsAndTrials() {
        var plaque = new org.vascalc.simulation.ParameterOverrides.Change("plaqueSusceptibility", 2, "1", 1, "");
        assertThatThrownBy(() -> CliFiles.requireNotDrawnPerMember(List.of(plaque)))
                .isInstanceOf(UserInputException.class)
                .hasMessage("--set plaqueSusceptibility: plaqueSusceptibility is each member's own factor, drawn for every "
                        + "member of a cohort (log-normal around 1, SD plaqueSusceptibilityLogSd), so a value set here would "
                        + "not be used; set plaqueSusceptibilityLogSd for the spread, or use simulate for one person");
        CliFiles.requireNotDrawnPerMember(List.of(new org.vascalc.simulation.ParameterOverrides.Change(
                "plaqueSusceptibilityLogSd", 0.5, "1", 0.9, "")));
        // every factor the populations draw is listed (a new one fails here until it is)
        var pop = new org.vascalc.simulation.cohort.VirtualPopulation(1, org.vascalc.simulation.engine.ModelAssembly
                .defaultParameters());
        java.util.Set<String> drawn = new java.util.TreeSet<>();
        for (long i = 0; i < 20; i++) {
            drawn.addAll(pop.mesa(i).individualParameters().keySet());
            drawn.addAll(pop.cric(i).individualParameters().keySet());
            drawn.addAll(pop.plausible(i).individualParameters().keySet());
        }
        assertThat(drawn).isNotEmpty();
        assertThat(CliFiles.DRAWN_PER_MEMBER.keySet()).containsAll(drawn);
    }

    @Test
    void aBadSetIsOneLinePerProblemAndNothingIsWritten(@TempDir Path dir) {
        Path out = dir.resolve("out");
        CliRun r = run("simulate", example("calcium-supplement-vs-food.yaml"), "--no-chart", "--set", "gian=2",
                "--set", "gain=20", "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("vascalc: --set gian=2: the catalog has no parameter 'gian' (did you mean 'gain'?)")
                .contains("vascalc: --set gain=20: gain = 20 (dimensionless) lies outside its plausible range, "
                        + "allowed 0.1 to 10 (dimensionless)")
                .doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(2);
        assertThat(out).doesNotExist();
        CliRun cohort = run("cohort", "--size", "2", "--years", "1", "--set", "gain=0", "--out", out.toString());
        assertThat(cohort.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(cohort.err()).contains("--set gain=0: gain = 0 (dimensionless) lies outside");
    }

    @Test
    void validateRefusesAnUnwritableTableFileBeforeRunningAnything(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taken");
        Files.writeString(file, "x");
        CliRun r = run("validate", "--write", file.resolve("validation.md").toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot write " + file.resolve("validation.md")).doesNotContain("\tat ");
        assertThat(r.out()).as("no target was run").isEmpty();
        CliRun folder = run("validate", "--write", dir.toString());
        assertThat(folder.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(folder.err()).contains("it is a folder");
    }

    @Test
    void calibrateWritesTheFittedCatalogAndReport(@TempDir Path tmp) throws IOException {
        // A folder that does not exist yet is made when the results are written, not before the fit.
        Path dir = tmp.resolve("new").resolve("calibration");
        CliRun r = run("calibrate", "--out", dir.toString(), "--max-evaluations", "20");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(names(dir)).containsExactly("calibration-report.md", "fitted-parameters.csv");
        assertThat(Files.readString(dir.resolve("fitted-parameters.csv"))).startsWith("name,value,unit,low,high");
        assertThat(Files.readString(dir.resolve("calibration-report.md"))).contains("E01 (check)");
        assertThat(r.out()).as("the count is above --max-evaluations: it says why")
                .containsPattern("after [0-9]+ evaluations \\(the start and the fitted point included; [0-9]+ failed runs\\)");
    }

    /**
     * Outside the checkout the engine rows' scenario files are not found: each row was "not run" in a
     * table that exited 0 and was written with --write. Now it is bad input, before anything runs.
     */
    @Test
    void validateAndCalibrateOutsideTheCheckoutSayWhereToRunThem(@TempDir Path tmp) {
        VascalcHome.at(tmp, () -> { // a "checkout" without examples/calibration
            Path table = tmp.resolve("validation.md");
            CliRun v = run("validate", "--write", table.toString());
            assertThat(v.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
            assertThat(v.err()).contains("cannot find the folder examples/calibration at or above")
                    .contains("run from the VasCalc checkout").doesNotContain("Exception");
            assertThat(v.out()).as("no row was run").isEmpty();
            assertThat(table).doesNotExist();
            CliRun c = run("calibrate", "--max-evaluations", "1", "--out", tmp.resolve("cal").toString());
            assertThat(c.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
            assertThat(c.err()).contains("cannot find the folder examples/calibration");
        });
    }

    @Test
    void calibrateRefusesAnEvaluationBudgetOutsideItsRangeInTheCommonWording() {
        CliRun r = run("calibrate", "--max-evaluations", "0");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--max-evaluations = 0 is outside the allowed range 1 to 100000");
        assertThat(r.out()).as("the fit did not start").isEmpty();
        // the summary's "after 4 evaluations" with a limit of 2 is explained where the limit is set
        assertThat(run("calibrate", "--help").out().replaceAll("\\s+", " ")).contains("Objective evaluations at most, 1 to 100000")
                .contains("the start and the fitted point are evaluated besides, so the summary can count N + 2");
    }

    @Test
    void calibrateToAFolderBelowAFileIsBadInputBeforeTheFit(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        CliRun r = run("calibrate", "--out", file.resolve("out").toString(), "--max-evaluations", "20");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("is not a folder");
        assertThat(r.out()).as("the fit did not start").doesNotContain("fit targets");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }
}
