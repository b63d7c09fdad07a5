package org.vascalc.cli.flagship;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vascalc.cli.report.HtmlReport;
import org.vascalc.cli.report.IntakeMarks;
import org.vascalc.cli.report.Panel;
import org.vascalc.cli.report.ProbabilityAxis;
import org.vascalc.cli.report.Series;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.flagship.FlagshipComparison;

/**
 * Lays out the flagship results: which output goes in which chart, with what caption and which
 * sources. A chart whose output the model does not produce is left out and named in the report,
 * so the report never shows a line the model did not compute.
 */
public final class FlagshipReport {

    /**
     * A chart of one recorded output over the years, one line per arm, its y axis titled {@code yLabel}. A channel its
     * output marks as a probability is drawn as {@link ProbabilityAxis} draws every chart's: in per cent, the axis
     * titled "%" (leftovers26: this chart named {@code riskMi} with a factor of its own).
     */
    record Chart(String channel, String title, String yLabel, String caption, String sources) {
    }

    private static final double HOURS_PER_YEAR = 24 * 365.25;

    static final List<Chart> CHARTS = List.of(
            new Chart("cacAgatston", "CT calcium score (Agatston; steps: lesions first seen)", "Agatston units",
                    "What a cardiac CT would report: coronary calcium of both layers together, scored from "
                            + "simulated mass and density. CT cannot tell the two kinds apart. Its steps are lesions "
                            + "first seen: a scan counts calcium only from a minimum lesion size, so the score jumps "
                            + "where an artery's calcium first reaches it, while the true layers (next charts) grow "
                            + "smoothly.",
                    "Agatston 1990; McCollough 2007; see docs/model/wall.md"),
            new Chart("cacIntimalMass", "Coronary intimal (plaque) calcium", "mg",
                    "Ground truth no scan has: calcium inside atherosclerotic plaque (micro- plus macrocalcification; "
                            + "only the macro part is dense enough for CT). It does not regress; vitamin K has little "
                            + "effect on it.",
                    // review8: "Model anchors 2.5" named a section of a note outside the repository, no literature
                    "Plaque growth from non-HDL cholesterol, pressure and inflammation; statins: Grundy 2018, Puri 2015; "
                            + "microcalcification: Vengrenyuk 2006; no published model splits the two layers, so the "
                            + "split is the model's own (docs/model/wall.md, 'Intimal calcification')"),
            new Chart("cacMedialMass", "Coronary medial calcium", "mg",
                    "Ground truth: medial (Mönckeberg) calcium, driven by calcium x phosphate through the day and "
                            + "inhibited by carboxylated MGP.",
                    "Growth with supersaturation squared: Millán 2021; inhibition by carboxylated MGP: Schurgers 2007, "
                            + "Dalmeijer 2012; Mönckeberg beds: Lanzer 2021 (docs/model/wall.md, 'Medial calcification')"),
            new Chart("pwv", "Aortic pulse-wave velocity", "m/s",
                    "Medial mineral in the aorta stiffens the wall (saturating map), raising pulse-wave velocity. "
                            + "It rises in every arm (elastin fatigue and pressure-driven remodelling of the ageing aorta, "
                            + "and the mineral each arm accrues); the arms differ by their medial mineral.",
                    "Moens-Korteweg wave speed; age and pressure: Reference Values for Arterial Stiffness' "
                            + "Collaboration 2010; the mineral map is an assumption (docs/model/wall.md, 'Stiffness, "
                            + "pressure and the heart'); PWV and events: Vlachopoulos 2010"),
            new Chart("sbp", "Systolic blood pressure", "mmHg",
                    "Two-element Windkessel: arterial compliance falls as pulse-wave velocity rises, so systolic "
                            + "pressure rises in every arm as the aorta stiffens; the arms differ by their medial mineral.",
                    "Westerhof 2009; Stergiopulos 1994 (pulse-pressure method); Franklin 1997 (pressure with age)"),
            new Chart("lvMass", "Left-ventricular mass", "g",
                    "The ventricle grows over months under systolic load.",
                    "Laplace wall stress; the growth law is an assumption (docs/model/wall.md, 'Stiffness, pressure "
                            + "and the heart')"),
            new Chart("riskMi", "Cumulative myocardial-infarction risk", "1",
                    "From the plaque (burden, microcalcification); calibrated jointly with the other events.",
                    "Detrano 2008; see docs/model/wall.md"),
            new Chart("dpUcMgp", "Circulating dp-ucMGP", "pmol/L",
                    "Uncarboxylated MGP, the biomarker of vitamin K status in the vessel wall; MK-7 lowers it.",
                    "Wajima 2009; Dalmeijer 2012"),
            new Chart("bmd", "Bone mineral density (relative)", "relative to baseline",
                    "Supplement calcium goes partly to bone; saturable gut absorption makes the gain plateau.",
                    "Peterson & Riggs 2010; see docs/model/mineral.md"));

    /** Charts shown together at the top of the report (and in the README). */
    public static final List<String> OVERVIEW = List.of("serum-calcium-day", "cacAgatston", "cacIntimalMass", "cacMedialMass");

    /**
     * One column of the table: an output's end-of-run value times {@code scale}, under the header "name (unit)". A
     * channel its output marks as a probability is shown in per cent with "%" as its unit ({@link ProbabilityAxis}),
     * as its chart is, so the table and the chart beside it give the same number.
     */
    record Column(String channel, String name, String unit, double scale) {
    }

    /** Outputs summarised in the table (end-of-run value per arm). */
    static final List<Column> TABLE = List.of(
            new Column("cacAgatston", "CT score", "AU", 1),
            // review8: the layers in mg too (the "plaque calcium does not fall" point is in mg), shares in %
            new Column("cacIntimalMass", "plaque (intimal) Ca", "mg", 1),
            new Column("cacMedialMass", "medial Ca", "mg", 1),
            new Column("cacIntimalShare", "intimal share", "% of Ca mass", 100),
            new Column("cacMedialShare", "medial share", "% of Ca mass", 100),
            new Column("pwv", "PWV", "m/s", 1),
            new Column("sbp", "SBP", "mmHg", 1),
            new Column("lvMass", "LV mass", "g", 1),
            // review10: "MI risk (%)" read as a 10-year or yearly risk; it is the chart's cumulative risk since day 0
            new Column("riskMi", "cumulative MI risk", "1", 1),
            new Column("dpUcMgp", "dp-ucMGP", "pmol/L", 1),
            new Column("serumCalciumTotal", "serum Ca at midnight", "mmol/L", 1));

    /** The channel {@code id} as the runs recorded it (its unit and probability mark), if any run did. */
    private java.util.Optional<OutputChannel> recorded(String id) {
        return results.longRuns().stream().flatMap(r -> r.trajectory().channels().stream())
                .filter(c -> c.id().equals(id)).findFirst();
    }

    /** The factor from a column's or chart's recorded value to the value shown: times 100 for a probability. */
    private double shownScale(String id, double scale) {
        return scale * recorded(id).map(ProbabilityAxis::scale).orElse(1.0);
    }

    /** The unit a column or chart names: "%" for a probability, else its own. */
    private String shownUnit(String id, String unit) {
        return recorded(id).filter(ProbabilityAxis::isProbability).map(c -> ProbabilityAxis.UNIT).orElse(unit);
    }

    private final FlagshipComparison.Results results;
    private final List<String> missing = new ArrayList<>();

    public FlagshipReport(FlagshipComparison.Results results) {
        this.results = results;
    }

    public List<Panel> panels() {
        missing.clear(); // filled afresh: panels() then html() named each missing output twice
        List<Panel> panels = new ArrayList<>();
        panels.add(dayProfile());
        for (Chart c : CHARTS) {
            List<Series> lines = new ArrayList<>();
            for (int i = 0; i < results.arms().size(); i++) {
                SimulationResult r = results.longRuns().get(i);
                if (FlagshipCommand.has(r, c.channel())) {
                    lines.add(FlagshipCommand.series(results.arms().get(i).label(), r.trajectory(), c.channel(),
                            1 / HOURS_PER_YEAR, shownScale(c.channel(), 1)));
                }
            }
            if (lines.isEmpty()) {
                missing.add(c.channel());
            }
            panels.add(new Panel(c.channel(), c.title(), "years", shownUnit(c.channel(), c.yLabel()), lines, c.caption(),
                    c.sources()));
        }
        return FlagshipCommand.nonEmpty(panels);
    }

    private Panel dayProfile() {
        List<Series> lines = new ArrayList<>();
        List<List<org.vascalc.core.intervention.Intervention>> intakes = new ArrayList<>();
        String channel = "serumCalciumTotal";
        for (int i = 0; i < results.dayProfiles().size(); i++) {
            SimulationResult r = results.dayProfiles().get(i);
            if (FlagshipCommand.has(r, channel)) {
                lines.add(lastTwoDays(results.arms().get(i).label(), r.trajectory().timesHours(),
                        r.trajectory().series(channel)));
                intakes.add(r.scenario().interventions());
            }
        }
        if (lines.isEmpty()) {
            missing.add(channel);
        }
        return new Panel("serum-calcium-day", "Serum total calcium over two days", "hours since midnight", "mmol/L", lines,
                "Reference mode, every meal and tablet resolved, after a week on the regimen; each meal and tablet "
                        + "is marked in a strip under the time axis, in its arm's colour. Meals at 8, 13 and "
                        + "19 h; tablets (500 mg calcium as carbonate) with breakfast and dinner in the supplement arm."
                        + mk7DayNote(),
                "Peterson & Riggs 2010; Reid 2010 (calibration targets E09, E10, E13)").withMarks(dayMarks(lines, intakes));
    }

    /**
     * The meals and tablets of the two days shown, from the arms' own schedules (charts: the chart did not say which
     * bump followed a tablet and which a meal), on the chart's axis of hours since the first shown day began.
     */
    static List<IntakeMarks> dayMarks(List<Series> lines, List<List<org.vascalc.core.intervention.Intervention>> intakes) {
        double from = FlagshipComparison.PROFILE_FROM_DAY * 24;
        return IntakeMarks.of(lines.stream().map(Series::name).toList(), intakes, from, from + PROFILE_HOURS, 1);
    }

    /** Hours of the day profile shown: two days. */
    static final double PROFILE_HOURS = 48;

    /**
     * Why the two-day chart has no MK-7 line (review8: its legend had two arms, the others three, without a
     * word): that arm is not run in reference mode; its serum calcium from the long runs, beside the
     * supplement arm's, shows whether the two days would differ.
     */
    private String mk7DayNote() {
        if (results.arms().size() <= results.dayProfiles().size()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" The ");
        List<String> unshown = new ArrayList<>();
        for (int i = results.dayProfiles().size(); i < results.arms().size(); i++) {
            unshown.add(results.arms().get(i).label());
        }
        b.append(String.join(", ", unshown)).append(unshown.size() == 1 ? " arm is" : " arms are")
                .append(" not run hour by hour");
        int last = results.dayProfiles().size() - 1;
        String ca = "serumCalciumTotal";
        if (last >= 0 && FlagshipCommand.has(results.longRuns().get(last), ca)
                && FlagshipCommand.has(results.longRuns().get(results.arms().size() - 1), ca)) {
            b.append(String.format(Locale.ROOT, ": at the end of the run its serum calcium at midnight is %.3f mmol/L, "
                    + "the %s arm's %.3f", results.longRuns().get(results.arms().size() - 1).trajectory().last(ca),
                    results.arms().get(last).label(), results.longRuns().get(last).trajectory().last(ca)));
        }
        return b.append('.').toString();
    }

    /** The points from {@link FlagshipComparison#PROFILE_FROM_DAY} on, as hours since that day began. */
    static Series lastTwoDays(String name, double[] hours, double[] values) {
        double from = FlagshipComparison.PROFILE_FROM_DAY * 24;
        int first = 0;
        while (first < hours.length && hours[first] < from - 1e-9) {
            first++;
        }
        double[] x = new double[hours.length - first];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = hours[first + i] - from;
            y[i] = values[first + i];
        }
        return new Series(name, x, y);
    }

    public List<String[]> summaryRows() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < results.arms().size(); i++) {
            SimulationResult r = results.longRuns().get(i);
            String[] row = new String[TABLE.size() + 1];
            row[0] = results.arms().get(i).label();
            for (int k = 0; k < TABLE.size(); k++) {
                Column c = TABLE.get(k);
                row[k + 1] = FlagshipCommand.has(r, c.channel()) ? format(shownScale(c.channel(), c.scale()) * r.trajectory().last(c.channel())) : "n/a";
            }
            rows.add(row);
        }
        return rows;
    }

    public String[] header() {
        String[] h = new String[TABLE.size() + 1];
        h[0] = "arm (end of run)";
        for (int k = 0; k < TABLE.size(); k++) {
            Column c = TABLE.get(k);
            h[k + 1] = c.name() + " (" + shownUnit(c.channel(), c.unit()) + ")";
        }
        return h;
    }

    /**
     * The console table: one row per output and one column per arm (review10: the arm-per-row layout of the HTML
     * table was about 270 characters wide and wrapped on a terminal; turned, it stays under {@link #CONSOLE_WIDTH}).
     * Every cell of {@code rows} is there, the output's header left-aligned, the numbers right-aligned under the
     * arm's name, two spaces apart.
     */
    String formatTable(List<String[]> rows) {
        String[] header = header();
        List<String[]> turned = new ArrayList<>();
        String[] top = new String[rows.size() + 1];
        top[0] = "end of run";
        for (int a = 0; a < rows.size(); a++) {
            top[a + 1] = rows.get(a)[0];
        }
        for (int k = 1; k < header.length; k++) {
            String[] line = new String[rows.size() + 1];
            line[0] = header[k];
            for (int a = 0; a < rows.size(); a++) {
                line[a + 1] = rows.get(a)[k];
            }
            turned.add(line);
        }
        int[] w = new int[top.length];
        for (int k = 0; k < top.length; k++) {
            w[k] = top[k].length();
            for (String[] r : turned) {
                w[k] = Math.max(w[k], r[k].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, top, w);
        StringBuilder rule = new StringBuilder();
        for (int k = 0; k < w.length; k++) {
            rule.append(k == 0 ? "" : "  ").append("-".repeat(w[k]));
        }
        sb.append(rule).append('\n');
        for (String[] r : turned) {
            appendRow(sb, r, w);
        }
        return sb.toString().stripTrailing();
    }

    /** Columns of an ordinary terminal, which the console table and the findings under it keep within. */
    static final int CONSOLE_WIDTH = 100;

    private static void appendRow(StringBuilder sb, String[] cells, int[] w) {
        for (int k = 0; k < cells.length; k++) {
            String c = cells[k];
            if (k == 0) {
                sb.append(c).append(" ".repeat(w[k] - c.length()));
            } else {
                sb.append("  ").append(" ".repeat(w[k] - c.length())).append(c);
            }
        }
        sb.append('\n');
    }

    HtmlReport html(String provenance) {
        HtmlReport h = new HtmlReport("VasCalc flagship: calcium from food, from supplements, and vitamin K2",
                "One simulated person (the reference adult: 60-year-old woman, normal kidneys, typical risk factors) "
                        + "in three arms over " + years() + ". The CT score cannot tell intimal from medial "
                        + "calcium (thin medial calcium only scores less per mg); the intimal and medial charts show what no scan can: which layer the calcium is in. "
                        + "A research and teaching simulation, not medical advice.");
        List<Panel> panels = panels();
        h.table(header(), summaryRows());
        if (!missing.isEmpty()) {
            h.note("Not shown because this model build does not produce them: " + String.join(", ", missing) + ".");
        }
        for (Panel p : panels) {
            h.panel(p);
        }
        List<Panel> glance = new ArrayList<>();
        for (String id : OVERVIEW) {
            panels.stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(glance::add);
        }
        if (!glance.isEmpty()) {
            h.overview(glance, "At a glance: the serum calcium excursion after each tablet, the CT score, and the "
                    + "two layers it cannot tell apart. Details and sources below; a line drawn on a wider one lies "
                    + "on that arm's line.");
        }
        String findings = findings();
        if (!findings.isEmpty()) {
            h.note(HtmlReport.escape(findings));
        }
        return h.provenance(provenance);
    }

    /**
     * What the arms show at the end of the run, in numbers from the runs (review8: the report never said
     * that the score of the MK-7 arm ends lower while its plaque calcium does not; a reader had to find it
     * in the charts): the supplement against food, MK-7 against the supplement, for the CT score and each
     * layer, then each layer's growth ({@link #growth()}); without the end-of-run part when the
     * supplement arm's score or a layer ends at 0; "" when the run lacks one of the three outputs or has
     * fewer than three arms.
     */
    public String findings() {
        double[][] v = layerEnds();
        if (v == null) {
            return growth().strip();
        }
        String food = results.arms().get(0).label();
        String supplement = results.arms().get(1).label();
        String k2 = results.arms().get(2).label();
        return String.format(Locale.ROOT, "After %s, %s against %s: CT score %s, "
                + "plaque (intimal) calcium %s, medial calcium %s. %s against %s: CT score %s, plaque calcium %s, "
                + "medial calcium %s.", years(), supplement, food, change(v[1][0], v[0][0], "AU"),
                change(v[1][1], v[0][1], "mg"), change(v[1][2], v[0][2], "mg"), k2, supplement,
                change(v[2][0], v[1][0], "AU"), change(v[2][1], v[1][1], "mg"), change(v[2][2], v[1][2], "mg")) + verdict()
                + growth();
    }

    /**
     * How much each layer grew over the run in each arm, and how much faster than on food, with a leading
     * space; "" when a layer is missing or did not grow on food. review9: README said the supplement makes
     * medial calcium "grow about 12 % faster" and plaque calcium "5 %", from a note of 2026-12-01 that no
     * command printed (the report gave only end-of-run levels, whose differences are smaller because both
     * arms start from the same deposits); this sentence is what README now quotes.
     */
    public String growth() {
        double[][] end = layers(-1); // not layerEnds(): a run whose CT score is still 0 has grown layers too
        double[][] start = layers(0);
        if (end == null || start == null) {
            return "";
        }
        double[] plaque = new double[3];
        double[] medial = new double[3];
        for (int a = 0; a < 3; a++) {
            plaque[a] = end[a][1] - start[a][1];
            medial[a] = end[a][2] - start[a][2];
        }
        if (plaque[0] <= 0 || medial[0] <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, " Growth over the %s (food / supplement / supplement + MK-7): "
                + "plaque calcium %s / %s / %s mg, medial calcium %s / %s / %s mg. With the supplement, medial calcium "
                + "grows %s and plaque calcium %s than on food; with MK-7 as well, medial calcium grows %s and plaque "
                + "calcium %s than on food.", years(), four(plaque[0]), four(plaque[1]), four(plaque[2]),
                four(medial[0]), four(medial[1]), four(medial[2]), faster(medial[1], medial[0]),
                faster(plaque[1], plaque[0]), faster(medial[2], medial[0]), faster(plaque[2], plaque[0]));
    }

    /** Four significant digits ("23.68", "1.267"), so that a growth 0.5 % apart reads apart. */
    private static String four(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** "12.0 % faster", "0.45 % faster", "3.1 % slower": {@code rate} against {@code base}. */
    static String faster(double rate, double base) {
        double pct = 100 * (rate / base - 1);
        String digits = Math.abs(pct) >= 1 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits + " %% %s", Math.abs(pct), pct >= 0 ? "faster" : "slower");
    }

    /**
     * What the MK-7 arm's score says about plaque, with a leading space, where the runs support a verdict
     * (the score ends lower while plaque calcium does not, or falls under a quarter as much as medial
     * calcium); "" otherwise, never a canned story. The /compare page prints it under its own reading.
     */
    public String verdict() {
        double[][] v = layerEnds();
        if (v == null) {
            return "";
        }
        double score = v[2][0] / v[1][0] - 1;
        double plaque = v[2][1] / v[1][1] - 1;
        double medial = v[2][2] / v[1][2] - 1;
        if (score < 0 && plaque >= -1e-3) {
            return " The CT score ends lower on MK-7, but plaque calcium does not: the difference is medial "
                    + "calcium, which MK-7 slows, and a score cannot tell the layers apart. A falling score on vitamin "
                    + "K2 is no sign of less plaque.";
        }
        if (score < 0 && medial < 0 && Math.abs(plaque) < Math.abs(medial) / 4) {
            return String.format(Locale.ROOT, " The CT score ends lower on MK-7 (%+.1f %%): medial calcium, which "
                    + "MK-7 slows, falls %.1f %%, plaque calcium only %.1f %%. The score cannot tell which layer moved: a "
                    + "falling score on vitamin K2 is no sign of less plaque.", 100 * score, -100 * medial, -100 * plaque);
        }
        return "";
    }

    /** {CT score, intimal mg, medial mg} at the end of each of the first three arms, or null when missing. */
    private double[][] layerEnds() {
        double[][] v = layers(-1);
        return v != null && v[1][0] > 0 && v[1][1] > 0 && v[1][2] > 0 ? v : null;
    }

    /**
     * {CT score, intimal mg, medial mg} of each of the first three arms at record {@code row} (-1: the
     * last), or null when an arm or an output is missing.
     */
    private double[][] layers(int row) {
        List<String> need = List.of("cacAgatston", "cacIntimalMass", "cacMedialMass");
        if (results.arms().size() < 3 || results.longRuns().size() < 3) {
            return null;
        }
        double[][] v = new double[3][3];
        for (int a = 0; a < 3; a++) {
            for (int k = 0; k < 3; k++) {
                if (!FlagshipCommand.has(results.longRuns().get(a), need.get(k))) {
                    return null;
                }
                double[] s = results.longRuns().get(a).trajectory().series(need.get(k));
                v[a][k] = s[row < 0 ? s.length - 1 : row];
            }
        }
        return v;
    }

    /** "+5.47 AU (+7.7 %)": {@code now} against {@code before}. */
    static String change(double now, double before, String unit) {
        double d = now - before;
        String pct = before != 0 ? String.format(Locale.ROOT, " (%+.1f %%)", 100 * d / before) : "";
        return (d >= 0 ? "+" : "") + format(d) + " " + unit + pct;
    }

    /** "10 years", "1 year", "2.5 years": the run's length (review9: "After 1 years", and 2.5 printed as "3"). */
    private String years() {
        double y = results.arms().get(0).scenario().durationDays() / 365.25;
        double whole = Math.rint(y);
        String n = Math.abs(y - whole) < 1e-6 ? String.format(Locale.ROOT, "%.0f", whole) : String.format(Locale.ROOT, "%.1f", y);
        return n + (n.equals("1") ? " year" : " years");
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
