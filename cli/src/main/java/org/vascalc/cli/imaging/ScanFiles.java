package org.vascalc.cli.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.vascalc.cli.UserInputException;
import org.vascalc.imaging.dicom.CtSeriesWriter;
import org.vascalc.imaging.dicom.DicomException;
import org.vascalc.imaging.dicom.DicomReader;
import org.vascalc.imaging.dicom.DicomSeriesReader;
import org.vascalc.imaging.dicom.SeriesInfo;
import org.vascalc.imaging.synth.SyntheticScan;
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

    /**
     * The CT series {@code seriesUid} of {@code folder}, or its only series when null (its only CT beside a label
     * map), and whether the folder holds a VasCalc label map beside the CT.
     */
    static DicomSeriesReader.CtToScore readCtNotingLabels(Path folder, String seriesUid) {
        try {
            return new DicomSeriesReader().readCtToScoreNotingLabels(folder, seriesUid);
        } catch (DicomException e) {
            String m = withoutFolder(e.getMessage(), folder);
            throw new UserInputException("cannot read a CT series from " + folder + ": " + m
                    + (m.contains(DicomSeriesReader.SEVERAL_SERIES) ? "\n  choose one with --series N (its number above) or --series UID" : "")
                    + (m.contains(DicomSeriesReader.LABEL_MAP_IMAGE_TYPE) ? " (--labels " + folder + ")" : "")
                    + (m.contains(NO_DICOM) ? noDicomHint(folder) : "")
                    + (m.contains(DicomSeriesReader.GAP) ? passedOverHint(folder) : "")
                    + DamagedSlice.advice(e, "moving it out of " + folder).map(a -> "\n  " + a).orElse(""), e);
        }
    }

    /**
     * "; the folder also holds IM00004.dcm (empty), passed over: is one of them a damaged slice?" for a gap in the
     * stack, since an emptied slice shows only as that gap; "" when every file was read.
     */
    private static String passedOverHint(Path folder) {
        List<String> skipped = notDicom(folder);
        return skipped.isEmpty() ? "" : "; the folder also holds " + describeNotDicom(skipped)
                + ", passed over: is one of them a damaged slice?";
    }

    /** The Series Instance UID that a --series value (a UID, or a number in the folder's list) names. */
    static String seriesUid(Path folder, String choice) {
        try {
            return new DicomSeriesReader().seriesUid(folder, choice);
        } catch (DicomException e) {
            throw new UserInputException("--series " + choice + ": " + withoutFolder(e.getMessage(), folder)
                    + " (in " + folder + ")" + DamagedSlice.advice(e, "moving it out of " + folder).map(a -> "\n  " + a).orElse(""), e);
        }
    }

    /**
     * The files of {@code folder} that the series reader passes over because they are not DICOM
     * Part-10 files (a README, a figure, but also an empty or overwritten slice), by name, "(empty)"
     * after an empty one; hidden files are not listed.
     */
    static List<String> notDicom(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !DicomReader.looksLikeDicom(p))
                    .sorted()
                    .map(p -> p.getFileName() + (isEmpty(p) ? " (empty)" : ""))
                    .toList();
        } catch (IOException e) {
            return List.of(); // the reader itself reports a folder it cannot list
        }
    }

    /** How the series reader says a folder has no DICOM file at all (then {@link #noDicomHint} says what it holds). */
    static final String NO_DICOM = "contains no DICOM Part-10 files";

    /**
     * What a folder without DICOM files holds instead and what to give, on one line: a user who gave a
     * folder of JPEGs, a zip's parent or an empty export otherwise saw only "contains no DICOM Part-10
     * files", without the names the scorer had passed over. Folders in it (an export of a study, one
     * folder a series) are not searched, so a folder holding any points to one of them.
     */
    static String noDicomHint(Path folder) {
        List<String> files = notDicom(folder);
        List<String> dirs;
        try (Stream<Path> list = Files.list(folder)) {
            dirs = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return "";
        }
        if (!dirs.isEmpty()) {
            String held = dirs.size() + (dirs.size() == 1 ? " folder" : " folders") + " ("
                    + String.join(", ", dirs.subList(0, Math.min(5, dirs.size()))) + (dirs.size() > 5 ? ", ..." : "")
                    + "), " + (dirs.size() == 1 ? "which is" : "which are") + " not searched";
            return " (it holds " + (files.isEmpty() ? "" : describeNotDicom(files) + " and ") + held
                    + ": give the folder of one series, e.g. " + folder.resolve(dirs.get(0)) + ")";
        }
        String what = isEmptyFolder(folder) ? "the folder is empty" : files.isEmpty() ? "" : "it holds " + describeNotDicom(files);
        return what.isEmpty() ? "" : " (" + what + "; give the folder of one CT series whose files are DICOM Part 10,"
                + " each starting with 'DICM' after a 128-byte preamble)";
    }

    private static boolean isEmptyFolder(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** "3 files that are not DICOM (a.txt, IM00010.dcm (empty), b.png)", at most five names. */
    static String describeNotDicom(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
        return names.size() + (names.size() == 1 ? " file that is" : " files that are") + " not DICOM (" + shown + ")";
    }

    private static boolean isEmpty(Path p) {
        try {
            return Files.size(p) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses (exit 1) a label map whose DICOM frame of reference is not the CT series' (both carry one). */
    static void requireSameFrameOfReference(Path ctFolder, String ctSeriesUid, Path labelFolder) {
        try {
            new DicomSeriesReader().requireSameFrameOfReference(ctFolder, ctSeriesUid, labelFolder);
        } catch (DicomException e) {
            throw new UserInputException("cannot score " + ctFolder + " with the labels of " + labelFolder + ": "
                    + e.getMessage(), e);
        }
    }

    static LabelVolume readLabels(Path folder) {
        try {
            return new DicomSeriesReader().readLabels(folder);
        } catch (DicomException e) {
            throw new UserInputException("cannot read a label-map series from " + folder + ": "
                    + withoutFolder(e.getMessage(), folder) + e.damagedFile().map(f -> "\n  copy " + f.getFileName()
                    + " again (a label map is read whole)").orElse(""), e);
        }
    }

    /** A reader's message without the folder it starts with, which ours names already ("from x: x: contains ..."). */
    static String withoutFolder(String message, Path folder) {
        String m = message == null ? "" : message;
        return m.startsWith(folder + ": ") ? m.substring((folder + ": ").length()) : m;
    }
}
