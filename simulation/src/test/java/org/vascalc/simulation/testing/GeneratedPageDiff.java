package org.vascalc.simulation.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What moved between a generated Markdown page as it stands in docs/ and the same page made now from
 * today's model. The page's own provenance block (tool, commit, parameter hashes) is put into the
 * page made now, since a test cannot know the commit the page will be remade at; everything else must
 * be equal. Table rows are matched by their first {@code keyCells} cells, so that a failure names the
 * row and the cells that moved ({@code W05: model value 15.14 -> 15.3}) instead of a wall of text.
 */
public final class GeneratedPageDiff {

    private static final Pattern FENCE = Pattern.compile("(?s)```\\n(.*?)\\n```");
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\) \\| ");
    /** Enough lines to find the cause; a page remade after a model change can move every row. */
    private static final int MOST_LINES = 25;

    private GeneratedPageDiff() {
    }

    /**
     * The page's provenance: the fenced block that starts with {@code tool }, without its fences.
     *
     * @throws IllegalArgumentException if the page has none
     */
    public static String provenance(String page) {
        Matcher m = FENCE.matcher(page);
        while (m.find()) {
            if (m.group(1).startsWith("tool ")) {
                return m.group(1);
            }
        }
        throw new IllegalArgumentException("the page has no provenance block (a fenced block starting with 'tool ')");
    }

    /**
     * Empty when {@code today} (made with the page's own provenance) equals {@code page}; otherwise one
     * line per moved table row ({@code key: column before -> after; ...}), then the other lines that
     * differ, each prefixed {@code page:} or {@code today:}.
     */
    public static List<String> moved(String page, String today, int keyCells) {
        if (page.equals(today)) {
            return List.of();
        }
        Table before = Table.of(page, keyCells);
        Table after = Table.of(today, keyCells);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : before.rows.entrySet()) {
            List<String> now = after.rows.get(e.getKey());
            if (now == null) {
                out.add(e.getKey() + ": on the page, not made today");
            } else if (!now.equals(e.getValue())) {
                out.add(e.getKey() + ": " + cells(before.header, e.getValue(), now));
            }
        }
        after.rows.keySet().stream().filter(k -> !before.rows.containsKey(k))
                .forEach(k -> out.add(k + ": made today, not on the page"));
        List<String> pageLines = before.otherLines;
        List<String> todayLines = after.otherLines;
        pageLines.stream().filter(l -> !todayLines.contains(l)).forEach(l -> out.add("page:  " + l));
        todayLines.stream().filter(l -> !pageLines.contains(l)).forEach(l -> out.add("today: " + l));
        if (out.isEmpty()) { // same lines in another order, or a difference only in blank lines
            out.add("the lines are the same but their order or spacing differs");
        }
        if (out.size() > MOST_LINES) {
            int more = out.size() - MOST_LINES;
            List<String> cut = new ArrayList<>(out.subList(0, MOST_LINES));
            cut.add("... and " + more + " more");
            return cut;
        }
        return out;
    }

    /** The message of a stale page: what moved, and the command that remakes it. */
    public static String message(String page, List<String> moved, String command) {
        return page + " is not what today's model makes of it (" + moved.size() + " difference"
                + (moved.size() == 1 ? "" : "s") + ", provenance aside; each cell as on the page -> as made today):\n  " + String.join("\n  ", moved)
                + "\nIf the change that moved it is meant, remake it with `" + command + "` (from the checkout's root) "
                + "and commit the page with the change.";
    }

    private static String cells(List<String> header, List<String> before, List<String> after) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            String b = i < before.size() ? before.get(i) : "";
            String a = i < after.size() ? after.get(i) : "";
            if (!Objects.equals(a, b)) {
                String name = i < header.size() ? header.get(i) : "column " + (i + 1);
                parts.add(name + " " + shorten(b) + " -> " + shorten(a));
            }
        }
        return String.join("; ", parts);
    }

    /** Long text cells (readings, sources) are cut so that a message stays readable; numbers are short. */
    private static String shorten(String cell) {
        return cell.length() <= 120 ? cell : cell.substring(0, 117) + "...";
    }

    /** A page split into its table rows (by key) and every other non-blank line. */
    private record Table(List<String> header, Map<String, List<String>> rows, List<String> otherLines) {

        static Table of(String page, int keyCells) {
            List<String> header = List.of();
            Map<String, List<String>> rows = new LinkedHashMap<>();
            List<String> other = new ArrayList<>();
            for (String line : page.split("\n")) {
                if (line.startsWith("| ") && line.endsWith(" |")) {
                    List<String> cells = List.of(CELL_SEPARATOR.split(line.substring(2, line.length() - 2), -1));
                    if (cells.stream().allMatch(c -> c.matches("-+:?|:?-+"))) {
                        continue;
                    }
                    if (rows.isEmpty() && header.isEmpty()) {
                        header = cells;
                        continue;
                    }
                    String key = String.join(" | ", cells.subList(0, Math.min(keyCells, cells.size())));
                    if (rows.putIfAbsent(key, cells) == null) {
                        continue;
                    }
                }
                if (!line.isBlank()) {
                    other.add(line);
                }
            }
            return new Table(header, rows, other);
        }
    }
}
