package org.vascalc.crosscheck;

import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.vascalc.physiology.wall.CtScoreSurrogate;
import org.vascalc.physiology.wall.CtScoreSurrogate.Geometry;
import org.vascalc.physiology.wall.CtScoreSurrogate.Layer;

/**
 * Least-squares fit of the surrogate's two layer geometries (B, k, σ, p, e each) and the shared weight spread to scorer observations,
 * with Hipparchus' Levenberg–Marquardt optimiser.
 * <p>
 * Residuals, on a log scale because the scores span four decades, for every observation:
 * ln((1 + surrogate)/(1 + scorer)) of the volume score (mm³), the mass score (mg) and the Agatston
 * score (AU; its weight is smooth, see {@code CtScoreSurrogate.densityWeight}), so that
 * deposits the scorer misses pull the surrogate to zero, and, where the scorer saw a lesion,
 * ln(surrogate/scorer) of the peak CT number (p·h against the lesions' volume-weighted peak). The detection limit is left out of
 * the fit (it is a hard step, and the catalog's is calibrated to population CAC incidence, W04/W09):
 * surrogate scores are compared before it.
 * A weak prior (weight 0.05 per unbounded coordinate) keeps unidentified parameters at their start.
 * Parameters are fitted in unbounded coordinates: B = e^x, k = e^x, σ = e^x, p = 1 + e^x, e = e^x.
 */
public final class CtSurrogateFit {

    /** Fitted geometries, with the optimiser's bookkeeping. */
    public record Result(Geometry intimal, Geometry medial, double weightSpreadHu, int iterations, int evaluations,
                         double rms, int residuals) {
        public CtScoreSurrogate apply(CtScoreSurrogate base) {
            return base.withGeometry(intimal, medial).withWeightSpread(weightSpreadHu);
        }
    }

    private static final double STEP = 1e-6;
    /** Parameters per layer. */
    private static final int N = 5;
    /** Residuals per observation: volume, mass, Agatston, peak. */
    private static final int PER_POINT = 4;
    /**
     * Weight of a weak prior pulling each unbounded coordinate to its start: a parameter the data do
     * not identify (σ when every deposit sits far above 130 HU) stays at its start instead of drifting.
     */
    private static final double PRIOR_WEIGHT = 0.05;

    private final CtScoreSurrogate base;

    /** {@code base} supplies c_HA, slice thickness and threshold; its detection limit is ignored. */
    public CtSurrogateFit(CtScoreSurrogate base) {
        this.base = base.withMinVolume(0);
    }

    public Result fit(List<ScorerObservation> observations, Geometry startIntimal, Geometry startMedial,
                      double startWeightSpreadHu) {
        List<ScorerObservation> seen = List.copyOf(observations);
        double[] start = concat(concat(toX(startIntimal), toX(startMedial)), new double[] {Math.log(startWeightSpreadHu)});
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(start)
                .model(x -> valueAndJacobian(x, seen, start))
                .target(new double[PER_POINT * seen.size() + start.length])
                .maxEvaluations(20_000)
                .maxIterations(5_000)
                .build();
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-5).withParameterRelativeTolerance(1e-5).optimize(problem);
        double[] x = opt.getPoint().toArray();
        return new Result(geometry(x, 0), geometry(x, N), Math.exp(x[2 * N]), opt.getIterations(),
                opt.getEvaluations(), opt.getRMS(), PER_POINT * seen.size() + start.length);
    }

    private Pair<RealVector, RealMatrix> valueAndJacobian(RealVector point, List<ScorerObservation> seen,
                                                          double[] prior) {
        double[] x = point.toArray();
        double[] r = residuals(x, seen, prior);
        RealMatrix j = new Array2DRowRealMatrix(r.length, x.length);
        for (int k = 0; k < x.length; k++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[k] += STEP;
            down[k] -= STEP;
            double[] ru = residuals(up, seen, prior);
            double[] rd = residuals(down, seen, prior);
            for (int i = 0; i < r.length; i++) {
                j.setEntry(i, k, (ru[i] - rd[i]) / (2 * STEP));
            }
        }
        return new Pair<>(new ArrayRealVector(r, false), j);
    }

    private double[] residuals(double[] x, List<ScorerObservation> seen, double[] prior) {
        CtScoreSurrogate s = base.withGeometry(geometry(x, 0), geometry(x, N)).withWeightSpread(Math.exp(x[2 * N]));
        double[] r = new double[PER_POINT * seen.size() + x.length];
        int i = 0;
        for (ScorerObservation o : seen) {
            Layer l = o.layer();
            r[i++] = Math.log1p(s.volume(l, o.massMg(), o.densityMgPerCm3())) - Math.log1p(o.volumeMm3());
            r[i++] = Math.log1p(s.mass(l, o.massMg(), o.densityMgPerCm3())) - Math.log1p(o.massScoreMg());
            r[i++] = Math.log1p(s.agatston(l, o.massMg(), o.densityMgPerCm3())) - Math.log1p(o.agatston());
            r[i++] = Double.isNaN(o.peakHu()) ? 0
                    : Math.log(s.peakHu(l, o.massMg(), o.densityMgPerCm3()) / o.peakHu());
        }
        for (int k = 0; k < x.length; k++) {
            r[i++] = PRIOR_WEIGHT * (x[k] - prior[k]);
        }
        return r;
    }

    private static Geometry geometry(double[] xs, int at) {
        double[] x = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            x[i] = Math.max(-12, Math.min(12, xs[i])); // keeps exp() finite while the optimiser explores
        }
        double e = Math.min(Math.exp(x[at + 4]), 5.0); // the record's upper bound
        return new Geometry(Math.exp(x[at]), Math.exp(x[at + 1]), Math.exp(x[at + 2]), 1 + Math.exp(x[at + 3]), e);
    }

    private static double[] toX(Geometry g) {
        return new double[] {Math.log(g.blurVolumeMm3()), Math.log(g.sharpness()), Math.log(g.spreadHu()),
            Math.log(g.peakToMean() - 1), Math.log(g.massRecovery())};
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
