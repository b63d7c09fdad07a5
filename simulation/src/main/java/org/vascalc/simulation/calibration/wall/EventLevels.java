package org.vascalc.simulation.calibration.wall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;

/**
 * The absolute level of the wall's event hazards (issue 3): each base hazard ({@code miBasePerYear},
 * {@code strokeBasePerYear}, {@code hfBasePerYear}) is set so that a seeded MESA-like virtual cohort's
 * mean modelled hazard over the published study's follow-up equals the incidence MESA counted. The
 * ratios between persons (W12-W16, W18, W20) are the fit's and are not touched.
 *
 * <p>Each hazard is its base level times factors that do not depend on any level (plaque, age, SBP,
 * LV mass, PWV), and no model state reads a hazard, so a cohort's mean rate is proportional to its
 * level: the root of {@code rate(level) = target} is {@code level * target / rate(level)}, one
 * Newton (or secant) step on a linear function; {@link #derive} confirms it by re-running the first
 * persons at the derived levels. The cardiovascular-death hazard has no level of
 * its own (case-fatality fractions of the three), so it is compared with a published count, not set.
 */
public final class EventLevels {

    /** Seed of the derivation: the fit's (docs/model/wall-fit.md), so the check sample (seed 20261130) stays out of sample. */
    public static final long SEED = 7L;
    /** Persons in the derivation cohort followed 3.8 y (the fit's population sample is 1000 of them). */
    public static final int SIZE = 1000;
    /** Persons in the derivation cohort followed 11.1 y (stroke: no plaque term, so less spread between persons). */
    public static final int LONG_SIZE = 300;

    /**
     * One published incidence a base hazard is set to.
     *
     * @param parameter    the catalog row of the level
     * @param output       the model's cumulative-hazard output
     * @param events       events counted
     * @param personYears  person-years of follow-up (as stated, or participants times the follow-up)
     * @param years        follow-up of the virtual cohort, the study's median, y
     * @param source       references.bib key
     * @param locator      where the numbers are, and how person-years were obtained
     */
    public record Incidence(String parameter, String output, int events, double personYears, double years,
                            String source, String locator) {

        /** Events per 1000 person-years. */
        public double perThousand() {
            return 1000 * events / personYears;
        }

        /** Exact (Garwood) Poisson 95 % interval of the count, as a rate per 1000 person-years: {low, high}. */
        public double[] interval95() {
            double low = events == 0 ? 0 : new ChiSquaredDistribution(2.0 * events).inverseCumulativeProbability(0.025) / 2;
            double high = new ChiSquaredDistribution(2.0 * events + 2).inverseCumulativeProbability(0.975) / 2;
            return new double[] {1000 * low / personYears, 1000 * high / personYears};
        }
    }

    /** Major coronary events (MI or CHD death, first) in MESA: Detrano 2008. */
    public static final Incidence MI = new Incidence("miBasePerYear", "wall.hazardMi", 89, 6722 * 3.8, 3.8,
            "Detrano2008", "abstract: 89 major coronary events (MI or death from CHD) in 6722 participants, median "
            + "follow-up 3.8 y; person-years taken as 6722 x 3.8");
    /**
     * Incident congestive heart failure in MESA: Bahrami 2008 (median 4.0 y; the virtual cohort is followed
     * 3.8 y with the MI level's cohort: at the model's 7 %/y age slope the extra 0.2 y would raise the mean
     * by under 1 %).
     */
    public static final Incidence HF = new Incidence("hfBasePerYear", "wall.hazardHf", 79, 79 / 3.1e-3, 3.8,
            "Bahrami2008", "abstract: 79 incident CHF in 6814 participants, median follow-up 4.0 y, incidence rate "
            + "3.1 per 1000 person-years (person-years from the stated rate)");
    /** Stroke as first ASCVD event in MESA: Budoff 2018. */
    public static final Incidence STROKE = new Incidence("strokeBasePerYear", "wall.hazardStroke", 188,
            6814 * 11.1, 11.1, "Budoff2018", "abstract: 188 strokes (not TIA) among 500 first ASCVD events in 6814 "
            + "participants, median follow-up 11.1 y; person-years taken as 6814 x 11.1 (an upper bound: events and "
            + "deaths end follow-up early, so the rate is at least the one stated)");

    /** The three levels and their sources. */
    public static final List<Incidence> ALL = List.of(MI, STROKE, HF);

    /** One member's modelled hazards per year over the follow-up and the scanner's baseline score. */
    public record MemberRates(double cac0, double mi, double stroke, double hf, double cvDeath) {
    }

    private EventLevels() {
    }

    /** The MESA-like cohort (members 0..size-1 of {@code seed}) followed {@code years} with {@code catalog}. */
    public static List<MemberRates> mesa(SimulatorFactory factory, ParameterCatalog catalog, long seed, int size,
                                         double years, int threads, CohortProgress progress) {
        VirtualPopulation pop = new VirtualPopulation(seed, catalog);
        List<VirtualPerson> members = LongStream.range(0, size).mapToObj(pop::mesa).toList();
        return new CohortRunner(factory, catalog, threads).run(members, p -> FollowUp.scenario(p, years), Mode.FAST,
                EventLevels::rates, progress);
    }

    private static MemberRates rates(VirtualPerson p, SimulationResult r) {
        FollowUp f = FollowUp.of(p, r);
        Trajectory tr = r.trajectory();
        return new MemberRates(f.cac0(), f.miRate(), rise(tr, "wall.hazardStroke") / f.years(),
                rise(tr, "wall.hazardHf") / f.years(), f.cvDeathRate());
    }

    private static double rise(Trajectory tr, String id) {
        return tr.last(id) - tr.series(id)[0];
    }

    /** Mean of {@code x} per 1000 person-years over members whose baseline score satisfies {@code in}. */
    public static double perThousand(List<MemberRates> m, DoublePredicate in, ToDoubleFunction<MemberRates> x) {
        return 1000 * m.stream().filter(u -> in.test(u.cac0())).mapToDouble(x).average().orElse(Double.NaN);
    }

    /** The rate of {@code incidence}'s hazard in {@code m}, per 1000 person-years. */
    public static double modelled(List<MemberRates> m, Incidence incidence) {
        return perThousand(m, c -> true, switch (incidence.output()) {
            case "wall.hazardMi" -> MemberRates::mi;
            case "wall.hazardStroke" -> MemberRates::stroke;
            case "wall.hazardHf" -> MemberRates::hf;
            default -> throw new IllegalArgumentException(incidence.output());
        });
    }

    /** The level at which {@code modelledPerThousand} (obtained at {@code level}) becomes the published rate. */
    public static double level(double level, double modelledPerThousand, Incidence incidence) {
        if (!(modelledPerThousand > 0)) {
            throw new IllegalArgumentException("modelled rate must be positive, got " + modelledPerThousand);
        }
        return level * incidence.perThousand() / modelledPerThousand;
    }

    /**
     * The derivation: the cohort at {@code catalog}'s levels ({@code size} persons for the 3.8-year
     * follow-ups, {@code longSize} for longer ones), each level scaled to its incidence, and a linearity
     * check: the first {@code checkSize} persons re-run at the derived levels must give their earlier
     * rates times the level ratios. Returns the derived levels; {@code report} receives the lines of a
     * record (rates before and after, by CT category).
     */
    public static Map<String, Double> derive(SimulatorFactory factory, ParameterCatalog catalog, int size,
                                             int longSize, int checkSize, int threads,
                                             java.util.function.Consumer<String> report) {
        report.accept(String.format(Locale.ROOT, "MESA-like cohort, seed %d, fast mode; %d persons for follow-ups "
                + "up to 5 y, %d for longer ones", SEED, size, longSize));
        Map<Double, List<Incidence>> byYears = new java.util.TreeMap<>();
        for (Incidence i : ALL) {
            byYears.computeIfAbsent(i.years(), y -> new ArrayList<>()).add(i);
        }
        Map<String, Double> derived = new java.util.LinkedHashMap<>();
        Map<Double, List<MemberRates>> before = new java.util.TreeMap<>();
        for (Map.Entry<Double, List<Incidence>> e : byYears.entrySet()) {
            int n = e.getKey() > 5 ? longSize : size;
            List<MemberRates> m = mesa(factory, catalog, SEED, n, e.getKey(), threads, CohortProgress.NONE);
            before.put(e.getKey(), m);
            for (Incidence i : e.getValue()) {
                double rate = modelled(m, i);
                double level = level(catalog.value(i.parameter()), rate, i);
                derived.put(i.parameter(), level);
                report.accept(String.format(Locale.ROOT, "%s: %d persons followed %.1f y, modelled %.3f per 1000 "
                        + "person-years at %.6g /y; published %.3f (%s, 95 %% %.2f-%.2f); derived level %.6g /y",
                        i.parameter(), n, e.getKey(), rate, catalog.value(i.parameter()), i.perThousand(), i.source(),
                        i.interval95()[0], i.interval95()[1], level));
            }
        }
        double fMi = derived.get(MI.parameter()) / catalog.value(MI.parameter());
        double fStroke = derived.get(STROKE.parameter()) / catalog.value(STROKE.parameter());
        double fHf = derived.get(HF.parameter()) / catalog.value(HF.parameter());
        for (Map.Entry<Double, List<MemberRates>> e : before.entrySet()) {
            List<MemberRates> m = e.getValue();
            report.accept(String.format(Locale.ROOT, "by baseline CT score, %.1f y, before (per 1000 person-years):",
                    e.getKey()));
            categories("before", m).forEach(report);
            // CV death is the case-fatality-weighted sum of the three (WallBlock), so it scales with them
            double cMi = catalog.value("cvDeathFractionMi");
            double cStroke = catalog.value("cvDeathFractionStroke");
            double cHf = catalog.value("cvDeathFractionHf");
            List<MemberRates> scaled = m.stream().map(u -> new MemberRates(u.cac0(), fMi * u.mi(),
                    fStroke * u.stroke(), fHf * u.hf(), u.cvDeath() + (fMi - 1) * cMi * u.mi()
                    + (fStroke - 1) * cStroke * u.stroke() + (fHf - 1) * cHf * u.hf())).toList();
            report.accept("after (the same persons' hazards times the level ratios):");
            categories("after", scaled).forEach(report);
        }
        // linearity: the same persons at the derived levels
        ParameterCatalog after = catalog.with(derived);
        double firstYears = before.keySet().iterator().next();
        List<MemberRates> b = before.get(firstYears).subList(0, Math.min(checkSize, before.get(firstYears).size()));
        List<MemberRates> a = mesa(factory, after, SEED, b.size(), firstYears, threads, CohortProgress.NONE);
        double worst = 0;
        for (int k = 0; k < b.size(); k++) {
            worst = Math.max(worst, Math.abs(a.get(k).mi() / (fMi * b.get(k).mi()) - 1));
            worst = Math.max(worst, Math.abs(a.get(k).stroke() / (fStroke * b.get(k).stroke()) - 1));
            worst = Math.max(worst, Math.abs(a.get(k).hf() / (fHf * b.get(k).hf()) - 1));
        }
        report.accept(String.format(Locale.ROOT, "linearity: %d persons re-run at the derived levels, worst relative "
                + "deviation of a person's hazard from (old hazard x level ratio) %.2e", b.size(), worst));
        categories("re-run", a).forEach(report);
        return derived;
    }

    /** Rates by CT category: the cohort summary's (0, 1-99, 100-399, 400+) and Detrano 2008's (0, 1-100, 101-300, > 300). */
    public static List<String> categories(String label, List<MemberRates> m) {
        List<String> out = new ArrayList<>();
        String[] names = {"all", "0", "1-99", "100-399", "400+", "1-100", "101-300", ">300"};
        DoublePredicate[] in = {c -> true, c -> c <= 0, c -> c > 0 && c < 100, c -> c >= 100 && c < 400, c -> c >= 400,
            c -> c > 0 && c <= 100, c -> c > 100 && c <= 300, c -> c > 300};
        for (int k = 0; k < names.length; k++) {
            DoublePredicate p = in[k];
            long n = m.stream().filter(u -> p.test(u.cac0())).count();
            out.add(String.format(Locale.ROOT, "  %s CAC %-8s n %5d  MI %7.2f  stroke %6.2f  HF %6.2f  "
                    + "MI+stroke+HF %7.2f  CV death %6.2f", label, names[k], n, perThousand(m, p, MemberRates::mi),
                    perThousand(m, p, MemberRates::stroke), perThousand(m, p, MemberRates::hf),
                    perThousand(m, p, u -> u.mi() + u.stroke() + u.hf()), perThousand(m, p, MemberRates::cvDeath)));
        }
        return out;
    }
}
