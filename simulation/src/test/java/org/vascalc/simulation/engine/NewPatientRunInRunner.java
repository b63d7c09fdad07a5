package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * The run-in of new cohort members chunk by chunk: for the first {@code -Dvascalc.scratch.members}
 * (default 8) members of the MESA-like cohort with eGFR at least 60 (seed 20261201, as bench's
 * {@code NewPatients}), each with their individual parameters, prints the derivative calls of every
 * 30-day chunk and the largest relative lab change over it (read where the run-in reads it), so one
 * sees where a healthy new patient's ~6 000 run-in calls go. With
 * {@code -Dvascalc.scratch.startFrom=mineral.osteoblasts,mineral.osteoclasts} it then runs the run-in
 * again from the initial state with those states taken from the stabilised one (what a start on
 * their steady state could save at most) and prints its calls and the largest lab difference between
 * the two stabilised states. Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class NewPatientRunInRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        VirtualPopulation population = new VirtualPopulation(20261201L, base);
        int wanted = Integer.getInteger("vascalc.scratch.members", 8);
        List<String> labs = ModelAssembly.stabilisationOutputs();
        int found = 0;
        for (long i = 0; found < wanted; i++) {
            VirtualPerson person = population.mesa(i);
            if (person.patient().egfrMlPerMin() < 60) {
                continue;
            }
            found++;
            ParameterCatalog p = base.with(person.individualParameters());
            Scenario sc = new Scenario("run-in", "", person.patient(), List.of(), List.of(), 30, Recording.every(24));
            AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
            double[] y = InitialisedModels.initialState(model, sc.patient());
            double[] initial = y.clone();
            Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
            double[] before = new double[labs.size()];
            for (int k = 0; k < labs.size(); k++) {
                before[k] = RecordingPlan.value(labs.get(k), model, y, model.driversAt(0));
            }
            List<String> chunks = new ArrayList<>();
            long[] last = {0};
            double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y,
                    Stabiliser.MAX_YEARS * 8766, (h, s) -> {
                        long ev = model.evaluations();
                        double worst = 0;
                        String which = "";
                        for (int k = 0; k < labs.size(); k++) {
                            double v = RecordingPlan.value(labs.get(k), model, s, model.driversAt(0));
                            double d = Math.abs(v - before[k]) / Math.abs(before[k]);
                            if (d >= worst) {
                                worst = d;
                                which = labs.get(k);
                            }
                            before[k] = v;
                        }
                        chunks.add(String.format(Locale.ROOT, "%.0fd:%d(%s %.1e)", h / 24, ev - last[0], which, worst));
                        last[0] = ev;
                    }, Stabiliser.Pace.MOVED);
            System.out.printf(Locale.ROOT, "NEWRUNIN %s age %.0f %s eGFR %.0f: %d calls %.0f d; chunks %s%n",
                    person.patient().id(), person.patient().ageYears(), person.patient().sex(),
                    person.patient().egfrMlPerMin(), model.evaluations(), hours / 24, chunks);
            String startFrom = System.getProperty("vascalc.scratch.startFrom", "");
            if (!startFrom.isEmpty()) {
                AssembledModel again = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
                double[] z = InitialisedModels.initialState(again, sc.patient());
                for (String id : startFrom.split(",")) {
                    int k = again.layout().index(id);
                    System.out.printf(Locale.ROOT, "NEWRUNIN   start %s %.6g (stabilised %.6g)%n", id, initial[k], y[k]);
                    z[k] = y[k];
                }
                double h2 = Stabiliser.stabilise(again, p, Integrators.standard(), tol, FastSettings.DEFAULT, z,
                        Stabiliser.MAX_YEARS * 8766, Stabiliser.ChunkListener.NONE, Stabiliser.Pace.MOVED);
                double worst = 0;
                for (String lab : labs) {
                    double a = RecordingPlan.value(lab, model, y, model.driversAt(0));
                    double b = RecordingPlan.value(lab, again, z, again.driversAt(0));
                    worst = Math.max(worst, Math.abs(b - a) / Math.abs(a));
                }
                System.out.printf(Locale.ROOT, "NEWRUNIN   from those: %d calls %.0f d; labs differ by at most %.1e%n",
                        again.evaluations(), h2 / 24, worst);
            }
        }
    }
}
