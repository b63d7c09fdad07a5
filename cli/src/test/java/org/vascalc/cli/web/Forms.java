package org.vascalc.cli.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made form submissions for the page tests. */
final class Forms {

    private Forms() {
    }

    /**
     * A form from name, value pairs in order, {@code form("sex", "female", "age", "60")}; a name given twice
     * holds both values, as a submitted form with two ticked boxes of one name does.
     */
    static FormValues form(String... nameValue) {
        if (nameValue.length % 2 != 0) {
            throw new IllegalArgumentException("name, value pairs expected, got " + nameValue.length + " strings");
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.computeIfAbsent(nameValue[i], k -> new ArrayList<>()).add(nameValue[i + 1]);
        }
        return new FormValues(m);
    }
}
