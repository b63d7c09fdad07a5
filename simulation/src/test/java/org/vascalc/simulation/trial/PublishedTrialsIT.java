package org.vascalc.simulation.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;

/**
 * Every published trial file of examples/trials runs end to end on the real model at a small size
 * (12 members per arm): its inclusion finds members, every outcome's output is recorded and gives a
 * finite effect with an interval, and the report holds one row per outcome. It asserts the
 * machinery, not that the model matches the papers (docs/trials.md reports that).
 */
class PublishedTrialsIT {

    @Test
    void everyPublishedTrialRunsAndReports() {
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        TrialRunner runner = new TrialRunner(new EngineSimulatorFactory(), catalog, 2);
        Map<String, Path> files = TrialFiles.catalog(ProjectFiles.require(TrialFiles.FOLDER));
        List<TrialResult> results = new ArrayList<>();
        int rows = 0;
        for (Path f : files.values()) {
            TrialSpec s = TrialFiles.load(f);
            TrialResult r = runner.run(s, 12, 3, (d, n) -> { });
            assertThat(r.members()).isEqualTo(12);
            for (TrialResult.OutcomeResult o : r.outcomes()) {
                assertThat(o.estimate()).as(s.key() + ": " + o.outcome().name()).isFinite();
                assertThat(o.low()).as(s.key() + ": " + o.outcome().name()).isLessThanOrEqualTo(o.estimate());
                assertThat(o.high()).isGreaterThanOrEqualTo(o.estimate());
                assertThat(o.used()).isPositive();
                assertThat(o.verdict()).isNotEqualTo(TrialResult.Verdict.NOT_COMPUTABLE);
            }
            rows += r.outcomes().size();
            results.add(r);
        }
        String md = TrialReport.markdown(results, "PublishedTrialsIT");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| trial") && !l.startsWith("| ---")))
                .hasSize(rows);
    }
}
