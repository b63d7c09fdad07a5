package org.vascalc.cli;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.cli.report.Panel;
import org.vascalc.cli.report.Series;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

/** Turns a trajectory's main channels into chart panels, with a time axis in hours, days or years. */
final class RunCharts {

    static final int MAX_PANELS = 6;

    private RunCharts() {
    }

    static List<Panel> panels(String runName, Trajectory t) {
        double endHours = t.timesHours().length == 0 ? 0 : t.timesHours()[t.timesHours().length - 1];
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
        double[] x = new double[t.timesHours().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = t.timesHours()[i] / scale;
        }
        List<Panel> out = new ArrayList<>();
        for (int k = 0; k < t.channels().size() && out.size() < MAX_PANELS; k++) {
            OutputChannel c = t.channels().get(k);
            out.add(new Panel(c.id(), c.description().isEmpty() ? c.id() : c.description(), axis,
                    c.id() + " (" + c.unit() + ")", List.of(new Series(runName, x, t.series(c.id()))), "", ""));
        }
        return out;
    }
}
