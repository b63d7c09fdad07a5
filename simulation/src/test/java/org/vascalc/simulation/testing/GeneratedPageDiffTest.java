package org.vascalc.simulation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratedPageDiffTest {

    private static final String PAGE = """
            # Page

            Summary: 2 green.

            | target | what | model value | band |
            | --- | --- | ---: | --- |
            | E01 | calcium \\| total | 2.35 | green |
            | E02 | PTH | 36.33 | green |

            ```
            tool 0.1.0, commit abc
            ```
            """;

    @Test
    void aPageEqualToTodaysHasNothingMoved() {
        assertThat(GeneratedPageDiff.moved(PAGE, PAGE, 1)).isEmpty();
    }

    @Test
    void aMovedNumberIsNamedByItsRowAndColumnWithBothValues() {
        String today = PAGE.replace("36.33", "36.5").replace("2 green", "1 green, 1 yellow");
        assertThat(GeneratedPageDiff.moved(PAGE, today, 1)).containsExactly(
                "E02: model value 36.33 -> 36.5",
                "page:  Summary: 2 green.",
                "today: Summary: 1 green, 1 yellow.");
    }

    @Test
    void rowsOnOneSideOnlyAreNamed() {
        String today = PAGE.replace("| E02 | PTH | 36.33 | green |", "| E03 | phosphate | 1.2 | green |");
        assertThat(GeneratedPageDiff.moved(PAGE, today, 1))
                .containsExactly("E02: on the page, not made today", "E03: made today, not on the page");
    }

    @Test
    void aRowIsKeyedByAsManyCellsAsAsked() {
        String today = PAGE.replace("| E02 | PTH |", "| E02 | parathyroid hormone |");
        assertThat(GeneratedPageDiff.moved(PAGE, today, 2)).containsExactly(
                "E02 | PTH: on the page, not made today", "E02 | parathyroid hormone: made today, not on the page");
    }

    @Test
    void theMessageNamesThePageTheDifferencesAndTheCommand() {
        assertThat(GeneratedPageDiff.message("docs/x.md", java.util.List.of("E02: model value 36.33 -> 36.5"),
                "./vascalc x --write docs/x.md"))
                .contains("docs/x.md", "1 difference,", "E02: model value 36.33 -> 36.5", "`./vascalc x --write docs/x.md`");
    }

    @Test
    void theProvenanceIsTheFencedBlockThatStartsWithTheTool() {
        assertThat(GeneratedPageDiff.provenance(PAGE)).isEqualTo("tool 0.1.0, commit abc");
        assertThatThrownBy(() -> GeneratedPageDiff.provenance("# no block\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provenance");
    }
}
