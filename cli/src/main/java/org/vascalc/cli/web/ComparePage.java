package org.vascalc.cli.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.vascalc.cli.clinical.InputEnvelopes;
import org.vascalc.cli.flagship.FlagshipReport;
import org.vascalc.cli.report.ChartRenderer;
import org.vascalc.cli.report.Panel;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.flagship.FlagshipComparison;
import org.vascalc.simulation.scenario.ScenarioRanges;

/**
 * The flagship comparison for a person the user describes: calcium from food, the same diet plus a
 * calcium supplement, and that plus MK-7, over years. The form maps onto {@link Patient}; the
 * simulation is {@link FlagshipComparison}; the charts and table are the flagship report's. No model
 * logic here.
 */
final class ComparePage {

    /** Run length of a web comparison, years (the command line allows the same). */
    static final ValidRange YEARS = ValidRange.of("simulated years", "years", 1, 40);

    /** Pixels of a chart's image: its caption and key say which line lies on which as drawn at this size. */
    static final int CHART_WIDTH = 640;
    static final int CHART_HEIGHT = 400;

    /** Every parameter the form sends and {@code /api/compare} accepts (anything else is a 400). */
    static final List<String> PARAMETERS = List.of("age", "sex", "weight", "height", "egfr", "sbp", "dbp", "tc",
            "hdl", "years", "smoker", "diabetes");

    /**
     * What to change when the model cannot run this person (ModelDomainException's hint): the page runs
     * the model's own parameters, so only the form's values can be moved (as CliFiles.CHECK_THE_PATIENT
     * says of a scenario's patient).
     */
    static final String CHECK_THE_PERSON = "no parameter was changed from its default: check the values in "
            + "the form for this person (e.g. eGFR, height, weight, age) and move any unusual one towards a typical value";

    private final ComparisonRuns runs;

    ComparePage(ComparisonRuns runs) {
        this.runs = runs;
    }

    /** The person and run length a form describes, or the problems that stop it. */
    record Request(ComparisonRuns.Key key, InputProblems problems) {
    }

    static Request read(FormValues f) {
        InputProblems p = new InputProblems();
        Patient ref = Patient.referenceAdult();
        RiskFactors rf = RiskFactors.typical();
        double age = f.filledNumber("age", ScenarioRanges.AGE, ref.ageYears(), p);
        Sex sex = ref.sex();
        if (f.text("sex") != null) { // as the risk page and scenario files read it: f, m, woman, man too
            sex = Sex.parse(f.text("sex")).orElse(null);
            if (sex == null) {
                p.error("sex", "sex = '" + f.text("sex") + "' is not one of: female, male (or f, m, woman, man)");
                sex = ref.sex();
            }
        }
        double weight = f.filledNumber("weight", ScenarioRanges.WEIGHT, ref.weightKg(), p);
        double height = f.filledNumber("height", ScenarioRanges.HEIGHT, ref.heightCm(), p);
        double egfr = f.filledNumber("egfr", ScenarioRanges.EGFR, ref.egfrMlPerMin(), p);
        double sbp = f.filledNumber("sbp", ScenarioRanges.SYSTOLIC, rf.systolicBpMmHg(), p);
        double dbp = f.filledNumber("dbp", ScenarioRanges.DIASTOLIC, rf.diastolicBpMmHg(), p);
        double tc = f.filledNumber("tc", ScenarioRanges.TOTAL_CHOLESTEROL, rf.totalCholesterolMgDl(), p);
        double hdl = f.filledNumber("hdl", ScenarioRanges.HDL, rf.hdlCholesterolMgDl(), p);
        double years = f.filledNumber("years", YEARS, 10, p);
        boolean smoker = f.flag("smoker", "current smoker", p);
        boolean diabetes = f.flag("diabetes", "diabetes", p);
        if (Double.isFinite(tc) && Double.isFinite(hdl) && RiskFactors.hdlNotBelowTotal(tc, hdl) != null) {
            p.error("hdl", RiskFactors.hdlNotBelowTotal(tc, hdl)); // as /risk refuses it
        }
        if (Double.isFinite(sbp) && Double.isFinite(dbp) && dbp >= sbp) {
            p.error("dbp", "diastolic blood pressure = " + fmt(dbp) + " mmHg must be below the systolic "
                    + fmt(sbp) + " mmHg");
        }
        if (p.hasErrors()) {
            return new Request(null, p);
        }
        Patient person = new Patient("web", age, sex, weight, height, egfr,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                new RiskFactors(tc, hdl, sbp, dbp, smoker, diabetes, rf.hsCrpMgL()));
        return new Request(new ComparisonRuns.Key(person, years), p);
    }

    /** The page: the form, and when it was submitted without errors, the comparison. */
    Answer html(FormValues f) {
        Request req = f.submitted() ? read(f) : null;
        StringBuilder b = new StringBuilder();
        b.append("<p>The same person three ways: <b>1000 mg calcium a day from food</b> (three meals); the same "
                + "diet <b>plus a 500 mg calcium-carbonate tablet</b> with breakfast and dinner; and that <b>plus "
                + "180 µg MK-7</b> (vitamin K2) a day. A CT calcium score sees intimal (plaque) and medial calcium "
                + "alike; the charts also show what no scan can: which layer the calcium is in.</p>\n");
        FormFields fields = FormFields.of(LABELS, req == null ? List.of() : req.problems().all());
        FormProblems problems = fields.problems();
        b.append(form(f, fields));
        String title = "Calcium from food, from supplements, and vitamin K2";
        if (req == null) {
            return new Response(200, Html.page(title, b.toString()));
        }
        b.append(problems.html());
        if (problems.hasErrors()) {
            return new Response(400, Html.page(title, problems, b.toString()));
        }
        return new StreamedPage(title, b.toString(), "three arms over " + fmt(req.key().years())
                + (req.key().years() == 1 ? " year" : " years"),
                progress -> {
                    FlagshipComparison.Results r;
                    try {
                        r = runs.results(req.key(), progress::done);
                    } catch (ModelDomainException e) { // the page changes no parameter: the person's values to check
                        throw e.in("", CHECK_THE_PERSON);
                    }
                    progress.drawing();
                    return results(r, req.key());
                });
    }

    /**
     * The API: the same comparison's end-of-run values as JSON, beside them each channel's unit and probability mark
     * (problems as 400).
     */
    Response json(FormValues f) throws InterruptedException {
        Request req = read(f);
        if (req.problems().hasErrors()) {
            // in the form's order, as the /compare page lists them (the cross-checks of hdl and dbp come last in
            // read, after the flags; leftovers32, as leftovers31 did for /api/risk)
            return new Response(400, Json.problems(FormProblems.inFieldOrder(req.problems().all(), LABELS,
                    java.util.function.UnaryOperator.identity())));
        }
        FlagshipComparison.Results r;
        try {
            r = runs.results(req.key());
        } catch (ModelDomainException e) {
            throw e.in("", CHECK_THE_PERSON);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        Patient pt = req.key().patient();
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("ageYears", pt.ageYears());
        person.put("sex", pt.sex().name().toLowerCase(Locale.ROOT));
        person.put("weightKg", pt.weightKg());
        person.put("heightCm", pt.heightCm());
        person.put("egfrMlPerMin", pt.egfrMlPerMin());
        person.put("riskFactors", pt.risk());
        root.put("person", person);
        root.put("years", req.key().years());
        root.put("channels", channelsOf(r.longRuns()));
        List<Map<String, Object>> arms = new ArrayList<>();
        for (int i = 0; i < r.arms().size(); i++) {
            SimulationResult run = r.longRuns().get(i);
            Map<String, Object> arm = new LinkedHashMap<>();
            arm.put("label", r.arms().get(i).label());
            arm.put("scenario", r.arms().get(i).scenario().description());
            Map<String, Object> end = new LinkedHashMap<>();
            for (var ch : run.trajectory().channels()) {
                end.put(ch.id(), Json.finiteOrNull(run.trajectory().last(ch.id())));
            }
            arm.put("endOfRun", end);
            arms.add(arm);
        }
        root.put("arms", arms);
        root.put("warnings", Json.problemList(req.problems().warnings()));
        root.put("parameterSetSha256", r.longRuns().get(0).parameterSetSha256());
        return new Response(200, Json.write(root));
    }

    /**
     * What each {@code endOfRun} number is (leftovers27): per channel its id, unit, description and whether it is a
     * probability recorded as a fraction 0 to 1 ({@link OutputChannel#probability()}, the wall's four risks, which the
     * page shows in per cent), as simulate's summary JSON gives it, so a script need not know the risks' ids. Every
     * channel of any arm, once, in the order the runs record them.
     */
    static List<Map<String, Object>> channelsOf(List<SimulationResult> runs) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (SimulationResult run : runs) {
            for (OutputChannel ch : run.trajectory().channels()) {
                byId.computeIfAbsent(ch.id(), id -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("id", id);
                    o.put("unit", ch.unit());
                    o.put("description", ch.description());
                    o.put("probability", ch.probability());
                    return o;
                });
            }
        }
        return List.copyOf(byId.values());
    }

    /**
     * Each field's label, top to bottom as the form shows them: the problems are listed in this order and named by
     * these labels ({@link FormFields}).
     */
    static final Map<String, String> LABELS = FormFields.labels("age", "Age", "sex", "Sex", "weight", "Body weight",
            "height", "Height", "egfr", "eGFR (kidney function)", "sbp", "Systolic blood pressure",
            "dbp", "Diastolic blood pressure", "tc", "Total cholesterol", "hdl", "HDL cholesterol",
            "years", "Simulated years", "smoker", "Current smoker", "diabetes", "Diabetes");

    private static String form(FormValues f, FormFields fields) {
        Patient ref = Patient.referenceAdult();
        RiskFactors rf = RiskFactors.typical();
        // the option the request means (sex=m is male), so that submitting the form again keeps it
        Sex sex = Sex.parse(f.text("sex")).orElse(ref.sex());
        return "<form class=\"inputs\" method=\"get\" action=\"/compare\">"
                + fields.number("age", FormFields.hint(ScenarioRanges.AGE), f.shownFilled("age", fmt(ref.ageYears())))
                + fields.select("sex", FormFields.options("female", "male"), sex.spelling())
                + fields.number("weight", FormFields.hint(ScenarioRanges.WEIGHT), f.shownFilled("weight", fmt(ref.weightKg())))
                + fields.number("height", FormFields.hint(ScenarioRanges.HEIGHT), f.shownFilled("height", fmt(ref.heightCm())))
                + fields.number("egfr", FormFields.hint(ScenarioRanges.EGFR), f.shownFilled("egfr", fmt(ref.egfrMlPerMin())))
                + fields.number("sbp", FormFields.hint(ScenarioRanges.SYSTOLIC), f.shownFilled("sbp", fmt(rf.systolicBpMmHg())))
                + fields.number("dbp", FormFields.hint(ScenarioRanges.DIASTOLIC), f.shownFilled("dbp", fmt(rf.diastolicBpMmHg())))
                + fields.number("tc", FormFields.hint(ScenarioRanges.TOTAL_CHOLESTEROL), f.shownFilled("tc", fmt(rf.totalCholesterolMgDl())))
                + fields.number("hdl", FormFields.hint(ScenarioRanges.HDL), f.shownFilled("hdl", fmt(rf.hdlCholesterolMgDl())))
                + fields.number("years", FormFields.hint(YEARS), f.shownFilled("years", "10"))
                + fields.checkbox("smoker", f.checked("smoker"))
                + fields.checkbox("diabetes", f.checked("diabetes"))
                + "<button type=\"submit\">Simulate</button></form>\n"
                + "<p class=\"fine\">A comparison of ten years takes a few seconds on a free core, longer over more years or on a busy machine (three arms over the years in fast mode, two days "
                + "in reference mode). The same inputs as JSON: " + Html.apiLink("/api/compare", f, PARAMETERS) + ".</p>\n"
                // review10: why /risk takes another eGFR and systolic range for the same person
                + "<p class=\"fine\">" + Html.esc(InputEnvelopes.simulation()) + "</p>\n";
    }

    private static String results(FlagshipComparison.Results r, ComparisonRuns.Key key) throws IOException {
        FlagshipReport report = new FlagshipReport(r);
        List<Panel> panels = report.panels();
        StringBuilder b = new StringBuilder();
        b.append("<h2>After ").append(fmt(key.years())).append(key.years() == 1 ? " year" : " years").append("</h2>\n");
        b.append(story(r));
        String verdict = report.verdict();
        if (!verdict.isEmpty()) {
            // review8: the point an educator shows, said only where the runs support it
            b.append("<p>").append(Html.esc(verdict.strip())).append("</p>\n");
        }
        String growth = report.growth();
        if (!growth.isEmpty()) {
            // review9: how much faster each layer grew, as the flagship report and README say it
            b.append("<p>").append(Html.esc(growth.strip())).append("</p>\n");
        }
        b.append(Html.table(report.header(), report.summaryRows()));
        b.append("<div class=\"grid\">\n");
        for (Panel p : panels) {
            // which line lies on which in the image as drawn: its key and its caption say the same
            int[] on = ChartRenderer.liesOn(p, CHART_WIDTH, CHART_HEIGHT);
            b.append("<figure>").append(Html.chart(ChartRenderer.pngBytes(p, CHART_WIDTH, CHART_HEIGHT), "Chart: " + p.title()
                    + ", one line per arm over the run; what it shows is the caption below, the values at the end of the run the table above",
                    ChartRenderer.key(p, on)))
                    .append("<figcaption>").append(Html.esc(p.caption()));
            String dashes = ChartRenderer.describeCoincident(p, on);
            if (!dashes.isEmpty()) {
                b.append(' ').append(Html.esc(dashes));
            }
            if (!p.sources().isEmpty()) {
                b.append("<div class=\"src\">Sources: ").append(DocsFiles.linked(Html.esc(p.sources()))).append("</div>");
            }
            b.append("</figcaption></figure>\n");
        }
        b.append("</div>\n<p class=\"fine\">Parameter set sha256 ")
                .append(Html.esc(r.longRuns().get(0).parameterSetSha256())).append("</p>\n");
        return b.toString();
    }

    /**
     * One paragraph that reads the table: how far the supplement moves the CT score, and how much of
     * the extra coronary calcium is medial; what MK-7 changes. Computed from the runs, never canned.
     */
    static String story(FlagshipComparison.Results r) {
        if (r.longRuns().size() < 3 || !has(r, "cacAgatston") || !has(r, "cacIntimalMass") || !has(r, "cacMedialMass")) {
            return "";
        }
        double[] ct = new double[3];
        double[] intimal = new double[3];
        double[] medial = new double[3];
        for (int i = 0; i < 3; i++) {
            var t = r.longRuns().get(i).trajectory();
            ct[i] = t.last("cacAgatston");
            intimal[i] = t.last("cacIntimalMass");
            medial[i] = t.last("cacMedialMass");
        }
        double extra = (intimal[1] + medial[1]) - (intimal[0] + medial[0]);
        String layers = Math.abs(extra) < 1e-9 ? ""
                : String.format(Locale.ROOT, " Of the extra coronary calcium, %.0f %% is medial.",
                        100 * (medial[1] - medial[0]) / extra);
        // a score that rises from 0 AU has no relative change (it read "+1200000000000.0 %" against a floor of 1e-9)
        String change = ct[0] > 0 ? String.format(Locale.ROOT, " (%+.1f %%)", 100 * (ct[1] - ct[0]) / ct[0]) : "";
        return String.format(Locale.ROOT,
                "<p>CT score at the end: %s AU from food, %s AU with the supplement%s, %s AU with the supplement "
                        + "and MK-7.%s With MK-7, medial calcium ends %s mg against %s mg without it, plaque calcium "
                        + "%s mg against %s mg.</p>\n",
                fmt(ct[0]), fmt(ct[1]), change, fmt(ct[2]), layers,
                fmt(medial[2]), fmt(medial[1]), fmt(intimal[2]), fmt(intimal[1]));
    }

    private static boolean has(FlagshipComparison.Results r, String channel) {
        return r.longRuns().stream().allMatch(x -> x.trajectory().channels().stream().anyMatch(c -> c.id().equals(channel)));
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
