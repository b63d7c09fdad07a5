package org.vascalc.core.evidence;

import java.util.Objects;

/**
 * Where a number comes from. Calibrated and assumed numbers never pretend to be literature
 * (style guide, "Numbers: units, ranges, evidence").
 */
public sealed interface Evidence {

    /** One-line human-readable form, as printed in the generated parameter table. */
    String describe();

    /** A published value: a key into {@code docs/references.bib} and a locator (table, equation, page). */
    record Literature(String bibKey, String locator) implements Evidence {
        public Literature {
            requireText(bibKey, "bibKey");
            requireText(locator, "locator");
        }

        @Override
        public String describe() {
            return "literature: " + bibKey + ", " + locator;
        }
    }

    /** Fitted by an optimiser to the calibration target(s) named, e.g. {@code E06}. */
    record Calibrated(String targetIds, String note) implements Evidence {
        public Calibrated {
            requireText(targetIds, "targetIds");
            note = note == null ? "" : note;
        }

        @Override
        public String describe() {
            return "calibrated to " + targetIds + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    /** A modelling assumption with its one-line rationale. */
    record Assumption(String rationale) implements Evidence {
        public Assumption {
            requireText(rationale, "rationale");
        }

        @Override
        public String describe() {
            return "assumption: " + rationale;
        }
    }

    /** A value derived from other parameters or a steady-state condition, with the rule. */
    record Derived(String rule) implements Evidence {
        public Derived {
            requireText(rule, "rule");
        }

        @Override
        public String describe() {
            return "derived: " + rule;
        }
    }

    private static void requireText(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
