package org.vascalc.simulation.mineral;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The data rows of a published-numbers CSV beside a test (header dropped, blank lines skipped), each
 * split into at most {@code fields} fields so that the last one (the locator) may hold commas; its
 * quotes are removed.
 */
final class PublishedRows {

    private PublishedRows() {
    }

    static List<String[]> read(Class<?> beside, String resource, int fields) {
        var in = beside.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " not on the test class path");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", fields);
                f[fields - 1] = f[fields - 1].replace("\"", "");
                rows.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
