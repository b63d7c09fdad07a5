package org.vascalc.simulation.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vascalc.simulation.cohort.StartWarnings;
import java.util.OptionalDouble;
import org.vascalc.core.condition.Condition;

/**
 * The trials' table: trial, outcome, the published effect and its 95 % interval, the model's
 * effect and its Monte-Carlo interval, where the model's estimate lies against the published
 * interval, and a short reading. The reading is made from the numbers (never tuned, never edited
 * by hand), so that the table says the same as the run.
 */
public final class TrialReport {

    private TrialReport() {
    }

    /** Lines for a terminal. */
    public static List<String> lines(TrialResult r) {
        List<String> out = new ArrayList<>();
        TrialSpec s = r.spec();
        out.add(String.format(Locale.ROOT, "trial      %s: %s [%s]", s.key(), s.title(), s.citation()));
        out.add(String.format(Locale.ROOT, "run        %d %s-like members per arm (accepted among the first %d candidates), seed %d, "
                        + "%s %s%s, arms %s (%.1f s)", r.members(), s.population().label(), r.screened(), r.seed(),
                fmt(s.years()), s.years() == 1 ? "year" : "years", s.vintage().isNone() ? "" : " after " + s.vintage().describe() + " on the conditions",
                String.join(" vs ", s.arms().stream().map(TrialSpec.Arm::label).toList()), r.seconds()));
        r.parameterUncertainty().ifPresent(u -> out.add(String.format(Locale.ROOT,
                "parameters %d sets (seed %d) of %d drawn parameters, the same members in each%s: %s", u.sets(),
                u.seed(), u.drawn().size(), u.failed() > 0 ? ", " + u.failed() + " failed (" + u.firstFailure() + ")" : "",
                String.join(", ", u.drawn().stream().map(ParameterDraws.Drawn::name).toList()))));
        if (!s.baselineLabs().isNone()) {
            out.add("labs       drawn per member from the trial's baseline: " + s.baselineLabs().describe());
        }
        if (!r.labsLeftOut().isEmpty()) {
            out.add("labs       " + r.labsLeftOut());
        }
        r.startWarnings().forEach(w -> out.add((StartWarnings.labLine(w) ? "labs       "
                : StartWarnings.noteLine(w) ? "note       " : "warning    ") + w));
        for (TrialResult.OutcomeResult o : r.outcomes()) {
            out.add(String.format(Locale.ROOT, "  %s, %s vs %s (%s)", o.outcome().name(), o.outcome().arm(),
                    s.control().label(), o.unit()));
            out.add(String.format(Locale.ROOT, "      published %-24s model %-24s %s", published(o), model(o),
                    o.verdict().words()));
            if (r.parameterUncertainty().isPresent()) {
                out.add(String.format(Locale.ROOT, "      parameter sets: median %s, %s", spread(o),
                        spreadReading(o)));
            }
            out.add("      reading   " + reading(o));
        }
        r.agreement().ifPresent(c -> {
            out.add("agreement  " + agreementLine(r, c));
            c.effects().forEach(e -> out.add("  " + effectLine(e)));
        });
        return out;
    }

    /**
     * "fast vs reference mode on 5 of the 200 members (positions 3, 57, ...), every arm: worst member value
     * 3.21e-03 (...): within fast mode's 1 % agreement": the check's verdict on the member values.
     */
    public static String agreementLine(TrialResult r, AgreementCheck c) {
        String who = String.format(Locale.ROOT, "fast vs reference mode on %d of the %d members (%s %s, chosen by the "
                        + "seed), every arm, %.1f s", c.members().size(), r.members(),
                c.members().size() == 1 ? "member" : "members",
                String.join(", ", c.members().stream().map(String::valueOf).toList()), c.seconds());
        if (!c.ran()) {
            return who + ": the reference runs could not be made (" + c.failure() + "); fast mode's error is not measured";
        }
        return who + String.format(Locale.ROOT, ": worst member value differs by %.2e (%s): %s", c.worst(), c.worstAt(),
                c.exceedsLimit() ? "MORE than fast mode's 1 % agreement with reference mode (issue 2)"
                        : "within fast mode's 1 % agreement with reference mode");
    }

    /**
     * "cfPWV, mk7 vs placebo (m/s), on those members: fast 0.1234, reference 0.1240, difference 6.0e-04 = 0.5 % of
     * the MC half-width 0.130": one outcome's effect in both modes against its Monte-Carlo interval.
     */
    public static String effectLine(AgreementCheck.Effect e) {
        String head = e.outcome() + ", " + e.arm() + " (" + e.unit() + "), effect on those members: ";
        if (!Double.isFinite(e.fast()) || !Double.isFinite(e.reference())) {
            return head + "not computable on so few members (fast " + precise(e.fast()) + ", reference "
                    + precise(e.reference()) + ")";
        }
        String against = Double.isFinite(e.ofHalfWidth()) ? String.format(Locale.ROOT, " = %.1f %% of the MC half-width %s",
                100 * e.ofHalfWidth(), num(e.halfWidth())) : " (the MC interval has no width to compare with)";
        return head + String.format(Locale.ROOT, "fast %s, reference %s, difference %s", precise(e.fast()),
                precise(e.reference()), org.vascalc.core.units.PlainNumber.signed(e.difference(), 3)) + against;
    }

    /** Four significant figures: an effect in both modes, where three would print the same number twice. */
    static String precise(double v) {
        return Double.isFinite(v) ? org.vascalc.core.units.PlainNumber.of(v, 4) : "n/a";
    }

    /** "1.21 [1.05, 1.60] (20 sets)": median and 2.5-97.5 % across parameter sets. */
    static String spread(TrialResult.OutcomeResult o) {
        TrialResult.Spread sp = o.spread();
        if (sp.used() == 0) {
            return "n/a";
        }
        return num(sp.median()) + " [" + num(sp.low()) + ", " + num(sp.high()) + "] (" + sp.used() + " sets)";
    }

    /** Whether the spread across parameter sets stays on one side of no effect, and its width against the MC interval. */
    static String spreadReading(TrialResult.OutcomeResult o) {
        TrialResult.Spread sp = o.spread();
        if (sp.used() == 0) {
            return "no set gave an effect";
        }
        double nul = o.outcome().measure().nullValue();
        String side = sp.low() > nul ? "range above no effect"
                : sp.high() < nul ? "range below no effect" : "range includes no effect";
        double mc = o.high() - o.low();
        double par = sp.high() - sp.low();
        String width = Double.isFinite(mc) && mc > 0 ? String.format(Locale.ROOT, "%s times the width of the MC interval",
                num(par / mc)) : "the MC interval has no width";
        return side + ", " + width + drivers(o);
    }

    /** "; goes most with x (rank correlation +0.85), y (-0.40)": the three strongest, or nothing. */
    static String drivers(TrialResult.OutcomeResult o) {
        List<TrialResult.Driver> d = o.spread().drivers();
        if (d.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, d.size()); i++) {
            parts.add(String.format(Locale.ROOT, "%s (%+.2f)", d.get(i).parameter(), d.get(i).rankCorrelation()));
        }
        return "; goes most with " + String.join(", ", parts) + " (rank correlation across the sets)";
    }

    /** The Markdown report of the published trials, docs/trials.md; {@code provenance} is quoted under the title. */
    public static String markdown(List<TrialResult> results, String provenance) {
        StringBuilder b = new StringBuilder();
        b.append("# Published trials run in silico\n\n");
        b.append("Generated by `./vascalc trial --all --write docs/trials.md`; do not edit by hand.\n\n");
        b.append("Each row is a published randomised trial (or, where its design says so, an observational comparison,\n"
                + "mirrored as a comparison of the same virtual members) re-run by the model: the same inclusion\n"
                + "criteria (mapped onto the virtual populations of docs/cohorts.md), the same arms and doses, the same\n"
                + "duration and outcome. The same virtual members run in every arm (so each comparison is within\n"
                + "person), and the model's interval is Monte-Carlo only: the 2.5-97.5 % range of a bootstrap over\n"
                + "members (2000 resamples), i.e. how far the estimate would move with another virtual sample of this\n"
                + "size. It is not a statement of the model's structural uncertainty. *Inside* means the model's point\n"
                + "estimate lies in the published 95 % confidence interval. None of these numbers was used to fit any\n"
                + "parameter; where the model misses, the row says so and it is not tuned.\n\n");
        b.append("A haemodialysis trial's members are drawn from the CRIC-like population (eGFR 20-70), whose labs are\n"
                + "those of CKD 3-4; a trial file may state its members' mineral labs instead (`baselineLabs`, mean and SD\n"
                + "of calcium, phosphate and PTH, drawn per member; docs/trial-format.md). The seven haemodialysis trials\n"
                + "do, with the labs of a DOPPS cohort as an assumption (their own baseline tables were not read here).\n"
                + "Candidates the model cannot start at their drawn labs on the trial's conditions are not enrolled; each\n"
                + "such trial says how many (\"Labs the model cannot start at\").\n\n");
        b.append("Every run here is in fast mode, which is held to agree with reference mode within 1 % on every slow\n"
                + "output and does on the tested regimens. In the one regimen class where its averaging over the dosing\n"
                + "day was measured to miss often (a calcium-based phosphate binder on dialysis, 1500 mg calcium a day\n"
                + "or more from binders and supplements, or 700 mg a day or more below eGFR 30 or on dialysis) it\n"
                + "integrates every dose directly from that regimen's start instead (each such trial's \"Fast mode\"\n"
                + "line); of 48 years outside that line in two grids measured out of sample, 6 miss, by up to 1.35 %,\n"
                + "and no simple rule on the scenario predicted which (docs/performance.md, \"Where fast mode agrees\").\n"
                + "`--check-agreement N` reruns N members of each trial in\n"
                + "reference mode and prints the worst member difference and each effect on those members in both modes\n"
                + "against the effect's Monte-Carlo interval; what it measured on these trials is in\n"
                + "docs/performance-log.md (fifty-fifth session, audit).\n\n");
        return rows(b, results, provenance);
    }

    /**
     * The Markdown report of the trials a command named ({@code command}: how it was made, e.g.
     * {@code ./vascalc trial my-trial.yaml --size 50 --write out/my-trial.md}): not docs/trials.md, whose heading
     * says it holds the published trials and how that page is made (review11: a trial designer's own trial file,
     * written with {@code --write}, came out titled "Published trials", "generated by trial --all ... docs/trials.md",
     * with the published set's paragraph on its seven haemodialysis trials).
     */
    public static String markdown(List<TrialResult> results, String provenance, String command) {
        StringBuilder b = new StringBuilder();
        b.append("# Trials run in silico\n\n");
        b.append("Made by `").append(command.strip()).append("`.\n\n");
        b.append("Each row is a trial file's outcome run by the model: its inclusion criteria (mapped onto the virtual\n"
                + "populations of docs/cohorts.md), arms, doses, duration and outcome (docs/trial-format.md). The same\n"
                + "virtual members run in every arm (so each comparison is within person), and the model's interval is\n"
                + "Monte-Carlo only: the 2.5-97.5 % range of a bootstrap over members (2000 resamples), i.e. how far the\n"
                + "estimate would move with another virtual sample of this size. It is not a statement of the model's\n"
                + "structural uncertainty. *Inside* means the model's point estimate lies in the published 95 % confidence\n"
                + "interval; a row without a published interval (a trial not published, or a source that gives none) is\n"
                + "not tested. The published trials, each beside its published result, are in docs/trials.md.\n\n");
        return rows(b, results, provenance);
    }

    /** The provenance, the table and each trial's section: the same in either report. */
    private static String rows(StringBuilder b, List<TrialResult> results, String provenance) {
        boolean sets = results.stream().anyMatch(r -> r.parameterUncertainty().isPresent());
        if (sets) {
            b.append(PARAMETER_SETS_TEXT);
        }
        b.append("```\n").append(provenance.strip()).append("\n```\n\n");
        b.append("| trial | outcome | published [95 % CI] | model [MC 95 %] |")
                .append(sets ? " model across parameter sets, median [2.5-97.5 %] |" : "")
                .append(" model inside? | reading |\n");
        b.append("| --- | --- | --- | --- |").append(sets ? " --- |" : "").append(" --- | --- |\n");
        for (TrialResult r : results) {
            for (TrialResult.OutcomeResult o : r.outcomes()) {
                b.append("| ").append(r.spec().key()).append(" [").append(r.spec().citation()).append("]")
                        .append(" | ").append(o.outcome().name()).append(", ").append(o.outcome().arm()).append(" vs ")
                        .append(r.spec().control().label()).append(" (").append(o.unit()).append(")")
                        .append(" | ").append(published(o))
                        .append(" | ").append(model(o))
                        .append(sets ? " | " + (r.parameterUncertainty().isPresent() ? spread(o) : "not run") : "")
                        .append(" | ").append(o.verdict().words())
                        .append(" | ").append(reading(o)).append(" |\n");
            }
        }
        b.append("\n").append(summary(results)).append("\n");
        b.append("\n## The trials\n");
        for (TrialResult r : results) {
            TrialSpec s = r.spec();
            b.append("\n### ").append(s.key()).append(": ").append(s.title()).append("\n\n");
            b.append("- **").append(s.designHeading()).append("** [").append(s.citation()).append("]: ").append(s.design().strip()).append("\n");
            b.append("- **As run**: ").append(r.members()).append(" ").append(s.population().label())
                    .append("-like members per arm (the first ").append(r.members()).append(" that the inclusion accepted among the first ")
                    .append(r.screened()).append(" candidates: ").append(inclusion(s.inclusion())).append(")")
                    .append(s.conditions().isEmpty() ? "" : ", " + s.conditions().stream().map(Condition::describe)
                            .collect(java.util.stream.Collectors.joining("; ")))
                    .append(s.vintage().isNone() ? "" : "; " + s.vintage().describe()
                            + " on them before randomisation (the baseline is read there)")
                    .append(s.baselineLabs().isNone() ? "" : "; labs drawn per member from the trial's baseline "
                            + "(baselineLabs): " + s.baselineLabs().describe())
                    .append(", ").append(fmt(s.years())).append(s.years() == 1 ? " year, seed " : " years, seed ").append(r.seed()).append(".\n");
            for (TrialSpec.Arm a : s.arms()) {
                b.append("  - arm `").append(a.label()).append("`: ").append(a.description().strip()).append("\n");
            }
            b.append("- **Mapping and limits**: ").append(s.mapping().strip()).append("\n");
            if (!r.labsLeftOut().isEmpty()) {
                b.append("- **Labs the model cannot start at**: ").append(r.labsLeftOut()).append("\n");
            }
            r.startWarnings().forEach(w -> b.append(StartWarnings.labLine(w) ? "- **Start not at the labs**: "
                    : StartWarnings.noteLine(w) ? "- **Fast mode**: " : "- **Run warning**: ")
                    .append(w).append("\n"));
            r.parameterUncertainty().ifPresent(u -> {
                b.append("- **Parameter sets**: ").append(u.sets()).append(" sets drawn with seed ").append(u.seed())
                        .append(", every arm of each run over the same members");
                if (u.failed() > 0) {
                    b.append("; ").append(u.failed()).append(" failed and are left out (").append(u.firstFailure())
                            .append(")");
                }
                b.append(". Drawn (all others at the catalog value):\n");
                for (ParameterDraws.Drawn d : u.drawn()) {
                    b.append("  - `").append(d.name()).append("` (").append(d.evidence()).append("): ")
                            .append(d.describe()).append("\n");
                }
            });
            r.agreement().ifPresent(c -> {
                b.append("- **Fast vs reference mode** (`--check-agreement`): ").append(agreementLine(r, c)).append(".\n");
                c.effects().forEach(e -> b.append("  - ").append(effectLine(e)).append("\n"));
            });
            for (TrialResult.OutcomeResult o : r.outcomes()) {
                b.append("- **").append(o.outcome().name()).append("** (").append(o.outcome().measure().spelling())
                        .append(" of `").append(o.outcome().output()).append("`, ").append(o.used())
                        .append(" members used): published ").append(published(o)).append(" (")
                        .append(o.outcome().published().locator().strip()).append("); model ").append(model(o))
                        .append(levels(s, o))
                        .append(r.parameterUncertainty().isPresent() ? "; across parameter sets " + spread(o)
                                + drivers(o) : "")
                        .append(".\n");
            }
        }
        return b.toString();
    }

    /** What the column of parameter sets means (only in a report that has one). */
    static final String PARAMETER_SETS_TEXT = "*Across parameter sets* (`--parameter-draws N`): the trial was run again,\n"
            + "over the same members, with each of N parameter sets drawn from the distributions listed under each\n"
            + "trial (docs/trial-format.md, \"Parameter uncertainty\"); the column gives the median and the 2.5-97.5 %\n"
            + "range of the sets' point estimates. It shows how far the effect moves if the drawn numbers take\n"
            + "other values inside their plausible ranges, every other number fixed and nothing refitted. It is not a\n"
            + "confidence interval, not the model's whole structural uncertainty (no other model form is tried), and\n"
            + "for calibrated numbers not their fit uncertainty (the fits record none; the width is a stated\n"
            + "approximation).\n\n";

    /** ", arms on their own: placebo 18.0, statin 17.0 (%/y, geometric mean)", or nothing without levels. */
    static String levels(TrialSpec s, TrialResult.OutcomeResult o) {
        TrialResult.Levels l = o.levels();
        if (!Double.isFinite(l.control()) || !Double.isFinite(l.arm())) {
            return "";
        }
        return "; the arms on their own: " + s.control().label() + " " + num(l.control()) + ", " + o.outcome().arm()
                + " " + num(l.arm()) + " (" + l.unit() + ")";
    }

    /** One sentence: how many rows with a published interval have the model's estimate inside it. */
    static String summary(List<TrialResult> results) {
        int rows = 0;
        int tested = 0;
        int inside = 0;
        int sameSide = 0;
        for (TrialResult r : results) {
            for (TrialResult.OutcomeResult o : r.outcomes()) {
                rows++;
                if (o.verdict() == TrialResult.Verdict.INSIDE || o.verdict() == TrialResult.Verdict.BELOW
                        || o.verdict() == TrialResult.Verdict.ABOVE) {
                    tested++;
                    inside += o.verdict() == TrialResult.Verdict.INSIDE ? 1 : 0;
                    double nul = o.outcome().measure().nullValue();
                    double p = o.outcome().published().value().orElse(Double.NaN);
                    sameSide += Math.signum(o.estimate() - nul) == Math.signum(p - nul) ? 1 : 0;
                }
            }
        }
        return String.format(Locale.ROOT, "%d %s, %d outcome rows; %d rows have a published interval: the model's "
                + "estimate lies inside it in %d, outside in %d, and on the same side of no effect as the published "
                + "estimate in %d of the %d.", results.size(), results.size() == 1 ? "trial" : "trials", rows, tested,
                inside, tested - inside, sameSide, tested);
    }

    /** The reading of one row, from the numbers alone. */
    public static String reading(TrialResult.OutcomeResult o) {
        double nul = o.outcome().measure().nullValue();
        String modelSide = side(o.estimate(), o.low(), o.high(), nul);
        TrialSpec.Published p = o.outcome().published();
        String publishedSide = p.hasInterval() ? side(p.value().orElse(Double.NaN), p.low().getAsDouble(),
                p.high().getAsDouble(), nul) : p.value().isPresent() ? "reported " + direction(p.value().getAsDouble(), nul)
                + " without an interval" : p.inOtherForm() ? "published in a form this measure cannot hold: "
                + p.otherForm() : "no number verified";
        String spread = Double.isFinite(o.estimate()) && o.low() == o.high()
                ? "; every member gave the same effect (no between-person spread in this output), so the interval has no width"
                : "";
        return switch (o.verdict()) {
            case INSIDE -> "model inside the published interval; model " + modelSide + ", trial " + publishedSide + spread;
            case BELOW, ABOVE -> "model " + o.verdict().words() + " the published interval; model " + modelSide
                    + ", trial " + publishedSide + (o.intervalsOverlap() ? " (the intervals overlap)" : "") + spread
                    + (o.outcome().whyOutside().isEmpty() ? "" : "; why: " + o.outcome().whyOutside());
            case NO_INTERVAL -> "no published interval to test; model " + modelSide + ", trial " + publishedSide + spread;
            case NOT_COMPUTABLE -> "the model's effect could not be computed (too few eligible members)";
        };
    }

    /** "an increase (interval excludes no effect)" and the like. */
    private static String side(double v, double lo, double hi, double nul) {
        if (!Double.isFinite(v)) {
            return "no estimate";
        }
        boolean excludes = Double.isFinite(lo) && Double.isFinite(hi) && (lo > nul || hi < nul);
        return direction(v, nul) + (excludes ? " (interval excludes no effect)" : " (interval includes no effect)");
    }

    private static String direction(double v, double nul) {
        return v > nul ? "an increase" : v < nul ? "a decrease" : "no change";
    }

    /**
     * "7.00 [-3.00, 18.0]", "-257 [not reported]": the published effect and its 95 % interval as the table shows it;
     * "other form [see reading]" where the source published it only in a form the row cannot hold (the reading
     * quotes it), "n/a [not reported]" where it published none that was read.
     */
    public static String published(TrialResult.OutcomeResult o) {
        TrialSpec.Published p = o.outcome().published();
        if (p.value().isEmpty() && p.inOtherForm()) {
            return "other form [see reading]";
        }
        String v = p.value().isPresent() ? num(p.value().getAsDouble()) : "n/a";
        return p.hasInterval() ? v + " [" + num(p.low().getAsDouble()) + ", " + num(p.high().getAsDouble()) + "]"
                : v + " [not reported]";
    }

    /** "14.6 [11.1, 18.7]", "n/a": the model's effect and its Monte-Carlo interval as the table shows it. */
    public static String model(TrialResult.OutcomeResult o) {
        if (!Double.isFinite(o.estimate())) {
            return "n/a";
        }
        return num(o.estimate()) + (Double.isFinite(o.low()) ? " [" + num(o.low()) + ", " + num(o.high()) + "]" : " [n/a]");
    }

    /** "age 55-84 y, baseline CT score >= 1 AU, no statin at baseline", or "everyone". */
    public static String inclusion(TrialSpec.Inclusion inc) {
        List<String> parts = new ArrayList<>();
        inc.sex().ifPresent(s -> parts.add(s.name().toLowerCase(Locale.ROOT)));
        range(parts, "age", inc.ageYears(), "y");
        range(parts, "eGFR", inc.egfr(), "mL/min/1.73 m²");
        range(parts, "baseline CT score", inc.baselineCac(), "AU");
        if (inc.noStatin()) {
            parts.add("no statin at baseline");
        }
        inc.diabetes().ifPresent(d -> parts.add(d ? "with diabetes" : "without diabetes"));
        range(parts, "usual dietary vitamin K", inc.vitaminKIntakeUgPerDay(), "ug/d");
        range(parts, "baseline serum phosphate", inc.serumPhosphateMmolPerL(), "mmol/L");
        range(parts, "baseline PWV", inc.baselinePwvMPerS(), "m/s");
        return parts.isEmpty() ? "everyone" : String.join(", ", parts);
    }

    private static void range(List<String> parts, String name, TrialSpec.Range r, String unit) {
        OptionalDouble lo = r.low();
        OptionalDouble hi = r.high();
        if (lo.isPresent() && hi.isPresent()) {
            parts.add(name + " " + fmt(lo.getAsDouble()) + "-" + fmt(hi.getAsDouble()) + " " + unit);
        } else if (lo.isPresent()) {
            parts.add(name + " >= " + fmt(lo.getAsDouble()) + " " + unit);
        } else if (hi.isPresent()) {
            parts.add(name + " <= " + fmt(hi.getAsDouble()) + " " + unit);
        }
    }

    /**
     * A number as the report writes it: three significant figures or so, "0" for rounding noise, never in
     * E-notation (a placebo arm's change of 2.2e-05 %, docs/trials.md, is 0.000022; review20).
     */
    public static String num(double v) {
        if (Math.abs(v) < 1e-9) { // rounding noise of a difference of equal numbers
            return "0";
        }
        double a = Math.abs(v);
        return a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : a >= 0.1 ? String.format(Locale.ROOT, "%.2f", v) : org.vascalc.core.units.PlainNumber.of(v, 2);
    }

    /** A whole number without a decimal point, others as Java writes them (years: "2", "0.5"). */
    public static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
