package org.vascalc.core.intervention;

/**
 * Something taken or done on a schedule (a timed action, as opposed to a chronic
 * {@link org.vascalc.core.condition.Condition}). Amounts are per intake; rates follow from the
 * schedule. Adding a type makes the compiler list every place that must handle it.
 */
public sealed interface Intervention {

    Schedule schedule();

    /** Calcium in food, mg of elemental calcium per meal (the schedule's clock hours are the meals). */
    record DietaryCalcium(double mgPerMeal, Schedule schedule) implements Intervention {
    }

    /**
     * Calcium in a drink taken on its own (milk, fortified juice, mineral water), per drink: it is
     * already dissolved or dispersed and leaves the stomach with the liquid phase, much sooner
     * than calcium held in a solid meal ({@link DietaryCalcium}); mg of elemental calcium per drink.
     */
    record CalciumDrink(double mgPerDrink, Schedule schedule) implements Intervention {
    }

    /** Calcium supplement tablets: elemental calcium per dose, salt form, taken with a meal or fasting. */
    record CalciumSupplement(double elementalMgPerDose, CalciumSalt salt, boolean withFood, Schedule schedule)
            implements Intervention {
    }

    /** Phosphorus in food, per meal (mg of elemental P). */
    record DietaryPhosphate(double mgPhosphorusPerMeal, Schedule schedule) implements Intervention {
    }

    /** Vitamin K1 / MK-4 / MK-7 from diet or a supplement, µg per intake. */
    record VitaminK(VitaminKForm form, double microgramsPerDose, Schedule schedule) implements Intervention {
    }

    /** Oral warfarin, mg per dose. */
    record Warfarin(double mgPerDose, Schedule schedule) implements Intervention {
    }

    /**
     * Phosphate binder taken with meals: {@code mgPerDose} is mg of the salt per dose (calcium acetate, calcium
     * carbonate, sevelamer), for lanthanum mg of elemental lanthanum, as the tablets are labelled; a scenario
     * file takes 0 to 6000 mg (docs/scenario-format.md).
     */
    record PhosphateBinder(PhosphateBinderKind kind, double mgPerDose, Schedule schedule) implements Intervention {
    }

    /** Statin therapy (dose expressed as intensity class). */
    record Statin(StatinIntensity intensity, Schedule schedule) implements Intervention {
    }

    enum CalciumSalt { CARBONATE, CITRATE }

    enum VitaminKForm { K1, MK4, MK7 }

    enum PhosphateBinderKind {
        /** Calcium acetate: binds phosphate and delivers calcium (25 % elemental Ca by mass). */
        CALCIUM_ACETATE,
        /** Calcium carbonate used as a binder (40 % elemental Ca by mass). */
        CALCIUM_CARBONATE,
        /** Sevelamer carbonate: calcium-free. */
        SEVELAMER,
        /** Lanthanum carbonate: calcium-free; dosed as elemental lanthanum (its tablets are labelled so). */
        LANTHANUM
    }

    enum StatinIntensity { MODERATE, HIGH }
}
