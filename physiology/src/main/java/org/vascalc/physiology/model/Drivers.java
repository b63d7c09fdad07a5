package org.vascalc.physiology.model;

/**
 * Slowly varying external inputs that blocks read in their derivative call: kidney function,
 * chronic drug exposure. The engine owns one instance per simulation and updates it between
 * derivative calls (piecewise constant between schedule changes; eGFR interpolated), so reading it
 * allocates nothing. Not shared between threads.
 */
public final class Drivers {

    private double egfrMlPerMin = 95;
    private double statinIntensity;
    private boolean haemodialysis;
    private boolean diabetes;
    private double ageYears = 60;

    /** Current eGFR, mL/min/1.73 m². */
    public double egfrMlPerMin() {
        return egfrMlPerMin;
    }

    /** Statin intensity as a fraction of high-intensity effect: 0 none, ~0.6 moderate, 1 high. */
    public double statinIntensity() {
        return statinIntensity;
    }

    public boolean haemodialysis() {
        return haemodialysis;
    }

    public boolean diabetes() {
        return diabetes;
    }

    /** Current age, years (baseline age plus elapsed time). */
    public double ageYears() {
        return ageYears;
    }

    public void setEgfrMlPerMin(double v) {
        this.egfrMlPerMin = v;
    }

    public void setStatinIntensity(double v) {
        this.statinIntensity = v;
    }

    public void setHaemodialysis(boolean v) {
        this.haemodialysis = v;
    }

    public void setDiabetes(boolean v) {
        this.diabetes = v;
    }

    public void setAgeYears(double v) {
        this.ageYears = v;
    }
}
