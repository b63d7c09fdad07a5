package org.vascalc.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * The ticks of a time axis in hours at whole days or hours a reader counts in (0, 12, 24, 36, 48 h; 0, 24, 48, 72 h),
 * not at XChart's steps of 1, 2 or 5 times a power of ten (leftovers26, storyaxis's Left: the two days' chart read 0, 5,
 * 10 ... 45 h, no tick at 48 h, and a meal at 8 h fell between 5 and 10). XChart chooses its own steps and has no
 * setting for others, so on such an axis its tick labels and marks are drawn in a transparent colour and its vertical
 * grid lines left out ({@link #hideXChartsTicks}: the layout, the plot and everything else stay as XChart lays them
 * out), and after it has drawn the chart these ticks are drawn where its own went ({@link #draw}): the axis line,
 * a mark and a label per tick, and the dashed grid line behind the lines (on the plot's background pixels only).
 */
final class HourTicks {

    /** The steps a tick may take, hours: an hour and its divisors of a day, a day and its multiples. */
    static final double[] STEPS = {1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 672};

    /** Pixels at least between two labelled ticks (XChart's own spacing hint is 74 px). */
    static final double MIN_PIXELS = 80;

    /** XChart's default colour of the axis line and the tick marks, which it no longer draws on such an axis. */
    private static final Color AXIS = new Color(130, 130, 130);

    /** Fully transparent: XChart lays its labels and marks out, and nothing of them shows. */
    private static final Color NONE = new Color(0, 0, 0, 0);

    private HourTicks() {
    }

    /**
     * The tick hours of an axis from {@code first} to {@code last} hours drawn {@code pixels} wide: the multiples of the
     * smallest of {@link #STEPS} at least {@link #MIN_PIXELS} apart, from the first at or after {@code first} to the last
     * at or before {@code last}; empty (XChart's ticks kept) when fewer than three would show, as on an axis under an
     * hour or one far narrower than it is long.
     */
    static List<Double> ticks(double first, double last, double pixels) {
        double span = last - first;
        if (!(span > 0) || !(pixels > 0)) {
            return List.of();
        }
        for (double step : STEPS) {
            if (step / span * pixels < MIN_PIXELS) {
                continue;
            }
            List<Double> out = new ArrayList<>();
            // a hair of tolerance: an axis that ends at 47.9999999 h still gets its 48 h tick
            double tolerance = 1e-9 * Math.max(1, Math.abs(last));
            for (double t = Math.ceil((first - tolerance) / step) * step; t <= last + tolerance; t += step) {
                out.add(t + 0.0); // -0.0 (a first hour a hair below 0) labelled "0", not "-0"
            }
            return out.size() >= 3 ? out : List.of();
        }
        return List.of();
    }

    /** XChart's own ticks on the x axis, kept in its layout but not drawn, and its vertical grid lines left out. */
    static void hideXChartsTicks(XYStyler st) {
        st.setXAxisTickLabelsColor(NONE);
        st.setXAxisTickMarksColor(NONE);
        st.setPlotGridVerticalLinesVisible(false);
    }

    /**
     * Draws the ticks on {@code img}, the chart as XChart drew it ({@code chart} laid out) with {@link #hideXChartsTicks},
     * its axes from {@code x[0]} to {@code x[1]} hours and from {@code y[0]} to {@code y[1]} (both set explicitly, so they
     * are the plot's edges), at the places XChart draws its own: the axis line the plot's margin under the plot, the
     * marks under it, the labels the tick padding under those.
     */
    static void draw(BufferedImage img, XYChart chart, List<Double> ticks, double[] x, double[] y) {
        XYStyler st = chart.getStyler();
        double left = chart.getScreenXFromChart(x[0]);
        double right = chart.getScreenXFromChart(x[1]);
        double top = chart.getScreenYFromChart(y[1]);
        double bottom = chart.getScreenYFromChart(y[0]);
        gridLines(img, chart, ticks, top, bottom);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int length = st.getAxisTickMarkLength();
            double axisY = bottom + st.getPlotMargin();
            g.setColor(AXIS);
            g.setStroke(st.getAxisTickMarksStroke());
            g.drawLine((int) left, (int) axisY, (int) right, (int) axisY);
            DecimalFormat format = new DecimalFormat(st.getDecimalPattern(), DecimalFormatSymbols.getInstance(Locale.ROOT));
            // each label's outline filled, as XChart draws its tick labels (antialiased, no fractional metrics)
            FontRenderContext frc = new FontRenderContext(null, true, false);
            List<Shape> labels = new ArrayList<>();
            double height = 0;
            for (double t : ticks) {
                Shape label = new TextLayout(format.format(t), st.getAxisTickLabelsFont(), frc).getOutline(null);
                labels.add(label);
                height = Math.max(height, label.getBounds2D().getHeight());
            }
            // XChart places its labels from the axis title up and its line from them up, cast to a whole pixel: these
            // lie within a pixel of where its own would
            double labelsTop = axisY + length + st.getAxisTickPadding();
            g.setStroke(st.getAxisTickMarksStroke());
            for (int i = 0; i < ticks.size(); i++) {
                double px = chart.getScreenXFromChart(ticks.get(i));
                g.setColor(AXIS);
                g.draw(new Line2D.Double(px, axisY + length, px, axisY));
                Rectangle2D bounds = labels.get(i).getBounds2D();
                // centred under the tick, its bottom on the labels' row's bottom (XChart's AxisTickLabels)
                AffineTransform at = AffineTransform.getTranslateInstance(px - bounds.getWidth() / 2,
                        labelsTop + height - (bounds.getY() + bounds.getHeight()));
                g.setColor(st.getAxisTickLabelsColor());
                g.fill(at.createTransformedShape(labels.get(i)));
            }
        } finally {
            g.dispose();
        }
    }

    /**
     * The dashed vertical grid line at each tick, in the plot's grid colour and stroke, drawn only on the plot's
     * background: behind the lines, as XChart draws its own before the data.
     */
    private static void gridLines(BufferedImage img, XYChart chart, List<Double> ticks, double top, double bottom) {
        XYStyler st = chart.getStyler();
        BufferedImage lines = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = lines.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE); // as XChart's
            g.setColor(st.getPlotGridLinesColor());
            BasicStroke stroke = st.getPlotGridLinesStroke();
            g.setStroke(stroke);
            for (double t : ticks) {
                double px = chart.getScreenXFromChart(t);
                g.draw(new Line2D.Double(px, top, px, bottom));
            }
        } finally {
            g.dispose();
        }
        int background = st.getPlotBackgroundColor().getRGB();
        int x0 = Math.max(0, (int) Math.floor(top) - 1);
        for (int yy = x0; yy < Math.min(img.getHeight(), (int) Math.ceil(bottom) + 1); yy++) {
            for (int xx = 0; xx < img.getWidth(); xx++) {
                int over = lines.getRGB(xx, yy);
                int alpha = over >>> 24;
                if (alpha != 0 && img.getRGB(xx, yy) == background) {
                    img.setRGB(xx, yy, blend(background, over, alpha));
                }
            }
        }
    }

    /** {@code over} at {@code alpha} (0-255) over the opaque {@code under}. */
    private static int blend(int under, int over, int alpha) {
        int out = 0xff000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            int u = (under >> shift) & 0xff;
            int o = (over >> shift) & 0xff;
            out |= ((u * (255 - alpha) + o * alpha + 127) / 255) << shift;
        }
        return out;
    }
}
