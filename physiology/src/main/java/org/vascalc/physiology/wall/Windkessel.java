package org.vascalc.physiology.wall;

import static org.vascalc.core.input.ValidRange.fmt;

/**
 * Two-element Windkessel (Westerhof 2009) driven by a rectangular ejection of the stroke volume
 * over the ejection time, solved in closed form for its periodic steady state: with τ = RC,
 * a = e^{−Ts/τ}, b = e^{−(T−Ts)/τ} and Q₀ = SV/Ts,
 * <pre>
 * DBP = Q₀R·(1 − a)·b / (1 − a·b),   SBP = DBP / b,   mean = SV·R/T.
 * </pre>
 * For a patient, R and C₀ are solved from their own SBP and DBP (the pulse-pressure method of
 * Stergiopulos 1994 in closed form); afterwards compliance follows Bramwell–Hill,
 * C = C₀·(PWV₀/PWV)², and R is the baseline times a ratio that follows the person's blood-pressure
 * trajectory (the mean pressure SV·R/T rises with R; C and the acute PWV then follow).
 *
 * @param resistance   peripheral resistance, mmHg·s/mL
 * @param compliance0  total arterial compliance at baseline, mL/mmHg
 * @param pwv0         PWV at baseline, m/s
 * @param periodS      heart period, s
 * @param ejectionS    ejection time, s
 * @param strokeVolume stroke volume, mL
 */
record Windkessel(double resistance, double compliance0, double pwv0, double periodS, double ejectionS,
                  double strokeVolume) {

    static Windkessel fit(double sbp, double dbp, double pwv0, double heartRatePerMin, double ejectionS,
                          double strokeVolume) {
        if (!(sbp > dbp && dbp > 0)) {
            throw new IllegalArgumentException("Windkessel needs SBP > DBP > 0 mmHg, got SBP " + fmt(sbp, 4) + " DBP " + fmt(dbp, 4));
        }
        double period = 60.0 / heartRatePerMin;
        double tau = (period - ejectionS) / Math.log(sbp / dbp);
        double a = Math.exp(-ejectionS / tau);
        double b = dbp / sbp;
        double q0r = dbp * (1 - a * b) / ((1 - a) * b);
        double r = q0r / (strokeVolume / ejectionS);
        return new Windkessel(r, tau / r, pwv0, period, ejectionS, strokeVolume);
    }

    double compliance(double pwv) {
        double ratio = pwv0 / pwv;
        return compliance0 * ratio * ratio;
    }

    double diastolic(double pwv) {
        return diastolic(pwv, 1);
    }

    /**
     * DBP at this PWV with the peripheral resistance {@code resistanceRatio} times its baseline (the
     * blood-pressure trajectory: resistance rises with age; the mean pressure rises with it).
     */
    double diastolic(double pwv, double resistanceRatio) {
        double r = resistance * resistanceRatio;
        double tau = r * compliance(pwv);
        double a = Math.exp(-ejectionS / tau);
        double b = Math.exp(-(periodS - ejectionS) / tau);
        return strokeVolume / ejectionS * r * (1 - a) * b / (1 - a * b);
    }

    double systolic(double pwv) {
        return systolic(pwv, 1);
    }

    double systolic(double pwv, double resistanceRatio) {
        return systolicFromDiastolic(diastolic(pwv, resistanceRatio), pwv, resistanceRatio);
    }

    /** SBP = DBP/b when DBP at this PWV is already known (saves two exponentials in the derivative call). */
    double systolicFromDiastolic(double dbp, double pwv, double resistanceRatio) {
        double tau = resistance * resistanceRatio * compliance(pwv);
        return dbp * Math.exp((periodS - ejectionS) / tau);
    }
}
