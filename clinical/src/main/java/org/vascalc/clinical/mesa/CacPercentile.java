package org.vascalc.clinical.mesa;

import java.util.Objects;
import org.vascalc.clinical.input.Race;
import org.vascalc.core.patient.Sex;

/**
 * A calcium score placed among MESA peers.
 *
 * @param ageYears            age, years
 * @param sex                 sex
 * @param race                race / ethnicity
 * @param agatston            the score, Agatston units
 * @param percentile          0–99; 0 for a zero score (as the MESA calculator reports it)
 * @param probabilityNonZero  share of peers with CAC &gt; 0, fraction
 * @param referenceScores     scores at the 25th, 50th, 75th and 90th percentile of peers, Agatston units
 */
public record CacPercentile(double ageYears, Sex sex, Race race, double agatston, int percentile,
                            double probabilityNonZero, double[] referenceScores) {

    /** The percentiles {@link #referenceScores} refer to. */
    static final int[] REFERENCE_PERCENTILES = {25, 50, 75, 90};

    public CacPercentile {
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(race, "race");
        referenceScores = referenceScores.clone();
    }

    @Override
    public double[] referenceScores() {
        return referenceScores.clone();
    }

    /** Score at the given reference percentile (25, 50, 75 or 90), Agatston units. */
    public double scoreAtPercentile(int pct) {
        for (int i = 0; i < REFERENCE_PERCENTILES.length; i++) {
            if (REFERENCE_PERCENTILES[i] == pct) {
                return referenceScores[i];
            }
        }
        throw new IllegalArgumentException("reference percentiles are 25, 50, 75 and 90, not " + pct);
    }

    /** At or above the 75th percentile: the guideline threshold for a "high" score for one's age. */
    public boolean atOrAbove75th() {
        return percentile >= 75;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacPercentile c && c.ageYears == ageYears && c.sex == sex && c.race == race
                && c.agatston == agatston && c.percentile == percentile
                && c.probabilityNonZero == probabilityNonZero
                && java.util.Arrays.equals(c.referenceScores, referenceScores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ageYears, sex, race, agatston, percentile, probabilityNonZero,
                java.util.Arrays.hashCode(referenceScores));
    }

    @Override
    public String toString() {
        return "CacPercentile[" + percentile + "th, p=" + probabilityNonZero + "]";
    }
}
