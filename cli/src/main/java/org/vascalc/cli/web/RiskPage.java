package org.vascalc.cli.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vascalc.cli.clinical.AssessmentPrinter;
import org.vascalc.cli.clinical.CacDrsReading;
import org.vascalc.cli.clinical.InputEnvelopes;
import org.vascalc.cli.clinical.SerialTable;
import org.vascalc.clinical.assessment.Assessment;
import org.vascalc.clinical.assessment.ClinicalAssessment;
import org.vascalc.clinical.assessment.ScoreOutcome;
import org.vascalc.clinical.input.CreatinineUnit;
import org.vascalc.clinical.input.LipidUnit;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.io.PatientSpec;
import org.vascalc.clinical.io.ResolvedPatient;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.patient.Sex;

/**
 * Published risk scores with and without the calcium score, the MESA CAC percentile, CAC-DRS and
 * the reading of serial scans: the form maps onto {@link PatientSpec} (the same record the
 * {@code risk} command and patient files use), the library does the rest.
 */
final class RiskPage {

    /** How many dated scans the form offers. */
    static final int SCAN_ROWS = 3;

    /** Every parameter the form sends and {@code /api/risk} accepts (anything else is a 400). */
    static final List<String> PARAMETERS = parameters();

    private static List<String> parameters() {
        List<String> names = new ArrayList<>(List.of("age", "sex", "race", "tc", "hdl", "lipidUnit", "sbp", "bmi",
                "egfr", "creatinine", "creatinineUnit", "cac", "cacVessels", "bpTreated", "statin", "diabetes", "smoker", "familyHistory", "vitaminK2"));
        for (int i = 1; i <= SCAN_ROWS; i++) {
            names.add("scan" + i + "Date");
            names.add("scan" + i + "Score");
        }
        return List.copyOf(names);
    }

    /**
     * Each field's label, top to bottom as the form shows them: the problems are listed in this order and
     * named by these labels, the ones a clinician reads beside the inputs ({@link FormProblems#of(List, Map)}).
     */
    static final java.util.Map<String, String> LABELS = labels();

    private static java.util.Map<String, String> labels() {
        java.util.Map<String, String> byKey = new java.util.HashMap<>();
        byKey.put("age", "Age");
        byKey.put("sex", "Sex");
        byKey.put("race", "Race (as the equations define it)");
        byKey.put("totalCholesterol", "Total cholesterol");
        byKey.put("hdlCholesterol", "HDL cholesterol");
        byKey.put("lipidUnit", "Lipid unit");
        byKey.put("systolicBp", "Systolic blood pressure");
        byKey.put("bmi", "Body-mass index");
        byKey.put("egfr", "eGFR");
        byKey.put("creatinine", "Serum creatinine");
        byKey.put("creatinineUnit", "Creatinine unit");
        byKey.put("cac", "Coronary calcium score");
        byKey.put("cacVessels", "Arteries with calcium");
        byKey.put("bpTreated", "On blood-pressure medication");
        byKey.put("statin", "On a statin");
        byKey.put("diabetes", "Diabetes");
        byKey.put("smoker", "Current smoker");
        byKey.put("familyHistory", "Family history of heart attack");
        byKey.put("scans", "Dated calcium scans");
        byKey.put("vitaminK2", "Took vitamin K2 between the scans");
        // in the one order of the risk inputs (RiskFieldOrder), each by the form's name for it
        java.util.Map<String, String> l = new java.util.LinkedHashMap<>();
        for (String key : org.vascalc.cli.clinical.RiskFieldOrder.KEYS) {
            l.put(formField(key, List.of(), List.of()), java.util.Objects.requireNonNull(byKey.get(key), key));
            if (key.equals("scans")) {
                for (int i = 1; i <= SCAN_ROWS; i++) {
                    l.put("scan" + i + "Date", "Scan " + i + " date");
                    l.put("scan" + i + "Score", "Scan " + i + " score");
                }
            }
        }
        return java.util.Collections.unmodifiableMap(l);
    }

    /** The assessment, or every problem that stops it. */
    record Outcome(Assessment assessment, List<InputProblem> problems) {
    }

    static Outcome assess(FormValues f) {
        InputProblems p = new InputProblems();
        Double age = f.optionalNumber("age", "age", "years", RiskInput.AGE.allowed(), p);
        Double tc = f.optionalNumber("tc", "total cholesterol", "", lipidRange(RiskInput.TOTAL_CHOLESTEROL), p);
        Double hdl = f.optionalNumber("hdl", "HDL cholesterol", "", lipidRange(RiskInput.HDL_CHOLESTEROL), p);
        Double sbp = f.optionalNumber("sbp", "systolic blood pressure", "mmHg", RiskInput.SYSTOLIC_BP.allowed(), p);
        Double bmi = f.optionalNumber("bmi", "body-mass index", "kg/m²", RiskInput.BMI.allowed(), p);
        Double egfr = f.optionalNumber("egfr", "eGFR", "mL/min/1.73 m²", RiskInput.EGFR.allowed(), p);
        Double creatinine = f.optionalNumber("creatinine", "serum creatinine", "", creatinineRange(), p);
        Double cac = f.optionalNumber("cac", "coronary calcium", "Agatston units", RiskInput.CAC.allowed(), p);
        Double vessels = f.optionalNumber("cacVessels", "vessels with calcium", "", "0 to 4", p);
        Integer vesselCount = null;
        if (vessels != null) {
            if (vessels != Math.rint(vessels)) {
                // review20: "must be a whole number 0-4" named neither the arteries nor the range as the other fields do
                p.error("cacVessels", "number of coronary arteries with calcium = " + ValidRange.fmt(vessels)
                        + " is not a whole number; the allowed range is 0 to 4 arteries (of LM, LAD, LCX, RCA)");
            } else {
                vesselCount = vessels.intValue();
            }
        }
        List<PatientSpec.ScanSpec> scans = new ArrayList<>();
        List<Integer> scanRows = new ArrayList<>();
        for (int i = 1; i <= SCAN_ROWS; i++) {
            String date = f.text("scan" + i + "Date");
            Double score = f.optionalNumber("scan" + i + "Score", "scan " + i + " score", "Agatston units",
                    org.vascalc.clinical.serial.SerialScans.AGATSTON.allowed(), p);
            if (date != null || score != null) {
                scans.add(new PatientSpec.ScanSpec(date, score));
                scanRows.add(i);
            }
        }
        PatientSpec spec = new PatientSpec(age, f.text("sex"), f.text("race"), tc, hdl, f.text("lipidUnit"), sbp,
                f.flag("bpTreated", "on blood-pressure medication", p), f.flag("statin", "on a statin", p),
                f.flag("diabetes", "diabetes", p), f.flag("smoker", "current smoker", p),
                f.flag("familyHistory", "family history of heart attack", p), bmi, egfr, creatinine,
                creatinine == null ? null : f.text("creatinineUnit"), cac, vesselCount,
                f.flag("vitaminK2", "took vitamin K2", p), scans);
        // The library's problems named by the form's fields (tc, not totalCholesterol), and in the same
        // answer as the fields that are not numbers (whose "missing" the library would add is left out).
        List<InputProblem> problems = new ArrayList<>(p.all());
        java.util.Set<String> notNumbers = new java.util.HashSet<>();
        p.all().forEach(x -> notNumbers.add(x.path()));
        try {
            ResolvedPatient patient = spec.resolve();
            if (!notNumbers.isEmpty()) {
                return new Outcome(null, problems);
            }
            Assessment a = ClinicalAssessment.assess(patient.input(), patient.notes(), patient.scans(), patient.context());
            return new Outcome(a, problems);
        } catch (InvalidInputException e) {
            for (InputProblem x : e.problems()) {
                String field = formField(x.path(), scans, scanRows);
                if (!notNumbers.contains(field)) {
                    problems.add(new InputProblem(field, x.message(), x.severity()));
                }
            }
            return new Outcome(null, problems);
        }
    }

    /**
     * The form's (and {@code /api/risk}'s) name for a {@link PatientSpec} field path: {@code tc} for
     * {@code totalCholesterol}, {@code scan2Date} for the second filled scan row's {@code scans[1].date}
     * and {@code scan2Score} for its {@code scans[1].agatston}.
     */
    static String formField(String path, List<PatientSpec.ScanSpec> scans, List<Integer> scanRows) {
        switch (path) {
            case "totalCholesterol" -> {
                return "tc";
            }
            case "hdlCholesterol" -> {
                return "hdl";
            }
            case "systolicBp" -> {
                return "sbp";
            }
            default -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("scans\\[(\\d+)\\](\\.date|\\.agatston)?").matcher(path);
                if (!m.matches() || Integer.parseInt(m.group(1)) >= scanRows.size()) {
                    return path;
                }
                int i = Integer.parseInt(m.group(1));
                boolean date = ".date".equals(m.group(2)) || m.group(2) == null && scans.get(i).date() == null;
                return "scan" + scanRows.get(i) + (date ? "Date" : "Score");
            }
        }
    }

    /**
     * Shown beside a calcium score: what the score cannot tell, the product's key message. The
     * simulation pages show the two layers that the score adds together.
     */
    static final String LAYERS = "<p class=\"layers\"><b>" + Html.esc(CacDrsReading.LAYERS_HEAD) + "</b> "
            + Html.esc(CacDrsReading.LAYERS).replace("(intimal calcium", "(<b>intimal</b> calcium")
                    .replace("(medial calcium", "(<b>medial</b> calcium")
            + " <span class=\"src\">Lanzer 2021.</span> " + Html.esc(CacDrsReading.LAYERS_K2) + " VasCalc's <a href=\"/compare\">"
            + "food, supplement and K2 comparison</a> and <a href=\"/cohort\">cohort trials</a> show the two layers "
            + "separately.</p>\n";

    /** The fields an answer needs, as on the command line. */
    private static final List<String> REQUIRED = List.of("age", "sex", "race", "tc", "hdl", "sbp");

    static Response html(FormValues f) {
        StringBuilder b = new StringBuilder();
        b.append("<p>Ten-year risk by the published equations with and without the coronary calcium score, where "
                + "the score places the person among peers of the same age, sex and race (MESA), its CAC-DRS category, "
                + "and, with two or more dated scans, what the change means. Age, sex and race with a calcium score "
                + "give its percentile and category; the risk scores need the cholesterol and systolic pressure too.</p>\n");
        // a link that fills in some fields but none of the required six (the CT page's "?cac=86.2&cacVessels=4") is a
        // form to complete, not a request answered "missing" six times; the form itself sends all six, even empty,
        // so pressing Assess on a blank form still names them (review, fortieth session)
        boolean toComplete = f.submitted() && REQUIRED.stream().noneMatch(f::sent);
        Outcome o = f.submitted() && !toComplete ? assess(f) : null;
        // leftovers30: the values such a link fills in are checked as if typed (a hand-edited "?cac=-5" was shown
        // without a word until Assess); the fields it leaves empty are not called missing
        List<InputProblem> linked = toComplete ? assess(f).problems().stream().filter(x -> f.text(x.path()) != null)
                .toList() : List.of();
        // the problems that stop the answer, or the notes that come with it
        FormProblems problems = o == null ? FormProblems.of(linked, LABELS)
                : FormProblems.of(o.assessment() == null ? o.problems() : o.assessment().notes(), LABELS);
        if (toComplete) {
            b.append("<p class=\"running\">Some fields are filled in; give the person's age, sex and race (and the "
                    + "cholesterol and systolic blood pressure for the risk scores), then Assess.</p>\n");
        }
        b.append(form(f, problems));
        b.append(problems.html());
        if (o != null && o.assessment() != null) {
            b.append(result(o.assessment()));
        }
        return new Response(o != null && o.assessment() == null || !linked.isEmpty() ? 400 : 200,
                Html.page("Risk with and without the calcium score", problems, b.toString()));
    }

    static Response json(FormValues f) {
        Outcome o = assess(f);
        if (o.assessment() == null) {
            // in the form's order, as the /risk page lists them
            return new Response(400, Json.problems(FormProblems.inFieldOrder(o.problems(), LABELS,
                    java.util.function.UnaryOperator.identity())));
        }
        return new Response(200, AssessmentPrinter.json(o.assessment(), API_NAMING));
    }

    /**
     * How {@code /api/risk}'s JSON names what the scores not computed need: the parameters it takes ({@code tc},
     * {@code hdl}, {@code sbp}, {@code lipidUnit=mmol/L}), where {@code risk --json} names its flags (leftovers30).
     */
    static final AssessmentPrinter.Naming API_NAMING = new AssessmentPrinter.Naming("parameter",
            path -> formField(path, List.of(), List.of()), "lipidUnit=mmol/L");

    private static String result(Assessment a) {
        boolean anyScore = a.scores().stream().anyMatch(o -> !(o instanceof ScoreOutcome.NotComputed));
        if (!anyScore) {
            // a CT report alone: what was computed first, then one paragraph of what the risk scores need
            return "<h2>Calcium score</h2>\n" + calcium(a) + "<h2>Risk scores</h2>\n" + needs(a) + serial(a);
        }
        StringBuilder b = new StringBuilder("<h2>Risk scores</h2>\n");
        List<String[]> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ScoreOutcome o : a.scores()) {
            switch (o) {
                case ScoreOutcome.Computed c -> {
                    RiskEstimate e = c.estimate();
                    rows.add(new String[] {e.name(), String.format(Locale.ROOT, "%.1f\u00a0%%", e.riskPercent()) /* no break between number and % */,
                            Integer.toString(e.horizonYears()), e.outcome(), e.citation()});
                    e.warnings().forEach(w -> warnings.add(e.name() + ": " + w.message()));
                }
                case ScoreOutcome.NotApplicable n -> rows.add(new String[] {n.name(), "n/a", "",
                        n.reasons().get(0).message(), ""});
                case ScoreOutcome.NotComputed n -> rows.add(new String[] {n.name(), "\u2013", "",
                        "not computed: needs " + String.join(", ", n.needs().stream()
                                .map(q -> RiskInput.rangeOf(q.path()).field()).toList()), ""});
            }
        }
        b.append(Html.table(new String[] {"Score", "Risk", "Years", "Outcome", "Source"}, rows)
                .replace("<td>", "<td class=\"text\">").replace("<th scope=\"col\">", "<th scope=\"col\" class=\"text\">"));
        for (String w : warnings) {
            b.append("<p class=\"fine\">").append(Html.esc(w)).append("</p>\n");
        }
        if (a.anyScoreNotComputed()) {
            b.append(needs(a));
        }
        return b.append(calcium(a)).append(serial(a)).toString();
    }

    /**
     * "Not computed: MESA CHD risk ..., which need Total cholesterol (50 to 700 mg/dL, 1.3 to 18.1 mmol/L), ...: fill
     * them in above and Assess again." in the form's labels.
     */
    static String needs(Assessment a) {
        boolean none = a.scores().stream().allMatch(o -> o instanceof ScoreOutcome.NotComputed);
        List<String> fields = new ArrayList<>();
        for (InputProblem q : a.factorsNeeded()) {
            org.vascalc.core.input.ValidRange r = RiskInput.rangeOf(q.path());
            String field = formField(q.path(), List.of(), List.of());
            fields.add(LABELS.get(field) + " (" + (field.equals("sbp") ? r.allowed() : lipidRange(r).replace(" (", " or ")
                    .replace(")", "")) + ")");
        }
        // none computed: the families once, as the command line's line; some: the table above marks which
        String which = none ? Html.esc(String.join(", ", AssessmentPrinter.scoreFamilies(a))) + ", which need "
                : "the scores marked so above need ";
        return "<p class=\"needs\"><b>Not computed:</b> " + which + Html.esc(String.join(", ", fields))
                + ": fill " + (fields.size() == 1 ? "it" : "them") + " in above and Assess again.</p>\n";
    }

    /** The MESA percentile and the CAC-DRS category with what the score cannot tell; "" without a score. */
    private static String calcium(Assessment a) {
        StringBuilder b = new StringBuilder();
        a.percentile().ifPresent(p -> b.append(String.format(Locale.ROOT,
                "<p><b>MESA CAC percentile: %d</b> (%.0f %% of peers have any calcium; peers' 25th / 50th / 75th / 90th "
                        + "percentile scores %.0f / %.0f / %.0f / %.0f AU). <span class=\"src\">McClelland 2006; VasCalc's two-part "
                        + "approximation of the MESA percentiles: within 6 percentile points of the MESA calculator in its "
                        + "five audited examples, its reference scores within 13 percentile points (up to 410 AU apart; "
                        + "clinical/README.md); where the exact "
                        + "value matters, use the MESA calculator.</span></p>\n",
                p.percentile(), 100 * p.probabilityNonZero(), p.scoreAtPercentile(25), p.scoreAtPercentile(50),
                p.scoreAtPercentile(75), p.scoreAtPercentile(90))));
        if (a.percentile().isEmpty() && !a.percentileProblems().isEmpty()) {
            b.append("<p>MESA CAC percentile: n/a (").append(Html.esc(a.percentileProblems().get(0).message()))
                    .append(")</p>\n");
        }
        a.cacDrs().ifPresent(d -> b.append("<p><b>CAC-DRS: ").append(Html.esc(d.label())).append("</b> (")
                .append(Html.esc(CacDrsReading.of(d))).append(") <span class=\"src\">")
                .append(Html.esc(CacDrsReading.SOURCE)).append(".</span></p>\n").append(LAYERS));
        return b.toString();
    }

    /** The serial scans' table and reading; "" with fewer than two scans. */
    private static String serial(Assessment a) {
        StringBuilder b = new StringBuilder();
        a.serial().ifPresent(s -> {
            b.append("<h2>Serial scans</h2>\n");
            // the command line's rows, absolute change included (leftovers20), from one source
            b.append(Html.table(SerialTable.HEADINGS.toArray(String[]::new), SerialTable.rows(s).stream()
                    .map(r -> r.toArray(String[]::new)).toList()));
            for (String para : s.paragraphs()) {
                b.append("<p>").append(Html.esc(para)).append("</p>\n");
            }
            b.append("<p class=\"src\">References: ").append(Html.esc(String.join(", ", s.references())))
                    .append("</p>\n");
        });
        return b.toString();
    }

    private static String form(FormValues f, FormProblems problems) {
        // each select shows the option the request means (sex=m is male, race=aa black, lipidUnit=mmol mmol/L),
        // not the first one: submitting the form again must not answer for another person or unit
        // sex and race are required, as on the command line: the empty form asks for them ("choose") rather
        // than answering for a white woman when they were left as they stood
        String sex = Sex.parse(f.text("sex")).map(Sex::spelling).orElse("");
        Race raceValue = f.text("race") == null ? null : Race.parse(f.text("race"));
        String race = raceValue == null ? "" : raceValue.name().toLowerCase(Locale.ROOT);
        LipidUnit lipidUnit = f.text("lipidUnit") == null ? null : LipidUnit.parse(f.text("lipidUnit"));
        String unit = lipidUnit == null ? "mg/dL" : lipidUnit.symbol();
        CreatinineUnit crUnit = f.text("creatinineUnit") == null ? null : CreatinineUnit.parse(f.text("creatinineUnit"));
        String creatinineUnit = crUnit == CreatinineUnit.UMOL_PER_L ? "umol/L" : "mg/dL";
        FormFields fields = new FormFields(LABELS, problems);
        StringBuilder b = new StringBuilder("<form class=\"inputs\" method=\"get\" action=\"/risk\">");
        b.append(fields.number("age", FormFields.hint(RiskInput.AGE), f.shown("age", "")));
        b.append(fields.select("sex", FormFields.options("", "female", "male"), sex));
        b.append(fields.select("race", FormFields.options("", "white", "black", "chinese", "hispanic", "other"), race));
        b.append(fields.number("tc", lipidHint(RiskInput.TOTAL_CHOLESTEROL), f.shown("tc", "")));
        b.append(fields.number("hdl", lipidHint(RiskInput.HDL_CHOLESTEROL), f.shown("hdl", "")));
        b.append(fields.select("lipidUnit", FormFields.options("mg/dL", "mmol/L"), unit));
        b.append(fields.number("sbp", FormFields.hint(RiskInput.SYSTOLIC_BP), f.shown("sbp", "")));
        b.append(fields.number("bmi", FormFields.hint(RiskInput.BMI) + " (optional)", f.shown("bmi", "")));
        // PREVENT needs kidney function: eGFR, or a serum creatinine that gives it (CKD-EPI 2021); its
        // rows say "n/a" and why when neither is given
        b.append(fields.number("egfr", FormFields.hint(RiskInput.EGFR) + " (optional; PREVENT needs it or creatinine)",
                f.shown("egfr", "")));
        b.append(fields.number("creatinine", creatinineHint() + "; gives eGFR (optional)", f.shown("creatinine", "")));
        b.append(fields.select("creatinineUnit", FormFields.options("mg/dL", "umol/L"), creatinineUnit));
        b.append(fields.number("cac", FormFields.hint(RiskInput.CAC) + " (optional)", f.shown("cac", "")));
        b.append(fields.number("cacVessels", "of LM, LAD, LCX, RCA, 0 to 4 (optional)", f.shown("cacVessels", "")));
        for (String flag : List.of("bpTreated", "statin", "diabetes", "smoker", "familyHistory")) {
            b.append(fields.checkbox(flag, f.checked(flag)));
        }
        // one scan per line (its date beside its score), not the pairs broken across the form's grid
        b.append("<fieldset><legend>" + LABELS.get("scans") + " (optional; two or more give the serial reading)</legend>"
                + "<div class=\"pairs\">");
        for (int i = 1; i <= SCAN_ROWS; i++) {
            b.append(fields.text("scan" + i + "Date", "YYYY-MM-DD", f.shown("scan" + i + "Date", "")));
            b.append(fields.number("scan" + i + "Score", FormFields.hint(org.vascalc.clinical.serial.SerialScans.AGATSTON),
                    f.shown("scan" + i + "Score", "")));
        }
        b.append("</div>").append(fields.checkbox("vitaminK2", f.checked("vitaminK2"))).append("</fieldset>");
        b.append("<button type=\"submit\">Assess</button></form>\n");
        b.append("<p class=\"fine\">The same as JSON: ").append(Html.apiLink("/api/risk", f, PARAMETERS))
                .append(" (the fields of this form).</p>\n");
        // review10: why /compare takes another eGFR and systolic range for the same person
        b.append("<p class=\"fine\">").append(Html.esc(InputEnvelopes.risk())).append("</p>\n");
        return b.toString();
    }

    /**
     * "in the lipid unit; 50 to 700 mg/dL (1.3 to 18.1 mmol/L)": the range a cholesterol is checked against,
     * in both units; the mmol/L ends are the ones enforced ({@link PatientSpec#converted}, rounded inward),
     * as {@code vascalc risk --help} shows them (the form said 1.29, and refused 1.295).
     */
    private static String lipidHint(org.vascalc.core.input.ValidRange mgDl) {
        return "in the lipid unit; " + lipidRange(mgDl);
    }

    /** "50 to 700 mg/dL (1.3 to 18.1 mmol/L)": {@link #lipidHint} without the words before the range. */
    private static String lipidRange(org.vascalc.core.input.ValidRange mgDl) {
        LipidUnit mmol = LipidUnit.MMOL_PER_L;
        org.vascalc.core.input.ValidRange enforced = PatientSpec.converted(mgDl, mmol.symbol(),
                mmol.fromMgDl(mgDl.hardLow()), mmol.fromMgDl(mgDl.hardHigh()));
        return FormFields.hint(mgDl).replace(mgDl.unit() + ", ", "") + " " + mgDl.unit() + " ("
                + org.vascalc.core.input.ValidRange.fmt(enforced.hardLow()) + " to "
                + org.vascalc.core.input.ValidRange.fmt(enforced.hardHigh()) + " " + mmol.symbol() + ")";
    }

    /**
     * "in the creatinine unit; 0.1 to 25 mg/dL (8.84 to 2210 µmol/L)": the range a creatinine is checked against
     * ({@code PatientSpec}'s check, the mmol ends rounded inward as there), as {@code vascalc risk --help} gives
     * it (review, fortieth session: the field said only "in its unit", the one number field with no range).
     */
    static String creatinineHint() {
        return "in the creatinine unit; " + creatinineRange();
    }

    /** "0.1 to 25 mg/dL (8.84 to 2210 µmol/L)": {@link #creatinineHint} without the words before the range. */
    private static String creatinineRange() {
        org.vascalc.core.input.ValidRange mgDl = org.vascalc.clinical.prevent.CkdEpi2021.CREATININE;
        CreatinineUnit umol = CreatinineUnit.UMOL_PER_L;
        org.vascalc.core.input.ValidRange enforced = PatientSpec.converted(mgDl, umol.symbol(),
                umol.fromMgDl(mgDl.hardLow()), umol.fromMgDl(mgDl.hardHigh()));
        return org.vascalc.core.input.ValidRange.fmt(mgDl.hardLow()) + " to "
                + org.vascalc.core.input.ValidRange.fmt(mgDl.hardHigh()) + " " + mgDl.unit() + " ("
                + org.vascalc.core.input.ValidRange.fmt(enforced.hardLow()) + " to "
                + org.vascalc.core.input.ValidRange.fmt(enforced.hardHigh()) + " " + umol.symbol() + ")";
    }
}
