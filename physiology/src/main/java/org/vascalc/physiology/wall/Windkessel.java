package org.vascalc.physiology.wall;

/**
 * Two-element Windkessel (Westerhof 2009) driven by a rectangular ejection of the stroke volume
 * over the ejection time, solved in closed form for its periodic steady state: with τ = RC,
 * a = e^{−Ts/τ}, b = e^{−(T−Ts)/τ} and Q₀ = SV/Ts,
 * <pre>
 * DBP = Q₀R·(1 − a)·b / (1 − a·b),   SBP = DBP / b,   mean = SV·R/T.
 * </pre>
 * For a patient, R and C₀ are solved from their own SBP and DBP (the pulse-pressure method of
 * Stergiopulos 1994 in closed form); afterwards compliance follows Bramwell–Hill,
 * C = C₀·(PWV₀/PWV)², with R fixed.
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
            throw new IllegalArgumentException("Windkessel needs SBP > DBP > 0 mmHg, got SBP " + sbp + " DBP " + dbp);
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
        double tau = resistance * compliance(pwv);
        double a = Math.exp(-ejectionS / tau);
        double b = Math.exp(-(periodS - ejectionS) / tau);
        return strokeVolume / ejectionS * resistance * (1 - a) * b / (1 - a * b);
    }

    double systolic(double pwv) {
        return systolicFromDiastolic(diastolic(pwv), pwv);
    }

    /** SBP = DBP/b when DBP at this PWV is already known (saves two exponentials in the derivative call). */
    double systolicFromDiastolic(double dbp, double pwv) {
        double tau = resistance * compliance(pwv);
        return dbp * Math.exp((periodS - ejectionS) / tau);
    }

    double mean() {
        return strokeVolume * resistance / periodS;
    }
}
