package org.vascalc.bench.physiology;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.physiology.wall.WallBlock;

/**
 * Cost of one derivative call of the mineral block (37 states) at the reference adult's baseline.
 * {@code addRates} holds the state fixed (every input repeats, so any per-input cache always hits);
 * {@code addRatesColumnwise} nudges one mineral state per call, as the integrator's finite-difference
 * Jacobian does, and {@code addRatesMoving} changes every state and the eGFR each call (no cache hits).
 * {@code initialise} is the block's per-patient set-up (derived constants and the gut's meal-day
 * derivation), which every run of every virtual patient pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MineralBlockBenchmark {

    private MineralBlock mineral;
    private double[] y0;
    private double[] y;
    private double[] dydt;
    private final Drivers drivers = new Drivers();
    private int offset;
    private int size;
    private int column;
    private long call;
    private double t;
    private double egfr0;

    @Setup
    public void setUp() {
        mineral = new MineralBlock(MineralBlock.defaultParameters());
        List<Block> blocks = List.of(mineral, new VitaminKBlock(), new WallBlock());
        StateLayout layout = new StateLayout(blocks);
        blocks.forEach(b -> b.bind(layout));
        y = new double[layout.size()];
        dydt = new double[layout.size()];
        blocks.forEach(b -> b.initialise(Patient.referenceAdult(), y));
        y0 = y.clone();
        offset = layout.offset(MineralBlock.ID);
        size = mineral.variables().size();
        egfr0 = Patient.referenceAdult().egfrMlPerMin();
        drivers.setEgfrMlPerMin(egfr0);
        drivers.setAgeYears(Patient.referenceAdult().ageYears());
        drivers.setDietCalciumMmolPerHour(1);
        drivers.setDietPhosphateMmolPerHour(1.5);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] initialise() {
        mineral.initialise(Patient.referenceAdult(), y);
        return y;
    }

    @Benchmark
    public double[] addRates() {
        Arrays.fill(dydt, 0);
        t += 1e-3;
        mineral.addRates(t, y, drivers, dydt);
        return dydt;
    }

    @Benchmark
    public double[] addRatesColumnwise() {
        int i = offset + column;
        y[i] = y0[i] * (1 + 1e-8) + 1e-12;
        Arrays.fill(dydt, 0);
        mineral.addRates(t, y, drivers, dydt);
        y[i] = y0[i];
        column = column + 1 == size ? 0 : column + 1;
        return dydt;
    }

    @Benchmark
    public double[] addRatesMoving() {
        double f = 1 + 1e-9 * (++call & 1023);
        for (int i = offset; i < offset + size; i++) {
            y[i] = y0[i] * f;
        }
        drivers.setEgfrMlPerMin(egfr0 * f);
        Arrays.fill(dydt, 0);
        t += 1e-3;
        mineral.addRates(t, y, drivers, dydt);
        return dydt;
    }
}
