package org.vascalc.simulation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}; biasmap, fifty-ninth session;
 * docs/performance-log.md). Where does AVERAGED fast mode's bias come from in the years outside the final line
 * ({@link DirectClass}) that miss the 1 % agreement? Each year is run averaged ({@link DirectSettings#AVERAGED}, the
 * run-in on the default settings, so every switch starts from the same stabilised state) with ONE of the engine's
 * approximations switched to an exact or refined form, and its level measured as {@code FastVersusReferenceIT} and
 * {@code MissMapRunner.measure} do: the worst {@code |fast - reference| / max(|reference|, 1e-6)} over the SLOW outputs
 * ({@link FastVersusReferenceTest#slowChannels}) at the 73-day rows, with the output and row that set it.
 *
 * <p><b>The years</b> (fixed before any switch ran): the 7 years outside the line that miss 1 % in
 * {@code linecv/table.tsv} (heldout4, heldout5 and heldout5's controls) and 6 controls outside it that agree, chosen
 * by regimen kind to match the misses (carbonate with food, citrate on dialysis and in CKD, acetate, own labs, food
 * alone): {@link #MISSES}, {@link #CONTROLS}.
 *
 * <p><b>The switches</b> ({@link #switches}; written before any ran): base (today's run: must give the table's level);
 * (a) the FAST states' lag ({@link OrbitDrift}) × 0 and × 0.8; (b) an orbit at least every 7, 14, 30 days (and every day, the
 * limit of the between-orbit prediction)
 * ({@link FastSettings#maxOrbitAgeHours}); (c) a SLOW step of at most a day, all 12 orbit samples in the quadrature,
 * 24 samples all in the quadrature; (d) the onset oracle: the SLOW states and the wall's set to the reference run's at
 * day 1 or 7 ({@link BiasProbe#oracle}); (e) the orbit integration at a tenth of its tolerance, the orbit closure at
 * 1e-6, the reuse control's flux tolerance × 0.1, the closed vitamin K block's deviation taken up by the SLOW step, a
 * 96-hour direct onset, the wall kept in the SLOW machinery.
 *
 * <p>Reference runs at daily rows (the oracle's days and the 73-day rows) are cached in
 * {@code target/reference-cache-biasmap}. Output: one line per year and switch to {@code target/biasmap-part-i.tsv}
 * ({@code -Dvascalc.scratch.part=i/n}: every n-th year from the i-th), {@code -Dvascalc.scratch.only=KEY,...} and
 * {@code -Dvascalc.scratch.switches=NAME,...} to restrict. The measured table is
 * {@code src/test/resources/biasmap/table.tsv}; {@link #trace}'s output for the base run is {@code biasmap/trace.txt},
 * for three switches {@code biasmap/trace-switches.txt}. Finding (docs/performance-log.md, biasmap): the misses' bias
 * is the regimen's onset (days 0-4 skipped by the SLOW path, and fast mode's own error in weeks 2-8 after it), in
 * misses and controls alike; no switch removes the misses.
 */
class BiasMapRunner {

    static final List<String> MISSES = List.of("egfr25-food1500-carb325x2", "labs55-abind1334",
            "egfr15-k1x1000-citrate325x2", "egfr15-citrate325x2", "egfr50-food1500-carb700x2", "egfr22-cbind575",
            "egfr33-citrate725x2");
    static final List<String> CONTROLS = List.of("egfr32-carb725x2-food", "hd-labs-citrate325x2",
            "egfr30-citrate400x3", "egfr40-abind1900", "labs40-carb500x2", "egfr45-food");

    /** One switch: settings (from the default) and the probe's switches ({@link #probe}). */
    record Switch(String name, UnaryOperator<FastSettings> settings, double lagScale, int guardSpans, int oracleDay) {
    }

    static FastSettings with(FastSettings d, Integer maxStepPeriods, Integer samples, Double orbitTolerance,
            Double maxOrbitAgeHours, Double rtol, Double flux, Integer quadratureSamples, Boolean affineOwnStep,
            Double onsetHours, Boolean vkUptake) {
        return new FastSettings(maxStepPeriods != null ? maxStepPeriods : d.maxStepPeriods(),
                samples != null ? samples : d.samples(), d.maxOrbitPeriods(),
                orbitTolerance != null ? orbitTolerance : d.orbitTolerance(), d.driftTolerance(),
                maxOrbitAgeHours != null ? maxOrbitAgeHours : d.maxOrbitAgeHours(),
                rtol != null ? rtol : d.integrationRelativeTolerance(), flux != null ? flux : d.fluxTolerance(),
                d.stageQuadrature(), d.exactLinearPart(), d.frozenMilieu(),
                quadratureSamples != null ? quadratureSamples : d.quadratureSamples(),
                affineOwnStep != null ? affineOwnStep : d.affineOwnStep(), d.closedFormVitaminK(), d.reuseRules(),
                onsetHours != null ? onsetHours : d.onsetHours(), vkUptake != null ? vkUptake : d.vitaminKUptake(),
                d.onsetRows());
    }

    static List<Switch> switches() {
        List<Switch> s = new ArrayList<>();
        UnaryOperator<FastSettings> same = d -> d;
        s.add(new Switch("base", same, 1, 0, 0));
        s.add(new Switch("a-lag0", same, 0, 0, 0));
        s.add(new Switch("a-lag0.8", same, 0.8, 0, 0));
        for (int n : new int[] {1, 7, 14, 30}) {
            s.add(new Switch("b-orbit" + n + "d",
                    d -> with(d, null, null, null, n * 24.0, null, null, null, null, null, null), 1, 0, 0));
        }
        s.add(new Switch("c-step1d", d -> with(d, 1, null, null, null, null, null, null, null, null, null), 1, 1, 0));
        s.add(new Switch("c-quad12", d -> with(d, null, null, null, null, null, null, 12, null, null, null), 1, 0, 0));
        s.add(new Switch("c-samp24", d -> with(d, null, 24, null, null, null, null, 24, null, null, null), 1, 0, 0));
        s.add(new Switch("d-oracle1", same, 1, 0, 1));
        s.add(new Switch("d-oracle7", same, 1, 0, 7));
        s.add(new Switch("e-rtol2e-4", d -> with(d, null, null, null, null, 2e-4, null, null, null, null, null), 1, 0, 0));
        s.add(new Switch("e-close1e-6", d -> with(d, null, null, 1e-6, null, null, null, null, null, null, null), 1, 0, 0));
        s.add(new Switch("e-flux0.1", d -> with(d, null, null, null, null, null, 3e-4, null, null, null, null), 1, 0, 0));
        s.add(new Switch("e-vkuptake", d -> with(d, null, null, null, null, null, null, null, null, null, true), 1, 0, 0));
        s.add(new Switch("e-onset96h", d -> with(d, null, null, null, null, null, null, null, null, 96.0, null), 1, 0, 0));
        s.add(new Switch("e-wallslow", d -> with(d, null, null, null, null, null, null, null, false, null, null), 1, 0, 0));
        return s;
    }

    /**
     * The {@link BiasProbe} {@code sw} wants (carried by the run's settings, {@link FastSettings#withProbe}); its oracle
     * from {@code ref} (daily rows of {@code ids}), printing the states it moves.
     */
    static BiasProbe probe(Switch sw, double[][] ref, List<String> ids) {
        BiasProbe probe = BiasProbe.NONE.withLagScale(sw.lagScale()).withGuardSpans(sw.guardSpans());
        return sw.oracleDay() > 0 ? probe.withOracle(new ReferenceOracle(ref, ids), sw.oracleDay() * 24.0) : probe;
    }

    /**
     * The onset oracle from a reference run's daily rows; prints, once a run has ended ({@link #flush}), one line per
     * hour it set the states at, with each state it moved by more than 1e-3 (relative) and fast mode's excess.
     */
    static final class ReferenceOracle implements BiasProbe.Oracle {
        private final double[][] ref;
        private final Map<String, Integer> col = new HashMap<>();
        private StringBuilder line;
        private double lineHour = Double.NaN;

        ReferenceOracle(double[][] ref, List<String> ids) {
            this.ref = ref;
            for (int c = 0; c < ids.size(); c++) {
                col.put(ids.get(c), c);
            }
        }

        @Override
        public double value(String id, double hour) {
            Integer c = col.get(id);
            int row = (int) Math.round(hour / 24);
            return c == null || Math.abs(row * 24 - hour) > 1e-6 ? Double.NaN : ref[row][c];
        }

        @Override
        public void changed(String id, double hour, double relative) {
            if (line == null || hour != lineHour) {
                flush();
                line = new StringBuilder("BIASPROBE oracle at " + hour + " h:");
                lineHour = hour;
            }
            if (Math.abs(relative) > 1e-3) {
                line.append(String.format(Locale.ROOT, " %s %+.2e", id, relative));
            }
        }

        /** Prints the line of the states set since the last flush, if any. */
        void flush() {
            if (line != null) {
                System.out.println(line);
                line = null;
            }
        }
    }

    /** Prints what {@code probe}'s oracle, if it has one, set in the run that has just ended. */
    static void flush(BiasProbe probe) {
        if (probe.oracle() instanceof ReferenceOracle o) {
            o.flush();
        }
    }

    /** The level of {@code fast} (73-day rows) against {@code ref} (daily rows) and where it is set. */
    record Level(double level, String output, int day) {
    }

    static Level level(double[][] fast, double[][] ref, List<String> ids) {
        double worst = 0;
        String at = "";
        int day = -1;
        for (int i = 0; i < fast.length; i++) {
            double[] r = ref[i * 73];
            for (int c = 0; c < ids.size(); c++) {
                double l = Math.abs(fast[i][c] - r[c]) / Math.max(Math.abs(r[c]), 1e-6);
                if (l > worst) {
                    worst = l;
                    at = ids.get(c);
                    day = i * 73;
                }
            }
        }
        return new Level(worst, at, day);
    }

    /** linecv's one-year runs by key, the first of each key, in the grid's order. */
    static Map<String, LineCvRunner.Year> yearsByKey() throws IOException {
        Map<String, LineCvRunner.Year> byKey = new LinkedHashMap<>();
        for (LineCvRunner.Year y : LineCvRunner.years()) {
            byKey.putIfAbsent(y.key(), y);
        }
        return byKey;
    }

    /** The keys of the 13 years the grid was fixed on: {@link #MISSES}, then {@link #CONTROLS}. */
    static List<String> yearKeys() {
        List<String> keys = new ArrayList<>(MISSES);
        keys.addAll(CONTROLS);
        return keys;
    }

    /**
     * The other measured one-year runs outside the final line, with 73-day rows (linecv's years, not the 13 of
     * {@link #yearKeys()}): the held-out years of the onset sweeps ({@code -Dvascalc.scratch.wide=true}).
     */
    static List<String> wideKeys(Map<String, LineCvRunner.Year> byKey, ParameterCatalog p) {
        List<String> keys = yearKeys();
        List<String> others = new ArrayList<>();
        for (LineCvRunner.Year y : byKey.values()) {
            Scenario s = y.scenario();
            if (!keys.contains(y.key()) && !DirectClass.inClass(s, p) && s.durationDays() <= 366
                    && s.recording().intervalHours() == 73 * 24) {
                others.add(y.key());
            }
        }
        return others;
    }

    /** A sweep's variant: its name and a fresh fast-mode simulator of its settings for each year. */
    record SweepVariant(String name, java.util.function.Supplier<EngineSimulator> simulator) {
    }

    /**
     * The onset runners' sweep ({@code OnsetCauseRunner}, {@code InitialLayerRunner}): the 13 years, or with
     * {@code -Dvascalc.scratch.wide=true} the {@link #wideKeys 72 others}, every {@code n}-th from {@code i}
     * ({@code -Dvascalc.scratch.part=i/n}); per year and variant the level as {@link #level} (73-day rows against
     * daily reference rows, cached in {@code target/reference-cache-biasmap}), one line to
     * {@code target/TAG-sweep-i[suffix].tsv}. A year that is neither a miss nor a control is {@code otherKind}.
     */
    static void sweep(String tag, java.util.function.Function<ParameterCatalog, List<SweepVariant>> variants,
            String otherKind) throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        List<String> ids = FastVersusReferenceTest.slowChannels();
        Map<String, LineCvRunner.Year> byKey = yearsByKey();
        List<String> keys = Boolean.getBoolean("vascalc.scratch.wide") ? wideKeys(byKey, p) : yearKeys();
        String[] part = System.getProperty("vascalc.scratch.part", "0/1").split("/");
        int i0 = Integer.parseInt(part[0]);
        int n = Integer.parseInt(part[1]);
        Path dir = Path.of("target/reference-cache-biasmap");
        Files.createDirectories(dir);
        Path out = Path.of("target/" + tag + "-sweep-" + i0 + System.getProperty("vascalc.scratch.suffix", "")
                + ".tsv");
        EngineSimulator refSim = new EngineSimulator(p);
        List<SweepVariant> chosen = variants.apply(p);
        for (int k = i0; k < keys.size(); k += n) {
            String key = keys.get(k);
            LineCvRunner.Year y = byKey.get(key);
            Scenario s = y.scenario();
            Scenario daily = new Scenario(s.name(), "", s.patient(), s.conditions(), s.interventions(),
                    s.durationDays(), new Recording(ids, 24, 24, 0, 0));
            double[][] ref = cachedReference(refSim, daily, dir.resolve(key + ".bin"));
            for (SweepVariant v : chosen) {
                var r = v.simulator().get().run(s, Mode.FAST, ProgressListener.NONE);
                Level l = level(r.trajectory().values(), ref, ids);
                String line = String.format(Locale.ROOT, "%s\t%s\t%.3e\t%s\t%.3e\t%s\t%d\t%s\t%s%n", key,
                        MISSES.contains(key) ? "miss" : CONTROLS.contains(key) ? "control" : otherKind, y.level(),
                        v.name(), l.level(), l.output(), l.day(), r.counters().get("derivativeEvaluations"),
                        r.counters().get("orbits"));
                System.out.print("SWEEP " + line);
                Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    /**
     * The onset runners' {@code check} ({@code OnsetCauseRunner}, {@code InitialLayerRunner}): the guards of a
     * change to the onset, for each variant (averaged, the run-in on the default settings, a fresh simulator a run):
     * {@code DecadeTimingRunner}'s decade (its counters, after the shipped default's) and, unless
     * {@code -Dvascalc.scratch.decadeOnly=true}, {@code FastVersusReferenceIT}'s cases (each case's worst level as
     * {@link FastVersusReferenceTest#worstRelativeDifference}; the reference run once per case).
     */
    static void check(ParameterCatalog p, List<SweepVariant> variants) {
        var decade = benchmarkDecade();
        var shipped = new EngineSimulator(p).run(decade, Mode.FAST, ProgressListener.NONE);
        System.out.println("CHECK decade shipped default " + shipped.counters());
        for (SweepVariant v : variants) {
            var r = v.simulator().get().run(decade, Mode.FAST, ProgressListener.NONE);
            System.out.println("CHECK decade " + v.name() + " " + r.counters());
        }
        if (Boolean.getBoolean("vascalc.scratch.decadeOnly")) {
            return;
        }
        List<Scenario> cases = agreementCases();
        EngineSimulator refSim = new EngineSimulator(p);
        for (Scenario s : cases) {
            var ref = refSim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CHECK IT %-50s", s.name()));
            for (SweepVariant v : variants) {
                var fast = v.simulator().get().run(s, Mode.FAST, ProgressListener.NONE);
                sb.append(String.format(Locale.ROOT, " %s %.3e (%s calls, %s orbits)", v.name(), worst(ref, fast),
                        fast.counters().get("derivativeEvaluations"), fast.counters().get("orbits")));
            }
            System.out.println(sb);
        }
    }

    /** {@code DecadeTimingRunner}'s benchmark decade, recorded yearly (the onset runners' {@code check}). */
    static Scenario benchmarkDecade() {
        List<String> ids = new ArrayList<>(List.of("serumCalciumTotal", "pth", "bmd", "mineral.glandCapacity",
                "mineral.glandPool", "mineral.osteoclasts", "mineral.caBone", "mineral.caBoneExch", "mineral.caUrineCum",
                "mineral.caFaecesCum", "vitk.cMgpFraction"));
        return Scenarios.of("supp", 3652.5, new Recording(ids, 365.25 * 24, 24, 0, 0),
                Scenarios.supplement(500, org.vascalc.core.intervention.Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new org.vascalc.core.intervention.Intervention.VitaminK(
                        org.vascalc.core.intervention.Intervention.VitaminKForm.MK7, 180,
                        org.vascalc.core.intervention.Schedule.daily(8)));
    }

    /** {@code FastVersusReferenceIT}'s cases, as the onset runners' {@code check} measures them. */
    static List<Scenario> agreementCases() {
        List<Scenario> cases = new ArrayList<>(List.of(AgreementScenarios.fiveYearsWithMeals(),
                AgreementScenarios.oneYearTwiceDailyWithMk7AtEgfr65(), AgreementScenarios.oneYearTwiceDailyWithMk7()));
        var f = org.vascalc.simulation.scenario.ScenarioFiles.load(
                org.vascalc.simulation.scenario.ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        cases.add(new Scenario(f.name(), f.description(), f.patient(), f.conditions(), f.interventions(),
                f.durationDays(), new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0)));
        for (var stage : List.of(org.vascalc.core.condition.Condition.CkdStage.G4,
                org.vascalc.core.condition.Condition.CkdStage.G5)) {
            cases.add(AgreementScenarios.oneYearCkdWithBinder(stage));
            cases.add(AgreementScenarios.oneYearCkdWithCarbonate(stage));
            cases.add(AgreementScenarios.oneYearCkdWithCarbonateBinder(stage));
        }
        cases.add(AgreementScenarios.withCkdLabs(AgreementScenarios.oneYearCkdWithBinder(
                org.vascalc.core.condition.Condition.CkdStage.G5), org.vascalc.core.condition.Condition.CkdStage.G5));
        return cases;
    }

    /** {@code FastVersusReferenceIT}'s level: the worst relative difference over every recorded output and row. */
    static double worst(org.vascalc.simulation.Trajectory ref, org.vascalc.simulation.SimulationResult fast) {
        double worst = 0;
        for (var c : ref.channels()) {
            double[] rr = ref.series(c.id());
            double[] ff = fast.trajectory().series(c.id());
            for (int i = 0; i < rr.length; i++) {
                worst = Math.max(worst, Math.abs(ff[i] - rr[i]) / Math.max(Math.abs(rr[i]), 1e-6));
            }
        }
        return worst;
    }

    /** Reference mode's rows of a scenario: read from {@code file} if it is there, else run and written there. */
    static double[][] cachedReference(EngineSimulator refSim, Scenario s, Path file) throws IOException {
        if (Files.exists(file)) {
            return AgreementRunner.read(file);
        }
        double[][] ref = refSim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory().values();
        AgreementRunner.write(file, ref);
        return ref;
    }

    static void run() throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        List<String> ids = FastVersusReferenceTest.slowChannels();
        Map<String, LineCvRunner.Year> byKey = yearsByKey();
        List<String> keys = yearKeys();
        String only = System.getProperty("vascalc.scratch.only", "");
        String onlySwitches = System.getProperty("vascalc.scratch.switches", "");
        String[] part = System.getProperty("vascalc.scratch.part", "0/1").split("/");
        int i0 = Integer.parseInt(part[0]);
        int n = Integer.parseInt(part[1]);
        Path dir = Path.of("target/reference-cache-biasmap");
        Files.createDirectories(dir);
        Path out = Path.of("target/biasmap-part-" + i0 + ".tsv");
        EngineSimulator refSim = new EngineSimulator(p);
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int k = i0; k < keys.size(); k += n) {
            String key = keys.get(k);
            if (!only.isEmpty() && !only.contains(key + ",")) {
                continue;
            }
            LineCvRunner.Year y = byKey.get(key);
            Scenario s = y.scenario();
            Scenario daily = new Scenario(s.name(), "", s.patient(), s.conditions(), s.interventions(),
                    s.durationDays(), new Recording(ids, 24, 24, 0, 0));
            Path file = dir.resolve(key + ".bin");
            long c0 = bean.getCurrentThreadCpuTime();
            boolean cached = Files.exists(file);
            double[][] ref = cachedReference(refSim, daily, file);
            if (!cached) {
                System.out.printf(Locale.ROOT, "BIASMAP %s reference %.1f s CPU%n", key,
                        (bean.getCurrentThreadCpuTime() - c0) * 1e-9);
            }
            for (Switch sw : switches()) {
                if (!onlySwitches.isEmpty() && !onlySwitches.contains(sw.name() + ",")) {
                    continue;
                }
                BiasProbe probe = probe(sw, ref, ids);
                EngineSimulator sim = new EngineSimulator(p, Integrators.standard(),
                        sw.settings().apply(FastSettings.DEFAULT).withProbe(probe), FastSettings.DEFAULT, true);
                String line;
                long t0 = bean.getCurrentThreadCpuTime();
                try {
                    var r = sim.run(s, Mode.FAST, ProgressListener.NONE);
                    Level l = level(r.trajectory().values(), ref, ids);
                    line = String.format(Locale.ROOT, "%s\t%s\t%.3e\t%s\t%.3e\t%s\t%d\t%s\t%s\t%.2f%n", key,
                            MISSES.contains(key) ? "miss" : "control", y.level(), sw.name(), l.level(), l.output(),
                            l.day(), r.counters().get("derivativeEvaluations"), r.counters().get("orbits"),
                            (bean.getCurrentThreadCpuTime() - t0) * 1e-9);
                } catch (RuntimeException e) {
                    line = String.format(Locale.ROOT, "%s\t%s\t%.3e\t%s\tfailed\t%s\t-1\t-\t-\t%.2f%n", key,
                            MISSES.contains(key) ? "miss" : "control", y.level(), sw.name(),
                            String.valueOf(e.getMessage()).replace('\t', ' ').replace('\n', ' '),
                            (bean.getCurrentThreadCpuTime() - t0) * 1e-9);
                } finally {
                    flush(probe);
                }
                System.out.print("BIASMAP " + line);
                Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
    }

    /**
     * {@code trace} ({@code -Dvascalc.scratch.group=trace}, or {@code main trace}): each year's base run with daily rows
     * against the cached daily reference: the relative difference of {@code -Dvascalc.scratch.channels} (default the
     * osteoclasts and the cumulative urinary calcium) on chosen days, and whether the 73-day rows are the same bits
     * as the run with 73-day rows. {@code -Dvascalc.scratch.switch=NAME}: that switch's run instead of the base.
     */
    static void trace() throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        List<String> ids = FastVersusReferenceTest.slowChannels();
        Map<String, LineCvRunner.Year> byKey = yearsByKey();
        List<String> keys = yearKeys();
        Path dir = Path.of("target/reference-cache-biasmap");
        int[] days = {1, 2, 3, 7, 14, 21, 28, 42, 56, 73, 110, 146, 219, 292, 365};
        String only = System.getProperty("vascalc.scratch.only", "");
        for (String k0 : keys) {
            if (!only.isEmpty() && !only.contains(k0 + ",")) {
                continue;
            }
            String key = k0;
            LineCvRunner.Year y = byKey.get(key);
            Scenario s = y.scenario();
            Scenario daily = new Scenario(s.name(), "", s.patient(), s.conditions(), s.interventions(),
                    s.durationDays(), new Recording(ids, 24, 24, 0, 0));
            double[][] ref = AgreementRunner.read(dir.resolve(k0 + ".bin"));
            String name = System.getProperty("vascalc.scratch.switch", "base");
            Switch sw = switches().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            BiasProbe probe = probe(sw, ref, ids);
            EngineSimulator sim = new EngineSimulator(p, Integrators.standard(),
                    sw.settings().apply(FastSettings.DEFAULT).withProbe(probe), FastSettings.DEFAULT, true);
            double[][] f;
            double[][] f73;
            try {
                f = sim.run(daily, Mode.FAST, ProgressListener.NONE).trajectory().values();
                flush(probe);
                f73 = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory().values();
            } finally {
                flush(probe);
            }
            key = key + " [" + name + "]";
            boolean same = true;
            for (int i = 0; i < f73.length; i++) {
                same &= java.util.Arrays.equals(f73[i], f[i * 73]);
            }
            System.out.printf(Locale.ROOT, "TRACE %s 73-day rows the same bits with daily rows: %s%n", key, same);
            // the level at each 73-day row (all SLOW outputs), and the worst from day 146 on
            StringBuilder rows = new StringBuilder(String.format(Locale.ROOT, "TRACE %s level by row:", key));
            double late = 0;
            for (int i = 1; i < f73.length; i++) {
                Level l = level(new double[][] {f73[i]}, new double[][] {ref[i * 73]}, ids);
                rows.append(String.format(Locale.ROOT, " d%d %.2e (%s)", i * 73, l.level(),
                        l.output().replace("mineral.", "")));
                if (i >= 2) {
                    late = Math.max(late, l.level());
                }
            }
            System.out.println(rows + String.format(Locale.ROOT, " | from d146 %.3e", late));
            for (String id : System.getProperty("vascalc.scratch.channels", "mineral.osteoclasts,mineral.caUrineCum")
                    .split(",")) {
                int c = ids.indexOf(id);
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "TRACE %s %s:", key, id));
                for (int d : days) {
                    sb.append(String.format(Locale.ROOT, " d%d %+.2e", d,
                            (f[d][c] - ref[d][c]) / Math.max(Math.abs(ref[d][c]), 1e-6)));
                }
                System.out.println(sb);
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        if ("trace".equals(System.getProperty("vascalc.scratch.group"))) {
            trace();
        } else {
            run();
        }
    }

    /** {@code java -cp ... BiasMapRunner [run|trace]}. */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("trace")) {
            trace();
        } else {
            run();
        }
    }
}
