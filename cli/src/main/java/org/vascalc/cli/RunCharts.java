package org.vascalc.cli;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.cli.report.IntakeMarks;
import org.vascalc.cli.report.Panel;
import org.vascalc.cli.report.ProbabilityAxis;
import org.vascalc.cli.report.Series;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.output.CtVersusGroundTruth;

/**
 * Turns runs' main channels into chart panels (one line per run, channels of the first run that all
 * runs recorded), with a time axis in hours, days or years. Runs that recorded the CT score and its
 * true intimal and medial parts get those three panels first ({@link CtVersusGroundTruth}).
 */
public final class RunCharts {

    static final int MAX_PANELS = 6;

    private RunCharts() {
    }

    /** The runs' panels, with the intakes their scenarios name marked (not the model's habitual meals: no catalog). */
    public static List<Panel> panels(List<SimulationResult> runs) {
        return panels(runs, List.of(), null);
    }

    /**
     * The runs' panels, each run's intakes marked: its scenario's, and the habitual meals the model adds from its
     * catalog where the scenario names no meals ({@link IntakeMarks#of(List, List, List, double, double, double)}).
     *
     * @param catalogs the parameter catalog each run was run with, one per run
     */
    public static List<Panel> panelsWithCatalogs(List<SimulationResult> runs, List<ParameterCatalog> catalogs) {
        return panels(runs, catalogs, null);
    }

    /**
     * The same, but with the given channels (all runs must have recorded them) instead of the first
     * run's first channels after the ground-truth panels: a figure that shows what one story is about.
     */
    static List<Panel> panels(List<SimulationResult> runs, List<String> channels) {
        return panels(runs, List.of(), channels);
    }

    private static List<Panel> panels(List<SimulationResult> runs, List<ParameterCatalog> catalogs, List<String> channels) {
        List<Panel> out = unmarked(runs, channels);
        List<IntakeMarks> marks = marks(runs, catalogs);
        return marks.isEmpty() ? out : out.stream().map(p -> p.withMarks(marks)).toList();
    }

    /**
     * The runs' calcium intakes (meals, tablets, drinks) at their scenarios' times, and with their catalogs the
     * habitual meals the model adds, for a chart in hours (charts: the supplement-versus-food chart did not say which
     * bump followed the tablet and which the meals); none on an axis in days or years, where a day's three meals would
     * be one smudge.
     *
     * @param catalogs each run's parameter catalog, or none (the habitual meals not marked)
     */
    static List<IntakeMarks> marks(List<SimulationResult> runs, List<ParameterCatalog> catalogs) {
        double endHours = endHours(runs);
        if (endHours > HOURS_AXIS_UNTIL) {
            return List.of();
        }
        return IntakeMarks.of(runs.stream().map(r -> r.scenario().name()).toList(),
                runs.stream().map(r -> r.scenario().interventions()).toList(), catalogs, 0, endHours, 1);
    }

    /** Runs up to a week long are drawn over hours ({@link MaxAtUnit}'s bound: the table under the charts agrees). */
    static final double HOURS_AXIS_UNTIL = MaxAtUnit.HOURS_UP_TO_DAYS * 24;

    private static double endHours(List<SimulationResult> runs) {
        double endHours = 0;
        for (SimulationResult r : runs) {
            double[] th = r.trajectory().timesHours();
            endHours = Math.max(endHours, th.length == 0 ? 0 : th[th.length - 1]);
        }
        return endHours;
    }

    private static List<Panel> unmarked(List<SimulationResult> runs, List<String> channels) {
        double endHours = endHours(runs);
        double scale;
        String axis;
        if (endHours <= HOURS_AXIS_UNTIL) {
            scale = 1;
            axis = "time (h)";
        } else if (endHours <= MaxAtUnit.DAYS_UP_TO_DAYS * 24) {
            scale = 24;
            axis = "time (days)";
        } else {
            scale = 8766;
            axis = "time (years)";
        }
        List<Panel> out = new ArrayList<>();
        Trajectory first = runs.get(0).trajectory();
        // A CT score alone can mislead (a statin may raise it while plaque shrinks; a falling score
        // may be medial mineral): when the runs recorded the ground truth, it comes first, side by side.
        boolean groundTruth = runs.stream().allMatch(r -> CtVersusGroundTruth.of(r.trajectory()).isPresent());
        if (groundTruth) {
            out.add(panel(runs, first.channels().get(first.channelIndex("cacAgatston")), scale, axis, CT_TITLE));
            out.add(panel(runs, first.channels().get(first.channelIndex("cacIntimalMass")), scale, axis,
                    "Ground truth: intimal (plaque) calcium"));
            out.add(panel(runs, first.channels().get(first.channelIndex("cacMedialMass")), scale, axis,
                    "Ground truth: medial calcium"));
        }
        if (channels != null) {
            for (String id : channels) {
                OutputChannel c = first.channels().get(first.channelIndex(id));
                out.add(panel(runs, c, scale, axis, title(c)));
            }
            return out;
        }
        int regular = 0;
        // One quantity in two units (intact PTH in pmol/L and pg/mL) is one panel: the first one's.
        java.util.Set<String> drawn = new java.util.HashSet<>();
        for (int k = 0; k < first.channels().size() && regular < MAX_PANELS; k++) {
            OutputChannel c = first.channels().get(k);
            if (!runs.stream().allMatch(r -> has(r.trajectory(), c.id()))
                    || groundTruth && GROUND_TRUTH_PANELS.contains(c.id())
                    || !drawn.add(c.description())) {
                continue;
            }
            out.add(panel(runs, c, scale, axis, title(c)));
            regular++;
        }
        return out;
    }

    /**
     * The CT panel's title. A scan counts a lesion only above a minimum size (Agatston 1990: 130 HU
     * and at least 1 mm²; the surrogate's per-artery, per-layer detection limit,
     * docs/model/wall.md "CT readout"), so the Agatston, volume and mass scores step up where a
     * layer's calcium first reaches it while the true layers grow smoothly: a real property of the
     * score, which the title says so that a reader does not take the step for a sudden calcification.
     */
    static final String CT_TITLE = "CT score (what a scan shows; steps: lesions first seen)";

    /**
     * The fast mode's agreement with reference mode, relative (issue 2's limit, FastVersusReferenceIT):
     * a fast-mode line that varies by less than twice this share of its size lies within the
     * method's error band, and its panel's y axis is at least that tall ({@link Panel#minYSpan}), so
     * that a 0.2 % ripple of serum calcium between SLOW steps (2.289-2.294 mmol/L over two years of
     * CKD G4; docs/model/mineral.md) does not fill the axis and look like physiology.
     */
    static final double FAST_MODE_AGREEMENT = 1e-2;

    /** Channels already drawn in the CT-versus-ground-truth panels. */
    private static final List<String> GROUND_TRUTH_PANELS = List.of("cacAgatston", "cacIntimalMass", "cacMedialMass");

    private static Panel panel(List<SimulationResult> runs, OutputChannel c, double scale, String axis, String title) {
        List<Series> lines = new ArrayList<>();
        for (SimulationResult r : runs) {
            Trajectory t = r.trajectory();
            double[] x = new double[t.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = t.time(i) / scale;
            }
            // a risk in per cent, as the tables beside the charts give it (storyaxis: 0-0.06 read as 0.06 %)
            lines.add(new Series(r.scenario().name(), x, ProbabilityAxis.drawn(c, t.series(c.id()))));
        }
        double minSpan = 0;
        if (runs.stream().anyMatch(r -> r.mode() == Mode.FAST)) {
            double size = 0;
            for (Series s : lines) {
                for (double v : s.y()) {
                    if (Double.isFinite(v)) {
                        size = Math.max(size, Math.abs(v));
                    }
                }
            }
            minSpan = 2 * FAST_MODE_AGREEMENT * size;
        }
        String shown = atCeiling(c.id(), title, lines);
        if (shown.endsWith(THROUGHOUT)) {
            // its lines vary by 4e-5 (0.99996 to 1): drawn over their own range, they rose from the bottom to the top
            // of an axis without a single label; on an axis CEILING_AXIS_SPAN tall they are the flat line they are
            minSpan = Math.max(minSpan, CEILING_AXIS_SPAN);
        }
        return new Panel(c.id(), shown, axis, yLabel(c), lines, "", "", minSpan);
    }

    /** The end of the calcium index's title when every line stays at its ceiling. */
    static final String THROUGHOUT = ": at its ceiling (1.00) throughout";

    /** The least height of the calcium index's axis when it is at its ceiling throughout (a tenth of its 0–1 scale). */
    static final double CEILING_AXIS_SPAN = 0.1;

    /** The IVUS-like calcium index, 1 − exp(−Mac/M_c) of the coronaries' macrocalcium (WallBlock.calciumIndex). */
    static final String CALCIUM_INDEX = "calciumIndex";

    /**
     * The index reads as its ceiling from here on: 1.00 at the two decimals a reader takes from the axis and the
     * stories table (docs/stories.md).
     */
    static final double CALCIUM_INDEX_CEILING = 0.995;

    /**
     * The calcium index's title when it is at its ceiling (review9: for a heavily calcified man it was a flat
     * line at 1 with no word on the chart, read as "the statin changes nothing"; the index saturates once the
     * coronaries hold a few times M_c of macrocalcium, and grows no more however much they gain). Every line at
     * the ceiling throughout: "at its ceiling (1.00) throughout"; some line reaching it: "reaches its ceiling
     * (1.00)"; otherwise, or for any other output, the title as it was.
     */
    static String atCeiling(String channel, String title, List<Series> lines) {
        if (!channel.equals(CALCIUM_INDEX) || lines.isEmpty()) {
            return title;
        }
        boolean throughout = true;
        boolean reaches = false;
        for (Series s : lines) {
            double[] y = s.y();
            for (double v : y) {
                throughout &= v >= CALCIUM_INDEX_CEILING;
            }
            reaches |= y.length > 0 && y[y.length - 1] >= CALCIUM_INDEX_CEILING;
        }
        if (throughout) {
            return title + THROUGHOUT;
        }
        return reaches ? title + ": reaches its ceiling (1.00)" : title;
    }

    /**
     * The y-axis title: the channel's one-line description from the model's output catalog, cut
     * before its first parenthesis or comma (the detail stays in the panel title), else its id; then
     * the unit, left out for a dimensionless value (unit "1" or none) except a probability, drawn in per cent
     * ({@link ProbabilityAxis}); a long label loses a qualifier before ": " (the title keeps it), then words, never
     * its unit.
     */
    public static String yLabel(OutputChannel c) {
        String name = c.description().strip();
        int cut = name.length();
        for (String stop : List.of(" (", ", ", "; ")) {
            int at = name.indexOf(stop);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        name = name.substring(0, cut).strip();
        if (name.isEmpty()) {
            name = c.id();
        }
        String unit = ProbabilityAxis.unit(c) == null ? "" : ProbabilityAxis.unit(c).strip();
        String suffix = unit.isEmpty() || unit.equals("1") ? "" : " (" + unit + ")";
        int qualifier = name.indexOf(": ");
        if (name.length() + suffix.length() > MAX_Y_LABEL && qualifier > 0) {
            // review20: "ground truth: coronary intimal… (mg)" lost the words that say what is drawn and kept the
            // qualifier, which the panel's title above says anyway: the qualifier goes first
            name = name.substring(qualifier + 2).strip();
        }
        if (name.length() + suffix.length() > MAX_Y_LABEL) {
            // longer is cut off by the panel's height: shorten the words, keep the unit whole
            int room = MAX_Y_LABEL - suffix.length() - 1;
            int space = name.lastIndexOf(' ', room);
            name = name.substring(0, space > room / 2 ? space : room).strip() + "…";
        }
        return name + suffix;
    }

    /**
     * The panel title: the channel's description, else its id; one too long for the panel (it was
     * cut off at both edges, e.g. "hepatic vitamin K hydroquinone relative to the reference diet
     * (drives clotting-factor synthesis)") loses its parenthesis, then words.
     */
    static String title(OutputChannel c) {
        String t = c.description().strip();
        if (t.isEmpty()) {
            return c.id();
        }
        if (t.length() > MAX_TITLE) {
            int paren = t.indexOf(" (");
            if (paren > 10) {
                t = t.substring(0, paren);
            }
        }
        if (t.length() > MAX_TITLE) {
            int space = t.lastIndexOf(' ', MAX_TITLE - 1);
            t = t.substring(0, space > MAX_TITLE / 2 ? space : MAX_TITLE - 1).strip() + "…";
        }
        return t;
    }

    /** Characters of a bold 15-point title that fit across a 620-pixel panel (checked on rendered charts). */
    static final int MAX_TITLE = 66;

    /** Characters that fit along the y-axis of a 380-pixel-high panel (checked on rendered charts). */
    public static final int MAX_Y_LABEL = 44;

    private static boolean has(Trajectory t, String id) {
        return t.channels().stream().anyMatch(c -> c.id().equals(id));
    }
}
