package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code simulate} prints, against the fake model's closed form ({@link FakeModel}: serum calcium
 * 2.35 mmol/L plus 0.1 × u × e^(1 − u) after a dose, u = hours since the dose / 4), worked by hand.
 */
@ExtendWith(UsesFakeModel.class)
class SimulateCommandTest {

    private static Path oneDose(Path dir, String name, String days) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                interventions:
                  - type: calciumSupplement
                    elementalMgPerDose: 500
                    salt: carbonate
                    withFood: false
                    schedule: {clockHours: [8]}
                durationDays: %s
                recording: {outputs: [serumCalciumTotal], intervalHours: 1}
                """.formatted(name, days));
    }

    /**
     * One dose at 08:00 of a one-day run: the rise peaks at u = 1, 4 h after it (12:00), 0.1 above 2.35;
     * at 24 h, u = 4: 2.35 + 0.4 e^-3 = 2.369915; the lowest value is the start's.
     */
    @Test
    void theSummaryTableHasEachChannelsStartMinimumMaximumItsTimeAndEnd(@TempDir Path dir) throws IOException {
        Path f = oneDose(dir, "one-dose", "1");
        CliRun r = CliRun.of("simulate", f.toString(), "--mode", "fast", "--no-chart", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).containsSubsequence(
                "scenario   one-dose (1 day, fast mode)",
                "trajectory " + dir.resolve("out").resolve("one-dose.trajectory.csv"),
                "summary    " + dir.resolve("out").resolve("one-dose.summary.json"),
                "",
                "one-dose:",
                "output                       unit                start          min          max max at (h)          end",
                "serumCalciumTotal            mmol/L             2.3500       2.3500       2.4500      12.00       2.3699");
        assertThat(r.out()).as("--no-chart: no chart line").doesNotContain("chart ");
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.png");
    }

    private static Path doseOnDay(Path dir, String name, int day, int durationDays, int intervalHours) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                interventions:
                  - type: calciumSupplement
                    elementalMgPerDose: 500
                    salt: carbonate
                    withFood: false
                    schedule: {startDay: %d, stopDay: %d, clockHours: [8]}
                durationDays: %d
                recording: {outputs: [serumCalciumTotal], intervalHours: %d}
                """.formatted(name, day, day + 1, durationDays, intervalHours));
    }

    /**
     * A ten-day run with one dose at 08:00 of day 2 (days count from 0): the peak is 4 h later, at
     * 2 × 24 + 12 = 60 h = 2.50 days, and the column says days (it said "60.00" under "max at (h)").
     * The same dose in a five-day run, charted in hours, is told in hours (review18: "max at (d)" under
     * charts in hours).
     */
    @Test
    void aRunOfDaysGivesTheTimeOfTheMaximumInDays(@TempDir Path dir) throws IOException {
        Path f = doseOnDay(dir, "day-two", 2, 10, 1);
        CliRun r = CliRun.of("simulate", f.toString(), "--no-chart", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsSubsequence(
                "output                       unit                start          min          max max at (d)          end",
                "serumCalciumTotal            mmol/L             2.3500       2.3500       2.4500       2.50       2.3500");
        Path five = doseOnDay(Files.createDirectories(dir.resolve("five")), "day-two", 2, 5, 1);
        CliRun hours = CliRun.of("simulate", five.toString(), "--no-chart", "--out", dir.resolve("out5").toString());
        assertThat(hours.code()).as(hours.err()).isZero();
        assertThat(hours.out().lines().toList()).containsSubsequence(
                "output                       unit                start          min          max max at (h)          end",
                "serumCalciumTotal            mmol/L             2.3500       2.3500       2.4500      60.00       2.3500");
    }

    /**
     * A run of 800 days with one dose at 08:00 of day 730: the peak at 12:00 of day 730 is 730.5 days
     * from the start, two years of 365.25 days, printed "2.00" under "max at (y)" (it was 17532.00 h).
     */
    @Test
    void aRunOfYearsGivesTheTimeOfTheMaximumInYears(@TempDir Path dir) throws IOException {
        Path f = doseOnDay(dir, "year-two", 730, 800, 4);
        CliRun r = CliRun.of("simulate", f.toString(), "--no-chart", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsSubsequence(
                "output                       unit                start          min          max max at (y)          end",
                "serumCalciumTotal            mmol/L             2.3500       2.3500       2.4500       2.00       2.3500");
    }

    /**
     * The unit of the "max at" column follows the run's length: hours up to a week (a peak at 12:00
     * reads as 12.00 h), days up to two years, then years of 365.25 days.
     */
    @Test
    void theUnitOfTheTimeOfTheMaximumFollowsTheRunsLength() {
        assertThat(MaxAtUnit.forRunOf(2).header()).isEqualTo("max at (h)");
        assertThat(MaxAtUnit.forRunOf(2).of(36)).isEqualTo(36);
        assertThat(MaxAtUnit.forRunOf(5).header()).isEqualTo("max at (h)");
        assertThat(MaxAtUnit.forRunOf(7.5).header()).isEqualTo("max at (d)");
        assertThat(MaxAtUnit.forRunOf(7.5).of(36)).isEqualTo(1.5);
        assertThat(MaxAtUnit.forRunOf(730.5).header()).isEqualTo("max at (d)");
        assertThat(MaxAtUnit.forRunOf(731).header()).isEqualTo("max at (y)");
        assertThat(MaxAtUnit.forRunOf(3652.5).of(87660)).as("ten years of 365.25 days, in hours")
                .isEqualTo(10.0);
    }

    /**
     * review18: a five-day run (calcium-supplement-vs-food.yaml) was charted over 0-120 h while its table's "max at
     * (d)" read 1.54 for the 37 h peak. The table's unit is the charts' axis unit for every run length.
     */
    @Test
    void theMaxAtColumnIsInHoursExactlyWhenTheChartsAreInHours() {
        double hoursAxisDays = RunCharts.HOURS_AXIS_UNTIL / 24;
        assertThat(hoursAxisDays).isEqualTo(7);
        for (double days : new double[] {0.5, 2, 3, 5, 6, hoursAxisDays}) {
            assertThat(MaxAtUnit.forRunOf(days)).as("%s days, drawn in hours", days).isEqualTo(MaxAtUnit.HOURS);
        }
        assertThat(MaxAtUnit.forRunOf(hoursAxisDays + 0.5)).isEqualTo(MaxAtUnit.DAYS);
    }

    /** review9: the console's "max at" of an output flat to rounding read "8.85" (years); it reads "flat". */
    @Test
    void theConsolesMaxAtOfAFlatOutputReadsFlat() {
        double v = 409.84;
        var flat = new org.vascalc.simulation.output.ChannelSummary("dpUcMgp", "pmol/L", v, v, Math.nextUp(v), 77580, v);
        var peak = new org.vascalc.simulation.output.ChannelSummary("dpUcMgp", "pmol/L", v, v, 420, 77580, v);
        assertThat(MaxAtUnit.YEARS.cell(flat)).isEqualTo("flat");
        assertThat(MaxAtUnit.YEARS.cell(peak)).as("77580 h / 8766 h a year").isEqualTo("8.85");
    }

    /** A duration that is not a whole number of days is printed as given; a whole one without ".0". */
    @Test
    void theDurationIsPrintedAsGiven(@TempDir Path dir) throws IOException {
        Path f = oneDose(dir, "half", "1.5");
        CliRun r = CliRun.of("simulate", f.toString(), "--mode", " REFERENCE ", "--no-chart", "--out", dir.toString());
        assertThat(r.code()).as("the mode in any case, with spaces: " + r.err()).isZero();
        assertThat(r.out()).contains("scenario   half (1.5 days, reference mode)");
        assertThat(SimulateCommand.fmt(36525)).isEqualTo("36525");
        assertThat(SimulateCommand.days(1)).as("one day, not '1 days'").isEqualTo("1 day");
        assertThat(SimulateCommand.days(3652.5)).isEqualTo("3652.5 days");
        assertThat(SimulateCommand.days(0.5)).isEqualTo("0.5 days");
        assertThat(SimulateCommand.fmt(0.25)).isEqualTo("0.25");
    }

    /** The chart is written and named on the console unless --no-chart; with a chart, the line says where. */
    @Test
    void theChartLineNamesTheFileWritten(@TempDir Path dir) throws IOException {
        Path f = oneDose(dir, "one-dose", "1");
        CliRun r = CliRun.of("simulate", f.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("chart      " + dir.resolve("out").resolve("one-dose.png"));
        assertThat(dir.resolve("out").resolve("one-dose.png")).isRegularFile();
    }

    /** A joined name of exactly 200 characters is kept; one of 201 becomes "<first>-and-<N>-more.png". */
    @Test
    void theChartNameIsShortenedOnlyAboveTwoHundredCharacters() {
        // 98 + "-vs-" + 94 + ".png" = 200
        String a = "a".repeat(98);
        assertThat(SimulateCommand.chartName(List.of(a, "b".repeat(94)))).isEqualTo(a + "-vs-" + "b".repeat(94) + ".png")
                .hasSize(SimulateCommand.MAX_CHART_NAME);
        assertThat(SimulateCommand.chartName(List.of(a, "b".repeat(95)))).isEqualTo(a + "-and-1-more.png");
    }

    /**
     * --set's own line is printed only when some file has no parameters: map; a file with one gets its own
     * line (its map, then --set) instead.
     */
    @Test
    void aFileWithItsOwnParametersGetsItsOwnLineNotTheSetLine(@TempDir Path dir) throws IOException {
        Path f = oneDose(dir, "own", "1");
        Files.writeString(f, Files.readString(f) + "parameters:\n  gain: 2\n");
        CliRun r = CliRun.of("simulate", f.toString(), "--no-chart", "--set", "gain=3", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("parameters 1 value(s) set for own (its parameters: map, then --set): gain = 3")
                .doesNotContain("set with --set");
    }

    /** validate says where it wrote the table, and what --set changed first. */
    @Test
    void validateSaysWhatWasSetAndWhereTheTableIs(@TempDir Path dir) {
        Path md = dir.resolve("v.md");
        CliRun r = CliRun.of("validate", "--set", "gain=2", "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("parameters 1 value(s) set with --set: gain = 2 (default 1)")
                .endsWith("wrote " + md + System.lineSeparator());
    }

    /**
     * Two scenarios, and a folder where the second one's summary goes: refused before the runs, and the
     * first scenario's files are not written either (before, the first run's files were written and the
     * command failed on the second's, after every run).
     */
    @Test
    void aFolderInTheWayOfASecondScenariosFileIsRefusedBeforeAnyRunOrFile(@TempDir Path dir) throws IOException {
        Path first = oneDose(dir, "first", "1");
        Path second = oneDose(dir, "second", "1");
        Path out = dir.resolve("out");
        Path folder = Files.createDirectories(out.resolve("second.summary.json"));
        CliRun r = CliRun.of("simulate", first.toString(), second.toString(), "--mode", "fast", "--out", out.toString());
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot write " + folder + ": it is a folder").doesNotContain("\tat ");
        assertThat(r.out()).as("no run reported").doesNotContain("scenario   first");
        assertThat(out.resolve("first.trajectory.csv")).doesNotExist();
        assertThat(out.resolve("first.summary.json")).doesNotExist();
    }

    /** The chart's file counts too: a folder named first-vs-second.png is refused before the runs. */
    @Test
    void aFolderInTheWayOfTheChartIsRefusedUnlessThereIsNoChart(@TempDir Path dir) throws IOException {
        Path first = oneDose(dir, "first", "1");
        Path second = oneDose(dir, "second", "1");
        Path out = dir.resolve("out");
        Path folder = Files.createDirectories(out.resolve("first-vs-second.png"));
        CliRun refused = CliRun.of("simulate", first.toString(), second.toString(), "--mode", "fast", "--out", out.toString());
        assertThat(refused.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("cannot write " + folder + ": it is a folder");
        assertThat(out.resolve("first.trajectory.csv")).doesNotExist();
        CliRun noChart = CliRun.of("simulate", first.toString(), second.toString(), "--mode", "fast", "--no-chart",
                "--out", out.toString());
        assertThat(noChart.code()).as(noChart.err()).isZero();
        assertThat(out.resolve("second.summary.json")).isRegularFile();
    }
}
