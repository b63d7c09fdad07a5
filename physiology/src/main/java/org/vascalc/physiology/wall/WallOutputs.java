package org.vascalc.physiology.wall;

import java.util.List;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.wall.WallBlock.CoronarySum;

/** The wall block's recordable quantities (ids unqualified, as the other blocks'). Allocation-free. */
final class WallOutputs {

    private WallOutputs() {
    }

    @FunctionalInterface
    private interface Value {
        double of(double tHours, double[] y, Drivers drivers);
    }

    private record Output(String id, String unit, String description, Value f) implements DerivedOutput {
        @Override
        public double value(double tHours, double[] y, Drivers drivers) {
            return f.of(tHours, y, drivers);
        }
    }

    private static double share(WallBlock b, double[] y, CoronarySum part) {
        double total = b.coronary(y, CoronarySum.INTIMAL) + b.coronary(y, CoronarySum.MEDIAL);
        return total <= 0 ? 0 : b.coronary(y, part) / total;
    }

    static List<DerivedOutput> list(WallBlock b) {
        return List.of(
                new Output("cacAgatston", "AU", "coronary Agatston score as CT sees it (intimal macro + medial)",
                        (t, y, d) -> b.coronary(y, CoronarySum.AGATSTON)),
                new Output("cacVolume", "mm3", "coronary calcium volume score",
                        (t, y, d) -> b.coronary(y, CoronarySum.VOLUME)),
                new Output("cacMass", "mg", "coronary calcium mass score (hydroxyapatite)",
                        (t, y, d) -> b.coronary(y, CoronarySum.MASS)),
                new Output("cacIntimalShare", "1", "ground truth: intimal share of coronary mineral (micro + macro)",
                        (t, y, d) -> share(b, y, CoronarySum.INTIMAL)),
                new Output("cacMedialShare", "1", "ground truth: medial share of coronary mineral",
                        (t, y, d) -> share(b, y, CoronarySum.MEDIAL)),
                new Output("cacIntimalMass", "mg", "ground truth: coronary intimal mineral (micro + macro), hydroxyapatite",
                        (t, y, d) -> b.coronary(y, CoronarySum.INTIMAL)),
                new Output("cacMedialMass", "mg", "ground truth: coronary medial mineral, hydroxyapatite",
                        (t, y, d) -> b.coronary(y, CoronarySum.MEDIAL)),
                new Output("cacMicroMass", "mg", "ground truth: coronary intimal microcalcification (CT-invisible)",
                        (t, y, d) -> b.coronary(y, CoronarySum.MICRO)),
                new Output("calciumIndex", "1", "IVUS-like coronary calcium index", (t, y, d) -> b.calciumIndex(y)),
                new Output("pwv", "m/s", "aortic pulse-wave velocity", (t, y, d) -> b.pwv(y)),
                new Output("sbp", "mmHg", "systolic pressure (Windkessel)", (t, y, d) -> b.systolic(y)),
                new Output("dbp", "mmHg", "diastolic pressure (Windkessel)", (t, y, d) -> b.diastolic(y)),
                new Output("pp", "mmHg", "pulse pressure (Windkessel)", (t, y, d) -> b.systolic(y) - b.diastolic(y)),
                new Output("lvMass", "g", "left-ventricular mass", (t, y, d) -> b.lvMass(y)),
                new Output("t50", "min", "serum calcification propensity (T50-like)", (t, y, d) -> b.t50(y, d)),
                new Output("riskMi", "1", "cumulative MI risk since t = 0, 1 - exp(-hazard)",
                        (t, y, d) -> b.risk(y, WallEvent.MYOCARDIAL_INFARCTION)),
                new Output("riskStroke", "1", "cumulative stroke risk since t = 0",
                        (t, y, d) -> b.risk(y, WallEvent.STROKE)),
                new Output("riskHf", "1", "cumulative heart-failure risk since t = 0",
                        (t, y, d) -> b.risk(y, WallEvent.HEART_FAILURE)),
                new Output("riskCvDeath", "1", "cumulative cardiovascular-death risk since t = 0",
                        (t, y, d) -> b.risk(y, WallEvent.CARDIOVASCULAR_DEATH)));
    }
}
