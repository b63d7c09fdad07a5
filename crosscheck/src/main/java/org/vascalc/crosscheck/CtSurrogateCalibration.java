package org.vascalc.crosscheck;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.physiology.wall.CtScoreSurrogate;
import org.vascalc.physiology.wall.CtScoreSurrogate.Geometry;
import org.vascalc.physiology.wall.CtScoreSurrogate.Layer;

/**
 * The calibration of the wall's CT surrogate against the imaging scorer: scan a grid of per-artery
 * masses and densities of each wall layer ({@link SyntheticScanner}), fit the layer geometries
 * ({@link CtSurrogateFit}), and set surrogate beside scorer. Deterministic: fixed noise seeds.
 */
public final class CtSurrogateCalibration {

    /**
     * What to scan.
     *
     * @param massesMg          per-artery masses of one layer, mg
     * @param intimalDensities  macrocalcium densities, mg/cm³ (the wall model's 200–800)
     * @param medialDensities   medial densities, mg/cm³ (the model's 500 and its neighbours)
     * @param seeds             noise realisations per deposit
     * @param seed              first noise seed
     */
    public record Design(double[] massesMg, double[] intimalDensities, double[] medialDensities, int seeds,
                         long seed) {
        public Design {
            massesMg = massesMg.clone();
            intimalDensities = intimalDensities.clone();
            medialDensities = medialDensities.clone();
        }

        /** The design of docs/model/ct-surrogate-fit.md. */
        public static Design full() {
            return new Design(new double[] {0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200},
                    new double[] {200, 400, 600, 800}, new double[] {300, 500, 700}, 2, 20261130L);
        }

        /** A small version for the agreement test (a few seconds). */
        public static Design quick() {
            return new Design(new double[] {5, 50}, new double[] {300, 700}, new double[] {500}, 1, 7L);
        }

        double[] densities(Layer layer) {
            return (layer == Layer.INTIMAL ? intimalDensities : medialDensities).clone();
        }
    }

    /** One design point: the scorer's observation and the surrogate's prediction (with its detection limit). */
    public record Point(ScorerObservation scorer, double agatston, double volumeMm3, double massScoreMg,
                        double peakHu) {
    }

    /** Fit and comparison. */
    public record Result(Design design, CtSurrogateFit.Result fit, List<Point> points) {
        public Result {
            points = List.copyOf(points);
        }
    }

    /**
     * The starting geometry of the fit, read off the layer-blindness scans: compact plaque calcium
     * keeps most of its CT number, a 5-mg medial deposit is dimmed to about 1/8 (B ≈ 70 mm³), its peak
     * about twice its mean.
     */
    public static final Geometry START_INTIMAL = new Geometry(5, 1, 20, 1.3, 0.8);
    public static final Geometry START_MEDIAL = new Geometry(70, 1, 20, 2.0, 0.8);

    private final SyntheticScanner scanner;
    private final CtScoreSurrogate base;

    public CtSurrogateCalibration(SyntheticScanner scanner, CtScoreSurrogate base) {
        this.scanner = scanner;
        this.base = base;
    }

    public static CtSurrogateCalibration standard() {
        CtScoreSurrogate s = CtScoreSurrogate.standard();
        return new CtSurrogateCalibration(SyntheticScanner.clinical(s.lesionMassMg()), s);
    }

    /** Scans the design (the expensive part). */
    public List<ScorerObservation> scan(Design d) {
        List<ScorerObservation> out = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            for (double rho : d.densities(layer)) {
                for (double m : d.massesMg()) {
                    out.add(scanner.observe(layer, m, rho, d.seed(), d.seeds()));
                }
            }
        }
        return out;
    }

    /** Scans, fits, compares. */
    public Result run(Design d) {
        return fit(d, scan(d));
    }

    /** Fits and compares already scanned observations of design {@code d}. */
    public Result fit(Design d, List<ScorerObservation> obs) {
        CtSurrogateFit.Result fit = new CtSurrogateFit(base).fit(obs, START_INTIMAL, START_MEDIAL, 30);
        return new Result(d, fit, compare(fit.apply(base), obs));
    }

    /** The surrogate's scores beside each observation. */
    public static List<Point> compare(CtScoreSurrogate s, List<ScorerObservation> obs) {
        List<Point> out = new ArrayList<>();
        for (ScorerObservation o : obs) {
            Layer l = o.layer();
            double rho = o.densityMgPerCm3();
            out.add(new Point(o, s.agatston(l, o.massMg(), rho), s.volume(l, o.massMg(), rho),
                    s.mass(l, o.massMg(), rho), s.peakHu(l, o.massMg(), rho)));
        }
        return out;
    }
}
