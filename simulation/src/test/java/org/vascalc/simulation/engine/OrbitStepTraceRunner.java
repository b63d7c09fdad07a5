package org.vascalc.simulation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.Rodas4Integrator;

/**
 * Traces every orbit step attempt of the ENGINE benchmark decade (reference adult, 500 mg carbonate
 * with meals at 8:00 and 19:00, 180 µg MK-7 at 8:00, habitual meals): time, step, scaled error, and
 * the component with the largest share of the squared error norm. Prints one period in full (the
 * last of the run) and the ownership summed over all periods; developer aid, on request only
 * ({@code -Dvascalc.scratch=true}); docs/performance-log.md, "stepsize2".
 */
class OrbitStepTraceRunner {

    record Attempt(double t, double h, double err, boolean accepted, int leader, double share, int second,
                   double secondShare, int dim, int errorEnd, int otherLeader, double otherScaled) {
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void trace() {
        var parameters = ModelAssembly.defaultParameters();
        EngineSimulator sim = EngineSimulator.withoutWall(parameters);
        Scenario scenario = new Scenario("bench", "", Patient.referenceAdult(), List.of(),
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true,
                                Schedule.daily(8, 19)),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))),
                3652.5, Recording.every(365.25 * 24));
        // Names of the orbit's components (the FAST states in layout order, then the quadratures).
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(parameters, false),
                new DriverCourse(scenario, parameters));
        int[] fast = model.fastIndices();
        var vars = model.layout().variables();
        List<List<Attempt>> periods = new ArrayList<>();
        double[] expected = {Double.NaN};
        // The simulator borrows this thread's idle orbit integrator: trace it.
        Rodas4Integrator orbit = Integrators.lendOrbit(model.dimension());
        boolean[] gut = new boolean[fast.length];
        for (int k = 0; k < fast.length; k++) {
            String id = vars.get(fast[k]).id();
            gut[k] = id.startsWith("mineral.caGut") || id.equals("mineral.caStomach") || id.equals("mineral.caMeal")
                    || id.equals("mineral.caChyme") || id.equals("mineral.caTablet");
        }
        orbit.traceSteps((t, h, err, e, y, yEnd, rtol, atol, errorEnd, controlled) -> {
            int otherLead = -1;
            double otherBest = 0;
            double sum = 0;
            int lead = -1;
            int second = -1;
            double best = -1;
            double next = -1;
            for (int i = 0; i < errorEnd; i++) {
                if (!(atol[i] < Double.POSITIVE_INFINITY)) {
                    continue;
                }
                // The gut depots' relative tolerance is FastRun.TRANSIT_RELATIVE_SCALE times the others'.
                double r = i < gut.length && gut[i] ? rtol * FastRun.TRANSIT_RELATIVE_SCALE : rtol;
                double sk = atol[i] + r * Math.max(Math.abs(y[i]), Math.abs(yEnd[i]));
                double q = (e[i] / sk) * (e[i] / sk);
                sum += q;
                if (i < gut.length && !gut[i] && Math.abs(e[i] / sk) > otherBest) {
                    otherBest = Math.abs(e[i] / sk);
                    otherLead = i;
                }
                if (q > best) {
                    next = best;
                    second = lead;
                    best = q;
                    lead = i;
                } else if (q > next) {
                    next = q;
                    second = i;
                }
            }
            if (!(Math.abs(t - expected[0]) < 1e-6)) {
                periods.add(new ArrayList<>());
            }
            boolean accepted = err <= 1;
            expected[0] = accepted ? t + h : t;
            periods.get(periods.size() - 1).add(new Attempt(t, h, err, accepted, lead, best / sum, second,
                    next / sum, y.length, errorEnd, otherLead, otherBest));
        });
        Integrators.giveBackOrbit(model.dimension(), orbit);
        try {
            System.out.println("counters " + sim.run(scenario, Mode.FAST, ProgressListener.NONE).counters());
        } finally {
            orbit.traceSteps(null);
        }
        java.util.function.IntFunction<String> name = i -> i < 0 ? "-" : i < fast.length
                ? vars.get(fast[i]).id() : "quadrature" + (i - fast.length);
        System.out.println("orbit components: " + periods.get(0).get(0).dim() + " (FAST " + fast.length
                + ", error-controlled end " + periods.get(0).get(0).errorEnd() + ")");
        StringBuilder names = new StringBuilder("FAST states:");
        for (int k = 0; k < fast.length; k++) {
            names.append(' ').append(k).append('=').append(vars.get(fast[k]).id());
        }
        System.out.println(names);
        // Pieces continue each other: a period ends where the time jumps (back to re-run the day, or on to a later orbit).
        Map<String, int[]> owners = new TreeMap<>();
        int accepted = 0;
        int rejected = 0;
        int full = 0;
        for (List<Attempt> p : periods) {
            double span = 0;
            for (Attempt a : p) {
                span += a.accepted() ? a.h() : 0;
            }
            if (Math.abs(span - 24) > 1e-6) {
                continue;
            }
            full++;
            for (Attempt a : p) {
                int[] c = owners.computeIfAbsent(name.apply(a.leader()), k -> new int[2]);
                c[a.accepted() ? 0 : 1]++;
                if (a.accepted()) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
        }
        System.out.printf("%d traced periods, %d of 24 h: %d accepted, %d rejected steps%n", periods.size(), full,
                accepted, rejected);
        owners.entrySet().stream().sorted((x, y) -> y.getValue()[0] - x.getValue()[0])
                .forEach(en -> System.out.printf("  owner %-28s accepted %5d rejected %3d%n", en.getKey(),
                        en.getValue()[0], en.getValue()[1]));
        // By clock hour over all full periods: accepted steps per period, the leaders by group, and the
        // largest scaled error |e_i| / (atol_i + rtol |y_i|) of any non-gut FAST state (the norm is the
        // RMS over the 33 FAST states: one component alone fills the budget at sqrt(33) = 5.7).
        int[] hourSteps = new int[24];
        Map<Integer, Map<String, Integer>> hourLeaders = new TreeMap<>();
        double[] hourOtherMax = new double[24];
        String[] hourOtherWho = new String[24];
        for (List<Attempt> p : periods) {
            double span = 0;
            for (Attempt a : p) {
                span += a.accepted() ? a.h() : 0;
            }
            if (Math.abs(span - 24) > 1e-6) {
                continue;
            }
            for (Attempt a : p) {
                if (!a.accepted()) {
                    continue;
                }
                int hour = (int) Math.floor((((a.t() % 24) + 24) % 24) + 1e-9) % 24;
                hourSteps[hour]++;
                String lead = name.apply(a.leader()).replace("mineral.", "");
                String group = lead.startsWith("caGut") ? "chain" : lead;
                hourLeaders.computeIfAbsent(hour, k -> new TreeMap<>()).merge(group, 1, Integer::sum);
                if (a.otherScaled() > hourOtherMax[hour]) {
                    hourOtherMax[hour] = a.otherScaled();
                    hourOtherWho[hour] = name.apply(a.otherLeader());
                }
            }
        }
        System.out.println("by clock hour over the " + full + " full periods: steps per period, leaders, largest non-gut scaled error");
        for (int hour = 0; hour < 24; hour++) {
            System.out.printf("  %2d  %5.2f  %-60s %.2e %s%n", hour, hourSteps[hour] / (double) full,
                    hourLeaders.getOrDefault(hour, Map.of()), hourOtherMax[hour], hourOtherWho[hour]);
        }
        List<Attempt> last = null;
        for (List<Attempt> p : periods) {
            double span = 0;
            for (Attempt a : p) {
                span += a.accepted() ? a.h() : 0;
            }
            if (Math.abs(span - 24) < 1e-6) {
                last = p;
            }
        }
        System.out.println("last full period (clock hour, h [h], err, accepted, leader share, second share, largest non-gut scaled error):");
        for (Attempt a : last) {
            System.out.printf("  %7.3f %8.5f %6.3f %s %-22s %.2f %-22s %.2f %.1e %s%n", ((a.t() % 24) + 24) % 24, a.h(),
                    a.err(), a.accepted() ? "acc" : "REJ", name.apply(a.leader()), a.share(),
                    name.apply(a.second()), a.secondShare(), a.otherScaled(), name.apply(a.otherLeader()));
        }
    }
}
