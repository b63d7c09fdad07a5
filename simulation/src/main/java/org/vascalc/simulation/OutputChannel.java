package org.vascalc.simulation;

/**
 * A recorded quantity: a state variable or a derived output, with its user-facing unit.
 *
 * @param id          column id, e.g. {@code serumCalciumTotal}
 * @param unit        user-facing unit, e.g. {@code mmol/L}
 * @param description one line
 * @param probability true for a probability recorded as a fraction 0 to 1 (unit "1"; the wall's cumulative
 *                    risks): charts and tables show it in per cent ({@link #PERCENT_PER_UNIT}). Declared with
 *                    the output, not read from its description's words (leftovers25).
 */
public record OutputChannel(String id, String unit, String description, boolean probability) {

    /** Per cent in a probability of 1: what a probability channel's recorded value is multiplied by to be shown. */
    public static final double PERCENT_PER_UNIT = 100;

    /** The unit a probability channel is shown in. */
    public static final String PERCENT = "%";

    /**
     * The unit a probability channel's CSV header names ({@link #header}): UCUM's annotation of the unit 1, which
     * means 1 (a fraction 0 to 1) to a unit-reading program, so the header stays {@code id(unit)} and carries the
     * mark the summary JSON gives as {@code probability} (leftovers29).
     */
    public static final String PROBABILITY_UNIT = "{probability}";

    public OutputChannel {
        if (probability && !"1".equals(unit)) {
            throw new IllegalArgumentException("channel '" + id + "': a probability is recorded as a fraction, unit \"1\", not '"
                    + unit + "'");
        }
    }

    /** A channel that is not a probability. */
    public OutputChannel(String id, String unit, String description) {
        this(id, unit, description, false);
    }

    /**
     * CSV header text: {@code id(unit)} as in Pulse's data requests; a probability's unit written {@link
     * #PROBABILITY_UNIT}, {@code riskMi({probability})}, where it was {@code riskMi(1)} like any fraction's (a
     * reader that splits the header at its parenthesis still gets the id; only the CSV had no mark).
     */
    public String header() {
        return id + "(" + tableUnit() + ")";
    }

    /**
     * The unit a table of recorded values names for this channel: {@link #PROBABILITY_UNIT} for a probability, else
     * its own. The trajectory CSV's header and the sensitivity CSV's {@code outputUnit} say it (leftovers30: the
     * latter said "1" for the MI risk, like any fraction).
     */
    public String tableUnit() {
        return probability ? PROBABILITY_UNIT : unit;
    }

    /**
     * The factor from a recorded value to the value a person reads: {@link #PERCENT_PER_UNIT} for a probability,
     * else 1. The one rule for every console, page and chart that shows an output (riskunit: simulate's summary
     * printed {@code riskMi 1 0.041514} beside a chart and a sensitivity console in per cent); the files a program
     * reads (trajectory CSV, summary.json, sensitivity.csv) keep the fraction and say so ({@link #tableUnit}).
     */
    public double shownScale() {
        return probability ? PERCENT_PER_UNIT : 1;
    }

    /** A recorded value as a person reads it ({@link #shownScale}): 0.0415 of a risk is 4.15; NaN stays NaN. */
    public double shown(double recorded) {
        return recorded * shownScale();
    }

    /** The unit a value is shown in ({@link #shown}): {@link #PERCENT} for a probability, else the unit. */
    public String shownUnit() {
        return probability ? PERCENT : unit;
    }
}
