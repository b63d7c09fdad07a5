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
}
