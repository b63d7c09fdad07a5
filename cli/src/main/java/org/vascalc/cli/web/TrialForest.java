package org.vascalc.cli.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vascalc.simulation.trial.TrialReport;
import org.vascalc.simulation.trial.TrialResult;
import org.vascalc.simulation.trial.TrialSpec;

/**
 * The picture of a published trial re-run by the model, as a forest plot: one row per outcome, the
 * published effect with its 95 % confidence interval above the model's effect with its Monte-Carlo
 * interval, against the line of no effect. Each row has its own axis (the outcomes of one trial have
 * different units); a ratio's axis is logarithmic, as forest plots of ratios are, so that 0.5 and 2 lie
 * equally far from 1. Inline SVG: crisp at any width, its text selectable and read by screen readers.
 * Drawing only: every number is the {@link TrialResult}'s.
 */
final class TrialForest {

    static final int WIDTH = 900;
    static final int LABEL = 290; // the outcome's name, left of the plot
    static final int VERDICT = 110; // "inside", "below", ... right of the plot
    static final int PLOT_LEFT = LABEL + 10;
    static final int PLOT_RIGHT = WIDTH - VERDICT - 10;
    static final int TOP = 46; // the legend
    static final int ROW = 78;
    static final String PUBLISHED = "#1f4e79";
    static final String MODEL = "#d9731a";

    private TrialForest() {
    }

    /** The SVG of {@code r}'s outcomes (the run's outcomes, in the trial's order). */
    static String svg(TrialResult r) {
        List<TrialResult.OutcomeResult> outcomes = r.outcomes();
        int height = TOP + ROW * outcomes.size() + 8;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"forest\" viewBox=\"0 0 %d %d\" "
                + "width=\"100%%\" role=\"img\" aria-labelledby=\"forest-title\" font-family=\"system-ui,sans-serif\" "
                + "font-size=\"13\">", WIDTH, height));
        b.append("<title id=\"forest-title\">").append(Html.esc(r.spec().key()))
                .append(": each outcome's published effect and 95 % confidence interval beside the model's effect and "
                        + "Monte-Carlo 95 % interval</title>");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        legend(b);
        for (int k = 0; k < outcomes.size(); k++) {
            row(b, r.spec(), outcomes.get(k), TOP + ROW * k);
        }
        return b.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder b) {
        int y = 20;
        b.append(String.format(Locale.ROOT, "<g font-size=\"12.5\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"3\"/><rect x=\"%d\" y=\"%d\" width=\"8\" height=\"8\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\">published effect, 95 %% confidence interval</text>", PLOT_LEFT, y, PLOT_LEFT + 34, y,
                PUBLISHED, PLOT_LEFT + 13, y - 4, PUBLISHED, PLOT_LEFT + 42, y + 4));
        int x = PLOT_LEFT + 330;
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                + "<circle cx=\"%d\" cy=\"%d\" r=\"4.5\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">model, Monte-Carlo 95 %% interval</text>",
                x, y, x + 34, y, MODEL, x + 17, y, MODEL, x + 42, y + 4));
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#777\" stroke-dasharray=\"4 3\"/>"
                + "<text x=\"%d\" y=\"%d\">no effect</text></g>", LABEL - 170, y - 8, LABEL - 170, y + 8, LABEL - 162, y + 4));
    }

    /** One outcome: its name, the two intervals on the row's own axis, the verdict. */
    private static void row(StringBuilder b, TrialSpec spec, TrialResult.OutcomeResult o, int top) {
        b.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>", top, WIDTH, top));
        List<String> label = wrap(o.outcome().name(), 38);
        String sub = o.outcome().arm() + " vs " + spec.control().label() + " (" + o.unit() + ")";
        int ly = top + 22;
        for (String line : label.subList(0, Math.min(2, label.size()))) {
            b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-weight=\"600\">%s</text>", ly, Html.esc(line)));
            ly += 16;
        }
        b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"#555\" font-size=\"12\">%s</text>", ly,
                Html.esc(sub.length() > 46 ? sub.substring(0, 45) + "…" : sub)));

        Axis axis = Axis.of(o);
        int yPub = top + 22;
        int yMod = top + 42;
        int yAxis = top + 56;
        TrialSpec.Published p = o.outcome().published();
        double nul = o.outcome().measure().nullValue();
        if (axis == null) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\">nothing to draw: %s</text>", PLOT_LEFT,
                    yPub + 10, Html.esc(p.value().isEmpty() ? (p.inOtherForm() ? "published in another form (see the reading)"
                    : "no published number") : "the model's effect could not be computed")));
        } else {
            // the axis and its ticks, then the line of no effect, then the intervals over them
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>", PLOT_LEFT,
                    yAxis, PLOT_RIGHT, yAxis));
            List<Double> ticks = axis.ticks();
            for (double t : ticks) {
                double x = axis.x(t);
                b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">%s</text>",
                        x, yAxis, x, yAxis + 4, x, yAxis + 16, Html.esc(tickLabel(t, ticks))));
            }
            if (axis.contains(nul)) {
                double x = axis.x(nul);
                b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#777\" "
                        + "stroke-dasharray=\"4 3\"/>", x, top + 8, x, yAxis));
            }
            interval(b, axis, p.value().orElse(Double.NaN), p.low().orElse(Double.NaN), p.high().orElse(Double.NaN), yPub,
                    PUBLISHED, true, "published " + TrialReport.published(o), p.inOtherForm()
                    ? "published in another form (see the reading)" : "no published number");
            interval(b, axis, o.estimate(), o.low(), o.high(), yMod, MODEL, false, "model " + TrialReport.model(o),
                    "the model's effect could not be computed");
        }
        String verdict = o.verdict().words();
        String colour = o.verdict() == TrialResult.Verdict.INSIDE ? "#2e7d32"
                : o.verdict() == TrialResult.Verdict.BELOW || o.verdict() == TrialResult.Verdict.ABOVE ? "#b71c1c" : "#555";
        List<String> words = wrap(verdict, 14);
        b.append(String.format(Locale.ROOT, "<text class=\"verdict\" y=\"%d\" fill=\"%s\" font-weight=\"600\">", top + 30, colour));
        for (int i = 0; i < Math.min(2, words.size()); i++) {
            b.append(String.format(Locale.ROOT, "<tspan x=\"%d\" dy=\"%d\">%s</tspan>", PLOT_RIGHT + 18, i == 0 ? 0 : 15,
                    Html.esc(words.get(i))));
        }
        b.append("</text>");
    }

    /**
     * An interval as a thick line with whiskers and its point; without an interval the point alone
     * ("interval not reported" beside it); without either, {@code missing} in words. The axis spans every
     * number drawn, so nothing is clamped.
     */
    private static void interval(StringBuilder b, Axis axis, double value, double low, double high, int y, String colour,
                                 boolean square, String tooltip, String missing) {
        b.append("<g><title>").append(Html.esc(tooltip)).append("</title>");
        boolean hasInterval = Double.isFinite(low) && Double.isFinite(high);
        if (!hasInterval && !Double.isFinite(value)) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text></g>",
                    PLOT_LEFT + 4, y + 4, colour, Html.esc(missing)));
            return;
        }
        if (hasInterval) {
            double x1 = axis.x(low);
            double x2 = axis.x(high);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                    + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
                    x1, y, x2, y, colour, x1, y - 5, x1, y + 5, colour, x2, y - 5, x2, y + 5, colour));
        }
        if (Double.isFinite(value)) {
            double x = axis.x(value);
            if (square) {
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"9\" height=\"9\" fill=\"%s\"/>", x - 4.5,
                        y - 4, colour)); // y - 4.5 rounded: the square sits on the line
            } else {
                b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"5\" fill=\"%s\"/>", x, y, colour));
            }
            if (!hasInterval) {
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#555\"%s>%s</text>",
                        x < (PLOT_LEFT + PLOT_RIGHT) / 2.0 ? x + 9 : x - 9, y + 4,
                        x < (PLOT_LEFT + PLOT_RIGHT) / 2.0 ? "" : " text-anchor=\"end\"", "interval not reported"));
            }
        }
        b.append("</g>");
    }

    /**
     * A tick's label with as many decimals as the ticks need to differ and no more ("-0.12", "5", "0.2"),
     * a minus sign as a minus.
     */
    static String tickLabel(double v, List<Double> ticks) {
        int decimals = 0;
        for (double t : ticks) {
            while (decimals < 6 && Math.abs(t - Math.rint(t * Math.pow(10, decimals)) / Math.pow(10, decimals))
                    > 1e-9 * Math.max(1, Math.abs(t))) {
                decimals++;
            }
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s.replace('-', '\u2212');
    }

    /** Words of {@code text} in lines of at most about {@code width} characters. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : text.strip().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(w);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > 2) { // two lines are drawn: the rest goes into the second, cut with an ellipsis
            String second = String.join(" ", lines.subList(1, lines.size()));
            lines = new ArrayList<>(List.of(lines.get(0), second.length() > width ? second.substring(0, width - 1) + "…" : second));
        }
        return lines;
    }

    /**
     * A row's axis: from the smallest to the largest of the published and model numbers and the value of
     * no effect, padded by 6 % of the span; logarithmic for a ratio whose numbers are all above 0.
     */
    record Axis(double lo, double hi, boolean log) {

        /** The axis of {@code o}, or null when there is no number to draw. */
        static Axis of(TrialResult.OutcomeResult o) {
            TrialSpec.Published p = o.outcome().published();
            List<Double> v = new ArrayList<>();
            for (double d : new double[] {p.value().orElse(Double.NaN), p.low().orElse(Double.NaN),
                    p.high().orElse(Double.NaN), o.estimate(), o.low(), o.high()}) {
                if (Double.isFinite(d)) {
                    v.add(d);
                }
            }
            if (v.isEmpty()) {
                return null;
            }
            double nul = o.outcome().measure().nullValue();
            v.add(nul);
            double min = v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = v.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            boolean log = nul == 1 && min > 0;
            if (log) {
                double a = Math.log10(min);
                double z = Math.log10(max);
                double pad = Math.max(0.06 * (z - a), 0.02);
                return new Axis(Math.pow(10, a - pad), Math.pow(10, z + pad), true);
            }
            double span = max - min;
            double pad = span > 0 ? 0.06 * span : Math.max(Math.abs(max) * 0.1, 1);
            return new Axis(min - pad, max + pad, false);
        }

        boolean contains(double v) {
            return v >= lo && v <= hi;
        }

        /** The x coordinate of {@code v}, kept within the plot. */
        double x(double v) {
            double f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
            f = Math.max(0, Math.min(1, f));
            return PLOT_LEFT + f * (PLOT_RIGHT - PLOT_LEFT);
        }

        /**
         * Round numbers inside the axis: steps of 1, 2 or 5 times a power of ten, three to six of them;
         * on a log axis the values 1, 2 and 5 times a power of ten inside it (1 always when inside),
         * or, when fewer than two fall inside (a narrow range of ratios), the linear ticks.
         */
        List<Double> ticks() {
            if (log) {
                List<Double> t = new ArrayList<>();
                for (int e = (int) Math.floor(Math.log10(lo)) - 1; e <= (int) Math.ceil(Math.log10(hi)); e++) {
                    for (int m : new int[] {1, 2, 5}) {
                        double v = m * Math.pow(10, e);
                        if (v >= lo && v <= hi) {
                            t.add(v);
                        }
                    }
                }
                if (t.size() >= 2) {
                    return t.size() <= 8 ? t : t.stream().filter(v -> Math.abs(Math.log10(v) - Math.rint(Math.log10(v))) < 1e-9).toList();
                }
            }
            double raw = (hi - lo) / 5;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
            List<Double> t = new ArrayList<>();
            for (long i = (long) Math.ceil(lo / step); i * step <= hi + step * 1e-9; i++) {
                t.add(i * step); // a multiple, not a running sum: 0.1 + 0.2 drifts
            }
            return t;
        }
    }
}
