package org.vascalc.physiology.wall;

/** The clinical events whose cumulative hazards the wall block carries as states. */
public enum WallEvent {
    MYOCARDIAL_INFARCTION("hazardMi"),
    STROKE("hazardStroke"),
    HEART_FAILURE("hazardHf"),
    CARDIOVASCULAR_DEATH("hazardCvDeath");

    private final String stateName;

    WallEvent(String stateName) {
        this.stateName = stateName;
    }

    /** Qualified id of the cumulative-hazard state, e.g. {@code wall.hazardMi}. */
    public String stateId() {
        return WallBlock.ID + "." + stateName;
    }
}
