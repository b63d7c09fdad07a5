package org.vascalc.cli.clinical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.vascalc.cli.report.ConsoleText;
import org.vascalc.clinical.assessment.Assessment;
import org.vascalc.clinical.assessment.ScoreOutcome;
import org.vascalc.clinical.input.LipidUnit;
import org.vascalc.clinical.mesa.CacPercentile;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.clinical.serial.ScanInterval;
import org.vascalc.clinical.serial.SerialScanReport;
import org.vascalc.core.input.InputProblem;

/** Renders an {@link Assessment} as a text table or as JSON. Presentation only. */
public final class AssessmentPrinter {

    private AssessmentPrinter() {
    }

    static String table(Assessment a) {
        return table(a, LipidUnit.MG_PER_DL);
    }

    /**
     * The table, its first line giving the lipids in the unit they were given in, with mg/dL, the equations' unit,
     * beside mmol/L (review19: "--tc 5.6 --lipid-unit mmol/L" was echoed as "TC 217 mg/dL" alone).
     */
    static String table(Assessment a, LipidUnit given) {
        return table(a, given, Naming.COMMAND_LINE);
    }

    /** The table, the inputs the scores not computed need named as {@code naming} names them. */
    static String table(Assessment a, LipidUnit given, Naming naming) {
        StringBuilder sb = new StringBuilder();
        var in = a.input();
        sb.append(String.format(Locale.ROOT, "Patient: %s y, %s, %s%s%s%s%s%n",
                fmt(in.ageYears()), lower(in.sex().name()), lower(in.race().name()), factors(in, given),
                in.diabetes() ? ", diabetes" : "", in.smoker() ? ", smoker" : "",
                in.cacAgatston().isPresent() ? ", CAC " + fmt(in.cacAgatston().getAsDouble()) + " AU" : ""));
        for (InputProblem n : a.notes()) {
            // "note: smoker: smoker not given: assumed no" named the field twice
            String path = n.message().startsWith(n.path() + " ") ? "" : n.path() + ": ";
            sb.append("  note: ").append(path).append(n.message()).append('\n');
        }
        // a CT report alone: no score has what it needs, so no table of eleven "not computed" rows; the percentile
        // and the category come first and one line after them says what the scores would need
        boolean anyScore = a.scores().stream().anyMatch(o -> !(o instanceof ScoreOutcome.NotComputed));
        if (anyScore) {
            sb.append('\n').append(String.format(Locale.ROOT, "%-34s %8s  %-5s %s%n", "Score", "Risk", "Years", "Outcome"));
            sb.append("-".repeat(100)).append('\n');
        }
        List<String> warnings = new ArrayList<>();
        for (ScoreOutcome o : a.scores()) {
            switch (o) {
                case ScoreOutcome.Computed c -> {
                    RiskEstimate e = c.estimate();
                    sb.append(String.format(Locale.ROOT, "%-34s %7.1f%%  %-5d %s%n", e.name(), e.riskPercent(),
                            e.horizonYears(), e.outcome()));
                    e.warnings().forEach(w -> warnings.add(e.name() + ": " + w.message()));
                }
                case ScoreOutcome.NotApplicable n -> sb.append(String.format(Locale.ROOT, "%-34s %8s  %-5s %s%n",
                        n.name(), "n/a", "", n.reasons().get(0).message()));
                case ScoreOutcome.NotComputed n -> {
                    if (anyScore) {
                        sb.append(String.format(Locale.ROOT, "%-34s %8s  %-5s %s%n", n.name(), "-", "",
                                "not computed: needs " + String.join(", ", n.needs().stream()
                                        .map(q -> naming.name().apply(q.path())).toList())));
                    }
                }
            }
        }
        // leftovers20: the web /risk table has a Source column; the command line named no source for the risks
        String sources = sources(a);
        if (!sources.isEmpty()) {
            sb.append(ConsoleText.wrap("Sources (docs/references.bib): " + sources, 100)).append('\n');
        }
        if (!warnings.isEmpty()) {
            sb.append('\n');
            warnings.forEach(w -> sb.append("  warning: ").append(w).append('\n'));
        }
        a.percentile().ifPresent(p -> sb.append('\n').append(String.format(Locale.ROOT,
                "MESA CAC percentile: %d (%.0f %% of peers have CAC > 0; peers' 25/50/75/90th percentile scores"
                        + " %s/%s/%s/%s AU) [McClelland2006; VasCalc two-part approximation: within 6 points of the MESA"
                        + " calculator in its audited examples, reference scores within 13 percentile points (up to 410 AU apart);"
                        + " see clinical/README.md]%n",
                p.percentile(), 100 * p.probabilityNonZero(), whole(p.scoreAtPercentile(25)),
                whole(p.scoreAtPercentile(50)), whole(p.scoreAtPercentile(75)), whole(p.scoreAtPercentile(90)))));
        if (a.percentile().isEmpty() && !a.percentileProblems().isEmpty()) {
            sb.append('\n').append("MESA CAC percentile: n/a (").append(a.percentileProblems().get(0).message()).append(")\n");
        }
        a.cacDrs().ifPresent(d -> sb.append("CAC-DRS: ").append(d.label()).append(" (").append(CacDrsReading.of(d))
                .append(") ").append(CacDrsReading.SOURCE_KEYS).append('\n')
                // leftovers20: as /risk says it under the category (the command line did not)
                .append(ConsoleText.wrap(CacDrsReading.LAYERS_HEAD + " " + CacDrsReading.LAYERS + " [Lanzer2021] "
                        + CacDrsReading.LAYERS_K2 + " vascalc flagship (food, supplement and K2) and vascalc cohort show the two layers"
                        + " separately.",
                        100)).append('\n'));
        if (a.anyScoreNotComputed()) {
            sb.append('\n').append(ConsoleText.wrap(notComputedLine(a, naming), 100)).append('\n');
        }
        a.serial().ifPresent(s -> {
            sb.append("\nSerial scans\n").append(SerialTable.text(s));
            sb.append('\n');
            for (String para : s.paragraphs()) {
                sb.append(ConsoleText.wrap(para, 100)).append("\n\n");
            }
            sb.append("References: ").append(String.join(", ", s.references()))
                    .append(" (docs/references.bib)\n");
        });
        return sb.toString();
    }

    /**
     * "; TC 213 mg/dL, HDL 50 mg/dL, SBP 120 mmHg (treated)" with what is given of the three ("" for a CT report
     * alone, the percentile's input).
     */
    private static String factors(org.vascalc.clinical.input.RiskInput in, LipidUnit given) {
        List<String> parts = new ArrayList<>();
        in.totalCholesterolMgDl().ifPresent(v -> parts.add("TC " + lipid(v, given)));
        in.hdlCholesterolMgDl().ifPresent(v -> parts.add("HDL " + lipid(v, given)));
        in.systolicBpMmHg().ifPresent(v -> parts.add(String.format(Locale.ROOT, "SBP %.0f mmHg%s", v,
                in.bpTreated() ? " (treated)" : "")));
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    /**
     * The one line for the scores not computed: "Risk scores not computed (MESA CHD risk (without CAC), ...): they
     * need --tc (total cholesterol, 50 to 700 mg/dL; 1.3 to 18.1 mmol/L with --lipid-unit mmol/L), ...".
     */
    static String notComputedLine(Assessment a) {
        return notComputedLine(a, Naming.COMMAND_LINE);
    }

    /**
     * How the scores not computed name the inputs they need ({@link Assessment#factorsNeeded()}, the one list, from
     * the library): the command line's flags ({@code --tc}), or {@code /api/risk}'s parameters ({@code tc}), which an
     * API caller sends (leftovers30: the API's message named the flags).
     *
     * @param key       the key of {@code riskScoresNotComputed.needs[]} that holds the name: {@code option} or
     *                  {@code parameter}
     * @param name      a patient field's path ({@code totalCholesterol}) to the name the caller gives it
     * @param mmolLUnit how the caller says the lipids are in mmol/L: {@code --lipid-unit mmol/L}
     */
    public record Naming(String key, UnaryOperator<String> name, String mmolLUnit) {

        /** The {@code risk} command's flags. */
        public static final Naming COMMAND_LINE = new Naming("option", RiskCommand::flagOf, "--lipid-unit mmol/L");

        /**
         * A patient file's keys ({@code totalCholesterol}, {@code lipidUnit: mmol/L}), which {@code risk --patient}'s
         * table names (riskunit: a user of a file was told to give {@code --tc}). The key is {@code field}, as the
         * file's path is already in {@code needs[].field}; {@code risk --patient --json} keeps {@link #COMMAND_LINE}'s
         * {@code needs[]} and gives this naming's message, the table's line.
         */
        public static final Naming PATIENT_FILE = new Naming("field", UnaryOperator.identity(), "lipidUnit: mmol/L");
    }

    /** {@link #notComputedLine(Assessment)} with the inputs named as {@code naming} names them. */
    public static String notComputedLine(Assessment a, Naming naming) {
        List<String> names = a.scores().stream().filter(o -> o instanceof ScoreOutcome.NotComputed)
                .map(ScoreOutcome::name).toList();
        boolean all = names.size() == a.scores().size();
        List<String> needs = a.factorsNeeded().stream().map(q -> naming.name().apply(q.path()) + " ("
                + needed(q.path(), naming) + ")").toList();
        List<String> shown = all ? scoreFamilies(a) : names;
        return (all ? "Risk scores not computed (" : "Not computed (") + String.join(", ", shown) + "): "
                + (names.size() == 1 ? "it needs " : "they need ") + String.join(", ", needs) + ".";
    }

    /**
     * The scores' families once ("MESA CHD risk, Pooled Cohort Equations, Revised Pooled Cohort Equations, PREVENT"):
     * when none was computed, ten names said less than four (the command line's line and /risk's paragraph).
     */
    public static List<String> scoreFamilies(Assessment a) {
        return a.scores().stream().map(o -> o.name().replaceFirst(" \\(.*| \\d+-year.*", "")).distinct().toList();
    }

    /** A missing factor's name and allowed range, the lipids in both units as the options take them. */
    static String needed(String key) {
        return needed(key, Naming.COMMAND_LINE);
    }

    private static String needed(String key, Naming naming) {
        org.vascalc.core.input.ValidRange r = org.vascalc.clinical.input.RiskInput.rangeOf(key);
        String text = r.field() + ", " + r.allowed();
        if (!key.equals(org.vascalc.clinical.input.RiskInput.SYSTOLIC_BP_KEY)) {
            org.vascalc.core.input.ValidRange mmol = org.vascalc.clinical.io.PatientSpec.converted(r,
                    LipidUnit.MMOL_PER_L.symbol(), LipidUnit.MMOL_PER_L.fromMgDl(r.hardLow()),
                    LipidUnit.MMOL_PER_L.fromMgDl(r.hardHigh()));
            text += " or " + mmol.allowed() + " with " + naming.mmolLUnit();
        }
        return text;
    }

    /**
     * "McClelland2015, Table 2 (MESA CHD risk (without CAC), MESA CHD risk (with CAC)); Goff2013, ...": each computed
     * score's citation once, with the scores it gives; "" when none was computed.
     */
    static String sources(Assessment a) {
        Map<String, List<String>> byCitation = new LinkedHashMap<>();
        for (ScoreOutcome o : a.scores()) {
            if (o instanceof ScoreOutcome.Computed c) {
                byCitation.computeIfAbsent(c.estimate().citation(), k -> new ArrayList<>()).add(c.estimate().name());
            }
        }
        List<String> parts = new ArrayList<>();
        byCitation.forEach((citation, names) -> parts.add(citation + " (" + String.join(", ", names) + ")"));
        return String.join("; ", parts);
    }

    public static String json(Assessment a) {
        return json(a, Naming.COMMAND_LINE);
    }

    /** The JSON, the inputs the scores not computed need named as {@code naming} names them. */
    public static String json(Assessment a, Naming naming) {
        return json(a, naming, naming);
    }

    /**
     * The JSON, {@code riskScoresNotComputed.needs[]} keyed as {@code naming} names them and its {@code message} as
     * {@code messageNaming} does: {@code risk --patient FILE --json} keeps the flags in {@code needs[].option} and gives
     * the table's line, which names the file's keys (leftovers32: the JSON's message named {@code --tc}).
     */
    public static String json(Assessment a, Naming naming, Naming messageNaming) {
        Map<String, Object> root = new LinkedHashMap<>();
        var in = a.input();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("ageYears", in.ageYears());
        input.put("sex", lower(in.sex().name()));
        input.put("race", lower(in.race().name()));
        // a factor not given is left out, as bmiKgM2 and the others below (riskScoresNotComputed says what is missing)
        in.totalCholesterolMgDl().ifPresent(v -> input.put("totalCholesterolMgDl", v));
        in.hdlCholesterolMgDl().ifPresent(v -> input.put("hdlCholesterolMgDl", v));
        in.systolicBpMmHg().ifPresent(v -> input.put("systolicBpMmHg", v));
        input.put("bpTreated", in.bpTreated());
        input.put("statin", in.lipidLowering());
        input.put("diabetes", in.diabetes());
        input.put("smoker", in.smoker());
        input.put("familyHistory", in.familyHistory());
        in.bmiKgM2().ifPresent(v -> input.put("bmiKgM2", v));
        in.egfrMlMin173().ifPresent(v -> input.put("egfrMlMin173", v));
        in.cacAgatston().ifPresent(v -> input.put("cacAgatston", v));
        in.vesselsWithCac().ifPresent(v -> input.put("vesselsWithCac", v));
        root.put("input", input);
        // review15: the notes went out as "warning" while the table prints them "note:" (an assumed-no flag, the
        // eGFR from creatinine): the JSON's severity is the table's word for them
        root.put("notes", notes(a.notes()));
        List<Map<String, Object>> scores = new ArrayList<>();
        for (ScoreOutcome o : a.scores()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("name", o.name());
            switch (o) {
                case ScoreOutcome.Computed c -> {
                    RiskEstimate e = c.estimate();
                    m.put("risk", e.risk());
                    // review10: `risk` is a fraction while the table prints percent; the key did not say so.
                    // `risk` stays as it was (readers of it keep working), the table's number stands beside it.
                    m.put("riskPercent", e.riskPercent());
                    m.put("horizonYears", e.horizonYears());
                    m.put("outcome", e.outcome());
                    m.put("citation", e.citation());
                    m.put("inputsUsed", e.inputsUsed());
                    m.put("warnings", problems(e.warnings()));
                }
                case ScoreOutcome.NotApplicable n -> {
                    m.put("risk", null);
                    m.put("riskPercent", null);
                    m.put("notApplicable", problems(n.reasons()));
                }
                case ScoreOutcome.NotComputed n -> {
                    m.put("risk", null);
                    m.put("riskPercent", null);
                    m.put("notComputed", problems(n.needs()));
                }
            }
            scores.add(m);
        }
        root.put("scores", scores);
        // present only when some score lacked a factor (absent for a full input, whose keys are as they were)
        if (a.anyScoreNotComputed()) {
            Map<String, Object> nc = new LinkedHashMap<>();
            nc.put("scores", a.scores().stream().filter(o -> o instanceof ScoreOutcome.NotComputed)
                    .map(ScoreOutcome::id).toList());
            List<Map<String, Object>> needs = new ArrayList<>();
            for (InputProblem q : a.factorsNeeded()) {
                org.vascalc.core.input.ValidRange r = org.vascalc.clinical.input.RiskInput.rangeOf(q.path());
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("field", q.path());
                f.put(naming.key(), naming.name().apply(q.path()));
                f.put("unit", r.unit());
                f.put("low", r.hardLow());
                f.put("high", r.hardHigh());
                needs.add(f);
            }
            nc.put("needs", needs);
            nc.put("message", notComputedLine(a, messageNaming));
            root.put("riskScoresNotComputed", nc);
        }
        a.percentile().ifPresent(p -> root.put("cacPercentile", percentile(p)));
        if (!a.percentileProblems().isEmpty()) {
            root.put("cacPercentileNotApplicable", problems(a.percentileProblems()));
        }
        a.cacDrs().ifPresent(d -> root.put("cacDrs", d.label()));
        a.serial().ifPresent(s -> root.put("serial", serial(s)));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Map<String, Object> percentile(CacPercentile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("percentile", p.percentile());
        m.put("probabilityNonZero", p.probabilityNonZero());
        m.put("scoreAt25th", p.scoreAtPercentile(25));
        m.put("scoreAt50th", p.scoreAtPercentile(50));
        m.put("scoreAt75th", p.scoreAtPercentile(75));
        m.put("scoreAt90th", p.scoreAtPercentile(90));
        m.put("method", "VasCalc two-part approximation of the MESA percentiles (McClelland2006)");
        return m;
    }

    private static Map<String, Object> serial(SerialScanReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> intervals = new ArrayList<>();
        for (ScanInterval i : s.intervals()) {
            intervals.add(interval(i));
        }
        m.put("intervals", intervals);
        m.put("overall", interval(s.overall()));
        m.put("interpretation", s.paragraphs());
        m.put("references", s.references());
        return m;
    }

    private static Map<String, Object> interval(ScanInterval i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", i.from().date().toString());
        m.put("to", i.to().date().toString());
        m.put("fromAgatston", i.from().agatston());
        m.put("toAgatston", i.to().agatston());
        m.put("years", i.years());
        m.put("absoluteChange", i.absoluteChange());
        m.put("annualisedChangePerYear", i.annualisedChange());
        m.put("annualisedPercentPerYear", Double.isNaN(i.annualisedPercent()) ? null : i.annualisedPercent());
        m.put("sqrtChange", i.sqrtChange());
        m.put("verdict", lower(i.verdict().name()));
        m.put("interscanNoChangeLow", i.noChangeLow());
        m.put("interscanNoChangeHigh", i.noChangeHigh());
        m.put("expectedLater", Double.isNaN(i.expectedLater()) ? null : i.expectedLater());
        return m;
    }

    /** The assessment's notes as {@link #problems} gives them, each with the severity "note", as the table prints it. */
    static List<Map<String, String>> notes(List<InputProblem> ps) {
        List<Map<String, String>> out = new ArrayList<>();
        for (InputProblem p : ps) {
            out.add(problem(p, "note"));
        }
        return out;
    }

    private static List<Map<String, String>> problems(List<InputProblem> ps) {
        List<Map<String, String>> out = new ArrayList<>();
        for (InputProblem p : ps) {
            out.add(problem(p, lower(p.severity().name())));
        }
        return out;
    }

    /**
     * One problem as the JSON gives it, its keys always in the order field, message, severity (leftovers30: built with
     * {@code Map.of}, whose order is not fixed and changes from one run of the JVM to the next).
     */
    private static Map<String, String> problem(InputProblem p, String severity) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", p.path());
        m.put("message", p.message());
        m.put("severity", severity);
        return m;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** "217 mg/dL", or "5.6 mmol/L (217 mg/dL)" for a value given in mmol/L (to 0.01 mmol/L, as lab reports give it). */
    static String lipid(double mgDl, LipidUnit given) {
        String inMgDl = String.format(Locale.ROOT, "%.0f mg/dL", mgDl);
        if (given == LipidUnit.MG_PER_DL) {
            return inMgDl;
        }
        String value = java.math.BigDecimal.valueOf(given.fromMgDl(mgDl)).setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return value + " " + given.symbol() + " (" + inMgDl + ")";
    }

    private static String whole(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
