package org.vascalc.physiology.vitamink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;

/**
 * Levenberg–Marquardt fit (Hipparchus) of the vitamin K block's calibrated parameters to the
 * {@code use=fit} rows E15, E16, E17, E19, E20 and E22 only — never to a check row. Each residual is
 * (model − target) divided by the half-width of the target's tolerance band, so a residual inside ±1
 * lies inside the band. Parameters are searched in a bounded transform of their catalog range
 * (log-scale between low and high, or linear for a range starting at 0) so no trial leaves it.
 *
 * <p>Run {@code main} to print the Markdown table of {@code docs/model/vitamin-k-fit.md};
 * {@code VitaminKCalibrationIT} re-runs the fit and checks the catalog holds its result.
 */
final class VitaminKCalibration {

    /** The parameters the fit moves, in order. */
    static final List<String> FITTED = List.of("k1AbsorptionPerH", "mk7AbsorptionPerH", "mk7EliminationPerH",
            "mk7VolumeL", "tissueUptakeFractionMk7", "haemodialysisUraemicInhibition");

    /** Starting values before any fit: rough a-priori guesses, deliberately not the fitted values. */
    static final Map<String, Double> PRIOR_START = Map.of("k1AbsorptionPerH", 0.5, "mk7AbsorptionPerH", 0.5,
            "mk7EliminationPerH", Math.log(2) / 48, "mk7VolumeL", 30.0, "tissueUptakeFractionMk7", 0.1,
            "haemodialysisUraemicInhibition", 0.5);

    record Residual(String targetId, String label, ToDoubleBiFunction<ParameterCatalog, VitaminKTargets.Propagator> model) {
    }

    static final List<Residual> RESIDUALS = List.of(
            new Residual("E15", "t_max K1 (h)", VitaminKTargets::e15TmaxK1Hours),
            new Residual("E15", "t_max MK-7 (h)", VitaminKTargets::e15TmaxMk7Hours),
            new Residual("E16", "MK-7/K1 steady-state ratio", VitaminKTargets::e16Mk7OverK1SteadyStateRatio),
            new Residual("E17", "MK-7 t1/2 (h)", VitaminKTargets::e17Mk7HalfLifeHours),
            new Residual("E19", "dp-ucMGP change, MK-7 180 ug/d 12 wk", VitaminKTargets::e19DpUcMgpChangeMk7_180),
            new Residual("E20", "dp-ucMGP change, MK-7 360 ug/d 12 wk", VitaminKTargets::e20DpUcMgpChangeMk7_360),
            new Residual("E22", "dp-ucMGP HD/healthy", VitaminKTargets::e22HaemodialysisRatio));

    record Result(ParameterCatalog before, ParameterCatalog after, double[] modelBefore, double[] modelAfter,
                  int iterations, int evaluations, double rmsAfter) {
    }

    private final ParameterCatalog base;
    private final TargetRows rows;
    private final VitaminKTargets.Propagator prop;

    VitaminKCalibration(ParameterCatalog base, TargetRows rows, VitaminKTargets.Propagator prop) {
        this.base = base;
        this.rows = rows;
        this.prop = prop;
    }

    Result fit(Map<String, Double> start) {
        ParameterCatalog startCatalog = base.with(start);
        double[] z0 = new double[FITTED.size()];
        for (int i = 0; i < z0.length; i++) {
            z0[i] = toUnbounded(base.get(FITTED.get(i)), start.get(FITTED.get(i)));
        }
        double[] target = new double[RESIDUALS.size()]; // residuals are already scaled: target 0
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(z0).target(target).model(this::valueAndJacobian)
                .maxEvaluations(400).maxIterations(100).build());
        ParameterCatalog fitted = catalogAt(opt.getPoint().toArray());
        return new Result(startCatalog, fitted, modelValues(startCatalog), modelValues(fitted),
                opt.getIterations(), opt.getEvaluations(), opt.getRMS());
    }

    double[] modelValues(ParameterCatalog c) {
        double[] v = new double[RESIDUALS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = RESIDUALS.get(i).model().applyAsDouble(c, prop);
        }
        return v;
    }

    private double[] scaledResiduals(ParameterCatalog c) {
        double[] m = modelValues(c);
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            TargetRows.Row row = rows.get(RESIDUALS.get(i).targetId());
            r[i] = (m[i] - row.value()) / (0.5 * (row.high() - row.low()));
        }
        return r;
    }

    private Pair<RealVector, org.hipparchus.linear.RealMatrix> valueAndJacobian(RealVector point) {
        double[] z = point.toArray();
        double[] r0 = scaledResiduals(catalogAt(z));
        double[][] jac = new double[r0.length][z.length];
        for (int j = 0; j < z.length; j++) {
            double h = 1e-4 * Math.max(1, Math.abs(z[j]));
            double[] zh = z.clone();
            zh[j] += h;
            double[] rh = scaledResiduals(catalogAt(zh));
            for (int i = 0; i < r0.length; i++) {
                jac[i][j] = (rh[i] - r0[i]) / h;
            }
        }
        return new Pair<>(new ArrayRealVector(r0, false), new Array2DRowRealMatrix(jac, false));
    }

    private ParameterCatalog catalogAt(double[] z) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < z.length; i++) {
            values.put(FITTED.get(i), fromUnbounded(base.get(FITTED.get(i)), z[i]));
        }
        return base.with(values);
    }

    /** Bounded transform: logistic in log(value) between low and high, or in value if low is 0. */
    static double fromUnbounded(Parameter p, double z) {
        double s = 1 / (1 + Math.exp(-z));
        double v = p.low() > 0 ? Math.exp(Math.log(p.low()) + s * (Math.log(p.high()) - Math.log(p.low())))
                : p.low() + s * (p.high() - p.low());
        return Math.min(p.high(), Math.max(p.low(), v));
    }

    static double toUnbounded(Parameter p, double v) {
        double s = p.low() > 0 ? (Math.log(v) - Math.log(p.low())) / (Math.log(p.high()) - Math.log(p.low()))
                : (v - p.low()) / (p.high() - p.low());
        return Math.log(s / (1 - s));
    }

    /** Prints the fit as Markdown for docs/model/vitamin-k-fit.md. */
    public static void main(String[] args) {
        ParameterCatalog catalog = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);
        TargetRows rows = TargetRows.load();
        VitaminKCalibration cal = new VitaminKCalibration(catalog, rows, HipparchusPropagator.standard());
        Result r = cal.fit(PRIOR_START);
        StringBuilder sb = new StringBuilder();
        sb.append("| parameter | unit | range | before | after |\n|---|---|---|---|---|\n");
        for (String name : FITTED) {
            Parameter p = catalog.get(name);
            sb.append(String.format(Locale.ROOT, "| `%s` | %s | %s–%s | %.4g | %.4g |%n", name, p.unit(),
                    fmt(p.low()), fmt(p.high()), r.before().value(name), r.after().value(name)));
        }
        sb.append("\n| target | quantity | target [low, high] | model before | model after | scaled residual after |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < RESIDUALS.size(); i++) {
            Residual res = RESIDUALS.get(i);
            TargetRows.Row row = rows.get(res.targetId());
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s [%s, %s] | %.4g | %.4g | %+.3f |%n", res.targetId(),
                    res.label(), fmt(row.value()), fmt(row.low()), fmt(row.high()), r.modelBefore()[i],
                    r.modelAfter()[i], (r.modelAfter()[i] - row.value()) / (0.5 * (row.high() - row.low()))));
        }
        sb.append(String.format(Locale.ROOT, "%nLevenberg–Marquardt: %d iterations, %d evaluations, RMS of scaled residuals %.4f%n",
                r.iterations(), r.evaluations(), r.rmsAfter()));
        System.out.print(sb);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
