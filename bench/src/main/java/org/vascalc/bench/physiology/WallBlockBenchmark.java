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
 * Cost of one derivative call of the vascular wall block (42 states, six beds) with statin on.
 * {@code addRates} holds the state and age fixed (every remembered term then repeats);
 * {@code addRatesMoving} changes every state and the age each call, as an integrator stage does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WallBlockBenchmark {

    private WallBlock wall;
    private double[] y;
    private double[] dydt;
    private final Drivers drivers = new Drivers();
    private double t;
    private double[] y0;
    private long call;

    @Setup
    public void setUp() {
        wall = new WallBlock();
        List<Block> blocks = List.of(new MineralBlock(MineralBlock.defaultParameters()), new VitaminKBlock(), wall);
        StateLayout layout = new StateLayout(blocks);
        blocks.forEach(b -> b.bind(layout));
        y = new double[layout.size()];
        dydt = new double[layout.size()];
        blocks.forEach(b -> b.initialise(Patient.referenceAdult(), y));
        drivers.setStatinIntensity(1);
        drivers.setDiabetes(true);
        y0 = y.clone();
    }

    @Benchmark
    public double[] addRates() {
        Arrays.fill(dydt, 0);
        t += 1e-3;
        wall.addRates(t, y, drivers, dydt);
        return dydt;
    }

    @Benchmark
    public double[] addRatesMoving() {
        double f = 1 + 1e-9 * (++call & 1023);
        for (int i = 0; i < y.length; i++) {
            y[i] = y0[i] * f;
        }
        drivers.setAgeYears(60 + 1e-7 * (call & 1023));
        Arrays.fill(dydt, 0);
        t += 1e-3;
        wall.addRates(t, y, drivers, dydt);
        return dydt;
    }
}
