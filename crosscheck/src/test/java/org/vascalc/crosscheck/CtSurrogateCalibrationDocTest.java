package org.vascalc.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vascalc.physiology.wall.CtScoreSurrogate;
import org.vascalc.physiology.wall.CtScoreSurrogate.Geometry;
import org.vascalc.physiology.wall.CtScoreSurrogate.Layer;

/**
 * Regenerates docs/model/ct-surrogate-fit.md (full design, about a minute) with
 * {@code -Dvascalc.regenerate=true}; otherwise checks that the catalog holds the values the page reports.
 */
class CtSurrogateCalibrationDocTest {

    private static final Path DOC = Path.of("..", "docs", "model", "ct-surrogate-fit.md");
    private static final Path FIG = Path.of("..", "docs", "model", "ct-surrogate-fit.png");

    /** The scans of the full design, kept in target/ between regenerations (delete it after changing the scanner). */
    private static java.util.List<ScorerObservation> cachedScan(CtSurrogateCalibration c,
                                                               CtSurrogateCalibration.Design d) throws Exception {
        Path cache = Path.of("target", "ct-surrogate-observations.csv");
        java.util.List<ScorerObservation> obs = new java.util.ArrayList<>();
        if (Files.exists(cache)) {
            for (String line : Files.readAllLines(cache)) {
                String[] f = line.split(",");
                obs.add(new ScorerObservation(Layer.valueOf(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Integer.parseInt(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[7])));
            }
            return obs;
        }
        obs = c.scan(d);
        StringBuilder b = new StringBuilder();
        for (ScorerObservation o : obs) {
            b.append(o.layer()).append(',').append(o.massMg()).append(',').append(o.densityMgPerCm3()).append(',')
                    .append(o.deposits()).append(',').append(o.agatston()).append(',').append(o.volumeMm3())
                    .append(',').append(o.massScoreMg()).append(',').append(o.peakHu()).append('\n');
        }
        Files.writeString(cache, b.toString());
        return obs;
    }

    @Test
    void catalogHoldsTheFittedValuesOfThePage() throws Exception {
        if (Boolean.getBoolean("vascalc.regenerate")) {
            CtSurrogateCalibration c = CtSurrogateCalibration.standard();
            CtSurrogateCalibration.Design d = CtSurrogateCalibration.Design.full();
            CtSurrogateCalibration.Result r = c.fit(d, cachedScan(c, d));
            Files.writeString(DOC, CtSurrogateFitReport.markdown(r, "ct-surrogate-fit.png"), StandardCharsets.UTF_8);
            CtSurrogateFitReport.figure(r, FIG);
            System.out.println("intimal " + r.fit().intimal() + "\nmedial " + r.fit().medial() + "\nspread "
                    + r.fit().weightSpreadHu());
        }
        String page = Files.readString(DOC, StandardCharsets.UTF_8);
        CtScoreSurrogate s = CtScoreSurrogate.standard();
        String key = "(`ctWeightSpreadHu`): ";
        int w = page.indexOf(key);
        assertThat(w).as("weight spread on the page").isPositive();
        double spread = Double.parseDouble(page.substring(w + key.length(), page.indexOf(" HU", w + key.length())).trim());
        assertThat(s.weightSpreadHu()).as("ctWeightSpreadHu: catalog vs page").isCloseTo(spread, within(spread * 1e-3));
        for (Layer l : Layer.values()) {
            String name = l == Layer.INTIMAL ? "| intimal | " : "| medial | ";
            int at = page.indexOf(name);
            assertThat(at).as("fitted row for %s", l).isPositive();
            String[] cells = page.substring(at + name.length(), page.indexOf('\n', at)).split("\\|");
            Geometry g = s.geometry(l);
            double[] catalog = {g.blurVolumeMm3(), g.sharpness(), g.spreadHu(), g.peakToMean(), g.massRecovery()};
            for (int i = 0; i < catalog.length; i++) {
                double v = Double.parseDouble(cells[i].trim());
                assertThat(catalog[i]).as("%s parameter %d: catalog vs page (copy the fit into wall-parameters.csv)", l, i)
                        .isCloseTo(v, within(Math.abs(v) * 1e-3 + 1e-9));
            }
        }
    }
}
