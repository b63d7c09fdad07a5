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

/** Cost of one derivative call of the vascular wall block (42 states, six beds) with statin on. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WallBlockBenchmark {

    private WallBlock wall;
    private double[] y;
    private double[] dydt;
    private final Drivers drivers = new Drivers();
    private double t;

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
    }

    @Benchmark
    public double[] addRates() {
        Arrays.fill(dydt, 0);
        t += 1e-3;
        wall.addRates(t, y, drivers, dydt);
        return dydt;
    }
}
