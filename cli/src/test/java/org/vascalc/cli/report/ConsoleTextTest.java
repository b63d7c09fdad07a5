package org.vascalc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Console paragraphs: lines of at most the width, broken at spaces; a longer word has a line of its own. */
class ConsoleTextTest {

    @Test
    void linesAreBrokenAtSpacesAndNeverLongerThanTheWidth() {
        assertThat(ConsoleText.wrap("aaa bbb ccc", 7)).isEqualTo("aaa bbb\nccc");
        assertThat(ConsoleText.wrap("aaa bbb ccc", 6)).isEqualTo("aaa\nbbb\nccc");
        assertThat(ConsoleText.wrap("aaa bbb ccc", 11)).isEqualTo("aaa bbb ccc");
        assertThat(ConsoleText.wrap("a b c d", 3)).isEqualTo("a b\nc d");
        assertThat(ConsoleText.wrap("short", 80)).isEqualTo("short");
    }

    @Test
    void aWordLongerThanTheWidthHasItsOwnLine() {
        assertThat(ConsoleText.wrap("a calcification b", 5)).isEqualTo("a\ncalcification\nb");
        assertThat(ConsoleText.wrap("calcification", 5)).isEqualTo("calcification");
    }
}
