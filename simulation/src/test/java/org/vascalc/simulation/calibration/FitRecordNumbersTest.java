package org.vascalc.simulation.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.calibration.engine.MineralFit;
import org.vascalc.simulation.calibration.wall.WallFit;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The fit records (docs/model/wall-fit.md, mineral-fit.md) write their numbers for a reader, never in E-notation
 * (leftovers33: wall-fit.md's objective line read "single patients 1.095 → 7.754e-05", "%.4g"; a range's bound
 * printed by Double.toString would read 1.0E-6).
 */
class FitRecordNumbersTest {

    private static final String E_NOTATION = "\\d[eE][+-]?\\d";

    @Test
    void theWallFitRecordWritesPlainDecimals() {
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        Map<String, Double> start = new LinkedHashMap<>();
        start.put("k14a", 2.44437e-05);
        Map<String, Double> end = new LinkedHashMap<>();
        end.put("k14a", 2.5e-05);
        WallFit.Result r = new WallFit.Result(WallFit.Settings.standard(1), start, end,
                List.of(new WallFit.RowResult("W01", 0.00012, 0.0001, 0.00014, 0.000131, 0.0001205)),
                9.028, 1.508, 90, 1.095, 7.754e-05, 30, 12);
        String md = WallFit.markdown(r, catalog);
        assertThat(md).doesNotContainPattern(E_NOTATION)
                .contains("| k14a | 0.000024444 | 0.000025000 | 1/h | [0.000001, 0.0001] |")
                .contains("| W01 | 0.0001200 | [0.0001000, 0.0001400] | 0.0001310 | 0.0001205 |")
                .contains("population 9.028 → 1.508, single patients 1.095 → 0.00007754.");
    }

    @Test
    void theMineralFitRecordWritesPlainDecimals() {
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("k14a", 2.5e-05);
        Map<String, Double> model = new LinkedHashMap<>();
        MineralFit.rows().forEach(t -> model.put(t.id(), 0.00001234 * (1 + model.size())));
        String md = MineralFit.markdown(new MineralFit.Result(values, model, 3.2e-05, 120, true), catalog);
        assertThat(md).doesNotContainPattern(E_NOTATION)
                .contains("| k14a | 0.000024444 | 0.000025000 | 1/h | [0.000001, 0.0001] |")
                .contains("| 0.00001234 |")
                .contains("half-band units): 0.00003200 after 120 evaluations.");
    }
}
