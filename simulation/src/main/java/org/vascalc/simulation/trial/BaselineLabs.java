package org.vascalc.simulation.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.random.SeedStreams;
import org.vascalc.simulation.cohort.VirtualPerson;

/**
 * The members' mineral labs as the trial's own baseline table gives them, in place of the population's: a
 * trial of haemodialysis patients draws its members from the CRIC-like population (no dialysis population
 * exists), whose labs are those of CKD 3-4 (phosphate about 1.2 mmol/L, no PTH), while the trial's members
 * had dialysis labs. Each lab the block states replaces the population's for every member; a lab it leaves
 * out keeps the population's (absent for PTH). Drawn per member from a stream of (trial seed, member
 * index, lab) alone, as the vintage is, so a member has the same labs in every arm, on any thread count and
 * when re-run alone, and adding a lab leaves the other labs' draws unchanged. The labs are drawn
 * independently of each other and of the member's other covariates (no trial's correlations were read).
 *
 * @param calcium   serum total calcium, mmol/L (normal), if the trial states it
 * @param phosphate serum phosphate, mmol/L (normal), if the trial states it
 * @param pth       intact PTH, pg/mL (log-normal with the stated arithmetic mean and SD: PTH is skewed), if
 *                  the trial states it
 */
public record BaselineLabs(Optional<Lab> calcium, Optional<Lab> phosphate, Optional<Lab> pth) {

    /** No block: members keep the population's labs (every trial before baselineLabs). */
    public static final BaselineLabs NONE = new BaselineLabs(Optional.empty(), Optional.empty(), Optional.empty());

    /** Stream ids of their own, so these draws disturb none of the member's other draws. */
    private static final long STREAM = 0x4C414253L; // "LABS"

    /** How far a draw may lie from the mean, SDs (on the log scale for PTH): beyond it a draw is redrawn. */
    static final double TRUNCATION_SD = 3;

    public BaselineLabs {
        Objects.requireNonNull(calcium, "calcium");
        Objects.requireNonNull(phosphate, "phosphate");
        Objects.requireNonNull(pth, "pth");
    }

    /** Whether the block states no lab (members keep the population's). */
    public boolean isNone() {
        return calcium.isEmpty() && phosphate.isEmpty() && pth.isEmpty();
    }

    /**
     * One lab's distribution: a mean and SD, draws kept within {@code TRUNCATION_SD} SDs of the mean and within
     * [low, high] (the lab's hard limits, so that every drawn member is a patient the model accepts).
     *
     * @param mean      arithmetic mean, in the lab's unit
     * @param sd        standard deviation, same unit (0: every member has the mean)
     * @param low       lowest value a draw may take
     * @param high      highest value a draw may take
     * @param logNormal whether the lab is drawn log-normal (the mean and SD are then still the arithmetic ones)
     */
    public record Lab(double mean, double sd, double low, double high, boolean logNormal) {
        public Lab {
            if (!(low < high) || !(mean >= low && mean <= high)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "lab mean %s must lie in [%s, %s]", mean, low, high));
            }
            if (!(sd >= 0) || Double.isInfinite(sd)) {
                throw new IllegalArgumentException("lab SD must be >= 0, got " + sd);
            }
            if (logNormal && !(mean > 0)) {
                throw new IllegalArgumentException("a log-normal lab needs a mean > 0, got " + mean);
            }
        }

        /** One draw from {@code r}. */
        double draw(SplittableRandom r) {
            if (sd == 0) {
                return mean;
            }
            double mu = mean;
            double sigma = sd;
            if (logNormal) { // the log-normal whose arithmetic mean and SD are the stated ones
                sigma = Math.sqrt(Math.log1p(sd * sd / (mean * mean)));
                mu = Math.log(mean) - sigma * sigma / 2;
            }
            for (int i = 0; i < 100; i++) {
                double u1 = 1 - r.nextDouble();
                double u2 = r.nextDouble();
                double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
                if (Math.abs(z) > TRUNCATION_SD) {
                    continue;
                }
                double v = logNormal ? Math.exp(mu + sigma * z) : mu + sigma * z;
                if (v >= low && v <= high) {
                    return v;
                }
            }
            return mean; // 100 draws outside: a range so narrow that the mean is the honest value
        }

        /** "1.8 (SD 0.45) mmol/L". */
        String describe(String unit) {
            return fmt(mean) + " (SD " + fmt(sd) + ") " + unit + (logNormal ? ", log-normal" : "");
        }
    }

    /**
     * Member {@code p} with the block's labs in place of the population's (itself when the block is empty): the
     * same for a given trial seed and member index.
     */
    public VirtualPerson applyTo(VirtualPerson p, long seed) {
        if (isNone()) {
            return p;
        }
        Patient pt = p.patient();
        OptionalDouble ca = draw(calcium, seed, p.index(), 1, pt.serumCalciumMmolL());
        OptionalDouble po4 = draw(phosphate, seed, p.index(), 2, pt.serumPhosphateMmolL());
        OptionalDouble pthPg = draw(pth, seed, p.index(), 3, pt.pthPgMl());
        return new VirtualPerson(p.index(), pt.withLabs(ca, po4, pthPg), p.individualParameters(), p.statin(),
                p.scanErrorBaseline(), p.scanErrorEnd());
    }

    private static OptionalDouble draw(Optional<Lab> lab, long seed, long index, long which, OptionalDouble own) {
        return lab.isEmpty() ? own : OptionalDouble.of(lab.get().draw(stream(seed, index, which)));
    }

    /** The block in words for reports ("phosphate 1.8 (SD 0.45) mmol/L, ..."); empty when none. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        calcium.ifPresent(l -> parts.add("calcium " + l.describe("mmol/L")));
        phosphate.ifPresent(l -> parts.add("phosphate " + l.describe("mmol/L")));
        pth.ifPresent(l -> parts.add("PTH " + l.describe("pg/mL")));
        return String.join(", ", parts);
    }

    private static SplittableRandom stream(long seed, long index, long which) {
        return SeedStreams.stream(seed ^ STREAM ^ (which << 40), index);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
