package org.vascalc.physiology.mineral;

import org.vascalc.core.param.ParameterCatalog;

/**
 * The habitual background diet's calcium as eating occasions: clock hours and the share of the day's
 * calcium eaten at each (breakfast, lunch, snack, dinner; shares from NHANES dietary recalls,
 * normalised to sum to one). The engine delivers the habitual calcium as these meals, and the
 * mineral block derives its transcellular capacity for the same daily pattern, so the two agree.
 *
 * @param hours  clock hours of the eating occasions, ascending within [0, 24)
 * @param shares fraction of the day's habitual calcium at each occasion (sum 1)
 */
public record HabitualMeals(double[] hours, double[] shares) {

    public HabitualMeals {
        hours = hours.clone();
        shares = shares.clone();
        if (hours.length != shares.length || hours.length == 0) {
            throw new IllegalArgumentException("habitual meals need one share per hour");
        }
        for (int i = 1; i < hours.length; i++) {
            if (!(hours[i] > hours[i - 1])) {
                throw new IllegalArgumentException("habitual meal hours must ascend: " + java.util.Arrays.toString(hours));
            }
        }
    }

    public static HabitualMeals from(ParameterCatalog c) {
        double[] hours = {c.value("habitualBreakfastHour"), c.value("habitualLunchHour"),
                c.value("habitualSnackHour"), c.value("habitualDinnerHour")};
        double[] raw = {c.value("habitualBreakfastCalciumShare"), c.value("habitualLunchCalciumShare"),
                c.value("habitualSnackCalciumShare"), c.value("habitualDinnerCalciumShare")};
        double sum = raw[0] + raw[1] + raw[2] + raw[3];
        double[] shares = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            shares[i] = raw[i] / sum;
        }
        return new HabitualMeals(hours, shares);
    }

    @Override
    public double[] hours() {
        return hours.clone();
    }

    @Override
    public double[] shares() {
        return shares.clone();
    }

    public int size() {
        return hours.length;
    }

    public double hour(int i) {
        return hours[i];
    }

    public double share(int i) {
        return shares[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HabitualMeals m && java.util.Arrays.equals(hours, m.hours)
                && java.util.Arrays.equals(shares, m.shares);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(hours) + java.util.Arrays.hashCode(shares);
    }

    @Override
    public String toString() {
        return "HabitualMeals" + java.util.Arrays.toString(hours) + java.util.Arrays.toString(shares);
    }
}
