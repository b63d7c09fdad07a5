package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.testing.GeneratedPageDiff;

/**
 * docs/validation.md is what {@code ./vascalc validate --scope all} makes of today's model: every
 * target of calibration-targets.csv run once through its registered check, as the command runs them
 * ({@link ValidationRun}, shared with {@link EngineTargetsIT}), and the page made by {@link ValidationReport}
 * with the page's own provenance must equal the page. {@code GeneratedPagesStampTest} (cli) catches a
 * changed parameter value in seconds; this catches what moves the rows without one: the model's
 * equations, the engine, the checks, a target's row or a known miss's text. It fails naming each row
 * that moved (model value, signed error, band: page -> today) and the command that remakes the page.
 * About a minute (the engine rows, the wall's single patients and its seeded cohorts of 2 400 + 1 200),
 * paid once with EngineTargetsIT and WallPopulationIT, which read the same runs.
 */
class ValidationPageIT {

    static final String PAGE = "docs/validation.md";
    static final String COMMAND = "./vascalc validate --scope all --write docs/validation.md";

    @Test
    void everyRowOfTheValidationPageIsWhatTheModelGivesToday() throws IOException {
        String page = Files.readString(ProjectFiles.require(PAGE), StandardCharsets.UTF_8);
        String today = ValidationReport.markdown(ValidationRun.rows(), GeneratedPageDiff.provenance(page));
        List<String> moved = GeneratedPageDiff.moved(page, today, 1);
        assertThat(moved).as(GeneratedPageDiff.message(PAGE, moved, COMMAND)).isEmpty();
    }
}
