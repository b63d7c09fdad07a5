package org.vascalc.bench.engine;

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
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/**
 * One patient on 500 mg calcium carbonate twice daily with meals plus 180 µg MK-7 daily (the
 * issue 2 budget scenario), yearly recording. FAST runs a decade; REFERENCE one year (a decade of
 * reference takes ~15 s). The simulator caches the stabilised patient, so an operation is the run
 * after stabilisation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmark {

    @Param({"FAST", "REFERENCE"})
    public String mode;

    private Simulator simulator;
    private Scenario scenario;
    private org.vascalc.simulation.Mode engineMode;

    @Setup
    public void setUp() {
        SimulatorFactory factory = SimulatorFactory.load();
        simulator = factory.create(factory.defaultParameters());
        engineMode = org.vascalc.simulation.Mode.valueOf(mode);
        double years = engineMode == org.vascalc.simulation.Mode.FAST ? 10 : 1;
        scenario = new Scenario("bench", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                                Schedule.daily(8, 19)),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                years * 365.25, Recording.every(365.25 * 24));
        simulator.run(scenario, engineMode, ProgressListener.NONE);
    }

    @Benchmark
    public SimulationResult run() {
        return simulator.run(scenario, engineMode, ProgressListener.NONE);
    }
}
