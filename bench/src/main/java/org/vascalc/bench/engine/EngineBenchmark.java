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
import org.vascalc.core.condition.Condition;
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
 * reference takes ~15 s). The simulator caches the stabilised patient, so {@link #run} is the run
 * after stabilisation; {@link #stabiliseAndRun} uses a new simulator each time, so it includes the
 * stabilisation (a CKD G4 patient without labs: about two simulated years, 16 k calls; docs/performance.md).
 * Select one with the method name, e.g. {@code 'EngineBenchmark.run$'}. What a different new
 * patient costs (a cohort's case): {@link NewPatientBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EngineBenchmark {

    @Param({"FAST", "REFERENCE"})
    public String mode;

    /** WHOLE: mineral + vitamin K + wall; ENGINE: without the wall (the "engine alone"). */
    @Param({"WHOLE", "ENGINE"})
    public String model;

    /**
     * REFERENCE: the reference adult (eGFR 95); CKD_G4: the same person with CKD stage G4 as a chronic
     * condition and no measured labs; EGFR_65: the reference adult with an eGFR of 65, a typical older
     * cohort member, whose decade costs more than the reference adult's under the supplement (the
     * orbit reuse is error-controlled from the regimen's fifth day; docs/performance.md, branch egfr).
     */
    @Param({"REFERENCE", "CKD_G4", "EGFR_65"})
    public String patient;

    private Simulator simulator;
    private SimulatorFactory factory;
    private org.vascalc.core.param.ParameterCatalog parameters;
    private Scenario scenario;
    private org.vascalc.simulation.Mode engineMode;

    @Setup
    public void setUp() {
        factory = SimulatorFactory.load();
        parameters = factory.defaultParameters();
        simulator = newSimulator();
        engineMode = org.vascalc.simulation.Mode.valueOf(mode);
        double years = engineMode == org.vascalc.simulation.Mode.FAST ? 10 : 1;
        List<Condition> conditions = patient.equals("CKD_G4")
                ? List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4)) : List.of();
        Patient person = Patient.referenceAdult();
        if (patient.equals("EGFR_65")) {
            person = new Patient(person.id() + "-egfr65", person.ageYears(), person.sex(), person.weightKg(),
                    person.heightCm(), 65, person.serumCalciumMmolL(), person.serumPhosphateMmolL(), person.pthPgMl(),
                    person.risk());
        }
        scenario = new Scenario("bench", "", person, conditions,
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                                Schedule.daily(8, 19)),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                years * 365.25, Recording.every(365.25 * 24));
        simulator.run(scenario, engineMode, ProgressListener.NONE);
    }

    private Simulator newSimulator() {
        return model.equals("ENGINE")
                ? org.vascalc.simulation.engine.EngineSimulator.withoutWall(parameters)
                : factory.create(parameters);
    }

    @Benchmark
    public SimulationResult run() {
        return simulator.run(scenario, engineMode, ProgressListener.NONE);
    }

    @Benchmark
    public SimulationResult stabiliseAndRun() {
        return newSimulator().run(scenario, engineMode, ProgressListener.NONE);
    }
}
