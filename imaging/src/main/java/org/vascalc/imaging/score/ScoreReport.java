package org.vascalc.imaging.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link CalciumScore} as a plain-text table or as JSON. */
public final class ScoreReport {

    private ScoreReport() {
    }

    /** Where the CAC-DRS category stands when there is none: a scan scored without an artery label map. */
    public static final String NO_CATEGORY = "no CAC-DRS category (no artery label map)";

    /** The rule set in one line, e.g. for a report header. */
    public static String describeRules(CalciumScore s) {
        ScoringOptions o = s.options();
        String conn = switch (o.connectivity()) {
            case PLANAR_4 -> "2-D 4-connected";
            case PLANAR_8 -> "2-D 8-connected";
            case VOLUMETRIC_26 -> "3-D 26-connected";
        };
        String gate = o.connectivity() == Connectivity.VOLUMETRIC_26
                ? String.format(Locale.ROOT, "lesion >= %.2f mm3", o.minimumLesionVolumeMm3())
                : String.format(Locale.ROOT, "lesion >= %.2f mm2", o.minimumLesionAreaMm2());
        return String.format(Locale.ROOT, "%s, candidate >= %d HU, %s, %s, %s, c_HA %.3f "
                + ScoringOptions.MASS_CALIBRATION_UNIT,
                o.convention() == ThresholdConvention.AGATSTON_120 ? "Agatston 120-kV rule" : "kV-specific thresholds",
                s.thresholdHu(), gate, conn, o.normaliseToThreeMm() ? "x increment/3 mm" : "no 3-mm normalisation",
                o.massCalibrationMgPerCm3PerHu());
    }

    public static String text(CalciumScore s) {
        return text(s, s.coronaryCategory().map(InternalCacDrs::label).orElse(null));
    }

    /**
     * The text report with a CAC-DRS label from the caller (e.g. the clinical module's full CAC-DRS), or
     * null for none: a scan scored without an artery label map has no coronary category.
     */
    public static String text(CalciumScore s, String cacDrsLabel) {
        return text(s, cacDrsLabel, OptionNames.CLI);
    }

    /** The text report with the internal CAC-DRS label, its notes naming the options by {@code names}. */
    public static String textNaming(CalciumScore s, OptionNames names) {
        return text(s, s.coronaryCategory().map(InternalCacDrs::label).orElse(null), names);
    }

    /**
     * How a report names the scoring options its notes suggest: the command line's flags, or the fields
     * of a page (review8: the /ct page's notes named --convention and --mass-calibration, which it has no
     * field for). Each is the words after "Consider" and "give" in {@link #notes(CalciumScore, OptionNames)}.
     *
     * @param kvSpecific how to choose the kV-specific thresholds
     * @param massCalibration how to give the mass calibration factor c_HA
     */
    public record OptionNames(String kvSpecific, String massCalibration) {
        /** The {@code vascalc score} flags. */
        public static final OptionNames CLI = new OptionNames("--convention kv-specific", "--mass-calibration");
        /**
         * A phantom's report ({@code vascalc phantom}, its score.txt and score.json): that command has no scoring options,
         * so the notes name the score command on the folder (review14: they named --convention there).
         */
        public static final OptionNames PHANTOM = new OptionNames(
                "scoring the folder again with 'vascalc score FOLDER --convention kv-specific'",
                "the c_HA ('vascalc score FOLDER --mass-calibration C')");
    }

    /** The text report, its notes naming the options by {@code names}. */
    public static String text(CalciumScore s, String cacDrsLabel, OptionNames names) {
        StringBuilder sb = new StringBuilder();
        ScanGeometry g = s.geometry();
        sb.append("Coronary artery calcium (").append(describeRules(s)).append(")\n");
        sb.append(String.format(Locale.ROOT, "Scan: %dx%dx%d, pixel %.3fx%.3f mm, increment %.2f mm, %.0f kV%n",
                g.width(), g.height(), g.depth(), g.pixelSpacingXMm(), g.pixelSpacingYMm(), g.sliceIncrementMm(),
                g.kvp()));
        for (String note : notes(s, names)) {
            sb.append("Note: ").append(note).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "Total: Agatston %.1f, volume %.1f mm3, mass %.2f mg, %s%n%n",
                s.agatston(), s.volumeMm3(), s.massMg(), cacDrsLabel == null ? NO_CATEGORY : "CAC-DRS " + cacDrsLabel));
        sb.append(String.format(Locale.ROOT, "%-11s %10s %12s %9s %8s%n", "artery", "Agatston", "volume mm3", "mass mg",
                "lesions"));
        for (Territory t : Territory.values()) {
            VesselScore v = s.vessel(t);
            if (t == Territory.UNLABELLED && v.lesionCount() == 0) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-11s %10.1f %12.1f %9.2f %8d%n", t, v.agatston(), v.volumeMm3(),
                    v.massMg(), v.lesionCount()));
        }
        // "slices" read as a count; it is the slice index (0 = lowest z), the figure's "slice N" (review7)
        sb.append(String.format(Locale.ROOT, "%nLesions (slice: index from the lowest z, 0-based, as in the figure):%n"));
        sb.append(String.format(Locale.ROOT, "%4s %-10s %7s %9s %8s %6s %9s %11s %8s%n", "#", "artery", "slice",
                "area mm2", "peak HU", "weight", "Agatston", "volume mm3", "mass mg"));
        for (Lesion l : s.lesions()) {
            String slices = l.firstSlice() == l.lastSlice() ? Integer.toString(l.firstSlice())
                    : l.firstSlice() + "-" + l.lastSlice();
            sb.append(String.format(Locale.ROOT, "%4d %-10s %7s %9.2f %8d %6d %9.2f %11.2f %8.3f%n", l.id(),
                    l.territory(), slices, l.areaMm2(), l.peakHu(), l.weight(), l.agatston(), l.volumeMm3(),
                    l.massMg()));
        }
        if (s.lesions().isEmpty()) {
            sb.append("  (no lesions)\n");
        }
        return sb.toString();
    }

    /**
     * What the reader must know before using the numbers (the text report prints each as "Note: ...", the
     * JSON as {@code notes}; the JSON had none, so an unlabelled whole-chest total read as a coronary score).
     */
    public static List<String> notes(CalciumScore s) {
        return notes(s, OptionNames.CLI);
    }

    /** The notes, naming the options to change by {@code names}. */
    public static List<String> notes(CalciumScore s, OptionNames names) {
        List<String> notes = new ArrayList<>();
        ScanGeometry g = s.geometry();
        if (s.options().convention() == ThresholdConvention.AGATSTON_120 && Math.abs(g.kvp() - 120) > 0.5) {
            notes.add(String.format(Locale.ROOT, "the 130 HU rule is defined at 120 kV; this scan is at %.0f kV "
                    + "(calcium reads brighter at lower kV). Consider %s.", g.kvp(), names.kvSpecific()));
        }
        if (Math.abs(g.kvp() - 120) > 0.5
                && s.options().massCalibrationMgPerCm3PerHu() == ScoringOptions.DEFAULT_MASS_CALIBRATION) {
            // the mass score is the kV-independent one only with a factor calibrated at the scan's kV
            // (McCollough 2007); the default is a 120-kV example value (review7)
            notes.add(String.format(Locale.ROOT, "the mass uses the default c_HA %.2f "
                    + ScoringOptions.MASS_CALIBRATION_UNIT + ", a 120-kV value; "
                    + "at %.0f kV give %s from a calibration phantom scanned at that kV.",
                    ScoringOptions.DEFAULT_MASS_CALIBRATION, g.kvp(), names.massCalibration()));
        }
        if (g.stackTiltDeg() > 0) {
            // a gantry-tilted series written as axial images (review8): each slice is a true axial image
            notes.add(String.format(Locale.ROOT, "the slices are not stacked straight: their origins drift sideways "
                    + "at %.1f degrees from the z axis (a gantry tilt written as axial images%s). Each slice is a true "
                    + "axial image, so this slice-by-slice score is exact; the figure shows the slices unshifted.",
                    g.stackTiltDeg(), g.gantryTiltDeg() != 0
                            ? String.format(Locale.ROOT, "; the series states a Gantry/Detector Tilt of %.1f degrees",
                                    g.gantryTiltDeg()) : ""));
        } else if (g.gantryTiltDeg() != 0) {
            notes.add(String.format(Locale.ROOT, "the series states a Gantry/Detector Tilt of %.1f degrees, but its "
                    + "orientation and positions describe a straight stack of axial slices: read as written (the "
                    + "scanner presumably corrected the tilt). A slice-by-slice score does not depend on it; if the "
                    + "positions are wrong, 3-D lesions would join the wrong voxels.", g.gantryTiltDeg()));
        }
        if (!s.arteryLabels()) {
            notes.add("scored without an artery label map; every voxel >= threshold counts (bone, valves, "
                    + "noise), so this is not a coronary calcium score until restricted to the arteries.");
        }
        return notes;
    }

    public static String json(CalciumScore s) {
        return json(s, null);
    }

    /** JSON with a provenance line (tool, version, commit) first, as every written file should carry. */
    public static String json(CalciumScore s, String provenance) {
        return json(s, provenance, s.coronaryCategory().map(InternalCacDrs::label).orElse(null));
    }

    /** JSON with provenance and a CAC-DRS label from the caller (null: none, {@code "cacDrs": null}). */
    public static String json(CalciumScore s, String provenance, String cacDrsLabel) {
        return json(s, provenance, cacDrsLabel, OptionNames.CLI);
    }

    /**
     * JSON with provenance and the internal CAC-DRS label, its notes naming the options by {@code names}: a
     * phantom's score.json says what its score.txt says (leftovers17: the JSON still named --convention).
     */
    public static String jsonNaming(CalciumScore s, String provenance, OptionNames names) {
        return json(s, provenance, s.coronaryCategory().map(InternalCacDrs::label).orElse(null), names);
    }

    private static String json(CalciumScore s, String provenance, String cacDrsLabel, OptionNames names) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (provenance != null) {
            root.put("tool", provenance);
        }
        root.put("rules", describeRules(s));
        root.put("options", s.options());
        root.put("geometry", s.geometry());
        root.put("thresholdHu", s.thresholdHu());
        root.put("agatston", s.agatston());
        root.put("volumeMm3", s.volumeMm3());
        root.put("massMg", s.massMg());
        root.put("arteryLabels", s.arteryLabels());
        root.put("cacDrs", cacDrsLabel);
        root.put("notes", notes(s, names));
        Map<String, Object> per = new LinkedHashMap<>();
        for (Territory t : Territory.values()) {
            per.put(t.name(), s.vessel(t));
        }
        root.put("perArtery", per);
        List<Map<String, Object>> lesions = new ArrayList<>();
        for (Lesion l : s.lesions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.id());
            m.put("artery", l.territory().name());
            m.put("firstSlice", l.firstSlice());
            m.put("lastSlice", l.lastSlice());
            m.put("voxels", l.voxelCount());
            m.put("areaMm2", l.areaMm2());
            m.put("peakHu", l.peakHu());
            m.put("weight", l.weight());
            m.put("agatston", l.agatston());
            m.put("volumeMm3", l.volumeMm3());
            m.put("massMg", l.massMg());
            lesions.add(m);
        }
        root.put("lesions", lesions);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the score", e);
        }
    }
}
