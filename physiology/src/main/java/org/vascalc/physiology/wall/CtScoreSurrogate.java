package org.vascalc.physiology.wall;

import static org.vascalc.core.input.ValidRange.fmt;

import org.vascalc.core.param.ParameterCatalog;

/**
 * What a calcium-scoring CT (120 kV, 3 mm slices, 130 HU) reports for the hydroxyapatite of one
 * coronary artery and one layer, from its mass and CT-apparent density. The structure follows the
 * score definitions (Agatston 1990; McCollough 2007); four numbers per layer describe what the
 * scanner's blur does to a deposit of that layer's typical shape, and were fitted to the imaging
 * module's scorer on synthetic scans ({@code docs/model/ct-surrogate-fit.md}):
 * <ul>
 *   <li>the layer's mineral is half of each of two shapes, each half a row of deposits of
 *       {@code ctLesionMassMg} (or one smaller deposit); one deposit has volume V_d = mass_d / density;</li>
 *   <li>partial volume: the scanner's blur (3-mm slice, in-plane PSF) spreads a deposit of volume V_d
 *       over V_d + B, and dims it to an apparent mean CT number h = g·density / c_HA with
 *       g = V_d^k/(V_d^k + B^k) (k = 1: plain dilution; k &gt; 1: small deposits fade faster, as a
 *       deposit shorter than the 3-mm slice is averaged in z too). Both grow with the deposit, so
 *       more mineral never scores less.
 *       B, the blur volume, is small for compact plaque calcium and large for the thin medial
 *       layer; small or light deposits are dimmed most (this, not a rule, is why they vanish);</li>
 *   <li>fraction seen above threshold f = 1 − exp(−(h − 130 HU)/σ) for h &gt; 130 HU, else 0: the
 *       blurred edge of a deposit falls through the threshold, and the brighter the deposit, the
 *       more of that edge stays above it;</li>
 *   <li>volume score = f·(mass/density)·(1 + B/V_d); mass score = e·f·mass (e: the mineral that stays in the
 *       voxels above threshold; the blur's tails are lost);</li>
 *   <li>Agatston = volume score / slice thickness × mean weight of peaks scattered around p·h
 *       (130–199 → 1, 200–299 → 2, 300–399 → 3, ≥ 400 → 4; see {@link #densityWeight}).</li>
 * </ul>
 * A volume score below the detection limit scores 0 (this is what makes CAC = 0 possible).
 * At equal geometry CT cannot tell the layers apart; the layers differ here only because the wall
 * model's medial mineral is thin and spread, its intimal macrocalcium compact. Microcalcification
 * is never passed in (invisible on CT).
 */
public final class CtScoreSurrogate {

    /** The two layers whose mineral a scan sees. */
    public enum Layer { INTIMAL, MEDIAL }

    /**
     * How the scanner's blur treats one layer's deposits.
     *
     * @param blurVolumeMm3 B, volume of surrounding tissue a deposit's blur spreads into, mm³
     * @param sharpness     k, how abruptly dimming sets in as a deposit shrinks below B (1: as V/(V + B))
     * @param spreadHu      σ, HU above the threshold over which a deposit's blurred edge comes into view
     * @param peakToMean    p, peak over apparent mean CT number
     * @param massRecovery  e, share of the seen mineral that the mass score recovers (0–5]; above 1 when tissue HU inside the scored voxels outweighs the blur tails lost
     */
    public record Geometry(double blurVolumeMm3, double sharpness, double spreadHu, double peakToMean,
                           double massRecovery) {
        public Geometry {
            if (!(blurVolumeMm3 >= 0) || !(sharpness > 0) || !(spreadHu > 0) || !(peakToMean >= 1)
                    || !(massRecovery > 0 && massRecovery <= 5)) {
                throw new IllegalArgumentException("CT geometry out of range: B " + fmt(blurVolumeMm3, 4) + " mm³, k "
                        + fmt(sharpness, 4) + ", σ " + fmt(spreadHu, 4) + " HU, peak/mean " + fmt(peakToMean, 4)
                        + ", mass recovery " + fmt(massRecovery, 4));
            }
        }
    }

    private final double haCalibration;
    private final double sliceThickness;
    private final double minVolume;
    private final double thresholdHu;
    private final double lesionMass;
    private final double weightSpread;
    private final Geometry intimal;
    private final Geometry medial;

    private CtScoreSurrogate(double haCalibration, double sliceThickness, double minVolume, double thresholdHu,
                             double lesionMass, double weightSpread, Geometry intimal, Geometry medial) {
        this.lesionMass = lesionMass;
        this.weightSpread = weightSpread;
        this.haCalibration = haCalibration;
        this.sliceThickness = sliceThickness;
        this.minVolume = minVolume;
        this.thresholdHu = thresholdHu;
        this.intimal = intimal;
        this.medial = medial;
    }

    CtScoreSurrogate(WallParameters p) {
        this(p.ctHaCalibration, p.ctSliceThickness, p.ctMinLesionVolume, p.ctThresholdHu, p.ctLesionMass, p.ctWeightSpreadHu,
                new Geometry(p.ctIntimalGeometry, p.ctIntimalSharpness, p.ctIntimalSpreadHu, p.ctIntimalPeakToMean,
                        p.ctIntimalMassRecovery),
                new Geometry(p.ctMedialGeometry, p.ctMedialSharpness, p.ctMedialSpreadHu, p.ctMedialPeakToMean,
                        p.ctMedialMassRecovery));
    }

    /** The surrogate with the wall catalog's CT parameters. */
    public static CtScoreSurrogate standard() {
        return new CtScoreSurrogate(new WallParameters(WallBlock.defaultCatalog()));
    }

    /** The surrogate with the CT parameters of {@code catalog} (a wall catalog). */
    public static CtScoreSurrogate of(ParameterCatalog catalog) {
        return new CtScoreSurrogate(new WallParameters(catalog));
    }

    /** This surrogate with other layer geometries (for fitting them). */
    public CtScoreSurrogate withGeometry(Geometry intimalGeometry, Geometry medialGeometry) {
        return new CtScoreSurrogate(haCalibration, sliceThickness, minVolume, thresholdHu, lesionMass, weightSpread,
                intimalGeometry, medialGeometry);
    }

    /** This surrogate with another spread of lesion peaks around the Agatston weight edges, HU (for fitting it). */
    public CtScoreSurrogate withWeightSpread(double hu) {
        if (!(hu > 0)) {
            throw new IllegalArgumentException("weight spread must be > 0 HU, not " + hu);
        }
        return new CtScoreSurrogate(haCalibration, sliceThickness, minVolume, thresholdHu, lesionMass, hu, intimal,
                medial);
    }

    public double weightSpreadHu() {
        return weightSpread;
    }

    /** This surrogate with another detection limit, mm³ (for comparing with a scorer's own). */
    public CtScoreSurrogate withMinVolume(double mm3) {
        return new CtScoreSurrogate(haCalibration, sliceThickness, mm3, thresholdHu, lesionMass, weightSpread, intimal,
                medial);
    }

    public Geometry geometry(Layer layer) {
        return layer == Layer.INTIMAL ? intimal : medial;
    }

    /** Largest single deposit, mg: a layer's mineral is cut into equal deposits no heavier. */
    public double lesionMassMg() {
        return lesionMass;
    }

    /**
     * Mass of one deposit when {@code massMg} is split half-and-half between two shapes, mg: each half
     * is one deposit up to the lesion mass, beyond it a row of lesion-mass deposits (the last one
     * counted as a fraction, so that more mineral never scores less).
     */
    public double depositMassMg(double massMg) {
        return Math.min(massMg / 2, lesionMass);
    }

    /** Partial-volume factor g = V_d^k / (V_d^k + B^k) of the layer's deposits. */
    public double partialVolume(Layer layer, double massMg, double densityMgPerCm3) {
        Geometry g = geometry(layer);
        double ratio = g.blurVolumeMm3() / (depositMassMg(massMg) / densityMgPerCm3 * 1000.0);
        return 1.0 / (1.0 + Math.pow(ratio, g.sharpness()));
    }

    /** Apparent mean CT number of the layer's deposits, HU. */
    public double apparentHu(Layer layer, double massMg, double densityMgPerCm3) {
        return partialVolume(layer, massMg, densityMgPerCm3) * densityMgPerCm3 / haCalibration;
    }

    /** Fraction of the layer's deposits above the threshold. */
    public double seenFraction(Layer layer, double massMg, double densityMgPerCm3) {
        return seenGiven(layer, apparentHu(layer, massMg, densityMgPerCm3));
    }

    /** Apparent peak CT number of the layer's deposits, HU. */
    public double peakHu(Layer layer, double massMg, double densityMgPerCm3) {
        return apparentHu(layer, massMg, densityMgPerCm3) * geometry(layer).peakToMean();
    }

    private double rawVolume(Layer layer, double massMg, double densityMgPerCm3) {
        if (!(massMg > 0 && densityMgPerCm3 > 0)) {
            return 0;
        }
        double vd = depositMassMg(massMg) / densityMgPerCm3 * 1000.0;
        double spread = 1 + geometry(layer).blurVolumeMm3() / vd; // each deposit covers V_d + B
        return seenFraction(layer, massMg, densityMgPerCm3) * massMg / densityMgPerCm3 * 1000.0 * spread;
    }

    /** Volume score, mm³. */
    public double volume(Layer layer, double massMg, double densityMgPerCm3) {
        double v = rawVolume(layer, massMg, densityMgPerCm3);
        return v >= minVolume ? v : 0;
    }

    /** Mass score, mg calcium hydroxyapatite. */
    public double mass(Layer layer, double massMg, double densityMgPerCm3) {
        if (rawVolume(layer, massMg, densityMgPerCm3) < minVolume || massMg <= 0) {
            return 0;
        }
        return geometry(layer).massRecovery() * seenFraction(layer, massMg, densityMgPerCm3) * massMg;
    }

    /** Agatston score, AU. */
    public double agatston(Layer layer, double massMg, double densityMgPerCm3) {
        double v = volume(layer, massMg, densityMgPerCm3);
        return v <= 0 ? 0 : v / sliceThickness * densityWeight(layer, massMg, densityMgPerCm3);
    }

    /** Positions in {@link #scores}' output. */
    static final int AGATSTON = 0;
    static final int VOLUME = 1;
    static final int MASS = 2;

    /**
     * {@link #agatston}, {@link #volume} and {@link #mass} of one deposit into {@code out} at
     * {@link #AGATSTON}, {@link #VOLUME}, {@link #MASS}: the same expressions on the same inputs, so
     * the same bits, with the apparent density (a power) and the seen fraction (an exponential) taken
     * once instead of five and four times (the wall's recorded CT scores; docs/performance-log.md,
     * "wallcost2"). Allocation-free.
     */
    void scores(Layer layer, double massMg, double densityMgPerCm3, double[] out) {
        double hu = Double.NaN;
        double seen = Double.NaN;
        double raw;
        if (!(massMg > 0 && densityMgPerCm3 > 0)) {
            raw = 0; // rawVolume
        } else {
            hu = apparentHu(layer, massMg, densityMgPerCm3);
            seen = seenGiven(layer, hu);
            double vd = depositMassMg(massMg) / densityMgPerCm3 * 1000.0;
            double spread = 1 + geometry(layer).blurVolumeMm3() / vd;
            raw = seen * massMg / densityMgPerCm3 * 1000.0 * spread;
        }
        double v = raw >= minVolume ? raw : 0;
        out[VOLUME] = v;
        if (v <= 0) {
            out[AGATSTON] = 0;
        } else {
            double peak = (Double.isNaN(hu) ? apparentHu(layer, massMg, densityMgPerCm3) : hu) * geometry(layer).peakToMean();
            out[AGATSTON] = v / sliceThickness * (1 + step(peak - 200) + step(peak - 300) + step(peak - 400));
        }
        if (raw < minVolume || massMg <= 0) {
            out[MASS] = 0;
        } else {
            double f = Double.isNaN(hu) ? seenFraction(layer, massMg, densityMgPerCm3) : seen;
            out[MASS] = geometry(layer).massRecovery() * f * massMg;
        }
    }

    /** {@link #seenFraction} given its apparent density {@code h} ({@link #apparentHu}). */
    private double seenGiven(Layer layer, double h) {
        return h <= thresholdHu ? 0 : -Math.expm1(-(h - thresholdHu) / geometry(layer).spreadHu());
    }

    /**
     * Mean Agatston density weight (1–4) of the layer's lesions. Their peaks scatter around p·h
     * (noise, shape, where a slice cuts them), so the step weight (130–199 → 1, 200–299 → 2,
     * 300–399 → 3, ≥ 400 → 4) is averaged over a logistic scatter of width {@code ctWeightSpreadHu}.
     */
    public double densityWeight(Layer layer, double massMg, double densityMgPerCm3) {
        double peak = peakHu(layer, massMg, densityMgPerCm3);
        return 1 + step(peak - 200) + step(peak - 300) + step(peak - 400);
    }

    private double step(double x) {
        return 1.0 / (1.0 + Math.exp(-x / weightSpread));
    }
}
