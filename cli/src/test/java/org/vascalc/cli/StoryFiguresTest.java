package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.cli.report.ChartRenderer;
import org.vascalc.cli.report.Panel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.stories.StoryFigure;
import org.vascalc.simulation.stories.StoryRuns;

/**
 * The figures of docs/stories.md ({@link StoryFigure#ALL}), drawn from full-length fast runs with the
 * renderer of {@code vascalc simulate} (620 × 380 px panels, two columns). Every run renders them to a
 * temporary folder and checks their panels; {@code -Dvascalc.regenerate=true} also copies them to
 * {@code docs/img/}. PNG bytes depend on the platform's fonts, so the committed files are not compared.
 */
class StoryFiguresTest {

    private static final int WIDTH = 620;
    private static final int HEIGHT = 380;
    private static final int COLUMNS = 2;

    @Test
    void theStoryFiguresShowTheCtScoreItsTrueLayersAndWhatEachStoryIsAbout(@TempDir Path tmp) throws Exception {
        List<String> names = new ArrayList<>();
        StoryFigure.ALL.forEach(f -> f.stories().stream().filter(s -> !names.contains(s)).forEach(names::add));
        StoryRuns runs = StoryRuns.run(ProjectFiles.require("examples/scenarios/wall"), names);
        for (StoryFigure f : StoryFigure.ALL) {
            List<SimulationResult> lines = f.stories().stream().map(runs::result).toList();
            List<Panel> panels = RunCharts.panels(lines, f.channels());
            assertThat(panels).extracting(Panel::title).startsWith(RunCharts.CT_TITLE,
                    "Ground truth: intimal (plaque) calcium", "Ground truth: medial calcium");
            assertThat(panels).hasSize(3 + f.channels().size());
            assertThat(panels).allSatisfy(p -> assertThat(p.series()).extracting(s -> s.name())
                    .containsExactlyElementsOf(f.stories()));
            Path png = tmp.resolve(f.file());
            ChartRenderer.renderGridPng(panels, png, WIDTH, HEIGHT, COLUMNS);
            BufferedImage img = ImageIO.read(png.toFile());
            int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
            assertThat(img.getWidth()).isEqualTo(COLUMNS * WIDTH);
            // the panels, and under them their one legend (charts): taller than the panels by a strip
            assertThat(img.getHeight()).isGreaterThan(rows * HEIGHT).isLessThan(rows * HEIGHT + 100);
            if (Boolean.getBoolean("vascalc.regenerate")) {
                Path target = ProjectFiles.require("docs/img").resolve(f.file());
                Path part = Files.createTempFile(target.getParent(), ".story-", ".png");
                Files.copy(png, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
