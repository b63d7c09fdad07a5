package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.vascalc.cli.RunCharts;
import org.vascalc.cli.report.ChartRenderer;
import org.vascalc.cli.report.Panel;
import org.vascalc.cli.report.Series;
import org.vascalc.simulation.OutputChannel;

/**
 * The scenario page's charts are drawn at a height where the longest y-axis title {@link RunCharts#yLabel} makes
 * is whole (review9: at 360 px the page's dp-ucMGP chart read "circulating dephospho-uncarboxylat… (pmol/" with the
 * unit cut off at the top edge, its first rows inked; {@code simulate}'s 380-pixel panels show it whole).
 */
class ScenarioChartSizeTest {

    @Test
    void theLongestYAxisTitleFitsInsideThePagesChart() throws Exception {
        // dp-ucMGP's own description (VitaminKOutputs): cut by yLabel to MAX_Y_LABEL characters, the unit kept whole
        String label = RunCharts.yLabel(new OutputChannel("dpUcMgp", "pmol/L", "circulating dephospho-uncarboxylated MGP"));
        assertThat(label).endsWith("(pmol/L)").hasSize(RunCharts.MAX_Y_LABEL);
        Panel p = new Panel("dpUcMgp", "circulating dephospho-uncarboxylated MGP", "time (days)", label,
                List.of(new Series("run", new double[] {0, 84}, new double[] {320, 239})), "", "");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                ChartRenderer.pngBytes(p, ScenarioPage.CHART_WIDTH, ScenarioPage.CHART_HEIGHT)));
        // the rotated title runs up the left edge: no ink of it in the image's first rows (a cut title reaches them)
        int background = img.getRGB(img.getWidth() - 2, 2); // the top-right corner: nothing is drawn there
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 40; x++) {
                assertThat(img.getRGB(x, y)).as("pixel (%d, %d) of the left margin's top rows", x, y)
                        .isEqualTo(background);
            }
        }
    }
}
