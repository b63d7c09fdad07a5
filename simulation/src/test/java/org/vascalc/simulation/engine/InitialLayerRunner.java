package org.vascalc.simulation.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}; initlayer, sixty-first session,
 * docs/performance-log.md). Does the SLOW states' kick by the onset's initial layer in closed form
 * ({@link BiasProbe#initialLayer}, {@link InitialLayer}) mend averaged fast mode's onset misses? {@link #VARIANTS}:
 * base, the kick with {@code B} at the orbit's mean ({@code i-mean}) and averaged over its samples ({@code i-samples}).
 * <ul>
 * <li>{@code sweep}: biasmap's 13 years (or with {@code -Dvascalc.scratch.wide=true} the 72 other one-year runs outside
 * the line, as {@link OnsetCauseRunner#sweep}), the level as {@link BiasMapRunner#level} against daily reference rows
 * cached in {@code target/reference-cache-biasmap}; one line each to {@code target/initlayer-sweep-i.tsv};</li>
 * <li>{@code trace}: the orbit trace (the reason each orbit was due) and the kick of {@code -Dvascalc.scratch.only}'s
 * years, for each variant: does the start drift guard still hand the onset to the error control at day 3? (layercost:
 * {@code decade} traces the benchmark decade, and the trace has the kick's size and the gates' decisions.)</li>
 * <li>{@code check}: the guards, the benchmark decade's counters and {@code FastVersusReferenceIT}'s cases (as
 * {@link OnsetCauseRunner#check}; layercost: the cases in the final line also in shipped fast mode, integrated
 * directly).</li>
 * </ul>
 */
class InitialLayerRunner {

    /**
     * A variant: the kick's mode, (layercheck) the first-measurement rule's days, 0 off, and (layercost) that rule's
     * gate and threshold ({@link BiasProbe#firstMeasureGate}).
     */
    record Variant(String name, int initialLayer, double firstMeasureDays, int gate, double threshold, int layerBlock,
                   int layerSpread) {
        Variant(String name, int initialLayer, double firstMeasureDays, int gate, double threshold, int layerBlock) {
            this(name, initialLayer, firstMeasureDays, gate, threshold, layerBlock, BiasProbe.SPREAD_AT_ONCE);
        }

        Variant(String name, int initialLayer, double firstMeasureDays, int gate, double threshold) {
            this(name, initialLayer, firstMeasureDays, gate, threshold, BiasProbe.BLOCK_ALL);
        }

        Variant(String name, int initialLayer) {
            this(name, initialLayer, 0);
        }

        Variant(String name, int initialLayer, double firstMeasureDays) {
            this(name, initialLayer, firstMeasureDays, BiasProbe.GATE_NONE, 0);
        }
    }

    /**
     * layercost (sixty-second session): gated variants of {@code k14} named in {@code -Dvascalc.scratch.gates}, e.g.
     * {@code gk:0.5,gb:2,gd:0.3,}: {@code gk} the early measurement where the kick's size is at least the threshold,
     * {@code gb} the kick and the early measurement only there, {@code gd} the early measurement where the start
     * drift measure on day 14 is at least the threshold (each named {@code gk0.5} etc.). mineralkick (sixty-third
     * session): {@code gm} is {@code gb} with the kick's layer the mineral block's only ({@link BiasProbe#BLOCK_MINERAL});
     * spreadkick (sixty-third session): {@code gs} is {@code gm} with the kick spread over the layer's time course
     * ({@link BiasProbe#SPREAD_OVER_LAYER}).
     */
    static List<Variant> gated() {
        List<Variant> out = new ArrayList<>();
        for (String g : System.getProperty("vascalc.scratch.gates", "").split(",")) {
            if (g.isBlank()) {
                continue;
            }
            String[] kv = g.split(":");
            int gate = switch (kv[0]) {
                case "gk" -> BiasProbe.GATE_KICK;
                case "gb", "gm", "gs" -> BiasProbe.GATE_KICK_BOTH;
                case "gd" -> BiasProbe.GATE_DRIFT;
                case "go" -> GATE_DIRECT_ONSET;
                default -> throw new IllegalArgumentException("gate " + kv[0] + " must be gk, gb, gm, gs, gd or go");
            };
            // onsetgate (sixty-third session): go is the gated direct onset (OnsetDirect since onsetadopt), no early
            // measurement (its first interval is capped at 48 h instead, in settings())
            out.add(new Variant(kv[0] + kv[1], BiasProbe.LAYER_AT_MEAN, kv[0].equals("go") ? 0 : 14, gate,
                    Double.parseDouble(kv[1]),
                    kv[0].equals("gm") || kv[0].equals("gs") ? BiasProbe.BLOCK_MINERAL : BiasProbe.BLOCK_ALL,
                    kv[0].equals("gs") ? BiasProbe.SPREAD_OVER_LAYER : BiasProbe.SPREAD_AT_ONCE));
        }
        return out;
    }

    /**
     * layercheck (sixty-first session) added {@code k7}, {@code k14}, {@code k21}: the kick at the orbit's mean plus
     * {@link BiasProbe#firstMeasureHours} of 7, 14 and 21 days.
     */
    static final List<Variant> VARIANTS = List.of(new Variant("base", BiasProbe.LAYER_OFF),
            new Variant("i-mean", BiasProbe.LAYER_AT_MEAN), new Variant("i-samples", BiasProbe.LAYER_OVER_SAMPLES),
            new Variant("k7", BiasProbe.LAYER_AT_MEAN, 7), new Variant("k14", BiasProbe.LAYER_AT_MEAN, 14),
            new Variant("k21", BiasProbe.LAYER_AT_MEAN, 21));

    static List<Variant> chosen() {
        String names = System.getProperty("vascalc.scratch.variants", "");
        List<Variant> all = new ArrayList<>(VARIANTS);
        all.addAll(gated());
        return all.stream().filter(v -> names.isEmpty() || names.contains(v.name() + ",")).toList();
    }

    /**
     * onsetgate's gate 4, the gated direct onset: since onsetadopt not a probe gate but {@link FastSettings#onsetDirect}
     * (this runner's "go" variants build it there; every other variant runs with it off, as measured).
     */
    static final int GATE_DIRECT_ONSET = 4;

    static EngineSimulator simulator(ParameterCatalog p, Variant v, BiasProbe base) {
        return new EngineSimulator(p, Integrators.standard(), settings(v, base), FastSettings.DEFAULT, true);
    }

    /** Fast mode's settings of variant {@code v} on {@code base}: the onset before onsetadopt but for "go". */
    static FastSettings settings(Variant v, BiasProbe base) {
        return v.gate() == GATE_DIRECT_ONSET
                ? FastSettings.DEFAULT.withProbe(base).withOnsetDirect(OnsetDirect.gated(v.threshold()))
                : FastSettings.DEFAULT.withOnsetDirect(OnsetDirect.OFF).withProbe(probe(v, base));
    }

    /** {@code base} with variant {@code v}'s switches. */
    static BiasProbe probe(Variant v, BiasProbe base) {
        return base.withInitialLayer(v.initialLayer()).withFirstMeasure(v.firstMeasureDays() * 24)
                .withGate(v.gate(), v.threshold()).withLayerBlock(v.layerBlock())
                .withLayerSpread(v.layerSpread());
    }

    static void sweep() throws IOException {
        BiasMapRunner.sweep("initlayer", p -> chosen().stream()
                .map(v -> new BiasMapRunner.SweepVariant(v.name(), () -> simulator(p, v, BiasProbe.NONE))).toList(),
                "other");
    }

    static void trace() throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Map<String, LineCvRunner.Year> byKey = BiasMapRunner.yearsByKey();
        String only = System.getProperty("vascalc.scratch.only", "egfr33-citrate725x2,");
        for (String key : only.split(",")) {
            if (key.isBlank()) {
                continue;
            }
            // layercost: "decade" traces the benchmark decade (check's)
            Scenario s0 = key.equals("decade") ? BiasMapRunner.benchmarkDecade() : byKey.get(key).scenario();
            Scenario s = key.equals("decade") ? s0 : new Scenario(s0.name(), "", s0.patient(), s0.conditions(),
                    s0.interventions(), 74, new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0));
            for (Variant v : chosen()) {
                BiasProbe traced = BiasProbe.NONE.withTrace(line -> {
                    if (!line.contains("stabilising")) {
                        System.out.println("TRACE " + key + " " + v.name() + " "
                                + line.substring(0, Math.min(line.length(), 400)));
                    }
                });
                simulator(p, v, traced).run(s, Mode.FAST, ProgressListener.NONE);
            }
        }
    }

    static void check() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        List<Variant> vs = chosen();
        var decade = BiasMapRunner.benchmarkDecade();
        var shipped = new EngineSimulator(p).run(decade, Mode.FAST, ProgressListener.NONE);
        System.out.println("CHECK decade shipped default " + shipped.counters());
        for (Variant v : vs) {
            var r = simulator(p, v, BiasProbe.NONE).run(decade, Mode.FAST, ProgressListener.NONE);
            System.out.println("CHECK decade " + v.name() + " " + r.counters());
        }
        if (Boolean.getBoolean("vascalc.scratch.decadeOnly")) {
            return;
        }
        List<Scenario> cases = BiasMapRunner.agreementCases();
        EngineSimulator refSim = new EngineSimulator(p);
        for (Scenario s : cases) {
            var ref = refSim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
            boolean inLine = DirectClass.inClass(s, p);
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CHECK IT %-50s%s", s.name(),
                    inLine ? " [in the line]" : " [outside]"));
            for (Variant v : vs) {
                // averaged, the run-in on the default settings (as OnsetCauseRunner#check)
                var fast = simulator(p, v, BiasProbe.NONE).run(s, Mode.FAST, ProgressListener.NONE);
                sb.append(String.format(Locale.ROOT, " %s %.3e (%s calls, %s orbits)", v.name(), BiasMapRunner.worst(ref, fast),
                        fast.counters().get("derivativeEvaluations"), fast.counters().get("orbits")));
                if (inLine) {
                    // layercost: the same switch in shipped fast mode, the line's runs integrated directly
                    var direct = new EngineSimulator(p, settings(v, BiasProbe.NONE),
                            FastSettings.DEFAULT, DirectSettings.DEFAULT)
                            .run(s, Mode.FAST, ProgressListener.NONE);
                    sb.append(String.format(Locale.ROOT, " [direct %.3e, %s calls]", BiasMapRunner.worst(ref, direct),
                            direct.counters().get("derivativeEvaluations")));
                }
            }
            System.out.println(sb);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        main(new String[] {System.getProperty("vascalc.scratch.group", "sweep")});
    }

    /** {@code java -cp ... InitialLayerRunner sweep|trace|check}. */
    public static void main(String[] args) throws IOException {
        String what = args.length > 0 ? args[0] : "sweep";
        switch (what) {
            case "trace" -> trace();
            case "check" -> check();
            default -> sweep();
        }
    }
}
