package org.vascalc.simulation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}; onsetcause, sixtieth session,
 * docs/performance-log.md). Where is averaged fast mode's OWN error of weeks 2-8 after a regimen's onset born
 * (biasmap's part (2), seen alone with the first 96 h integrated exactly, {@code e-onset96h})? Each chosen year is
 * run for {@link #DAYS} days in reference mode and in fast mode (averaged; base and {@code e-onset96h}), every state
 * of the model recorded every {@link #ROW_HOURS} h, and compared window by window from day 4:
 * <ul>
 * <li>SLOW states: the change over the window (the SLOW rate's window mean, which is what fast mode's SLOW step
 * integrates: the orbit averages of the fluxes, with the lag) in fast mode minus the reference's, relative to the
 * reference's state at the window's end (so that the windows add up to the state's error), and the state's
 * relative error at the window's end;</li>
 * <li>FAST states: the window mean's relative error (fast mode's orbit mean, with its lag, against the reference's
 * mean), the reference mean's drift {@code d ln m / dt} over the window, and the lag that error would be if it were
 * one ({@code -error / drift}, hours): a state whose error tracks the SLOW states' speed shows a steady apparent
 * lag.</li>
 * </ul>
 * {@code -Dvascalc.scratch.only=KEY,...} the years (default the four of the brief), {@code -Dvascalc.scratch.switch}
 * base or e-onset96h (default both), {@code -Dvascalc.scratch.lag} the lag's factor, {@code -Dvascalc.scratch.first}
 * a cap (hours) on a new regimen's first reuse interval ({@link BiasProbe#firstIntervalHours}),
 * {@code -Dvascalc.scratch.trace=true} the orbit trace. Reference runs cached in
 * {@code target/reference-cache-onsetcause}. {@code sweep} ({@link #sweep}, {@code -Dvascalc.scratch.wide=true}: the
 * other one-year runs outside the line instead of biasmap's 13) and {@code check} ({@link #check}) are step 3 and 4.
 * Finding (docs/performance-log.md, onsetcause): the weeks-2-8 error after an exact onset is the 60-day unmeasured
 * first reuse interval after the regimen's first orbit.
 */
class OnsetCauseRunner {

    static final int DAYS = 74;
    static final double ROW_HOURS = 0.5;
    static final int[] EDGES = {4, 7, 10, 14, 21, 28, 35, 42, 49, 56, 63, 73};
    static final String YEARS = "egfr25-food1500-carb325x2,egfr33-citrate725x2,egfr30-citrate400x3,labs40-carb500x2,";

    static List<StateVariable> states() {
        var model = new AssembledModel(ModelAssembly.standardBlocks(ModelAssembly.defaultParameters()), null);
        return model.layout().variables();
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("sweep")) {
            sweep();
            return;
        }
        if (args.length > 0 && args[0].equals("check")) {
            check();
            return;
        }
        ParameterCatalog p = ModelAssembly.defaultParameters();
        List<StateVariable> vars = states();
        List<String> ids = new ArrayList<>();
        for (StateVariable v : vars) {
            ids.add(v.id());
        }
        Map<String, LineCvRunner.Year> byKey = BiasMapRunner.yearsByKey();
        String only = System.getProperty("vascalc.scratch.only", YEARS);
        String onlySwitch = System.getProperty("vascalc.scratch.switch", "");
        Path dir = Path.of("target/reference-cache-onsetcause");
        Files.createDirectories(dir);
        EngineSimulator refSim = new EngineSimulator(p);
        for (String key : only.split(",")) {
            if (key.isBlank()) {
                continue;
            }
            Scenario s0 = byKey.get(key).scenario();
            Scenario s = new Scenario(s0.name(), "", s0.patient(), s0.conditions(), s0.interventions(), DAYS,
                    new Recording(ids, ROW_HOURS, ROW_HOURS, 0, 0));
            Path file = dir.resolve(key + ".bin");
            double[][] ref = BiasMapRunner.cachedReference(refSim, s, file);
            for (BiasMapRunner.Switch sw : BiasMapRunner.switches()) {
                if (!(sw.name().equals("base") || sw.name().equals("e-onset96h"))
                        || !onlySwitch.isEmpty() && !onlySwitch.equals(sw.name())) {
                    continue;
                }
                double lagScale = Double.parseDouble(System.getProperty("vascalc.scratch.lag", "1"));
                double first = Double.parseDouble(System.getProperty("vascalc.scratch.first", "0"));
                BiasProbe probe = BiasProbe.NONE.withLagScale(lagScale).withFirstInterval(first);
                if (Boolean.getBoolean("vascalc.scratch.trace")) {
                    probe = probe.withTrace(line -> System.out.println("OC " + key + " " + line.substring(0,
                            Math.min(line.length(), 160))));
                }
                EngineSimulator sim = new EngineSimulator(p, Integrators.standard(),
                        sw.settings().apply(FastSettings.DEFAULT).withProbe(probe), FastSettings.DEFAULT, true);
                double[][] fast = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory().values();
                report(key + " [" + sw.name() + (lagScale != 1 ? " lag" + lagScale : "")
                        + (first > 0 ? " first" + first + "h" : "") + "]", vars, ref, fast);
            }
        }
    }

    /** Step 3's switches: the onset exact or not, crossed with a cap on a new regimen's first reuse interval. */
    record Variant(String name, double onsetHours, double firstIntervalHours) {
    }

    static final List<Variant> VARIANTS = List.of(new Variant("base", 0, 0), new Variant("e-onset96h", 96, 0),
            new Variant("f-first1d", 0, 24), new Variant("f-first2d", 0, 48), new Variant("f-first4d", 0, 96),
            new Variant("g-onset96h-first1d", 96, 24), new Variant("g-onset96h-first2d", 96, 48),
            new Variant("g-onset96h-first4d", 96, 96), new Variant("h-onset48h-first2d", 48, 48),
            new Variant("h-onset24h-first2d", 24, 48));

    /**
     * {@code sweep}: biasmap's 13 years ({@link BiasMapRunner#MISSES}, {@link BiasMapRunner#CONTROLS}) under each
     * {@link #VARIANTS}, the level as {@link BiasMapRunner#level} (73-day rows against daily reference rows, cached in
     * {@code target/reference-cache-biasmap}); one line each to {@code target/onsetcause-sweep-i.tsv}
     * ({@code -Dvascalc.scratch.part=i/n}).
     */
    static void sweep() throws IOException {
        String names = System.getProperty("vascalc.scratch.variants", "");
        // every year that is not a miss was labelled a control here, the wide years' too (sweep-wide72.tsv)
        BiasMapRunner.sweep("onsetcause", p -> VARIANTS.stream()
                .filter(v -> names.isEmpty() || names.contains(v.name() + ","))
                .map(v -> new BiasMapRunner.SweepVariant(v.name(), () -> simulator(p, v))).toList(), "control");
    }

    /** The sweep's variant {@code name} as fast-mode settings (run averaged, the run-in on the default settings). */
    static EngineSimulator simulator(ParameterCatalog p, Variant v) {
        FastSettings settings = BiasMapRunner.with(FastSettings.DEFAULT, null, null, null, null, null, null, null, null,
                v.onsetHours() > 0 ? v.onsetHours() : null, null)
                .withProbe(BiasProbe.NONE.withFirstInterval(v.firstIntervalHours()));
        return new EngineSimulator(p, Integrators.standard(), settings, FastSettings.DEFAULT, true);
    }

    /**
     * {@code check}: {@link BiasMapRunner#check}'s guards for the variants named by {@code -Dvascalc.scratch.variants}
     * (default base and the two g- combinations).
     */
    static void check() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        String names = System.getProperty("vascalc.scratch.variants", "base,g-onset96h-first1d,g-onset96h-first2d,");
        BiasMapRunner.check(p, VARIANTS.stream().filter(v -> names.contains(v.name() + ","))
                .map(v -> new BiasMapRunner.SweepVariant(v.name(), () -> simulator(p, v))).toList());
    }

    private static int row(double day) {
        return (int) Math.round(day * 24 / ROW_HOURS);
    }

    /** Mean of column c over rows [day a, day b) (left-point rule on the uniform rows). */
    private static double mean(double[][] v, int c, double a, double b) {
        double sum = 0;
        int n = 0;
        for (int i = row(a); i < row(b); i++) {
            sum += v[i][c];
            n++;
        }
        return sum / n;
    }

    static void report(String tag, List<StateVariable> vars, double[][] ref, double[][] fast) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "OC %s %-28s", tag, "window (days)"));
        for (int w = 0; w + 1 < EDGES.length; w++) {
            head.append(String.format(Locale.ROOT, " %9s", EDGES[w] + "-" + EDGES[w + 1]));
        }
        System.out.println(head);
        int pth = -1;
        int adapted = -1;
        for (int c = 0; c < vars.size(); c++) {
            pth = vars.get(c).id().equals("mineral.pth") ? c : pth;
            adapted = vars.get(c).id().equals("mineral.pthAdapted") ? c : adapted;
        }
        // the efflux lag itself (lagform): the window mean of ln(PTH / A), in either mode; fast - reference
        StringBuilder lnr = new StringBuilder(String.format(Locale.ROOT, "OC %s D %-22s ref ", tag, "ln(PTH/A)"));
        StringBuilder lnd = new StringBuilder(String.format(Locale.ROOT, "OC %s D %-22s f-r ", tag, "ln(PTH/A)"));
        for (int w = 0; w + 1 < EDGES.length; w++) {
            double sr = 0;
            double sf = 0;
            int n = 0;
            for (int i = row(EDGES[w]); i < row(EDGES[w + 1]); i++) {
                sr += Math.log(ref[i][pth] / ref[i][adapted]);
                sf += Math.log(fast[i][pth] / fast[i][adapted]);
                n++;
            }
            lnr.append(String.format(Locale.ROOT, " %+9.2e", sr / n));
            lnd.append(String.format(Locale.ROOT, " %+9.2e", (sf - sr) / n));
        }
        System.out.println(lnr);
        System.out.println(lnd);
        for (int c = 0; c < vars.size(); c++) {
            StateVariable v = vars.get(c);
            String name = v.id().replace("mineral.", "");
            if (v.timeScale() == TimeScale.SLOW) {
                StringBuilder rate = new StringBuilder(String.format(Locale.ROOT, "OC %s S %-22s rate", tag, name));
                StringBuilder err = new StringBuilder(String.format(Locale.ROOT, "OC %s S %-22s err ", tag, name));
                boolean moves = false;
                for (int w = 0; w + 1 < EDGES.length; w++) {
                    int a = row(EDGES[w]);
                    int b = row(EDGES[w + 1]);
                    double scale = Math.max(Math.abs(ref[b][c]), 1e-6);
                    double dr = (fast[b][c] - fast[a][c]) - (ref[b][c] - ref[a][c]);
                    double e = (fast[b][c] - ref[b][c]) / scale;
                    moves |= Math.abs(e) > 1e-4;
                    rate.append(String.format(Locale.ROOT, " %+9.2e", dr / scale));
                    err.append(String.format(Locale.ROOT, " %+9.2e", e));
                }
                if (moves) {
                    System.out.println(rate);
                    System.out.println(err);
                }
            } else {
                StringBuilder err = new StringBuilder(String.format(Locale.ROOT, "OC %s F %-22s mean", tag, name));
                StringBuilder drift = new StringBuilder(String.format(Locale.ROOT, "OC %s F %-22s dlnm", tag, name));
                StringBuilder lag = new StringBuilder(String.format(Locale.ROOT, "OC %s F %-22s lagh", tag, name));
                boolean moves = false;
                for (int w = 0; w + 1 < EDGES.length; w++) {
                    double a = EDGES[w];
                    double b = EDGES[w + 1];
                    double mr = mean(ref, c, a, b);
                    double mf = mean(fast, c, a, b);
                    double e = (mf - mr) / Math.max(Math.abs(mr), 1e-12);
                    // the reference mean's drift: first day of the window against its last day, per hour
                    double m0 = mean(ref, c, a, a + 1);
                    double m1 = mean(ref, c, b - 1, b);
                    double d = (m0 > 0 && m1 > 0) ? Math.log(m1 / m0) / ((b - a - 1) * 24) : Double.NaN;
                    moves |= Math.abs(e) > 1e-4;
                    err.append(String.format(Locale.ROOT, " %+9.2e", e));
                    drift.append(String.format(Locale.ROOT, " %+9.2e", d));
                    lag.append(String.format(Locale.ROOT, " %+9.1f", -e / d));
                }
                if (moves) {
                    System.out.println(err);
                    System.out.println(drift);
                    System.out.println(lag);
                }
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        main(new String[0]);
    }
}
