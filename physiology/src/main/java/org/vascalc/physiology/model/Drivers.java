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
    private double nonHdlLowering;
    private boolean haemodialysis;
    private double dialysateCalciumMmolL = Double.NaN;
    private double residualGfrMlPerMin = Double.NaN;
    private boolean diabetes;
    private double ageYears = 60;
    private double dietCalciumMmolPerHour;
    private double dietPhosphateMmolPerHour;

    /** Current eGFR, mL/min/1.73 m². */
    public double egfrMlPerMin() {
        return egfrMlPerMin;
    }

    /** Statin intensity as a fraction of high-intensity effect: 0 none, ~0.6 moderate, 1 high. */
    public double statinIntensity() {
        return statinIntensity;
    }

    /**
     * Fraction by which drugs other than statins lower non-HDL cholesterol (0 none): the bile-acid
     * binding of sevelamer. Multiplies with the statin's lowering; it has none of the statin's other
     * wall effects (plaque regression, conversion, densification).
     */
    public double nonHdlLowering() {
        return nonHdlLowering;
    }

    public boolean haemodialysis() {
        return haemodialysis;
    }

    /**
     * Calcium concentration of the dialysis fluid on haemodialysis, mmol/L; NaN means the mineral
     * block's catalog default ({@code haemodialysisDialysateCalcium}). Read only while
     * {@link #haemodialysis()} is true.
     */
    public double dialysateCalciumMmolL() {
        return dialysateCalciumMmolL;
    }

    public void setDialysateCalciumMmolL(double v) {
        this.dialysateCalciumMmolL = v;
    }

    /**
     * Glomerular filtration of the residual kidneys on haemodialysis, mL/min: what the kidneys still excrete
     * of calcium and phosphate filters at this rate (the eGFR driver stays the index of uraemia); NaN means the
     * condition gave none: the mineral block's catalog default ({@code haemodialysisResidualKidney} whether the
     * residual kidney is used, {@code haemodialysisResidualGfr} its GFR). Read only while
     * {@link #haemodialysis()} is true.
     */
    public double residualGfrMlPerMin() {
        return residualGfrMlPerMin;
    }

    public void setResidualGfrMlPerMin(double v) {
        this.residualGfrMlPerMin = v;
    }

    public boolean diabetes() {
        return diabetes;
    }

    /** Current age, years (baseline age plus elapsed time). */
    public double ageYears() {
        return ageYears;
    }

    /**
     * Dietary calcium as a continuous input, mmol/h (Peterson &amp; Riggs' OralCa). The engine sets it
     * to 0: it delivers the habitual calcium as meals (mineral {@code HabitualMeals}), in stabilisation
     * and in the run; a continuous input remains possible for a block on its own.
     */
    public double dietCalciumMmolPerHour() {
        return dietCalciumMmolPerHour;
    }

    /** Background dietary phosphorus as a continuous input, mmol/h; 0 when meals are scheduled. */
    public double dietPhosphateMmolPerHour() {
        return dietPhosphateMmolPerHour;
    }

    public void setDietCalciumMmolPerHour(double v) {
        this.dietCalciumMmolPerHour = v;
    }

    public void setDietPhosphateMmolPerHour(double v) {
        this.dietPhosphateMmolPerHour = v;
    }

    /** Copies every driver value from {@code o} (no allocation). */
    public void copyFrom(Drivers o) {
        egfrMlPerMin = o.egfrMlPerMin;
        statinIntensity = o.statinIntensity;
        nonHdlLowering = o.nonHdlLowering;
        haemodialysis = o.haemodialysis;
        dialysateCalciumMmolL = o.dialysateCalciumMmolL;
        residualGfrMlPerMin = o.residualGfrMlPerMin;
        diabetes = o.diabetes;
        ageYears = o.ageYears;
        dietCalciumMmolPerHour = o.dietCalciumMmolPerHour;
        dietPhosphateMmolPerHour = o.dietPhosphateMmolPerHour;
    }

    public void setEgfrMlPerMin(double v) {
        this.egfrMlPerMin = v;
    }

    public void setStatinIntensity(double v) {
        this.statinIntensity = v;
    }

    public void setNonHdlLowering(double v) {
        this.nonHdlLowering = v;
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
