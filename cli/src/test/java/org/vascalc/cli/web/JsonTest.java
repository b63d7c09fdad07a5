package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;

/** The API's JSON, held to RFC 8259's grammar: strings escaped, no NaN, the problem body's fields. */
class JsonTest {

    /** RFC 8259 §7: quotation mark, reverse solidus and the control characters below U+0020 must be escaped. */
    @Test
    void aStringIsEscapedAsJsonRequires() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\nd\te\u0001f é");
        String json = Json.write(m);
        assertThat(json).contains("\"a\\\"b\\\\c\\nd\\te\\u0001f é\"");
        assertThat(json).as("one value per body, newline-terminated").endsWith("}\n");
        assertThat(json.chars().filter(c -> c < 0x20 && c != '\n').count())
                .as("no raw control characters but the layout's newlines").isZero();
    }

    /** JSON has no NaN or infinity (RFC 8259 §6): they become null, a finite number stays itself. */
    @Test
    void aNumberThatJsonCannotHoldIsNull() {
        assertThat(Json.finiteOrNull(Double.NaN)).isNull();
        assertThat(Json.finiteOrNull(Double.POSITIVE_INFINITY)).isNull();
        assertThat(Json.finiteOrNull(Double.NEGATIVE_INFINITY)).isNull();
        assertThat(Json.finiteOrNull(2.5)).isEqualTo(2.5);
        assertThat(Json.finiteOrNull(0.0)).isEqualTo(0.0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", Json.finiteOrNull(Double.NaN));
        assertThat(Json.write(m).replaceAll("\\s", "")).isEqualTo("{\"x\":null}");
    }

    @Test
    void aRejectedRequestListsEveryProblemWithFieldMessageAndSeverity() throws Exception {
        String body = Json.problems(List.of(
                InputProblem.error("patient.age", "age = 130 years is outside 18 to 100 years"),
                InputProblem.warning("patient.egfr", "eGFR = 14 mL/min/1.73m² is below the typical 15")));
        String expected = """
                {"error": "invalid input", "problems": [
                  {"field": "patient.age", "message": "age = 130 years is outside 18 to 100 years", "severity": "error"},
                  {"field": "patient.egfr", "message": "eGFR = 14 mL/min/1.73m² is below the typical 15",
                   "severity": "warning"}]}
                """;
        com.fasterxml.jackson.databind.ObjectMapper strict = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(strict.readTree(body)).isEqualTo(strict.readTree(expected));
        assertThat(body).as("in this order").containsSubsequence("\"error\"", "\"problems\"", "\"field\"",
                "\"message\"", "\"severity\"");
        assertThat(Json.problemList(List.of())).isEmpty();
    }
}
