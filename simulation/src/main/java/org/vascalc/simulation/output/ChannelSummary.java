package org.vascalc.simulation.output;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

/**
 * One recorded output at a glance: its first, lowest, highest and last value and when the highest
 * came (what {@code vascalc simulate} prints and the web app's scenario page shows).
 *
 * @param id          output channel id
 * @param unit        its unit
 * @param start       first recorded value
 * @param min         lowest recorded value
 * @param max         highest recorded value
 * @param maxAtHours  time of the highest value, hours from the scenario start
 * @param end         last recorded value
 */
public record ChannelSummary(String id, String unit, double start, double min, double max, double maxAtHours,
                             double end) {

    /** Every channel of {@code t}, in recording order; empty when nothing was recorded. */
    public static List<ChannelSummary> of(Trajectory t) {
        List<ChannelSummary> rows = new ArrayList<>();
        if (t.size() == 0) {
            return rows;
        }
        for (OutputChannel c : t.channels()) {
            double[] s = t.series(c.id());
            int iMax = 0;
            double min = s[0];
            for (int i = 1; i < s.length; i++) {
                if (s[i] > s[iMax]) {
                    iMax = i;
                }
                min = Math.min(min, s[i]);
            }
            rows.add(new ChannelSummary(c.id(), c.unit(), s[0], min, s[iMax], t.time(iMax), s[s.length - 1]));
        }
        return rows;
    }
}
