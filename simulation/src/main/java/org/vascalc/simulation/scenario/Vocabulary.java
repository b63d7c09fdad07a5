package org.vascalc.simulation.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.patient.Sex;

/**
 * The file spelling of each value of a domain enum (the same spellings the JSON Schema lists).
 * Matching ignores case; anything else is rejected with the list of allowed spellings.
 */
record Vocabulary<E extends Enum<E>>(String name, Map<String, E> bySpelling) {

    static final Vocabulary<Sex> SEX = of("sex", Map.of("female", Sex.FEMALE, "male", Sex.MALE));
    static final Vocabulary<Intervention.CalciumSalt> CALCIUM_SALT = of("calciumSalt",
            Map.of("carbonate", Intervention.CalciumSalt.CARBONATE, "citrate", Intervention.CalciumSalt.CITRATE));
    static final Vocabulary<Intervention.VitaminKForm> VITAMIN_K_FORM = of("vitaminKForm",
            Map.of("K1", Intervention.VitaminKForm.K1, "MK4", Intervention.VitaminKForm.MK4,
                    "MK7", Intervention.VitaminKForm.MK7));
    static final Vocabulary<Intervention.PhosphateBinderKind> BINDER = of("phosphateBinderKind",
            Map.of("calciumAcetate", Intervention.PhosphateBinderKind.CALCIUM_ACETATE,
                    "calciumCarbonate", Intervention.PhosphateBinderKind.CALCIUM_CARBONATE,
                    "sevelamer", Intervention.PhosphateBinderKind.SEVELAMER,
                    "lanthanum", Intervention.PhosphateBinderKind.LANTHANUM));
    static final Vocabulary<Intervention.StatinIntensity> STATIN = of("statinIntensity",
            Map.of("moderate", Intervention.StatinIntensity.MODERATE, "high", Intervention.StatinIntensity.HIGH));
    static final Vocabulary<Condition.CkdStage> CKD_STAGE = of("ckdStage",
            Map.of("G1", Condition.CkdStage.G1, "G2", Condition.CkdStage.G2, "G3a", Condition.CkdStage.G3A,
                    "G3b", Condition.CkdStage.G3B, "G4", Condition.CkdStage.G4, "G5", Condition.CkdStage.G5));

    static final List<Vocabulary<?>> ALL = List.of(SEX, CALCIUM_SALT, VITAMIN_K_FORM, BINDER, STATIN, CKD_STAGE);

    private static <E extends Enum<E>> Vocabulary<E> of(String name, Map<String, E> m) {
        Map<String, E> sorted = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Vocabulary<>(name, java.util.Collections.unmodifiableMap(sorted));
    }

    Optional<E> parse(String text) {
        for (Map.Entry<String, E> e : bySpelling.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    List<String> spellings() {
        return List.copyOf(bySpelling.keySet());
    }

    String spell(E value) {
        return bySpelling.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }
}
