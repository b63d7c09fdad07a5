package org.vascalc.imaging.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.phantom.PhantomParameters;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.LesionFigure;
import org.vascalc.imaging.score.ScoreReport;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * The non-image files of a synthetic scan: its ground truth (every deposit with layer, shape, mass,
 * volume and extent, the true mass per artery, the spec and provenance), its score against its own
 * label map (text and JSON) and the lesion figure.
 */
public final class PhantomOutput {

    public static final String GROUND_TRUTH = "ground-truth.json";
    public static final String SCORE_TEXT = "score.txt";
    public static final String SCORE_JSON = "score.json";
    public static final String FIGURE = "lesions.png";

    private PhantomOutput() {
    }

    /** Writes the files into the existing folder {@code dir}. */
    public static void writeInto(SyntheticScan scan, CalciumScore score, Path dir, String toolVersion)
            throws IOException {
        Files.writeString(dir.resolve(GROUND_TRUTH), groundTruthJson(scan, toolVersion));
        Files.writeString(dir.resolve(SCORE_TEXT), ScoreReport.textNaming(score, ScoreReport.OptionNames.PHANTOM) + "\nvascalc " + toolVersion + "\n");
        Files.writeString(dir.resolve(SCORE_JSON), ScoreReport.jsonNaming(score, "vascalc " + toolVersion,
                ScoreReport.OptionNames.PHANTOM)); // the notes as score.txt's: phantom has no --convention
        ImageIO.write(LesionFigure.render(scan.ct(), score, "synthetic scan '" + scan.spec().name() + "'"), "png",
                dir.resolve(FIGURE).toFile());
    }

    public static String groundTruthJson(SyntheticScan scan, String toolVersion) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "vascalc " + toolVersion);
        root.put("seed", scan.spec().acquisition().seed());
        root.put("parameterCatalogSha256", PhantomParameters.catalog().sha256());
        root.put("spec", scan.spec());
        root.put("haContrastHuPerMgCm3", scan.huPerMgCm3());
        List<Map<String, Object>> deps = new ArrayList<>();
        Map<CoronaryArtery, Double> perArtery = new EnumMap<>(CoronaryArtery.class);
        for (CoronaryArtery a : CoronaryArtery.values()) {
            perArtery.put(a, 0.0);
        }
        for (Deposit d : scan.deposits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("artery", d.spec().artery().name());
            m.put("layer", d.spec().layer().name().toLowerCase(java.util.Locale.ROOT));
            m.put("shape", d.spec().shape().name().toLowerCase(java.util.Locale.ROOT));
            m.put("massMg", d.spec().massMg());
            m.put("densityMgPerCm3", d.spec().densityMgPerCm3());
            m.put("volumeMm3", d.spec().volumeMm3());
            m.put("startMm", d.startMm());
            m.put("endMm", d.endMm());
            m.put("radialBandBeyondLumenMm", new double[] {d.innerOffsetMm(), d.outerOffsetMm()});
            m.put("arcDeg", d.arcDeg());
            m.put("fullVoxelHu", PhantomParameters.defaults().tissueHu()
                    + scan.huPerMgCm3() * d.spec().densityMgPerCm3());
            deps.add(m);
            perArtery.merge(d.spec().artery(), d.spec().massMg(), Double::sum);
        }
        root.put("deposits", deps);
        root.put("trueMassMgPerArtery", perArtery);
        root.put("trueMassMg", scan.trueMassMg());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the ground truth", e);
        }
    }
}
