package org.vascalc.cli.web;

/**
 * Which of a streamed page's progress reports get a line ({@link StreamedPage}): one 5 % beyond the
 * last line, or any further progress 2 s after it. Cohort and trial workers report from their own
 * threads, so a report can arrive after a larger one; it gets no line, and the latest line (the one
 * the page shows) never goes backwards. 100 % gets none either: the page's next lines say the
 * computation is over ("Computed ...", "Done: ...").
 */
final class ProgressLines {

    private double seen;
    private double shownFraction;
    private double shownSeconds;

    /** Whether {@code fraction} done, reported {@code seconds} after the start, gets a line (remembered if so). */
    synchronized boolean shows(double fraction, double seconds) {
        if (fraction <= seen) { // not beyond the furthest report: a late one from another thread
            return false;
        }
        seen = fraction;
        if (fraction >= 1 || fraction < shownFraction + 0.05 && seconds < shownSeconds + 2) {
            return false;
        }
        shownFraction = fraction;
        shownSeconds = seconds;
        return true;
    }
}
