package org.vascalc.physiology.wall;

import java.util.List;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.wall.WallBlock.CoronarySum;

/**
 * The wall block's recordable quantities (ids unqualified, as the other blocks'). Allocation-free.
 * Each is one {@link Kind} (id, unit, description and what it reads, declared once) bound to a wall:
 * the list of a wall is 19 small objects, where 19 captured lambdas before cost a per-run set-up of
 * ~0.4 % of a WHOLE decade (docs/performance-log.md, "wallcut"); the same values.
 */
final class WallOutputs {

    private WallOutputs() {
    }

    /** The outputs, in the order the wall lists them. */
    private enum Kind {
        CAC_AGATSTON("cacAgatston", "AU", "coronary Agatston score as CT sees it (intimal macro + medial)"),
        CAC_VOLUME("cacVolume", "mm3", "coronary calcium volume score"),
        CAC_MASS("cacMass", "mg", "coronary calcium mass score (hydroxyapatite)"),
        CAC_INTIMAL_SHARE("cacIntimalShare", "1", "ground truth: intimal share of coronary mineral (micro + macro)"),
        CAC_MEDIAL_SHARE("cacMedialShare", "1", "ground truth: medial share of coronary mineral"),
        CAC_INTIMAL_MASS("cacIntimalMass", "mg", "ground truth: coronary intimal mineral (micro + macro), hydroxyapatite"),
        CAC_MEDIAL_MASS("cacMedialMass", "mg", "ground truth: coronary medial mineral, hydroxyapatite"),
        CAC_MICRO_MASS("cacMicroMass", "mg", "ground truth: coronary intimal microcalcification (CT-invisible)"),
        CALCIUM_INDEX("calciumIndex", "1", "IVUS-like coronary calcium index"),
        PWV("pwv", "m/s", "aortic pulse-wave velocity"),
        SBP("sbp", "mmHg", "systolic pressure (Windkessel)"),
        DBP("dbp", "mmHg", "diastolic pressure (Windkessel)"),
        PP("pp", "mmHg", "pulse pressure (Windkessel)"),
        LV_MASS("lvMass", "g", "left-ventricular mass"),
        T50("t50", "min", "serum calcification propensity (T50-like)"),
        RISK_MI("riskMi", "1", "cumulative MI risk since t = 0, 1 - exp(-hazard)", PROBABILITY),
        RISK_STROKE("riskStroke", "1", "cumulative stroke risk since t = 0", PROBABILITY),
        RISK_HF("riskHf", "1", "cumulative heart-failure risk since t = 0", PROBABILITY),
        RISK_CV_DEATH("riskCvDeath", "1", "cumulative cardiovascular-death risk since t = 0", PROBABILITY);

        final String id;
        final String unit;
        final String description;
        /** A probability, 0 to 1 ({@link DerivedOutput#probability}). */
        final boolean probability;

        Kind(String id, String unit, String description) {
            this(id, unit, description, false);
        }

        Kind(String id, String unit, String description, boolean probability) {
            this.id = id;
            this.unit = unit;
            this.description = description;
            this.probability = probability;
        }
    }

    /** Marks a {@link Kind} that is a probability (the four cumulative risks). */
    private static final boolean PROBABILITY = true;

    private static final Kind[] KINDS = Kind.values();

    private record Output(Kind kind, WallBlock b) implements DerivedOutput {
        @Override
        public String id() {
            return kind.id;
        }

        @Override
        public String unit() {
            return kind.unit;
        }

        @Override
        public String description() {
            return kind.description;
        }

        @Override
        public boolean probability() {
            return kind.probability;
        }

        @Override
        public double value(double tHours, double[] y, Drivers drivers) {
            return switch (kind) {
                case CAC_AGATSTON -> b.coronary(y, CoronarySum.AGATSTON);
                case CAC_VOLUME -> b.coronary(y, CoronarySum.VOLUME);
                case CAC_MASS -> b.coronary(y, CoronarySum.MASS);
                case CAC_INTIMAL_SHARE -> share(b, y, CoronarySum.INTIMAL);
                case CAC_MEDIAL_SHARE -> share(b, y, CoronarySum.MEDIAL);
                case CAC_INTIMAL_MASS -> b.coronary(y, CoronarySum.INTIMAL);
                case CAC_MEDIAL_MASS -> b.coronary(y, CoronarySum.MEDIAL);
                case CAC_MICRO_MASS -> b.coronary(y, CoronarySum.MICRO);
                case CALCIUM_INDEX -> b.calciumIndex(y);
                case PWV -> b.pwv(y);
                case SBP -> b.systolic(y);
                case DBP -> b.diastolic(y);
                case PP -> b.systolic(y) - b.diastolic(y);
                case LV_MASS -> b.lvMass(y);
                case T50 -> b.t50(y, drivers);
                case RISK_MI -> b.risk(y, WallEvent.MYOCARDIAL_INFARCTION);
                case RISK_STROKE -> b.risk(y, WallEvent.STROKE);
                case RISK_HF -> b.risk(y, WallEvent.HEART_FAILURE);
                case RISK_CV_DEATH -> b.risk(y, WallEvent.CARDIOVASCULAR_DEATH);
            };
        }
    }

    private static double share(WallBlock b, double[] y, CoronarySum part) {
        double total = b.coronary(y, CoronarySum.INTIMAL) + b.coronary(y, CoronarySum.MEDIAL);
        return total <= 0 ? 0 : b.coronary(y, part) / total;
    }

    static List<DerivedOutput> list(WallBlock b) {
        DerivedOutput[] out = new DerivedOutput[KINDS.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = new Output(KINDS[k], b);
        }
        return List.of(out);
    }
}
