package org.vascalc.simulation.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

/**
 * What a CT calcium score shows next to what the wall really holds, start and end of a run: the
 * Agatston and mass scores (visible intimal macrocalcium and medial mineral above the detection
 * limits) against the true intimal (micro + macro) and medial coronary mineral. A falling score can
 * hide growing plaque, and a rising score can be medial rather than plaque calcium; only a model
 * knows the layers, so every report of a run that recorded them shows them together.
 *
 * <p>Present only when the run recorded {@code cacAgatston}, {@code cacIntimalMass} and
 * {@code cacMedialMass}; the other rows ({@code cacMass}, {@code cacMicroMass}) are listed when recorded.
 */
public record CtVersusGroundTruth(List<Row> rows) {

    /** The channels, in the order shown: CT readouts first, then the ground truth. */
    public static final List<String> CHANNELS = List.of("cacAgatston", "cacMass", "cacIntimalMass", "cacMedialMass",
            "cacMicroMass");
    static final List<String> REQUIRED = List.of("cacAgatston", "cacIntimalMass", "cacMedialMass");

    /** One channel's first and last recorded value. */
    public record Row(String id, String unit, String description, double start, double end) {
    }

    public CtVersusGroundTruth {
        rows = List.copyOf(rows);
    }

    public static Optional<CtVersusGroundTruth> of(Trajectory t) {
        int n = t.size();
        if (n == 0 || !REQUIRED.stream().allMatch(id -> has(t, id))) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (String id : CHANNELS) {
            if (!has(t, id)) {
                continue;
            }
            int k = t.channelIndex(id);
            OutputChannel c = t.channels().get(k);
            rows.add(new Row(id, c.unit(), c.description(), t.value(0, k), t.value(n - 1, k)));
        }
        return Optional.of(new CtVersusGroundTruth(rows));
    }

    public static boolean has(Trajectory t, String id) {
        return t.channels().stream().anyMatch(c -> c.id().equals(id));
    }
}
