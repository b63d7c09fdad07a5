package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.simulation.calibration.Band;
import org.vascalc.simulation.calibration.CalibrationTarget;
import org.vascalc.simulation.calibration.CalibrationTargets;
import org.vascalc.simulation.calibration.CheckRow;

/**
 * The validation table's terminal rows and tally (the header in CommandsTest: row, use, band, model,
 * target, error, what is compared), on hand-made rows: model values to four significant digits, the
 * signed error to one decimal with its sign, "-" where there is no number.
 */
class ValidateCommandTest {

    private static final CalibrationTarget CALCIUM = new CalibrationTarget("E99", "engine", CalibrationTarget.Use.CHECK,
            "baseline serum total calcium", "adults", "s.yaml", "serumCalciumTotal", "mean", 2.35, 2.2, 2.5, "mmol/L",
            "textbook", "p. 1", "published");

    private static CheckRow row(double model, double error, Band band, String note) {
        return new CheckRow(CALCIUM, model, error, band, false, note);
    }

    /** 2.4 against 2.35: (2.4 − 2.35) / 2.35 = +2.13 %, printed +2.1 %. */
    @Test
    void aRowShowsTheModelTheTargetWithItsUnitTheSignedErrorAndWhatIsCompared() {
        assertThat(ValidateCommand.line(row(2.4, 100 * (2.4 - 2.35) / 2.35, Band.GREEN, "")))
                .isEqualTo("E99  check green   2.400        2.350 mmol/L       +2.1 %    baseline serum total calcium");
        assertThat(ValidateCommand.line(new CheckRow(new CalibrationTarget("W01", "wall", CalibrationTarget.Use.FIT,
                "CAC incidence", "MESA", "", "cac", "rate", 12345.6, 1, 99999, "AU", "", "", ""), 1.5, -99.99, Band.RED,
                true, ""))).isEqualTo("W01  fit   red     1.500        1.235e+04 AU       -100.0 %  CAC incidence");
    }

    @Test
    void aRowWithoutANumberShowsADashAndWhyItWasNotRun() {
        assertThat(ValidateCommand.line(row(Double.NaN, Double.NaN, Band.NOT_RUN, "no check")))
                .isEqualTo("E99  check not run -            2.350 mmol/L       -         baseline serum total calcium  (no check)");
    }

    @Test
    void anInfiniteModelValueIsPrintedAsInfWithItsSignAndNoError() {
        assertThat(ValidateCommand.line(row(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Band.RED, "")))
                .startsWith("E99  check red     inf          2.350 mmol/L       -         ");
        assertThat(ValidateCommand.line(row(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Band.RED, "")))
                .startsWith("E99  check red     -inf         2.350 mmol/L       -         ");
    }

    /** An error that rounds to 0.0 is "+0.0 %", never "-0.0 %"; −0.05 rounds (half away from zero) to −0.1. */
    @Test
    void anErrorThatRoundsToZeroHasNoMinusSign() {
        assertThat(ValidateCommand.line(row(2.35, -0.04, Band.GREEN, ""))).contains(" +0.0 %    ");
        assertThat(ValidateCommand.line(row(2.35, 0.04, Band.GREEN, ""))).contains(" +0.0 %    ");
        assertThat(ValidateCommand.line(row(2.35, -0.05, Band.GREEN, ""))).contains(" -0.1 %    ");
        assertThat(ValidateCommand.line(row(2.35, -0.06, Band.GREEN, ""))).contains(" -0.1 %    ");
    }

    /** Bands in the order green, yellow, red, not run; a band with no row is left out. */
    @Test
    void theTallyCountsTheRowsOfEachBand() {
        List<CheckRow> rows = List.of(row(2.4, 2.1, Band.GREEN, ""), row(9, 283, Band.RED, ""),
                row(2.36, 0.4, Band.GREEN, ""), row(Double.NaN, Double.NaN, Band.NOT_RUN, "x"));
        assertThat(ValidateCommand.tally(rows)).isEqualTo("4 rows: 2 green, 1 red, 1 not run. Red rows are results, "
                + "not errors: docs/validation.md says why each one misses.");
        assertThat(ValidateCommand.tally(List.of(row(3, 27.7, Band.YELLOW, ""))))
                .startsWith("1 rows: 1 yellow. Red rows");
    }

    /** --scope engine, wall or all, in any case and with spaces; anything else names the three. */
    @Test
    void theScopeChoosesItsRows() {
        CalibrationTargets all = CalibrationTargets.load();
        assertThat(ValidateCommand.targets("all")).isEqualTo(all.all());
        assertThat(ValidateCommand.targets(" All ")).isEqualTo(all.all());
        assertThat(ValidateCommand.targets("Wall")).isNotEmpty().allMatch(t -> t.scope().equals("wall"));
        assertThat(ValidateCommand.targets("engine")).isNotEmpty().allMatch(t -> t.scope().equals("engine"));
        assertThat(ValidateCommand.targets("engine").size() + ValidateCommand.targets("wall").size())
                .isEqualTo(all.all().size());
        assertThatThrownBy(() -> ValidateCommand.targets("walls")).isInstanceOf(UserInputException.class)
                .hasMessage("--scope 'walls' is not engine, wall or all (did you mean 'wall'?)"); // leftovers17
    }

    /** A scope of wall rows only needs no engine scenario folder (they run virtual cohorts). */
    @Test
    void onlyEngineRowsNeedTheCalibrationScenarios(@TempDir Path elsewhere) {
        VascalcHome.at(elsewhere, () -> { // a "checkout" without examples/calibration
            ValidateCommand.requireCalibrationScenarios(ValidateCommand.targets("wall"));
            assertThatThrownBy(() -> ValidateCommand.requireCalibrationScenarios(ValidateCommand.targets("all")))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("or use --scope wall");
        });
    }

    private static CalibrationTarget target(String id) {
        return new CalibrationTarget(id, "wall", CalibrationTarget.Use.CHECK, "row " + id, "adults", "", "x", "mean", 1,
                0.5, 2, "1", "hand-made", "", "");
    }

    /**
     * The wall's virtual cohort is run once, just before the first row that reads it (after the rows
     * before it were printed), so that its minute shows a bar rather than silence; every row is still
     * printed in order; a scope without such a row runs no cohort.
     */
    @Test
    void theCohortRunsOnceJustBeforeTheFirstRowThatReadsIt() {
        List<String> events = new java.util.ArrayList<>();
        org.vascalc.simulation.calibration.CheckRunner runner = new org.vascalc.simulation.calibration.CheckRunner(
                org.vascalc.simulation.calibration.TargetChecks.of(List.of("W01", "W04", "W05").stream()
                        .map(id -> org.vascalc.simulation.calibration.TargetCheck.of(id, sim -> 1.0)).toList()));
        List<CheckRow> rows = ValidateCommand.rows(List.of(target("W01"), target("W04"), target("W05")), runner, null, null,
                r -> events.add(r.target().id()), id -> id.equals("W04") || id.equals("W05"), () -> events.add("cohort"));
        assertThat(events).containsExactly("W01", "cohort", "W04", "W05");
        assertThat(rows).extracting(r -> r.target().id()).containsExactly("W01", "W04", "W05");
        events.clear();
        ValidateCommand.rows(List.of(target("W01")), runner, null, null, r -> events.add(r.target().id()),
                id -> id.equals("W04"), () -> events.add("cohort"));
        assertThat(events).containsExactly("W01");
    }

    /** The rows that read the standard sample are the population rows (W04–W16, W18, W20), not W01–W03, W17, W19. */
    @Test
    void thePopulationRowsAreTheOnesThatReadTheCohort() {
        assertThat(List.of("W04", "W16", "W18", "W20"))
                .allMatch(org.vascalc.simulation.calibration.checks.WallPopulationTargetChecks::readsTheSample);
        assertThat(List.of("W01", "W03", "W17", "W19", "E01"))
                .noneMatch(org.vascalc.simulation.calibration.checks.WallPopulationTargetChecks::readsTheSample);
    }
}
