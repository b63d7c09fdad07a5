package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.integrate.Tolerances;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * The run-in of CKD patients with labs under the measurement switch {@code vascalc.ckdLabsCalcitriol}
 * (set it with {@code -Dvascalc.ckdLabsCalcitriol=true}; docs/model/mineral.md, "Calcitriol of a CKD
 * patient with labs, built and measured"): the reference adult with labs at CKD G3a, G3b, G4 and G5, the
 * haemodialysis example's patient, and CRIC-like members (seed 20261201). For each: the run-in's simulated
 * days, its end labs and calcitriol, and the labs' largest relative change over a further year (as
 * {@link CkdStartRunner}). Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class CkdLabsCalcitriolRunner {

    private record Case(String name, Patient patient, List<Condition> conditions, ParameterCatalog parameters) { }

    private static Patient labs(double egfr, double ca, double po4, double pth) {
        Patient a = Patient.referenceAdult();
        return new Patient("g" + egfr, a.ageYears(), a.sex(), a.weightKg(), a.heightCm(), egfr, OptionalDouble.of(ca),
                OptionalDouble.of(po4), OptionalDouble.of(pth), a.risk());
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("G3a-labs", labs(50, 2.35, 1.15, 60), List.of(), base));
        cases.add(new Case("G3b-labs", labs(38, 2.33, 1.25, 80), List.of(), base));
        cases.add(new Case("G4-labs", labs(22, 2.30, 1.40, 120), List.of(), base));
        cases.add(new Case("G5-labs", labs(10, 2.25, 1.70, 250), List.of(), base));
        Scenario hd = ScenarioFiles.load(ProjectFiles.require("examples/scenarios/haemodialysis.yaml")).scenario();
        cases.add(new Case("HD-example", hd.patient(), hd.conditions(), base));
        VirtualPopulation population = new VirtualPopulation(20261201L, base);
        for (long i = 0; i < Integer.getInteger("vascalc.scratch.members", 4); i++) {
            VirtualPerson person = population.cric(i);
            cases.add(new Case(person.patient().id(), person.patient(), List.of(),
                    base.with(person.individualParameters())));
        }
        List<String> ids = ModelAssembly.stabilisationOutputs();
        System.out.println("CKDCALC switch " + Boolean.getBoolean("vascalc.ckdLabsCalcitriol"));
        for (Case c : cases) {
            ParameterCatalog p = c.parameters();
            Scenario sc = new Scenario("run-in", "", c.patient(), c.conditions(), List.of(), 30, Recording.every(24));
            AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
            double[] y = InitialisedModels.initialState(model, sc.patient());
            double[] init = new double[ids.size()];
            for (int k = 0; k < ids.size(); k++) {
                init[k] = RecordingPlan.value(ids.get(k), model, y, model.driversAt(0));
            }
            Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
            double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y);
            double[] end = new double[ids.size()];
            for (int k = 0; k < ids.size(); k++) {
                end[k] = RecordingPlan.value(ids.get(k), model, y, model.driversAt(0));
            }
            double year = 12 * Stabiliser.CHUNK_DAYS * 24;
            model.course().setStabilising(true);
            try {
                FastRun run = new FastRun(model, Integrators.standard(), tol,
                        IntakeTimeline.habitualOnly(p, 12 * Stabiliser.CHUNK_DAYS), FastSettings.DEFAULT);
                run.run(new RecordingPlan(new Recording(List.of(ids.get(0)), year, year, 0, 0), year, model), y,
                        year, ProgressListener.NONE);
                run.restartOnOrbit(y);
            } finally {
                model.course().setStabilising(false);
            }
            double worst = 0;
            for (int k = 0; k < ids.size(); k++) {
                double after = RecordingPlan.value(ids.get(k), model, y, model.driversAt(0));
                worst = Math.max(worst, Math.abs((after - end[k]) / end[k]));
            }
            System.out.println(String.format(Locale.ROOT,
                    "CKDCALC %-14s eGFR %5.1f derived Ca %.3f P %.3f PTH %.1f C8 %.1f | run-in %6.0f d end Ca %.3f"
                            + " P %.3f PTH %.1f pg/mL C8 %.1f pmol/L | further year worst %.2e",
                    c.name(), model.course().egfrAtStart(), init[0], init[1], init[2] * 9.4, init[3], hours / 24,
                    end[0], end[1], end[2] * 9.4, end[3], worst));
        }
    }
}
