package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;

/**
 * What one arm of an in-silico trial adds to every member's follow-up. Each arm runs the same
 * members (same seed, same people, same own multipliers and scan errors), so arms compare within
 * person. A member's own statin (drawn with the population) is kept in every arm; the statin arm
 * raises it to high intensity, or starts one.
 */
public enum TrialArm {
    NONE("no added intervention"),
    CALCIUM("500 mg elemental calcium as carbonate with breakfast (08:00) and dinner (19:00)"),
    MK7("180 ug MK-7 (vitamin K2) with breakfast"),
    CALCIUM_MK7("the calcium and the MK-7 arms together"),
    STATIN("a high-intensity statin in the evening, in place of the member's own");

    private final String description;

    TrialArm(String description) {
        this.description = description;
    }

    /** What the arm gives, in words. */
    public String description() {
        return description;
    }

    /** The arm's name on the command line and in files: none, calcium, mk7, calcium+mk7, statin. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '+');
    }

    /** The arm named {@code label} (as {@link #label}, any case). */
    public static TrialArm parse(String label) {
        for (TrialArm a : values()) {
            if (a.label().equalsIgnoreCase(label.strip())) {
                return a;
            }
        }
        // a typo gets the guess the command line's other names get (leftovers18), from the one shared helper; a
        // name of fewer than three letters gets none there (one edit from too many names), and "k2", the vitamin's
        // name rather than a typo, is two edits from mk7: the list says which arm gives vitamin K2 (leftovers22)
        throw new IllegalArgumentException("'" + label + "' is not a trial arm" + org.vascalc.core.input.EditDistance
                .didYouMean(label.strip(), java.util.Arrays.stream(values()).map(TrialArm::label).toList())
                + "; use none, calcium, mk7 (vitamin K2 as MK-7), calcium+mk7 or statin");
    }

    /** The member's interventions in this arm, all from the start of follow-up. */
    public List<Intervention> interventions(VirtualPerson p) {
        List<Intervention> ivs = new ArrayList<>();
        if (this == STATIN) {
            ivs.add(new Intervention.Statin(Intervention.StatinIntensity.HIGH, Schedule.daily(20)));
        } else {
            p.statin().ifPresent(s -> ivs.add(new Intervention.Statin(s, Schedule.daily(20))));
        }
        if (this == CALCIUM || this == CALCIUM_MK7) {
            ivs.add(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true, Schedule.daily(8, 19)));
        }
        if (this == MK7 || this == CALCIUM_MK7) {
            ivs.add(new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8)));
        }
        return List.copyOf(ivs);
    }
}
