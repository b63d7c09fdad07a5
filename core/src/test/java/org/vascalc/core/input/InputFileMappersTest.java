package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import org.junit.jupiter.api.Test;

/** The strict reading every input-file reader shares (the readers' own tests check their messages). */
class InputFileMappersTest {

    @Test
    void aKeyGivenTwiceIsRefusedInYamlAndJson() {
        assertThatThrownBy(() -> InputFileMappers.YAML.readTree("age: 58\nage: 80\n"))
                .isInstanceOf(JacksonException.class).hasMessageContaining("age");
        assertThatThrownBy(() -> InputFileMappers.JSON.readTree("{\"age\": 58, \"age\": 80}"))
                .isInstanceOf(JacksonException.class).hasMessageContaining("age");
    }

    @Test
    void anythingAfterTheFirstDocumentIsRefused() {
        assertThatThrownBy(() -> InputFileMappers.YAML.readTree("age: 58\n---\nage: 80\n"))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> InputFileMappers.JSON.readTree("{\"age\": 58} {\"age\": 80}"))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void theFirstAliasIsPlacedAtItsLineAndColumn() throws Exception {
        String text = "a: &x 1\nb: 2\nc: *x\nd: *x\n";
        assertThat(InputFileMappers.YAML.readTree(text).get("c").asText()).as("what Jackson alone reads").isEqualTo("x");
        InputProblem alias = InputFileMappers.firstYamlAlias(text).orElseThrow();
        assertThat(alias.path()).isEqualTo("(line 3, column 4)");
        assertThat(alias.message()).startsWith("YAML alias *x:");
    }

    @Test
    void noAliasOrTextThatIsNotYamlGivesNone() {
        assertThat(InputFileMappers.firstYamlAlias("a: 1\nb: [1, 2]\n")).isEmpty();
        assertThat(InputFileMappers.firstYamlAlias("a: [1, 2\n")).isEmpty();
    }

    /**
     * YAML's not-a-number and infinities are placed where they start, as a user counts the column: Jackson refuses
     * them once read whole and placed them after their last character ("seed: .nan" at column 11, not 7; loaders'
     * leftover, taken by review11).
     */
    @Test
    void aNotFiniteNumberIsPlacedWhereItStarts() {
        for (String[] c : new String[][] {{"seed: .nan\n", "(line 1, column 7)"},
                {"a: 1\nseed:   -.inf  \n", "(line 2, column 9)"}, {"x: [1, .NaN]\n", "(line 1, column 8)"},
                {"x:\n  y: .inf\n", "(line 2, column 6)"}}) {
            assertThatThrownBy(() -> InputFileMappers.readTreePlaced(c[0], false, "f.yaml"))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.problems().get(0).path()).as(c[0]).isEqualTo(c[1]);
                        assertThat(e.problems().get(0).message()).contains("is YAML's not-a-number or infinity");
                    });
        }
    }

    @Test
    void readTreePlacedPlacesAParseErrorAtItsLineAndColumnAndRefusesAnAlias() {
        assertThat(InputFileMappers.readTreePlaced("a: 1\nb: [2, 3]\n", false, "f.yaml").get("b").get(1).asInt()).isEqualTo(3);
        assertThat(InputFileMappers.readTreePlaced("{\"a\": 1}", true, "f.json").get("a").asInt()).isEqualTo(1);
        // an unclosed flow sequence on line 2
        assertThatThrownBy(() -> InputFileMappers.readTreePlaced("a: 1\nb: [2, 3\n", false, "f.yaml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).path()).matches("\\(line \\d+, column \\d+\\)");
                    assertThat(e.problems().get(0).message()).startsWith("not valid YAML: ");
                    assertThat(e.getMessage()).contains("f.yaml");
                });
        // the parser's own line naming the same place is left out: the quoted line and its caret follow the words
        assertThatThrownBy(() -> InputFileMappers.readTreePlaced("a: 1\nb: 2: 3\n", false, "f.yaml"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).path()).isEqualTo("(line 2, column 5)");
                    assertThat(e.problems().get(0).message()).isEqualTo(
                            "not valid YAML: mapping values are not allowed here\n    b: 2: 3\n        ^");
                });
        // JSON's first line, the key given twice
        assertThatThrownBy(() -> InputFileMappers.readTreePlaced("{\"a\": 1, \"a\": 2}", true, "f.json"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems().get(0).path()).startsWith("(line 1, column ");
                    assertThat(e.problems().get(0).message()).startsWith("not valid JSON: ").contains("a");
                });
        assertThatThrownBy(() -> InputFileMappers.readTreePlaced("a: &x 1\nc: *x\n", false, "f.yaml"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).path()).isEqualTo("(line 2, column 4)"));
    }

    /** The one message {@code text} is refused with by {@link InputFileMappers#readTreePlaced}. */
    private static String refusal(String text, boolean json) {
        try {
            InputFileMappers.readTreePlaced(text, json, "file");
        } catch (InvalidInputException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0).message();
        }
        throw new AssertionError("read: " + text);
    }

    @Test
    void jsonsNanAndInfinityAreNamedAsNumbersJsonDoesNotHaveNotAsAParserFlag() {
        // review12: "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"
        for (String v : new String[] {"NaN", "Infinity", "-Infinity"}) {
            assertThat(refusal("{\"ageYears\": " + v + "}", true)).isEqualTo("not valid JSON: '" + v
                    + "' is not a number in JSON, and every number here must be finite: write the number itself");
        }
    }

    @Test
    void jacksonsAdviceToTheProgrammerIsNotPassedOnToTheUser() {
        // each of these ended in a Java class, feature flag or method a user's file cannot act on (review12)
        String[] texts = {"{\"a\": +7}", "{\"a\": 1, // note\n\"b\": 2}", "{\"a\": " + "[".repeat(1001) + "]".repeat(1001)
            + "}", "{\"a\": " + "1".repeat(1001) + "}"};
        for (String text : texts) {
            assertThat(refusal(text, true)).as(text.substring(0, Math.min(12, text.length()))).startsWith("not valid JSON: ")
                    .doesNotContain("JsonReadFeature", "StreamReadConstraints", "Feature '", "`");
        }
        assertThat(refusal("a: " + "[".repeat(1001) + "]".repeat(1001) + "\n", false))
                .isEqualTo("not valid YAML: Document nesting depth (1001) exceeds the maximum allowed (1000)");
        assertThat(refusal("{\"a\": 1, // note\n\"b\": 2}", true)).contains("JSON has no comments: remove it, "
                + "or write the file as YAML (.yaml), where # starts a comment");
    }
}
