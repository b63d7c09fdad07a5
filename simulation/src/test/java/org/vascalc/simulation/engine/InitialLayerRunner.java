package org.vascalc.simulation.engine;

import java.io.IOException;
import java.util.List;
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
 * years, for each variant: does the start drift guard still hand the onset to the error control at day 3?</li>
 * <li>{@code check}: the guards, the benchmark decade's counters and {@code FastVersusReferenceIT}'s cases
 * ({@link BiasMapRunner#check}, as {@link OnsetCauseRunner#check}).</li>
 * </ul>
 */
class InitialLayerRunner {

    /** A variant: the kick's mode and (layercheck) the first-measurement rule's days, 0 off. */
    record Variant(String name, int initialLayer, double firstMeasureDays) {
        Variant(String name, int initialLayer) {
            this(name, initialLayer, 0);
        }
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
        return VARIANTS.stream().filter(v -> names.isEmpty() || names.contains(v.name() + ",")).toList();
    }

    static EngineSimulator simulator(ParameterCatalog p, Variant v, BiasProbe base) {
        return new EngineSimulator(p, Integrators.standard(),
                FastSettings.DEFAULT.withProbe(base.withInitialLayer(v.initialLayer())
                        .withFirstMeasure(v.firstMeasureDays() * 24)), FastSettings.DEFAULT, true);
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
            Scenario s0 = byKey.get(key).scenario();
            Scenario s = new Scenario(s0.name(), "", s0.patient(), s0.conditions(), s0.interventions(), 74,
                    new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0));
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

    /** {@code check}: {@link BiasMapRunner#check}'s guards for the chosen variants. */
    static void check() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        BiasMapRunner.check(p, chosen().stream()
                .map(v -> new BiasMapRunner.SweepVariant(v.name(), () -> simulator(p, v, BiasProbe.NONE))).toList());
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
