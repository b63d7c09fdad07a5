package org.vascalc.simulation.output;

import java.util.Locale;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.Trajectory;

/**
 * A trajectory as CSV: a {@code time(h)} column, then one column per channel headed {@code id(unit)}
 * (Pulse's data-request convention; a probability's unit {@code {probability}}, {@link OutputChannel#header}),
 * values with 9 significant digits. Provenance goes in the
 * summary JSON, which also records this file's SHA-256, so the CSV stays plain for any reader.
 */
public final class TrajectoryCsv {

    private TrajectoryCsv() {
    }

    public static String format(Trajectory t) {
        StringBuilder sb = new StringBuilder(64 + t.size() * (t.channels().size() + 1) * 14);
        sb.append("time(h)");
        for (OutputChannel c : t.channels()) {
            sb.append(',').append(quote(c.header()));
        }
        sb.append('\n');
        for (int i = 0; i < t.size(); i++) {
            sb.append(num(t.time(i)));
            for (double v : t.row(i)) {
                sb.append(',').append(num(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.9g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
