package org.vascalc.simulation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * The run-in of kidney patients as a cohort meets them: CRIC-like members (seed 20261201, as bench's
 * {@code NewPatients}; their own eGFR 20–70, measured serum calcium and phosphate, individual
 * parameters, no condition), the same members on haemodialysis (their labs kept), and the catalog's
 * reference adult with CKD G3a, G3b, G4 and haemodialysis without labs. For each: the run-in's
 * derivative calls, simulated days and CPU, its end labs, and how far the end is from the steady state
 * the run-in aims at: the labs' largest relative change over a further year of the habitual diet
 * (drivers held, fast mode, read on a fresh orbit). Writes each end's labs to
 * {@code -Dvascalc.scratch.stateDir} (default {@code target/ckdstart}); with
 * {@code -Dvascalc.scratch.baseline=DIR} prints each lab's relative difference from DIR's.
 * {@code -Dvascalc.scratch.members} (default 12) CRIC-like members; {@code -Dvascalc.scratch.patients}
 * a comma list of names to run only those. Developer aid, on request only
 * ({@code -Dvascalc.scratch=true}).
 */
class CkdStartRunner {

    private record Case(String name, Patient patient, List<Condition> conditions, ParameterCatalog parameters) { }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        VirtualPopulation population = new VirtualPopulation(20261201L, base);
        int members = Integer.getInteger("vascalc.scratch.members", 12);
        List<Case> cases = new ArrayList<>();
        for (Condition.CkdStage s : new Condition.CkdStage[] {Condition.CkdStage.G3A, Condition.CkdStage.G3B,
                Condition.CkdStage.G4}) {
            cases.add(new Case("nolabs-" + s.name(), Patient.referenceAdult(),
                    List.of(Condition.KidneyFunctionCourse.stage(s)), base));
        }
        cases.add(new Case("nolabs-HD", Patient.referenceAdult(), List.of(new Condition.Haemodialysis(OptionalDouble.empty())),
                base));
        for (long i = 0; i < members; i++) {
            VirtualPerson person = population.cric(i);
            ParameterCatalog p = base.with(person.individualParameters());
            cases.add(new Case(person.patient().id(), person.patient(), List.of(), p));
            if (i < Integer.getInteger("vascalc.scratch.hdMembers", 3)) {
                cases.add(new Case(person.patient().id() + "-HD", person.patient(),
                        List.of(new Condition.Haemodialysis(OptionalDouble.empty())), p));
            }
        }
        String only = System.getProperty("vascalc.scratch.patients", "");
        Path dir = Path.of(System.getProperty("vascalc.scratch.stateDir", "target/ckdstart"));
        Files.createDirectories(dir);
        String baseline = System.getProperty("vascalc.scratch.baseline", "");
        boolean further = !Boolean.getBoolean("vascalc.scratch.noYear");
        List<String> ids = ModelAssembly.stabilisationOutputs();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (Case c : cases) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(c.name())) {
                continue;
            }
            ParameterCatalog p = c.parameters();
            Scenario sc = new Scenario("run-in", "", c.patient(), c.conditions(), List.of(), 30, Recording.every(24));
            AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
            double[] y = InitialisedModels.initialState(model, sc.patient());
            Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
            long t0 = threads.getCurrentThreadCpuTime();
            double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y);
            double cpu = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
            long calls = model.evaluations();
            double[] end = new double[ids.size()];
            for (int k = 0; k < ids.size(); k++) {
                end[k] = RecordingPlan.value(ids.get(k), model, y, model.driversAt(0));
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "CKDSTART %-16s eGFR %5.1f %6d calls %6.0f d %7.1f ms cpu", c.name(), model.course().egfrAtStart(),
                    calls, hours / 24, cpu));
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < ids.size(); k++) {
                sb.append(ids.get(k)).append(' ').append(Double.toString(end[k])).append('\n');
            }
            Files.writeString(dir.resolve(c.name() + ".txt"), sb.toString());
            if (further) {
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
                String which = "";
                StringBuilder all = new StringBuilder();
                for (int k = 0; k < ids.size(); k++) {
                    double after = RecordingPlan.value(ids.get(k), model, y, model.driversAt(0));
                    double d = (after - end[k]) / Math.abs(end[k]);
                    all.append(String.format(Locale.ROOT, " %s %.1e", short_(ids.get(k)), d));
                    if (Math.abs(d) >= Math.abs(worst)) {
                        worst = d;
                        which = ids.get(k);
                    }
                }
                line.append(String.format(Locale.ROOT, "  further year worst %.2e (%s) [%s ]", worst, short_(which),
                        all));
            }
            System.out.println(line);
            if (!baseline.isEmpty() && Files.exists(Path.of(baseline, c.name() + ".txt"))) {
                Map<String, Double> b = StabilisedStateRunner.read(Files.readString(Path.of(baseline, c.name() + ".txt")));
                StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "CKDDIFF  %-16s", c.name()));
                double worst = 0;
                for (int k = 0; k < ids.size(); k++) {
                    double v = (end[k] - b.get(ids.get(k))) / Math.abs(b.get(ids.get(k)));
                    worst = Math.max(worst, Math.abs(v));
                    d.append(String.format(Locale.ROOT, " %s %+.2e", short_(ids.get(k)), v));
                }
                d.append(String.format(Locale.ROOT, "  worst %.2e", worst));
                System.out.println(d);
            }
        }
    }

    private static String short_(String id) {
        return id.substring(id.lastIndexOf('.') + 1);
    }
}
