package org.vascalc.simulation.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Re-wraps the page's prose to a fixed width, so template sentences with numbers of any length read
 * as ordinary paragraphs. Tables, code fences, headings, images and comments are left as they are; a
 * list item keeps its marker and indents its continuation lines.
 */
final class Reflow {

    /** Words that would start a list or heading if a line began with them. */
    private static final Pattern MARKER = Pattern.compile("[-+*>]|#+|\\d+[.)]");

    private Reflow() {
    }

    static String wrap(String markdown, int width) {
        StringBuilder out = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        boolean fence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                flush(paragraph, width, out);
                fence = !fence;
                out.append(line).append('\n');
            } else if (fence || line.isBlank() || verbatim(line)) {
                flush(paragraph, width, out);
                out.append(line).append('\n');
            } else if (line.startsWith("- ")) {
                flush(paragraph, width, out);
                paragraph.add(line);
            } else {
                paragraph.add(line.strip());
            }
        }
        flush(paragraph, width, out);
        // split(-1) yields one empty piece after the final newline: drop the newline it added
        return out.substring(0, out.length() - 1);
    }

    /** A number and its unit ({@code 5 mg}, {@code 5 %/year}, {@code ≥ 400}) stay on one line. */
    private static boolean together(String prev, String w) {
        if (w.startsWith("%") || prev.equals("≥") || prev.equals("≤") || prev.isEmpty()) {
            return true;
        }
        char last = prev.charAt(prev.length() - 1);
        char first = w.charAt(0);
        return Character.isDigit(last) && (Character.isLetter(first) || first == 'µ');
    }

    private static boolean verbatim(String line) {
        return line.startsWith("|") || line.startsWith("#") || line.startsWith("![") || line.startsWith("<!--");
    }

    private static void flush(List<String> paragraph, int width, StringBuilder out) {
        if (paragraph.isEmpty()) {
            return;
        }
        String text = String.join(" ", paragraph);
        paragraph.clear();
        String indent = text.startsWith("- ") ? "  " : "";
        String[] words = text.substring(indent.length()).split(" +");
        StringBuilder line = new StringBuilder(indent.isEmpty() ? "" : "- ");
        int start = line.length();
        String prev = "";
        for (String w : words) {
            boolean fits = line.length() == start || line.length() + 1 + w.length() <= width;
            if (!fits && !MARKER.matcher(w).matches() && !together(prev, w)) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(w);
            prev = w;
        }
        out.append(line).append('\n');
    }
}
