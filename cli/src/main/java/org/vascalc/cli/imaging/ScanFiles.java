package org.vascalc.cli.imaging;

import java.nio.file.Path;
import org.vascalc.cli.UserInputException;
import org.vascalc.imaging.dicom.CtSeriesWriter;
import org.vascalc.imaging.dicom.DicomException;
import org.vascalc.imaging.dicom.DicomSeriesReader;
import org.vascalc.imaging.dicom.SeriesInfo;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * Where the imaging commands meet the DICOM layer: a phantom folder's {@code ct/} and
 * {@code labels/} series, and reading a series to score. A broken or unsuitable file is the user's
 * input problem (exit 1), not a crash.
 */
final class ScanFiles {

    static final String CT = "ct";
    static final String LABELS = "labels";

    private ScanFiles() {
    }

    /** Writes the scan's CT and label-map series into {@code dir}/ct and {@code dir}/labels. */
    static void writeSeries(SyntheticScan scan, Path dir) throws DicomException {
        String name = scan.spec().name();
        // the case id becomes Patient ID (LO, at most 64 characters); the seed keeps UIDs of different scans apart
        String caseId = (name.length() > 40 ? name.substring(0, 40) : name) + "-s" + scan.spec().acquisition().seed();
        SeriesInfo info = SeriesInfo.synthetic(caseId);
        CtSeriesWriter.writeCt(scan.ct(), info, dir.resolve(CT));
        CtSeriesWriter.writeLabels(scan.labels(), info, dir.resolve(LABELS));
    }

    static CtVolume readCt(Path folder) {
        return readCt(folder, null);
    }

    /** The CT series {@code seriesUid} of {@code folder}, or its only series when null. */
    static CtVolume readCt(Path folder, String seriesUid) {
        try {
            return new DicomSeriesReader().readCt(folder, seriesUid);
        } catch (DicomException e) {
            String m = e.getMessage();
            throw new UserInputException("cannot read a CT series from " + folder + ": " + m
                    + (m != null && m.contains(DicomSeriesReader.SEVERAL_SERIES) ? "\n  choose one with --series UID" : ""), e);
        }
    }

    static LabelVolume readLabels(Path folder) {
        try {
            return new DicomSeriesReader().readLabels(folder);
        } catch (DicomException e) {
            throw new UserInputException("cannot read a label-map series from " + folder + ": " + e.getMessage(), e);
        }
    }
}
