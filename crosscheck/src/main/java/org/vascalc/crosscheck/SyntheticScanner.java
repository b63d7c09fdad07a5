package org.vascalc.crosscheck;

import java.util.List;
import org.vascalc.imaging.phantom.AcquisitionSpec;
import org.vascalc.imaging.phantom.ArteryModel;
import org.vascalc.imaging.phantom.CoronaryTree;
import org.vascalc.imaging.phantom.DepositShape;
import org.vascalc.imaging.phantom.LesionSpec;
import org.vascalc.imaging.phantom.PhantomParameters;
import org.vascalc.imaging.phantom.PhantomSpec;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.CalciumScorer;
import org.vascalc.imaging.score.Lesion;
import org.vascalc.imaging.score.ScoringOptions;
import org.vascalc.imaging.synth.CtSynthesizer;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.physiology.wall.CtScoreSurrogate;

/**
 * Scans wall mineral with the imaging module: the clinical 120-kV, 3-mm protocol
 * ({@link AcquisitionSpec#clinical}) on a small field of view around the deposit, scored by
 * {@link CalciumScorer} with {@link ScoringOptions#clinical()} against the artery label map.
 * <p>
 * Equal deposits are scored once each (per seed) and multiplied by their count: deposits placed
 * one after another along an artery lie in different slices, and 2-D Agatston scoring is additive
 * over slices, so this equals scanning them together up to noise, at a fraction of the cost.
 */
public final class SyntheticScanner {

    private static final double MARGIN_MM = 6.0;

    private final CtSynthesizer synth;
    private final CalciumScorer scorer = new CalciumScorer(ScoringOptions.clinical());
    private final CoronaryTree tree;
    private final ArteryModel artery;
    private final AcquisitionSpec protocol;
    private final double lesionMassMg;

    public SyntheticScanner(PhantomParameters k, AcquisitionSpec protocol, double lesionMassMg) {
        this.lesionMassMg = lesionMassMg;
        this.synth = new CtSynthesizer(k);
        this.tree = CoronaryTree.standard(k, new double[3]);
        this.artery = tree.artery(WallDeposits.ARTERY);
        this.protocol = protocol;
    }

    /** The imaging defaults: clinical protocol, default phantom; deposits of at most {@code lesionMassMg}. */
    public static SyntheticScanner clinical(double lesionMassMg) {
        return new SyntheticScanner(PhantomParameters.defaults(), AcquisitionSpec.clinical(1), lesionMassMg);
    }

    /** Scores one artery's layer of wall mineral, averaging {@code seeds} noise realisations from {@code seed}. */
    public ScorerObservation observe(CtScoreSurrogate.Layer layer, double massMg, double densityMgPerCm3, long seed,
                                     int seeds) {
        if (!(massMg > 0)) {
            return new ScorerObservation(layer, massMg, densityMgPerCm3, 0, 0, 0, 0, Double.NaN);
        }
        double agatston = 0;
        double volume = 0;
        double mass = 0;
        double peakTimesVolume = 0;
        int deposits = 0;
        for (DepositShape shape : WallDeposits.shapes(layer)) {
            double[] masses = WallDeposits.masses(massMg / 2, lesionMassMg);
            deposits += masses.length;
            // full lesions are alike: scan one and count it (deposits in a row lie in different slices)
            int full = masses.length > 0 && masses[masses.length - 1] == lesionMassMg ? masses.length : masses.length - 1;
            double[][] groups = full > 0 && full < masses.length
                    ? new double[][] {{lesionMassMg, full}, {masses[masses.length - 1], 1}}
                    : full > 0 ? new double[][] {{lesionMassMg, full}} : new double[][] {{masses[0], 1}};
            for (double[] group : groups) {
                LesionSpec lesion = WallDeposits.deposit(shape, group[0], densityMgPerCm3);
                double n = group[1];
                for (int s = 0; s < seeds; s++) {
                    CalciumScore score = scan(lesion, seed + 1000L * shape.ordinal() + s);
                    agatston += n * score.agatston() / seeds;
                    volume += n * score.volumeMm3() / seeds;
                    mass += n * score.massMg() / seeds;
                    for (Lesion l : score.lesions()) {
                        peakTimesVolume += n * l.peakHu() * l.volumeMm3() / seeds;
                    }
                }
            }
        }
        double peak = volume > 0 ? peakTimesVolume / volume : Double.NaN;
        return new ScorerObservation(layer, massMg, densityMgPerCm3, deposits, agatston, volume, mass, peak);
    }

    private CalciumScore scan(LesionSpec lesion, long seed) {
        PhantomSpec probe = new PhantomSpec("wall-ct-calibration", protocol, new double[3], List.of(lesion));
        double length = synth.place(probe, tree).get(0).lengthMm();
        double half = length / 2 + MARGIN_MM;
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double s = WallDeposits.POSITION_MM - half; s <= WallDeposits.POSITION_MM + half; s += 0.5) {
            double[] p = artery.centerline().offsetPoint(Math.max(0, Math.min(s, artery.lengthMm())), 0, 0);
            for (int i = 0; i < 3; i++) {
                lo[i] = Math.min(lo[i], p[i]);
                hi[i] = Math.max(hi[i], p[i]);
            }
        }
        double pad = artery.maxOuterRadius() + MARGIN_MM;
        double extent = Math.max(hi[0] - lo[0], hi[1] - lo[1]) + 2 * pad;
        int matrix = (int) Math.ceil(extent / protocol.pixelSpacingMm());
        AcquisitionSpec a = protocol.withPixel(protocol.pixelSpacingMm(), matrix, protocol.psfFwhmMm())
                .withZRange(lo[2] - pad, hi[2] + pad).withSeed(seed);
        PhantomSpec spec = probe.withAcquisition(a);
        SyntheticScan scan = synth.render(spec, 0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1]));
        return scorer.score(scan.ct(), scan.labels());
    }
}
