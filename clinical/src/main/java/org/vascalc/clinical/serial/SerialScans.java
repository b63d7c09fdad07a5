package org.vascalc.clinical.serial;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Sex;

/**
 * Change between serial coronary calcium scans: absolute and annualised change, the square-root
 * method of Hokanson 2004 (√CAC₂ − √CAC₁ ≥ 2.5 marks change beyond interscan variability), the band
 * of follow-up scores that interscan variability alone explains, and the change expected from the
 * median progression in MESA (Kronmal 2007). The numbers live in {@code serial-scan-parameters.csv}.
 */
public final class SerialScans {

    public static final ValidRange AGATSTON = ValidRange.of("Agatston score", "Agatston units", 0, 50_000);

    private static final ParameterCatalog PARAMETERS =
            ParameterCatalog.fromResource(SerialScans.class, "serial-scan-parameters.csv");

    /**
     * The start of the problem {@link #analyse} gives for fewer than two scans: a caller that has already refused
     * some of the user's scans (a malformed {@code --scan}) knows the count is its own doing and leaves it out.
     */
    public static final String TOO_FEW_SCANS = "serial interpretation needs at least two scans with dates";

    private SerialScans() {
    }

    /** Whether {@code p} is {@link #analyse}'s "needs at least two scans" problem. */
    public static boolean isTooFewScans(org.vascalc.core.input.InputProblem p) {
        return "scans".equals(p.path()) && p.message().startsWith(TOO_FEW_SCANS);
    }

    /** Parameters used (Hokanson threshold, MESA medians) with their evidence. */
    public static ParameterCatalog parameters() {
        return PARAMETERS;
    }

    /** Analyses two or more scans (any order; sorted by date) and writes the interpretation. */
    public static SerialScanReport analyse(List<Scan> scans, SerialContext context) {
        InputProblems problems = new InputProblems();
        if (scans.size() < 2) {
            problems.error("scans", TOO_FEW_SCANS + "; got " + scans.size());
        }
        for (int i = 0; i < scans.size(); i++) {
            AGATSTON.check(scans.get(i).agatston(), "scans[" + i + "].agatston", problems);
        }
        List<Scan> sorted = scans.stream().sorted(Comparator.comparing(Scan::date)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (!sorted.get(i).date().isAfter(sorted.get(i - 1).date())) {
                problems.error("scans", "two scans share the date " + sorted.get(i).date()
                        + "; each scan needs its own date");
            }
        }
        problems.throwIfErrors("serial scans");
        List<ScanInterval> intervals = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            intervals.add(interval(sorted.get(i - 1), sorted.get(i), context.sex()));
        }
        ScanInterval overall = sorted.size() == 2 ? intervals.get(0)
                : interval(sorted.get(0), sorted.get(sorted.size() - 1), context.sex());
        return SerialInterpretation.write(intervals, overall, context, PARAMETERS);
    }

    /**
     * Shortest interval, in years, over which a compound annual percentage is given: over less, the
     * change is raised to a power above 1 (two scans 19 days apart, 100 then 300 AU, gave
     * "+148 603 257 829.8 % per year"), and the real change is smaller than interscan variability anyway.
     */
    static final double MIN_YEARS_FOR_PERCENT = 1;

    /** The change between two scans (the later one second). */
    public static ScanInterval interval(Scan from, Scan to, Sex sex) {
        double years = calendarYears(from.date(), to.date());
        double a = from.agatston();
        double b = to.agatston();
        double change = b - a;
        double perYear = change / years;
        double percent = a > 0 && years >= MIN_YEARS_FOR_PERCENT
                ? 100 * (Math.pow(b / a, 1 / years) - 1) : Double.NaN;
        double threshold = PARAMETERS.value("sqrtProgressionThreshold");
        double sqrtChange = Math.sqrt(b) - Math.sqrt(a);
        ScanInterval.Verdict verdict = sqrtChange >= threshold ? ScanInterval.Verdict.SIGNIFICANT_PROGRESSION
                : sqrtChange <= -threshold ? ScanInterval.Verdict.FALL_BEYOND_VARIABILITY
                : ScanInterval.Verdict.WITHIN_INTERSCAN_VARIABILITY;
        double low = Math.pow(Math.max(0, Math.sqrt(a) - threshold), 2);
        double high = Math.pow(Math.sqrt(a) + threshold, 2);
        double expected = a > 0 ? a + expectedAnnualProgression(sex) * years : Double.NaN;
        return new ScanInterval(from, to, years, change, perYear, percent, sqrtChange, verdict, low, high, expected);
    }

    /**
     * Years between two dates as the calendar counts them: whole years from anniversary to anniversary,
     * then the rest as a share of the year it falls in. 2030-01-01 to 2031-01-01 is 1 year (by days /
     * 365.25 it was 0.9993, and a rise of 100 AU read "+100.1 AU per year" beside "1.0 years").
     */
    static double calendarYears(LocalDate from, LocalDate to) {
        long whole = ChronoUnit.YEARS.between(from, to);
        LocalDate anniversary = from.plusYears(whole);
        double daysInYear = ChronoUnit.DAYS.between(anniversary, anniversary.plusYears(1));
        return whole + ChronoUnit.DAYS.between(anniversary, to) / daysInYear;
    }

    /** Median annual rise among MESA participants of this sex with CAC &gt; 0 (Kronmal 2007), AU/y. */
    public static double expectedAnnualProgression(Sex sex) {
        return switch (sex) {
            case FEMALE -> PARAMETERS.value("medianProgressionWomen");
            case MALE -> PARAMETERS.value("medianProgressionMen");
        };
    }
}
