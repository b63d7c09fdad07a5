package org.vascalc.simulation.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulator;
import org.vascalc.simulation.engine.EngineSimulatorFactory;

/**
 * docs/model/mineral.md's Probe 1 (calcitriol's response to intake, Adams's protocol) and the comments of the two
 * {@code adams1979-*.yaml} files it runs quote calcitriol and PTH at 06:00 of day 0 and of day 5. They were written
 * by hand and went stale (review9: 91.0 and 88.0 pmol/L where the runs gave 90.8 and 87.8). This runs the two files
 * as the page says (reference mode, the catalog) and checks the table's catalog rows and the comments quote what the
 * runs give, to the page's precision. (The γ rows need catalogs outside {@code --set}'s ranges; the page says how
 * they were run.)
 */
class AdamsProbeTest {

    private record Probe(double calcitriol0, double calcitriol5, double pth0, double pth5, double calcium0,
                         double calcium5) {
    }

    private static Probe run(String file) {
        var s = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/" + file)).scenario();
        Trajectory t = new EngineSimulator(new EngineSimulatorFactory().defaultParameters())
                .run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        return new Probe(at(t, "calcitriol", 6), at(t, "calcitriol", 5 * 24 + 6), at(t, "pthPgMl", 6),
                at(t, "pthPgMl", 5 * 24 + 6), at(t, "serumCalciumTotal", 6), at(t, "serumCalciumTotal", 5 * 24 + 6));
    }

    private static double at(Trajectory t, String id, double hours) {
        double[] s = t.series(id);
        for (int i = 0; i < t.size(); i++) {
            if (t.time(i) == hours) {
                return s[i];
            }
        }
        throw new AssertionError("no record at " + hours + " h");
    }

    /** "90.0 → 87.8 (−2.4 %) | 39.3 → 27.0 (−31 %) | 2.327 → 2.419": the page's cells. */
    private static String cells(Probe p) {
        return String.format(Locale.ROOT, "%.1f → %.1f (%s %%) | %.1f → %.1f (%s %%) | %.3f → %.3f", p.calcitriol0(),
                p.calcitriol5(), signed(100 * (p.calcitriol5() / p.calcitriol0() - 1), "%.1f"), p.pth0(), p.pth5(),
                signed(100 * (p.pth5() / p.pth0() - 1), "%.0f"), p.calcium0(), p.calcium5());
    }

    private static String signed(double v, String format) {
        String s = String.format(Locale.ROOT, format, Math.abs(v));
        return (v < 0 ? "−" : "+") + s;
    }

    @Test
    void probeOnesCatalogRowsAndTheFilesCommentsQuoteTodaysRuns() throws IOException {
        Probe load = run("adams1979-carbonate-load.yaml");
        Probe deprivation = run("adams1979-calcium-deprivation.yaml");
        String page = Files.readString(ProjectFiles.require("docs/model/mineral.md"), StandardCharsets.UTF_8);
        assertThat(page).contains("| load, catalog | " + cells(load) + " |")
                .contains("| deprivation, catalog | " + cells(deprivation) + " |");
        assertThat(comment("adams1979-carbonate-load.yaml")).contains(String.format(Locale.ROOT, "(%.1f -> %.1f pmol/L)",
                load.calcitriol0(), load.calcitriol5()));
        assertThat(comment("adams1979-calcium-deprivation.yaml")).contains(String.format(Locale.ROOT,
                "(%.1f -> %.1f pmol/L)", deprivation.calcitriol0(), deprivation.calcitriol5()));
    }

    private static String comment(String file) throws IOException {
        Path p = ProjectFiles.require("examples/scenarios/" + file);
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
