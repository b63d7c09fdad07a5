package org.vascalc.physiology.model;

/**
 * One oral intake at a moment in time, already converted to model units. The engine applies it as
 * a jump of the receiving block's depot state (reference mode) or as part of the periodic daily
 * pattern (fast mode). Blocks ignore the kinds that are not theirs.
 *
 * @param kind   what was taken
 * @param amount amount in the unit of {@link Kind#unit()}
 */
public record Intake(Kind kind, double amount) {

    public enum Kind {
        /** Calcium in a meal, mmol elemental Ca. */
        CALCIUM_FOOD("mmol"),
        /** Calcium in a drink taken on its own (liquid phase), mmol elemental Ca. */
        CALCIUM_DRINK("mmol"),
        /** Calcium carbonate tablet taken with food, mmol elemental Ca. */
        CALCIUM_CARBONATE_WITH_FOOD("mmol"),
        /** Calcium carbonate tablet fasting (acid-dependent dissolution), mmol elemental Ca. */
        CALCIUM_CARBONATE_FASTING("mmol"),
        /** Calcium citrate tablet with food, mmol elemental Ca. */
        CALCIUM_CITRATE_WITH_FOOD("mmol"),
        /** Calcium citrate tablet fasting, mmol elemental Ca. */
        CALCIUM_CITRATE_FASTING("mmol"),
        /** Phosphorus in a meal, mmol P. */
        PHOSPHATE_FOOD("mmol"),
        /** Phosphate-binding capacity taken with a meal, mmol P bindable (calcium-free binders). */
        PHOSPHATE_BINDER("mmol"),
        /** Vitamin K1 (phylloquinone), nmol. */
        VITAMIN_K1("nmol"),
        /** Menaquinone-4, nmol. */
        VITAMIN_MK4("nmol"),
        /** Menaquinone-7, nmol. */
        VITAMIN_MK7("nmol"),
        /** Warfarin, mg. */
        WARFARIN("mg");

        private final String unit;

        Kind(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }
}
