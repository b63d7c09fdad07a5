package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.testing.GeneratedPageDiff;

/**
 * docs/trials.md is what {@code ./vascalc trial --all} makes of today's model: every trial file of
 * examples/trials run as the command runs it (the members per arm and seed of the page's provenance,
 * the model's default parameters, one worker per processor: the runner gives the same numbers at any
 * thread count), and the page made by {@link TrialReport} with the page's own provenance must equal
 * the page, summary table, summary line and per-trial sections alike. {@code GeneratedPagesStampTest}
 * (cli) catches a changed parameter value in seconds; this catches what moves the page without one: the
 * model's equations, the engine, the trial runner or statistics, a trial file. It fails naming each
 * outcome row that moved (model estimate and interval, verdict: page -> today) and the command that
 * remakes the page. One to three minutes on two cores (200 members per arm of every trial file, 22 on 2026-12-03).
 */
class TrialsPageIT {

    static final String PAGE = "docs/trials.md";
    static final String COMMAND = "./vascalc trial --all --write docs/trials.md";
    private static final Pattern RUN = Pattern.compile("(?m)^(\\d+) members per arm, seed (\\d+), fast mode$");

    @Test
    void everyTrialOfTheTrialsPageIsWhatTheModelGivesToday() throws IOException {
        String page = Files.readString(ProjectFiles.require(PAGE), StandardCharsets.UTF_8);
        String provenance = GeneratedPageDiff.provenance(page);
        Matcher run = RUN.matcher(provenance);
        assertThat(run.find()).as("%s names its members per arm and seed in its provenance", PAGE).isTrue();
        assertThat(provenance).as("%s is made without parameter sets (the command names none)", PAGE)
                .doesNotContain("parameter sets");
        int size = Integer.parseInt(run.group(1));
        long seed = Long.parseLong(run.group(2));
        SimulatorFactory factory = SimulatorFactory.load();
        ParameterCatalog catalog = factory.defaultParameters();
        TrialRunner runner = new TrialRunner(factory, catalog, Runtime.getRuntime().availableProcessors());
        List<TrialResult> results = new ArrayList<>();
        for (Path file : TrialFiles.catalog(ProjectFiles.require(TrialFiles.FOLDER)).values()) {
            TrialResult r = runner.run(TrialFiles.load(file), size, seed, CohortProgress.NONE);
            System.out.printf(Locale.ROOT, "%s %.1f s%n", r.spec().key(), r.seconds()); // the cost, for the page's budget
            results.add(r);
        }
        String today = TrialReport.markdown(results, provenance);
        // a row is one outcome of one trial: the trial and the outcome's cell name it
        List<String> moved = GeneratedPageDiff.moved(page, today, 2);
        assertThat(moved).as(GeneratedPageDiff.message(PAGE, moved, COMMAND)).isEmpty();
    }
}
