package org.vascalc.core.patient;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

public enum Sex {
    FEMALE, MALE;

    /**
     * Every spelling a user may give for a sex, matched ignoring case and surrounding spaces: the name
     * and the common abbreviations. The risk command, patient files, scenario and trial files and the
     * web forms all read sex through this one table, so what one of them takes the others take too.
     */
    public static final Map<String, Sex> SPELLINGS;

    static {
        Map<String, Sex> m = new LinkedHashMap<>();
        m.put("female", FEMALE);
        m.put("male", MALE);
        m.put("f", FEMALE);
        m.put("m", MALE);
        m.put("woman", FEMALE);
        m.put("man", MALE);
        SPELLINGS = java.util.Collections.unmodifiableMap(m);
    }

    /** The sex {@code text} spells (one of {@link #SPELLINGS}, any case), or empty. */
    public static Optional<Sex> parse(String text) {
        return text == null ? Optional.empty()
                : Optional.ofNullable(SPELLINGS.get(text.strip().toLowerCase(Locale.ROOT)));
    }

    /** The name used in files and forms: {@code female} or {@code male}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
