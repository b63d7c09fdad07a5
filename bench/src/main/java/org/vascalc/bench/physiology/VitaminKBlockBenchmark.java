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
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.vitamink.VitaminKBlock;

/** Cost of one derivative call of the vitamin K block (13 states), with warfarin and MK-7 on board. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VitaminKBlockBenchmark {

    private VitaminKBlock block;
    private double[] y;
    private double[] dydt;
    private final Drivers drivers = new Drivers();
    private double t;

    @Setup
    public void setUp() {
        block = new VitaminKBlock();
        StateLayout layout = new StateLayout(List.of(block));
        block.bind(layout);
        y = new double[layout.size()];
        dydt = new double[layout.size()];
        block.initialise(Patient.referenceAdult(), y);
        block.applyIntake(new Intake(Intake.Kind.VITAMIN_MK7, 277), y);
        block.applyIntake(new Intake(Intake.Kind.WARFARIN, 5), y);
    }

    @Benchmark
    public double[] addRates() {
        Arrays.fill(dydt, 0);
        t += 1e-3;
        block.addRates(t, y, drivers, dydt);
        return dydt;
    }
}
