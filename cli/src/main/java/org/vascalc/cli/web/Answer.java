package org.vascalc.cli.web;

/**
 * What a page handler answers: a whole page at once ({@link Response}), or a page whose form is sent
 * before a long run and whose results follow it, with the run's progress in between ({@link StreamedPage}).
 */
sealed interface Answer permits Response, StreamedPage {
}
