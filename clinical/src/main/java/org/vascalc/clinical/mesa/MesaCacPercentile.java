package org.vascalc.clinical.mesa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.vascalc.clinical.input.Race;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.patient.Sex;

/**
 * Where a coronary calcium score lies among MESA participants of the same age, sex and
 * race/ethnicity (McClelland 2006, Circulation 113:30).
 *
 * <p>McClelland 2006 published no closed form (its percentiles were estimated non-parametrically and
 * are served by the MESA web calculator). This class is VasCalc's own two-part approximation:
 * <pre>
 *   p(age)            = P(CAC &gt; 0) = logistic(L_g + k_sex·(age − 60))
 *   ln CAC | CAC &gt; 0  ~ Normal(M_g + m·(age − 60), S_g²)
 *   percentile(s &gt; 0) = floor(100·[(1 − p) + p·Φ((ln s − μ)/S)]),  percentile(0) = 0
 * </pre>
 * with the parameters of {@code mesa-cac-percentile-model.csv}, derived from the calculator's
 * published spot values (see {@code clinical/tools/fit_mesa_cac_percentile.py}). Reporting a zero
 * score as percentile 0 follows the MESA calculator; the share of peers who also have zero is
 * {@code 1 − p}. Accuracy against the five audited calculator examples is stated in the module README.
 */
public final class MesaCacPercentile {

    public static final ValidRange AGE = ValidRange.of("age", "years", 45, 84);
    private static final org.vascalc.clinical.score.DerivationRange AGE_RANGE =
            new org.vascalc.clinical.score.DerivationRange("the MESA CAC percentile", AGE,
                    org.vascalc.clinical.score.DerivationRange.Policy.REFUSE);
    public static final ValidRange CAC = ValidRange.of("coronary artery calcium", "Agatston units", 0, 50_000);

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);
    private static final Map<String, Group> GROUPS = load();

    /** One sex × race group's parameters. */
    record Group(double logitP60, double logitSlope, double lnMedian60, double lnSlope, double lnSd) {
    }

    private MesaCacPercentile() {
    }

    /**
     * The percentile, the probability of non-zero CAC and the 25th/50th/75th/90th-percentile scores
     * for peers; throws {@link org.vascalc.core.input.InvalidInputException} outside age 45–84, for
     * race "other", or for an impossible score.
     */
    public static CacPercentile of(double ageYears, Sex sex, Race race, double agatston) {
        InputProblems problems = new InputProblems();
        // worded as the risk scores' derivation ranges ("the range ... was derived on"), not as a value no
        // person can have ("the allowed range"): an 18-year-old is a valid patient, outside MESA's ages
        AGE_RANGE.check(ageYears, "age", problems);
        CAC.check(agatston, "cac", problems);
        if (race == Race.OTHER) {
            problems.error("race", "race = other: the MESA percentiles exist for white, Black, Chinese and"
                    + " Hispanic people only");
        }
        problems.throwIfErrors("MESA CAC percentile input");
        Group g = GROUPS.get(sex.name() + "/" + race.name());
        double p = 1 / (1 + Math.exp(-(g.logitP60() + g.logitSlope() * (ageYears - 60))));
        double mu = g.lnMedian60() + g.lnSlope() * (ageYears - 60);
        int percentile;
        if (agatston <= 0) {
            percentile = 0;
        } else {
            double below = (1 - p) + p * STANDARD_NORMAL.cumulativeProbability((Math.log(agatston) - mu) / g.lnSd());
            percentile = (int) Math.min(99, Math.floor(100 * below));
        }
        double[] refs = new double[CacPercentile.REFERENCE_PERCENTILES.length];
        for (int i = 0; i < refs.length; i++) {
            double q = CacPercentile.REFERENCE_PERCENTILES[i] / 100.0;
            refs[i] = q <= 1 - p ? 0
                    : Math.exp(mu + g.lnSd() * STANDARD_NORMAL.inverseCumulativeProbability((q - (1 - p)) / p));
        }
        return new CacPercentile(ageYears, sex, race, agatston, percentile, p, refs);
    }

    private static Map<String, Group> load() {
        String resource = "mesa-cac-percentile-model.csv";
        Map<String, Group> groups = new HashMap<>();
        try (InputStream in = MesaCacPercentile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                boolean header = true;
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    String[] c = line.split(",");
                    String[] raceSex = c[0].trim().split("_");
                    String key = raceSex[1].toUpperCase(Locale.ROOT) + "/" + raceSex[0].toUpperCase(Locale.ROOT);
                    groups.put(key, new Group(Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                            Double.parseDouble(c[3]), Double.parseDouble(c[4]), Double.parseDouble(c[5])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        for (Sex s : Sex.values()) {
            for (Race r : Race.values()) {
                if (r != Race.OTHER && !groups.containsKey(s.name() + "/" + r.name())) {
                    throw new IllegalStateException(resource + " lacks the group " + r + "_" + s);
                }
            }
        }
        return Map.copyOf(groups);
    }
}
