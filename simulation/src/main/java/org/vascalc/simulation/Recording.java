package org.vascalc.simulation;

import java.util.List;

/**
 * What to record: output channel ids (empty = the model's default set) every {@code intervalHours},
 * optionally finer ({@code fineIntervalHours}) during the window {@code [fineFromDay, fineToDay)}
 * to show hour-by-hour excursions after doses within a long run.
 */
public record Recording(List<String> outputs, double intervalHours, double fineIntervalHours,
                        double fineFromDay, double fineToDay) {
    public Recording {
        outputs = List.copyOf(java.util.Objects.requireNonNull(outputs,
                "outputs is null; give List.of() to record the model's default set"));
        if (!(intervalHours > 0) || !(fineIntervalHours > 0)) {
            throw new IllegalArgumentException("recording intervals must be > 0 h, got intervalHours = " + intervalHours
                    + ", fineIntervalHours = " + fineIntervalHours);
        }
        if (fineToDay < fineFromDay) {
            throw new IllegalArgumentException("fineToDay must be >= fineFromDay, got fineFromDay = " + fineFromDay
                    + " days, fineToDay = " + fineToDay + " days");
        }
    }

    public static Recording every(double intervalHours) {
        return new Recording(List.of(), intervalHours, intervalHours, 0, 0);
    }
}
