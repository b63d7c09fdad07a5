package org.vascalc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.units.PlainNumber;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.output.Provenance;
import org.vascalc.simulation.output.SummaryJson;
import org.vascalc.simulation.sensitivity.Ranking;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis.ParameterResult;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis.Result;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis.Role;

/** The sensitivity analysis as text: the console table, the CSV of everything, the Markdown page. */
final class SensitivityReport {

    /** A swing below this fraction of the baseline does not put an assumption on the list (0.1 %). */
    static final double SIGNIFICANT_SWING = 1e-3;

    /** The test that compares a generated page's inputs sha256 and baselines with today's model. */
    static final String STALENESS_TEST = "SensitivityPagesTest";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Result r;
    private final String scenarioLabel;
    private final String catalogLine;

    SensitivityReport(Result r, String scenarioLabel) {
        this(r, scenarioLabel, "");
    }

    /**
     * @param catalogLine the {@code --parameters} catalog's line ({@code CliFiles.describeCatalog}: the file and its
     *                    values that differ from the model's), or "" on the model's own catalog (the page unchanged)
     */
    SensitivityReport(Result r, String scenarioLabel, String catalogLine) {
        this.r = r;
        this.scenarioLabel = scenarioLabel;
        this.catalogLine = catalogLine == null ? "" : catalogLine;
    }

    /** For each output, the top {@code n} parameters by swing. */
    String console(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < r.outputs().size(); k++) {
            OutputChannel c = r.outputs().get(k);
            // leftovers30: a risk in per cent, "%", as its tornado chart, the tables and cohort's shares give it (it
            // was a fraction headed "(1)"); the swing % is relative and the same either way
            double shown = c.shownScale();
            // "top 10" over the one parameter a --parameter asked for promised nine rows that could not come
            sb.append(String.format(Locale.ROOT, "%s (%s): baseline %s at the end of the run; top %d by swing%n",
                    c.id(), c.shownUnit(), g(shown * r.baseline()[k]), Math.min(n, r.ranking(k).size())));
            sb.append(String.format(Locale.ROOT, "  %3s %-34s %-10s %10s %-23s %-12s %11s %11s %8s %10s%n", "#",
                    "parameter", "evidence", "value", "range varied", "unit", "at low", "at high", "swing %",
                    "elasticity"));
            List<Ranking.Entry> ranked = shown(k);
            for (int i = 0; i < Math.min(n, ranked.size()); i++) {
                Ranking.Entry e = ranked.get(i);
                ParameterResult pr = r.parameter(e.parameter());
                Parameter p = pr.plan().parameter();
                sb.append(String.format(Locale.ROOT, "  %3d %-34s %-10s %10s %-23s %-12s %11s %11s %8s %10s%n", i + 1,
                        label(pr.plan()), pr.plan().evidenceKind(), g(p.value()),
                        range(pr.plan()), p.unit(), g(shown * e.atLow()), g(shown * e.atHigh()),
                        pct(e.swing(), r.baseline()[k]), el(e.elasticity())));
                if (e.failed()) {
                    sb.append("      ").append(e.failure()).append('\n');
                }
            }
            int rest = r.ranking(k).size() - ranked.size(); // analysed, but below the no-effect floor
            if (ranked.size() < n && rest > 0) {
                sb.append(String.format(Locale.ROOT, "      (the other %d %s it by less than %.0e of its "
                        + "baseline: no effect beyond solver round-off)%n", rest,
                        rest == 1 ? "parameter moves" : "parameters move", Ranking.NO_EFFECT));
            }
            sb.append('\n');
        }
        List<ParameterResult> failed = r.parameters().stream().filter(p -> !p.failure().isEmpty()).toList();
        if (!failed.isEmpty()) {
            sb.append("Runs that failed (").append(failed.size()).append(failed.size() == 1 ? " parameter" : " parameters")
                    .append("):\n");
            for (ParameterResult p : failed) {
                sb.append("  ").append(p.plan().name()).append(": ").append(p.failure()).append('\n');
            }
        }
        return sb.toString();
    }

    /** One row per parameter and output, every number of the analysis. */
    String csv() {
        StringBuilder sb = new StringBuilder("parameter,evidence,role,value,unit,low,high,output,outputUnit,baseline,"
                + "atLow,atHigh,swing,swingPercentOfBaseline,elasticity,rank,failure\n");
        for (int k = 0; k < r.outputs().size(); k++) {
            OutputChannel c = r.outputs().get(k);
            Map<String, Integer> rank = new LinkedHashMap<>();
            List<Ranking.Entry> ranked = r.ranking(k);
            for (int i = 0; i < ranked.size(); i++) {
                rank.put(ranked.get(i).parameter(), i + 1);
            }
            for (ParameterResult pr : r.parameters()) {
                Parameter p = pr.plan().parameter();
                boolean runs = pr.plan().role().runs();
                double swing = runs ? Ranking.swing(r.baseline()[k], pr.atLow()[k], pr.atHigh()[k]) : Double.NaN;
                sb.append(String.join(",", quote(p.name()), pr.plan().evidenceKind(), pr.plan().role().name(),
                        num(p.value()), quote(p.unit()), num(pr.plan().low()), num(pr.plan().high()), c.id(),
                        quote(c.tableUnit()), num(r.baseline()[k]), num(pr.atLow()[k]), num(pr.atHigh()[k]), num(swing),
                        num(100 * swing / Math.abs(r.baseline()[k])), num(pr.elasticity()[k]),
                        runs ? Integer.toString(rank.get(p.name())) : "", quote(pr.failure()))).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * {@code sensitivity --out}'s sensitivity.summary.json: the table's provenance, kept out of the CSV so that
     * tools read it as a plain table (leftovers24: it carried none). {@code provenance} has the keys of simulate's
     * summary.json ({@link SummaryJson#putProvenance}: tool version, commit, scenario file and its SHA-256, the
     * parameter set's SHA-256, mode and fast path, the {@code --set} values, a {@code --parameters} catalog and its
     * values that differ from the model's); {@code scenario} what was run; {@code analysis} the inputs SHA-256 the
     * page names, the runs, outputs and parameters; {@code table} the CSV's name, SHA-256 and rows.
     */
    String summaryJson(Provenance provenance, String tableFile, String tableSha256) {
        ObjectNode root = JSON.createObjectNode();
        SummaryJson.putProvenance(root.putObject("provenance"), provenance, r.baselinePath());
        ObjectNode sc = root.putObject("scenario");
        sc.put("name", r.scenario().name());
        sc.put("description", r.scenario().description());
        sc.put("patientId", r.scenario().patient().id());
        sc.put("durationDays", r.scenario().durationDays());
        ObjectNode analysis = root.putObject("analysis");
        analysis.put("inputsSha256", r.inputsSha256());
        analysis.put("runs", r.runs());
        ArrayNode outputs = analysis.putArray("outputs");
        r.outputs().forEach(c -> outputs.add(c.id()));
        // leftovers26: each output's unit and whether it is a probability (a fraction 0 to 1 in the CSV, shown in per
        // cent on the tornado charts), beside the ids above, which old readers read
        ArrayNode channels = analysis.putArray("outputChannels");
        r.outputs().forEach(c -> channels.addObject().put("id", c.id()).put("unit", c.unit())
                .put("probability", c.probability()));
        ArrayNode names = analysis.putArray("parameters");
        r.parameters().forEach(p -> names.add(p.plan().name()));
        ObjectNode table = root.putObject("table");
        table.put("file", tableFile);
        table.put("sha256", tableSha256);
        table.put("rows", (long) r.outputs().size() * r.parameters().size()); // one per parameter and output, as csv()
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always writes
        }
    }

    /** The generated page docs/model/sensitivity.md. */
    String markdown(int top, String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Which numbers move the results: one-at-a-time sensitivity\n\n");
        sb.append("<!-- generated by `").append(command).append("`; do not edit by hand -->\n\n");
        sb.append("Every model number is in the parameter catalog (`docs/model/parameters.md`) with a value, a plausible ")
                .append("range and its evidence. This page shows which of them actually drive the outputs a reader ")
                .append("cares about, and so which of the *assumed* ones most need evidence.\n\n");
        sb.append("## Method\n\n");
        sb.append("- Scenario: ").append(scenarioLabel).append(" (").append(days(r.scenario().durationDays()))
                .append(", ").append(r.mode().name().toLowerCase(Locale.ROOT)).append(" mode). Outputs are taken at the ")
                .append("end of the run.\n");
        sb.append("- One at a time: for each parameter the scenario is run with that value at the low and at the high ")
                .append("end of its plausible range, every other number at the catalog's value. The *swing* is how far ")
                .append("the output moves over the range (the spread of the baseline and both ends; ranked by it). ")
                .append("The *elasticity* is local: the relative change of the output per relative change of the ")
                .append("parameter, a central difference at the value times exp(-0.05) and exp(+0.05) (one-sided ")
                .append("at the edge of the range; none for a value of 0).\n");
        sb.append("- Derived numbers are varied alone, as the model reads them: the catalog keeps the rule they were ")
                .append("derived by as text, so varying a number they were derived from does not re-derive them.\n");
        sb.append("- A person's own factors (1 for the typical person: `plaqueSusceptibility`, `medialSusceptibility`, ")
                .append("`aorticStiffnessFactor`, `t50ResidualFactor`, `vitaminKIntakeFactor`) are varied over the central 95 % of the ")
                .append("cohort's log-normal (exp(±1.96 SD), SD from the catalog), not over their wide technical range. ")
                .append("They are between-person variation, not uncertain numbers, and are left out of the list of ")
                .append("assumptions below.\n");
        sb.append("- One quantity held twice, the extracellular volume (`ecfVolume` in the mineral block, `ecfVolumeL` ")
                .append("in the wall, which turns the mineral amounts into concentrations), is moved as one, by the same ")
                .append("factor over the range both admit: varied alone, either copy makes the blocks disagree about ")
                .append("serum calcium and fakes a strong effect on calcification.\n");
        sb.append("- The between-person SDs are read only when a virtual cohort is drawn and a fixed number has ")
                .append("nothing to vary; neither is run (listed at the end).\n");
        sb.append("- Nothing is refitted: the calibrated numbers were fitted with every other number at its catalog ")
                .append("value, and an assumption moved alone is not compensated by a refit. A swing shows the effect ")
                .append("before recalibration; for a number that sets a reference point (e.g. `serumPRefMmolL`, ")
                .append("`nonHdlRefMgDl`) a refit of the calibrated numbers to the same targets would absorb part of it. ")
                .append("An end far from the value can also leave the model's calibrated regime (e.g. a tenfold ")
                .append("growth rate compounding over decades of history): the table shows the output at each end so ")
                .append("such an end can be told from a steady effect.\n");
        sb.append("- A run that fails (an end that makes the model invalid) is recorded with its message; the rest ")
                .append("of the analysis goes on.\n");
        sb.append("- Numerical floor: the adaptive step control sees every state, so a number that cannot act on an ")
                .append("output still moves it by solver round-off (an MI hazard moves serum calcium by 3 × 10⁻¹⁰ of ")
                .append("its value). A swing below ").append(PlainNumber.of(Ranking.NO_EFFECT, 1))
                .append(" of the baseline is counted as no effect and not listed.\n");
        if (!catalogLine.isEmpty()) { // catalognames: a changed catalog's values, not its hash alone
            sb.append("- ").append(catalogLine).append(".\n");
        }
        sb.append(String.format(Locale.ROOT, "- %d model runs; inputs sha256 `%s` (every parameter's value, unit, "
                + "range varied and evidence kind, the scenario and the outputs: what the numbers below were computed "
                + "from; `%s` fails when today's catalog or scenario gives another); parameter set sha256 `%s` "
                + "(the whole catalog, its evidence texts included, as every output records it).%n%n", r.runs(),
                r.inputsSha256(), STALENESS_TEST, r.catalogSha256()));

        Map<String, List<String>> assumedInTop = new LinkedHashMap<>();
        for (int k = 0; k < r.outputs().size(); k++) {
            OutputChannel c = r.outputs().get(k);
            // riskunit: a risk in per cent, "%", as the console and the charts give it (the page headed it "(1)" with
            // fractions); the swing % and the elasticity are relative and the same either way
            double shown = c.shownScale();
            sb.append("## ").append(c.id()).append(" (").append(c.shownUnit()).append(")\n\n");
            sb.append(c.description()).append(". Baseline at the end of the run: ").append(g(shown * r.baseline()[k]))
                    .append(' ').append(c.shownUnit()).append(".\n\n");
            sb.append("| # | parameter | evidence | value | range varied | unit | at low | at high | swing, % of baseline | elasticity |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
            List<Ranking.Entry> ranked = shown(k);
            for (int i = 0; i < Math.min(top, ranked.size()); i++) {
                Ranking.Entry e = ranked.get(i);
                ParameterResult pr = r.parameter(e.parameter());
                Parameter p = pr.plan().parameter();
                sb.append(String.format(Locale.ROOT, "| %d | `%s` | %s | %s | %s | %s | %s | %s | %s | %s |%n", i + 1,
                        label(pr.plan()), pr.plan().evidenceKind() + (pr.plan().role() == Role.INDIVIDUAL ? " (person's factor)" : ""),
                        g(p.value()), range(pr.plan()), p.unit(), g(shown * e.atLow()), g(shown * e.atHigh()),
                        pct(e.swing(), r.baseline()[k]), el(e.elasticity())));
                if (pr.plan().role() == Role.RANGE && pr.plan().evidenceKind().equals("assumption")
                        && e.swing() > SIGNIFICANT_SWING * Math.abs(r.baseline()[k])) {
                    assumedInTop.computeIfAbsent(p.name(), x -> new ArrayList<>()).add(c.id() + " #" + (i + 1));
                }
            }
            int rest = r.ranking(k).size() - ranked.size(); // analysed, but below the no-effect floor
            if (ranked.size() < top && rest > 0) { // as the console: no "0 parameters" line when all are shown
                sb.append(String.format(Locale.ROOT, "%nNo other parameter moves it by more than %s of its baseline "
                        + "(%d %s: no effect beyond solver round-off).%n", PlainNumber.of(Ranking.NO_EFFECT, 1), rest,
                        rest == 1 ? "parameter" : "parameters"));
            }
            List<String> failures = ranked.stream().limit(top).filter(Ranking.Entry::failed)
                    .map(e -> "`" + e.parameter() + "`: " + e.failure()).toList();
            if (!failures.isEmpty()) {
                sb.append("\nFailed runs among these: ").append(String.join("; ", failures)).append('\n');
            }
            sb.append('\n');
        }
        sb.append("## The assumptions that most need evidence\n\n");
        sb.append("Assumed numbers (evidence `assumption`) that appear in the top ").append(top)
                .append(" of any output above with a swing of at least 0.1 % of the baseline, most outputs first:\n\n");
        sb.append("| parameter | value | range | unit | in the top ").append(top).append(" of | rationale |\n");
        sb.append("|---|---|---|---|---|---|\n");
        List<Map.Entry<String, List<String>>> list = new ArrayList<>(assumedInTop.entrySet());
        list.sort((a, b) -> a.getValue().size() != b.getValue().size() ? b.getValue().size() - a.getValue().size()
                : Integer.compare(bestRank(a.getValue()), bestRank(b.getValue())) != 0
                ? Integer.compare(bestRank(a.getValue()), bestRank(b.getValue())) : a.getKey().compareTo(b.getKey()));
        for (Map.Entry<String, List<String>> e : list) {
            Parameter p = r.parameter(e.getKey()).plan().parameter();
            String why = rationale(p);
            sb.append(String.format(Locale.ROOT, "| `%s` | %s | %s to %s | %s | %s | %s |%n", p.name(), g(p.value()),
                    g(p.low()), g(p.high()), p.unit(), String.join(", ", e.getValue()), why));
        }
        sb.append('\n');
        List<ParameterResult> failed = r.parameters().stream().filter(p -> !p.failure().isEmpty()).toList();
        sb.append("## Failed runs\n\n");
        if (failed.isEmpty()) {
            sb.append("None.\n\n");
        } else {
            for (ParameterResult p : failed) {
                sb.append("- `").append(p.plan().name()).append("`: ").append(p.failure().replace("\n", " ")).append('\n');
            }
            sb.append('\n');
        }
        sb.append("## Not run\n\n");
        for (ParameterResult p : r.parameters()) {
            if (!p.plan().role().runs()) {
                sb.append("- `").append(p.plan().name()).append("`: ").append(p.plan().role().label())
                        .append(p.plan().together().isEmpty() ? "" : " (`" + String.join("`, `", p.plan().together()) + "`)")
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** An assumed number's rationale as the page's table shows it: the catalog's text, a table's bars replaced. */
    static String rationale(Parameter p) {
        return p.evidence().describe().replaceFirst("^assumption: ", "").replace("|", "/");
    }

    /** The ranking of output {@code k} without the parameters that have no effect on it. */
    List<Ranking.Entry> shown(int k) {
        return r.ranking(k).stream().filter(e -> Ranking.hasEffect(e, r.baseline()[k])).toList();
    }

    private static int bestRank(List<String> where) {
        return where.stream().mapToInt(s -> Integer.parseInt(s.substring(s.indexOf('#') + 1))).min().orElse(0);
    }

    private static String days(double d) {
        return d >= 365 ? PlainNumber.of(d / 365.25, 4) + " years" : PlainNumber.of(d, 4) + " days";
    }

    /** The parameter's name, and the copies moved with it. */
    static String label(SensitivityAnalysis.Plan p) {
        return p.together().isEmpty() ? p.name() : p.name() + " + " + String.join(" + ", p.together());
    }

    static String range(SensitivityAnalysis.Plan p) {
        return g(p.low()) + " to " + g(p.high());
    }

    static String g(double v) {
        if (Double.isNaN(v)) {
            return "failed";
        }
        return PlainNumber.of(v, 4); // leftovers33: never E-notation for a reader (%.4g wrote 2.5e-05)
    }

    static String pct(double swing, double baseline) {
        if (Double.isNaN(swing)) {
            return "failed";
        }
        if (baseline == 0) {
            return swing == 0 ? "0" : "n/a";
        }
        // leftovers33: a swing of 1450 % reads 1450, not 1.45e+03 ("%.3g")
        return PlainNumber.of(100 * swing / Math.abs(baseline), Ranking.PRINTED_DIGITS);
    }

    static String el(double e) {
        if (Double.isNaN(e)) {
            return "n/a";
        }
        return e == 0 ? "0" : PlainNumber.signed(e, Ranking.PRINTED_DIGITS);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
