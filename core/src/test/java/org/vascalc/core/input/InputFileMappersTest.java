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
}
