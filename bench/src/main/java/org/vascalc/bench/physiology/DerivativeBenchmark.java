package org.vascalc.bench.physiology;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.physiology.wall.WallBlock;

/**
 * Cost of one derivative call of the assembled model, per block, as the engine's
 * {@code AssembledModel.derivatives} makes it (zero {@code dydt}, then every block adds its rates),
 * at the reference adult's baseline with a 500 mg calcium dose in the stomach.
 * {@code model}: ENGINE (mineral + vitamin K) or WHOLE (+ wall); {@code block}: ALL calls every
 * block of the model, the others only that one (the driver and zeroing overhead is in ALL only).
 * {@code orbit}: the FAST states and the age move each call, the SLOW states are frozen, as in fast
 * mode's orbit integration (most of a decade's calls); {@code moving}: every state and the age move
 * each call, as in the quadrature samples on a moved SLOW state (no remembered term repeats);
 * {@code column}: one state is nudged per call at a fixed time, as in a finite-difference Jacobian
 * column (terms of other states repeat).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DerivativeBenchmark {

    @Param({"WHOLE", "ENGINE"})
    public String model;

    @Param({"ALL", "MINERAL", "VITAMINK", "WALL"})
    public String block;

    private Block[] called;
    private double[] y0;
    private double[] y;
    private double[] dydt;
    private final Drivers drivers = new Drivers();
    private double age0;
    private long call;
    private int column;
    private int[] fast;

    @Setup
    public void setUp() {
        MineralBlock mineral = new MineralBlock(MineralBlock.defaultParameters());
        VitaminKBlock vitaminK = new VitaminKBlock();
        List<Block> blocks = model.equals("WHOLE") ? List.of(mineral, vitaminK, new WallBlock())
                : List.of(mineral, vitaminK);
        StateLayout layout = new StateLayout(blocks);
        blocks.forEach(b -> b.bind(layout));
        y = new double[layout.size()];
        dydt = new double[layout.size()];
        Patient patient = Patient.referenceAdult();
        blocks.forEach(b -> b.initialise(patient, y));
        // a typical state of the budget scenario: a calcium carbonate tablet with a meal
        y[layout.index("mineral.caStomach")] += 12.5 * 0.9;
        y0 = y.clone();
        fast = java.util.stream.IntStream.range(0, layout.size())
                .filter(i -> layout.variable(i).timeScale() == TimeScale.FAST).toArray();
        age0 = patient.ageYears();
        drivers.setAgeYears(age0);
        drivers.setEgfrMlPerMin(patient.egfrMlPerMin());
        drivers.setDietPhosphateMmolPerHour(1.5);
        called = switch (block) {
            case "ALL" -> blocks.toArray(new Block[0]);
            case "MINERAL" -> new Block[] {mineral};
            case "VITAMINK" -> new Block[] {vitaminK};
            case "WALL" -> model.equals("WHOLE") ? new Block[] {blocks.get(2)} : new Block[0];
            default -> throw new IllegalArgumentException("block " + block);
        };
    }

    @Benchmark
    public double[] orbit() {
        long k = ++call & 1023;
        double f = 1 + 1e-9 * k;
        for (int i : fast) {
            y[i] = y0[i] * f;
        }
        double t = 1e-3 * k;
        drivers.setAgeYears(age0 + t / Time.HOURS_PER_YEAR);
        return rates(t);
    }

    @Benchmark
    public double[] moving() {
        long k = ++call & 1023;
        double f = 1 + 1e-9 * k;
        for (int i = 0; i < y.length; i++) {
            y[i] = y0[i] * f;
        }
        double t = 1e-3 * k;
        drivers.setAgeYears(age0 + t / Time.HOURS_PER_YEAR);
        return rates(t);
    }

    @Benchmark
    public double[] column() {
        int i = column;
        y[i] = y0[i] * (1 + 1e-8) + 1e-12;
        double[] out = rates(0);
        y[i] = y0[i];
        column = column + 1 == y.length ? 0 : column + 1;
        return out;
    }

    private double[] rates(double t) {
        Arrays.fill(dydt, 0);
        for (Block b : called) {
            b.addRates(t, y, drivers, dydt);
        }
        return dydt;
    }
}
