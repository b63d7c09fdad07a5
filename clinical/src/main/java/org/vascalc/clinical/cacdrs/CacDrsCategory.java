package org.vascalc.clinical.cacdrs;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A CAC-DRS label, e.g. {@code A2/N3} (Hecht 2018).
 *
 * @param grade          A0 to A3
 * @param vesselModifier N1–N4, absent for A0 or when the per-artery breakdown is unknown
 */
public record CacDrsCategory(Grade grade, OptionalInt vesselModifier) {

    /** Agatston bands 0, 1–99, 100–299, ≥ 300 (Hecht 2018; what was checked: {@link CacDrs}). */
    public enum Grade { A0, A1, A2, A3 }

    public CacDrsCategory {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(vesselModifier, "vesselModifier");
    }

    /** "A0", "A1", or "A2/N3" when the vessel count is known. */
    public String label() {
        return vesselModifier.isPresent() ? grade.name() + "/N" + vesselModifier.getAsInt() : grade.name();
    }

    @Override
    public String toString() {
        return label();
    }
}
