package org.vascalc.physiology.wall;

/**
 * A person's own propensity, beyond measured risk factors, to grow plaque and medial mineral
 * (genetics, unmeasured exposures): multipliers on plaque growth and on medial mineral growth.
 * CAC varies several-fold between people with the same risk factors; without this a virtual
 * population's CAC would be a deterministic function of its risk factors. 1 for a single patient
 * unless known; a virtual population draws it (log-normal, SDs in the wall catalog).
 *
 * @param plaque multiplier of plaque growth, &gt; 0
 * @param medial multiplier of medial mineral growth, &gt; 0
 */
public record Susceptibility(double plaque, double medial) {

    public static final Susceptibility TYPICAL = new Susceptibility(1, 1);

    public Susceptibility {
        if (!(plaque > 0 && medial > 0 && Double.isFinite(plaque) && Double.isFinite(medial))) {
            throw new IllegalArgumentException("susceptibility multipliers must be finite and > 0: plaque "
                    + plaque + ", medial " + medial);
        }
    }
}
