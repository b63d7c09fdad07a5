package org.vascalc.simulation;

import java.util.Arrays;
import java.util.List;

/**
 * Recorded outputs over time: {@code value(i, k)} is channel {@code k} at {@code time(i)} (hours
 * from the end of stabilisation). Immutable: the constructor copies the arrays it is given, and
 * {@link #timesHours()} and {@link #values()} hand out copies; read single samples with
 * {@link #size()}, {@link #time(int)} and {@link #value(int, int)} (no copy). Two trajectories are
 * equal when their channels, times and values are (by content, not array identity).
 *
 * <p>The copy is made once per run, when the engine hands over its recording; nothing is copied
 * per recorded sample.
 */
public record Trajectory(List<OutputChannel> channels, double[] timesHours, double[][] values) {
    public Trajectory {
        channels = List.copyOf(channels);
        if (timesHours.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        timesHours = timesHours.clone();
        values = deepCopy(values);
    }

    private static double[][] deepCopy(double[][] v) {
        double[][] c = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i].clone();
        }
        return c;
    }

    /** The recording times, hours (a copy). */
    @Override
    public double[] timesHours() {
        return timesHours.clone();
    }

    /** Every recorded row, {@code [time][channel]} (a deep copy). */
    @Override
    public double[][] values() {
        return deepCopy(values);
    }

    /** The number of recorded times. */
    public int size() {
        return timesHours.length;
    }

    /** Recording time {@code i}, hours from the end of stabilisation. */
    public double time(int i) {
        return timesHours[i];
    }

    /** Channel {@code k} at recording time {@code i}, in the channel's unit. */
    public double value(int i, int k) {
        return values[i][k];
    }

    /** Row {@code i}: every channel at recording time {@code i} (a copy). */
    public double[] row(int i) {
        return values[i].clone();
    }

    /**
     * The column of channel {@code id} in {@code values}.
     *
     * @throws IllegalArgumentException naming the channels the run recorded, if {@code id} is not one of them
     */
    public int channelIndex(String id) {
        for (int k = 0; k < channels.size(); k++) {
            if (channels.get(k).id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no output channel '" + id + "'; this run recorded "
                + String.join(", ", channels.stream().map(OutputChannel::id).toList())
                + " (add it to the scenario's recording outputs, or leave them empty for the model's default set)");
    }

    /** The values of channel {@code id} at every recorded time (a new array), in the channel's unit. */
    public double[] series(String id) {
        int k = channelIndex(id);
        double[] s = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = values[i][k];
        }
        return s;
    }

    /** The last recorded value of channel {@code id}, in the channel's unit. */
    public double last(String id) {
        return values[values.length - 1][channelIndex(id)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trajectory t && channels.equals(t.channels)
                && Arrays.equals(timesHours, t.timesHours) && Arrays.deepEquals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * channels.hashCode() + Arrays.hashCode(timesHours)) + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "Trajectory[" + channels.size() + " channels, " + timesHours.length + " times"
                + (timesHours.length == 0 ? "" : " from " + timesHours[0] + " to " + timesHours[timesHours.length - 1] + " h")
                + "]";
    }
}
