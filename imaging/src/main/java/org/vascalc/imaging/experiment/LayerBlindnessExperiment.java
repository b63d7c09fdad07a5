package org.vascalc.imaging.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vascalc.imaging.phantom.AcquisitionSpec;
import org.vascalc.imaging.phantom.ArteryModel;
import org.vascalc.imaging.phantom.CoronaryTree;
import org.vascalc.imaging.phantom.DepositShape;
import org.vascalc.imaging.phantom.Layer;
import org.vascalc.imaging.phantom.LesionSpec;
import org.vascalc.imaging.phantom.PhantomParameters;
import org.vascalc.imaging.phantom.PhantomSpec;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.CalciumScorer;
import org.vascalc.imaging.score.ScoringOptions;
import org.vascalc.imaging.score.Territory;
import org.vascalc.imaging.synth.CtSynthesizer;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * Layer blindness: the same hydroxyapatite mass and density, placed once in each deposit shape (four
 * intimal, two medial) at the same site of one artery, scanned with the same protocol and noise
 * seeds, then scored and measured. Two questions are answered from the numbers:
 * <ol>
 *   <li>Across shapes: does the range the intimal shapes produce overlap the medial range (means
 *       &plusmn; 2 SD over the noisy repeats)?</li>
 *   <li>Matched pair: a concentric intimal ring and a circumferential medial ring of the same
 *       thickness differ only in depth (by the intima's thickness). Which measures differ by more
 *       than twice their combined scan-to-scan SD?</li>
 * </ol>
 */
public final class LayerBlindnessExperiment {

    /** The shapes compared, intimal first. */
    public static final List<DepositShape> SHAPES = List.of(DepositShape.FOCAL, DepositShape.SPOTTY,
            DepositShape.SHEET, DepositShape.CONCENTRIC, DepositShape.CIRCUMFERENTIAL, DepositShape.LINEAR);

    /**
     * @param artery          where the deposits go
     * @param positionMm      their centre, arc length from the artery's origin
     * @param densityMgPerCm3 HA density of every deposit
     * @param massesMg        the mass levels
     * @param seeds           noisy repeat scans per case
     * @param acquisition     protocol (its matrix and z range are replaced by a crop around the site)
     */
    public record Config(CoronaryArtery artery, double positionMm, double densityMgPerCm3, double[] massesMg,
                         int seeds, AcquisitionSpec acquisition) {
        public Config {
            Objects.requireNonNull(artery);
            massesMg = massesMg.clone();
            if (seeds < 1) {
                throw new IllegalArgumentException("seeds must be >= 1");
            }
        }

        @Override
        public double[] massesMg() {
            return massesMg.clone();
        }

        /** Proximal LAD, 600 mg/cm3, 2-20 mg, 5 noisy scans each, clinical 120-kV protocol. */
        public static Config standard() {
            return new Config(CoronaryArtery.LAD, 25, 600, new double[] {2, 5, 10, 20}, 5,
                    AcquisitionSpec.clinical(1));
        }

        /** One mass, two scans: for tests. */
        public static Config quick() {
            return new Config(CoronaryArtery.LAD, 25, 600, new double[] {10}, 2, AcquisitionSpec.clinical(1));
        }
    }

    /** One shape at one mass, over the noisy repeats. */
    public record Row(DepositShape shape, Layer layer, double massMg, double volumeMm3, double lengthMm,
                      Summary agatston, Summary volumeScore, Summary massScore, Summary peakHu, Summary lesions,
                      Summary arcDeg, Summary radiusMm, Summary zExtentMm) {
    }

    /**
     * Whether one measure's intimal and medial ranges overlap at one mass; not {@code comparable} when
     * one layer produced no value (nothing scored), which is no evidence of separation.
     */
    public record Separation(double massMg, String measure, double intimalLow, double intimalHigh, double medialLow,
                             double medialHigh, boolean comparable, boolean overlap) {

        /** True only when both layers gave values and their ranges do not overlap. */
        public boolean separates() {
            return comparable && !overlap;
        }
    }

    /**
     * One measure of the matched pair at one mass: concentric intimal minus circumferential medial,
     * and whether that exceeds twice the combined SD of the repeats (never with a single scan).
     */
    public record PairDifference(double massMg, String measure, double intimal, double medial, double difference,
                                 double noiseSd, boolean differs) {
    }

    /** Everything the experiment found. */
    public record Result(Config config, List<Row> rows, List<Separation> separations, List<PairDifference> pair,
                         FigureScans figure) {
        public Result {
            rows = List.copyOf(rows);
            separations = List.copyOf(separations);
            pair = List.copyOf(pair);
        }
    }

    /** The scans drawn in the figure: per shape, a fine-resolution truth slice and one clinical scan. */
    public record FigureScans(double massMg, List<SyntheticScan> truth, List<SyntheticScan> clinical,
                              List<CalciumScore> scores, double centreZMm) {
        public FigureScans {
            truth = List.copyOf(truth);
            clinical = List.copyOf(clinical);
            scores = List.copyOf(scores);
        }
    }

    static final String[] MEASURES = {"Agatston", "volume score (mm3)", "mass score (mg)", "peak HU", "2-D lesions",
        "circumferential arc (deg)", "distance from axis (mm)", "z extent (mm)"};

    /** Field of view of the clinical crop, pixels: 64 x 0.4 mm = 25.6 mm around the site. */
    private static final int CLINICAL_MATRIX = 64;
    /** Half the z range scanned around the site, mm: covers the longest deposit (about 33 mm at 20 mg medial linear). */
    private static final double HALF_Z_MM = 24;
    private static final int TRUTH_MATRIX = 200;
    private static final double TRUTH_PIXEL_MM = 0.05;

    private final PhantomParameters k;
    private final CtSynthesizer synth;
    private final CalciumScorer scorer = new CalciumScorer(ScoringOptions.clinical());

    public LayerBlindnessExperiment(PhantomParameters k) {
        this.k = k;
        this.synth = new CtSynthesizer(k);
    }

    public LayerBlindnessExperiment() {
        this(PhantomParameters.defaults());
    }

    /** Told after each scan: scans done and scans in all. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void scanned(int done, int total);
    }

    public Result run(Config config) {
        return run(config, Progress.NONE);
    }

    public Result run(Config config, Progress progress) {
        CoronaryTree tree = CoronaryTree.standard(k, new double[3]);
        ArteryModel artery = tree.artery(config.artery());
        double[] site = artery.centerline().offsetPoint(config.positionMm(), 0, 0);
        AcquisitionSpec base = config.acquisition();
        AcquisitionSpec clinical = base.withPixel(base.pixelSpacingMm(), CLINICAL_MATRIX, base.psfFwhmMm())
                .withZRange(site[2] - HALF_Z_MM, site[2] + HALF_Z_MM);
        List<Row> rows = new ArrayList<>();
        double[] masses = config.massesMg();
        double figureMass = masses[masses.length / 2];
        List<SyntheticScan> figTruth = new ArrayList<>();
        List<SyntheticScan> figClinical = new ArrayList<>();
        List<CalciumScore> figScores = new ArrayList<>();
        int total = masses.length * SHAPES.size() * config.seeds();
        int done = 0;
        for (double mass : masses) {
            for (DepositShape shape : SHAPES) {
                LesionSpec lesion = new LesionSpec(config.artery(), shape.layer(), shape, mass,
                        config.densityMgPerCm3(), config.positionMm(), 90);
                double[][] m = new double[MEASURES.length][config.seeds()];
                double length = Double.NaN;
                for (int s = 0; s < config.seeds(); s++) {
                    PhantomSpec spec = new PhantomSpec("layer-blindness", clinical.withSeed(base.seed() + s),
                            new double[3], List.of(lesion));
                    SyntheticScan scan = synth.render(spec, site[0], site[1]);
                    length = scan.deposits().get(0).lengthMm();
                    CalciumScore score = scorer.score(scan.ct(), scan.labels());
                    ImageFeatures f = ImageFeatures.measure(scan, score, artery, k.tissueHu());
                    double[] v = {score.vessel(Territory.valueOf(config.artery().name())).agatston(), score.volumeMm3(),
                        score.massMg(), f.peakHu(), f.lesions(), f.arcDeg(), f.radiusMm(), f.zExtentMm()};
                    for (int q = 0; q < v.length; q++) {
                        m[q][s] = v[q];
                    }
                    progress.scanned(++done, total);
                    if (mass == figureMass && s == 0) {
                        figClinical.add(scan);
                        figScores.add(score);
                        figTruth.add(truthSlice(lesion, base, site));
                    }
                }
                rows.add(new Row(shape, shape.layer(), mass, lesion.volumeMm3(), length, Summary.of(m[0]),
                        Summary.of(m[1]), Summary.of(m[2]), Summary.of(m[3]), Summary.of(m[4]), Summary.of(m[5]),
                        Summary.of(m[6]), Summary.of(m[7])));
            }
        }
        return new Result(config, rows, separations(rows, masses), pair(rows, masses, config.seeds()),
                new FigureScans(figureMass, figTruth, figClinical, figScores, site[2]));
    }

    /**
     * A single noise-free, unblurred, 0.05-mm slice through the site: what the layers really look like.
     * Finer than any scanner and a spec file's limits (0.5 mm slices, 0.1 mm pixels), on purpose:
     * {@link org.vascalc.imaging.phantom.PhantomSpecCheck#beyondAcquisitionLimits}.
     */
    private SyntheticScan truthSlice(LesionSpec lesion, AcquisitionSpec base, double[] site) {
        AcquisitionSpec fine = new AcquisitionSpec(base.kvp(), 0.1, 0.1, TRUTH_PIXEL_MM, TRUTH_MATRIX, site[2], site[2],
                0, 0, 1, 1, base.huPerMgCm3());
        PhantomSpec truth = org.vascalc.imaging.phantom.PhantomSpecCheck.beyondAcquisitionLimits(() ->
                new PhantomSpec("truth", fine, new double[3], List.of(lesion)));
        return synth.render(truth, site[0], site[1]);
    }

    static Summary summary(Row r, int q) {
        return switch (q) {
            case 0 -> r.agatston();
            case 1 -> r.volumeScore();
            case 2 -> r.massScore();
            case 3 -> r.peakHu();
            case 4 -> r.lesions();
            case 5 -> r.arcDeg();
            case 6 -> r.radiusMm();
            default -> r.zExtentMm();
        };
    }

    private static List<PairDifference> pair(List<Row> rows, double[] masses, int seeds) {
        List<PairDifference> out = new ArrayList<>();
        for (double mass : masses) {
            Row in = find(rows, mass, DepositShape.CONCENTRIC);
            Row me = find(rows, mass, DepositShape.CIRCUMFERENTIAL);
            for (int q = 0; q < MEASURES.length; q++) {
                Summary a = summary(in, q);
                Summary b = summary(me, q);
                double sd = Math.sqrt(a.sd() * a.sd() + b.sd() * b.sd());
                double d = a.mean() - b.mean();
                boolean differs = seeds > 1 && Double.isFinite(d) && Math.abs(d) > 2 * sd;
                out.add(new PairDifference(mass, MEASURES[q], a.mean(), b.mean(), d, sd, differs));
            }
        }
        return out;
    }

    private static Row find(List<Row> rows, double mass, DepositShape shape) {
        for (Row r : rows) {
            if (r.massMg() == mass && r.shape() == shape) {
                return r;
            }
        }
        throw new IllegalStateException("no row for " + shape + " at " + mass + " mg");
    }

    private static List<Separation> separations(List<Row> rows, double[] masses) {
        List<Separation> out = new ArrayList<>();
        for (double mass : masses) {
            for (int q = 0; q < MEASURES.length; q++) {
                double[] in = {Double.MAX_VALUE, -Double.MAX_VALUE};
                double[] me = {Double.MAX_VALUE, -Double.MAX_VALUE};
                for (Row r : rows) {
                    if (r.massMg() != mass) {
                        continue;
                    }
                    Summary s = summary(r, q);
                    if (Double.isNaN(s.mean())) {
                        continue;
                    }
                    double[] t = r.layer() == Layer.INTIMAL ? in : me;
                    t[0] = Math.min(t[0], s.mean() - 2 * s.sd());
                    t[1] = Math.max(t[1], s.mean() + 2 * s.sd());
                }
                boolean comparable = in[0] <= in[1] && me[0] <= me[1];
                boolean overlap = in[0] <= me[1] && me[0] <= in[1];
                out.add(new Separation(mass, MEASURES[q], in[0], in[1], me[0], me[1], comparable, overlap));
            }
        }
        return out;
    }
}
