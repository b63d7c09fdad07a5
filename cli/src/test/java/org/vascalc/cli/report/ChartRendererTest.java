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
        assertThat(img.getHeight()).as("three panels in two columns make two rows, and the one legend a strip under them")
                .isEqualTo(400 + GridLegend.height(ChartRenderer.legend(panels, 300, 200), 600)).isGreaterThan(400);
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.toList()).containsExactly(png);
        }
    }

    /** Rows of the left label strip with black (tick label) pixels. */
    private static int labelRows(java.awt.image.BufferedImage img) {
        int rows = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < 60; x++) {
                if ((img.getRGB(x, y) & 0xffffff) == 0) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    /**
     * A quantity growing linearly (equally spaced values: XChart 3.8 then put a label at every one,
     * e.g. 1.587, 1.588, ... 1.618 on top of each other) gets a handful of round ticks, like any curve.
     */
    @Test
    void aStraightLineGetsAFewReadableYTicksNotOnePerValue() throws Exception {
        int n = 241;
        double[] x = new double[n];
        double[] line = new double[n];
        double[] curve = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.25;
            line[i] = 1.5874 + 0.0302 * i / (n - 1);
            curve[i] = 1.5874 + 0.0302 * Math.pow((double) i / (n - 1), 2);
        }
        var ofLine = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(ChartRenderer.pngBytes(
                new Panel("m", "medial calcium", "time (days)", "mg", java.util.List.of(new Series("run", x, line)), "", ""),
                620, 380)));
        var ofCurve = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(ChartRenderer.pngBytes(
                new Panel("m", "medial calcium", "time (days)", "mg", java.util.List.of(new Series("run", x, curve)), "", ""),
                620, 380)));
        assertThat(labelRows(ofCurve)).as("a curve's labels (the usual case)").isLessThan(100);
        assertThat(labelRows(ofLine)).as("rows of y tick labels for a straight line").isLessThan(100);
    }

    /** Columns of the x tick-label strip (just under the plot) with black pixels. */
    private static int xLabelColumns(java.awt.image.BufferedImage img, int top, int bottom) {
        int cols = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = top; y < bottom; y++) {
                if ((img.getRGB(x, y) & 0xffffff) == 0) {
                    cols++;
                    break;
                }
            }
        }
        return cols;
    }

    /**
     * Two years recorded daily (equally spaced times: XChart 3.8 labelled the x axis at data values,
     * "0 37 74 111148185222..." run together) gets round, separate ticks.
     */
    @Test
    void equallySpacedTimesGetSeparateXTickLabels() throws Exception {
        int n = 731;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 2.29 + 0.003 * Math.sin(i / 200.0);
        }
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(ChartRenderer.pngBytes(
                new Panel("c", "total serum calcium", "time (days)", "mmol/L", java.util.List.of(new Series("run", x, y)), "", ""),
                620, 380)));
        // the x tick labels' band (under the plot, above the axis title): run together, they covered
        // 294 of the 620 columns; eight round labels (0, 100, ... 700) cover about 134
        int widest = 0;
        for (int top = 240; top < 340; top += 2) {
            widest = Math.max(widest, xLabelColumns(img, top, top + 10));
        }
        assertThat(widest).as("columns of the widest band of x tick labels").isBetween(40, 200);
    }

    /**
     * review8: a line drawn over an earlier one hid it (the flagship's supplement arm under the MK-7 arm,
     * the food arm's dp-ucMGP under the supplement's): the earlier line is now drawn wider, so it shows on
     * both sides of the later one, and the caption says which lies on which.
     */
    @Test
    void aLineOnAnEarlierLineIsDrawnInsideItsWiderLineSoBothShow() throws Exception {
        double[] x = new double[50];
        double[] y = new double[50];
        double[] near = new double[50];
        double[] apart = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 10 + i;
            near[i] = y[i] + 0.002 * 49; // 0.2 % of the axis
            apart[i] = y[i] + 0.02 * 49; // 2 %
        }
        Panel same = new Panel("s", "t", "years", "mg", List.of(new Series("food", x, y), new Series("MK-7", x, near)), "", "");
        assertThat(ChartRenderer.liesOn(same, 640, 400)).containsExactly(-1, 0);
        assertThat(ChartRenderer.describeCoincident(same, 640, 400)).isEqualTo("MK-7 lies on food (drawn touching "
                + "everywhere on this chart; the line underneath is drawn wider, so that it shows).");
        Panel distinct = new Panel("d", "t", "years", "mg", List.of(new Series("food", x, y), new Series("MK-7", x, apart)), "", "");
        assertThat(ChartRenderer.liesOn(distinct, 640, 400)).containsExactly(-1, -1);
        assertThat(ChartRenderer.describeCoincident(distinct, 640, 400)).isEmpty();
        // three on one place: each lies on the one before, and each is drawn inside the one below it
        Panel three = new Panel("3", "t", "years", "mg", List.of(new Series("a", x, y), new Series("b", x, y),
                new Series("c", x, y)), "", "");
        assertThat(ChartRenderer.liesOn(three, 640, 400)).containsExactly(-1, 0, 1);
        assertThat(ChartRenderer.lineWidths(ChartRenderer.liesOn(three, 640, 400))).containsExactly(2.2f + 2 * 2.8f, 2.2f + 2.8f, 2.2f);

        // the first (blue) line shows on both sides of the second: over a tenth of its pixels alone (the legend's is a few per cent)
        int alone = bluePixels(new Panel("a", "t", "years", "mg", List.of(new Series("food", x, y)), "", ""));
        int under = bluePixels(same);
        assertThat(under).as("blue pixels with the second line over it, of %d alone", alone).isGreaterThan(alone / 10);
    }

    /**
     * charts: each panel of a grid drew the same legend (a single run's name on all six); the grid has one legend,
     * each line's name once in one colour on every panel, then each row of intake marks once.
     */
    @Test
    void aGridsLegendNamesEachLineAndEachRowOfMarksOnce() {
        double[] x = {0, 1, 2};
        IntakeMarks tablet = new IntakeMarks("tablet", IntakeMarks.Kind.TABLET, 1, new double[] {1});
        List<Panel> panels = List.of(
                new Panel("a", "a", "h", "u", List.of(new Series("food", x, x), new Series("supplement", x, x)), "", "")
                        .withMarks(List.of(tablet)),
                new Panel("b", "b", "h", "u", List.of(new Series("food", x, x), new Series("supplement", x, x),
                        new Series("MK-7", x, x)), "", "").withMarks(List.of(tablet)));
        List<ChartRenderer.LegendEntry> legend = ChartRenderer.legend(panels, 620, 380);
        assertThat(legend).extracting(ChartRenderer.LegendEntry::name).containsExactly("food", "supplement", "MK-7", "tablet");
        assertThat(legend.get(3).colour()).as("the tablet's marks in the supplement's colour").isEqualTo(legend.get(1).colour());
        assertThat(legend).extracting(ChartRenderer.LegendEntry::kind).containsExactly(null, null, null,
                IntakeMarks.Kind.TABLET);
        assertThat(ChartRenderer.legendText(panels)).isEqualTo("line food; line supplement; line MK-7; \u25b2 tablet");
    }

    /**
     * charts2: the rows of intake marks were drawn inside the plot and stretched its y axis below the data (the
     * gut-absorption panel read down to −10 mmol/d beside them). The lines' y axis is the one they have without marks,
     * no mark is a point of the plot, and the marks are drawn in a strip under it, the image keeping its size.
     */
    @Test
    void theMarksStayOutOfTheLinesYAxis() throws Exception {
        double[] x = {0, 12, 24};
        IntakeMarks meals = new IntakeMarks("meal", IntakeMarks.Kind.MEAL, 0, new double[] {8, 13, 19});
        IntakeMarks tablet = new IntakeMarks("tablet", IntakeMarks.Kind.TABLET, 0, new double[] {10});
        for (double minSpan : new double[] {0, 5}) {
            Panel plain = new Panel("a", "a", "time (h)", "mmol/d", List.of(new Series("s", x, new double[] {2, 3, 2.5})),
                    "", "", minSpan);
            Panel marked = plain.withMarks(List.of(meals, tablet));
            org.knowm.xchart.XYChart without = ChartRenderer.chart(plain, 620, 380);
            org.knowm.xchart.XYChart with = ChartRenderer.chart(marked, 620, 380);
            assertThat(with.getStyler().getYAxisMin()).as("the y axis's bottom, minimum span %s", minSpan)
                    .isEqualTo(without.getStyler().getYAxisMin());
            assertThat(with.getStyler().getYAxisMax()).isEqualTo(without.getStyler().getYAxisMax());
            assertThat(with.getSeriesMap().keySet()).as("the plot's points").doesNotContain("meal", "tablet")
                    .isEqualTo(without.getSeriesMap().keySet());
        }
        Panel marked = new Panel("a", "a", "time (h)", "mmol/d", List.of(new Series("s", x, new double[] {2, 3, 2.5})),
                "", "").withMarks(List.of(meals, tablet));
        BufferedImage img = ChartRenderer.panelImage(marked, 620, 380, java.util.Map.of());
        assertThat(img.getWidth()).isEqualTo(620);
        assertThat(img.getHeight()).isEqualTo(380);
    }

    /**
     * charts2: the one legend drew every line at one width, while a line that a later one lies on is drawn wider
     * (its sample must be what the reader looks for): each line's sample is as wide as the panels draw it, the widest.
     */
    @Test
    void theLegendDrawsEachLineAtTheWidthItsPanelsDrawIt() {
        double[] x = {0, 1, 2};
        Panel apart = new Panel("a", "a", "h", "u", List.of(new Series("food", x, new double[] {0, 1, 2}),
                new Series("MK-7", x, new double[] {2, 1, 0})), "", "");
        Panel on = new Panel("b", "b", "h", "u", List.of(new Series("food", x, new double[] {0, 1, 2}),
                new Series("MK-7", x, new double[] {0, 1, 2})), "", "");
        assertThat(ChartRenderer.legend(List.of(apart), 620, 380)).extracting(ChartRenderer.LegendEntry::width)
                .containsExactly(ChartRenderer.LINE_WIDTH, ChartRenderer.LINE_WIDTH);
        assertThat(ChartRenderer.legend(List.of(apart, on), 620, 380)).extracting(ChartRenderer.LegendEntry::width)
                .as("food drawn under MK-7 on the second panel").containsExactly(ChartRenderer.LINE_WIDTH + ChartRenderer.HALO,
                        ChartRenderer.LINE_WIDTH);
    }

    /**
     * storyaxis: the two-day chart's x axis ran to 50 h for 48 h of data (XChart rounds its ticks up), an empty strip
     * read as more hours. An axis in hours ends where the data ends (no point beyond it, none cut); an axis in days or
     * years keeps XChart's own range.
     */
    @Test
    void anAxisInHoursEndsWhereTheDataEnds() throws Exception {
        double[] x = new double[49];
        double[] y = new double[49];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 2.35 + 0.03 * Math.sin(i / 3.0);
        }
        for (String hours : List.of("time (h)", "hours since midnight")) {
            Panel p = new Panel("d", "two days", hours, "mmol/L", List.of(new Series("food", x, y)), "", "");
            org.knowm.xchart.XYChart chart = ChartRenderer.chart(p, 640, 400);
            assertThat(chart.getStyler().getXAxisMax()).as(hours).isEqualTo(48.0);
            org.knowm.xchart.BitmapEncoder.getBufferedImage(chart); // lays the chart out: its axes map values to pixels
            // the data's end inside the image (not cut), and 50 h off it: the axis ends at 48 h, no margin after it
            assertThat(chart.getScreenXFromChart(48)).as("48 h, %s", hours).isLessThanOrEqualTo(640);
            assertThat(chart.getScreenXFromChart(50)).as("50 h, %s", hours).isGreaterThan(640);
            assertThat(chart.getScreenXFromChart(0)).isGreaterThan(0);
            // the y axis keeps a margin: the lines' lowest and highest values inside the axis, not on its edges
            assertThat(chart.getStyler().getYAxisMin()).isLessThan(2.35 - 0.029);
            assertThat(chart.getStyler().getYAxisMax()).isGreaterThan(2.35 + 0.029);
        }
        Panel years = new Panel("y", "ten years", "time (years)", "mg", List.of(new Series("a", x, y)), "", "");
        assertThat(ChartRenderer.chart(years, 640, 400).getStyler().getXAxisMax()).isNull();
    }

    /**
     * leftovers26: an axis in hours is ticked at whole days or at hours a reader counts in, at least 80 px apart, not at
     * XChart's steps of 5 or 10 (the two days' chart read 0, 5 ... 45, no tick at its end): the same image, with a mark
     * under the plot at 12 h and at 48 h and none at 10 h, the place XChart's own would be.
     */
    @Test
    void anAxisInHoursIsTickedAtHalfDaysWithAMarkAtItsEnd() throws Exception {
        double[] x = new double[49];
        double[] y = new double[49];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 2.35 + 0.03 * Math.sin(i / 3.0);
        }
        Panel p = new Panel("d", "two days", "hours since midnight", "mmol/L", List.of(new Series("food", x, y)), "", "");
        org.knowm.xchart.XYChart chart = ChartRenderer.chart(p, 720, 430);
        org.knowm.xchart.BitmapEncoder.getBufferedImage(chart); // lays the chart out: its axes map values to pixels
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(ChartRenderer.pngBytes(p, 720, 430)));
        // the marks hang from the axis line, the plot's margin under the plot (XChart's layout, kept)
        int axis = (int) (chart.getScreenYFromChart(chart.getStyler().getYAxisMin()) + chart.getStyler().getPlotMargin());
        for (double h : List.of(0.0, 12.0, 24.0, 36.0, 48.0)) {
            assertThat(darkestBelow(img, chart.getScreenXFromChart(h), axis)).as("a mark at %s h", h).isLessThan(200);
        }
        for (double h : List.of(5.0, 10.0, 20.0, 45.0)) {
            assertThat(darkestBelow(img, chart.getScreenXFromChart(h), axis)).as("no mark at %s h", h).isGreaterThan(240);
        }
    }

    /** The darkest grey of the pixels 1 and 2 rows under {@code axis} in the column at {@code px} and its neighbours. */
    private static int darkestBelow(BufferedImage img, double px, int axis) {
        int darkest = 255;
        for (int col = (int) Math.round(px) - 1; col <= (int) Math.round(px) + 1; col++) {
            for (int row = axis + 1; row <= axis + 2; row++) {
                darkest = Math.min(darkest, img.getRGB(col, row) & 0xff);
            }
        }
        return darkest;
    }

    /**
     * leftovers26: the steps an axis in hours takes: the smallest of 1, 2, 3, 6, 12 h, a day or whole days that leaves
     * 80 px between ticks, from the first multiple at or after the axis's start to the last at or before its end; none
     * (XChart's own kept) where fewer than three would show.
     */
    @Test
    void anHoursAxisStepIsTheSmallestWholeStepEightyPixelsApart() {
        assertThat(HourTicks.ticks(0, 48, 600)).containsExactly(0.0, 12.0, 24.0, 36.0, 48.0);
        assertThat(HourTicks.ticks(0, 72, 600)).containsExactly(0.0, 12.0, 24.0, 36.0, 48.0, 60.0, 72.0);
        assertThat(HourTicks.ticks(0, 72, 400)).containsExactly(0.0, 24.0, 48.0, 72.0);
        assertThat(HourTicks.ticks(0, 168, 600)).containsExactly(0.0, 24.0, 48.0, 72.0, 96.0, 120.0, 144.0, 168.0);
        assertThat(HourTicks.ticks(0, 6, 600)).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(HourTicks.ticks(-1e-6, 47.9999999999, 600)).as("an axis a hair off its whole hours")
                .containsExactly(0.0, 12.0, 24.0, 36.0, 48.0);
        assertThat(HourTicks.ticks(1.5, 50, 600)).containsExactly(12.0, 24.0, 36.0, 48.0);
        assertThat(HourTicks.ticks(0, 0.5, 600)).as("under an hour: XChart's ticks").isEmpty();
        assertThat(HourTicks.ticks(0, 48, 100)).as("too narrow for three").isEmpty();
    }

    /**
     * review20: on /compare over 3 years the MK-7 arm hid the food arm ("Coronary medial calcium"), and the caption
     * did not say it lies on it: they were more than 0.5 % of the axis's height apart (the old rule), less than a
     * drawn line's width on a ~220-px plot. Lines a pixel apart on a small plot are seen as one and said to be;
     * lines clearly apart are not. The pixels are read from the chart as laid out, not assumed.
     */
    @Test
    void linesAPixelApartOnASmallPlotLieOnEachOtherAndLinesClearlyApartDoNot() throws Exception {
        double[] x = FORTY_YEARS.clone();
        double[] food = risingFood(x);
        int w = 400; // a plot about 150 px tall (review20's was about 220)
        int h = 250;
        double perPixel = unitsPerPixel(new Panel("p", "t", "years", "mg", List.of(new Series("food", x, food)), "", ""), w, h);
        Panel onePixel = twoArms(x, food, 1.0 * perPixel);
        assertThat(unitsPerPixel(onePixel, w, h)).as("the second line moves the axis by a hair only")
                .isCloseTo(perPixel, org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(1.0 * perPixel / 39).as("a pixel apart is more than the old rule's 0.5 %% of the axis").isGreaterThan(0.005);
        assertThat(ChartRenderer.liesOn(onePixel, w, h)).containsExactly(-1, 0);
        assertThat(ChartRenderer.describeCoincident(onePixel, w, h)).startsWith("MK-7 lies on food (");
        assertThat(ChartRenderer.key(onePixel, w, h).entries()).extracting(ChartKey.Entry::width)
                .containsExactly(ChartRenderer.LINE_WIDTH + ChartRenderer.HALO, ChartRenderer.LINE_WIDTH);
        Panel apart = twoArms(x, food, 8.0 * perPixel);
        assertThat(ChartRenderer.liesOn(apart, w, h)).containsExactly(-1, -1);
        assertThat(ChartRenderer.describeCoincident(apart, w, h)).isEmpty();
        // apart at one point only: seen as two lines there, so not one on the other
        double[] mk7 = food.clone();
        mk7[20] += 8.0 * perPixel;
        Panel oneBump = new Panel("b", "t", "years", "mg", List.of(new Series("food", x, food), new Series("MK-7", x, mk7)), "", "");
        assertThat(ChartRenderer.liesOn(oneBump, w, h)).containsExactly(-1, -1);
    }

    /**
     * leftovers33: two lines sampled at different x (a coarse row against a fine one) were never said to lie on each
     * other, though drawn as one: they are compared at the union of their x samples inside the stretch both cover,
     * each taken straight between its own points.
     */
    @Test
    void linesSampledAtDifferentXDrawnAsOneLieOnEachOther() throws Exception {
        double[] x = FORTY_YEARS.clone();
        double[] food = risingFood(x);
        int w = 400;
        int h = 250;
        double perPixel = unitsPerPixel(new Panel("p", "t", "years", "mg", List.of(new Series("food", x, food)), "", ""), w, h);
        // every third x, the same stretch, a pixel above
        double[] coarse = java.util.stream.IntStream.rangeClosed(0, 13).mapToDouble(i -> 3.0 * i).toArray();
        double[] onCoarse = java.util.Arrays.stream(coarse).map(t -> 100 + t + perPixel).toArray();
        Panel sameStretch = new Panel("c", "t", "years", "mg", List.of(new Series("food", x, food),
                new Series("MK-7", coarse, onCoarse)), "", "");
        assertThat(ChartRenderer.liesOn(sameStretch, w, h)).containsExactly(-1, 0);
        assertThat(ChartRenderer.describeCoincident(sameStretch, w, h)).startsWith("MK-7 lies on food (drawn touching");
        assertThat(ChartRenderer.key(sameStretch, w, h).entries()).extracting(ChartKey.Entry::width)
                .containsExactly(ChartRenderer.LINE_WIDTH + ChartRenderer.HALO, ChartRenderer.LINE_WIDTH);
        // at the half years, over a shorter stretch: said of the stretch both are drawn over
        double[] half = java.util.stream.IntStream.range(0, 39).mapToDouble(i -> i + 0.5).toArray();
        double[] onHalf = java.util.Arrays.stream(half).map(t -> 100 + t - perPixel).toArray();
        Panel shorter = new Panel("h", "t", "years", "mg", List.of(new Series("food", x, food),
                new Series("MK-7", half, onHalf)), "", "");
        assertThat(ChartRenderer.liesOn(shorter, w, h)).containsExactly(-1, 0);
        assertThat(ChartRenderer.describeCoincident(shorter, w, h)).startsWith("MK-7 lies on food where both are drawn (");
    }

    /**
     * The counterpart: lines sampled at different x that are more than {@link ChartRenderer#SEEN_AS_ONE} apart
     * somewhere (even between the other line's points), or that share no stretch of x, are not said to lie on each other.
     */
    @Test
    void linesSampledAtDifferentXApartSomewhereOrSideBySideDoNotLieOnEachOther() throws Exception {
        double[] x = FORTY_YEARS.clone();
        double[] food = risingFood(x);
        int w = 400;
        int h = 250;
        double perPixel = unitsPerPixel(new Panel("p", "t", "years", "mg", List.of(new Series("food", x, food)), "", ""), w, h);
        double[] coarse = java.util.stream.IntStream.rangeClosed(0, 13).mapToDouble(i -> 3.0 * i).toArray();
        double[] onCoarse = java.util.Arrays.stream(coarse).map(t -> 100 + t).toArray();
        // food bumps 8 px at x = 20, between the coarse line's points 18 and 21
        double[] bumped = food.clone();
        bumped[20] += 8 * perPixel;
        Panel bump = new Panel("b", "t", "years", "mg", List.of(new Series("food", x, bumped),
                new Series("MK-7", coarse, onCoarse)), "", "");
        assertThat(ChartRenderer.liesOn(bump, w, h)).containsExactly(-1, -1);
        assertThat(ChartRenderer.describeCoincident(bump, w, h)).isEmpty();
        // the same straight line, the first half sampled yearly and the second half-yearly: no shared stretch
        double[] first = java.util.Arrays.copyOfRange(x, 0, 20);
        double[] second = java.util.stream.IntStream.rangeClosed(0, 38).mapToDouble(i -> 20 + 0.5 * i).toArray();
        Panel sideBySide = new Panel("s", "t", "years", "mg", List.of(
                new Series("food", first, java.util.Arrays.stream(first).map(t -> 100 + t).toArray()),
                new Series("MK-7", second, java.util.Arrays.stream(second).map(t -> 100 + t).toArray())), "", "");
        assertThat(ChartRenderer.liesOn(sideBySide, w, h)).containsExactly(-1, -1);
        assertThat(ChartRenderer.describeCoincident(sideBySide, w, h)).isEmpty();
    }

    /**
     * The same two lines drawn large are apart and drawn small lie on each other: the caption and the key follow what
     * each image draws (the old rule, a share of the axis, gave one answer at every size).
     */
    @Test
    void theCaptionFollowsWhatIsDrawnAtEachSize() throws Exception {
        double[] x = FORTY_YEARS.clone();
        double[] food = risingFood(x);
        Panel alone = new Panel("p", "t", "years", "mg", List.of(new Series("food", x, food)), "", "");
        double smallPerPixel = unitsPerPixel(alone, 480, 300);
        double largePerPixel = unitsPerPixel(alone, 1280, 900);
        assertThat(smallPerPixel / largePerPixel).as("the small plot's pixels are larger").isGreaterThan(2.5);
        // two pixels apart on the small plot: more than six on the large one
        Panel arms = twoArms(x, food, 2.0 * smallPerPixel);
        assertThat(ChartRenderer.liesOn(arms, 480, 300)).containsExactly(-1, 0);
        assertThat(ChartRenderer.describeCoincident(arms, 480, 300)).isNotEmpty();
        assertThat(ChartRenderer.liesOn(arms, 1280, 900)).containsExactly(-1, -1);
        assertThat(ChartRenderer.describeCoincident(arms, 1280, 900)).isEmpty();
        // decided on the chart as laid out with every line at one width: the wider line under moves no pixel of it
        org.knowm.xchart.XYChart chart = ChartRenderer.chart(arms, 480, 300);
        double[] laidOut = {chart.getScreenYFromChart(100), chart.getScreenYFromChart(139)};
        org.knowm.xchart.BitmapEncoder.getBufferedImage(chart); // drawn, the food line now wider
        assertThat(new double[] {chart.getScreenYFromChart(100), chart.getScreenYFromChart(139)}).containsExactly(laidOut);
        // a grid's panels (no legend of their own) and its one legend decide at the grid's panel size
        assertThat(ChartRenderer.legend(List.of(arms), 480, 300)).extracting(ChartRenderer.LegendEntry::width)
                .containsExactly(ChartRenderer.LINE_WIDTH + ChartRenderer.HALO, ChartRenderer.LINE_WIDTH);
        assertThat(ChartRenderer.legend(List.of(arms), 1280, 900)).extracting(ChartRenderer.LegendEntry::width)
                .containsExactly(ChartRenderer.LINE_WIDTH, ChartRenderer.LINE_WIDTH);
        // what is drawn: on the large image the first (blue) line shows wholly, as wide as alone; on the small one it
        // is drawn wider than alone, so that it shows beside the second
        assertThat(bluePixels(arms, 1280, 900)).as("blue pixels, large").isCloseTo(bluePixels(alone, 1280, 900),
                org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(bluePixels(arms, 480, 300)).as("blue pixels, small, against alone")
                .isGreaterThan(bluePixels(alone, 480, 300));
    }

    /** Years 0-39: the x of the "lies on" tests' lines. */
    private static final double[] FORTY_YEARS = java.util.stream.IntStream.range(0, 40).mapToDouble(i -> i).toArray();

    /** The "lies on" tests' food arm: 100 mg rising 1 mg a year over {@code x}. */
    private static double[] risingFood(double[] x) {
        return java.util.Arrays.stream(x).map(t -> 100 + t).toArray();
    }

    private static Panel twoArms(double[] x, double[] food, double offset) {
        double[] mk7 = new double[food.length];
        for (int i = 0; i < food.length; i++) {
            mk7[i] = food[i] + offset;
        }
        return new Panel("a", "t", "years", "mg", List.of(new Series("food", x, food), new Series("MK-7", x, mk7)), "", "");
    }

    /** Data units of one pixel of the y axis of {@code p}'s chart drawn {@code w} x {@code h}, as XChart lays it out. */
    private static double unitsPerPixel(Panel p, int w, int h) {
        org.knowm.xchart.XYChart chart = ChartRenderer.chart(p, w, h);
        org.knowm.xchart.BitmapEncoder.getBufferedImage(chart); // lays the chart out: its axes map values to pixels
        double y0 = p.series().get(0).y()[0];
        return 1.0 / Math.abs(chart.getScreenYFromChart(y0) - chart.getScreenYFromChart(y0 + 1));
    }

    private static int bluePixels(Panel p) throws Exception {
        return bluePixels(p, 640, 400);
    }

    private static int bluePixels(Panel p, int w, int h) throws Exception {
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(ChartRenderer.pngBytes(p, w, h)));
        int n = 0;
        for (int yy = 0; yy < img.getHeight(); yy++) {
            for (int xx = 0; xx < img.getWidth(); xx++) {
                int rgb = img.getRGB(xx, yy);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - 0) < 40 && Math.abs(g - 114) < 40 && Math.abs(b - 178) < 40) {
                    n++;
                }
            }
        }
        return n;
    }
}
