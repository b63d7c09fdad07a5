package org.vascalc.cli.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import org.vascalc.cli.BuildInfo;
import org.vascalc.cli.CliFiles;
import org.vascalc.cli.MaxAtUnit;
import org.vascalc.cli.RunCharts;
import org.vascalc.cli.report.ChartRenderer;
import org.vascalc.cli.report.Panel;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.output.ChannelSummary;
import org.vascalc.simulation.output.CtVersusGroundTruth;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.output.Provenance;
import org.vascalc.simulation.output.SummaryJson;
import org.vascalc.simulation.output.TrajectoryCsv;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * Any scenario file, pasted or picked from the examples, run as {@code vascalc simulate} would run
 * it: the same parser (every problem listed at once), the same engine, the same charts, and the
 * trajectory CSV and summary JSON to download.
 */
final class ScenarioPage {

    /** Longest scenario text accepted, characters (the examples are under 5 000). */
    static final int MAX_TEXT = 200_000;
    /** Reference mode resolves every meal and dose; on a page it is kept to runs that answer in seconds. */
    static final double MAX_REFERENCE_DAYS = 366;
    /** Longest text of parameter changes accepted, characters (a line each; the catalog has a few hundred names). */
    static final int MAX_SET_TEXT = 20_000;
    /** Downloads larger than this are left to the command line. */
    static final int MAX_DOWNLOAD_BYTES = 8_000_000;

    private final SimulatorFactory factory;
    private final Semaphore slots = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    ScenarioPage(SimulatorFactory factory) {
        this.factory = factory;
    }

    /**
     * Each field's label, top to bottom as the form shows them: the problems are listed in this order and named by
     * these labels; a problem inside the scenario text (its path, {@code patient.age}) comes after them, named by
     * that path; a {@code --set} line's stands at the Parameter changes box's place, named by its line, and under
     * the box ({@link #fieldOf}).
     */
    static final java.util.Map<String, String> LABELS = FormFields.labels("example", "Example", "text",
            "Scenario file (YAML or JSON)", "set", "Parameter changes", "format", "Format", "mode", "Mode");

    /**
     * The field a problem belongs to: a {@code --set} line's (path {@code --set NAME=VALUE}, or {@code --set} for a
     * model without a catalog) to the Parameter changes box, so that it stands under the box too; others their path.
     */
    static String fieldOf(String path) {
        return path.equals("--set") || path.startsWith("--set ") ? "set" : path;
    }

    /** GET: the form, with an example loaded if one was picked. */
    Response form(FormValues f) throws IOException {
        String example = f.text("example");
        String text = "";
        String format = "yaml";
        List<InputProblem> problems = new ArrayList<>();
        List<String> names = ExampleFiles.SCENARIOS.names();
        if (example != null) {
            if (!names.contains(example)) {
                problems.add(InputProblem.error("example", "example = '" + example + "' is not one of the examples ("
                        + String.join(", ", names) + ")"));
            } else {
                text = ExampleFiles.SCENARIOS.read(example);
                format = example.endsWith(".json") ? "json" : "yaml";
            }
        }
        // an example written for reference mode (a day of meals and tablets; its comment gives the command
        // with --mode reference) opens in that mode: fast mode averages the daily cycle it is about away
        String mode = text.contains("--mode reference") ? "reference" : "fast";
        FormProblems shown = FormProblems.of(problems, LABELS);
        String body = intro() + shown.html() + form(names, example, text, format, mode, "", shown);
        return new Response(problems.isEmpty() ? 200 : 400, Html.page("Run a scenario", shown, body));
    }

    /** POST: parse, run, show. */
    Answer run(FormValues f) throws IOException {
        String text = f.text("text") == null ? "" : f.text("text");
        InputProblems p = new InputProblems();
        String format = f.choice("format", "format", List.of("yaml", "json"), "yaml", p);
        String modeName = f.choice("mode", "mode", List.of("fast", "reference"), "fast", p);
        List<String> names = ExampleFiles.SCENARIOS.names();
        String setText = f.text("set") == null ? "" : f.text("set");
        List<String> sets = setText.length() > MAX_SET_TEXT ? List.of() : assignments(setText);
        if (setText.length() > MAX_SET_TEXT) {
            p.error("set", "the parameter changes have " + setText.length() + " characters; at most " + MAX_SET_TEXT
                    + " are accepted here");
        }
        if (text.isBlank()) {
            p.error("text", "the scenario text is empty: paste a scenario or pick an example");
        } else if (text.length() > MAX_TEXT) {
            p.error("text", "the scenario text has " + text.length() + " characters; at most " + MAX_TEXT
                    + " are accepted here");
        }
        List<InputProblem> shown = new ArrayList<>(p.all());
        ScenarioFiles.Loaded loaded = null;
        if (!p.hasErrors()) {
            try {
                loaded = ScenarioFiles.parse(text, "json".equals(format) ? ScenarioFiles.Format.JSON
                        : ScenarioFiles.Format.YAML, "scenario text", factory.recordableIds());
                shown.addAll(loaded.warnings());
            } catch (InvalidInputException e) {
                if ("json".equals(format) && !text.strip().startsWith("{")) {
                    // YAML pasted with the JSON format chosen: say so before the parser's detail
                    shown.add(InputProblem.error("format", "format = json, but the text does not start with '{'; "
                            + "if it is YAML (e.g. an example's text), choose the format YAML"));
                }
                shown.addAll(e.problems());
            }
        }
        Mode mode = "reference".equals(modeName) ? Mode.REFERENCE : Mode.FAST;
        if (loaded != null && mode == Mode.REFERENCE && loaded.scenario().durationDays() > MAX_REFERENCE_DAYS) {
            shown.add(InputProblem.error("mode", String.format(Locale.ROOT, "reference mode over %.0f days: on this page "
                    + "reference mode is limited to %.0f days (it resolves every meal and dose); use fast mode, or "
                    + "./vascalc simulate FILE --mode reference", loaded.scenario().durationDays(), MAX_REFERENCE_DAYS)));
            loaded = null;
        }
        // the scenario's parameters: map, then the page's --set lines, on the model's catalog, checked as
        // ./vascalc simulate checks them (CliFiles.scenarioParameterSet); neither: the model's catalog as before
        // (also for a model without one)
        ParameterOverrides.Result parameterSet = null;
        boolean fileMap = loaded != null && !loaded.parameters().isEmpty();
        ParameterCatalog model = factory.defaultParameters();
        if ((fileMap || !sets.isEmpty()) && model == null) {
            shown.add(InputProblem.error(sets.isEmpty() ? "parameters" : "--set", "this model has no parameter catalog to change"));
            loaded = null;
        } else if (fileMap || !sets.isEmpty()) {
            ParameterOverrides.Result scenario = new ParameterOverrides.Result(model, List.of());
            if (fileMap) {
                try {
                    scenario = ParameterOverrides.applyScenario(model, loaded.parameters());
                } catch (InvalidInputException e) {
                    shown.addAll(e.problems());
                    loaded = null; // the --set lines are still checked, against the model's catalog: every problem at once
                }
            }
            try {
                parameterSet = ParameterOverrides.setOver(model, scenario, sets);
            } catch (InvalidInputException e) { // the command line's words: --set ASSIGNMENT: ...
                e.problems().forEach(pr -> shown.add(InputProblem.error("--set " + pr.path(), pr.message())));
                loaded = null;
            }
        }
        FormProblems problems = FormProblems.of(shown, LABELS, ScenarioPage::fieldOf);
        StringBuilder b = new StringBuilder(intro());
        b.append(problems.html());
        b.append(form(names, null, text, format, modeName, setText, problems));
        if (loaded == null) {
            return new Response(400, Html.page("Run a scenario", problems, b.toString()));
        }
        ScenarioFiles.Loaded run = loaded;
        ParameterCatalog catalog = parameterSet == null ? factory.defaultParameters() : parameterSet.catalog();
        List<ParameterOverrides.Change> changes = parameterSet == null ? List.of() : parameterSet.changes();
        return new StreamedPage("Run a scenario", b.toString(), String.format(Locale.ROOT, "%s, %s days in %s mode",
                run.scenario().name(), ComparePage.fmt(run.scenario().durationDays()), modeName), progress -> {
                    SimulationResult r;
                    slots.acquire();
                    try {
                        r = factory.create(catalog).run(run.scenario(), mode, progress::done);
                    } catch (ModelDomainException e) { // what to move back: the page's and the scenario's changes
                        throw e.in("", CliFiles.domainHint(changes, null, CliFiles.CHECK_THE_PATIENT));
                    } finally {
                        slots.release();
                    }
                    progress.drawing();
                    return results(r, run, catalog, changes, sets.isEmpty() ? "the scenario's <code>parameters:</code> map"
                            : fileMap ? "the scenario's <code>parameters:</code> map, then <code>--set</code>"
                            : "<code>--set</code>", mode);
                });
    }

    /** A chart's width on the page, pixels (two columns of the page's grid, scaled down on a phone). */
    static final int CHART_WIDTH = 560;

    /**
     * A chart's height, pixels: RunCharts' longest y-axis title ({@link RunCharts#MAX_Y_LABEL} characters) fits along
     * it with room to spare (review9: at 360 its unit was cut off at the top edge; at 380, simulate's panel height, it
     * ends 2 pixels below the edge, at 400 twelve).
     */
    static final int CHART_HEIGHT = 400;

    /** A chart's text alternative: what it shows, and where its numbers are as text. */
    static String chartAlt(Panel panel) {
        return "Chart: " + panel.title() + " over the run; each output's start, minimum, maximum and end are in the "
                + "table Every recorded output below";
    }

    private String results(SimulationResult r, ScenarioFiles.Loaded loaded, ParameterCatalog catalog,
                           List<ParameterOverrides.Change> changes, String changedBy, Mode mode) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<h2>").append(Html.esc(r.scenario().name())).append(" (")
                .append(ComparePage.fmt(r.scenario().durationDays())).append(" days, ")
                .append(mode.name().toLowerCase(Locale.ROOT)).append(" mode)</h2>\n");
        if (!r.scenario().description().isBlank()) {
            b.append("<p>").append(Html.esc(r.scenario().description())).append("</p>\n");
        }
        // the run's own warnings (e.g. a measured lab the run does not start at), boxed as the form's warnings
        b.append(FormProblems.of(r.warnings(), LABELS, ScenarioPage::fieldOf).html());
        if (!changes.isEmpty()) {
            b.append("<p>Parameters set by ").append(changedBy).append(": ").append(Html.esc(String.join("; ",
                    changes.stream().map(ParameterOverrides.Change::toString).toList()))).append("</p>\n");
        }
        List<Panel> panels = RunCharts.panelsWithCatalogs(List.of(r), List.of(catalog));
        if (!panels.isEmpty()) {
            // one image a panel, placed by the page's grid (two columns, one on a phone), not one image of a grid of
            // two columns: on a phone that shrank to a third of its size, or would scroll across both columns
            // the charts themselves the grid's items (no figure: they have no caption, and its rule and margins spaced
            // them apart as the single image was not)
            // charts: every chart drew the same legend (the run's name, and its doses and meals); it is drawn once, above
            b.append(Html.chart(ChartRenderer.legendPngBytes(panels, CHART_WIDTH, CHART_HEIGHT), "Legend of the charts below: "
                    + ChartRenderer.legendText(panels), false)).append('\n');
            b.append("<div class=\"grid\">\n");
            for (Panel p : panels) {
                b.append(Html.chart(ChartRenderer.pngBytesInSet(p, panels, CHART_WIDTH, CHART_HEIGHT), chartAlt(p),
                        ChartRenderer.keyInSet(p, CHART_WIDTH, CHART_HEIGHT))).append('\n');
            }
            b.append("</div>\n");
        }
        CtVersusGroundTruth.of(r.trajectory()).ifPresent(ct -> {
            b.append("<h2>CT score against the layers no scan separates</h2>\n");
            List<String[]> rows = new ArrayList<>();
            for (CtVersusGroundTruth.Row row : ct.rows()) {
                rows.add(new String[] {row.id(), row.unit(), g(row.start()), g(row.end()),
                    row.start() == 0 ? "" : String.format(Locale.ROOT, "%+.1f %%", 100 * (row.end() / row.start() - 1)),
                    row.description()});
            }
            b.append(Html.table(new String[] {"output", "unit", "start", "end", "change", "what it is"}, rows));
        });
        // "max at" in the console's unit for the run's length (review9: a ten-year run read "87648.00" hours here)
        MaxAtUnit when = MaxAtUnit.forRunOf(r.scenario().durationDays());
        b.append("<h2>Every recorded output</h2>\n").append(Html.table(
                new String[] {"output", "unit", "start", "min", "max", when.header(), "end"}, summary(r.trajectory(), when)));
        Provenance prov = new Provenance(BuildInfo.version(), BuildInfo.commit(), "web page (scenario text)",
                loaded.sha256(), catalog.sha256(), mode.name(), changes);
        byte[] csv = TrajectoryCsv.format(r.trajectory()).getBytes(StandardCharsets.UTF_8);
        String csvName = r.scenario().name() + "-trajectory.csv";
        byte[] json = SummaryJson.format(r, prov, loaded.warnings(), csvName, ScenarioFiles.sha256(csv))
                .getBytes(StandardCharsets.UTF_8);
        b.append("<p>Download: ").append(download(csv, csvName, "text/csv"))
                .append(" · ").append(download(json, r.scenario().name() + "-summary.json", "application/json"))
                .append("</p>\n");
        return b.toString();
    }

    private static String download(byte[] bytes, String name, String type) {
        if (bytes.length > MAX_DOWNLOAD_BYTES) {
            return Html.esc(name) + " (" + bytes.length / 1_000_000 + " MB: too large for the page; use ./vascalc simulate)";
        }
        return "<a download=\"" + Html.esc(name) + "\" href=\"data:" + type + ";base64,"
                + Base64.getEncoder().encodeToString(bytes) + "\">" + Html.esc(name) + "</a>";
    }

    static List<String[]> summary(Trajectory t, MaxAtUnit when) {
        List<String[]> rows = new ArrayList<>();
        for (ChannelSummary r : ChannelSummary.of(t)) {
            rows.add(new String[] {r.id(), r.unit(), g(r.start()), g(r.min()), g(r.max()),
                when.cell(r), g(r.end())});
        }
        return rows;
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.5g", v);
    }

    /**
     * What the mode choice means for the hours after a regimen starts, as `simulate --mode` says (fast mode's
     * onset error: simulation/README.md, "Fast mode", and docs/performance-log.md, "onset"; the numbers since
     * onsetadopt, sixty-fourth session: onsetrows' daily rows, days 1-30 after 18 onsets, the window worst of the
     * osteoclasts 4.9 % and of the cumulative urinary calcium 14.7 % after the strong ones, day 1 within about 0.1 %).
     */
    static final String MODE_NOTE = "<p class=\"fine\">Fast mode averages over the daily cycle, for runs of years. Its "
            + "hour-by-hour values in the first days to weeks after a regimen starts are approximate (after a large "
            + "change, whose first day it integrates directly, the bone cells up to about 5 % off in the first weeks "
            + "and a cumulative output such as urinary calcium up to about 15 %; plasma vitamin K, MK-7 and K1, follows "
            + "reference mode to 1e-8); choose reference mode for those. With a calcium-based phosphate binder on "
            + "dialysis, 1500 mg calcium a day or more from binders and supplements, or 700 mg a day or more below eGFR "
            + "30 or on dialysis, fast mode integrates every dose from that regimen's start instead of averaging.</p>\n";

    private static String intro() {
        return "<p>A scenario names a person, their conditions, their diet, supplements and drugs with schedules, how "
                + "long to simulate and what to record (the format: <code><a href=\"/docs/scenario-format.md\">docs/scenario-format.md</a></code>, <code><a href=\"/docs/scenario.schema.json\">docs/scenario.schema.json</a></code> and "
                + "<code>examples/scenarios/</code>). Paste one or pick an example, then run it as "
                + "<code>./vascalc simulate</code> would.</p>\n";
    }

    /**
     * The parameter changes typed on the page: one {@code NAME=VALUE} per line, as {@code --set} takes them (a
     * leading {@code --set}, as copied from a command, is allowed); blank lines are skipped.
     */
    static List<String> assignments(String text) {
        return text.lines().map(String::strip).map(l -> l.startsWith("--set ") ? l.substring(6).strip() : l)
                .filter(l -> !l.isEmpty()).toList();
    }

    private static String form(List<String> names, String picked, String text, String format, String mode, String set,
            FormProblems problems) {
        StringBuilder b = new StringBuilder();
        b.append(Html.exampleChooser("/scenario", LABELS.get("example"), names, picked, problems));
        // visible labels (the boxes had only an aria-label, which a screen reader says and nobody sees)
        b.append("<form method=\"post\" action=\"/scenario\"><label for=\"scenario-text\" style=\"margin-top:.8em\">" + LABELS.get("text") + "</label>"
                + "<textarea" + problems.on("text") + " name=\"text\" id=\"scenario-text\" rows=\"22\" "
                + "style=\"width:100%;font-family:monospace;font-size:.9em\" spellcheck=\"false\">")
                .append(Html.esc(text)).append("</textarea>").append(problems.under("text"))
                // a block, not the labels' flex column (Html.STYLE), which would break the code and the link apart
                .append("<label for=\"scenario-set\" style=\"display:block;margin:.8em 0 .3em\">" + LABELS.get("set") + " (optional), one <code>NAME=VALUE</code> "
                        + "per line, as <code>./vascalc simulate --set</code> takes them: a parameter of "
                        + "<a href=\"/docs/model/parameters.md\">the catalog</a>, its value in the catalog's unit inside its "
                        + "plausible range; applied after the scenario's own <code>parameters:</code> map, and wins over it.</label>")
                .append("<textarea").append(problems.on("set")).append(" name=\"set\" id=\"scenario-set\" rows=\"3\" style=\"width:100%;font-family:monospace;font-size:.9em\" "
                        + "spellcheck=\"false\" placeholder=\"gutParacellularRate=0.072\">")
                .append(Html.esc(set)).append("</textarea>").append(problems.under("set"))
                .append("<p class=\"row\"><label class=\"check\">").append(LABELS.get("format")).append(" <select")
                .append(problems.on("format")).append(" name=\"format\">")
                .append("<option value=\"yaml\">YAML</option><option value=\"json\"").append("json".equals(format) ? " selected" : "")
                .append(">JSON</option></select>").append(problems.under("format")).append("</label><label class=\"check\">")
                .append(LABELS.get("mode")).append(" <select")
                .append(problems.on("mode")).append(" name=\"mode\">")
                .append("<option value=\"fast\"").append("fast".equals(mode) ? " selected" : "").append(">fast</option>")
                .append("<option value=\"reference\"").append("reference".equals(mode) ? " selected" : "")
                .append(">reference (up to a year)</option></select>").append(problems.under("mode")).append("</label><button type=\"submit\">Run</button></p></form>\n")
                .append(MODE_NOTE);
        return b.toString();
    }
}
