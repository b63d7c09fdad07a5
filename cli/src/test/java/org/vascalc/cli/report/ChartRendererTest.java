package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartRendererTest {

    @Test
    void writesAPngOfTheRequestedSizeWithNoTemporaryFileLeft(@TempDir Path dir) throws Exception {
        double[] x = {0, 1, 2, 3, 4};
        Panel p = new Panel("t", "Serum calcium", "hours after dose", "mmol/L",
                List.of(new Series("supplement", x, new double[] {2.35, 2.38, 2.40, 2.39, 2.37}),
                        new Series("food", x, new double[] {2.35, 2.36, 2.36, 2.36, 2.35})), "", "");
        Path png = dir.resolve("c.png");
        ChartRenderer.renderPng(p, png, 640, 400);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(400);
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.toList()).containsExactly(png);
        }
    }

    @Test
    void aGridPutsPanelsSideBySideInOnePng(@TempDir Path dir) throws Exception {
        double[] x = {0, 1, 2};
        List<Panel> panels = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            panels.add(new Panel("p" + i, "panel " + i, "h", "u", List.of(new Series("s", x, new double[] {i, i + 1, i})),
                    "", ""));
        }
        Path png = dir.resolve("g.png");
        ChartRenderer.renderGridPng(panels, png, 300, 200, 2);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getHeight()).as("three panels in two columns make two rows").isEqualTo(400);
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.toList()).containsExactly(png);
        }
    }
}
