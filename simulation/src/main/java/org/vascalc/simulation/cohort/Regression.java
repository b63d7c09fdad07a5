package org.vascalc.simulation.cohort;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * The estimators of the population rows. Hand-written on Hipparchus' QR solver: least squares of
 * log event rate (each person's hazard is known, so regressing its log on the exposure gives the
 * adjusted hazard ratio of a proportional-hazards model without drawing events) and a small
 * iteratively reweighted logistic regression for odds ratios.
 */
final class Regression {

    private Regression() {
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / Math.max(1, v.length - 1));
    }

    /** Standard covariates: age, male, SBP, total cholesterol, HDL, smoking, diabetes. */
    static double[] covariates(FollowUp o) {
        var p = o.person().patient();
        var r = p.risk();
        return new double[] {p.ageYears(), o.male() ? 1 : 0, r.systolicBpMmHg(), r.totalCholesterolMgDl(),
                r.hdlCholesterolMgDl(), r.smoker() ? 1 : 0, r.diabetes() ? 1 : 0};
    }

    /**
     * Coefficient of {@code exposure} in the least-squares fit of log(rate) on the exposure and,
     * if {@code adjust}, the standard covariates. NaN if the design is singular or too small.
     */
    static double logRateCoefficient(List<FollowUp> os, ToDoubleFunction<FollowUp> exposure,
                                     ToDoubleFunction<FollowUp> rate, boolean adjust) {
        return logRateCoefficient(os, exposure, rate, adjust, List.of());
    }

    /**
     * As {@link #logRateCoefficient(List, ToDoubleFunction, ToDoubleFunction, boolean)} with further
     * covariates beyond the standard ones (e.g. baseline CAC, which Budoff 2013 adjusted for).
     */
    static double logRateCoefficient(List<FollowUp> os, ToDoubleFunction<FollowUp> exposure,
                                     ToDoubleFunction<FollowUp> rate, boolean adjust,
                                     List<ToDoubleFunction<FollowUp>> extra) {
        int k = (adjust ? 9 : 2) + extra.size();
        if (os.size() <= k) {
            return Double.NaN;
        }
        RealMatrix x = MatrixUtils.createRealMatrix(os.size(), k);
        RealVector y = MatrixUtils.createRealVector(new double[os.size()]);
        for (int i = 0; i < os.size(); i++) {
            FollowUp o = os.get(i);
            x.setEntry(i, 0, 1);
            x.setEntry(i, 1, exposure.applyAsDouble(o));
            if (adjust) {
                double[] c = covariates(o);
                for (int j = 0; j < c.length; j++) {
                    x.setEntry(i, 2 + j, c[j]);
                }
            }
            for (int j = 0; j < extra.size(); j++) {
                x.setEntry(i, k - extra.size() + j, extra.get(j).applyAsDouble(o));
            }
            y.setEntry(i, Math.log(Math.max(rate.applyAsDouble(o), 1e-300)));
        }
        try {
            return new QRDecomposition(x, 1e-12).getSolver().solve(y).getEntry(1);
        } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** Logistic regression (IRLS, 25 iterations) of 0/1 outcomes on the columns of {@code x}; returns β. */
    static double[] logistic(double[][] x, double[] y) {
        int n = x.length;
        int k = x[0].length;
        RealVector beta = MatrixUtils.createRealVector(new double[k]);
        for (int it = 0; it < 25; it++) {
            RealMatrix xw = MatrixUtils.createRealMatrix(n, k);
            RealVector z = MatrixUtils.createRealVector(new double[n]);
            for (int i = 0; i < n; i++) {
                double eta = MatrixUtils.createRealVector(x[i]).dotProduct(beta);
                double mu = 1 / (1 + Math.exp(-eta));
                double w = Math.max(mu * (1 - mu), 1e-9);
                double sw = Math.sqrt(w);
                for (int j = 0; j < k; j++) {
                    xw.setEntry(i, j, sw * x[i][j]);
                }
                z.setEntry(i, sw * (eta + (y[i] - mu) / w));
            }
            try {
                beta = new QRDecomposition(xw, 1e-12).getSolver().solve(z);
            } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
                double[] nan = new double[k];
                Arrays.fill(nan, Double.NaN);
                return nan;
            }
        }
        return beta.toArray();
    }
}
