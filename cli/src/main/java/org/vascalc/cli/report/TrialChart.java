package org.vascalc.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.output.AtomicFiles;

/**
 * The picture of an in-silico trial: for each arm against the control, how much less (or more)
 * coronary calcium its members gained per year, as a percentage of the control arm's gain, for the
 * CT score and for its true intimal and medial parts, with the 95 % intervals of the paired
 * differences as error bars. It shows at a glance what a scan cannot: which layer an arm acted on.
 */
public final class TrialChart {

    private static final String[] OUTCOMES = {"CT score change", "intimal calcium change", "medial calcium change"};
    private static final List<String> LABELS = List.of("CT score (what a scan sees)", "intimal (plaque) calcium",
            "medial calcium");

    private TrialChart() {
    }

    /** Writes the chart as a PNG (atomically) to {@code file}. */
    public static void renderPng(List<ArmComparison> comparisons, String subtitle, Path file) throws IOException {
        AtomicFiles.write(file, pngBytes(comparisons, subtitle));
    }

    /** The chart's PNG in memory (the web app sends it inline). */
    public static byte[] pngBytes(List<ArmComparison> comparisons, String subtitle) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart(comparisons, subtitle), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * The title and legend the chart draws ({@link ChartKey}: written as text above it on a phone); its x axis has
     * no title (each bar group is labelled under it).
     */
    public static ChartKey key(List<ArmComparison> comparisons, String subtitle) {
        CategoryChart chart = chart(comparisons, subtitle);
        return ChartKey.of(chart.getTitle(), chart.getXAxisTitle(), List.copyOf(chart.getSeriesMap().keySet()),
                chart.getStyler().getSeriesColors());
    }

    static CategoryChart chart(List<ArmComparison> comparisons, String subtitle) {
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("a trial chart needs at least one compared arm");
        }
        String control = comparisons.get(0).control().label();
        CategoryChart chart = new CategoryChartBuilder().width(900).height(520)
                .title("Coronary calcium gained per year, each arm against " + control + " (" + subtitle + ")")
                .xAxisTitle("").yAxisTitle("difference from " + control + ", % of its yearly gain").build();
        CategoryStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        st.setDecimalPattern("#,##0.#");
        st.setErrorBarsColor(Color.DARK_GRAY);
        for (ArmComparison c : comparisons) {
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (String outcome : OUTCOMES) {
                ArmComparison.Outcome o = c.outcomes().stream().filter(x -> x.name().equals(outcome)).findFirst()
                        .orElseThrow();
                double base = Math.abs(o.control());
                boolean defined = base > 1e-12 && Double.isFinite(o.hi() - o.lo());
                y.add(defined ? 100 * o.diff() / base : 0.0);
                err.add(defined ? 100 * (o.hi() - o.lo()) / 2 / base : 0.0);
            }
            chart.addSeries(String.format(Locale.ROOT, "%s vs %s", c.arm().label(), control), LABELS, y, err);
        }
        return chart;
    }
}
