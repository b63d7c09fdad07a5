package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputProblemTest {

    /**
     * The one wording of an unknown key in every file reader (review9 found "unknown key 'x'; did you mean y?;
     * allowed here: a, b" beside the phantom reader's "unknown field; did you mean kvp? (allowed: [a, b])").
     */
    @Test
    void anUnknownKeyNamesItselfTheNearestKeyAndTheKeysAllowedInTheFormatsOrder() {
        java.util.Set<String> ordered = new java.util.LinkedHashSet<>(java.util.List.of("kvp", "matrix", "noiseSdHu"));
        assertThat(InputProblem.unknownKey("acquisition.kpv", "kpv", ordered).toString()).isEqualTo(
                "error: acquisition.kpv: unknown key 'kpv' (did you mean 'kvp'?); allowed here: kvp, matrix, noiseSdHu");
        assertThat(InputProblem.unknownKey("colour", "colour", java.util.List.of("date", "agatston")).message())
                .isEqualTo("unknown key 'colour'; allowed here: date, agatston");
        assertThat(InputProblem.unknownKey("x", "zzz", java.util.Set.of("b", "c", "a")).message())
                .as("a set without an order of its own: alphabetically, the same on every run")
                .isEqualTo("unknown key 'zzz'; allowed here: a, b, c");
    }

    @Test
    void aMultiLineParserMessageLosesItsTrailingBlankLine() {
        InputProblem p = InputProblem.error("(line 3, column 13)",
                "not valid YAML: expected ',' or '}'\n in 'reader', line 3:\n    durationDays: 1\n                ^\n");
        assertThat(p.message()).endsWith("^").contains("\n in 'reader'");
        assertThat(p.toString()).doesNotEndWith("\n");
        assertThat(InputProblem.warning("x", "fine  \n\n").message()).isEqualTo("fine");
    }

    /** SnakeYAML's message for "age: [60" followed by "sex: female", as Jackson passes it on. */
    private static final String SNAKE = "while parsing a flow sequence\n in 'reader', line 3, column 8:\n      age: [60\n"
            + "           ^\nexpected ',' or ']', but got :\n in 'reader', line 4, column 6:\n      sex: female\n"
            + "         ^\n";

    @Test
    void aParserMessageSaysWhereWithoutTheParsersJargonAndKeepsTheCaretUnderItsColumn() {
        assertThat(InputProblem.parserMessage(SNAKE)).isEqualTo("while parsing a flow sequence\n"
                + "at line 3, column 8:\n      age: [60\n           ^\nexpected ',' or ']', but got :\n"
                + "at line 4, column 6:\n      sex: female\n         ^");
        assertThat(InputProblem.parserMessage("Unexpected character (',' (code 44))")).isEqualTo("Unexpected character (',' (code 44))");
    }

    @Test
    void theLaterLinesOfAMultiLineProblemAreIndentedUnderItsText() {
        InvalidInputException e = new InvalidInputException("scenario file bad.yaml", InputProblem.error(
                "(line 4, column 6)", "not valid YAML: " + InputProblem.parserMessage(SNAKE)));
        assertThat(e.getMessage()).isEqualTo("""
                scenario file bad.yaml has 1 problem:
                  error: (line 4, column 6): not valid YAML: while parsing a flow sequence
                      at line 3, column 8:
                            age: [60
                                 ^
                      expected ',' or ']', but got :
                      at line 4, column 6:
                            sex: female
                               ^""");
        assertThat(e.getMessage().lines().skip(1)).allMatch(l -> l.startsWith("  "));
    }

    @Test
    void theHeadCountsTheWarningsItListsApartFromTheProblems() {
        InvalidInputException e = new InvalidInputException("scenario file u.yaml", java.util.List.of(
                InputProblem.warning("a", "odd"), InputProblem.error("b", "bad"), InputProblem.warning("c", "odd")));
        assertThat(e.getMessage()).startsWith("scenario file u.yaml has 1 problem and 2 warnings:\n");
        assertThat(new InvalidInputException("x", InputProblem.error("b", "bad")).getMessage())
                .startsWith("x has 1 problem:\n");
        // review9: a count in words, singular or plural, as the web pages say it
        assertThat(new InvalidInputException("y", java.util.List.of(InputProblem.error("a", "bad"),
                InputProblem.error("b", "bad"), InputProblem.warning("c", "odd"))).getMessage())
                .startsWith("y has 2 problems and 1 warning:\n");
    }

    /** YAML's .nan and .inf were called "Malformed numeric value", as if mistyped (review9). */
    @Test
    void yamlsNotANumberAndInfinityAreNamedAsSuchNotAsMalformed() {
        for (String word : new String[] {".nan", ".inf", "-.inf", ".NaN"}) {
            assertThatThrownBy(() -> InputFileMappers.readTreePlaced("ageYears: " + word + "\n", false, "scenario file a.yaml"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("'" + word + "' is YAML's not-a-number or infinity, and every number here must be finite")
                    .hasMessageNotContaining("Malformed");
        }
        assertThat(InputProblem.parserMessage("Malformed numeric value '1.2.3'")).isEqualTo("Malformed numeric value '1.2.3'");
    }

    @Test
    void aParserWithoutDetailOrWithATrailingDocumentIsStillNamedInWords() {
        assertThat(InputProblem.parserMessage(null)).isEqualTo("(no detail)");
        assertThat(InputProblem.parserMessage("Trailing token (of type START_OBJECT) found after value"))
                .startsWith("the file goes on after its first document");
    }
}
