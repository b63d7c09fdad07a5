package org.vascalc.cli.web;

import io.javalin.http.UploadedFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.vascalc.cli.clinical.CacDrsReading;
import org.vascalc.cli.imaging.CacDrsLabels;
import org.vascalc.cli.imaging.DamagedSlice;
import org.vascalc.cli.imaging.LayerSums;
import org.vascalc.core.files.TemporaryOnExit;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.imaging.dicom.DicomException;
import org.vascalc.imaging.dicom.DicomSeriesReader;
import org.vascalc.imaging.phantom.PhantomSpecReader;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.CalciumScorer;
import org.vascalc.imaging.score.LesionFigure;
import org.vascalc.imaging.score.ScoreReport;
import org.vascalc.imaging.score.ScoringOptions;
import org.vascalc.imaging.score.ThresholdConvention;
import org.vascalc.imaging.synth.CtSynthesizer;
import org.vascalc.imaging.synth.SyntheticScan;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * Cardiac CT calcium scoring on the page: a synthetic scan made from a phantom spec (known intimal
 * and medial calcium, so the score can be set against the truth), or a real DICOM CT series
 * uploaded as files. Same library calls as {@code vascalc phantom} and {@code vascalc score} with
 * the clinical scoring rules; nothing is kept after the answer.
 */
final class CtPage {

    /** Largest upload, bytes: a 0.5 mm whole-heart series is about 100-200 MB. */
    static final long MAX_UPLOAD_BYTES = 600L * 1024 * 1024;
    /** Largest one file of an upload: a CT slice is well under 1 MB, a multi-frame series some tens of MB. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private CtPage() {
    }

    /**
     * c_HA's unit as this page writes it, in its field's hint, the field's errors and the score report: the docs'
     * mg/(cm³·HU) where the library and the command line write ASCII {@link ScoringOptions#MASS_CALIBRATION_UNIT}
     * (the field read mg/(cm³·HU) and its error "7 mg/(cm3*HU) is outside ...": review, forty-first session).
     */
    static final String MASS_CALIBRATION_UNIT = "mg/(cm³·HU)";

    /** The Mass calibration field: c_HA, as {@code vascalc score --mass-calibration}. */
    static final ValidRange MASS_CALIBRATION = ValidRange.of("mass calibration c_HA", MASS_CALIBRATION_UNIT, 0.1, 5);

    /**
     * How the score's notes name this page's fields (review8: they named the command line's
     * --convention and --mass-calibration, which the page had no field for).
     */
    static final ScoreReport.OptionNames FIELDS = new ScoreReport.OptionNames(
            "the kV-specific thresholds (the Thresholds field)", "the scanner's c_HA (the Mass calibration field)");

    /**
     * Each field's label, in the order of the two forms (the phantom's: example, spec, thresholds, c_HA; the upload's:
     * files, label map, series, thresholds, c_HA): the problems are listed in this order and named by these labels.
     */
    static final Map<String, String> LABELS = FormFields.labels("example", "Phantom example", "text",
            "Phantom spec (YAML or JSON)", "files", "DICOM files of a non-contrast CT series", "labels", "Artery label map",
            "series", "Series", "convention", "Thresholds", "cha", "Mass calibration c_HA");

    /** The scoring options the Thresholds and Mass calibration fields give, clinical by default. */
    static ScoringOptions options(FormValues f, InputProblems problems) {
        String convention = f.choice("convention", "thresholds", List.of("agatston", "kv-specific"), "agatston", problems);
        double cha = f.number("cha", MASS_CALIBRATION, ScoringOptions.DEFAULT_MASS_CALIBRATION, problems);
        ScoringOptions o = ScoringOptions.clinical();
        if (convention.equals("kv-specific")) {
            o = o.withConvention(ThresholdConvention.KV_SPECIFIC);
        }
        return Double.isFinite(cha) ? o.withMassCalibration(cha) : o;
    }

    static Response form(FormValues f) throws IOException {
        String example = f.text("example");
        String text = "";
        List<InputProblem> problems = new ArrayList<>();
        List<String> names = ExampleFiles.PHANTOMS.names();
        if (example != null) {
            if (!names.contains(example)) {
                problems.add(InputProblem.error("example", "example = '" + example + "' is not one of the phantom "
                        + "examples (" + String.join(", ", names) + ")"));
            } else {
                text = ExampleFiles.PHANTOMS.read(example);
            }
        }
        FormProblems shown = FormProblems.of(problems, LABELS);
        return new Response(problems.isEmpty() ? 200 : 400, Html.page(TITLE, shown,
                intro() + shown.html() + forms(names, example, text, f, shown, FormProblems.NONE)));
    }

    private static final String TITLE = "Cardiac CT calcium score";

    /** How the page gives a label map that was uploaded among the CT's files: the note's "give ..." words. */
    static final String UNUSED_LABEL_MAP_FIELD = "its files again in the Artery label map field";

    /**
     * The page that refuses a submitted form: its {@code problems}, then {@code between} (the series of an
     * upload to choose from), then both forms, the fields of the one submitted ({@code upload} or the
     * phantom's) tied to their errors.
     */
    private static Response refused(List<InputProblem> problems, String between, boolean upload, String text,
            FormValues f) throws IOException {
        FormProblems p = FormProblems.of(problems, LABELS);
        String forms = forms(ExampleFiles.PHANTOMS.names(), null, text, f, upload ? FormProblems.NONE : p,
                upload ? p : FormProblems.NONE);
        return new Response(400, Html.page(TITLE, p, intro() + p.html() + between + forms));
    }

    /** POST /ct/phantom: render the spec, score it against its label map, show the truth beside the score. */
    static Answer phantom(FormValues f) throws IOException {
        String text = f.text("text") == null ? "" : f.text("text");
        // every problem of the form at once, as the other pages list them (review, fortieth session: an empty
        // spec hid a bad c_HA, which the next submission then refused)
        InputProblems fields = new InputProblems();
        if (text.isBlank()) {
            fields.error("text", "the phantom spec is empty: paste one or pick an example");
        }
        ScoringOptions options = options(f, fields);
        // the spec's own problems too, with the fields' (review9: a wrong spec beside a bad c_HA named only the
        // c_HA, and the spec's problems came on the next try); reading the text takes milliseconds
        PhantomSpecReader.Result read = null;
        List<InputProblem> specProblems = List.of();
        if (!text.isBlank()) {
            try {
                read = new PhantomSpecReader().parse(text, text.stripLeading().startsWith("{"), "phantom spec");
            } catch (InvalidInputException e) {
                specProblems = e.problems();
            }
        }
        if (fields.hasErrors() || read == null) {
            List<InputProblem> all = new ArrayList<>(fields.all());
            all.addAll(specProblems);
            return refused(all, "", false, text, f);
        }
        var spec = read.spec();
        double kvp = spec.acquisition().kvp();
        if (!options.convention().supports(kvp)) {
            return refused(List.of(InputProblem.error("convention", String.format(Locale.ROOT, "thresholds = "
                    + "kv-specific: the spec's tube voltage %s kV has none (tabulated at 70, 80, 100, 120 and 135 kV); "
                    + "choose Agatston or one of those voltages", ValidRange.fmt(kvp)))), "", false, text, f);
        }
        String head = intro() + FormProblems.of(read.warnings(), LABELS).html()
                + forms(ExampleFiles.PHANTOMS.names(), null, text, f, FormProblems.NONE, FormProblems.NONE);
        // rendering a whole-heart scan takes seconds to half a minute: the form first, then the scan
        return new StreamedPage(TITLE, head, "a synthetic scan of " + spec.name(), progress -> {
            SyntheticScan scan = new CtSynthesizer().render(spec);
            CalciumScore score = new CalciumScorer(options).score(scan.ct(), scan.labels());
            progress.drawing();
            return "<h2>Synthetic scan: " + Html.esc(spec.name()) + "</h2>\n" + truth(scan) + byLayer(scan, score)
                    + truthAgainstScore(scan, score) + result(scan.ct(), score, spec.name());
        });
    }

    /**
     * The score set against the truth by layer, the page's point ({@link LayerSums}, as {@code vascalc phantom} says
     * it), its first sentence in bold.
     */
    static String byLayer(SyntheticScan scan, CalciumScore score) {
        String text = LayerSums.text(scan, score);
        return text.startsWith(LayerSums.HEAD) ? "<p class=\"layers\"><b>" + Html.esc(LayerSums.HEAD) + "</b>"
                + Html.esc(text.substring(LayerSums.HEAD.length())) + "</p>\n" : "<p>" + Html.esc(text) + "</p>\n";
    }

    /**
     * The upload's body went past {@link #MAX_FILE_BYTES} in one file or {@link #MAX_UPLOAD_BYTES} in all and
     * was not read (robust, thirty-third session: it answered 500, "Internal error (a bug ...): ServletException").
     */
    static Response uploadTooLarge() throws IOException {
        Response r = refused(List.of(InputProblem.error("files", String.format(Locale.ROOT,
                "the upload holds a file larger than %d MB, or is larger than %d MB in all: more than is accepted "
                        + "here (a CT slice is well under 1 MB: is every file a DICOM slice?); score a larger series "
                        + "with ./vascalc score FOLDER", MAX_FILE_BYTES / 1048576, MAX_UPLOAD_BYTES / 1048576))),
                "", true, "", new FormValues(Map.of()));
        return new Response(413, r.body());
    }

    /**
     * POST /ct/score: the uploaded files as one DICOM CT series (the one the Series field names when they
     * hold several), scored with the label map if one was uploaded.
     */
    static Response upload(FormValues f, List<UploadedFile> uploadedFiles, List<UploadedFile> uploadedLabels)
            throws IOException {
        // a file input left empty is still sent, as one part with an empty name and no content (HTML's
        // form submission): the optional label map left empty was read as a broken label series
        List<UploadedFile> files = chosen(uploadedFiles);
        List<UploadedFile> labelFiles = chosen(uploadedLabels);
        InputProblems fields = new InputProblems();
        if (files.isEmpty()) {
            // with the scoring fields' problems, not before them (as the phantom's form)
            fields.error("files", "no files were uploaded: choose the DICOM files of one CT series");
        }
        ScoringOptions options = options(f, fields);
        if (files.isEmpty()) {
            return refused(fields.all(), "", true, "", f);
        }
        long total = files.stream().mapToLong(UploadedFile::size).sum() + labelFiles.stream().mapToLong(UploadedFile::size).sum();
        if (total > MAX_UPLOAD_BYTES) {
            fields.error("files", String.format(Locale.ROOT,
                    "the upload is %.0f MB; at most %d MB are accepted here (use ./vascalc score FOLDER)",
                    total / 1048576.0, MAX_UPLOAD_BYTES / 1048576));
            return refused(fields.all(), "", true, "", f);
        }
        long t0 = System.nanoTime();
        // the uploaded series is deleted also if the server is stopped (Ctrl-C) while it is scored: its folder
        // is created and watched at once, under the exit's gate (created first and watched after, a stop
        // between the two left it behind; writergate session), and not at all once the server is stopping
        TemporaryOnExit watched;
        try {
            watched = TemporaryOnExit.create(() -> Files.createTempDirectory("vascalc-upload-"));
        } catch (NoSuchFileException e) {
            return stopping();
        }
        Path dir = watched.temp();
        try {
            Path ctDir = copyInto(files, dir.resolve("ct"));
            // passed over by the reader like a README; named (by the uploaded names) since an empty or
            // damaged slice among them otherwise shows only as irregular spacing, or not at all
            List<String> skipped = notDicom(files, ctDir);
            // the files' problems with the fields' (leftovers10: a bad c_HA beside files that are no CT series
            // named only the c_HA, and the files' problem came on the next upload), as the phantom's form
            Read read = read(files, labelFiles, f.text("series"), ctDir, dir.resolve("labels"));
            if (fields.hasErrors() || !read.problems().isEmpty()) {
                List<InputProblem> all = new ArrayList<>(fields.all());
                all.addAll(read.problems());
                return refused(all, read.between(), true, "", f);
            }
            List<DicomSeriesReader.SeriesSummary> series = read.series();
            String uid = read.uid();
            CtVolume ct = read.ct();
            LabelVolume labels = read.labels();
            CalciumScore score;
            try {
                score = new CalciumScorer(options).score(ct, labels);
            } catch (IllegalArgumentException e) {
                return refused(List.of(InputProblem.error("files", "cannot score this series: " + e.getMessage()
                        + (skipped.isEmpty() ? "" : "; " + passedOver(skipped) + ": is one of them a damaged slice?"))), "", true, "", f);
            }
            StringBuilder b = new StringBuilder(intro()).append(forms(ExampleFiles.PHANTOMS.names(), null, "", f,
                    FormProblems.NONE, FormProblems.NONE));
            if (series != null && series.size() > 1) {
                b.append("<h2>Uploaded series ").append(Html.esc(describeChosen(series, uid))).append("</h2>\n")
                        .append("<p class=\"fine\">The upload holds ").append(series.size()).append(" series; to score "
                                + "another, upload the files again with its number in the Series field.</p>\n")
                        .append(seriesTable(series, uid));
            } else {
                b.append("<h2>Uploaded series (").append(files.size()).append(" files)</h2>\n");
            }
            b.append(String.format(Locale.ROOT, "<p class=\"fine\">%.1f MB received; read and scored in %.1f s.%s</p>\n",
                    total / 1048576.0, (System.nanoTime() - t0) / 1e9,
                    skipped.isEmpty() ? "" : " P" + Html.esc(passedOver(skipped)).substring(1) + "."));
            // as vascalc score's warning: evenly sparse slices score, their normalisation stretched over the gaps
            org.vascalc.imaging.score.ScanGeometry.sparseNote(ct).ifPresent(note -> b.append(
                    "<div class=\"warnings\"><b>Note:</b> ").append(Html.esc(
                    Character.toUpperCase(note.charAt(0)) + note.substring(1))).append(".</div>\n"));
            if (labels == null && read.besideLabelMap()) {
                // as vascalc score's note (leftovers20: the page scored such an upload without its map, saying nothing)
                b.append("<div class=\"warnings\"><b>Note:</b> ").append(Html.esc(DicomSeriesReader.CtToScore
                        .unusedLabelMapNote("The upload", UNUSED_LABEL_MAP_FIELD))).append(".</div>\n");
            } else if (labels == null) {
                b.append("<p class=\"fine\">Without an artery label map every voxel at or above the threshold in the "
                        + "volume counts (bone included), as <code>vascalc score</code> does.</p>\n");
            }
            b.append(result(ct, score, files.size() + " uploaded files"));
            return new Response(200, Html.page(TITLE, b.toString()));
        } catch (NoSuchFileException e) {
            if (Files.exists(dir)) {
                throw e;
            }
            // the server is stopping (Ctrl-C) and its clean-up removed the upload folder: not a bug, no stack trace
            return stopping();
        } finally {
            watched.close(); // deletes the folder and the uploaded files in it
        }
    }

    /** The answer to an upload that the server's stop (Ctrl-C) cut off or refused. */
    private static Response stopping() {
        return new Response(503, Html.page(TITLE, "<p>The server is stopping; the upload was not scored.</p>"));
    }

    /**
     * What reading an upload gave: its CT series and label map (null when not uploaded or not readable), the series
     * it holds when the Series field named one, and the problems that refuse it with {@code between} (the series to
     * choose from, or empty).
     */
    private record Read(CtVolume ct, LabelVolume labels, List<DicomSeriesReader.SeriesSummary> series, String uid,
            boolean besideLabelMap, List<InputProblem> problems, String between) {
    }

    /**
     * Reads the uploaded CT series (the one {@code choice} names when not null) and the label map, if any: the label
     * map also when the CT series cannot be read, so that the page names both at once.
     */
    private static Read read(List<UploadedFile> files, List<UploadedFile> labelFiles, String choice, Path ctDir,
            Path labelDir) throws IOException {
        DicomSeriesReader reader = new DicomSeriesReader();
        List<InputProblem> problems = new ArrayList<>();
        String between = "";
        List<DicomSeriesReader.SeriesSummary> series = null;
        String uid = null;
        CtVolume ct = null;
        boolean besideLabelMap = false;
        try {
            if (choice != null) {
                // review8: as score --series, a series of a mixed upload by its number or UID
                series = reader.listSeries(ctDir);
                var chosen = DicomSeriesReader.choose(series, choice);
                if (chosen.isEmpty()) {
                    problems.add(InputProblem.error("series", "series = '" + choice + "' is not "
                            + "the number or the Series Instance UID of a series in the upload; "
                            + (series.size() == 1 ? "it holds one series (leave the field empty)"
                                    : "it holds " + series.size() + " series, listed below")));
                    between = seriesTable(series, null);
                } else {
                    uid = chosen.get();
                }
            }
            if (problems.isEmpty()) {
                var read = reader.readCtToScoreNotingLabels(ctDir, uid);
                ct = read.ct();
                besideLabelMap = read.besideLabelMap();
            }
        } catch (DicomException e) {
            boolean several = String.valueOf(e.getMessage()).contains(DicomSeriesReader.SEVERAL_SERIES);
            if (several) {
                // review8: the page asked for one series and said no more; now it lists them to choose from
                List<DicomSeriesReader.SeriesSummary> list = reader.listSeries(ctDir);
                problems.add(InputProblem.error("series", uploaded(files.size()) + " "
                        + list.size() + " series, and a score is of one: put the number of the series to score "
                        + "(from the list below) in the Series field and upload the files again"));
                between = seriesTable(list, null);
            } else {
                problems.add(InputProblem.error("files", uploaded(files.size())
                        + " not one readable CT series: " + withoutServerPath(e.getMessage(), ctDir, files)
                        + gapHint(e, files, ctDir) + noDicomHint(e, files, ctDir, "the files of one CT series")
                        + withoutServerPath(DamagedSlice.advice(e, "uploading the files without it")
                                .map(a -> "; " + a).orElse(""), ctDir, files)));
            }
        }
        LabelVolume labels = null;
        if (!labelFiles.isEmpty()) {
            try {
                labels = reader.readLabels(copyInto(labelFiles, labelDir));
                if (ct != null) {
                    try {
                        // as vascalc score: a label map of the same grid drawn on another scan is refused
                        reader.requireSameFrameOfReference(ctDir, uid, labelDir);
                    } catch (DicomException e) {
                        problems.add(InputProblem.error("labels", withoutServerPath(e.getMessage(), labelDir, labelFiles)));
                    }
                }
            } catch (DicomException e) {
                problems.add(InputProblem.error("labels", uploaded(labelFiles.size())
                        + " not one readable VasCalc label-map series: "
                        + withoutServerPath(e.getMessage(), labelDir, labelFiles)
                        + noDicomHint(e, labelFiles, labelDir, "the files of the labels/ folder ./vascalc phantom writes")));
            }
        }
        return new Read(ct, labels, series, uid, besideLabelMap, List.copyOf(problems), between);
    }

    /** "#2 of 3 (Calcium score 3.0 mm, 40 slices)": the series of a mixed upload that was scored. */
    private static String describeChosen(List<DicomSeriesReader.SeriesSummary> series, String uid) {
        for (DicomSeriesReader.SeriesSummary s : series) {
            if (s.seriesInstanceUid().equals(uid)) {
                return "#" + s.number() + " of " + series.size() + " (" + (s.description().isBlank() ? "no description"
                        : s.description().strip()) + ", " + s.files() + (s.files() == 1 ? " slice)" : " slices)");
            }
        }
        return "";
    }

    /**
     * The series of an upload to choose from, as a viewer lists them: number, description, modality,
     * slices, kV and slice thickness (review8), the scored one marked.
     */
    static String seriesTable(List<DicomSeriesReader.SeriesSummary> series, String scoredUid) {
        List<String[]> rows = new ArrayList<>();
        for (DicomSeriesReader.SeriesSummary s : series) {
            rows.add(new String[] {Integer.toString(s.number()) + (s.seriesInstanceUid().equals(scoredUid) ? " (scored)" : ""),
                s.description().isBlank() ? "(none)" : s.description().strip(),
                s.modality().isBlank() ? "?" : s.modality(), Integer.toString(s.files()),
                Double.isNaN(s.kvp()) ? "?" : ValidRange.fmt(s.kvp()),
                Double.isNaN(s.sliceThicknessMm()) ? "?" : ValidRange.fmt(s.sliceThicknessMm()),
                s.seriesInstanceUid()});
        }
        return Html.table(new String[] {"series", "description", "modality", "slices", "kV", "slice thickness (mm)",
            "Series Instance UID"}, rows);
    }

    /** The files a file input sent, without the empty nameless part it sends when no file was chosen. */
    static List<UploadedFile> chosen(List<UploadedFile> parts) {
        return parts.stream().filter(u -> !(u.size() == 0 && (u.filename() == null || u.filename().isBlank()))).toList();
    }

    /** The name the user knows a file by: its uploaded name, or its place in the upload. */
    private static String uploadedName(List<UploadedFile> files, int i) {
        UploadedFile u = files.get(i);
        return u.filename() == null || u.filename().isBlank() ? "file " + (i + 1) : u.filename();
    }

    /** The uploaded names of the files in {@code dir} (written by {@link #copyInto}) that are not DICOM Part-10. */
    private static List<String> notDicom(List<UploadedFile> files, Path dir) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (!org.vascalc.imaging.dicom.DicomReader.looksLikeDicom(dir.resolve(String.format(Locale.ROOT, "%05d.dcm", i)))) {
                out.add(uploadedName(files, i) + (files.get(i).size() == 0 ? " (empty)" : ""));
            }
        }
        return out;
    }

    /**
     * "; passed over 1 file that is not DICOM: x10.dcm (empty): is one of them a damaged slice?" for a gap in the
     * stack (an emptied slice shows only as that gap), as for the scorer's refusal; "" otherwise.
     */
    private static String gapHint(DicomException e, List<UploadedFile> files, Path ctDir) {
        if (!String.valueOf(e.getMessage()).contains(DicomSeriesReader.GAP)) {
            return "";
        }
        List<String> skipped = notDicom(files, ctDir);
        return skipped.isEmpty() ? "" : "; " + passedOver(skipped) + ": is one of them a damaged slice?";
    }

    /**
     * For an upload without a single DICOM file: the files passed over and what the page reads. review20: a text
     * file uploaded alone was answered "contains no DICOM Part-10 files", naming neither the file nor what to give.
     */
    private static String noDicomHint(DicomException e, List<UploadedFile> files, Path dir, String what) {
        if (!String.valueOf(e.getMessage()).contains("contains no DICOM Part-10 files")) {
            return "";
        }
        List<String> skipped = notDicom(files, dir);
        return (skipped.isEmpty() ? "" : "; " + passedOver(skipped)) + "; choose " + what + ", each a "
                + "DICOM Part-10 file ('DICM' after a 128-byte preamble; a .zip is not unpacked)";
    }

    /** "passed over 2 files that are not DICOM: a.txt, IM00010.dcm (empty)", at most five names. */
    static String passedOver(List<String> names) {
        return "passed over " + names.size() + (names.size() == 1 ? " file that is" : " files that are") + " not DICOM: "
                + String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }

    /** Writes the uploads under names of our own: an uploaded file name never becomes a path. */
    static Path copyInto(List<UploadedFile> files, Path dir) throws IOException {
        // not Files.createDirectories: after a Ctrl-C's clean-up removed the upload folder it re-created it
        TemporaryOnExit.createDirectories(dir);
        int i = 0;
        for (UploadedFile u : files) {
            try (InputStream in = u.content()) {
                Files.copy(in, dir.resolve(String.format(Locale.ROOT, "%05d.dcm", i++)), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** The deposits as {@code vascalc phantom} prints them ({@link org.vascalc.cli.imaging.DepositList}). */
    private static String truth(SyntheticScan scan) {
        return "<p>" + Html.esc(org.vascalc.cli.imaging.DepositList.heading(scan)) + ".</p>\n"
                + Html.table(org.vascalc.cli.imaging.DepositList.HEADER, org.vascalc.cli.imaging.DepositList.rows(scan));
    }

    /**
     * review10: the page gave the truth per deposit and the mass score per artery far apart (27.50 mg of
     * truth, 16.71 mg scored, for mixed-plaque), so where the mineral went was left to the reader; the
     * console's per-artery table (review9, {@code TruthTable}) now stands here too.
     */
    static String truthAgainstScore(SyntheticScan scan, CalciumScore score) {
        String[] header = java.util.Arrays.stream(org.vascalc.cli.imaging.TruthTable.HEADER)
                .map(h -> h.equals("artery") || h.equals("found") ? h : h + " (mg)").toArray(String[]::new);
        return "<p>Ground truth against the mass score, per artery (mg hydroxyapatite):</p>\n"
                + Html.table(header, org.vascalc.cli.imaging.TruthTable.rows(scan, score))
                + "<p class=\"fine\">" + Html.esc(org.vascalc.cli.imaging.TruthTable.WHY) + "</p>\n";
    }

    private static String result(CtVolume ct, CalciumScore score, String title) throws IOException {
        String cacDrs = CacDrsLabels.of(score);
        BufferedImage fig = LesionFigure.render(ct, score, title, cacDrs);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(fig, "png", png);
        return "<pre" + Html.SCROLLS + ">" + Html.esc(shown(ScoreReport.text(score, cacDrs, FIELDS))) + "</pre>\n"
                + reading(score.agatston(), cacDrs) + "<figure>"
                + Html.chart(png.toByteArray(), "Slices of the scan with each scored lesion outlined by its Agatston weight "
                        + "class; the scores are the text above", false)
                + "<figcaption>Scored lesions outlined by Agatston weight class.</figcaption></figure>\n";
    }

    /** The score report as the page shows it: c_HA's unit in the page's spelling, as its field gives it. */
    static String shown(String report) {
        return report.replace(ScoringOptions.MASS_CALIBRATION_UNIT, MASS_CALIBRATION_UNIT);
    }

    /**
     * The score in plain words under the report's numbers (review, fortieth session: an uploaded scan ended at
     * "CAC-DRS A1/N4" in a monospaced report, with no word on what that means or where to take it): the CAC-DRS
     * band and what its N counts, that the score counts both layers alike, and a link to the risk page with the
     * score filled in. Nothing for a scan scored without a label map: its total is not a coronary score.
     */
    static String reading(double agatston, String cacDrs) {
        if (cacDrs == null) {
            return "";
        }
        StringBuilder link = new StringBuilder("/risk?cac=").append(ComparePage.fmt(agatston));
        int n = cacDrs.indexOf("/N");
        if (n >= 0) {
            link.append("&cacVessels=").append(cacDrs.substring(n + 2));
        }
        String toRisk = agatston > org.vascalc.clinical.input.RiskInput.CAC.hardHigh() ? ""
                : " <a href=\"" + Html.esc(link.toString()) + "\">Risk and calcium score</a> (with the person's age, sex, "
                        + "race, cholesterol and blood pressure) puts it into the published risk equations and among "
                        + "peers of the same age, sex and race.";
        return "<p class=\"reading\"><b>What the score says:</b> Agatston " + ComparePage.fmt(agatston) + ", CAC-DRS "
                + Html.esc(cacDrs) + ": " + Html.esc(CacDrsReading.ofLabel(cacDrs))
                + " <span class=\"src\">" + Html.esc(CacDrsReading.SOURCE) + ".</span> It counts every calcified spot at or above the threshold alike, in "
                + "plaque (intimal) or in the artery's muscular layer (medial)." + toRisk + "</p>\n";
    }

    private static String intro() {
        return "<p>The Agatston score weighs each lesion's area by its peak density; volume and mass scores follow the "
                + "same lesions. A scan cannot tell intimal (plaque) from medial calcium: a synthetic scan knows which is "
                + "which, so the score can be set against the truth.</p>\n";
    }

    /**
     * The two forms, a phantom spec's and an upload's, each with its own Thresholds and Mass calibration
     * fields; {@code phantom} and {@code upload} are the problems of the one submitted (the other's are
     * {@link FormProblems#NONE}), so that its fields, not the other form's of the same name, are tied to
     * its errors.
     */
    private static String forms(List<String> names, String picked, String text, FormValues f, FormProblems phantom,
            FormProblems upload) {
        StringBuilder b = new StringBuilder("<h2>A synthetic scan</h2>\n");
        b.append(Html.exampleChooser("/ct", LABELS.get("example"), names, picked, phantom));
        // a visible label (the box had only an aria-label, which a screen reader says and nobody sees)
        b.append("<form method=\"post\" action=\"/ct/phantom\"><label for=\"phantom-text\" style=\"margin-top:.8em\">" + LABELS.get("text") + "</label>"
                + "<textarea" + phantom.on("text") + " name=\"text\" id=\"phantom-text\" rows=\"14\" "
                + "style=\"width:100%;font-family:monospace;font-size:.9em\" spellcheck=\"false\">").append(Html.esc(text))
                .append("</textarea>").append(phantom.under("text")).append(scoringFields(f, phantom)).append("<p><button type=\"submit\">Scan and score</button></p></form>\n");
        b.append("<h2>A real scan</h2>\n<form method=\"post\" action=\"/ct/score\" enctype=\"multipart/form-data\">"
                + "<p><label class=\"check\">" + LABELS.get("files") + " <input" + upload.on("files") + " type=\"file\" name=\"files\" multiple>" + upload.under("files") + "</label></p>"
                // one span: the flex label put a gap between the code and its closing parenthesis
                + "<p><label class=\"check\"><span>" + LABELS.get("labels") + " (optional; a VasCalc label series, e.g. the labels/ "
                + "folder of <code>./vascalc phantom</code>)</span> <input" + upload.on("labels") + " type=\"file\" name=\"labels\" multiple>" + upload.under("labels") + "</label></p>"
                // review8: a mixed upload was refused; the page now lists its series to choose from
                + "<p><label class=\"check\"><span>" + LABELS.get("series") + " (only when the files hold several: its number in the list "
                + "this page shows, or its Series Instance UID)</span> <input" + upload.on("series") + " name=\"series\" size=\"12\" value=\"")
                .append(Html.esc(f == null || f.text("series") == null ? "" : f.text("series"))).append("\">")
                .append(upload.under("series")).append("</label></p>")
                .append(scoringFields(f, upload)).append("<p><button type=\"submit\">Score</button></p></form>\n"
                // no script on these pages: the upload's progress is the browser's own
                + "<p class=\"fine\">At most " + MAX_UPLOAD_BYTES / 1048576 + " MB. A large series takes a while to send: "
                + "the browser shows how far the upload has got (in its status bar or tab), and this page answers once the "
                + "series is read and scored (after the upload, 6-10 s for 250 slices of 512 × 512, 128 MB, on a busy "
                + "two-core machine, 2026-12-02). Files that are not DICOM are passed over and named.</p>\n");
        return b.toString();
    }

    /**
     * The Thresholds and Mass calibration fields, as {@code vascalc score --convention} and
     * {@code --mass-calibration} (review8: the notes named those options, and the page had no field for them).
     */
    private static String scoringFields(FormValues f, FormProblems problems) {
        String convention = f == null || f.text("convention") == null ? "agatston" : f.text("convention").toLowerCase(Locale.ROOT);
        String cha = f == null || f.text("cha") == null ? ValidRange.fmt(ScoringOptions.DEFAULT_MASS_CALIBRATION) : f.text("cha");
        return "<p><label class=\"check\">" + LABELS.get("convention") + " <select" + problems.on("convention") + " name=\"convention\">"
                + "<option value=\"agatston\"" + (convention.equals("kv-specific") ? "" : " selected")
                + ">Agatston: 130/200/300/400 HU (defined at 120 kV)</option>"
                + "<option value=\"kv-specific\"" + (convention.equals("kv-specific") ? " selected" : "")
                + ">kV-specific (Gräni 2018: 70, 80, 100, 120, 135 kV)</option></select>" + problems.under("convention") + "</label> "
                + "<label class=\"check\"><span>" + LABELS.get("cha") + " <span class=\"unit\">"
                + Html.esc(FormFields.hint(MASS_CALIBRATION)) + "; the scanner's "
                + "calibration phantom's at the scan's kV</span></span> <input" + problems.on("cha") + " name=\"cha\" size=\"6\" inputmode=\"decimal\" value=\""
                + Html.esc(cha) + "\">" + problems.under("cha") + "</label></p>";
    }

    /**
     * A reader's message without the server's temporary folder, and with each file by the name it was
     * uploaded as ({@code IM00020.dcm}), not the name {@link #copyInto} wrote it under ({@code 00019.dcm}):
     * the user knows only their own names.
     */
    static String withoutServerPath(String message, Path uploadDir, List<UploadedFile> files) {
        String m = message == null ? "" : message;
        // "<dir>: contains no DICOM files" follows "the 2 uploaded files are not ...: ", which names them already
        if (m.startsWith(uploadDir + ": ")) {
            m = m.substring((uploadDir + ": ").length());
        }
        java.util.regex.Matcher own = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(uploadDir + java.io.File.separator) + "(\\d{5})\\.dcm").matcher(m);
        StringBuilder named = new StringBuilder();
        while (own.find()) {
            int i = Integer.parseInt(own.group(1));
            own.appendReplacement(named, java.util.regex.Matcher.quoteReplacement(
                    i < files.size() ? uploadedName(files, i) : own.group(1) + ".dcm"));
        }
        m = own.appendTail(named).toString();
        return m.replace(uploadDir + java.io.File.separator, "").replace(uploadDir.toString(), "the uploaded files");
    }

    /** "the 1 uploaded file is" or "the 3 uploaded files are": the subject of an upload's problem. */
    static String uploaded(int n) {
        return n == 1 ? "the 1 uploaded file is" : "the " + n + " uploaded files are";
    }
}
