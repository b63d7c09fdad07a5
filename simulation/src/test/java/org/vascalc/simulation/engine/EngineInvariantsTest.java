package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.mineral.MineralBlock;
import org.vascalc.physiology.mineral.SoftTissueSink;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.integrate.Tolerances;

class EngineInvariantsTest {

    /** A stand-in for the wall: deposits a fixed calcium flux through the sink hook into its own state. */
    static final class ConstantSink implements Block {
        static final double FLUX = 0.01; // mmol/h, ~10 mg/d: far above real vascular deposition, to be visible
        private final SoftTissueSink sink = new SoftTissueSink();
        private int deposit;

        @Override
        public String id() {
            return "sink";
        }

        @Override
        public List<StateVariable> variables() {
            return List.of(new StateVariable("sink.caDeposit", "mmol", 1e-6, TimeScale.SLOW, "deposited calcium"));
        }

        @Override
        public void bind(StateLayout layout) {
            sink.bind(layout);
            deposit = layout.index("sink.caDeposit");
        }

        @Override
        public void initialise(Patient patient, double[] y) {
            y[deposit] = 0;
        }

        @Override
        public void addRates(double tHours, double[] y, Drivers drivers, double[] dydt) {
            sink.withdraw(FLUX, dydt);
            dydt[deposit] += FLUX;
        }
    }

    @Test
    void massBalanceClosesWithASoftTissueSink() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        // The wall is left out: its own deposition is checked in WallInEngineTest; here the sink is known exactly.
        List<Block> blocks = new ArrayList<>(ModelAssembly.standardBlocks(p).stream()
                .filter(b -> !b.id().equals("wall")).toList());
        blocks.add(new ConstantSink());
        Scenario s = Scenarios.of("sink", 60, Recording.every(24),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20));
        AssembledModel model = new AssembledModel(blocks, new DriverCourse(s, p));
        double[] y = InitialisedModels.initialState(model, s.patient());
        RecordingPlan plan = new RecordingPlan(new Recording(withSink(), 24, 24, 0, 0), 60 * 24, model);
        ReferenceRun.run(model, Integrators.standard(), new Tolerances(1e-8, model.absoluteTolerances()),
                IntakeTimeline.of(s, p), plan, y, 0, 60 * 24, ProgressListener.NONE);
        Trajectory tr = plan.trajectory();
        double sunk = MassBalance.delta(tr, "sink.caDeposit");
        assertThat(sunk).isCloseTo(ConstantSink.FLUX * 60 * 24, within(1e-6));
        // Residual of the balance with the sink counted, against ~2 000 mmol of intake: 1e-2 mmol.
        assertThat(MassBalance.calciumResidual(tr, sunk)).isCloseTo(0, within(1e-2));
        assertThat(MassBalance.phosphorusResidual(tr, SoftTissueSink.HYDROXYAPATITE_P_PER_CA * sunk, 0.464))
                .isCloseTo(0, within(1e-2));
        // Without counting the sink the balance is visibly open: the test can fail.
        assertThat(Math.abs(MassBalance.calciumResidual(tr, 0))).isGreaterThan(10);
    }

    private static List<String> withSink() {
        List<String> ids = new ArrayList<>(MassBalance.CHANNELS);
        ids.add("sink.caDeposit");
        return ids;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void concentrationsStayNonNegativeForPlausibleRandomPatientsAndRegimens(long seed) {
        Random r = new Random(seed);
        Patient p = new Patient("random-" + seed, 40 + 40 * r.nextDouble(), r.nextBoolean() ? Sex.FEMALE : Sex.MALE,
                50 + 50 * r.nextDouble(), 150 + 40 * r.nextDouble(), 60 + 50 * r.nextDouble(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical());
        List<Intervention> ivs = List.of(
                new Intervention.DietaryCalcium(100 + 500 * r.nextDouble(), Schedule.daily(7, 12, 19)),
                new Intervention.DietaryPhosphate(200 + 400 * r.nextDouble(), Schedule.daily(7, 12, 19)),
                new Intervention.CalciumSupplement(250 + 1000 * r.nextDouble(),
                        r.nextBoolean() ? Intervention.CalciumSalt.CITRATE : Intervention.CalciumSalt.CARBONATE,
                        r.nextBoolean(), Schedule.daily(8)),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.SEVELAMER, 800 * r.nextDouble() + 1,
                        Schedule.daily(7, 12, 19)));
        List<String> ids = new ArrayList<>();
        var model = new AssembledModel(ModelAssembly.standardBlocks(ModelAssembly.defaultParameters()), null);
        model.layout().variables().forEach(v -> ids.add(v.id()));
        Scenario s = new Scenario("nonneg", "", p, List.of(), ivs, 20, new Recording(ids, 1, 1, 0, 0));
        Trajectory tr = new EngineSimulator(ModelAssembly.defaultParameters()).run(s, Mode.REFERENCE,
                ProgressListener.NONE).trajectory();
        for (double[] row : tr.values()) {
            for (int k = 0; k < row.length; k++) {
                // The cumulative net gut calcium absorption (absorbed minus secreted) is signed: from 0 at
                // t = 0 (the run-in of a patient with eGFR >= 60 no longer time-steps, SteadyStart) it falls
                // below 0 while secretion exceeds absorption before the first meal.
                if (ids.get(k).equals("mineral.caAbsorbedCum")) {
                    continue;
                }
                // Absolute floor 1e-9: integration noise around an empty depot, far below any tolerance.
                assertThat(row[k]).as(ids.get(k)).isGreaterThan(-1e-9);
            }
        }
    }

    @Test
    void theDerivativeCallAllocatesNothing() {
        Scenario s = Scenarios.of("alloc", 1, Recording.every(24));
        ParameterCatalog p = ModelAssembly.defaultParameters();
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(s, p));
        double[] y = InitialisedModels.initialState(model, s.patient());
        double[] dydt = new double[y.length];
        for (int i = 0; i < 200_000; i++) {
            model.derivatives(i * 1e-3, y, dydt); // warm up so the JIT has compiled the call
            model.fastDerivatives(i * 1e-3, y, dydt); // (the first call probes which blocks write FAST rows)
        }
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 100_000; i++) {
            model.derivatives(i * 1e-3, y, dydt);
            model.fastDerivatives(i * 1e-3, y, dydt);
        }
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        // 200 000 calls: even 8 bytes per call would be 1.6 MB; allow a few kB for the measurement itself.
        assertThat(allocated).isLessThan(16_384);
    }

    @Test
    void theMineralBlockIsBoundBeforeUse() {
        assertThat(new MineralBlock(MineralBlock.defaultParameters()).id()).isEqualTo("mineral");
    }
}
