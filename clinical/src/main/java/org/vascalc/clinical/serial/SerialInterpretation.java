package org.vascalc.clinical.serial;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Sex;

/**
 * Writes the plain-language reading of serial scans. Its central nuance (the project's seed note):
 * coronary calcium seen on CT may be plaque (intimal) or non-plaque (medial) calcium, CT cannot tell
 * them apart, plaque calcium is not known to regress, and so a falling score, above all on
 * vitamin K2, is most likely medial calcium or measurement variability rather than plaque regression.
 * Citation keys in square brackets resolve in {@code docs/references.bib}.
 */
final class SerialInterpretation {

    static final String HOKANSON = "Hokanson2004";
    static final String KRONMAL = "Kronmal2007";
    static final String PURI = "Puri2015";
    static final String LANZER = "Lanzer2021";
    static final String SHEA = "Shea2009";
    static final String VOSSEN = "Vossen2015";

    private SerialInterpretation() {
    }

    static SerialScanReport write(List<ScanInterval> intervals, ScanInterval overall, SerialContext context,
                                  ParameterCatalog parameters) {
        List<String> paragraphs = new ArrayList<>();
        Set<String> refs = new LinkedHashSet<>();
        double threshold = parameters.value("sqrtProgressionThreshold");
        paragraphs.add(summary(overall));
        if (intervals.size() > 1) {
            StringBuilder sb = new StringBuilder("Between consecutive scans:");
            for (ScanInterval i : intervals) {
                sb.append(String.format(Locale.ROOT, " %s to %s, %s AU (%s AU per year, %s);", i.from().date(),
                        i.to().date(), signed(i.absoluteChange()), signed(i.annualisedChange()), verdictWords(i)));
            }
            sb.setLength(sb.length() - 1);
            paragraphs.add(sb.append('.').toString());
        }
        paragraphs.add(variability(overall, threshold));
        refs.add(HOKANSON);
        if (overall.years() < 1) {
            paragraphs.add("The scans are only " + span(overall) + " apart. Over less than a year"
                    + " the real change is usually smaller than the difference between two scans of the same"
                    + " person, so an interval of two years or more is more informative; no yearly percentage is"
                    + " given, since annualising so short an interval would magnify the change.");
        }
        paragraphs.add(expected(overall, context.sex()));
        if (overall.from().agatston() > 0) {
            refs.add(KRONMAL);
        }
        boolean fell = overall.absoluteChange() < 0;
        if (fell) {
            paragraphs.add(fall(overall));
            refs.add(PURI);
            refs.add(LANZER);
            if (overall.verdict() == ScanInterval.Verdict.FALL_BEYOND_VARIABILITY) {
                paragraphs.add("A fall this large is more than repeat scans of the same person usually differ by."
                        + " Before reading anything into it, check that both scans used the same scanner type,"
                        + " tube voltage, slice thickness and 130 HU threshold, and that the same arteries were"
                        + " scored: differences in protocol change the score without any change in the artery.");
            }
        }
        if (context.onVitaminK2()) {
            paragraphs.add(vitaminK2(fell));
            refs.add(SHEA);
            refs.add(VOSSEN);
            refs.add(LANZER);
        }
        if (context.onStatin() && overall.absoluteChange() > 0) {
            // Puri 2015 abstract: median calcium index change +0.044 on high-intensity statins, +0.020 on
            // none, while percent atheroma volume fell 0.6 % on the former; it measured calcium extent by
            // intravascular ultrasound, not density (the former wording "denser" was not in that source).
            paragraphs.add("Statins make plaques smaller and more stable, and in doing so they add calcium to them:"
                    + " in serial intravascular ultrasound trials plaque calcium rose more than twice as much on"
                    + " high-intensity statins as without statins, even as the plaque shrank [" + PURI + "]. A rising"
                    + " score on a statin is therefore not by itself a sign that treatment is failing.");
            refs.add(PURI);
        }
        return new SerialScanReport(intervals, overall, paragraphs, new ArrayList<>(refs));
    }

    private static String summary(ScanInterval o) {
        String pct = Double.isNaN(o.annualisedPercent()) ? ""
                : String.format(Locale.ROOT, ", or %s %% per year compounded", signed1(o.annualisedPercent()));
        return String.format(Locale.ROOT, "From %s to %s (%s) the Agatston score went from %s to %s:"
                        + " a change of %s AU, %s AU per year%s.", o.from().date(), o.to().date(), span(o),
                num(o.from().agatston()), num(o.to().agatston()), signed(o.absoluteChange()),
                signed(o.annualisedChange()), pct);
    }

    private static String variability(ScanInterval o, double threshold) {
        String verdict = switch (o.verdict()) {
            case SIGNIFICANT_PROGRESSION -> "The rise is larger than that: this is significant progression.";
            case WITHIN_INTERSCAN_VARIABILITY -> "The change lies within that band: it cannot be told apart from"
                    + " the variability between two scans of an unchanged artery.";
            case FALL_BEYOND_VARIABILITY -> "The fall is larger than that band.";
        };
        return String.format(Locale.ROOT, "Repeat scans of the same person differ, more so at higher scores."
                        + " The square-root method [%s] compares square roots: √%s − √%s = %s, and a change of at"
                        + " least %s on that scale is needed before it exceeds interscan variability. For a first"
                        + " score of %s that means any second score between %s and %s is compatible with no real"
                        + " change. %s", HOKANSON, num(o.to().agatston()), num(o.from().agatston()),
                signed2(o.sqrtChange()), num(threshold), num(o.from().agatston()), num(o.noChangeLow()),
                num(o.noChangeHigh()), verdict);
    }

    private static String expected(ScanInterval o, Sex sex) {
        if (o.from().agatston() <= 0) {
            return "The first score was 0. MESA published its median progression for people who already had"
                    + " calcium, so no expected change is computed here; a first appearance of calcium (a score"
                    + " above 0 on the second scan) marks the start of calcified plaque or of medial calcium.";
        }
        double median = SerialScans.expectedAnnualProgression(sex);
        String who = sex == Sex.FEMALE ? "women" : "men";
        double observed = o.to().agatston();
        String comparison = observed > o.noChangeHigh() && observed > o.expectedLater() ? "more than"
                : observed < o.expectedLater() ? "less than" : "about";
        return String.format(Locale.ROOT, "Among MESA %s who already had coronary calcium the median rise was %s AU"
                        + " per year [%s]. Over %s that predicts a second score of about %s; the observed %s"
                        + " is %s that. Individual courses vary widely around the median.", who, num(median), KRONMAL,
                span(o), num(Math.rint(o.expectedLater())), num(observed), comparison);
    }

    private static String fall(ScanInterval o) {
        // Puri 2015 measured the calcium index of plaque by serial intravascular ultrasound, not the CT
        // calcium score (abstract: "serial changes in coronary percent atheroma volume (PAV) and CaI";
        // CaI rose in every group, +0.044 on high-intensity statins, +0.020 on none): say what it measured.
        return "The score fell. Calcium in coronary plaque is not known to regress: no treatment has been shown"
                + " to remove it. Statins, which shrink and stabilise plaque, add calcium to it rather than"
                + " remove it: in serial intravascular ultrasound trials plaque calcium rose with and without"
                + " statins, most on high-intensity statins [" + PURI + "]. A fall most likely reflects"
                + " measurement variability"
                + (o.verdict() == ScanInterval.Verdict.WITHIN_INTERSCAN_VARIABILITY
                        ? " (this one lies within it)" : "")
                + " or less non-plaque (medial) calcium, the kind that forms in the muscle layer of the artery"
                + " wall through mineral imbalance rather than in plaque. CT cannot tell the two kinds apart: both"
                + " appear as the same bright spots above 130 HU [" + LANZER + "]. A falling score therefore does"
                + " not show that plaque has regressed or that coronary risk has fallen.";
    }

    private static String vitaminK2(boolean fell) {
        String common = "Vitamin K2 activates matrix Gla protein, the body's own inhibitor of calcium deposits in"
                + " the artery wall, and may slow calcification driven by mineral imbalance (medial calcification)."
                + " There is no consistent evidence that it removes calcium from atherosclerotic plaque: in a"
                + " three-year randomised trial, vitamin K (phylloquinone) slowed progression in adherent"
                + " participants who already had calcium but did not reverse it [" + SHEA + "], and the VitaK-CAC trial"
                + " of menaquinone-7 set slower progression of the calcium score, not regression, as its aim ["
                + VOSSEN + "].";
        if (fell) {
            return common + " A fall seen while taking vitamin K2 is therefore most likely non-plaque (medial)"
                    + " calcium or measurement variability, which CT cannot distinguish from plaque calcium ["
                    + LANZER + "]; it is not evidence that plaque has regressed, and preventive treatment of"
                    + " the plaque itself (blood pressure, lipids, smoking) remains as indicated.";
        }
        return common + " A score that did not fall on vitamin K2 is what that evidence leads one to expect.";
    }

    /** The interval in words: "3.0 years", or under a year its days ("19 days"; "0.1 years" hid them). */
    static String span(ScanInterval o) {
        if (o.years() >= 1) {
            return String.format(Locale.ROOT, "%.1f years", o.years());
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(o.from().date(), o.to().date());
        return days + (days == 1 ? " day" : " days");
    }

    private static String verdictWords(ScanInterval i) {
        return switch (i.verdict()) {
            case SIGNIFICANT_PROGRESSION -> "significant progression";
            case WITHIN_INTERSCAN_VARIABILITY -> "within interscan variability";
            case FALL_BEYOND_VARIABILITY -> "fall beyond interscan variability";
        };
    }

    static String num(double v) {
        return Math.abs(v - Math.rint(v)) < 0.05 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + num(v);
    }

    private static String signed1(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }

    private static String signed2(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }
}
