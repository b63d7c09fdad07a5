package org.vascalc.cli.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vascalc.core.input.InputProblem;

/** JSON bodies of the web API (Jackson), including the problem list of a rejected request. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The body of a 400 answer: every problem with its field and message. */
    static String problems(List<InputProblem> problems) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("error", "invalid input");
        root.put("problems", problemList(problems));
        return write(root);
    }

    static List<Map<String, String>> problemList(List<InputProblem> problems) {
        List<Map<String, String>> out = new ArrayList<>();
        for (InputProblem p : problems) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("field", p.path());
            m.put("message", p.message());
            m.put("severity", p.severity() == InputProblem.Severity.ERROR ? "error" : "warning");
            out.add(m);
        }
        return out;
    }

    /** JSON has no NaN or infinity. */
    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
