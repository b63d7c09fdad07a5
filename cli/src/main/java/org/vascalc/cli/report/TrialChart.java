package org.vascalc.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.output.AtomicFiles;

/**
 * The picture of an in-silico trial: for each arm against the control, how much less (or more)
 * coronary calcium its members gained per year, as a percentage of the control arm's gain, for the
 * CT score and for its true intimal and medial parts, with the 95 % intervals of the paired
 * differences as whiskers. It shows at a glance what a scan cannot: which layer an arm acted on.
 *
 * <p>Each of the three quantities is a row with an axis of its own, as the forest plot of /trials gives each outcome
 * its own (charts: on one shared axis, a cohort of 10 had a medial interval of −35 to +2 % that flattened the CT score's
 * and intimal bars of a few tenths of a per cent to slivers); the arms' legend is drawn once, under the rows. Drawn
 * with Java2D in the style of {@link ChartRenderer} (XChart's bar chart hung a lone negative bar from the top of its
 * axis instead of from 0).
 */
public final class TrialChart {

    private static final String[] OUTCOMES = {"CT score change", "intimal calcium change", "medial calcium change"};
    static final List<String> LABELS = List.of("CT score (what a scan sees)", "intimal (plaque) calcium",
            "medial calcium");

    static final int WIDTH = 900;
    private static final int TITLE = 56;
    private static final int LABEL = 230;
    private static final int RIGHT = 30;
    private static final int BAR = 16;
    private static final int AXIS = 34;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TrialChart() {
    }

    /**
     * One arm's bar in a row.
     *
     * @param arm      "mk7 vs none"
     * @param percent  the difference from the control as a percentage of the control's yearly gain (NaN: none, the
     *                 control gained nothing or the interval is not a number)
     * @param low      the interval's low end, the same unit (NaN with the bar)
     * @param high     its high end
     */
    record Bar(String arm, double percent, double low, double high) {
        boolean drawn() {
            return Double.isFinite(percent);
        }
    }

    /** One quantity's row: its label, its arms' bars and its own axis. */
    record Row(String label, List<Bar> bars, TornadoChart.Axis axis) {
    }

    /** Writes the chart as a PNG (atomically) to {@code file}. */
    public static void renderPng(List<ArmComparison> comparisons, String subtitle, Path file) throws IOException {
        AtomicFiles.write(file, pngBytes(comparisons, subtitle));
    }

    /** The chart's PNG in memory (the web app sends it inline). */
    public static byte[] pngBytes(List<ArmComparison> comparisons, String subtitle) throws IOException {
        List<Row> rows = rows(comparisons);
        List<ChartRenderer.LegendEntry> legend = legend(comparisons);
        int rowHeight = comparisons.size() * (BAR + 6) + AXIS + 22;
        int legendHeight = GridLegend.height(legend, WIDTH);
        int height = TITLE + rows.size() * rowHeight + legendHeight;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartCanvas.forTitle(img);
        try {
            FontMetrics fm = g.getFontMetrics();
            String title = title(comparisons, subtitle);
            g.drawString(title, Math.max(4, (WIDTH - fm.stringWidth(title)) / 2), 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            fm = g.getFontMetrics();
            String unit = "difference from " + comparisons.get(0).control().label() + ", % of its yearly gain; "
                    + "each row on its own axis; whiskers: 95 % interval";
            g.setColor(Color.DARK_GRAY);
            g.drawString(unit, Math.max(4, (WIDTH - fm.stringWidth(unit)) / 2), 42);
            for (int k = 0; k < rows.size(); k++) {
                drawRow(g, rows.get(k), TITLE + k * rowHeight, rowHeight);
            }
            GridLegend.draw(g, legend, 0, height - legendHeight, WIDTH);
        } finally {
            g.dispose();
        }
        return ChartRenderer.pngBytes(img);
    }

    private static void drawRow(Graphics2D g, Row row, int top, int rowHeight) {
        int x0 = LABEL;
        int x1 = WIDTH - RIGHT;
        TornadoChart.Axis axis = row.axis();
        double scale = (x1 - x0) / (axis.hi() - axis.lo());
        int barsTop = top + 12;
        int axisY = top + rowHeight - AXIS;
        g.setColor(new Color(225, 225, 225));
        g.drawLine(0, top, WIDTH, top);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(row.label(), 10, barsTop + 14);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (double t : axis.ticks()) {
            int x = (int) Math.round(x0 + (t - axis.lo()) * scale);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x, barsTop - 4, x, axisY);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(x, axisY, x, axisY + 4);
            String s = TornadoChart.tick(t, axis.step());
            g.drawString(s, x - fm.stringWidth(s) / 2, axisY + 17);
        }
        g.setColor(Color.GRAY);
        g.drawLine(x0, axisY, x1, axisY);
        int zero = (int) Math.round(x0 + (0 - axis.lo()) * scale);
        for (int a = 0; a < row.bars().size(); a++) {
            Bar b = row.bars().get(a);
            int y = barsTop + a * (BAR + 6);
            if (!b.drawn()) {
                g.setColor(Color.DARK_GRAY);
                g.drawString(b.arm() + ": no bar (the control gained nothing, or the interval is not a number)", x0 + 6,
                        y + BAR - 4);
                continue;
            }
            int x = (int) Math.round(x0 + (b.percent() - axis.lo()) * scale);
            g.setColor(ChartRenderer.PALETTE[a % ChartRenderer.PALETTE.length]);
            g.fillRect(Math.min(x, zero), y, Math.max(1, Math.abs(x - zero)), BAR);
            if (Double.isFinite(b.low()) && Double.isFinite(b.high())) {
                int lo = (int) Math.round(x0 + (b.low() - axis.lo()) * scale);
                int hi = (int) Math.round(x0 + (b.high() - axis.lo()) * scale);
                int mid = y + BAR / 2;
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1.3f));
                g.drawLine(lo, mid, hi, mid);
                g.drawLine(lo, mid - 5, lo, mid + 5);
                g.drawLine(hi, mid - 5, hi, mid + 5);
            }
        }
        // the line of no difference over the bars
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(zero, barsTop - 6, zero, axisY);
        g.setStroke(new BasicStroke(1f));
    }

    /** The chart's title: "Coronary calcium gained per year, each arm against none (subtitle)". */
    static String title(List<ArmComparison> comparisons, String subtitle) {
        requireArms(comparisons);
        return "Coronary calcium gained per year, each arm against " + comparisons.get(0).control().label() + " ("
                + subtitle + ")";
    }

    /**
     * The title and legend the chart draws ({@link ChartKey}: written as text above it on a phone); its x axes have
     * no title (the line under the title says what they are).
     */
    public static ChartKey key(List<ArmComparison> comparisons, String subtitle) {
        return ChartKey.ofBars(title(comparisons, subtitle), "", names(comparisons), ChartRenderer.PALETTE);
    }

    private static List<String> names(List<ArmComparison> comparisons) {
        return comparisons.stream().map(c -> String.format(Locale.ROOT, "%s vs %s", c.arm().label(),
                c.control().label())).toList();
    }

    private static List<ChartRenderer.LegendEntry> legend(List<ArmComparison> comparisons) {
        List<String> names = names(comparisons);
        List<ChartRenderer.LegendEntry> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new ChartRenderer.LegendEntry(names.get(i), ChartRenderer.PALETTE[i % ChartRenderer.PALETTE.length],
                    null, true, ChartRenderer.LINE_WIDTH));
        }
        return out;
    }

    private static void requireArms(List<ArmComparison> comparisons) {
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("a trial chart needs at least one compared arm");
        }
    }

    /**
     * One row per quantity (CT score, intimal, medial), each with its own axis: a bar per compared arm, its
     * difference from the control as a percentage of the control's yearly gain, with its 95 % interval; no bar
     * where the control gained nothing (at most 1e-12) or the interval is not a number. The axis holds 0 and every
     * bar and interval end of its row only ({@link TornadoChart.Axis}: padded, round ticks).
     */
    static List<Row> rows(List<ArmComparison> comparisons) {
        requireArms(comparisons);
        List<String> names = names(comparisons);
        List<Row> out = new ArrayList<>();
        for (int k = 0; k < OUTCOMES.length; k++) {
            String outcome = OUTCOMES[k];
            List<Bar> bars = new ArrayList<>();
            List<TornadoChart.Bar> ends = new ArrayList<>();
            for (int a = 0; a < comparisons.size(); a++) {
                ArmComparison.Outcome o = comparisons.get(a).outcomes().stream().filter(x -> x.name().equals(outcome))
                        .findFirst().orElseThrow();
                double base = Math.abs(o.control());
                boolean defined = base > 1e-12 && Double.isFinite(o.hi() - o.lo());
                Bar b = defined ? new Bar(names.get(a), 100 * o.diff() / base, 100 * o.lo() / base, 100 * o.hi() / base)
                        : new Bar(names.get(a), Double.NaN, Double.NaN, Double.NaN);
                bars.add(b);
                if (defined) {
                    ends.add(new TornadoChart.Bar(b.arm(), b.low(), b.high()));
                    ends.add(new TornadoChart.Bar(b.arm(), b.percent(), b.percent()));
                }
            }
            out.add(new Row(LABELS.get(k), bars, axis(ends)));
        }
        return out;
    }

    /** The axis of one row: 0 and every end, padded (no runaway cut: a trial's interval is its own row's width). */
    private static TornadoChart.Axis axis(List<TornadoChart.Bar> ends) {
        double lo = 0;
        double hi = 0;
        for (TornadoChart.Bar b : ends) {
            lo = Math.min(lo, Math.min(b.atLow(), b.atHigh()));
            hi = Math.max(hi, Math.max(b.atLow(), b.atHigh()));
        }
        if (!(hi > lo)) {
            lo = -1;
            hi = 1;
        }
        double pad = (hi - lo) * 0.05;
        lo -= pad;
        hi += pad;
        return new TornadoChart.Axis(lo, hi, Double.POSITIVE_INFINITY, TornadoChart.niceStep((hi - lo) / 6));
    }
}
