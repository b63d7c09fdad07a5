package org.vascalc.physiology.vitamink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The E15–E25 rows of the project's copy of {@code calibration-targets.csv} (held by the simulation
 * module, which physiology cannot depend on, so the tests read the file from the source tree; Maven
 * runs tests in the module folder). Only id, use, value, low, high and unit are needed here.
 */
record TargetRows(Map<String, Row> byId) {

    record Row(String id, String use, double value, double low, double high, String unit) {
        boolean accepts(double model) {
            return model >= low && model <= high;
        }
    }

    static final Path FILE = Path.of("../simulation/src/main/resources/org/vascalc/simulation/calibration/calibration-targets.csv");

    static TargetRows load() {
        try {
            List<String> lines = Files.readAllLines(FILE).stream().filter(l -> !l.startsWith("#")).toList();
            List<String> header = split(lines.get(0));
            Map<String, Row> rows = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = split(line);
                String id = f.get(header.indexOf("id"));
                rows.put(id, new Row(id, f.get(header.indexOf("use")),
                        Double.parseDouble(f.get(header.indexOf("value"))),
                        Double.parseDouble(f.get(header.indexOf("low"))),
                        Double.parseDouble(f.get(header.indexOf("high"))), f.get(header.indexOf("unit"))));
            }
            return new TargetRows(Map.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Row get(String id) {
        Row r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no target " + id + " in " + FILE);
        }
        return r;
    }

    /** RFC-4180 split of one line (the file has quoted fields with commas, no embedded newlines). */
    private static List<String> split(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
