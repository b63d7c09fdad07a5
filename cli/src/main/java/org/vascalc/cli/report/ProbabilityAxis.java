package org.vascalc.cli.report;

import org.vascalc.simulation.OutputChannel;

/**
 * The one place where a chart turns a probability into per cent. The model records a risk as a fraction (unit
 * "1": the cumulative MI risk 0.0639 after twenty years), while the tables beside the charts (/compare, the
 * flagship report) give it in per cent; on an axis without a unit, 0–0.06 read as 0–0.06 % (storyaxis: the statin
 * story's MI-risk panel). Every chart that plots such a channel draws it in per cent, with "%" in the axis title.
 * Which channel is a probability its output declares ({@link OutputChannel#probability()}, the wall's four
 * cumulative risks); until leftovers25 this class guessed it from the words of the description. The factor and the
 * unit are the channel's own ({@link OutputChannel#shownScale()}, {@link OutputChannel#shownUnit()}), which the
 * consoles and tables use too (riskunit).
 */
public final class ProbabilityAxis {

    /** Per cent in a probability of 1. */
    public static final double PERCENT_PER_UNIT = OutputChannel.PERCENT_PER_UNIT;

    /** The unit a probability's axis title names. */
    public static final String UNIT = OutputChannel.PERCENT;

    private ProbabilityAxis() {
    }

    /** True for a channel its output marks as a probability, recorded as 0 to 1 (unit "1"). */
    public static boolean isProbability(OutputChannel c) {
        return c.probability();
    }

    /** The factor from the channel's recorded value to the value a chart draws: 100 for a probability, else 1. */
    public static double scale(OutputChannel c) {
        return c.shownScale();
    }

    /** The unit the chart's axis title names: "%" for a probability, else the channel's own. */
    public static String unit(OutputChannel c) {
        return c.shownUnit();
    }

    /** The recorded values as drawn ({@link #scale}); a new array, NaN staying NaN. */
    public static double[] drawn(OutputChannel c, double[] recorded) {
        double f = scale(c);
        double[] out = recorded.clone();
        if (f != 1) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= f;
            }
        }
        return out;
    }
}
