package org.vascalc.cli.report;

/** Plain text for the console: paragraphs wrapped to a width (the flagship's findings, a risk assessment). */
public final class ConsoleText {

    private ConsoleText() {
    }

    /**
     * {@code text} in lines of at most {@code width} characters, broken at spaces with {@code '\n'}
     * (a word longer than the width has its own line).
     */
    public static String wrap(String text, int width) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (String word : text.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                sb.append('\n');
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(word);
            col += word.length();
        }
        return sb.toString();
    }
}
