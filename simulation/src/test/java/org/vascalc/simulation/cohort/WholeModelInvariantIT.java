package org.vascalc.simulation.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.wall.Bed;
import org.vascalc.physiology.wall.WallBlock;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The invariant on the whole model: over seeded random plausible patients × 10 years (fast
 * mode, monthly rows), every state variable is non-negative at every recorded point, and the
 * calcium and phosphorus books close with the wall as a sink: intake = faeces + urine + Δ(pools) +
 * deposited in the wall. Patients: {@link VirtualPopulation#plausible} (age 30–85, eGFR 15–120,
 * risk factors over their plausible ranges, susceptibilities drawn, statins in 30 %). Size:
 * {@code -Dvascalc.invariant.patients} (default 1000).
 */
class WholeModelInvariantIT {

    private static final long SEED = 20261130L;
    private static final double YEARS = 10;
    /**
     * Allowed imbalance relative to the 10-year intake. Fast mode advances the SLOW states with
     * orbit-averaged rates and resets the FAST states to their orbit, so the books close to the
     * quadrature error of the averaging, not to round-off; 1e-3 of the intake (about 0.1 % of
     * 10 years of diet) is far below any physiological effect and far above that error.
     */
    private static final double RELATIVE_TOLERANCE = 1e-3;

    private static final List<String> CA_POOLS = List.of("mineral.caEcf", "mineral.caGut", "mineral.caStomach",
            "mineral.caTablet", "mineral.caBoneExch", "mineral.caBone");
    private static final List<String> P_POOLS = List.of("mineral.po4Ecf", "mineral.po4Gut", "mineral.po4Icf");

    /** One patient's worst findings. */
    record Finding(String patient, double minValue, String minState, double caResidual, double caIntake,
                   double pResidual, double pIntake) {
    }

    @Test
    void statesStayNonNegativeAndMineralBooksCloseOverTenYears() {
        int n = Integer.getInteger("vascalc.invariant.patients", 1000);
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        double pPerCaBone = catalog.value("hapPerCaBone");
        List<String> states = ModelAssembly.standardBlocks(catalog).stream().collect(
                java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                        StateLayout::new)).variables().stream().map(StateVariable::id).toList();
        List<String> wallMineral = new ArrayList<>();
        for (Bed b : Bed.values()) {
            for (String s : List.of("medialMineral", "microCalcium", "macroCalcium")) {
                wallMineral.add(WallBlock.stateId(b, s));
            }
        }
        VirtualPopulation pop = new VirtualPopulation(SEED, catalog);
        List<VirtualPerson> people = LongStream.range(0, n).mapToObj(pop::plausible).toList();
        double days = YEARS * Time.DAYS_PER_YEAR;
        long t0 = System.nanoTime();
        List<Finding> findings = CohortRunner.onAllCores(new EngineSimulatorFactory(), catalog).run(people,
                p -> new Scenario(p.patient().id(), "invariant", p.patient(), List.of(),
                        FollowUp.scenario(p, YEARS).interventions(), days, new Recording(states, 30 * 24, 30 * 24, 0, 0)),
                Mode.FAST, (p, r) -> inspect(p, r, states, wallMineral, pPerCaBone), CohortProgress.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Finding worstMin = findings.stream().min(java.util.Comparator.comparingDouble(Finding::minValue)).orElseThrow();
        Finding worstCa = findings.stream().max(java.util.Comparator.comparingDouble(
                f -> Math.abs(f.caResidual()) / f.caIntake())).orElseThrow();
        Finding worstP = findings.stream().max(java.util.Comparator.comparingDouble(
                f -> Math.abs(f.pResidual()) / f.pIntake())).orElseThrow();
        System.out.printf("invariant: %d patients x %.0f y in %.1f s; lowest state %.3g (%s, %s); worst Ca residual "
                        + "%.3g of %.4g mmol (%s); worst P residual %.3g of %.4g mmol (%s)%n", n, YEARS, seconds,
                worstMin.minValue(), worstMin.minState(), worstMin.patient(), worstCa.caResidual(), worstCa.caIntake(),
                worstCa.patient(), worstP.pResidual(), worstP.pIntake(), worstP.patient());
        for (Finding f : findings) {
            assertThat(f.minValue()).as("%s: lowest state %s", f.patient(), f.minState()).isGreaterThanOrEqualTo(0);
            assertThat(Math.abs(f.caResidual())).as("%s: calcium books (intake %.1f mmol)", f.patient(), f.caIntake())
                    .isLessThanOrEqualTo(RELATIVE_TOLERANCE * f.caIntake());
            assertThat(Math.abs(f.pResidual())).as("%s: phosphorus books (intake %.1f mmol)", f.patient(), f.pIntake())
                    .isLessThanOrEqualTo(RELATIVE_TOLERANCE * f.pIntake());
        }
    }

    private static Finding inspect(VirtualPerson p, SimulationResult r, List<String> states, List<String> wallMineral,
                                   double pPerCaBone) {
        Trajectory tr = r.trajectory();
        double min = Double.POSITIVE_INFINITY;
        String minState = "";
        for (int k = 0; k < states.size(); k++) {
            for (double[] row : tr.values()) {
                if (!(row[k] >= min)) {
                    min = row[k];
                    minState = states.get(k);
                }
            }
        }
        double depositedMg = 0;
        for (String id : wallMineral) {
            depositedMg += delta(tr, id);
        }
        double hapMmol = MolarMass.HYDROXYAPATITE.mgToMmol(depositedMg);
        double caPools = CA_POOLS.stream().mapToDouble(id -> delta(tr, id)).sum();
        double caIn = delta(tr, "mineral.caIntakeCum");
        double caResidual = caIn - delta(tr, "mineral.caFaecesCum") - delta(tr, "mineral.caUrineCum") - caPools
                - 10 * hapMmol;
        double pPools = P_POOLS.stream().mapToDouble(id -> delta(tr, id)).sum()
                + pPerCaBone * (delta(tr, "mineral.caBoneExch") + delta(tr, "mineral.caBone"));
        double pIn = delta(tr, "mineral.po4IntakeCum");
        double pResidual = pIn - delta(tr, "mineral.po4FaecesCum") - delta(tr, "mineral.po4UrineCum") - pPools
                - 6 * hapMmol;
        return new Finding(p.patient().id(), min, minState, caResidual, caIn, pResidual, pIn);
    }

    private static double delta(Trajectory tr, String id) {
        double[] s = tr.series(id);
        return s[s.length - 1] - s[0];
    }
}
