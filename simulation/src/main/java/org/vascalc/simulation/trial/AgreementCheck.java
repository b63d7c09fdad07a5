package org.vascalc.simulation.trial;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.vascalc.simulation.cohort.Population;

/**
 * A trial's own measurement of its fast-mode error ({@code trial --check-agreement N}): a few of its members,
 * chosen by the seed, run again in reference mode in every arm, and compared with their fast-mode runs, member value
 * by member value and in each outcome's effect on those members. Fast mode is held to agree with reference mode
 * within {@link #LIMIT} on every slow output (issue 2) and does on the tested cases, not in every regimen
 * (docs/performance.md, "Agreement"); it cannot predict its own misses, but a trial can measure them, and the
 * effect's shift against its Monte-Carlo interval says whether they matter to the trial's answer.
 *
 * @param members   the checked members' positions in the trial's member list (0-based, ascending; the same in every arm)
 * @param ids       their patient ids, in that order
 * @param worst     the largest relative difference fast vs reference, |fast - reference| / max(|reference|, 1e-6),
 *                  over the checked members, every arm, each outcome's output at baseline and at the end
 *                  (NaN if the reference runs failed)
 * @param worstAt   where it is, in words ("serumPhosphate at the end, member 12 (cric-40), arm binder")
 * @param effects   one per outcome of the trial, in its order
 * @param failure   why the reference runs could not be made, empty when they were
 * @param seconds   wall time of the reference runs
 */
public record AgreementCheck(List<Integer> members, List<String> ids, double worst, String worstAt,
                             List<Effect> effects, String failure, double seconds) {

    /** Fast mode's agreement with reference mode on every slow output (issue 2): 1 %. */
    public static final double LIMIT = 0.01;
    /** Most members a check reruns (each costs a reference run in every arm: seconds to minutes). */
    public static final int MAX_MEMBERS = 50;
    /**
     * Seconds of CPU a reference run costs per member-year: the one estimate of a check's cost (this check's and
     * {@code cohort}'s, {@code CohortAgreementCheck}) that {@code trial} and {@code cohort --help} and the web forms
     * ({@code /trials}, {@code /cohort}) state, rounded up from what was measured ({@link #REFERENCE_CPU_MEASURED}).
     * Measured 2026-12-07 (performance-log.md, sixty-first session, webedges): {@code nice ./vascalc cohort --years 1
     * --threads 1 --check-agreement K}, its user CPU less the same command's without the check, on the shared
     * two-vCPU machine at load 3.9-6.2 (other helpers building): MESA-like members 8.4 s (3 members, arm none),
     * 7.3 s (5 members, arm none), 8.5 s (3 members, arm mk7); CRIC-like 2.7 s (2 members). review18 met 16 s for one
     * MESA-like member (two arms, two threads, load 4.4). It was 3 s, "the benchmark adult", and the pages said
     * "about 6 s" of a check that took a minute. An estimate of a shared machine's CPU, not a benchmark: members
     * differ by a factor of two or more. The rate of MESA-like members and of a population not measured
     * ({@link #cpuSecondsPerMemberYear}); CRIC-like members cost a quarter of it ({@link
     * #REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR}). An int, so that the commands' help (annotation constants) can say
     * it.
     */
    public static final int REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR = 10;
    /**
     * The same for a CRIC-like member (CKD 3-4, and a dialysis trial's members, all CRIC-like), rounded up from 2.7 s
     * (webedges, no vintage) and 2.5 s (leftovers29: care2's two members, 1 year of follow-up after 3.8 and 5.9 years
     * on dialysis, 23.7 and 34.0 s of CPU for both arms, the vintage's years counted: performance-log.md, sixty-second
     * session). The words "30 s or more for some dialysis members with a vintage" were true of such a member's whole
     * check (34 s), not of a member-year: the estimate counted the follow-up alone, not the vintage the reference runs
     * rerun ({@link #memberYears}).
     */
    public static final int REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR = 3;
    /** What the two rates were rounded up from, in the words every text uses. */
    public static final String REFERENCE_CPU_MEASURED = "measured on a shared machine: 7.3 to 8.5 s for MESA-like "
            + "members, 16 s once at a higher load; 2.5 to 2.7 s for CRIC-like ones, on dialysis too, where a trial's "
            + "years on dialysis before randomisation count, since the reference runs rerun them";
    /**
     * The check's cost as the commands' help and the web forms say it, in the same words: "about 10 s of CPU per
     * member-year, 3 s for CRIC-like members (measured ...)".
     */
    public static final String REFERENCE_CPU_COST = "about " + REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR
            + " s of CPU per member-year, " + REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR + " s for CRIC-like members ("
            + REFERENCE_CPU_MEASURED + ")";
    /**
     * The years one checked member's reference run covers in one arm: the trial's follow-up and the vintage before
     * it, since the check reruns the member's whole scenario in reference mode, vintage included ({@code
     * TrialRunner}'s arm scenario; a vintage drawn in a range counts its mean, {@link Vintage#meanYears}). The
     * estimate priced only the follow-up until leftovers29, so a care2 member (1 year after 0.5-6 years on dialysis)
     * was priced at a quarter of its run.
     */
    public static double memberYears(TrialSpec spec) {
        return spec.years() + spec.vintage().meanYears();
    }

    /**
     * The check's estimated CPU seconds: {@code members} × arms × {@link #memberYears} × the population's {@link
     * #cpuSecondsPerMemberYear}.
     */
    public static double estimatedCpuSeconds(TrialSpec spec, int members) {
        return members * spec.arms().size() * memberYears(spec) * cpuSecondsPerMemberYear(spec.population());
    }

    /**
     * Seconds of CPU a reference run costs per member-year of {@code population}: {@link
     * #REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR} for CRIC-like members, else {@link
     * #REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR} (MESA-like, measured; plausible adults, not measured: the higher rate).
     */
    public static int cpuSecondsPerMemberYear(Population population) {
        return population == Population.CRIC ? REFERENCE_CPU_SECONDS_PER_CRIC_MEMBER_YEAR
                : REFERENCE_CPU_SECONDS_PER_MEMBER_YEAR;
    }

    /** The denominator's floor of a relative difference: an output at 0 in both modes agrees. */
    static final double SCALE_FLOOR = 1e-6;

    public AgreementCheck {
        members = List.copyOf(members);
        ids = List.copyOf(ids);
        effects = List.copyOf(effects);
        java.util.Objects.requireNonNull(worstAt, "worstAt");
        java.util.Objects.requireNonNull(failure, "failure");
    }

    /** A check whose reference runs failed ({@code why}); nothing was compared. */
    static AgreementCheck failed(List<Integer> members, List<String> ids, String why, double seconds) {
        return new AgreementCheck(members, ids, Double.NaN, "", List.of(), why, seconds);
    }

    /**
     * One outcome's effect on the checked members in both modes, beside the half-width of the whole trial's
     * Monte-Carlo interval.
     *
     * @param outcome   the outcome's name
     * @param arm       the arm it compares with the control
     * @param unit      the effect's unit
     * @param fast      the effect on the checked members, fast mode (NaN if not computable on so few)
     * @param reference the same in reference mode
     * @param halfWidth half the width of the trial's Monte-Carlo interval (all members, fast mode; NaN without one)
     */
    public record Effect(String outcome, String arm, String unit, double fast, double reference, double halfWidth) {

        /** reference - fast. */
        public double difference() {
            return reference - fast;
        }

        /** |reference - fast| as a share of the Monte-Carlo half-width (NaN if either is missing or the width is 0). */
        public double ofHalfWidth() {
            return Double.isFinite(halfWidth) && halfWidth > 0 ? Math.abs(difference()) / halfWidth : Double.NaN;
        }
    }

    /** Whether the reference runs were made and compared. */
    public boolean ran() {
        return failure.isEmpty();
    }

    /** Whether some member value differs by more than {@link #LIMIT}. */
    public boolean exceedsLimit() {
        return ran() && worst > LIMIT;
    }

    /** The largest shift of an effect as a share of its Monte-Carlo half-width (NaN if none is defined). */
    public double largestShift() {
        return effects.stream().mapToDouble(Effect::ofHalfWidth).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /**
     * {@code n} distinct positions of {@code size} members (ascending), drawn by {@code seed}: the same members
     * for the same seed, size and n, whatever else the run does (a partial Fisher-Yates shuffle).
     */
    public static List<Integer> choose(int size, int n, long seed) {
        if (n < 1 || n > size) {
            throw new IllegalArgumentException("cannot check " + n + " of " + size + " members");
        }
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        // its own stream of the seed (not the population's nor the bootstrap's)
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0xA9EE);
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] picked = Arrays.copyOf(all, n);
        Arrays.sort(picked);
        return Arrays.stream(picked).boxed().toList();
    }

    /** |fast - reference| / max(|reference|, 1e-6): the measure of the agreement tests (issue 2). */
    public static double relativeDifference(double fast, double reference) {
        return Math.abs(fast - reference) / Math.max(Math.abs(reference), SCALE_FLOOR);
    }
}
