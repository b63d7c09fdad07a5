package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/**
 * The true day-mean SLOW rates of the budget regimen's first {@code -Dvascalc.scratch.days} (150)
 * days for the reference adult at the eGFRs of {@code -Dvascalc.scratch.egfr}: the reference mode's
 * states recorded at the same hour each day, differenced (a day's change / 24 h is the day's mean
 * rate), next to the fast mode's, to see whether the orbit-mean fluxes that {@link OrbitReuse} measures
 * move as fast as its errors say. Developer aid, on request only ({@code -Dvascalc.scratch=true}).
 */
class EgfrTruthRunner {

    private static final List<String> STATES = List.of("mineral.osteoclasts", "mineral.glandPool",
            "mineral.caUrineCum", "mineral.caBoneExch", "pth");

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        ParameterCatalog base = ModelAssembly.defaultParameters();
        Patient ref = Patient.referenceAdult();
        double days = Double.parseDouble(System.getProperty("vascalc.scratch.days", "150"));
        for (String e : System.getProperty("vascalc.scratch.egfr", "95,60").split(",")) {
            double egfr = Double.parseDouble(e.trim());
            Patient p = new Patient(ref.id() + "-egfr" + egfr, ref.ageYears(), ref.sex(), ref.weightKg(),
                    ref.heightCm(), egfr, ref.serumCalciumMmolL(), ref.serumPhosphateMmolL(), ref.pthPgMl(), ref.risk());
            Scenario sc = new Scenario("truth", "", p, List.of(),
                    List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                                    Schedule.daily(8, 19)),
                            new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                    days, new Recording(STATES, 24, 24, 0, 0));
            Trajectory ref1 = EngineSimulator.withoutWall(base).run(sc, Mode.REFERENCE, ProgressListener.NONE).trajectory();
            Trajectory fast = EngineSimulator.withoutWall(base).run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
            double flux = Double.parseDouble(System.getProperty("vascalc.scratch.flux", "0"));
            if (flux > 0) {
                FastSettings d = FastSettings.DEFAULT;
                FastSettings tight = new FastSettings(d.maxStepPeriods(), d.samples(), d.maxOrbitPeriods(),
                        d.orbitTolerance(), d.driftTolerance(), d.maxOrbitAgeHours(), d.integrationRelativeTolerance(),
                        flux, d.stageQuadrature(), d.exactLinearPart(), d.frozenMilieu(), d.quadratureSamples(), d.affineOwnStep(),
                        d.closedFormVitaminK(), d.reuseRules());
                var res = new EngineSimulator(base, Integrators.standard(), tight, d, false).run(sc, Mode.FAST, ProgressListener.NONE);
                fast = res.trajectory();
                System.out.println("TRUTH flux tolerance " + flux + " orbits " + res.counters().get("orbits"));
            }
            double[] t = ref1.timesHours();
            System.out.printf(Locale.ROOT, "TRUTH eGFR %.1f: day | ref dOC/dt per h, fast | ref dGland/dt, fast | ref dCaUrineCum/dt, fast | ref OC, fast OC | ref PTH%n", egfr);
            double[][] r = new double[STATES.size()][];
            double[][] f = new double[STATES.size()][];
            for (int k = 0; k < STATES.size(); k++) {
                r[k] = ref1.series(STATES.get(k));
                f[k] = fast.series(STATES.get(k));
            }
            double[] worst = new double[STATES.size()];
            double[] worstDay = new double[STATES.size()];
            for (int i = 1; i < t.length; i++) {
                for (int k = 0; k < STATES.size(); k++) {
                    double d = Math.abs(f[k][i] - r[k][i]) / Math.abs(r[k][i]);
                    if (t[i] > 20 * 24 && t[i] < t[t.length - 1] - 1 && d > worst[k]) {
                        worst[k] = d;
                        worstDay[k] = t[i] / 24;
                    }
                }
            }
            StringBuilder sum = new StringBuilder(String.format(Locale.ROOT, "TRUTH-SUMMARY eGFR %.1f, worst relative fast-reference difference after day 20:", egfr));
            for (int k = 0; k < STATES.size(); k++) {
                sum.append(String.format(Locale.ROOT, " %s %.2e (day %.0f)", STATES.get(k), worst[k], worstDay[k]));
            }
            System.out.println(sum);
            for (int i = 1; i < t.length && t[i] <= Integer.getInteger("vascalc.scratch.printDays", 150) * 24.0; i++) {
                double dt = t[i] - t[i - 1];
                System.out.printf(Locale.ROOT, "TRUTH %5.1f %5.0f | %.4e %.4e | %.4e %.4e | %.5f %.5f | %.6f %.6f | %.4f %.4f%n", egfr, t[i] / 24,
                        (r[0][i] - r[0][i - 1]) / dt, (f[0][i] - f[0][i - 1]) / dt,
                        (r[1][i] - r[1][i - 1]) / dt, (f[1][i] - f[1][i - 1]) / dt,
                        (r[2][i] - r[2][i - 1]) / dt, (f[2][i] - f[2][i - 1]) / dt,
                        r[0][i], f[0][i], r[4][i], f[4][i]);
            }
        }
    }
}
