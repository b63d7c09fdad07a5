package org.vascalc.imaging.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.vascalc.imaging.volume.CoronaryArtery;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * Reads one axial series from a folder of single-frame DICOM files into a {@link CtVolume} (HU) or a
 * {@link LabelVolume}.
 *
 * <p>Files directly in the folder are considered (no recursion); hidden files and files without the
 * Part-10 "DICM" prefix are skipped, so a README or JSON next to the images does no harm, but a file
 * that claims to be DICOM and is corrupt is an error, never silently dropped. DICOMDIR files are skipped.
 * Files are grouped by Series Instance UID; a folder with several series needs the caller to name one,
 * and the error lists them, unless only one of them is of the kind read (a CT series beside its VasCalc
 * label map: the CT is read as CT, the label map as labels). Slices are sorted by the z of Image Position (Patient); every slice must
 * have the same rows, columns, pixel spacing, axial orientation and pixel format. Stored values become
 * HU through Rescale Slope and Intercept (PS3.3 C.11.1; both required, Type 1 in the CT Image module, slope &gt; 0)
 * and must fit in 16 bits; Pixel Spacing must be &gt; 0 mm.
 * A series to read as CT must not name another Modality (MR, PT...): those have no Hounsfield units.
 */
public final class DicomSeriesReader {

    /**
     * The words of the message when a folder holds several series and none was chosen, followed by
     * each series' UID, modality, description and file count; a caller can add how its user chooses.
     */
    public static final String SEVERAL_SERIES = " series, and one is read at a time; by number or Series Instance UID: ";

    /** Most files considered in one folder. */
    public static final int MAX_FILES = 20_000;
    /** Tolerance in mm (and for direction cosines) when comparing geometry between slices. */
    public static final double GEOMETRY_TOLERANCE = 1e-4;
    /**
     * Pixel Spacing a CT scanner produces, mm: the display field of view over the matrix, from about
     * 50 mm over 512 (0.1 mm, a small-FOV or ultra-high-resolution reconstruction) to an extended 700 mm
     * over 512 (1.4 mm), with room to 2 mm. Outside it a series is damaged or not patient CT, and its
     * areas and volumes would be scored into numbers of no meaning (review12: 0.001 mm and 1e300 mm read).
     */
    public static final double MIN_PIXEL_SPACING_MM = 0.1;
    public static final double MAX_PIXEL_SPACING_MM = 2.0;
    /** Slice Thickness (0018,0050) a CT scanner reconstructs, mm: 0.2 (photon-counting) to 10. */
    public static final double MIN_SLICE_THICKNESS_MM = 0.2;
    public static final double MAX_SLICE_THICKNESS_MM = 10.0;
    /**
     * The least distance between neighbouring slice positions, mm (overlapping reconstructions step 0.1 mm
     * at the finest). No most: a real series may be a sparse pick of slices (pydicom's CT2 holds two, 202.5 mm
     * apart); the scorer refuses a stack whose spacing is irregular.
     */
    public static final double MIN_SLICE_SPACING_MM = 0.1;
    /** ImageType value 4 that marks a VasCalc label-map series (see {@link CtSeriesWriter}). */
    public static final String LABEL_MAP_IMAGE_TYPE = "VASCALC_LABELS";

    private static final String DICOMDIR_SOP_CLASS = "1.2.840.10008.1.3.10";

    private final DicomReader reader;
    private final long maxSeriesBytes;

    /** A reader with the default per-file limit and a folder limit of a third of the maximum heap. */
    public DicomSeriesReader() {
        this(new DicomReader(), Runtime.getRuntime().maxMemory() / 3);
    }

    /**
     * @param reader parses each file (and limits its size)
     * @param maxSeriesBytes largest total size of the DICOM files in a folder; checked from file sizes
     *     before any file is read, so a folder too big for memory is an error, not an OutOfMemoryError
     */
    public DicomSeriesReader(DicomReader reader, long maxSeriesBytes) {
        if (maxSeriesBytes < 1) {
            throw new IllegalArgumentException("maxSeriesBytes must be >= 1, got " + maxSeriesBytes);
        }
        this.reader = reader;
        this.maxSeriesBytes = maxSeriesBytes;
    }

    /**
     * One series found in a folder: what a user chooses it by (review8: also its tube voltage and slice
     * thickness, as a viewer's series list shows them).
     *
     * @param number its place in the folder's list, from 1 (a choice may name it instead of the UID)
     * @param kvp the first file's KVP, kV, NaN when missing or unreadable
     * @param sliceThicknessMm the first file's Slice Thickness, mm, NaN when missing or unreadable
     */
    public record SeriesSummary(int number, String seriesInstanceUid, String modality, String description, int files,
                                double kvp, double sliceThicknessMm) {
        @Override
        public String toString() {
            return "#" + number + " " + seriesInstanceUid + " (" + (modality.isEmpty() ? "?" : modality) + ", '"
                    + description + "', " + files + " file" + (files == 1 ? "" : "s")
                    + (Double.isNaN(kvp) ? "" : ", " + plain(kvp) + " kV")
                    + (Double.isNaN(sliceThicknessMm) ? "" : ", " + plain(sliceThicknessMm) + " mm slices") + ")";
        }

        private static String plain(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /**
     * What {@link SeriesSummary#modality} says of a VasCalc label-map series (its DICOM Modality is CT): it is
     * not a scan to score but the artery map of one.
     */
    public static final String LABEL_MAP_MODALITY = "VasCalc label map";

    /** Whether {@code ds} is a slice of a VasCalc label map (ImageType value 4 {@value #LABEL_MAP_IMAGE_TYPE}). */
    private static boolean isLabelMap(DataSet ds) {
        try {
            String[] imageType = ds.strings(Tag.IMAGE_TYPE);
            return imageType.length >= 4 && imageType[3].equals(LABEL_MAP_IMAGE_TYPE);
        } catch (DicomException e) {
            return false;
        }
    }

    /** The series in {@code folder}, in order of first appearance by file name. */
    public List<SeriesSummary> listSeries(Path folder) throws DicomException {
        return summaries(group(folder));
    }

    private static List<SeriesSummary> summaries(Map<String, List<DicomFile>> groups) {
        List<SeriesSummary> out = new ArrayList<>();
        int number = 1;
        for (Map.Entry<String, List<DicomFile>> g : groups.entrySet()) {
            DataSet first = g.getValue().get(0).dataSet();
            String modality;
            String description;
            try {
                modality = first.string(Tag.MODALITY).orElse("");
                description = first.string(Tag.SERIES_DESCRIPTION).orElse("");
                if (isLabelMap(first)) {
                    // review15: listed as plain "CT", a label map beside its scan looked like a second scan to choose
                    modality = LABEL_MAP_MODALITY;
                }
            } catch (DicomException e) {
                modality = "";
                description = "";
            }
            out.add(new SeriesSummary(number++, g.getKey(), modality, description, g.getValue().size(),
                    optional(first, Tag.KVP), optional(first, Tag.SLICE_THICKNESS)));
        }
        return out;
    }

    private static double optional(DataSet ds, int tag) {
        try {
            return ds.optionalDouble(tag).orElse(Double.NaN);
        } catch (DicomException e) {
            return Double.NaN;
        }
    }

    /**
     * The Series Instance UID that {@code choice} names among the series of {@code folder}: a UID, or a
     * series' number in {@link #listSeries} (1, 2, ...; a UID always holds a dot). Null stays null
     * (the only series).
     *
     * @throws DicomException naming the choice and listing the series when it names none
     */
    public String seriesUid(Path folder, String choice) throws DicomException {
        if (choice == null) {
            return null;
        }
        return resolve(folder, group(folder), choice);
    }

    /** The UID of the series that {@code choice} (a UID, or a number in the list) names among {@code series}. */
    public static Optional<String> choose(List<SeriesSummary> series, String choice) {
        String c = choice.strip();
        for (SeriesSummary s : series) {
            if (s.seriesInstanceUid().equals(c) || (c.matches("[0-9]{1,6}") && Integer.parseInt(c) == s.number())) {
                return Optional.of(s.seriesInstanceUid());
            }
        }
        return Optional.empty();
    }

    private static String resolve(Path folder, Map<String, List<DicomFile>> groups, String choice) throws DicomException {
        String c = choice.strip();
        if (groups.containsKey(c)) {
            return c;
        }
        Optional<String> chosen = choose(summaries(groups), c);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        throw new DicomException(folder + ": no series " + (c.matches("[0-9]{1,6}") ? "number " : "with Series Instance UID ")
                + c + "; found: " + describe(groups));
    }

    /** The only series in {@code folder} as HU (the only one that is not a label map, when it holds its label map too). */
    public CtVolume readCt(Path folder) throws DicomException {
        return readCt(folder, null);
    }

    /**
     * Series {@code seriesInstanceUid} of {@code folder} (or the only one if null) as HU; the series may
     * also be named by its number in {@link #listSeries}.
     */
    public CtVolume readCt(Path folder, String seriesInstanceUid) throws DicomException {
        return readCt(folder, seriesInstanceUid, false);
    }

    /**
     * {@link #readCt(Path, String)} for a calcium score: a slice missing inside the stack is refused here, naming
     * the files around the gap (a series read for another purpose may be a sparse pick of slices, as pydicom's CT2).
     */
    public CtVolume readCtToScore(Path folder, String seriesInstanceUid) throws DicomException {
        return readCt(folder, group(folder), seriesInstanceUid, true);
    }

    /**
     * A CT series read to score ({@link #readCtToScore}) and whether its folder also holds a VasCalc label map
     * (review15: a CT and its label map in one folder scored without the map, and nothing said the map was there).
     */
    public record CtToScore(CtVolume ct, boolean besideLabelMap) {

        /**
         * What to tell the user when {@link #besideLabelMap} and the map was not given: one wording for
         * {@code vascalc score} and the web /ct upload (leftovers20: the page said nothing), each naming its own
         * place and way to give the map.
         *
         * @param holder what holds the series, e.g. the folder, or "the upload"
         * @param howToGive how to give the map, e.g. "--labels DIR", or the page's field
         */
        public static String unusedLabelMapNote(String holder, String howToGive) {
            return holder + " also holds a VasCalc label map, not used: every voxel at or above the threshold counts "
                    + "(artery UNLABELLED); give " + howToGive + " to score per artery";
        }
    }

    /**
     * {@link #readCtToScore}, saying too whether the folder holds a label-map series, from the listing of its series
     * the read makes anyway (no second read of the folder).
     */
    public CtToScore readCtToScoreNotingLabels(Path folder, String seriesInstanceUid) throws DicomException {
        Map<String, List<DicomFile>> groups = group(folder);
        CtVolume ct = readCt(folder, groups, seriesInstanceUid, true);
        return new CtToScore(ct, groups.values().stream().anyMatch(g -> isLabelMap(g.get(0).dataSet())));
    }

    private CtVolume readCt(Path folder, String seriesInstanceUid, boolean contiguous) throws DicomException {
        return readCt(folder, group(folder), seriesInstanceUid, contiguous);
    }

    private CtVolume readCt(Path folder, Map<String, List<DicomFile>> groups, String seriesInstanceUid, boolean contiguous)
            throws DicomException {
        Stack stack = stack(folder, groups, seriesInstanceUid, false);
        DataSet first = stack.slices.get(0).file.dataSet();
        String[] imageType = first.strings(Tag.IMAGE_TYPE);
        if (imageType.length >= 4 && imageType[3].equals(LABEL_MAP_IMAGE_TYPE)) {
            // given in the CT's place, it failed on its missing tube voltage, which did not say what it is
            throw new DicomException(first.source() + ": a VasCalc artery label map (" + Tag.describe(Tag.IMAGE_TYPE)
                    + " value 4 is " + LABEL_MAP_IMAGE_TYPE + "), not a CT image: give it as the label map, with the "
                    + "CT series it belongs to");
        }
        String modality = first.string(Tag.MODALITY).orElse("").strip();
        if (!modality.isEmpty() && !modality.equals("CT")) {
            // an MR or PET series has no Hounsfield units: its "calcium score" would be a number of nothing
            throw new DicomException(first.source() + ": " + Tag.describe(Tag.MODALITY) + " is " + modality
                    + "; a calcium score needs a CT series (Modality CT)");
        }
        double kvp = first.optionalDouble(Tag.KVP).orElseThrow(() -> new DicomException(first.source()
                + ": " + Tag.describe(Tag.KVP) + " is missing or empty; the calcium score needs the tube voltage"));
        if (!(kvp > 0)) {
            throw new DicomException(first.source() + ": " + Tag.describe(Tag.KVP) + " is " + kvp + " kV, must be > 0");
        }
        if (contiguous) {
            requireNoGap(stack);
        }
        short[] hu = new short[stack.voxelCount()];
        int n = stack.pixelsPerSlice();
        int[] stored = new int[n];
        for (int z = 0; z < stack.slices.size(); z++) {
            Slice s = stack.slices.get(z);
            DataSet ds = s.file.dataSet();
            // Type 1 in the CT Image module (PS3.3 C.8.2.1.1): a slice without them was read with the
            // identity, so stored values 1024 above HU (intercept -1024, the usual) scored every voxel
            for (int tag : new int[] {Tag.RESCALE_INTERCEPT, Tag.RESCALE_SLOPE}) {
                if (ds.isEmpty(tag)) {
                    throw new DicomException(ds.source() + ": required attribute " + Tag.describe(tag) + " is missing or"
                            + " empty; a CT slice needs Rescale Intercept and Slope to turn stored values into HU");
                }
            }
            // the first slice's modality and tube voltage stand for the series: a slice that says otherwise
            // (a damaged header, a slice of another scan under the same UID) was scored as if it agreed
            String sliceModality = ds.string(Tag.MODALITY).orElse("").strip();
            if (!sliceModality.equals(modality)) {
                throw new DicomException(ds.source() + ": " + Tag.describe(Tag.MODALITY) + " is '" + sliceModality
                        + "', not '" + modality + "' as in " + first.source() + "; one series has one modality");
            }
            Optional<Double> sliceKvp = ds.optionalDouble(Tag.KVP);
            if (sliceKvp.isPresent() && Math.abs(sliceKvp.get() - kvp) > GEOMETRY_TOLERANCE) {
                throw new DicomException(ds.source() + ": " + Tag.describe(Tag.KVP) + " is " + sliceKvp.get()
                        + " kV, not " + kvp + " kV as in " + first.source() + "; the score's thresholds depend on the "
                        + "tube voltage, so one series has one");
            }
            double intercept = ds.requiredDoubles(Tag.RESCALE_INTERCEPT, 1)[0];
            double slope = ds.requiredDoubles(Tag.RESCALE_SLOPE, 1)[0];
            if (!(slope > 0)) {
                throw new DicomException(ds.source() + ": " + Tag.describe(Tag.RESCALE_SLOPE) + " is " + slope
                        + "; it must be > 0 (HU per stored unit, usually 1)");
            }
            PixelDecoder.frame(s.file, s.format, 0, stored);
            int bad = rescaleInto(stored, slope, intercept, hu, z * n);
            if (bad >= 0) {
                throw new DicomException(ds.source() + ": pixel " + bad + " (stored value " + stored[bad]
                        + ") rescales to " + (stored[bad] * slope + intercept) + " HU, outside the 16-bit range "
                        + CtVolume.MIN_HU + ".." + CtVolume.MAX_HU);
            }
        }
        double gantryTilt = first.optionalDouble(Tag.GANTRY_DETECTOR_TILT).orElse(0.0);
        if (!Double.isFinite(gantryTilt) || Math.abs(gantryTilt) >= 90) {
            throw new DicomException(first.source() + ": " + Tag.describe(Tag.GANTRY_DETECTOR_TILT) + " is " + gantryTilt
                    + " degrees; it must be between -90 and 90 degrees");
        }
        return new CtVolume(stack.columns, stack.rows, stack.slices.size(), hu, stack.spacingX, stack.spacingY,
                stack.z, stack.thickness, kvp, stack.stackTiltDeg, gantryTilt);
    }

    /**
     * A step between neighbouring slices this many times the usual one (the lower median step) is a gap: a slice
     * or more missing inside the stack (a file lost in a copy or an upload), not a scanner's jitter of positions.
     */
    public static final double GAP_FACTOR = 1.5;
    /** How the refusal of a gap starts: a caller that knows of files passed over (an emptied slice) adds them. */
    public static final String GAP = "slice spacing is irregular: a gap of ";

    /**
     * Refuses a stack with a gap, naming the two files on either side, the gap and the usual spacing in mm
     * (leftovers15: the scorer refused it only as "irregular spacing between slices 4 and 5", which named no file).
     * An Agatston score sums contiguous slices of one increment; a missing slice's calcium is missed, and a careful
     * reader does not score across the hole. Other irregular spacing is left to the scorer's check
     * ({@code ScanGeometry}); two or fewer slices have no usual spacing to compare with.
     */
    private static void requireNoGap(Stack stack) throws DicomException {
        int steps = stack.z.length - 1;
        if (steps < 2) {
            return;
        }
        double[] d = new double[steps];
        for (int i = 0; i < steps; i++) {
            d[i] = stack.z[i + 1] - stack.z[i];
        }
        double[] sorted = d.clone();
        java.util.Arrays.sort(sorted);
        double usual = sorted[(steps - 1) / 2];
        for (int i = 0; i < steps; i++) {
            if (d[i] > GAP_FACTOR * usual) {
                long missing = Math.max(1, Math.round(d[i] / usual) - 1);
                throw new DicomException(String.format(java.util.Locale.ROOT, GAP + "%s mm between %s (z = %s mm) and %s (z = %s mm), %.1f times the usual spacing of %s mm "
                        + "(about %d slice%s missing there); an Agatston score assumes contiguous slices and would "
                        + "miss the calcium of the missing ones: add the missing file%s to the series and score it "
                        + "again", mm(d[i]), stack.slices.get(i).file.source(), mm(stack.z[i]),
                        stack.slices.get(i + 1).file.source(), mm(stack.z[i + 1]), d[i] / usual, mm(usual), missing,
                        missing == 1 ? " is" : "s are", missing == 1 ? "" : "s"));
            }
        }
    }

    /** A length in mm as written in a header: 3, 2.5, 0.625 (at most three decimals). */
    private static String mm(double v) {
        return new java.math.BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * HU = round(stored * slope + intercept) into {@code hu} from {@code offset}; returns the index of
     * the first value outside the 16-bit range, or -1. Integer slope and intercept (the usual 1 and
     * -1024) take an integer path, which is several times faster than rounding doubles.
     */
    private static int rescaleInto(int[] stored, double slope, double intercept, short[] hu, int offset) {
        if (slope == Math.rint(slope) && intercept == Math.rint(intercept)
                && Math.abs(slope) <= 65536 && Math.abs(intercept) <= 65536) {
            long s = (long) slope;
            long c = (long) intercept;
            for (int i = 0; i < stored.length; i++) {
                long value = stored[i] * s + c;
                if (value != (short) value) {
                    return i;
                }
                hu[offset + i] = (short) value;
            }
            return -1;
        }
        for (int i = 0; i < stored.length; i++) {
            long value = Math.round(stored[i] * slope + intercept);
            if (value != (short) value) {
                return i;
            }
            hu[offset + i] = (short) value;
        }
        return -1;
    }

    /**
     * The only series in {@code folder} (the only label map, when it holds its CT series too) as a label map
     * written by {@link CtSeriesWriter#writeLabels}.
     */
    public LabelVolume readLabels(Path folder) throws DicomException {
        return readLabels(folder, null);
    }

    /** A label-map series: ImageType value 4 must be {@value #LABEL_MAP_IMAGE_TYPE}; values 0..4. */
    public LabelVolume readLabels(Path folder, String seriesInstanceUid) throws DicomException {
        Stack stack = stack(folder, group(folder), seriesInstanceUid, true);
        byte[] labels = new byte[stack.voxelCount()];
        int n = stack.pixelsPerSlice();
        int[] stored = new int[n];
        for (int z = 0; z < stack.slices.size(); z++) {
            Slice s = stack.slices.get(z);
            String[] imageType = s.file.dataSet().strings(Tag.IMAGE_TYPE);
            if (imageType.length < 4 || !imageType[3].equals(LABEL_MAP_IMAGE_TYPE)) {
                throw new DicomException(s.file.source() + ": not a VasCalc label map: " + Tag.describe(Tag.IMAGE_TYPE)
                        + " is '" + String.join("\\", imageType) + "', value 4 must be " + LABEL_MAP_IMAGE_TYPE);
            }
            PixelDecoder.frame(s.file, s.format, 0, stored);
            for (int i = 0; i < n; i++) {
                if (!CoronaryArtery.isValidCode(stored[i])) {
                    throw new DicomException(s.file.source() + ": pixel " + i + " has label " + stored[i]
                            + "; allowed 0 none, 1 LM, 2 LAD, 3 LCX, 4 RCA");
                }
                labels[z * n + i] = (byte) stored[i];
            }
        }
        return new LabelVolume(stack.columns, stack.rows, stack.slices.size(), labels, stack.spacingX,
                stack.spacingY, stack.z, stack.thickness);
    }

    private record Slice(DicomFile file, PixelFormat format, double x, double y, double z) {
    }

    /** Slices sorted by z with the geometry they share. */
    private record Stack(List<Slice> slices, int rows, int columns, double spacingX, double spacingY, double[] z,
                         double thickness, double stackTiltDeg) {
        int pixelsPerSlice() { return rows * columns; }

        int voxelCount() throws DicomException {
            long count = (long) rows * columns * slices.size();
            if (count > CtVolume.MAX_VOXELS) {
                throw new DicomException("series of " + slices.size() + " slices of " + columns + "x" + rows
                        + " has " + count + " voxels, more than the limit of " + CtVolume.MAX_VOXELS);
            }
            return (int) count;
        }
    }

    /**
     * @param labelMap whether a label map is wanted: when none is named and the folder holds several series, the
     *     only one of the wanted kind is read (review15: a CT series and its label map in one folder, as a user
     *     gathers them, were refused as "2 series", and {@code --labels} on that folder too)
     */
    private Stack stack(Path folder, Map<String, List<DicomFile>> groups, String seriesInstanceUid, boolean labelMap)
            throws DicomException {
        List<DicomFile> files;
        if (seriesInstanceUid == null) {
            if (groups.size() > 1) {
                List<List<DicomFile>> ofKind = groups.values().stream()
                        .filter(g -> isLabelMap(g.get(0).dataSet()) == labelMap).toList();
                if (ofKind.size() != 1) {
                    throw new DicomException(folder + ": contains " + groups.size() + SEVERAL_SERIES + describe(groups));
                }
                files = ofKind.get(0);
            } else {
                files = groups.values().iterator().next();
            }
        } else {
            files = groups.get(resolve(folder, groups, seriesInstanceUid));
        }
        List<Slice> slices = new ArrayList<>();
        for (DicomFile f : files) {
            PixelFormat format = PixelFormat.of(f.dataSet());
            if (format.frames() != 1) {
                throw new DicomException(f.source() + ": has " + format.frames()
                        + " frames; only single-frame slices are supported");
            }
            double[] orientation = f.dataSet().requiredDoubles(Tag.IMAGE_ORIENTATION_PATIENT, 6);
            double[] axial = {1, 0, 0, 0, 1, 0};
            for (int i = 0; i < 6; i++) {
                if (Math.abs(orientation[i] - axial[i]) > GEOMETRY_TOLERANCE) {
                    double tilt = planeTiltDeg(orientation);
                    if (tilt > 0) {
                        // a gantry-tilted series written with its true, oblique planes (review8)
                        throw new DicomException(String.format(java.util.Locale.ROOT, "%s: %s is %s: the image planes "
                                + "are tilted %.1f degrees about the x axis (a gantry tilt); only axial 1\\0\\0\\0\\1\\0 "
                                + "is supported: reconstruct or resample the series to axial slices first", f.source(),
                                Tag.describe(Tag.IMAGE_ORIENTATION_PATIENT), java.util.Arrays.toString(orientation), tilt));
                    }
                    throw new DicomException(f.source() + ": " + Tag.describe(Tag.IMAGE_ORIENTATION_PATIENT) + " is "
                            + java.util.Arrays.toString(orientation) + "; only axial 1\\0\\0\\0\\1\\0 is supported");
                }
            }
            double[] position = f.dataSet().requiredDoubles(Tag.IMAGE_POSITION_PATIENT, 3);
            slices.add(new Slice(f, format, position[0], position[1], position[2]));
        }
        slices.sort(Comparator.comparingDouble(Slice::z));
        Slice first = slices.get(0);
        double[] spacing = first.file.dataSet().requiredDoubles(Tag.PIXEL_SPACING, 2);
        if (!(spacing[0] > 0 && spacing[1] > 0)) {
            // a zero spacing reached the volume's own check and ended as an internal error (exit 2, HTTP 500)
            throw new DicomException(first.file.source() + ": " + Tag.describe(Tag.PIXEL_SPACING) + " is " + spacing[0]
                    + "\\" + spacing[1] + " mm; both values (row and column spacing) must be > 0 mm");
        }
        for (double v : spacing) {
            if (v < MIN_PIXEL_SPACING_MM || v > MAX_PIXEL_SPACING_MM) {
                throw new DicomException(first.file.source() + ": " + Tag.describe(Tag.PIXEL_SPACING) + " is "
                        + spacing[0] + "\\" + spacing[1] + " mm, outside the range " + MIN_PIXEL_SPACING_MM + " to "
                        + MAX_PIXEL_SPACING_MM + " mm of a CT scanner's pixels: the series is damaged or not patient CT");
            }
        }
        for (int i = 0; i < slices.size(); i++) {
            Slice s = slices.get(i);
            if (s.format.rows() != first.format.rows() || s.format.columns() != first.format.columns()
                    || s.format.bitsAllocated() != first.format.bitsAllocated()) {
                throw new DicomException(s.file.source() + ": " + s.format.columns() + "x" + s.format.rows() + " pixels of "
                        + s.format.bitsAllocated() + " bits differ from " + first.file.source() + " ("
                        + first.format.columns() + "x" + first.format.rows() + ", " + first.format.bitsAllocated() + " bits)");
            }
            double[] sp = s.file.dataSet().requiredDoubles(Tag.PIXEL_SPACING, 2);
            if (Math.abs(sp[0] - spacing[0]) > GEOMETRY_TOLERANCE || Math.abs(sp[1] - spacing[1]) > GEOMETRY_TOLERANCE) {
                throw new DicomException(s.file.source() + ": " + Tag.describe(Tag.PIXEL_SPACING) + " "
                        + sp[0] + "\\" + sp[1] + " mm differs from " + spacing[0] + "\\" + spacing[1] + " mm in "
                        + first.file.source());
            }
            if (i > 0 && s.z - slices.get(i - 1).z <= GEOMETRY_TOLERANCE) {
                throw new DicomException(s.file.source() + " and " + slices.get(i - 1).file.source()
                        + " are at the same z = " + s.z + " mm; a series must have one slice per position");
            }
            if (i > 0 && s.z - slices.get(i - 1).z < MIN_SLICE_SPACING_MM - GEOMETRY_TOLERANCE) {
                throw new DicomException(s.file.source() + ": " + Tag.describe(Tag.IMAGE_POSITION_PATIENT) + " puts it "
                        + (s.z - slices.get(i - 1).z) + " mm above " + slices.get(i - 1).file.source()
                        + ", closer than the " + MIN_SLICE_SPACING_MM + " mm of the finest CT slice increment");
            }
        }
        double[] z = new double[slices.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = slices.get(i).z;
        }
        Optional<Double> thickness = first.file.dataSet().optionalDouble(Tag.SLICE_THICKNESS);
        for (Slice s : slices) {
            // the first slice's thickness stands for the series (the volume and the Agatston normalisation)
            Optional<Double> own = s.file.dataSet().optionalDouble(Tag.SLICE_THICKNESS);
            if (thickness.isPresent() && own.isPresent() && Math.abs(own.get() - thickness.get()) > GEOMETRY_TOLERANCE) {
                throw new DicomException(s.file.source() + ": " + Tag.describe(Tag.SLICE_THICKNESS) + " is " + own.get()
                        + " mm, not " + thickness.get() + " mm as in " + first.file.source()
                        + "; one series has one slice thickness (two reconstructions in one folder? put the slices"
                        + " of one thickness in a folder of their own and score that)");
            }
        }
        double sliceThickness;
        if (thickness.isPresent() && thickness.get() > 0) {
            if (thickness.get() < MIN_SLICE_THICKNESS_MM || thickness.get() > MAX_SLICE_THICKNESS_MM) {
                throw new DicomException(first.file.source() + ": " + Tag.describe(Tag.SLICE_THICKNESS) + " is "
                        + thickness.get() + " mm, outside the range " + MIN_SLICE_THICKNESS_MM + " to "
                        + MAX_SLICE_THICKNESS_MM + " mm of a CT scanner's slices: the series is damaged or not patient CT");
            }
            sliceThickness = thickness.get();
        } else if (z.length > 1) {
            sliceThickness = z[1] - z[0];
        } else {
            throw new DicomException(first.file.source() + ": " + Tag.describe(Tag.SLICE_THICKNESS)
                    + " is missing and a single slice gives no spacing to use instead");
        }
        // PixelSpacing is row spacing (y) then column spacing (x), PS3.3 10.7.1.3.
        return new Stack(List.copyOf(slices), first.format.rows(), first.format.columns(), spacing[1], spacing[0], z,
                sliceThickness, stackTiltDeg(slices, spacing[1], spacing[0]));
    }

    /**
     * A slice's origin may drift in x or y by this fraction of a pixel from the lowest slice's before the
     * stack is called sheared (positions are written to about 1e-3 mm; a 0.5 degree tilt over 40 slices of
     * 3 mm drifts 1 mm, two pixels).
     */
    public static final double SHEAR_TOLERANCE_PIXELS = 0.05;

    /**
     * 0 for a straight stack; else the largest angle, degrees, between the z axis and the line from the
     * lowest slice's Image Position to another slice's: a gantry-tilted series written as axial images
     * (review8: such a stack was read as straight without a word).
     */
    static double stackTiltDeg(List<Slice> slices, double spacingX, double spacingY) {
        Slice base = slices.get(0);
        boolean sheared = false;
        double tilt = 0;
        for (int i = 1; i < slices.size(); i++) {
            Slice s = slices.get(i);
            double dx = s.x - base.x;
            double dy = s.y - base.y;
            if (Math.abs(dx) > SHEAR_TOLERANCE_PIXELS * spacingX || Math.abs(dy) > SHEAR_TOLERANCE_PIXELS * spacingY) {
                sheared = true;
            }
            tilt = Math.max(tilt, Math.toDegrees(Math.atan2(Math.hypot(dx, dy), s.z - base.z)));
        }
        return sheared ? tilt : 0;
    }

    /**
     * The tilt, degrees, of image planes whose rows run along x and whose columns lean from y towards z
     * (1\0\0\0\cos t\sin t, how a gantry tilt shows in Image Orientation), or 0 for another orientation.
     */
    static double planeTiltDeg(double[] o) {
        boolean rowAlongX = Math.abs(o[0] - 1) <= GEOMETRY_TOLERANCE && Math.abs(o[1]) <= GEOMETRY_TOLERANCE
                && Math.abs(o[2]) <= GEOMETRY_TOLERANCE;
        boolean columnInYz = Math.abs(o[3]) <= GEOMETRY_TOLERANCE && o[4] > Math.cos(Math.toRadians(45))
                && Math.abs(Math.hypot(o[4], o[5]) - 1) <= 1e-3;
        return rowAlongX && columnInYz ? Math.abs(Math.toDegrees(Math.atan2(o[5], o[4]))) : 0;
    }

    private static String describe(Map<String, List<DicomFile>> groups) {
        List<String> parts = new ArrayList<>();
        for (SeriesSummary s : summaries(groups)) {
            parts.add(s.toString());
        }
        return String.join("; ", parts);
    }

    /**
     * The Frame of Reference UID (0020,0052) of series {@code seriesInstanceUid} of {@code folder} (of its
     * first DICOM file by name when null), read from one file; empty when it does not carry one. Two
     * series share a frame of reference when they were acquired (or, for a label map, drawn) in the
     * same patient coordinate system (PS3.3 C.7.4.1).
     */
    public Optional<String> frameOfReferenceUid(Path folder, String seriesInstanceUid) throws DicomException {
        return frameOfReferenceUid(folder, seriesInstanceUid, null);
    }

    /**
     * @param labelMap when the UID is null: the first file that is (true) or is not (false) a label map, as
     *     {@link #readLabels} and {@link #readCt} choose in a folder that holds both; null for the first file
     */
    private Optional<String> frameOfReferenceUid(Path folder, String seriesInstanceUid, Boolean labelMap)
            throws DicomException {
        List<Path> paths;
        try (Stream<Path> list = Files.list(folder)) {
            paths = list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .limit(MAX_FILES + 1L).sorted().toList();
        } catch (IOException e) {
            throw new DicomException(folder + ": cannot list folder: " + e.getMessage(), e);
        }
        for (Path p : paths) {
            if (!DicomReader.looksLikeDicom(p)) {
                continue;
            }
            DataSet ds = reader.read(p).dataSet();
            boolean wanted = seriesInstanceUid == null
                    ? labelMap == null || isLabelMap(ds) == labelMap
                    : seriesInstanceUid.equals(ds.string(Tag.SERIES_INSTANCE_UID).orElse(""));
            if (wanted) {
                return ds.string(Tag.FRAME_OF_REFERENCE_UID).map(String::strip).filter(u -> !u.isEmpty());
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a label map drawn on another scan: when both series carry a Frame of Reference UID and the
     * two differ, a {@link DicomException} saying so (a label map of the same grid but another scan, such
     * as another phantom's labels/, was scored silently: its arteries at the wrong places). When either
     * lacks one, nothing is checked here; the scorer still refuses a label map on another grid.
     */
    public void requireSameFrameOfReference(Path ctFolder, String ctSeriesUid, Path labelFolder) throws DicomException {
        Optional<String> ct = frameOfReferenceUid(ctFolder, ctSeriesUid, false);
        Optional<String> labels = frameOfReferenceUid(labelFolder, null, true);
        if (ct.isPresent() && labels.isPresent() && !ct.get().equals(labels.get())) {
            throw new DicomException(FRAME_MISMATCH + " (" + Tag.describe(Tag.FRAME_OF_REFERENCE_UID) + " " + labels.get()
                    + " in the label map, " + ct.get() + " in the CT); give the label map made with this CT (a phantom's "
                    + "labels/ belong to its own ct/)");
        }
    }

    /** The start of {@link #requireSameFrameOfReference}'s message. */
    public static final String FRAME_MISMATCH = "the label map was made on another scan: its frame of reference is not the CT's";

    private Map<String, List<DicomFile>> group(Path folder) throws DicomException {
        if (!Files.isDirectory(folder)) {
            throw new DicomException(folder + ": not a folder");
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(folder)) {
            paths = list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .limit(MAX_FILES + 1L)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DicomException(folder + ": cannot list folder: " + e.getMessage(), e);
        }
        if (paths.size() > MAX_FILES) {
            throw new DicomException(folder + ": more than " + MAX_FILES + " files; not a single series folder");
        }
        List<Path> dicomPaths = new ArrayList<>();
        long totalBytes = 0;
        for (Path p : paths) {
            if (DicomReader.looksLikeDicom(p)) {
                dicomPaths.add(p);
                try {
                    totalBytes += Files.size(p);
                } catch (IOException e) {
                    throw new DicomException(p + ": cannot read file size: " + e.getMessage(), e);
                }
            }
        }
        if (totalBytes > maxSeriesBytes) {
            throw new DicomException(folder + ": its " + dicomPaths.size() + " DICOM files hold " + totalBytes
                    + " bytes, more than the limit of " + maxSeriesBytes + " bytes for one folder (a third of the"
                    + " Java heap by default; raise -Xmx or split the folder)");
        }
        Map<String, List<DicomFile>> groups = new LinkedHashMap<>();
        for (Path p : dicomPaths) {
            DicomFile f;
            try {
                f = reader.read(p);
            } catch (DicomException e) {
                // one damaged file refuses the series (a score without a slice is not the scan's), but says which
                throw DicomException.damaged(p, e);
            }
            if (DICOMDIR_SOP_CLASS.equals(f.meta().string(Tag.MEDIA_STORAGE_SOP_CLASS_UID).orElse(""))) {
                continue;
            }
            String uid = f.dataSet().requiredString(Tag.SERIES_INSTANCE_UID);
            groups.computeIfAbsent(uid, k -> new ArrayList<>()).add(f);
        }
        if (groups.isEmpty()) {
            throw new DicomException(folder + ": contains no DICOM Part-10 files");
        }
        return groups;
    }
}
