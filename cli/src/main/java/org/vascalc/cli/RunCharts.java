package org.vascalc.cli;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.cli.report.Panel;
import org.vascalc.cli.report.Series;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;

/**
 * Turns runs' main channels into chart panels (one line per run, channels of the first run that all
 * runs recorded), with a time axis in hours, days or years.
 */
final class RunCharts {

    static final int MAX_PANELS = 6;

    private RunCharts() {
    }

    static List<Panel> panels(List<SimulationResult> runs) {
        double endHours = 0;
        for (SimulationResult r : runs) {
            double[] th = r.trajectory().timesHours();
            endHours = Math.max(endHours, th.length == 0 ? 0 : th[th.length - 1]);
        }
        double scale;
        String axis;
        if (endHours <= 7 * 24) {
            scale = 1;
            axis = "time (h)";
        } else if (endHours <= 2 * 8766) {
            scale = 24;
            axis = "time (days)";
        } else {
            scale = 8766;
            axis = "time (years)";
        }
        List<Panel> out = new ArrayList<>();
        Trajectory first = runs.get(0).trajectory();
        for (int k = 0; k < first.channels().size() && out.size() < MAX_PANELS; k++) {
            OutputChannel c = first.channels().get(k);
            if (!runs.stream().allMatch(r -> has(r.trajectory(), c.id()))) {
                continue;
            }
            List<Series> lines = new ArrayList<>();
            for (SimulationResult r : runs) {
                Trajectory t = r.trajectory();
                double[] x = new double[t.timesHours().length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = t.timesHours()[i] / scale;
                }
                lines.add(new Series(r.scenario().name(), x, t.series(c.id())));
            }
            out.add(new Panel(c.id(), c.description().isEmpty() ? c.id() : c.description(), axis,
                    c.id() + " (" + c.unit() + ")", lines, "", ""));
        }
        return out;
    }

    private static boolean has(Trajectory t, String id) {
        return t.channels().stream().anyMatch(c -> c.id().equals(id));
    }
}
