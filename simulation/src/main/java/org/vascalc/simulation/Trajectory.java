package org.vascalc.simulation;

import java.util.List;

/**
 * Recorded outputs over time: {@code values[i][k]} is channel {@code k} at {@code timesHours[i]}
 * (hours from the end of stabilisation). Arrays are not copied; treat them as read-only.
 */
public record Trajectory(List<OutputChannel> channels, double[] timesHours, double[][] values) {
    public Trajectory {
        channels = List.copyOf(channels);
        if (timesHours.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
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
}
