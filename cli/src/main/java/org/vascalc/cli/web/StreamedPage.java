package org.vascalc.cli.web;

/**
 * A page (status 200) whose {@code head} (the introduction and the filled-in form) is sent at once,
 * followed by lines of progress while {@code work} runs, then by what the work returns and the page's
 * end. A run of half a minute thus shows the reader at once that it started and how far it has got,
 * without any script: the browser draws the page as it arrives, and the style shows only the latest
 * progress line ({@link Html#STYLE}, {@code .running}). The input was checked before: a problem found
 * while running is a bug, written into the page (the status is already sent) and logged.
 *
 * @param what what is being run, for the first line ("40 members in 2 arms, 80 member-runs")
 */
record StreamedPage(String title, String head, String what, Work work) implements Answer {

    /** The long part of the page: runs, telling {@code progress} how far it got, and returns the results' HTML. */
    @FunctionalInterface
    interface Work {
        String run(Progress progress) throws Exception;
    }

    /**
     * Told the fraction done, in [0, 1], from any thread; then, once, that the computation is over and
     * its results (charts, tables) are being drawn, which takes seconds more: the reader sees a line
     * saying so instead of a page gone quiet at "100 % done".
     */
    interface Progress {
        void done(double fraction);

        /** The computation is over; what it returned is being drawn. Said at most once, before the work returns. */
        void drawing();
    }
}
