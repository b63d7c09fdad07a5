package org.vascalc.imaging.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.imaging.experiment.LayerBlindnessExperiment.Config;

/**
 * docs/layer-blindness.md still holds what today's phantom, scanner and scorer give, checked on one of
 * its four masses: 5 mg, every shape, the page's 5 noisy repeats (30 of its 120 scans, about a quarter
 * of the 47 s the page takes). Each case's repeats are seeded by repeat alone, not by the masses run
 * with it, so these rows are the page's rows; every 5 mg line of each section (scores and features,
 * separations, matched pair, what the numbers say) must be on the page as made today. A change of the
 * imaging code that moves any score or feature at 5 mg fails here, naming the section and the line
 * (page -> today) and the command that remakes the page. Not caught: a change that moves only the
 * 2, 10 or 20 mg cases, or the figure.
 */
class LayerBlindnessPageIT {

    private static final Path PAGE = Path.of("..", "docs", "layer-blindness.md");
    private static final String COMMAND = "./vascalc phantom --experiment layer-blindness --out out/layer-blindness "
            + "and copy its layer-blindness.md and .png to docs/";
    private static final double MASS_MG = 5;

    @Test
    void theFiveMilligramRowsOfTheLayerBlindnessPageAreTodays() throws IOException {
        Config standard = Config.standard();
        Config one = new Config(standard.artery(), standard.positionMm(), standard.densityMgPerCm3(),
                new double[] {MASS_MG}, standard.seeds(), standard.acquisition());
        String today = LayerBlindnessReport.markdown(new LayerBlindnessExperiment().run(one));
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Map<String, List<String>> before = fiveMilligramLines(page);
        Map<String, List<String>> after = fiveMilligramLines(today);
        assertThat(after.values().stream().mapToInt(List::size).sum())
                .as("the one-mass run makes 5 mg lines in every section").isGreaterThanOrEqualTo(20);
        List<String> moved = new ArrayList<>();
        after.forEach((section, lines) -> {
            List<String> was = before.getOrDefault(section, List.of());
            for (int i = 0; i < Math.max(was.size(), lines.size()); i++) {
                String b = i < was.size() ? was.get(i) : "(none)";
                String a = i < lines.size() ? lines.get(i) : "(none)";
                if (!a.equals(b)) {
                    moved.add(section + ": " + b + " -> " + a);
                }
            }
        });
        assertThat(moved).as("docs/layer-blindness.md is not what today's imaging code gives at 5 mg (page -> today):\n  %s"
                + "\nIf the change is meant, remake it: %s", String.join("\n  ", moved), COMMAND).isEmpty();
    }

    /** The lines about 5 mg (table rows and the summary bullet) under each section heading. */
    private static Map<String, List<String>> fiveMilligramLines(String markdown) {
        Map<String, List<String>> bySection = new LinkedHashMap<>();
        String section = "(top)";
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                section = line.substring(3);
            } else if (line.startsWith("| 5 | ") || line.startsWith("- 5 mg:")) {
                bySection.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
            }
        }
        return bySection;
    }
}
