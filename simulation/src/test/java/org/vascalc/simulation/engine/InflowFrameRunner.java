package org.vascalc.simulation.engine;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.Block;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/** TEMPORARY (branch daysteps): one orbit day, the frame extended to the gut's consumers, steps and accuracy. */
class InflowFrameRunner {
    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() {
        ParameterCatalog parameters = ModelAssembly.defaultParameters();
        var sc = Scenarios.of("supp", 10, new Recording(List.of("pth"), 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, org.vascalc.core.intervention.Schedule.daily(8)));
        List<Block> blocks = ModelAssembly.standardBlocks(parameters);
        AssembledModel model = new AssembledModel(blocks, new DriverCourse(sc, parameters));
        double[] y = new double[model.dimension()];
        for (Block b : model.blocks()) {
            b.initialise(sc.patient(), y);
        }
        Tolerances tol = new Tolerances(1e-6, model.absoluteTolerances());
        Stabiliser.stabilise(model, parameters, Integrators.standard(), tol, FastRun.Settings.DEFAULT, y);
        for (Block b : model.blocks()) {
            b.afterStabilisation(y);
        }
        int[] slow = model.slowIndices();
        var names = model.layout().variables();
        String[] variants = System.getProperty("vascalc.variants",
                "plain:1e-7,plain:2e-3,plain:4e-3,frame:2e-3,in:2e-3,in+trans:2e-3,in+trans+secr:2e-3,in+trans+secr+vk:2e-3,in+trans+secr+vk:1e-3,in+trans+secr+vk:5e-4").split(",");
        double[][] change = new double[variants.length][slow.length];
        int[] lastPeriod = new int[variants.length];
        int[] total = new int[variants.length];
        String[] leaders = new String[variants.length];
        double[] cpu = new double[variants.length];
        for (int c = 0; c < variants.length; c++) {
            String[] vr = variants[c].split(":");
            boolean frame = !vr[0].equals("plain");
            System.setProperty("vascalc.daysteps.maxstep", vr.length > 2 ? vr[2] : "24");
            System.setProperty("vascalc.daysteps.qtol", vr.length > 3 ? vr[3] : "Infinity");
            Rodas4Integrator.QREL = vr.length > 4 ? Double.parseDouble(vr[4]) : 1;
            java.util.Map<String, Integer> lead = new java.util.TreeMap<>();
            int[] fastIdx = model.fastIndices();
            System.setProperty("vascalc.daysteps.trans", Boolean.toString(vr[0].contains("trans")));
            System.setProperty("vascalc.daysteps.secr", Boolean.toString(vr[0].contains("secr")));
            System.setProperty("vascalc.daysteps.vk", Boolean.toString(vr[0].contains("vk")));
            System.setProperty("vascalc.daysteps.noinflow", Boolean.toString(!vr[0].contains("in")));
            FastRun.Settings s = FastRun.Settings.DEFAULT.withExactLinearPart(frame).withIntegrationRelativeTolerance(Double.parseDouble(vr[1]));
            int[] cnt = {0, 0};
            double[] lastT = {-1};
            final int cc = c;
            Rodas4Integrator.TRACE = (t, h, err, lead0, share, second, share2, last) -> {
                if (lastT[0] >= 0 && t < lastT[0] - 1) {
                    cnt[1] = 0;
                    lead.clear();
                }
                lead.merge(lead0 < fastIdx.length ? names.get(fastIdx[lead0]).id().replaceAll("^[a-z]+\\.", "") : "q" + (lead0 - fastIdx.length), 1, Integer::sum);
                lastT[0] = t;
                cnt[0]++;
                cnt[1]++;
            };
            double[] yc = y.clone();
            IntakeTimeline timeline = IntakeTimeline.of(sc, parameters);
            new FastRun(model, Integrators.standard(), tol, timeline, s).run(new RecordingPlan(sc.recording(), 24, model), yc, 24,
                    ProgressListener.NONE);
            Rodas4Integrator.TRACE = null;
            leaders[c] = lead.toString();
            int reps = Integer.getInteger("vascalc.reps", 0);
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            long best = Long.MAX_VALUE;
            for (int r = 0; r < reps; r++) {
                double[] yr = y.clone();
                long c0 = bean.getCurrentThreadCpuTime();
                new FastRun(model, Integrators.standard(), tol, IntakeTimeline.of(sc, parameters), s).run(new RecordingPlan(sc.recording(), 24, model), yr, 24,
                        ProgressListener.NONE);
                best = Math.min(best, bean.getCurrentThreadCpuTime() - c0);
            }
            cpu[c] = reps > 0 ? best / 1e6 : Double.NaN;
            total[c] = cnt[0];
            lastPeriod[c] = cnt[1];
            for (int j = 0; j < slow.length; j++) {
                change[c][j] = yc[slow[j]] - y[slow[j]];
            }
        }
        try {
            FastRun fr = new FastRun(model, Integrators.standard(), tol, IntakeTimeline.of(sc, parameters), FastRun.Settings.DEFAULT);
            var f1 = FastRun.class.getDeclaredField("directSlow");
            f1.setAccessible(true);
            int[] ds = (int[]) f1.get(fr);
            StringBuilder qn = new StringBuilder("QNAMES");
            for (int j = 0; j < ds.length; j++) {
                qn.append(" q").append(j).append('=').append(names.get(slow[ds[j]]).id());
            }
            System.out.println(qn);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (int c = 1; c < variants.length; c++) {
            double worst = 0;
            String which = "";
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < slow.length; j++) {
                double ref = change[0][j];
                if (Math.abs(ref) < 1e-12) continue;
                double e = Math.abs(change[c][j] - ref) / Math.abs(ref);
                String id = names.get(slow[j]).id();
                if (id.startsWith("wall.")) continue;
                if (id.contains("caBone") || id.contains("Cum") || id.contains("osteoc") || id.contains("tissue") || id.contains("glandPool")) {
                    sb.append(String.format(Locale.ROOT, " %s %.1e", id.replace("mineral.", "").replace("vitk.", ""), e));
                }
                if (e > worst) { worst = e; which = id; }
            }
            if (c == 1) {
                StringBuilder r0 = new StringBuilder();
                for (int j = 0; j < slow.length; j++) {
                    String id = names.get(slow[j]).id();
                    if (id.contains("caBone") || id.contains("glandPool") || id.contains("osteoc") || id.contains("caAbsorbedCum") || id.contains("po4Icf")) {
                        r0.append(String.format(Locale.ROOT, " %s %.3e (y %.3e)", id, change[0][j], y[slow[j]]));
                    }
                }
                System.out.println("REFCHANGE" + r0);
            }
            System.out.printf(Locale.ROOT, "VARIANT %-28s steps %4d last period %3d worst %.1e (%s)%n   %s%n   cpu(min) %.2f ms  leaders(last period) %s%n", variants[c], total[c], lastPeriod[c], worst, which, sb, cpu[c], leaders[c]);
        }
    }
}
