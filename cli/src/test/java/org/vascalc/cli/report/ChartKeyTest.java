package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The text key of a chart (a11y2; its x-axis title: xtitle): what its image draws centred, said above it where its
 * box scrolls on a phone.
 */
class ChartKeyTest {

    private static final double[] X = {0, 1, 2, 3, 4};

    @Test
    void aPanelsKeyIsItsTitleAndItsLinesInTheColoursTheImageDrawsThem() throws Exception {
        Panel p = new Panel("t", "Serum calcium <after a tablet>", "hours after dose", "mmol/L",
                List.of(new Series("supplement & food", X, new double[] {2.35, 2.38, 2.40, 2.39, 2.37}),
                        new Series("food", X, new double[] {2.35, 2.36, 2.36, 2.36, 2.35})), "", "");
        ChartKey key = ChartRenderer.key(p, 640, 400);
        assertThat(key.title()).isEqualTo(p.title());
        assertThat(key.xTitle()).isEqualTo(p.xLabel());
        assertThat(key.entries()).extracting(ChartKey.Entry::name).containsExactly("supplement & food", "food");
        Set<String> drawn = colours(ChartRenderer.pngBytes(p, 640, 400));
        assertThat(key.entries()).extracting(ChartKey.Entry::colour).allSatisfy(c -> assertThat(drawn).contains(c))
                .doesNotHaveDuplicates();
        assertThat(key.html()).isEqualTo("<div class=\"chart-key\" aria-hidden=\"true\"><b>Serum calcium &lt;after a "
                + "tablet&gt;</b> <span><i style=\"background:" + key.entries().get(0).colour() + ";height:2.2px\"></i>"
                + "supplement &amp; food</span> <span><i style=\"background:" + key.entries().get(1).colour()
                + ";height:2.2px\"></i>food</span> "
                + "<span class=\"x-title\">x axis: hours after dose</span></div>");
    }

    @Test
    void theXAxisTitleIsSaidOnlyWhereTheChartDrawsOne() {
        // xtitle: the x axis's title is drawn centred under the whole chart, out of a phone's view until scrolled
        ChartKey none = ChartKey.ofBars("Bars", " ", List.of("a vs b"), new Color[] {Color.RED});
        assertThat(none.html()).isEqualTo("<div class=\"chart-key\" aria-hidden=\"true\"><b>Bars</b> <span><i "
                + "class=\"bar\" style=\"background:#ff0000\"></i>a vs b</span></div>");
        assertThat(ChartKey.ofBars("Lines", "time <days>", List.of(), new Color[0]).html())
                .endsWith("<span class=\"x-title\">x axis: time &lt;days&gt;</span></div>");
    }

    /**
     * storyaxis: the phone key drew every entry as the same bar, while the chart draws a line that a later line lies
     * on wider (the flagship's food arm under the MK-7 arm) and a row of intake marks as markers: the key's swatch of
     * each line has the width its chart draws it ({@link ChartRenderer#lineWidths}), and a row of marks is its
     * marker's symbol in its line's colour, not a line.
     */
    @Test
    void eachSwatchIsDrawnAsItsLineIsDrawn() {
        Panel p = new Panel("t", "two arms", "time (h)", "mmol/L",
                List.of(new Series("food", X, new double[] {2.35, 2.38, 2.40, 2.39, 2.37}),
                        new Series("food + MK-7", X, new double[] {2.35, 2.38, 2.40, 2.39, 2.37}),
                        new Series("supplement", X, new double[] {2.30, 2.45, 2.50, 2.41, 2.33})), "", "")
                .withMarks(List.of(new IntakeMarks("tablet: 500 mg Ca", IntakeMarks.Kind.TABLET, 2, new double[] {1})));
        float[] drawn = ChartRenderer.lineWidths(ChartRenderer.liesOn(p, 640, 400));
        assertThat(drawn).as("the chart draws food under food + MK-7, wider").containsExactly(
                ChartRenderer.LINE_WIDTH + ChartRenderer.HALO, ChartRenderer.LINE_WIDTH, ChartRenderer.LINE_WIDTH);
        ChartKey key = ChartRenderer.key(p, 640, 400);
        assertThat(key.entries()).extracting(ChartKey.Entry::swatch).containsExactly(ChartKey.Swatch.LINE,
                ChartKey.Swatch.LINE, ChartKey.Swatch.LINE, ChartKey.Swatch.MARK);
        assertThat(key.entries().subList(0, 3)).extracting(ChartKey.Entry::width).containsExactly(drawn[0], drawn[1], drawn[2]);
        String c0 = key.entries().get(0).colour();
        String c2 = key.entries().get(2).colour();
        assertThat(key.html()).contains("<span><i style=\"background:" + c0 + ";height:5.0px\"></i>food</span>")
                .contains("<span><i style=\"background:" + key.entries().get(1).colour() + ";height:2.2px\"></i>food + MK-7</span>")
                .contains("<span><i class=\"mark\" style=\"color:" + c2 + "\">\u25b2</i>tablet: 500 mg Ca</span>");
    }

    @Test
    void theKeyShowsOnlyWhereTheChartScrolls() {
        assertThat(ChartKey.style(700)).startsWith(".chart-key{display:none}@media (max-width:700px){.chart-key{display:block;");
        // the x axis's title on a line of its own, wrapping if longer than the phone is wide (xtitle)
        assertThat(ChartKey.style(700)).endsWith(".chart-key .x-title{display:block;white-space:normal}}");
    }

    private static Set<String> colours(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        Set<String> out = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                out.add(String.format("#%06x", img.getRGB(x, y) & 0xffffff));
            }
        }
        return out;
    }
}
