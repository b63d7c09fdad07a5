package org.vascalc.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.vascalc.simulation.output.AtomicFiles;

/**
 * A tornado chart: one horizontal bar per parameter, from the baseline output to the output with the
 * parameter at the low end of its range (one colour) and at the high end (another), largest swing at
 * the top. An end that runs away (more than four times as far from the baseline as any other) is
 * cut at the axis with a break mark and its value. Drawn with Java2D in the style of {@link ChartRenderer} (white ground, the Okabe-Ito
 * colours), since XChart has no horizontal bar chart.
 */
public final class TornadoChart {

    /** One bar: the parameter's label and the output at its low and high end (NaN: that run failed). */
    public record Bar(String label, double atLow, double atHigh) {
    }

    private static final Color LOW = new Color(0, 114, 178);
    private static final Color HIGH = new Color(213, 94, 0);
    private static final int ROW = 26;
    private static final int LABEL_WIDTH = 470;
    /** A distance from the baseline this many times the next largest runs off the axis. */
    static final double OUTLIER_RATIO = 4;
    private static final int PLOT_WIDTH = 560;
    private static final int TOP = 64;
    private static final int BOTTOM = 70;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TornadoChart() {
    }

    /** Writes the chart as a PNG (atomically). */
    public static void renderPng(String title, String axis, double baseline, List<Bar> bars, Path file)
            throws IOException {
        AtomicFiles.write(file, pngBytes(title, axis, baseline, bars));
    }

    public static byte[] pngBytes(String title, String axis, double baseline, List<Bar> bars) throws IOException {
        int width = LABEL_WIDTH + PLOT_WIDTH + 130;
        int height = TOP + Math.max(1, bars.size()) * ROW + BOTTOM;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = ChartCanvas.forTitle(img);
        try {
            g.drawString(title, 12, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            Axis valueAxis = Axis.of(baseline, bars);
            double cap = valueAxis.cap();
            double lo = valueAxis.lo();
            double hi = valueAxis.hi();
            int x0 = LABEL_WIDTH;
            double scale = PLOT_WIDTH / (hi - lo);
            int plotBottom = TOP + Math.max(1, bars.size()) * ROW;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            double step = valueAxis.step();
            for (double t : valueAxis.ticks()) {
                int x = (int) Math.round(x0 + (t - lo) * scale);
                g.setColor(new Color(225, 225, 225));
                g.drawLine(x, TOP - 4, x, plotBottom);
                g.setColor(Color.DARK_GRAY);
                String s = tick(t, step);
                g.drawString(s, x - fm.stringWidth(s) / 2, plotBottom + 16);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            fm = g.getFontMetrics();
            g.drawString(axis, x0 + PLOT_WIDTH / 2 - fm.stringWidth(axis) / 2, plotBottom + 34);
            int xb = (int) Math.round(x0 + (baseline - lo) * scale);
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                int y = TOP + i * ROW;
                g.setColor(Color.BLACK);
                String label = fit(b.label(), fm, LABEL_WIDTH - 16);
                g.drawString(label, LABEL_WIDTH - 10 - fm.stringWidth(label), y + ROW / 2 + 5);
                drawBar(g, LOW, xb, b.atLow(), baseline, cap, lo, scale, x0, y);
                drawBar(g, HIGH, xb, b.atHigh(), baseline, cap, lo, scale, x0, y);
                if (!Double.isFinite(b.atLow()) || !Double.isFinite(b.atHigh())) {
                    g.setColor(Color.RED.darker());
                    String which = !Double.isFinite(b.atLow()) && !Double.isFinite(b.atHigh()) ? "both ends failed"
                            : !Double.isFinite(b.atLow()) ? "low end failed" : "high end failed";
                    g.drawString(which, x0 + PLOT_WIDTH + 12, y + ROW / 2 + 5);
                }
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.5f));
            g.drawLine(xb, TOP - 6, xb, plotBottom);
            // legend
            int ly = height - 14;
            g.setColor(LOW);
            g.fillRect(x0, ly - 10, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString("parameter at the low end of its range", x0 + 20, ly);
            g.setColor(HIGH);
            g.fillRect(x0 + 260, ly - 10, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString("at the high end", x0 + 280, ly);
            String base = String.format(Locale.ROOT, "baseline %.4g (black line)", baseline);
            g.drawString(base, 12, ly);
        } finally {
            g.dispose();
        }
        return ChartRenderer.pngBytes(img);
    }

    /**
     * The value axis: {@code lo} to {@code hi} with ticks every {@code step}, and {@code cap}, the largest
     * distance from the baseline drawn to scale (infinite unless one end runs away). The axis holds the
     * baseline and every finite end (a runaway one cut at the cap), padded by 4 % of its span on each side;
     * a chart whose ends all equal the baseline gets ±1 % of it (±1 around 0) before that padding.
     */
    record Axis(double lo, double hi, double cap, double step) {

        static Axis of(double baseline, List<Bar> bars) {
            // a runaway end (a score ten thousand times the baseline) would flatten every other bar: the
            // axis then stops at 1.5 times the next largest distance and that bar runs off it, labelled
            List<Double> distances = new java.util.ArrayList<>();
            for (Bar b : bars) {
                for (double v : new double[] {b.atLow(), b.atHigh()}) {
                    if (Double.isFinite(v)) {
                        distances.add(Math.abs(v - baseline));
                    }
                }
            }
            distances.sort(java.util.Comparator.reverseOrder());
            double cap = Double.POSITIVE_INFINITY;
            if (distances.size() > 1 && distances.get(1) > 0 && distances.get(0) > OUTLIER_RATIO * distances.get(1)) {
                cap = 1.5 * distances.get(1);
            }
            double lo = baseline;
            double hi = baseline;
            for (Bar b : bars) {
                for (double v : new double[] {b.atLow(), b.atHigh()}) {
                    if (Double.isFinite(v)) {
                        double c = clip(v, baseline, cap);
                        lo = Math.min(lo, c);
                        hi = Math.max(hi, c);
                    }
                }
            }
            if (!(hi - lo > Math.abs(hi) * 1e-9)) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.01;
                lo -= pad;
                hi += pad;
            }
            double pad = (hi - lo) * 0.04;
            lo -= pad;
            hi += pad;
            return new Axis(lo, hi, cap, niceStep((hi - lo) / 6));
        }

        /** The tick values: every multiple of {@code step} from {@code lo} to {@code hi}. */
        List<Double> ticks() {
            List<Double> out = new java.util.ArrayList<>();
            for (double t = Math.ceil(lo / step) * step; t <= hi; t += step) {
                out.add(t);
            }
            return out;
        }
    }

    private static double clip(double v, double baseline, double cap) {
        return Math.max(baseline - cap, Math.min(baseline + cap, v));
    }

    private static void drawBar(Graphics2D g, Color c, int xb, double v, double baseline, double cap, double lo,
                                double scale, int x0, int y) {
        if (!Double.isFinite(v)) {
            return;
        }
        double shown = clip(v, baseline, cap);
        int x = (int) Math.round(x0 + (shown - lo) * scale);
        g.setColor(c);
        int left = Math.min(x, xb);
        int w = Math.max(1, Math.abs(x - xb));
        g.fillRect(left, y + 4, w, ROW - 8);
        if (shown != v) {
            // off the axis: a break mark and the value
            g.setColor(Color.WHITE);
            int xm = v > baseline ? x - 14 : x + 8;
            g.fillRect(xm, y + 2, 6, ROW - 4);
            g.setColor(Color.BLACK);
            String s = String.format(Locale.ROOT, "%.3g", v);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(s, v > baseline ? x - 18 - fm.stringWidth(s) : x + 18, y + ROW / 2 + 5);
        }
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 4 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** 1, 2 or 5 times a power of ten near {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
    }

    /** A tick's label: as many decimals as the step needs, and 0 rather than a rounding error's -0.0. */
    static String tick(double v, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step)) + 0);
        if (decimals > 8) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step / 2 ? 0.0 : v);
    }
}
