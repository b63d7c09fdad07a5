package org.vascalc.simulation.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}; spread, fifty-eighth session;
 * docs/performance-log.md). Can AVERAGED fast mode measure its own averaging error by re-running itself with its
 * orbits placed differently? Every measured year of {@link LineCvRunner#years()} (235, with their worst averaged
 * level against reference mode from {@code linecv/levels.tsv}; a miss is a level ≥ 1e-2) is re-run averaged
 * ({@link DirectSettings#AVERAGED}, whatever the regimen) by an ensemble of members that differ only in WHERE the
 * orbits fall, and the members' spread is set beside the level. No reference run is needed for that.
 *
 * <p><b>The members</b> (written down and committed before any spread was scored): the reuse control's flux
 * tolerance ({@link FastSettings#fluxTolerance}, 3e-3, which sets the interval to the next orbit, {@link OrbitReuse})
 * scaled, every other setting the default, the run-in on the default settings (so every member starts from the same
 * stabilised state): m0 × 1 (the shipped averaged run, the year's level), m1 × 0.7, m2 × 1.4, m3 × 0.85, m4 × 1.2.
 * The flux tolerance moves the orbits' times and count, not the method's order.
 *
 * <p><b>The spread</b> of a set of members, in the level's metric: the largest, over the recorded SLOW outputs and
 * rows (the 73-day rows), of {@code (max over members - min over members) / max(|m0|, 1e-6)}; +inf if a member
 * fails. <b>The estimators</b> (at most three):
 * <ol>
 *   <li>E1 the spread of {m0, m1, m2} (tolerance × 0.7 and × 1.4; two extra runs);</li>
 *   <li>E2 the spread of {m0, m3, m4} (× 0.85 and × 1.2: the same with half the perturbation, two extra runs);</li>
 *   <li>E3 the spread of all five (four extra runs).</li>
 * </ol>
 *
 * <p>{@code run} ({@code -Dvascalc.scratch.group=run}): the years in order of decreasing level (so every miss and
 * the closest non-misses come first), {@code -Dvascalc.scratch.part=i/n} taking every n-th from the i-th (two
 * processes on two CPUs); appends a row per year to {@code target/spread-part-i.tsv}: grid, key, level, miss, the
 * current line ({@link DirectClass#inClass}), E1, E2, E3, m0's derivative calls, the four others' together, the
 * members' CPU seconds together. {@code score}: reads {@code src/test/resources/spread/spread.tsv} (the parts
 * joined) and prints Spearman's rank correlation of each spread with the level, and a leave-one-grid-out threshold
 * (the six folds of {@link LineCvRunner}; on the five training grids t = the smallest spread of a training miss, so
 * that every training miss is flagged; scored on the sixth: misses flagged / missed, non-misses flagged), over all
 * years and over the years outside the current line (the ones fast mode averages). {@code reference}: for the keys
 * in {@code -Dvascalc.scratch.only} runs reference mode (cached in {@code target/reference-cache-spread}) and prints
 * each member's level, the ensemble means' levels and the spreads: whether m0 reproduces the table's level, and
 * whether the ensemble mean is closer to reference mode than m0.
 */
class SpreadRunner {

    /** The members' flux-tolerance factors; m0 is the shipped run. */
    static final double[] FACTORS = {1, 0.7, 1.4, 0.85, 1.2};

    /** The estimators: the members each takes the spread of. */
    static final Map<String, int[]> ESTIMATORS = estimators();

    private static Map<String, int[]> estimators() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("E1", new int[] {0, 1, 2});
        m.put("E2", new int[] {0, 3, 4});
        m.put("E3", new int[] {0, 1, 2, 3, 4});
        return m;
    }

    /** {@link FastSettings#DEFAULT} with the flux tolerance scaled by {@code factor} (factor 1: the same record). */
    static FastSettings member(double factor) {
        FastSettings d = FastSettings.DEFAULT;
        if (factor == 1) {
            return d;
        }
        return new FastSettings(d.maxStepPeriods(), d.samples(), d.maxOrbitPeriods(), d.orbitTolerance(),
                d.driftTolerance(), d.maxOrbitAgeHours(), d.integrationRelativeTolerance(), d.fluxTolerance() * factor,
                d.stageQuadrature(), d.exactLinearPart(), d.frozenMilieu(), d.quadratureSamples(), d.affineOwnStep(),
                d.closedFormVitaminK(), d.reuseRules(), d.onsetHours(), d.vitaminKUptake(), d.onsetRows());
    }

    /** One simulator per member, averaged whatever the regimen, the run-in on the default settings. */
    static List<EngineSimulator> simulators(ParameterCatalog p) {
        List<EngineSimulator> out = new ArrayList<>();
        for (double f : FACTORS) {
            out.add(f == 1 ? new EngineSimulator(p, DirectSettings.AVERAGED)
                    : new EngineSimulator(p, Integrators.standard(), member(f), FastSettings.DEFAULT, true));
        }
        return out;
    }

    /** The spread of {@code members} (indices into {@code runs}, m0 first) in the level's metric. */
    static double spread(double[][][] runs, int[] members) {
        for (int m : members) {
            if (runs[m] == null) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double[][] base = runs[0];
        double worst = 0;
        for (int i = 0; i < base.length; i++) {
            for (int c = 0; c < base[i].length; c++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int m : members) {
                    lo = Math.min(lo, runs[m][i][c]);
                    hi = Math.max(hi, runs[m][i][c]);
                }
                worst = Math.max(worst, (hi - lo) / Math.max(Math.abs(base[i][c]), 1e-6));
            }
        }
        return worst;
    }

    /** The level of {@code v} against {@code ref}: as {@code MissMapRunner.measure}. */
    static double level(double[][] v, double[][] ref) {
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
            for (int c = 0; c < ref[i].length; c++) {
                worst = Math.max(worst, Math.abs(v[i][c] - ref[i][c]) / Math.max(Math.abs(ref[i][c]), 1e-6));
            }
        }
        return worst;
    }

    /** The mean of the members' trajectories (null if one failed). */
    static double[][] mean(double[][][] runs, int[] members) {
        for (int m : members) {
            if (runs[m] == null) {
                return null;
            }
        }
        double[][] out = new double[runs[0].length][runs[0][0].length];
        for (int i = 0; i < out.length; i++) {
            for (int c = 0; c < out[i].length; c++) {
                for (int m : members) {
                    out[i][c] += runs[m][i][c] / members.length;
                }
            }
        }
        return out;
    }

    /** The years in run order: by decreasing level (failed first), ties in the runners' order. */
    static List<LineCvRunner.Year> ordered() throws IOException {
        List<LineCvRunner.Year> ys = new ArrayList<>(LineCvRunner.years());
        ys.sort(Comparator.comparingDouble((LineCvRunner.Year y) -> -y.level()));
        return ys;
    }

    private static void run(ParameterCatalog p) throws IOException {
        String[] part = System.getProperty("vascalc.scratch.part", "0/1").split("/");
        int i0 = Integer.parseInt(part[0]);
        int n = Integer.parseInt(part[1]);
        Path out = Path.of("target/spread-part-" + i0 + ".tsv");
        List<EngineSimulator> sims = simulators(p);
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        List<LineCvRunner.Year> ys = ordered();
        for (int k = i0; k < ys.size(); k += n) {
            LineCvRunner.Year y = ys.get(k);
            Scenario s = y.scenario();
            double[][][] runs = new double[FACTORS.length][][];
            long calls0 = 0;
            long callsOthers = 0;
            long cpu = bean.getCurrentThreadCpuTime();
            for (int m = 0; m < FACTORS.length; m++) {
                try {
                    var r = sims.get(m).run(s, Mode.FAST, ProgressListener.NONE);
                    runs[m] = r.trajectory().values();
                    long calls = r.counters().get("derivativeEvaluations").longValue();
                    if (m == 0) {
                        calls0 = calls;
                    } else {
                        callsOthers += calls;
                    }
                } catch (RuntimeException e) {
                    System.out.println("SPREAD " + y.key() + " member " + m + " FAILED " + e.getMessage());
                }
            }
            double cpuS = (bean.getCurrentThreadCpuTime() - cpu) * 1e-9;
            StringBuilder line = new StringBuilder();
            line.append(y.grid()).append('\t').append(y.key()).append('\t')
                    .append(Double.isInfinite(y.level()) ? "failed" : String.format(Locale.ROOT, "%.3e", y.level()))
                    .append('\t').append(y.miss() ? "miss" : "within").append('\t')
                    .append(DirectClass.inClass(s, p) ? "in" : "out");
            for (int[] e : ESTIMATORS.values()) {
                line.append('\t').append(String.format(Locale.ROOT, "%.3e", spread(runs, e)));
            }
            line.append('\t').append(calls0).append('\t').append(callsOthers)
                    .append('\t').append(String.format(Locale.ROOT, "%.2f", cpuS)).append('\n');
            System.out.print("SPREAD " + line);
            Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static void reference(ParameterCatalog p) throws IOException {
        String only = System.getProperty("vascalc.scratch.only", "");
        Path dir = Path.of("target/reference-cache-spread");
        Files.createDirectories(dir);
        List<EngineSimulator> sims = simulators(p);
        for (LineCvRunner.Year y : LineCvRunner.years()) {
            if (!only.contains(y.key() + ",")) {
                continue;
            }
            double[][] ref = AgreementRunner.cachedReference(dir, y.scenario(), sims.get(0));
            double[][][] runs = new double[FACTORS.length][][];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "SPREADREF %s table %.3e members",
                    y.key(), y.level()));
            for (int m = 0; m < FACTORS.length; m++) {
                try {
                    runs[m] = sims.get(m).run(y.scenario(), Mode.FAST, ProgressListener.NONE).trajectory().values();
                    line.append(String.format(Locale.ROOT, " %.3e", level(runs[m], ref)));
                } catch (RuntimeException e) {
                    line.append(" FAILED");
                }
            }
            for (var e : ESTIMATORS.entrySet()) {
                double[][] mean = mean(runs, e.getValue());
                line.append(String.format(Locale.ROOT, " | %s mean %.3e spread %.3e", e.getKey(),
                        mean == null ? Double.NaN : level(mean, ref), spread(runs, e.getValue())));
            }
            System.out.println(line);
        }
    }

    /** A scored row of {@code spread.tsv}. */
    record Row(String grid, String key, double level, boolean miss, boolean inLine, double[] spreads) {
        String fold() {
            return grid.startsWith("heldout5") ? "heldout5" : grid;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = SpreadRunner.class.getResourceAsStream("/spread/spread.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("grid")) {
                    continue;
                }
                String[] f = line.split("\t");
                double[] sp = new double[ESTIMATORS.size()];
                for (int e = 0; e < sp.length; e++) {
                    sp[e] = Double.parseDouble(f[5 + e].replace("Infinity", "Infinity"));
                }
                out.add(new Row(f[0], f[1], f[2].equals("failed") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[2]),
                        f[3].equals("miss"), f[4].equals("in"), sp));
            }
        }
        return out;
    }

    /** Spearman's rank correlation (average ranks for ties). */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += rx[i] / x.length;
            my += ry[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int a = 0; a < v.length;) {
            int b = a;
            while (b + 1 < v.length && v[idx[b + 1]] == v[idx[a]]) {
                b++;
            }
            for (int k = a; k <= b; k++) {
                r[idx[k]] = (a + b) / 2.0 + 1;
            }
            a = b + 1;
        }
        return r;
    }

    /** {caught, missed, non-misses flagged, non-misses} for threshold t (flag: spread ≥ t). */
    static int[] score(List<Row> rs, int e, double t) {
        int[] c = new int[4];
        for (Row r : rs) {
            boolean flag = r.spreads()[e] >= t;
            if (r.miss()) {
                c[flag ? 0 : 1]++;
            } else {
                c[3]++;
                if (flag) {
                    c[2]++;
                }
            }
        }
        return c;
    }

    static String scoreAll(List<Row> all) {
        StringBuilder sb = new StringBuilder();
        List<String> names = new ArrayList<>(ESTIMATORS.keySet());
        for (String subset : List.of("all", "outside-line")) {
            List<Row> rs = all.stream().filter(r -> subset.equals("all") || !r.inLine()).toList();
            double[] lv = rs.stream().mapToDouble(r -> Double.isInfinite(r.level()) ? 1 : r.level()).toArray();
            sb.append(String.format(Locale.ROOT, "SPREADSCORE %s: %d years, %d misses%n", subset, rs.size(),
                    rs.stream().filter(Row::miss).count()));
            for (int e = 0; e < names.size(); e++) {
                final int ei = e;
                double[] sp = rs.stream().mapToDouble(r -> r.spreads()[ei]).toArray();
                sb.append(String.format(Locale.ROOT, "SPREADSCORE %s %s Spearman %.3f%n", subset, names.get(e),
                        spearman(sp, lv)));
                int[] sum = new int[4];
                for (String fold : LineCvRunner.FOLDS) {
                    List<Row> test = rs.stream().filter(r -> r.fold().equals(fold)).toList();
                    if (test.isEmpty()) {
                        continue;
                    }
                    double t = all.stream().filter(r -> subset.equals("all") || !r.inLine())
                            .filter(r -> !r.fold().equals(fold) && r.miss())
                            .mapToDouble(r -> r.spreads()[ei]).min().orElse(Double.POSITIVE_INFINITY);
                    int[] c = score(test, e, t);
                    for (int k = 0; k < 4; k++) {
                        sum[k] += c[k];
                    }
                    sb.append(String.format(Locale.ROOT,
                            "SPREADSCORE %s %s fold %-9s t=%.3e misses flagged %d of %d, non-misses flagged %d of %d%n",
                            subset, names.get(e), fold, t, c[0], c[0] + c[1], c[2], c[3]));
                }
                sb.append(String.format(Locale.ROOT,
                        "SPREADSCORE %s %s LOGO sum: misses flagged %d of %d, non-misses flagged %d of %d%n",
                        subset, names.get(e), sum[0], sum[0] + sum[1], sum[2], sum[3]));
                double tIn = rs.stream().filter(Row::miss).mapToDouble(r -> r.spreads()[ei]).min()
                        .orElse(Double.POSITIVE_INFINITY);
                int[] c = score(rs, e, tIn);
                sb.append(String.format(Locale.ROOT,
                        "SPREADSCORE %s %s in-sample t=%.3e (every miss): non-misses flagged %d of %d%n",
                        subset, names.get(e), tIn, c[2], c[3]));
            }
        }
        return sb.toString();
    }

    static void runAll(String what) throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        switch (what) {
            case "run" -> run(p);
            case "reference" -> reference(p);
            default -> System.out.print(scoreAll(rows()));
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        runAll(System.getProperty("vascalc.scratch.group", "score"));
    }

    /** {@code java -cp ... SpreadRunner run|score|reference}. */
    public static void main(String[] args) throws IOException {
        runAll(args.length > 0 ? args[0] : "score");
    }
}
