package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The ground of the Java2D charts ({@link ChartCanvas}): the whole image white; for a titled chart, drawn smooth. */
class ChartCanvasTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theWholeImageIsWhiteAndATitledChartIsAntialiasedInBlackBoldSansSerif() {
        for (boolean titled : new boolean[] {false, true}) {
            BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = titled ? ChartCanvas.forTitle(img) : ChartCanvas.white(img);
            try {
                for (int x = 0; x < img.getWidth(); x++) {
                    for (int y = 0; y < img.getHeight(); y++) {
                        assertThat(img.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(0xffffff);
                    }
                }
                if (titled) {
                    assertThat(g.getRenderingHint(RenderingHints.KEY_ANTIALIASING))
                            .isEqualTo(RenderingHints.VALUE_ANTIALIAS_ON);
                    assertThat(g.getRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING))
                            .isEqualTo(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                    assertThat(g.getColor()).isEqualTo(Color.BLACK);
                    assertThat(g.getFont()).isEqualTo(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                }
            } finally {
                g.dispose();
            }
        }
    }
}
