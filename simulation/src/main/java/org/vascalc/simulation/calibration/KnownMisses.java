package org.vascalc.simulation.calibration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Targets the model is known to miss today, with the reason ({@code known-misses.csv}, data next to
 * the targets). The validation table prints the reasons; the target test expects these rows to miss,
 * so that a fix is noticed and the list stays true. A row goes here with its reason, never silently.
 */
public final class KnownMisses {

    private KnownMisses() {
    }

    /** Target id to reason. */
    public static Map<String, String> load() {
        try (InputStream in = KnownMisses.class.getResourceAsStream("known-misses.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource known-misses.csv");
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("id,")) {
                    continue;
                }
                String[] p = line.split(",", 2);
                m.put(p[0].strip(), p.length > 1 ? p[1].strip() : "");
            }
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
