package org.vascalc.cli.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.vascalc.cli.BuildInfo;
import org.vascalc.cli.CliFiles;
import org.vascalc.cli.UserInputException;
import org.vascalc.cli.clinical.CacDrsReading;
import org.vascalc.imaging.dicom.DicomSeriesReader;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.CalciumScorer;
import org.vascalc.imaging.score.Connectivity;
import org.vascalc.imaging.score.LesionFigure;
import org.vascalc.imaging.score.ScanGeometry;
import org.vascalc.imaging.score.ScoreReport;
import org.vascalc.imaging.score.ScoringOptions;
import org.vascalc.imaging.score.ThresholdConvention;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;
import org.vascalc.simulation.output.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vascalc score}: Agatston, volume and mass scores of a CT series, per artery and per lesion. */
@Command(name = "score",
        header = "Scores coronary calcium (Agatston, volume, mass) on a DICOM CT series.",
        mixinStandardHelpOptions = true, versionProvider = org.vascalc.cli.BuildInfo.VersionProvider.class,
        description = {
            "Scores coronary calcium on a non-contrast cardiac CT: Agatston (>= 130 HU at 120 kV, lesion >= 1 mm2,",
            "weight from each lesion's peak HU per slice, times increment / 3 mm), volume and calibrated mass",
            "scores, per artery (LM, LAD, LCX, RCA) and per lesion, with a CAC-DRS A/N label (Hecht 2018, the",
            "clinical module's) when an artery label map is given.",
            "",
            "DIR is a folder holding one DICOM CT series, or a folder written by 'vascalc phantom' (its ct/ and",
            "labels/ series are used). A folder holding one CT series and its VasCalc label map reads the CT; give",
            "it as --labels too to use the map. Without a label map every voxel >= threshold counts (artery UNLABELLED:",
            "bone, valves and noise too), so the total is not a coronary score and gets no CAC-DRS category.",
            "Files in DIR that are not DICOM (a README, an emptied slice) are passed over and named on stderr;",
            "a series of another modality than CT (MR, PT) is refused: it has no Hounsfield units. A damaged DICOM",
            "slice (truncated, corrupt) refuses the series, naming the file, the byte offset and how to go on."},
        // the examples after the options, as every other command's help gives them (review9)
        footer = {"", "Examples:",
            "  ./vascalc score out/mixed-plaque",
            "  ./vascalc score SCAN_DIR --labels LABEL_DIR --json",
            "  ./vascalc score SCAN_DIR --connectivity 3d --min-volume 1.5 --png lesions.png",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."})
public final class ScoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "DICOM CT series folder, or a phantom output folder.")
    Path dir;

    @Option(names = "--series", paramLabel = "N|UID", description = "The CT series to score when DIR holds several: "
            + "its number in the list (1, 2, ...; the message lists them with description, slices, kV and slice "
            + "thickness) or its Series Instance UID.")
    String series;

    @Option(names = "--labels", paramLabel = "DIR", description = "Artery label-map series (VasCalc label series); "
            + "a folder holding it beside its CT series (DIR itself, say) gives the label map.")
    Path labels;

    @Option(names = "--no-labels", description = "Ignore the labels/ series of a phantom folder (not with --labels).")
    boolean noLabels;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE", description = "Also write slices with lesions outlined by weight class (a PNG image; the name must end in .png; an existing file of that name is replaced; its path is printed last, on stderr with --json).")
    Path png;

    @Option(names = "--convention", paramLabel = "NAME", description = "Thresholds: agatston (default: 130/200/300/400 HU) or "
            + "kv-specific (Graeni 2018 thresholds for 70, 80, 100, 120, 135 kV).")
    String convention = "agatston";

    @Option(names = "--connectivity", paramLabel = "N", description = "Lesion connectivity: 8 (default, 2-D), 4 (2-D) or 3d (26-connected, "
            + "size gate by volume).")
    String connectivity = "8";

    @Option(names = "--min-area", paramLabel = "MM2", description = "Smallest 2-D lesion, mm2, 0 to 100 (default: 1).")
    double minArea = ScoringOptions.DEFAULT_MIN_AREA_MM2;

    @Option(names = "--min-volume", paramLabel = "MM3", description = "Smallest 3-D lesion with --connectivity 3d, mm3, "
            + "0 to 1000 (default: 1.5).")
    double minVolume = ScoringOptions.DEFAULT_MIN_VOLUME_MM3;

    @Option(names = "--no-normalise", description = "Do not multiply the Agatston score by increment / 3 mm.")
    boolean noNormalise;

    @Option(names = "--mass-calibration", paramLabel = "C", description = "Mass calibration factor c_HA, "
            + ScoringOptions.MASS_CALIBRATION_UNIT + ", from the scanner's "
            + "calibration phantom, 0.1 to 5 (default: 0.75).")
    double massCalibration = ScoringOptions.DEFAULT_MASS_CALIBRATION;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        // every problem of the options, the paths and the scan, in one answer (review, fortieth session: "--connectivity 5
        // --min-area -1" named only the first)
        List<String> problems = new ArrayList<>();
        ScoringOptions options = options(problems);
        if (!Files.exists(dir)) {
            problems.add(dir + " does not exist (give the folder holding the DICOM series)");
        } else if (!Files.isDirectory(dir)) {
            // review19: a slice given for its series; its own folder is most likely the one meant
            Path parent = dir.toAbsolutePath().getParent();
            problems.add(dir + " is not a folder (give the folder holding the DICOM series"
                    + (parent == null ? "" : "; this file is in " + parent) + ")");
        }
        if (png != null) {
            if (!png.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
                // as a scenario file must end in .yaml, .yml or .json: the name says what the file holds
                problems.add("--png = " + png + " does not end in .png; the lesion figure is a PNG "
                        + "image: give a file name ending in .png (e.g. lesions.png)");
            } else {
                try {
                    CliFiles.requireWritableFile(png); // before the scan is scored, not after
                } catch (UserInputException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (labels != null && noLabels) {
            // review19: both were taken, --labels silently winning: the score came with a label map the user turned off
            problems.add("--labels " + labels + " and --no-labels contradict each other; give one of them");
        }
        if (labels != null && !Files.isDirectory(labels)) {
            // the label reader said "not a folder" for a path that is not there at all
            problems.add("--labels " + labels + (Files.exists(labels) ? " is not a folder" : " does not exist")
                    + " (give the folder holding the artery label-map series)");
        }
        // the scan's and the label map's problems too, with the options' (leftovers10: a bad --mass-calibration
        // beside a folder with no DICOM series named only the option, and the folder's problem came on the next
        // try); as the web page's upload form
        Path ctDir = Files.isDirectory(dir.resolve(ScanFiles.CT)) ? dir.resolve(ScanFiles.CT) : dir;
        Path labelDir = labels;
        if (labelDir == null && !noLabels && Files.isDirectory(dir.resolve(ScanFiles.LABELS))) {
            labelDir = dir.resolve(ScanFiles.LABELS);
        }
        String seriesUid = null;
        CtVolume ct = null;
        LabelVolume lv = null;
        boolean unusedLabelMap = false;
        if (Files.isDirectory(dir)) {
            try {
                seriesUid = series == null ? null : ScanFiles.seriesUid(ctDir, series);
                var read = ScanFiles.readCtNotingLabels(ctDir, seriesUid);
                ct = read.ct();
                unusedLabelMap = read.besideLabelMap() && labelDir == null && !noLabels;
            } catch (UserInputException e) {
                problems.add(e.getMessage());
            }
        }
        if (labelDir != null && Files.isDirectory(labelDir)) { // a --labels that is no folder is named above
            try {
                lv = ScanFiles.readLabels(labelDir);
                if (ct != null) {
                    ScanFiles.requireSameFrameOfReference(ctDir, seriesUid, labelDir);
                }
            } catch (UserInputException e) {
                problems.add(e.getMessage());
            }
        }
        UserInputException.throwIfAny("score", problems);
        // a slice that is empty or overwritten is passed over like a README: say so, since a missing
        // slice otherwise shows up only as "irregular spacing" (or not at all, at the end of the stack)
        List<String> skipped = ScanFiles.notDicom(ctDir);
        CalciumScore score;
        try {
            score = new CalciumScorer(options).score(ct, lv);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cannot score " + ctDir + ": " + e.getMessage()
                    + (skipped.isEmpty() ? "" : "; the folder also holds " + ScanFiles.describeNotDicom(skipped)
                    + ", passed over: is one of them a damaged slice?"), e);
        }
        if (!skipped.isEmpty()) {
            spec.commandLine().getErr().println("vascalc: note: passed over " + ScanFiles.describeNotDicom(skipped)
                    + " in " + ctDir);
        }
        // evenly sparse slices (50 mm apart, 3 mm thick) read and score; said, as a gapped phantom is one on purpose
        ScanGeometry.sparseNote(ct).ifPresent(note -> spec.commandLine().getErr().println("vascalc: warning: " + note
                + " (" + ctDir + ")"));
        if (unusedLabelMap) {
            // review15: such a folder scored without its map, and nothing said the map was there
            spec.commandLine().getErr().println("vascalc: note: "
                    + DicomSeriesReader.CtToScore.unusedLabelMapNote(ctDir.toString(), "--labels " + ctDir));
        }
        String unusedGate = unusedGateNote(options);
        if (unusedGate != null) {
            spec.commandLine().getErr().println("vascalc: note: " + unusedGate);
        }
        String cacDrs = CacDrsLabels.of(score);
        stdout.print(json ? ScoreReport.json(score, "vascalc " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ")",
                cacDrs) + "\n" : ScoreReport.text(score, cacDrs));
        if (!json && cacDrs != null) {
            // the label in plain words, as the web app's CT page and vascalc risk give it (review, fortieth session)
            int n = cacDrs.indexOf("/N");
            stdout.printf(Locale.ROOT, "%nCAC-DRS %s: %s %s.%nThe score counts plaque (intimal) and medial "
                    + "calcium alike. Into the risk equations: vascalc risk --cac %.1f%s with the person's age, sex, race, "
                    + "cholesterol and blood pressure.%n", cacDrs, CacDrsReading.ofLabel(cacDrs), CacDrsReading.SOURCE_KEYS,
                    score.agatston(), n < 0 ? "" : " --cac-vessels " + cacDrs.substring(n + 2));
        }
        // autoflush acts on println only; the process exits right after this command
        stdout.flush();
        if (png != null) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageIO.write(LesionFigure.render(ct, score, dir.toString(), cacDrs), "png", bytes);
                AtomicFiles.write(png, bytes.toByteArray());
            } catch (IOException e) {
                throw new UserInputException("cannot write " + png + ": " + CliFiles.describe(e), e);
            }
            // review19: the figure was written without a word of where; --json keeps stdout to the JSON alone
            if (json) {
                spec.commandLine().getErr().println("vascalc: lesion figure: " + png);
            } else {
                stdout.println();
                stdout.println("Lesion figure: " + png);
                stdout.flush();
            }
        }
        return 0;
    }

    /**
     * A note when the user gave the lesion gate the chosen connectivity does not read, else null: 2-D scoring
     * gates lesions by area only, 3-D by volume only (CalciumScorer), so "--min-volume 5" without
     * "--connectivity 3d" changed nothing and said nothing (review10).
     */
    private String unusedGateNote(ScoringOptions options) {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        boolean volumetric = options.connectivity() == Connectivity.VOLUMETRIC_26;
        if (!volumetric && given.hasMatchedOption("--min-volume")) {
            return String.format(Locale.ROOT, "--min-volume is the 3-D lesion gate (with --connectivity 3d) and was "
                    + "not used; this 2-D score gates each lesion by its area, --min-area (%s mm2)",
                    UserInputException.typed(options.minimumLesionAreaMm2()));
        }
        if (volumetric && given.hasMatchedOption("--min-area")) {
            return String.format(Locale.ROOT, "--min-area is the 2-D lesion gate and was not used; with --connectivity "
                    + "3d each lesion is gated by its volume, --min-volume (%s mm3)",
                    UserInputException.typed(options.minimumLesionVolumeMm3()));
        }
        return null;
    }

    /** The options as the scorer takes them, or null with a problem added for each one out of its range. */
    private ScoringOptions options(List<String> problems) {
        int before = problems.size();
        // case-insensitive, as the other commands' choices (--mode FAST, --population MESA)
        ThresholdConvention c = switch (convention.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "agatston" -> ThresholdConvention.AGATSTON_120;
            case "kv-specific" -> ThresholdConvention.KV_SPECIFIC;
            default -> {
                problems.add("--convention '" + convention + "' is not agatston or kv-specific");
                yield null;
            }
        };
        Connectivity k = switch (connectivity.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "8" -> Connectivity.PLANAR_8;
            case "4" -> Connectivity.PLANAR_4;
            case "3d" -> Connectivity.VOLUMETRIC_26;
            default -> {
                problems.add("--connectivity '" + connectivity + "' is not 4, 8 or 3d");
                yield null;
            }
        };
        if (!(minArea >= 0 && minArea <= 100)) {
            problems.add("--min-area = " + UserInputException.typed(minArea) + " mm2 is outside the allowed range 0 to 100 mm2");
        }
        if (!(minVolume >= 0 && minVolume <= 1000)) {
            problems.add("--min-volume = " + UserInputException.typed(minVolume) + " mm3 is outside the allowed range 0 to 1000 mm3");
        }
        if (!(massCalibration >= 0.1 && massCalibration <= 5)) {
            problems.add("--mass-calibration = " + UserInputException.typed(massCalibration)
                    + " " + ScoringOptions.MASS_CALIBRATION_UNIT + " is outside the allowed range 0.1 to 5 "
                    + ScoringOptions.MASS_CALIBRATION_UNIT);
        }
        return problems.size() > before ? null : new ScoringOptions(c, k, minArea, minVolume, !noNormalise, massCalibration);
    }
}
