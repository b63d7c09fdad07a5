package org.vascalc.examples;

import java.nio.file.Path;
import org.vascalc.imaging.dicom.CtSeriesWriter;
import org.vascalc.imaging.dicom.DicomException;
import org.vascalc.imaging.dicom.DicomSeriesReader;
import org.vascalc.imaging.dicom.SeriesInfo;
import org.vascalc.imaging.phantom.PhantomSpec;
import org.vascalc.imaging.phantom.PhantomSpecReader;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.CalciumScorer;
import org.vascalc.imaging.score.ScoreReport;
import org.vascalc.imaging.score.ScoringOptions;
import org.vascalc.imaging.synth.CtSynthesizer;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/** A synthetic cardiac CT of known calcium, scored in memory and again from the DICOM files it is written to. */
public final class ScorePhantom {

    public record Scores(double trueMassMg, CalciumScore inMemory, CalciumScore fromDicom) {
    }

    public static Scores run(Path phantomSpec, Path dicomFolder) throws DicomException {
        PhantomSpec spec = new PhantomSpecReader().read(phantomSpec).spec(); // checked as the phantom command checks it
        SyntheticScan scan = new CtSynthesizer().render(spec); // CT volume, artery label map, ground truth
        CalciumScorer scorer = new CalciumScorer(ScoringOptions.clinical()); // 130 HU, 1 mm², 3-mm normalised
        CalciumScore inMemory = scorer.score(scan.ct(), scan.labels());

        // The same scan as DICOM series, read back as a scanner's export is read.
        SeriesInfo info = SeriesInfo.synthetic(spec.name());
        CtSeriesWriter.writeCt(scan.ct(), info, dicomFolder.resolve("ct"));
        CtSeriesWriter.writeLabels(scan.labels(), info, dicomFolder.resolve("labels"));
        DicomSeriesReader reader = new DicomSeriesReader();
        CtVolume ct = reader.readCt(dicomFolder.resolve("ct")); // a real scan: its folder, and scorer.score(ct)
        LabelVolume labels = reader.readLabels(dicomFolder.resolve("labels"));
        return new Scores(scan.trueMassMg(), inMemory, scorer.score(ct, labels));
    }

    public static void main(String[] args) throws DicomException {
        Scores s = run(Path.of("examples/phantoms/mixed-plaque.yaml"), Path.of("out/mixed-plaque-dicom"));
        System.out.print(ScoreReport.text(s.fromDicom()));
        System.out.printf("true mass %.2f mg, mass score %.2f mg%n", s.trueMassMg(), s.fromDicom().massMg());
    }
}
