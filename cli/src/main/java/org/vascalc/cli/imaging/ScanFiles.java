package org.vascalc.cli.imaging;

import java.nio.file.Path;
import org.vascalc.cli.UserInputException;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * Where the imaging commands meet the DICOM layer ({@code org.vascalc.imaging.dicom}, built on its own
 * branch): the phantom's ct/ and labels/ series, and reading a series to score. Until that layer is
 * merged, writing series is skipped and reading says so clearly.
 */
final class ScanFiles {

    static final String CT = "ct";
    static final String LABELS = "labels";

    private ScanFiles() {
    }

    /** Writes the scan's CT and label-map series into {@code dir}/ct and {@code dir}/labels (when DICOM is available). */
    static void writeSeries(SyntheticScan scan, Path dir) {
        // the DICOM writer is wired here once org.vascalc.imaging.dicom is on main
    }

    static CtVolume readCt(Path folder) {
        throw new UserInputException("cannot read the DICOM series in " + folder
                + ": this build has no DICOM reader yet (org.vascalc.imaging.dicom is merged separately)");
    }

    static LabelVolume readLabels(Path folder) {
        throw new UserInputException("cannot read the label series in " + folder
                + ": this build has no DICOM reader yet (org.vascalc.imaging.dicom is merged separately)");
    }
}
