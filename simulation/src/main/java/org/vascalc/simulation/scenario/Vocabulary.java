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
 * The file spelling of each value of a domain enum, and other spellings read as one of them
 * ({@code aliases}: {@code f}, {@code m}, {@code woman}, {@code man} for sex, as the risk command and the
 * web forms take them); the JSON Schema lists both. Matching ignores case; anything else is rejected
 * with the list of allowed spellings. Files are written with the first.
 */
record Vocabulary<E extends Enum<E>>(String name, Map<String, E> bySpelling, Map<String, E> aliases) {

    static final Vocabulary<Sex> SEX = of("sex", Map.of("female", Sex.FEMALE, "male", Sex.MALE))
            .withAliases(Sex.SPELLINGS);
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
        return new Vocabulary<>(name, java.util.Collections.unmodifiableMap(sorted), Map.of());
    }

    /** This vocabulary also reading the spellings of {@code more} that are not already its own. */
    private Vocabulary<E> withAliases(Map<String, E> more) {
        Map<String, E> a = new LinkedHashMap<>();
        more.forEach((k, v) -> {
            if (bySpelling.keySet().stream().noneMatch(k::equalsIgnoreCase)) {
                a.put(k, v);
            }
        });
        return new Vocabulary<>(name, bySpelling, java.util.Collections.unmodifiableMap(a));
    }

    Optional<E> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Map<String, E> m : List.of(bySpelling, aliases)) {
            for (Map.Entry<String, E> e : m.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(t)) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** The spellings files are written with, one per value. */
    List<String> spellings() {
        return List.copyOf(bySpelling.keySet());
    }

    /** Every spelling read: {@link #spellings()}, then the aliases (the JSON Schema's enum). */
    List<String> accepted() {
        List<String> all = new java.util.ArrayList<>(bySpelling.keySet());
        all.addAll(aliases.keySet());
        return List.copyOf(all);
    }

    /** The allowed spellings for a message: {@code [female, male] (or f, m, woman, man)}. */
    String allowed() {
        return spellings() + (aliases.isEmpty() ? "" : " (or " + String.join(", ", aliases.keySet()) + ")");
    }

    String spell(E value) {
        return bySpelling.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }
}
