package org.vascalc.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.vascalc.simulation.output.AtomicFiles;

/** Renders a {@link Panel} to a PNG with XChart (headless), written atomically. */
public final class ChartRenderer {

    /** Colour-blind-safe palette (Okabe &amp; Ito 2008). */
    static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartRenderer() {
    }

    public static void renderPng(Panel panel, Path file, int width, int height) throws IOException {
        writeAtomically(pngBytes(panel, width, height), file);
    }

    /**
     * The PNG of one panel, in memory (the web app sends it inline). A panel with intake marks has them in a strip
     * under its plot ({@link MarkStrip}) and its legend drawn under it as a grid's is, wrapping onto a second row where
     * it must (XChart's legend is one row, and the marks' names cut it off at the chart's edges); the image keeps the
     * size asked for.
     */
    public static byte[] pngBytes(Panel panel, int width, int height) throws IOException {
        if (panel.marks().isEmpty()) {
            XYChart chart = chart(panel, width, height);
            if (hourTicks(panel, width).isEmpty()) {
                return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            }
            return pngBytes(withHourTicks(BitmapEncoder.getBufferedImage(chart), chart, panel));
        }
        int legendHeight = markedLegendHeight(panel, width);
        List<LegendEntry> legend = legend(List.of(panel), p -> inSetLiesOn(p, width, height - legendHeight));
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartCanvas.white(img);
        try {
            g.drawImage(panelImage(panel, width, height - legendHeight, java.util.Map.of()), 0, 0, null);
            GridLegend.draw(g, legend, 0, height - legendHeight, width);
        } finally {
            g.dispose();
        }
        return pngBytes(img);
    }

    /**
     * The PNG of one panel of a set whose legend is drawn once ({@link #legendPngBytes}): without a legend of its own,
     * each line in the colour the set's legend gives its name.
     */
    public static byte[] pngBytesInSet(Panel panel, List<Panel> set, int width, int height) throws IOException {
        java.util.Map<String, Color> colours = new java.util.HashMap<>();
        legend(set, NONE_ON).stream().filter(e -> e.kind() == null).forEach(e -> colours.put(e.name(), e.colour()));
        return pngBytes(panelImage(panel, width, height, colours));
    }

    /**
     * One panel without a legend, {@code width} x {@code height} pixels: its chart, and with intake marks the chart
     * over a strip of them ({@link MarkStrip}: the marks stay out of the lines' y axis, charts2), each in its line's
     * colour ({@code colours}, else the palette's of its place).
     */
    static BufferedImage panelImage(Panel panel, int width, int height, java.util.Map<String, Color> colours) {
        if (panel.marks().isEmpty()) {
            XYChart chart = drawn(panel, width, height, colours, false).chart();
            return withHourTicks(BitmapEncoder.getBufferedImage(chart), chart, panel);
        }
        int strip = MarkStrip.height(panel);
        XYChart chart = drawn(panel, width, height - strip, colours, false).chart();
        // lays the chart out: its axes map values to pixels
        BufferedImage plot = withHourTicks(BitmapEncoder.getBufferedImage(chart), chart, panel);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartCanvas.white(img);
        try {
            g.drawImage(plot, 0, 0, null);
            Color[] lineColour = new Color[panel.series().size()];
            for (int i = 0; i < lineColour.length; i++) {
                lineColour[i] = colours.getOrDefault(panel.series().get(i).name(), PALETTE[i % PALETTE.length]);
            }
            MarkStrip.draw(g, panel, lineColour, chart::getScreenXFromChart, xSpan(panel), height - strip, width,
                    chart.getStyler().getAxisTitleFont());
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * True where the panel's time axis is in hours ({@code vascalc simulate}'s "time (h)" for a run up to a week, the
     * flagship's "hours since midnight"): such an axis ends where the data ends, not at XChart's next round tick.
     */
    static boolean hoursAxis(Panel panel) {
        String x = panel.xLabel().strip().toLowerCase(java.util.Locale.ROOT);
        return x.endsWith("(h)") || x.startsWith("hours ");
    }

    /** Pixels of a chart's width that its y axis, its title and the margins take, about: what is left is the plot's. */
    private static final int BESIDE_THE_PLOT = 90;

    /**
     * The ticks of the panel's time axis in hours ({@link HourTicks}) on a chart {@code width} pixels wide, or none
     * where the axis is not in hours or XChart's own ticks are kept.
     */
    static List<Double> hourTicks(Panel panel, int width) {
        double[] span = xSpan(panel);
        if (span == null || !hoursAxis(panel) || !(span[1] > span[0]) || finiteRange(panel) == null) {
            return List.of();
        }
        return HourTicks.ticks(span[0], span[1], width - BESIDE_THE_PLOT);
    }

    /** {@code img}, the panel's chart as XChart drew it, with the hour ticks drawn on it where it has them. */
    private static BufferedImage withHourTicks(BufferedImage img, XYChart chart, Panel panel) {
        List<Double> ticks = hourTicks(panel, chart.getWidth());
        if (!ticks.isEmpty()) {
            Styler st = chart.getStyler();
            org.knowm.xchart.style.XYStyler xy = (org.knowm.xchart.style.XYStyler) st;
            HourTicks.draw(img, chart, ticks, new double[] {xy.getXAxisMin(), xy.getXAxisMax()},
                    new double[] {xy.getYAxisMin(), xy.getYAxisMax()});
        }
        return img;
    }

    /** {first, last} finite x of the panel's lines (where its time axis begins and ends), or null without one. */
    private static double[] xSpan(Panel panel) {
        return finiteSpan(panel, Series::x);
    }

    /**
     * The one legend of a set of panels ({@link #pngBytesInSet}, each {@code panelWidth} x {@code panelHeight} pixels)
     * as a PNG {@code panelWidth} pixels wide: each line as wide as those panels draw it.
     */
    public static byte[] legendPngBytes(List<Panel> set, int panelWidth, int panelHeight) throws IOException {
        int width = panelWidth;
        List<LegendEntry> legend = legend(set, panelWidth, panelHeight);
        BufferedImage img = new BufferedImage(width, Math.max(1, GridLegend.height(legend, width)), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartCanvas.white(img);
        try {
            GridLegend.draw(g, legend, 0, 0, width);
        } finally {
            g.dispose();
        }
        return pngBytes(img);
    }

    /** The legend of a set of panels in words, for its image's text alternative: "line a; ▲ tablet: 500 mg ...". */
    public static String legendText(List<Panel> set) {
        return String.join("; ", legend(set, NONE_ON).stream().map(e -> (e.kind() == null ? "line" : symbol(e.kind(), e.fill()))
                + " " + e.name()).toList());
    }

    /**
     * The title, x-axis title and legend the panel's chart draws ({@link ChartKey}: written as text above it on a
     * phone), the chart as {@link #pngBytes} draws it {@code width} x {@code height} pixels.
     */
    public static ChartKey key(Panel panel, int width, int height) {
        return key(panel, liesOn(panel, width, height));
    }

    /** {@link #key}, the chart as {@link #pngBytesInSet} draws it {@code width} x {@code height} pixels. */
    public static ChartKey keyInSet(Panel panel, int width, int height) {
        return key(panel, inSetLiesOn(panel, width, height));
    }

    /**
     * {@link #key}, which line lies on which as {@link #liesOn(Panel, int, int)} found it for the image beside it (a
     * page that also writes {@link #describeCoincident(Panel, int[])} lays the chart out once for both).
     */
    public static ChartKey key(Panel panel, int[] on) {
        // each line's swatch at the width its chart draws it (storyaxis: one bar for all, as GridLegend did before charts2)
        float[] widths = lineWidths(on);
        List<ChartKey.Entry> entries = new ArrayList<>();
        for (int i = 0; i < panel.series().size(); i++) {
            entries.add(new ChartKey.Entry(panel.series().get(i).name(), ChartKey.css(PALETTE[i % PALETTE.length]),
                    ChartKey.Swatch.LINE, widths[i]));
        }
        for (IntakeMarks m : panel.marks()) {
            entries.add(new ChartKey.Entry(symbol(m.kind(), m.fill()) + " " + m.name(), entries.get(m.series()).colour(),
                    ChartKey.Swatch.MARK, 0));
        }
        return new ChartKey(panel.title(), panel.xLabel(), entries);
    }

    /** The character that stands for a marker's shape and fill in a text key ({@link IntakeMarks.Fill#symbol}). */
    static String symbol(IntakeMarks.Kind kind, IntakeMarks.Fill fill) {
        return fill.symbol(kind);
    }

    /**
     * Renders several panels into one PNG, {@code columns} per row, each {@code width} x
     * {@code height} pixels (a run's main outputs at a glance), written atomically.
     */
    public static void renderGridPng(List<Panel> panels, Path file, int width, int height, int columns)
            throws IOException {
        writeAtomically(gridPngBytes(panels, width, height, columns), file);
    }

    /** The PNG of a grid of panels, in memory. */
    public static byte[] gridPngBytes(List<Panel> panels, int width, int height, int columns) throws IOException {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("no panels to render");
        }
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        List<LegendEntry> legend = legend(panels, width, height);
        int legendHeight = GridLegend.height(legend, cols * width);
        BufferedImage img = new BufferedImage(cols * width, rows * height + legendHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartCanvas.white(img);
        try {
            java.util.Map<String, Color> colours = new java.util.HashMap<>();
            legend.stream().filter(e -> e.kind() == null).forEach(e -> colours.put(e.name(), e.colour()));
            for (int i = 0; i < panels.size(); i++) {
                // charts: each panel drew the same legend again (a single run's name six times); it is drawn once below
                BufferedImage one = panelImage(panels.get(i), width, height, colours);
                g.drawImage(one, (i % cols) * width, (i / cols) * height, null);
            }
            GridLegend.draw(g, legend, 0, rows * height, cols * width);
        } finally {
            g.dispose();
        }
        return pngBytes(img);
    }

    /**
     * One entry of a grid's single legend: a line, a bar or a row of intake markers, its name and colour.
     *
     * @param name   the line's, bar's or marks' name
     * @param colour the colour it is drawn in
     * @param kind   the marker's shape, or null for a line or bar
     * @param bar    a bar's swatch (a filled square) rather than a line's
     * @param width  a line's width as the panels draw it, pixels (the widest it is drawn: a line that a later line
     *               lies on is drawn wider, {@link #lineWidths}); {@link #LINE_WIDTH} for the others
     * @param fill   how a row of marks is filled ({@link IntakeMarks#fill}); {@code FILLED} for a line or bar
     */
    record LegendEntry(String name, Color colour, IntakeMarks.Kind kind, boolean bar, float width, IntakeMarks.Fill fill) {

        /** A line's or a bar's entry. */
        LegendEntry(String name, Color colour, IntakeMarks.Kind kind, boolean bar, float width) {
            this(name, colour, kind, bar, width, IntakeMarks.Fill.FILLED);
        }

        /** A line's entry at the usual width, or with {@code kind} a row of marks' (filled). */
        LegendEntry(String name, Color colour, IntakeMarks.Kind kind) {
            this(name, colour, kind, false, LINE_WIDTH, IntakeMarks.Fill.FILLED);
        }
    }

    /**
     * The legend of a grid of panels, once: every line's name in the order first drawn, each in one colour on every
     * panel (the palette's, in that order) and at the widest the panels draw it (charts2: the legend drew every line
     * at one width, while a line that another lies on is drawn wider, the flagship's food arm under the MK-7 arm), then
     * every row of intake marks by name, in its line's colour. The panels of one grid draw the same runs (a run's
     * panels, the flagship's arms), so a name keeps the colour a panel of its own gives it. The panels as a grid or a
     * set draws them, each {@code width} x {@code height} pixels ({@link #panelImage}).
     */
    static List<LegendEntry> legend(List<Panel> panels, int width, int height) {
        return legend(panels, p -> inSetLiesOn(p, width, height));
    }

    /** {@link #legend(List, int, int)}, which line lies on which on each panel told by {@code liesOn}. */
    static List<LegendEntry> legend(List<Panel> panels, java.util.function.Function<Panel, int[]> liesOn) {
        java.util.Map<String, Color> lines = new java.util.LinkedHashMap<>();
        java.util.Map<String, Float> widths = new java.util.HashMap<>();
        for (Panel p : panels) {
            float[] w = lineWidths(liesOn.apply(p));
            for (int i = 0; i < p.series().size(); i++) {
                String name = p.series().get(i).name();
                lines.putIfAbsent(name, PALETTE[lines.size() % PALETTE.length]);
                widths.merge(name, w[i], Math::max);
            }
        }
        List<LegendEntry> out = new ArrayList<>();
        lines.forEach((name, colour) -> out.add(new LegendEntry(name, colour, null, false, widths.get(name))));
        java.util.Set<String> marks = new java.util.HashSet<>();
        for (Panel p : panels) {
            for (IntakeMarks m : p.marks()) {
                if (marks.add(m.name())) {
                    out.add(new LegendEntry(m.name(), lines.get(p.series().get(m.series()).name()), m.kind(), false,
                            LINE_WIDTH, m.fill()));
                }
            }
        }
        return out;
    }

    /** The image as PNG bytes (shared by the report's charts). */
    static byte[] pngBytes(BufferedImage img) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", png)) {
            throw new IOException("no PNG writer available");
        }
        return png.toByteArray();
    }

    /** Never a half-written PNG, and the folder's usual permissions ({@link AtomicFiles}). */
    private static void writeAtomically(byte[] bytes, Path file) throws IOException {
        AtomicFiles.write(file, bytes);
    }

    /** The panel's chart with its own legend (package-private: the tests read its axes). */
    static XYChart chart(Panel panel, int width, int height) {
        return drawn(panel, width, height, java.util.Map.of(), true).chart();
    }

    /**
     * A panel's chart laid out at its size, each line at the width it is drawn ({@link #lineWidths}), and which line
     * lies on which there ({@link #liesOn(Panel, java.util.function.DoubleUnaryOperator)}).
     */
    private record Drawn(XYChart chart, int[] liesOn) {
    }

    /** No line lies on another: for what reads only a legend's names and colours. */
    private static final java.util.function.Function<Panel, int[]> NONE_ON = p -> {
        int[] on = new int[p.series().size()];
        java.util.Arrays.fill(on, -1);
        return on;
    };

    /**
     * For each line of {@code panel}, the earlier line it lies on, or -1, the panel drawn as {@link #pngBytes} draws
     * it {@code width} x {@code height} pixels (with its own legend, or with marks over its strip and its legend).
     */
    public static int[] liesOn(Panel panel, int width, int height) {
        if (panel.marks().isEmpty()) {
            return drawn(panel, width, height, java.util.Map.of(), true).liesOn();
        }
        return inSetLiesOn(panel, width, height - markedLegendHeight(panel, width));
    }

    /** {@link #liesOn(Panel, int, int)} for the panel as {@link #panelImage} draws it (a grid's, a set's). */
    static int[] inSetLiesOn(Panel panel, int width, int height) {
        int strip = panel.marks().isEmpty() ? 0 : MarkStrip.height(panel);
        return drawn(panel, width, height - strip, java.util.Map.of(), false).liesOn();
    }

    /** Pixels of the legend under a panel with marks drawn alone ({@link #pngBytes}); its lines' widths move no row. */
    private static int markedLegendHeight(Panel panel, int width) {
        return GridLegend.height(legend(List.of(panel), NONE_ON), width);
    }

    /**
     * The panel's chart; a line named in {@code colours} drawn in that colour (a grid's: one colour a name on every
     * panel), any other in the palette's colour of its place; with its own legend or (in a grid) none. It is laid out
     * once at its size with every line at {@link #LINE_WIDTH}, so that which line lies on which is decided in the
     * pixels it is drawn in ({@link #liesOn(Panel, java.util.function.DoubleUnaryOperator)}); a line's width moves
     * neither the plot nor the axes (XChart's legend rows are as tall as their text), so the layout holds after.
     */
    private static Drawn drawn(Panel panel, int width, int height, java.util.Map<String, Color> colours, boolean legend) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(panel.title())
                .xAxisTitle(panel.xLabel()).yAxisTitle(panel.yLabel()).build();
        Styler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setLegendVisible(legend);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setSeriesColors(PALETTE);
        chart.getStyler().setDecimalPattern("#,##0.###");
        List<XYSeries> drawnLines = new ArrayList<>();
        for (int i = 0; i < panel.series().size(); i++) {
            Series s = panel.series().get(i);
            XYSeries xy = chart.addSeries(s.name(), s.x(), s.y());
            xy.setMarker(SeriesMarkers.NONE);
            xy.setLineColor(colours.getOrDefault(s.name(), PALETTE[i % PALETTE.length]));
            xy.setLineStyle(new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            drawnLines.add(xy);
        }
        breakEqualSpacing(chart, panel);
        if (!panel.marks().isEmpty()) {
            // the marks' strip under the plot draws the time axis's title under the marks (MarkStrip)
            chart.getStyler().setXAxisTitleVisible(false);
        }
        // the lines' own range: the intake marks are not in it (charts2: their rows stretched the axis below the data)
        double[] range = yRange(panel);
        double[] span = xSpan(panel);
        if (span != null && hoursAxis(panel) && span[1] > span[0]) {
            endAtTheData(st, span, range != null ? range : finiteRange(panel));
            if (!hourTicks(panel, width).isEmpty()) { // drawn after XChart has drawn the chart (withHourTicks)
                HourTicks.hideXChartsTicks((org.knowm.xchart.style.XYStyler) st);
            }
        } else if (range != null) {
            chart.getStyler().setYAxisMin(range[0]);
            chart.getStyler().setYAxisMax(range[1]);
        }
        int[] on = new int[panel.series().size()];
        java.util.Arrays.fill(on, -1);
        if (on.length > 1) {
            BitmapEncoder.getBufferedImage(chart); // lays the chart out: its axis maps values to pixels
            on = liesOn(panel, chart::getScreenYFromChart);
            float[] widths = lineWidths(on);
            for (int i = 0; i < on.length; i++) {
                drawnLines.get(i).setLineStyle(new BasicStroke(widths[i], BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            }
        }
        return new Drawn(chart, on);
    }

    /** XChart's own margin around the data, a share of the plot on each side (its plot content size 0.92). */
    static final double MARGIN = 0.04;

    /**
     * An axis in hours from the data's start to its end (storyaxis: the two days' chart, 0-48 h of data, ran to 50 h:
     * XChart draws the data in the middle 92 % of the plot, and its tick at 50 fell in the margin after 48). The x
     * margin goes (plot content 100 %, the axis from the first to the last hour); the y axis keeps XChart's margin,
     * set as its range, so no line lies on the plot's top or bottom edge.
     */
    private static void endAtTheData(Styler st, double[] x, double[] y) {
        org.knowm.xchart.style.XYStyler xy = (org.knowm.xchart.style.XYStyler) st;
        xy.setPlotContentSize(1.0);
        // a hair before the first hour: XChart draws no tick label at the axis's very start (0 h went unlabelled)
        xy.setXAxisMin(x[0] - 1e-6 * (x[1] - x[0]));
        xy.setXAxisMax(x[1]);
        if (y != null) {
            double height = y[1] - y[0] > 0 ? y[1] - y[0] : Math.max(Math.abs(y[0]), 1e-9);
            double pad = MARGIN / (1 - 2 * MARGIN) * height;
            xy.setYAxisMin(y[0] - pad);
            xy.setYAxisMax(y[1] + pad);
        }
    }

    /** Pixels across a marker of an intake. */
    static final int MARK_SIZE = 9;

    /** {lowest, highest} finite value of the panel's lines, or null without one. */
    private static double[] finiteRange(Panel panel) {
        return finiteSpan(panel, Series::y);
    }

    /**
     * {lowest, highest} finite value of one coordinate ({@code Series::x} or {@code Series::y}) of the panel's lines,
     * or null without one.
     */
    private static double[] finiteSpan(Panel panel, java.util.function.Function<Series, double[]> coordinate) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : panel.series()) {
            for (double v : coordinate.apply(s)) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi >= lo ? new double[] {lo, hi} : null;
    }

    /** Width of a line, pixels; a line that later lines lie on is wider by {@link #HALO} per such line. */
    static final float LINE_WIDTH = 2.2f;
    static final float HALO = 2.8f;

    /**
     * The width of each line: a line that {@code k} later lines lie on ({@link #liesOn}) is drawn {@code k}
     * halos wider, so it shows on both sides of the lines drawn over it (review8: a line drawn over an
     * earlier one hid it, the flagship's supplement arm under the MK-7 arm; XChart draws a line segment by
     * segment, so a dash pattern restarts at every data point and showed no gaps on monthly data).
     */
    static float[] lineWidths(int[] on) {
        float[] w = new float[on.length];
        for (int j = 0; j < on.length; j++) {
            w[j] = LINE_WIDTH;
        }
        for (int j = 0; j < on.length; j++) {
            // every line below j in its chain gets one halo more
            for (int k = on[j]; k >= 0; k = on[k]) {
                w[k] += HALO;
            }
        }
        return w;
    }

    /**
     * Pixels between two lines that their antialiased edges fill: Java2D shades each pixel a stroke's edge crosses by
     * the share it covers, so each line's edge spreads about half a pixel beyond its exact width, and a gap between
     * two lines narrower than their two half-pixel fringes is shaded over and shows no background.
     */
    static final double ANTIALIAS = 1.0;

    /**
     * Two lines drawn closer than this everywhere, pixels apart centre to centre, are seen as one (review20: the
     * MK-7 arm hid the food arm on a 3-year chart, 0.5 to 1 % of a 220-px plot apart, while the caption, whose rule
     * was 0.5 % of the axis's height at every size, said nothing). Two strokes of {@link #LINE_WIDTH} touch where
     * their centres are less than half of each width apart ({@code LINE_WIDTH / 2 + LINE_WIDTH / 2}); add
     * {@link #ANTIALIAS} for the soft edges, and no background shows between them anywhere: the reader sees one line
     * (two-toned at most) where the legend promises two. 3.2 px: 1.5 % of a 220-px plot, 1.0 % of a 320-px one.
     */
    static final double SEEN_AS_ONE = LINE_WIDTH / 2 + LINE_WIDTH / 2 + ANTIALIAS;

    /**
     * For each line of {@code panel}, the index of the nearest earlier line it lies on, or -1: every y drawn less than
     * {@link #SEEN_AS_ONE} pixels from that line's ({@code screenY} maps a value to its pixel row in the chart as laid
     * out). The distance is taken straight up and down at each point of either line: between two such points both
     * lines are straight segments, so their vertical distance is largest at a point, and the distance across two
     * sloping lines is smaller than the vertical one, so lines within it everywhere touch everywhere. Lines sampled
     * at different x (a monthly row against a yearly one; leftovers33: they were never said to lie on each other,
     * though drawn as one) are compared at the union of their x samples inside the x range both cover, each line
     * taken straight between its own points ({@link #pixelAt}); nothing is said of where only one is drawn, and two
     * lines whose x ranges share no stretch lie on nothing. The line below is drawn wider ({@link #lineWidths}): it was hidden, so a legend named an arm the
     * chart did not show. The same data decide otherwise on a plot of another size: a caption says what is drawn.
     */
    static int[] liesOn(Panel panel, java.util.function.DoubleUnaryOperator screenY) {
        List<Series> lines = panel.series();
        int[] on = new int[lines.size()];
        java.util.Arrays.fill(on, -1);
        for (int j = 1; j < lines.size(); j++) {
            for (int k = j - 1; k >= 0 && on[j] < 0; k--) {
                if (coincide(lines.get(j), lines.get(k), screenY)) {
                    on[j] = k;
                }
            }
        }
        return on;
    }

    /**
     * "Food + supplement + MK-7 lies on Food + supplement (...)" for each line of {@code panel} that lies on an
     * earlier one as {@link #pngBytes} draws it {@code width} x {@code height} pixels, or "" when none does: a
     * caption's words for the wider line under another.
     */
    public static String describeCoincident(Panel panel, int width, int height) {
        return describeCoincident(panel, liesOn(panel, width, height));
    }

    /** {@link #describeCoincident(Panel, int, int)}, which line lies on which as {@code on} says ({@link #liesOn}). */
    public static String describeCoincident(Panel panel, int[] on) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < on.length; j++) {
            if (on[j] >= 0) {
                Series line = panel.series().get(j);
                Series under = panel.series().get(on[j]);
                // lines sampled over different stretches touch only where both are drawn (leftovers33)
                parts.add(line.name() + " lies on " + under.name() + (sameStretch(line, under) ? ""
                        : " where both are drawn"));
            }
        }
        return parts.isEmpty() ? "" : String.join("; ", parts)
                + " (drawn touching everywhere on this chart; the line underneath is drawn wider, so that it shows).";
    }

    private static boolean sameStretch(Series a, Series b) {
        return a.x().length > 0 && b.x().length > 0 && a.x()[0] == b.x()[0]
                && a.x()[a.x().length - 1] == b.x()[b.x().length - 1];
    }

    private static boolean coincide(Series a, Series b, java.util.function.DoubleUnaryOperator screenY) {
        if (!java.util.Arrays.equals(a.x(), b.x())) {
            return coincideSampledApart(a, b, screenY);
        }
        boolean any = false;
        for (int i = 0; i < a.y().length; i++) {
            double ya = a.y()[i];
            double yb = b.y()[i];
            if (Double.isFinite(ya) != Double.isFinite(yb)) {
                return false;
            }
            if (Double.isFinite(ya)) {
                if (!(Math.abs(screenY.applyAsDouble(ya) - screenY.applyAsDouble(yb)) < SEEN_AS_ONE)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * {@link #coincide} for lines whose x samples differ: at every x of either line inside the stretch both lines
     * cover, each line's pixel row taken straight between its own neighbouring points, less than {@link #SEEN_AS_ONE}
     * apart, and drawn at the same places (a gap, a non-finite y, in one where the other is drawn is not one line).
     * False when the stretch is empty or a single x, or when either line's x do not rise (no straight line between
     * neighbours to read).
     */
    static boolean coincideSampledApart(Series a, Series b, java.util.function.DoubleUnaryOperator screenY) {
        double[] xa = a.x();
        double[] xb = b.x();
        if (xa.length == 0 || xb.length == 0 || !rising(xa) || !rising(xb)) {
            return false;
        }
        double lo = Math.max(xa[0], xb[0]);
        double hi = Math.min(xa[xa.length - 1], xb[xb.length - 1]);
        if (!(lo < hi)) {
            return false;
        }
        double[] at = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(xa), java.util.Arrays.stream(xb))
                .filter(x -> x >= lo && x <= hi).sorted().distinct().toArray();
        boolean any = false;
        for (double x : at) {
            double pa = pixelAt(a, x, screenY);
            double pb = pixelAt(b, x, screenY);
            if (Double.isFinite(pa) != Double.isFinite(pb)) {
                return false;
            }
            if (Double.isFinite(pa)) {
                if (!(Math.abs(pa - pb) < SEEN_AS_ONE)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * The pixel row of line {@code s} at {@code x} inside its x range: its point's there, else straight between the
     * pixel rows of the points either side (the segment drawn; NaN where either is not finite, a gap).
     */
    static double pixelAt(Series s, double x, java.util.function.DoubleUnaryOperator screenY) {
        double[] xs = s.x();
        int i = java.util.Arrays.binarySearch(xs, x);
        if (i >= 0) {
            return Double.isFinite(s.y()[i]) ? screenY.applyAsDouble(s.y()[i]) : Double.NaN;
        }
        int right = -i - 1;
        int left = right - 1;
        double yl = s.y()[left];
        double yr = s.y()[right];
        if (!Double.isFinite(yl) || !Double.isFinite(yr)) {
            return Double.NaN;
        }
        double pl = screenY.applyAsDouble(yl);
        double pr = screenY.applyAsDouble(yr);
        return pl + (pr - pl) * (x - xs[left]) / (xs[right] - xs[left]);
    }

    private static boolean rising(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] > x[i - 1])) {
                return false;
            }
        }
        return Double.isFinite(x[0]) && Double.isFinite(x[x.length - 1]);
    }

    /**
     * The y axis {min, max} for a panel whose lines vary by less than its {@link Panel#minYSpan}: that
     * span, centred on the lines' range; null where the data's own range is taller (or there is no
     * minimum, or no finite value).
     */
    public static double[] yRange(Panel panel) {
        if (panel.minYSpan() <= 0) {
            return null;
        }
        double[] r = finiteRange(panel);
        if (r == null || r[1] - r[0] >= panel.minYSpan()) {
            return null;
        }
        double lo = r[0];
        double hi = r[1];
        double mid = 0.5 * (lo + hi);
        double half = 0.5 * panel.minYSpan();
        // a quantity that cannot be negative (its lines are not) keeps its axis at or above 0
        double min = lo >= 0 ? Math.max(0, mid - half) : mid - half;
        return new double[] {min, min + panel.minYSpan()};
    }

    /** Name of the invisible point added by {@link #breakEqualSpacing}. */
    static final String SPACING_POINT = "(tick spacing, not drawn)";

    /**
     * XChart 3.8 puts an axis tick at every data value when the values are equally spaced: on the y
     * axis a straight line sampled at equal times (a mass growing linearly over 60 days) got dozens of
     * labels on top of each other, on the x axis the equally spaced times got labels at odd values run
     * together ("0 37 74 111148185..."); with two points a single label (XChart issue #731). One
     * invisible point inside the data's ranges, off any equal spacing, gives the usual round ticks; the
     * axis ranges and every drawn line stay as they were.
     */
    private static void breakEqualSpacing(XYChart chart, Panel panel) {
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        for (Series s : panel.series()) {
            for (int i = 0; i < s.y().length; i++) {
                if (Double.isFinite(s.y()[i]) && Double.isFinite(s.x()[i])) {
                    ylo = Math.min(ylo, s.y()[i]);
                    yhi = Math.max(yhi, s.y()[i]);
                    xlo = Math.min(xlo, s.x()[i]);
                    xhi = Math.max(xhi, s.x()[i]);
                }
            }
        }
        if (!(yhi >= ylo) || !(xhi >= xlo)) {
            return;
        }
        // an irrational fraction of each range: never on a grid of equally spaced values
        double f = Math.sqrt(0.125);
        XYSeries point = chart.addSeries(SPACING_POINT, new double[] {xlo + (xhi - xlo) * f},
                new double[] {ylo + (yhi - ylo) * f});
        point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        point.setMarker(SeriesMarkers.NONE);
        point.setMarkerColor(new Color(0, 0, 0, 0));
        point.setLineColor(new Color(0, 0, 0, 0));
        point.setShowInLegend(false);
    }
}
