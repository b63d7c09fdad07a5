package org.vascalc.simulation.cohort;

import java.util.Locale;

/** The virtual populations a cohort or a trial draws from ({@link VirtualPopulation}). */
public enum Population {
    /** A MESA-like community sample, aged 45-84. */
    MESA,
    /** A CRIC-like chronic kidney disease sample, eGFR 20-70. */
    CRIC,
    /** A broad sample, aged 30-85, eGFR 15-120. */
    PLAUSIBLE;

    /** Person {@code index} of this population of {@code pop}. */
    public VirtualPerson draw(VirtualPopulation pop, long index) {
        return switch (this) {
            case MESA -> pop.mesa(index);
            case CRIC -> pop.cric(index);
            case PLAUSIBLE -> pop.plausible(index);
        };
    }

    /** The name in files and on the command line: mesa, cric, plausible. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
