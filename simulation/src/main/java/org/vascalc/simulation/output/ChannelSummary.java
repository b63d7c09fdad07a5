package org.vascalc.simulation.output;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

/**
 * One recorded output at a glance: its first, lowest, highest and last value and when the highest
 * came (what {@code vascalc simulate} prints and the web app's scenario page shows), as a person reads them: a
 * probability in per cent, "%" ({@link OutputChannel#shown}; riskunit: {@code riskMi 1 0.041514} beside charts in
 * per cent). The trajectory CSV and summary.json keep the recorded fraction.
 *
 * @param id          output channel id
 * @param unit        the unit the values are shown in ({@link OutputChannel#shownUnit()})
 * @param start       first recorded value
 * @param min         lowest recorded value
 * @param max         highest recorded value
 * @param maxAtHours  time of the highest value, hours from the scenario start (the first time it is reached;
 *                    for a {@link #flat() flat} output this is where its last-bit maximum lies, not a peak)
 * @param end         last recorded value
 */
public record ChannelSummary(String id, String unit, double start, double min, double max, double maxAtHours,
                             double end) {

    /**
     * Range within which an output counts as flat, relative to its size: 1e-9, a million times a double's
     * rounding (2.2e-16) and far below the five significant digits a summary prints. Food-calcium's dp-ucMGP,
     * 409.84 pmol/L throughout, had its highest value 8.85 years in, a difference in the last bits only.
     */
    public static final double FLAT_RELATIVE = 1e-9;

    /**
     * Whether the output stays within rounding of one value over the run (highest minus lowest at most
     * {@link #FLAT_RELATIVE} of the larger magnitude; an output that is zero throughout is flat): then the time of
     * its highest value says nothing, and the console and the web page show "flat" in its place.
     */
    public boolean flat() {
        return max - min <= FLAT_RELATIVE * Math.max(Math.abs(max), Math.abs(min));
    }

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
            rows.add(new ChannelSummary(c.id(), c.shownUnit(), c.shown(s[0]), c.shown(min), c.shown(s[iMax]), t.time(iMax),
                    c.shown(s[s.length - 1])));
        }
        return rows;
    }
}
