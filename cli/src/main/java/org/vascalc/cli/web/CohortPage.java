package org.vascalc.cli.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.vascalc.cli.Plural;
import org.vascalc.cli.report.TrialChart;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.cohort.CohortAgreementCheck;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.CohortSummary;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.StartWarnings;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.trial.AgreementCheck;

/**
 * A small virtual cohort or in-silico trial in the browser: the page form of
 * {@code ./vascalc cohort} (same populations, arms and summaries), kept small enough to answer
 * within a request. Larger runs, CSVs and the database belong to the command line, whose exact
 * command the page prints. No model logic here.
 */
final class CohortPage {

    static final ValidRange SIZE = ValidRange.of("members", "people", 1, 200);
    static final ValidRange YEARS = ValidRange.of("follow-up", "years", 0.5, 10);
    static final ValidRange SEED = ValidRange.of("seed", "", 0, org.vascalc.cli.CliFiles.MAX_SEED);
    /** Member-runs one request may ask for (members × arms): about 15 s on two cores. */
    static final int MAX_RUNS = 400;
    static final List<String> POPULATIONS = java.util.Arrays.stream(Population.values()).map(Population::label).toList();

    /**
     * Members rerun in reference mode in every arm after the cohort ({@code cohort --check-agreement N},
     * {@link CohortAgreementCheck}): the limits and words of {@code /trials}' check, 1 to 10 here where the command
     * line takes up to {@link AgreementCheck#MAX_MEMBERS}; empty (no check) by default, since each member costs a
     * reference run per arm, seconds of CPU per member-year
     * ({@link AgreementCheck#REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR}).
     */
    static final ValidRange CHECK = TrialsPage.CHECK;

    /**
     * Seconds a fast-mode member-run takes here, the middle of the form's "0.05-0.15 s": only to share the progress
     * bar between the cohort and the check's reference runs in proportion to their cost.
     */
    private static final double FAST_SECONDS_PER_RUN = 0.1;

    /** The arms a request may name, as the command line's --arm takes them. */
    private static final String ARM_LABELS = String.join(", ", java.util.Arrays.stream(TrialArm.values())
            .map(TrialArm::label).toList());

    /** Every parameter the form sends (anything else is a 400). */
    static final List<String> PARAMETERS = List.of("population", "size", "years", "seed", "arm", "check");

    private final SimulatorFactory factory;

    CohortPage(SimulatorFactory factory) {
        this.factory = factory;
    }

    /** What a submitted form asks for, or the problems that stop it; {@code check} the members to check, 0 for none. */
    record Request(String population, int size, double years, long seed, List<TrialArm> arms, int check,
                   InputProblems problems) {
    }

    static Request read(FormValues f) {
        InputProblems p = new InputProblems();
        String population = f.choice("population", "population", POPULATIONS, "mesa", p);
        double size = f.filledWholeNumber("size", SIZE, 40, " of people", p);
        double years = f.filledNumber("years", YEARS, 5, p);
        double seed = f.filledWholeNumber("seed", SEED, 1, "", p);
        double check = f.wholeNumber("check", CHECK, 0, " of members", p); // empty: no check
        List<TrialArm> arms = new ArrayList<>();
        java.util.Set<TrialArm> repeated = java.util.EnumSet.noneOf(TrialArm.class);
        for (String label : f.all("arm")) {
            try {
                TrialArm a = TrialArm.parse(label);
                if (!arms.contains(a)) {
                    arms.add(a);
                } else if (repeated.add(a)) {
                    // "?arm=none&arm=none" ran one arm silently (review20): a slip, named as the command line names
                    // "--arm none,none"; the form's boxes cannot send it, a typed or edited address can
                    p.error("arm", "arm = '" + a.label() + "' is given more than once; give each arm once, of "
                            + ARM_LABELS + " (the first is the control)");
                }
            } catch (IllegalArgumentException e) {
                p.error("arm", e.getMessage());
            }
        }
        if (arms.isEmpty() && f.all("arm").isEmpty()) {
            if (f.text("population") != null) {
                // the form always sends its population: every box was unticked. It used to run none and mk7
                // unasked, under a form that then showed those two ticked again.
                // not the command's default (none alone, review14): the reader unticked none, and a page that ran
                // it anyway would run an arm the form shows unticked; the message says how to get the command's
                p.error("arm", "no arm is ticked; tick one or more (the first ticked is the control; none alone is "
                        + "what ./vascalc cohort runs without --arm)");
            } else { // a hand-typed address such as /cohort?size=20
                arms.addAll(List.of(TrialArm.NONE, TrialArm.MK7));
            }
        }
        if (Double.isFinite(size) && !arms.isEmpty() && size * arms.size() > MAX_RUNS) {
            p.error("size", String.format(Locale.ROOT, "%d members in %d arms are %d runs; the page runs at most %d "
                    + "(fewer members or arms, or the command line for larger cohorts)", (long) size, arms.size(),
                    (long) size * arms.size(), MAX_RUNS));
        }
        return new Request(population, (int) (Double.isFinite(size) ? size : 0), years,
                (long) (Double.isFinite(seed) ? seed : 0), List.copyOf(arms), (int) (Double.isFinite(check) ? check : 0), p);
    }

    /** The page: the form, and when it was submitted without errors, the cohort's summaries and comparison. */
    Answer html(FormValues f) {
        Request req = f.submitted() ? read(f) : null;
        StringBuilder b = new StringBuilder();
        b.append("<p>Draws virtual people from a population (MESA-like community adults, CRIC-like chronic kidney "
                + "disease, or any plausible adult), follows each through the whole model, and with two or more arms "
                + "runs <b>the same people in every arm</b>, so each arm is compared with the first member by member. "
                + "The chart shows what a scan cannot: whether an arm acted on plaque (intimal) or medial calcium.</p>\n");
        FormFields fields = FormFields.of(LABELS, req == null ? List.of() : req.problems().all());
        FormProblems problems = fields.problems();
        b.append(form(f, req, fields));
        String title = "Virtual cohort and in-silico trial";
        if (req == null) {
            return new Response(200, Html.page(title, b.toString()));
        }
        b.append(problems.html());
        if (problems.hasErrors()) {
            return new Response(400, Html.page(title, problems, b.toString()));
        }
        int runs = req.size() * req.arms().size();
        int checked = Math.min(req.check(), req.size());
        return new StreamedPage(title, b.toString(), String.format(Locale.ROOT, "%d member%s in %d arm%s, %d member-run%s%s",
                req.size(), req.size() == 1 ? "" : "s", req.arms().size(), req.arms().size() == 1 ? "" : "s", runs,
                runs == 1 ? "" : "s", checked == 0 ? "" : String.format(Locale.ROOT, ", then %d of them in reference "
                        + "mode (%s)", checked, TrialsPage.checkCost(checked, req.arms().size(), req.years(),
                        Population.valueOf(req.population().toUpperCase(Locale.ROOT))))),
                progress -> results(req, progress));
    }

    /** One cohort at a time: each already uses every core (a second would only slow both). */
    private synchronized String results(Request req, StreamedPage.Progress progress) throws IOException {
        ParameterCatalog catalog = factory.defaultParameters();
        VirtualPopulation pop = new VirtualPopulation(req.seed(), catalog);
        Population population = Population.valueOf(req.population().toUpperCase(Locale.ROOT));
        List<VirtualPerson> members = LongStream.range(0, req.size()).mapToObj(i -> population.draw(pop, i)).toList();
        CohortRunner runner = CohortRunner.onAllCores(factory, catalog);
        long t0 = System.nanoTime();
        List<List<FollowUp>> byArm = new ArrayList<>();
        int arms = req.arms().size();
        // the members' own warnings (a run that does not start at the member's labs): one line per lab
        StartWarnings warned = new StartWarnings();
        List<Integer> checked = req.check() == 0 ? List.of()
                : AgreementCheck.choose(req.size(), Math.min(req.check(), req.size()), req.seed()); // the command's members
        // the bar's share of the cohort: its cost against the check's (a reference run costs tens of fast ones)
        double fastCost = req.size() * arms * FAST_SECONDS_PER_RUN;
        double share = fastCost / (fastCost + checked.size() * arms * req.years()
                * AgreementCheck.REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR);
        for (TrialArm arm : req.arms()) {
            int before = byArm.size();
            byArm.add(runner.run(members, p -> FollowUp.scenario(p, req.years(), arm), Mode.FAST, (p, r) -> {
                warned.add(p, r);
                return FollowUp.of(p, r);
            }, (done, n) -> progress.done(share * (before + (double) done / n) / arms)));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CohortAgreementCheck check = checked.isEmpty() ? null : CohortAgreementCheck.run(factory, catalog,
                Runtime.getRuntime().availableProcessors(), population, pop, req.arms(), req.years(), req.size(), checked,
                (member, arm) -> byArm.get(arm).get((int) member),
                // within each reference run too (review18: "11 % done" for a minute of a run)
                CohortProgress.withinRuns((done, n) -> progress.done(share + (1 - share) * done / n)));
        progress.drawing();
        StringBuilder b = new StringBuilder();
        b.append("<h2>").append(req.size()).append(' ').append(req.population().toUpperCase(Locale.ROOT))
                .append(req.size() == 1 ? "-like member, " : "-like members, ").append(fmt(req.years())).append(req.years() == 1 ? " year" : " years")
                .append("</h2>\n");
        b.append(Html.notes(warned.lines(req.size()))); // members whose runs do not start at their labs
        List<ArmComparison> comparisons = new ArrayList<>();
        for (int a = 1; a < req.arms().size(); a++) {
            comparisons.add(ArmComparison.of(req.arms().get(a), byArm.get(a), req.arms().get(0), byArm.get(0)));
        }
        if (!comparisons.isEmpty()) {
            b.append(story(comparisons));
            // "1 year", as the heading and the command's own chart say (review, fortieth session: "1 years")
            String subtitle = String.format(Locale.ROOT, "%s-like, %s, %s %s",
                    req.population(), Plural.count(req.size(), "member"), fmt(req.years()), req.years() == 1 ? "year" : "years");
            byte[] png = TrialChart.pngBytes(comparisons, subtitle);
            b.append("<figure>").append(Html.chart(png, "Chart: coronary calcium gained per year by arm, the CT score beside "
                    + "its intimal and medial parts; the same numbers are in the comparison tables below",
                    TrialChart.key(comparisons, subtitle))).append("</figure>\n");
            for (ArmComparison c : comparisons) {
                b.append(comparisonTable(c));
            }
        }
        for (int a = 0; a < req.arms().size(); a++) {
            TrialArm arm = req.arms().get(a);
            b.append("<h3>Arm ").append(Html.esc(arm.label())).append(": ").append(Html.esc(shown(arm)))
                    .append("</h3>\n<pre" + Html.SCROLLS + ">").append(Html.esc(String.join("\n", CohortSummary.of(byArm.get(a)).lines())))
                    .append("</pre>\n");
        }
        b.append("<p class=\"fine\">Fast mode, ").append(String.format(Locale.ROOT, "%.1f", seconds))
                .append(" s. Event rates are the model's hazards (their ratios are calibrated; the MI, stroke and heart "
                        + "failure levels are set so that a MESA-like cohort has MESA's counted incidence, and the split by "
                        + "CT score is the model's: <a href=\"/docs/model/wall.md\">docs/model/wall.md</a>, Status). The "
                        + "same cohort on the command line, with a "
                        + "CSV per arm and a database: <code>")
                .append(Html.esc(command(req))).append("</code></p>\n");
        if (check != null) {
            b.append(agreement(check, req.arms()));
        }
        return b.toString();
    }

    /**
     * The cohort's check of fast mode ({@code cohort --check-agreement N}): the command's own line (members checked,
     * time, the worst difference, where, and whether it is within fast mode's 1 %), and per arm its worst.
     */
    static String agreement(CohortAgreementCheck c, List<TrialArm> arms) {
        StringBuilder b = new StringBuilder("<h3 id=\"agreement\">Fast mode against reference mode</h3>\n<p>");
        b.append(c.exceedsLimit() ? "<b>" : "").append(Html.esc(c.line())).append(c.exceedsLimit() ? "</b>" : "")
                .append(".</p>\n");
        String[] header = {"arm", "worst difference", "where", "within 1 %?"};
        List<String[]> rows = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            double w = c.worstByArm().get(a);
            rows.add(new String[] {arms.get(a).label(), String.format(Locale.ROOT, "%.2e", w), c.whereByArm().get(a),
                    w <= AgreementCheck.LIMIT ? "yes" : "NO"});
        }
        b.append(Html.table(header, rows));
        b.append("<p class=\"fine\">The cohort runs fast mode; these members were run again in reference mode in every "
                + "arm, and each follow-up value (the CSV's columns after the drawn covariates) compared: "
                + "|fast − reference| / max(|reference|, 10<sup>−6</sup>). Fast mode is held to agree within 1&nbsp;% "
                + "(issue 2) and misses it in some regimens (<a href=\"/docs/performance.md\">docs/performance.md</a>). "
                + "The members are chosen by the seed, as the command line's <code>--check-agreement</code> chooses "
                + "them.</p>\n");
        return b.toString();
    }

    /**
     * One sentence per compared arm, computed from the comparison (never canned), e.g. "<b>mk7</b>
     * against none: the yearly gain in the CT score falls by 0.2 %; in plaque (intimal) calcium it
     * falls by 0.2 %; in medial calcium it falls by 9.0 %."
     */
    static String story(List<ArmComparison> comparisons) {
        StringBuilder b = new StringBuilder("<p>");
        for (ArmComparison c : comparisons) {
            String control = Html.esc(c.control().label());
            b.append(String.format(Locale.ROOT, "<b>%s</b> against %s: the yearly gain in the CT score %s; in plaque "
                            + "(intimal) calcium it %s; in medial calcium it %s. ", Html.esc(c.arm().label()), control,
                    change(c, "CT score change", control), change(c, "intimal calcium change", control),
                    change(c, "medial calcium change", control)));
        }
        return b.append("</p>\n").toString();
    }

    /** The verb phrase for one outcome's yearly gain, arm against control: "falls by 9.0 %", "is unchanged", ... */
    private static String change(ArmComparison c, String outcome, String control) {
        ArmComparison.Outcome o = c.outcomes().stream().filter(x -> x.name().equals(outcome)).findFirst().orElseThrow();
        if (!(Math.abs(o.control()) > 1e-12)) {
            return Math.abs(o.arm()) > 1e-12
                    ? "is zero under " + control + " (no relative change to give)"
                    : "is zero in both arms";
        }
        double pct = 100 * o.diff() / Math.abs(o.control());
        if (Math.abs(pct) < 0.05) {
            return "is unchanged";
        }
        boolean clear = o.lo() > 0 || o.hi() < 0;
        return String.format(Locale.ROOT, "%s by %.1f&nbsp;%%%s", pct >= 0 ? "rises" : "falls", Math.abs(pct),
                clear ? "" : " (the 95&nbsp;% interval includes no change)");
    }

    static String comparisonTable(ArmComparison c) {
        String[] header = {"outcome", "unit", c.control().label(), c.arm().label(), "difference", "95 % interval"};
        List<String[]> rows = new ArrayList<>();
        for (ArmComparison.Outcome o : c.outcomes()) {
            rows.add(new String[] {o.name(), o.unit(), sig(o.control()), sig(o.arm()), sig(o.diff()),
                    "[" + sig(o.lo()) + ", " + sig(o.hi()) + "]"});
        }
        return "<h3>" + Html.esc(c.arm().label()) + " vs " + Html.esc(c.control().label())
                + " (paired, same members)</h3>\n" + Html.table(header, rows);
    }

    static String command(Request req) {
        return "./vascalc cohort --population " + req.population() + " --size " + req.size() + " --years "
                + fmt(req.years()) + " --seed " + req.seed() + " --arm "
                + String.join(",", req.arms().stream().map(TrialArm::label).toList())
                + (req.check() == 0 ? "" : " --check-agreement " + req.check());
    }

    /**
     * Each field's label, top to bottom as the form shows them: the problems are listed in this order and named by
     * these labels ({@link FormFields}).
     */
    static final Map<String, String> LABELS = FormFields.labels("population", "Population", "size", "Members",
            "years", "Follow-up", "seed", "Seed", "arm", "Arms", "check", "Reference-checked members");

    private static String form(FormValues f, Request req, FormFields fields) {
        String population = req == null ? "mesa" : req.population();
        List<TrialArm> chosen = req == null ? List.of(TrialArm.NONE, TrialArm.MK7) : req.arms();
        FormProblems problems = fields.problems();
        StringBuilder b = new StringBuilder("<form class=\"inputs\" method=\"get\" action=\"/cohort\">");
        b.append(fields.select("population", POPULATIONS.stream().map(p -> new FormFields.Option(p, switch (p) {
            case "mesa" -> "MESA-like community adults";
            case "cric" -> "CRIC-like chronic kidney disease";
            default -> "plausible adults (wide ranges)";
        })).toList(), population));
        // review9: the hints are read from the ranges the checks use (the seed's range was not shown)
        b.append(fields.number("size", FormFields.hint(SIZE), f.shownFilled("size", "40")));
        b.append(fields.number("years", FormFields.hint(YEARS), f.shownFilled("years", "5")));
        b.append(fields.number("seed", FormFields.hint(SEED) + "; same seed, same people", f.shownFilled("seed", "1")));
        b.append("<fieldset><legend>").append(fields.label("arm")).append(" (the first ticked is the control)</legend>");
        for (TrialArm a : TrialArm.values()) {
            // the arms' errors on the first box: one group, one description
            b.append("<label class=\"check\"><input").append(a.ordinal() == 0 ? problems.on("arm") : "")
                    .append(" type=\"checkbox\" name=\"arm\" value=\"").append(Html.esc(a.label()))
                    .append('"').append(chosen.contains(a) ? " checked" : "").append('>').append(Html.esc(a.label()))
                    .append(" <span class=\"unit\">").append(Html.esc(shown(a))).append("</span></label>");
        }
        b.append(problems.under("arm")).append("</fieldset>");
        // the cost of one checked member for the years and arms asked (the form's defaults before a submission)
        int nArms = Math.max(1, chosen.size());
        double years = req != null && Double.isFinite(req.years()) ? req.years() : 5;
        b.append(fields.number("check", FormFields.range(CHECK) + "; empty: none; " + TrialsPage.checkCost(1, nArms, years,
                POPULATIONS.contains(population) ? Population.valueOf(population.toUpperCase(Locale.ROOT)) : Population.MESA)
                + " a member for " + Plural.count(nArms, "arm") + " of " + fmt(years) + (years == 1 ? " year" : " years"),
                f.shown("check", "")));
        b.append("<button type=\"submit\">Run</button></form>\n");
        b.append("<p class=\"fine\">Each member-run takes about 0.05–0.15 s (fast mode, years of daily doses); the page "
                + "runs at most ").append(MAX_RUNS).append(" (members × arms) and shows how far it has got while it runs. "
                + "Reference-checked members (none by default; the command line's <code>--check-agreement</code>, "
                + "up to " + AgreementCheck.MAX_MEMBERS + " there) are run again after the cohort in reference mode in "
                + "every arm, to measure fast mode's error on them: " + AgreementCheck.REFERENCE_CPU_COST + ".</p>\n");
        return b.toString();
    }

    /** An arm's description as a page shows it: the library's ASCII "ug" (kept for consoles) as "µg". */
    static String shown(TrialArm arm) {
        return arm.description().replace(" ug ", " µg ");
    }

    /** Four significant digits in plain decimals, as the command's table (PlainNumber: no "-1.752e-05", review20). */
    private static String sig(double v) {
        return Double.isFinite(v) ? org.vascalc.core.units.PlainNumber.of(v, 4) : "—";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
