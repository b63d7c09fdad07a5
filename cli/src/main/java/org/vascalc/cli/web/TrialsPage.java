package org.vascalc.cli.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ValidRange;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.trial.AgreementCheck;
import org.vascalc.simulation.trial.TrialReport;
import org.vascalc.simulation.trial.TrialResult;
import org.vascalc.simulation.trial.TrialRunner;
import org.vascalc.simulation.trial.TrialSpec;

/**
 * The published trials of {@code examples/trials} in the browser: the page form of
 * {@code ./vascalc trial KEY --size N --seed S}. The list of the trial files; for a chosen trial its
 * published design, arms, outcomes and mapping; and, with a size, a run of it by the same
 * {@link TrialRunner} and read by the same {@link TrialReport} the command prints, with a forest plot
 * of published against model intervals ({@link TrialForest}). No trial logic here.
 *
 * <p>Addresses: {@code /trials} (the list and the form), {@code /trials?trial=KEY} (that trial, not
 * run), {@code /trials?trial=KEY&size=N&seed=S} (run; the form always sends the size). The size is 2 to the
 * trial's limit ({@link TrialCosts}: its measured cost per member, so that one request holds the server for about a
 * minute at most; the command line takes up to {@link TrialRunner#MAX_SIZE}); the default is small so that a run answers in
 * seconds, and a run streams its progress as {@code /cohort} does.
 */
final class TrialsPage {

    /**
     * Members per arm of trial {@code key}: 2 (a bootstrap needs two) to its limit on this page ({@link TrialCosts}: about a
     * minute of this machine; review9's one limit, 1000, was set by the slowest trial, care2). The command line takes up
     * to {@link TrialRunner#MAX_SIZE}, which could hold the local server for hours.
     */
    static ValidRange size(String key) {
        return ValidRange.of("size", "members per arm", 2, TrialCosts.limit(key));
    }

    static final ValidRange SEED = CohortPage.SEED;

    /**
     * Members of a run rerun in reference mode in every arm ({@code trial --check-agreement N}, {@link
     * org.vascalc.simulation.trial.AgreementCheck}): 1 to 10 here, where the command line takes up to 50. A reference
     * run costs about 10 s of CPU per member-year ({@link AgreementCheck#REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR}; 3 s
     * for CRIC-like members, whose dialysis vintage counts in the years), so 10 members of a ten-year two-arm trial
     * hold the server for an hour or more: the form says the cost, the field is empty (no check) by default.
     */
    static final ValidRange CHECK = ValidRange.of("check", "members", 1, 10);

    /**
     * The form's default size. Measured on the running server, two cores shared with other builds (load
     * 9-11, 2026-12-02): 20 members per arm took 0.3-5.3 s per trial, 100 took 4-18 s (care2, the slowest,
     * 17.8 s); the first run after the server starts takes a few seconds more. 50 keeps every trial well
     * within tens of seconds with a bootstrap over enough members to mean something; the published table
     * (docs/trials.md) uses 200, the command line's default.
     */
    static final int DEFAULT_SIZE = 50;

    /** Every parameter the form sends (anything else is a 400). */
    static final List<String> PARAMETERS = List.of("trial", "size", "seed", "check");

    private static final String TITLE = "Published trials in silico";

    private final SimulatorFactory factory;

    TrialsPage(SimulatorFactory factory) {
        this.factory = factory;
    }

    /** A trial file as the list shows it: its specification, or the problems that stop it loading. */
    record Entry(String key, Optional<TrialSpec> spec, List<InputProblem> problems) {
    }

    /** The trial files shipped, by key (sorted); empty when the server runs outside a checkout. */
    static Optional<Map<String, Entry>> catalog() {
        Optional<Path> folder = ProjectFiles.find(TrialFiles.FOLDER);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : TrialFiles.catalog(folder.get()).entrySet()) {
            try {
                out.put(e.getKey(), new Entry(e.getKey(), Optional.of(TrialFiles.load(e.getValue())), List.of()));
            } catch (InvalidInputException ex) { // a broken file is listed with its problems, the others still run
                out.put(e.getKey(), new Entry(e.getKey(), Optional.empty(), ex.problems()));
            }
        }
        return Optional.of(out);
    }

    /**
     * What a submitted form asks for, or the problems that stop it; {@code run} when a size was given; {@code check}
     * the members to check in reference mode, 0 for none.
     */
    record Request(String trial, int size, long seed, int check, boolean run, InputProblems problems) {
    }

    static Request read(FormValues f, List<String> keys) {
        InputProblems p = new InputProblems();
        String trial = null;
        String raw = f.text("trial");
        if (raw == null) {
            if (f.submitted()) {
                p.error("trial", "no trial chosen; choose one of: " + String.join(", ", keys));
            }
        } else {
            // the command line's rule: keys are file names in lower case, "SALTIRE" means saltire
            // null and an error naming every key when unknown, with the command line's "did you mean" (review10:
            // the page gave only the list)
            InputProblems unknown = new InputProblems();
            trial = f.choice("trial", "trial", keys, null, unknown);
            // the hint right after the name, before the list (leftovers12: after a list of twenty keys it read
            // late); a name near none keeps the form's words
            String hint = EditDistance.didYouMean(raw, keys);
            for (InputProblem x : unknown.all()) {
                p.add(new InputProblem(x.path(), hint.isEmpty() ? x.message() : x.message().replace(" is not one of: ",
                        " is not a trial here" + hint + "; the trials: "), x.severity()));
            }
        }
        boolean run = f.text("size") != null;
        ValidRange range = size(trial); // an unknown or missing trial: the smallest limit, whatever it turns out to be
        double size = f.count("size", range, "member", " per arm", DEFAULT_SIZE, p);
        double seed = f.wholeNumber("seed", SEED, 1, "", p);
        double check = f.wholeNumber("check", CHECK, 0, " of members", p); // empty: no check
        double asked = run ? FormValues.parse(f.text("size")) : Double.NaN; // size is NaN when outside the range
        if (Double.isFinite(asked) && asked > range.hardHigh() && asked <= TrialRunner.MAX_SIZE && asked == Math.rint(asked)) {
            // the range's error says the number; this says whose limit it is and where a larger run can go
            p.warning("size", String.format(Locale.ROOT, "%s; the command line takes up to %d members per arm (the "
                    + "time grows with the size: minutes to hours), with a progress bar: %s", limitText(trial),
                    TrialRunner.MAX_SIZE, command(trial == null ? "KEY" : trial, (long) asked,
                            (long) (Double.isFinite(seed) ? seed : 1))));
        }
        return new Request(trial, (int) (Double.isFinite(size) ? size : 0), (long) (Double.isFinite(seed) ? seed : 0),
                (int) (Double.isFinite(check) ? check : 0), run, p);
    }

    /** The page: the list and the form; a chosen trial's description; a run when a size was given. */
    Answer html(FormValues f) {
        Optional<Map<String, Entry>> catalog = catalog();
        if (catalog.isEmpty()) {
            return new Response(200, Html.page(TITLE, intro() + "<div class=\"problems\">The trial files (<code>"
                    + TrialFiles.FOLDER + "</code>) are not found: the server runs outside the project's checkout. "
                    + "Start it from the checkout, or set <code>-Dvascalc.home=</code> to it.</div>\n"));
        }
        Map<String, Entry> trials = catalog.get();
        List<String> keys = List.copyOf(trials.keySet());
        Request req = read(f, keys);
        StringBuilder b = new StringBuilder(intro());
        FormFields fields = FormFields.of(LABELS, req.problems().all());
        FormProblems problems = fields.problems();
        b.append(form(f, req, trials, fields));
        b.append(problems.html());
        if (problems.hasErrors()) {
            if (req.trial() == null) {
                b.append(list(trials));
            }
            return new Response(400, Html.page(TITLE, problems, b.toString()));
        }
        if (req.trial() == null) {
            return new Response(200, Html.page(TITLE, b.append(list(trials)).toString()));
        }
        Entry entry = trials.get(req.trial());
        if (entry.spec().isEmpty()) {
            // the file's problems, not the form's: numbered in the list, tied to no field
            FormProblems file = FormProblems.of(entry.problems());
            b.append("<div class=\"problems\"><b>The trial file <code>").append(Html.esc(TrialFiles.FOLDER + "/"
                    + entry.key() + ".yaml")).append("</code> does not load:</b></div>\n")
                    .append(file.html());
            return new Response(400, Html.page(TITLE, file, b.toString()));
        }
        TrialSpec spec = entry.spec().get();
        if (!req.run()) {
            return new Response(200, Html.page(TITLE, b.append(described(spec, 2)).toString()));
        }
        String what = String.format(Locale.ROOT, "%s with %d members per arm in %d arms%s", spec.key(), req.size(),
                spec.arms().size(), req.check() == 0 ? "" : String.format(Locale.ROOT, ", then %d of them in reference "
                        + "mode (%s)", req.check(), checkCost(spec, req.check())));
        return new StreamedPage(TITLE, b.toString(), what, progress -> results(spec, req, progress));
    }

    /** One trial at a time: each already uses every core (a second would only slow both). */
    synchronized String results(TrialSpec spec, Request req, StreamedPage.Progress progress) {
        TrialRunner plain = new TrialRunner(factory, factory.defaultParameters(),
                Runtime.getRuntime().availableProcessors());
        TrialRunner runner = req.check() == 0 ? plain : plain.checkingAgreement(req.check());
        TrialResult r;
        try {
            r = runner.run(spec, req.size(), req.seed(), org.vascalc.simulation.cohort.CohortProgress.withinRuns(
                    (done, n) -> progress.done(done / n))); // within the check's reference runs too
        } catch (TrialRunner.InclusionTooNarrowException e) { // the command line's exit 1: a named problem
            throw new InvalidInputException("trial " + spec.key(), InputProblem.error("size", e.getMessage()));
        }
        progress.drawing();
        return result(r);
    }

    /** The run: as the command line prints it, as a table and as a forest plot, with the trial's mapping and limits. */
    static String result(TrialResult r) {
        TrialSpec s = r.spec();
        StringBuilder b = new StringBuilder();
        b.append("<h2>").append(Html.esc(s.key())).append(": ").append(Html.esc(micro(s.title()))).append("</h2>\n");
        b.append("<p>").append(String.format(Locale.ROOT, "%d %s-like members per arm (the first %d that the inclusion "
                        + "accepted among %d candidates), seed %d, %s %s, arms %s; %.1f s.", r.members(),
                s.population().label().toUpperCase(Locale.ROOT), r.members(), r.screened(), r.seed(),
                TrialReport.fmt(s.years()), s.years() == 1 ? "year" : "years",
                Html.esc(s.arms().stream().map(TrialSpec.Arm::label).collect(Collectors.joining(" vs "))), r.seconds()))
                .append("</p>\n");
        // the trial's own labs, the candidates the model could not start at them, and the members whose runs do not
        // start at their labs (one line per lab): what the command line prints on its "labs" lines
        List<String> notes = new ArrayList<>();
        if (!s.baselineLabs().isNone()) {
            notes.add("labs drawn per member from the trial's baseline: " + s.baselineLabs().describe());
        }
        if (!r.labsLeftOut().isEmpty()) {
            notes.add(r.labsLeftOut());
        }
        notes.addAll(r.startWarnings());
        b.append(Html.notes(notes));
        String[] header = {"outcome", "compared (unit)", "published [95 % CI]", "model [MC 95 %]", "model inside?",
                "members used", "reading"};
        List<String[]> rows = new ArrayList<>();
        for (TrialResult.OutcomeResult o : r.outcomes()) {
            rows.add(new String[] {o.outcome().name(), o.outcome().arm() + " vs " + s.control().label() + " (" + o.unit() + ")",
                    TrialReport.published(o), TrialReport.model(o), o.verdict().words(), Integer.toString(o.used()),
                    TrialReport.reading(o)});
        }
        b.append(Html.table(header, rows));
        b.append("<figure><div class=\"wide\"" + Html.SCROLLS + ">").append(TrialForest.svg(r)).append("</div><figcaption>Each outcome on its own axis (a ratio's on a "
                + "logarithmic one): the published effect (square) and its 95&nbsp;% confidence interval, the model's "
                + "effect (dot) and its Monte-Carlo 95&nbsp;% interval, the dashed line no effect. <i>Inside</i> means "
                + "the model's point estimate lies in the published interval.</figcaption></figure>\n");
        b.append("<p class=\"fine\">The model's interval is Monte-Carlo only: the 2.5–97.5&nbsp;% range of a bootstrap "
                + "over the members (2000 resamples), how far the estimate would move with another virtual sample of "
                + "this size; it is not the model's structural uncertainty, and with few members it is wide and "
                + "itself uncertain. Nothing here was tuned to the published result. The table of every trial at 200 "
                + "members per arm is <a href=\"/docs/trials.md\">docs/trials.md</a>.</p>\n");
        r.agreement().ifPresent(c -> b.append(agreement(r, c)));
        b.append(described(s, 3));
        b.append("<h3>As the command line prints it</h3>\n<pre" + Html.SCROLLS + ">")
                .append(Html.esc(String.join("\n", TrialReport.lines(r)))).append("</pre>\n");
        b.append("<p class=\"fine\">The same run on the command line: <code>")
                .append(Html.esc(command(s.key(), r.members(), r.seed()) + r.agreement().map(c -> " --check-agreement "
                        + c.members().size()).orElse(""))).append("</code> (add <code>--parameter-draws "
                        + "20</code> for the effect across parameter sets).</p>\n");
        return b.toString();
    }

    /**
     * The run's check of fast mode ({@code trial --check-agreement N}): the report's own lines, the worst member value
     * against fast mode's 1 % and each effect on the checked members in both modes against its Monte-Carlo half-width.
     */
    static String agreement(TrialResult r, org.vascalc.simulation.trial.AgreementCheck c) {
        StringBuilder b = new StringBuilder("<h3 id=\"agreement\">Fast mode against reference mode</h3>\n<p>");
        b.append(c.exceedsLimit() || !c.ran() ? "<b>" : "").append(Html.esc(TrialReport.agreementLine(r, c)))
                .append(c.exceedsLimit() || !c.ran() ? "</b>" : "").append(".</p>\n");
        if (!c.effects().isEmpty()) {
            b.append("<ul>");
            c.effects().forEach(e -> b.append("<li>").append(Html.esc(TrialReport.effectLine(e))).append("</li>"));
            b.append("</ul>\n");
        }
        b.append("<p class=\"fine\">The trial runs fast mode; these members were run again in reference mode in every "
                + "arm. Fast mode is held to agree within 1&nbsp;% (issue 2) and misses it in some regimens "
                + "(<a href=\"/docs/performance.md\">docs/performance.md</a>); an effect moved by a large share of its "
                + "Monte-Carlo half-width is one where fast mode's error matters to the answer. On so few members the "
                + "effect estimates fast mode's shift, not the trial's effect.</p>\n");
        return b.toString();
    }

    /**
     * "about 3 min of CPU": the check's estimated cost, members × arms × (years + the mean vintage) × the population's
     * CPU seconds per member-year ({@link AgreementCheck#estimatedCpuSeconds}: the reference runs cover the vintage
     * before randomisation too; some members cost half of it, some more).
     */
    static String checkCost(TrialSpec s, int members) {
        return cpu(AgreementCheck.estimatedCpuSeconds(s, members));
    }

    /** The same for {@code members} of {@code population} checked in {@code arms} arms over {@code years} ({@code /cohort}'s). */
    static String checkCost(int members, int arms, double years, Population population) {
        return cpu(members * arms * years * AgreementCheck.cpuSecondsPerMemberYear(population));
    }

    private static String cpu(double seconds) {
        return seconds < 90 ? String.format(Locale.ROOT, "about %.0f s of CPU", Math.max(1, seconds))
                : String.format(Locale.ROOT, "about %.0f min of CPU", Math.ceil(seconds / 60));
    }

    /** A trial as its file states it: design, who is included, arms, outcomes with the published effect, mapping and limits. */
    static String described(TrialSpec s, int level) {
        // level: 2 alone under the page's title, 3 inside a run's section (headings form an outline)
        StringBuilder b = new StringBuilder("<h" + level + ">The trial: ").append(Html.esc(s.key())).append("</h" + level + ">\n<ul>");
        b.append("<li><b>").append(Html.esc(s.designHeading())).append("</b> [").append(Html.esc(s.citation())).append("]: ")
                .append(Html.esc(micro(s.design().strip()))).append("</li>");
        b.append("<li><b>As run</b>: ").append(Html.esc(oneLine(s))).append("</li>");
        for (TrialSpec.Arm a : s.arms()) {
            b.append("<li>arm <code>").append(Html.esc(a.label())).append("</code>: ")
                    .append(Html.esc(micro(a.description().strip()))).append("</li>");
        }
        for (TrialSpec.Outcome o : s.outcomes()) {
            TrialSpec.Published p = o.published();
            String published = p.value().isEmpty() ? (p.inOtherForm() ? "in a form this measure cannot hold: "
                    + p.otherForm() : "no number verified")
                    : TrialReport.num(p.value().getAsDouble()) + (p.hasInterval() ? " [" + TrialReport.num(p.low().getAsDouble())
                    + ", " + TrialReport.num(p.high().getAsDouble()) + "]" : " [interval not reported]");
            b.append("<li><b>").append(Html.esc(o.name())).append("</b> (").append(Html.esc(o.measure().spelling()))
                    .append(" of <code>").append(Html.esc(o.output())).append("</code>, ").append(Html.esc(o.arm()))
                    .append(" vs ").append(Html.esc(s.control().label())).append(", ")
                    .append(Html.esc(o.measure().unit(o.unit()))).append("): published ").append(Html.esc(published))
                    .append(" <span class=\"src\">(").append(Html.esc(o.published().locator().strip())).append(")</span></li>");
        }
        b.append("<li><b>Mapping and limits</b>: ").append(Html.esc(micro(s.mapping().strip()))).append("</li></ul>\n");
        return b.toString();
    }

    /**
     * The design in one line, from the specification: population and inclusion, conditions, arms and
     * follow-up, e.g. "MESA-like, age 55-84 y, baseline CT score >= 1 AU, no statin at baseline; placebo vs
     * atorvastatin80; 2 years".
     */
    static String oneLine(TrialSpec s) {
        String who = s.population().label().toUpperCase(Locale.ROOT) + "-like, " + micro(TrialReport.inclusion(s.inclusion()));
        String conditions = s.conditions().isEmpty() ? ""
                : "; " + s.conditions().stream().map(Condition::describe).collect(Collectors.joining(", "));
        return who + conditions + "; " + s.arms().stream().map(TrialSpec.Arm::label).collect(Collectors.joining(" vs "))
                + "; " + TrialReport.fmt(s.years()) + (s.years() == 1 ? " year" : " years");
    }

    /** Every trial file: key (a link to it), title, design in one line, outcomes. */
    static String list(Map<String, Entry> trials) {
        StringBuilder b = new StringBuilder("<h2>The trials shipped (").append(trials.size())
                .append(" files of <code>").append(TrialFiles.FOLDER).append("</code>)</h2>\n");
        b.append("<div class=\"wide\"" + Html.SCROLLS + "><table class=\"trials\"><tr><th scope=\"col\" class=\"text\">trial</th><th scope=\"col\" class=\"text\">what and "
                + "design, as run</th><th scope=\"col\" class=\"text\">outcomes (published effect [95&nbsp;% CI])</th></tr>\n");
        for (Entry e : trials.values()) {
            b.append("<tr><td class=\"text\"><a href=\"/trials?trial=").append(Html.esc(e.key())).append("\">")
                    .append(Html.esc(e.key())).append("</a></td>");
            if (e.spec().isEmpty()) {
                b.append("<td class=\"text\" colspan=\"2\"><b>does not load</b>: ").append(Html.esc(e.problems().stream()
                        .map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")))).append("</td></tr>\n");
                continue;
            }
            TrialSpec s = e.spec().get();
            b.append("<td class=\"text\"><b>").append(Html.esc(micro(s.title()))).append("</b> <span class=\"src\">[")
                    .append(Html.esc(s.citation())).append("]</span><br><span class=\"fine\">")
                    .append(Html.esc(oneLine(s))).append("</span></td><td class=\"text\">");
            List<String> outcomes = new ArrayList<>();
            for (TrialSpec.Outcome o : s.outcomes()) {
                TrialSpec.Published p = o.published();
                outcomes.add(Html.esc(o.name()) + " <span class=\"fine\">(" + Html.esc(o.arm() + " vs " + s.control().label()
                        + ", " + o.measure().unit(o.unit())) + (p.value().isPresent() ? ": " + Html.esc(TrialReport.num(
                        p.value().getAsDouble())) + (p.hasInterval() ? " [" + Html.esc(TrialReport.num(p.low().getAsDouble()))
                        + ", " + Html.esc(TrialReport.num(p.high().getAsDouble())) + "]" : "") : "") + ")</span>");
            }
            b.append(String.join("<br>", outcomes)).append("</td></tr>\n");
        }
        return b.append("</table></div>\n").toString();
    }

    private static String intro() {
        return "<p>Published randomised trials of calcium, vitamin K, vitamin D, statins, phosphate binders and anticoagulants "
                + "(and two observational comparisons from MESA, anderson2016 and anderson2016diet), each "
                + "re-run by the model as its file in <code>" + TrialFiles.FOLDER + "</code> states it: the trial's "
                + "inclusion criteria on a virtual population, its arms and doses, its duration and outcomes, the "
                + "<b>same virtual members in every arm</b>. Each outcome puts the model's effect and its Monte-Carlo "
                + "interval beside the published effect and its 95&nbsp;% confidence interval. The runs are "
                + "<code>./vascalc trial</code>'s, and nothing is tuned to the published results "
                + "(<a href=\"/docs/trials.md\">docs/trials.md</a>, the file format in "
                + "<a href=\"/docs/trial-format.md\">docs/trial-format.md</a>).</p>\n";
    }

    /**
     * Each field's label, top to bottom as the form shows them: the problems are listed in this order and named by
     * these labels ({@link FormFields}).
     */
    static final Map<String, String> LABELS = FormFields.labels("trial", "Trial", "size", "Members per arm", "seed", "Seed",
            "check", "Reference-checked members");

    private static String form(FormValues f, Request req, Map<String, Entry> trials, FormFields fields) {
        List<FormFields.Option> options = new ArrayList<>();
        if (req.trial() == null) {
            options.add(new FormFields.Option("", "choose a trial"));
        }
        for (Entry e : trials.values()) {
            String text = e.key() + e.spec().map(s -> ": " + micro(s.title())).orElse(" (does not load)");
            options.add(new FormFields.Option(e.key(), text.length() > 90 ? text.substring(0, 89) + "…" : text));
        }
        StringBuilder b = new StringBuilder("<form class=\"inputs\" method=\"get\" action=\"/trials\">");
        b.append(fields.select("trial", options, req.trial() == null ? "" : req.trial()));
        String limits = req.trial() != null ? FormFields.range(size(req.trial())) + " for " + req.trial()
                : "2 to the trial's limit, " + TrialCosts.smallest() + " to " + largestLimit(trials.keySet());
        b.append(fields.number("size", limits + " (the command line takes up to " + TrialRunner.MAX_SIZE + ")",
                f.shown("size", Integer.toString(DEFAULT_SIZE))));
        b.append(fields.number("seed", FormFields.hint(SEED) + "; same seed, same members", f.shown("seed", "1")));
        b.append(fields.number("check", FormFields.range(CHECK) + "; empty: none; " + (req.trial() != null
                && trials.get(req.trial()).spec().isPresent() ? checkCost(trials.get(req.trial()).spec().get(), 1)
                + " a member for " + req.trial() : "about "
                + AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR + " s of CPU a member-year, "
                + AgreementCheck.REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR + " s for a CRIC-like one"),
                f.shown("check", "")));
        b.append("<button type=\"submit\">Run</button></form>\n");
        b.append("<p class=\"fine\">A trial of ").append(DEFAULT_SIZE).append(" members per arm takes a few seconds to "
                + "half a minute (the time grows with the size, the trial's years and arms, and a screening scan where "
                + "the inclusion reads the baseline CT score); the published table uses 200. The page runs each trial up to "
                + "about a minute's worth of members per arm, from its measured cost per member ("
                + (req.trial() != null ? limitText(req.trial()) : "from " + TrialCosts.smallest() + " for the costliest "
                        + "trial to " + largestLimit(trials.keySet()) + " for the cheapest") + "); larger runs belong to the command "
                + "line. The page shows how far a run has got; closing it stops the run. Reference-checked members (none by "
                + "default; the command line's <code>--check-agreement</code>, up to "
                + AgreementCheck.MAX_MEMBERS + " there) are run again after the trial in "
                + "reference mode in every arm, to measure fast mode's error on them: "
                + AgreementCheck.REFERENCE_CPU_COST + ".</p>\n");
        return b.toString();
    }

    /** "care2 runs up to 1000 members per arm on this page (about a minute here)". */
    static String limitText(String key) {
        return (key == null ? "a trial" : key) + " runs up to " + TrialCosts.limit(key) + " members per arm on this page "
                + "(about a minute here)";
    }

    private static int largestLimit(java.util.Collection<String> keys) {
        return keys.stream().mapToInt(TrialCosts::limit).max().orElse(TrialCosts.smallest());
    }

    /** The files' and the library's ASCII "ug" (kept for consoles) as "µg", as a page shows it ("720 ug", "ug/d"). */
    static String micro(String text) {
        return text.replaceAll("(?<=[0-9] )ug\\b", "µg").replace(" ug/d", " µg/d");
    }

    static String command(String key, long size, long seed) {
        return "./vascalc trial " + key + " --size " + size + " --seed " + seed;
    }
}
