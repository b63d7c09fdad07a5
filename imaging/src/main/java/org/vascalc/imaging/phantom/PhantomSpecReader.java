package org.vascalc.imaging.phantom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.FileKind;
import org.vascalc.core.input.InputFileMappers;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.ValidRange;
import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * Reads a phantom spec from YAML or JSON and checks all of it before anything is built: every
 * problem (unknown key, wrong type, value out of range with its unit, a shape in the wrong layer,
 * a deposit running off its artery) is reported at once, by field path. Missing acquisition fields
 * take the {@link AcquisitionSpec#clinical} defaults. A key written with no value ({@code matrix: ~},
 * {@code matrix:}, JSON {@code null}) is an error naming what the key takes, as in every file the command
 * line reads ({@link InputProblem#noValue}): read as the key left out, it ran the default in silence. See
 * {@code examples/phantoms/} for the format.
 */
public final class PhantomSpecReader {

    // strict YAML and JSON (a key given twice, a second document, aliases refused): InputFileMappers
    private static final ObjectMapper YAML = InputFileMappers.YAML;
    private static final ObjectMapper JSON = InputFileMappers.JSON;

    // The ranges live in PhantomSpecCheck, which PhantomSpec's constructor also applies (one set, same messages).
    static final ValidRange KVP = PhantomSpecCheck.KVP;
    static final ValidRange THICKNESS = PhantomSpecCheck.THICKNESS;
    static final ValidRange INCREMENT = PhantomSpecCheck.INCREMENT;
    static final ValidRange PIXEL = PhantomSpecCheck.PIXEL;
    static final ValidRange MATRIX = PhantomSpecCheck.MATRIX;
    static final ValidRange Z = PhantomSpecCheck.Z;
    static final ValidRange FWHM = PhantomSpecCheck.FWHM;
    static final ValidRange NOISE = PhantomSpecCheck.NOISE;
    static final ValidRange SUPERSAMPLING = PhantomSpecCheck.SUPERSAMPLING;
    static final ValidRange HA_CONTRAST = PhantomSpecCheck.HA_CONTRAST;
    static final ValidRange OFFSET = PhantomSpecCheck.OFFSET;
    static final ValidRange MASS = PhantomSpecCheck.MASS;
    static final ValidRange DENSITY = PhantomSpecCheck.DENSITY;
    static final ValidRange ANGLE = PhantomSpecCheck.ANGLE;
    static final int MAX_SLICES = PhantomSpecCheck.MAX_SLICES;

    // in the examples' order, which an unknown key's message lists them in (InputProblem.unknownKey)
    private static final Set<String> TOP = keys("name", "seed", "acquisition", "offsetMm", "lesions");
    private static final Set<String> ACQ = keys("kvp", "sliceThicknessMm", "sliceIncrementMm", "pixelSpacingMm",
            "matrix", "zStartMm", "zEndMm", "psfFwhmMm", "noiseSdHu", "supersampling", "huPerMgCm3");
    private static final Set<String> LESION = keys("artery", "layer", "shape", "massMg", "densityMgPerCm3",
            "positionMm", "angleDeg");

    private static Set<String> keys(String... k) {
        return java.util.Collections.unmodifiableSequencedSet(new java.util.LinkedHashSet<>(List.of(k)));
    }

    private final PhantomParameters k;

    public PhantomSpecReader(PhantomParameters k) {
        this.k = k;
    }

    public PhantomSpecReader() {
        this(PhantomParameters.defaults());
    }

    /** Reads {@code file} (.json as JSON, anything else as YAML). */
    public Result read(Path file) {
        // missing, a folder, unreadable, too large, not UTF-8: in the words of every reader (FileKind)
        String text = FileKind.PHANTOM.readText(file, "phantom spec " + file).text();
        return parse(text, file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"),
                "phantom spec " + file);
    }

    /** Parses spec text; {@code what} names it in the error. */
    public Result parse(String text, boolean json, String what) {
        ObjectMapper mapper = json ? JSON : YAML;
        // a parse error at "(line 6, column 11)": "not valid YAML: ..." as every reader says it (FileKind)
        JsonNode root = FileKind.PHANTOM.readTree(text, json, what);
        InputProblems p = new InputProblems();
        if (root == null || !root.isObject()) {
            p.error("(file)", "must be a mapping with the fields " + TOP);
            p.throwIfErrors(what);
        }
        // a scenario, trial or patient file given as a spec: say that first, before its unknown fields
        java.util.Set<String> keys = new java.util.HashSet<>();
        root.fieldNames().forEachRemaining(keys::add);
        FileKind.otherKind(keys, FileKind.PHANTOM).ifPresent(m -> p.error("(file)", m));
        unknown(root, TOP, "", p);
        String name = "phantom";
        if (given(root, "name", "", "a name of 1-64 letters, digits, '.', '_' or '-' (it names output files), or "
                + "leave the key out for 'phantom'", p)) {
            name = root.get("name").asText();
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                p.error("name", "'" + name + "' must be 1-64 letters, digits, '.', '_' or '-' (it names output files)");
            }
        }
        long seed = 1;
        if (given(root, "seed", "", "the noise's random seed is a whole number, or leave the key out for 1", p)) {
            if (root.get("seed").canConvertToLong() && root.get("seed").isIntegralNumber()) {
                seed = root.get("seed").asLong();
            } else {
                p.error("seed", "must be an integer, got " + root.get("seed"));
            }
        }
        given(root, "acquisition", "", "the scan protocol, a mapping with the fields " + ACQ
                + ", or leave the key out for the clinical protocol's defaults", p);
        AcquisitionSpec a = acquisition(root.get("acquisition"), seed, p);
        given(root, "offsetMm", "", "three numbers [x, y, z] in mm, each from " + OFFSET.allowed()
                + ", or leave the key out for [0, 0, 0]", p);
        double[] offset = offset(root.get("offsetMm"), p);
        CoronaryTree tree = CoronaryTree.standard(k, offset);
        List<LesionSpec> lesions = new ArrayList<>();
        JsonNode ls = root.get("lesions");
        if (!given(root, "lesions", "", "a list of lesions ([] for none), or leave the key out for none", p)) {
            ls = mapper.createArrayNode();
        }
        if (!ls.isArray()) {
            p.error("lesions", "must be a list of lesions");
        } else {
            for (int i = 0; i < ls.size(); i++) {
                LesionSpec l = lesion(ls.get(i), "lesions[" + i + "]", tree, p);
                if (l != null) {
                    lesions.add(l);
                }
            }
        }
        p.throwIfErrors(what);
        return new Result(new PhantomSpec(name, a, offset, lesions), p.warnings());
    }

    /** A spec and the warnings (values outside their typical range) found while reading it. */
    public record Result(PhantomSpec spec, List<InputProblem> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private AcquisitionSpec acquisition(JsonNode n, long seed, InputProblems p) {
        AcquisitionSpec d = AcquisitionSpec.clinical(seed);
        if (n == null || n.isNull()) { // left out, or with no value (named by the caller's given)
            return d;
        }
        if (!n.isObject()) {
            p.error("acquisition", "must be a mapping with the fields " + ACQ);
            return d;
        }
        unknown(n, ACQ, "acquisition.", p);
        double kvp = number(n, "kvp", "acquisition.", d.kvp(), KVP, p);
        double thick = number(n, "sliceThicknessMm", "acquisition.", d.sliceThicknessMm(), THICKNESS, p);
        double inc = number(n, "sliceIncrementMm", "acquisition.", d.sliceIncrementMm(), INCREMENT, p);
        double px = number(n, "pixelSpacingMm", "acquisition.", d.pixelSpacingMm(), PIXEL, p);
        double matrix = number(n, "matrix", "acquisition.", d.matrix(), MATRIX, p);
        double z0 = number(n, "zStartMm", "acquisition.", d.zStartMm(), Z, p);
        double z1 = number(n, "zEndMm", "acquisition.", d.zEndMm(), Z, p);
        double fwhm = number(n, "psfFwhmMm", "acquisition.", d.psfFwhmMm(), FWHM, p);
        double noise = number(n, "noiseSdHu", "acquisition.", d.noiseSdHu(), NOISE, p);
        double ss = number(n, "supersampling", "acquisition.", d.supersampling(), SUPERSAMPLING, p);
        double ha = number(n, "huPerMgCm3", "acquisition.", Double.NaN, HA_CONTRAST, p);
        integral(matrix, "acquisition.matrix", p);
        integral(ss, "acquisition.supersampling", p);
        PhantomSpecCheck.zRange(z0, z1, inc, p);
        return new AcquisitionSpec(kvp, thick, inc, px, (int) matrix, z0, z1, fwhm, noise, (int) ss, seed, ha);
    }

    private static double[] offset(JsonNode n, InputProblems p) {
        double[] o = new double[3];
        if (n == null || n.isNull()) { // left out, or with no value (named by the caller's given)
            return o;
        }
        if (!n.isArray() || n.size() != 3) {
            p.error("offsetMm", "must be a list of three numbers [x, y, z] in mm, got " + n);
            return o;
        }
        for (int i = 0; i < 3; i++) {
            if (!n.get(i).isNumber()) {
                p.error("offsetMm[" + i + "]", "must be a number (mm), got " + n.get(i));
            } else {
                o[i] = n.get(i).asDouble();
                OFFSET.check(o[i], "offsetMm[" + i + "]", p);
            }
        }
        return o;
    }

    private LesionSpec lesion(JsonNode n, String path, CoronaryTree tree, InputProblems p) {
        if (n == null || !n.isObject()) {
            p.error(path, "must be a mapping with the fields " + LESION);
            return null;
        }
        unknown(n, LESION, path + ".", p);
        long before = errors(p);
        CoronaryArtery artery = choice(n, "artery", path, CoronaryArtery.class, p);
        Layer layer = choice(n, "layer", path, Layer.class, p);
        DepositShape shape = choice(n, "shape", path, DepositShape.class, p);
        double mass = number(n, "massMg", path + ".", Double.NaN, MASS, p);
        double density = number(n, "densityMgPerCm3", path + ".", Double.NaN, DENSITY, p);
        double length = artery == null ? 1000 : tree.artery(artery).lengthMm();
        ValidRange position = ValidRange.of("position along the " + (artery == null ? "artery" : artery.name()), "mm",
                0, Math.floor(length * 10) / 10);
        double pos = number(n, "positionMm", path + ".", Double.NaN, position, p);
        double angle = number(n, "angleDeg", path + ".", 0, ANGLE, p);
        requirePresent(n, path, p, "massMg", "densityMgPerCm3", "positionMm", "artery", "layer", "shape");
        if (shape != null && layer != null && shape.layer() != layer) {
            p.error(path + ".shape", "shape " + lower(shape) + " is " + lower(shape.layer()) + "; it cannot be in the "
                    + lower(layer) + " layer (intimal: focal, spotty, sheet, concentric; medial: circumferential, linear)");
        }
        if (errors(p) > before) {
            return null;
        }
        LesionSpec l = new LesionSpec(artery, layer, shape, mass, density, pos, angle);
        Deposit d = Deposit.place(l, tree.artery(artery), k);
        if (d.startMm() < 0 || d.endMm() > length) {
            p.error(path, String.format(Locale.ROOT,
                    "the deposit would run from %.1f to %.1f mm along the %s, outside its 0..%.1f mm; move positionMm "
                    + "or lower massMg / raise densityMgPerCm3", d.startMm(), d.endMm(), artery, length));
            return null;
        }
        return l;
    }

    private static long errors(InputProblems p) {
        return p.all().stream().filter(q -> q.severity() == InputProblem.Severity.ERROR).count();
    }

    private static void requirePresent(JsonNode n, String path, InputProblems p, String... fields) {
        for (String f : fields) {
            if (!n.has(f)) { // one written with no value is named by choice or number, not also as required
                p.error(path + "." + f, "is required");
            }
        }
    }

    private static <E extends Enum<E>> E choice(JsonNode n, String field, String path, Class<E> type, InputProblems p) {
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(type == CoronaryArtery.class ? e.name() : lower(e));
        }
        if (!given(n, field, path + ".", "one of " + allowed, p)) {
            return null;
        }
        String v = n.get(field).asText();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        // a typo gets the guess every reader's names get ("LXC" for LCX), from the one shared helper
        p.error(path + "." + field, "'" + v + "' is not one of " + allowed + EditDistance.didYouMean(v.strip(), allowed));
        return null;
    }

    /**
     * Whether {@code field} has a value: false when left out; false and an error naming what it takes
     * ({@code expected}) when written with no value, which was read as left out and ran the default in silence.
     */
    private static boolean given(JsonNode n, String field, String prefix, String expected, InputProblems p) {
        JsonNode v = n.get(field);
        if (v == null) {
            return false;
        }
        if (v.isNull()) {
            p.add(InputProblem.noValue(prefix + field, field, expected));
            return false;
        }
        return true;
    }

    /** A number in {@code range}: {@code fallback} when left out (a required field's is NaN, named missing after). */
    private static double number(JsonNode n, String field, String prefix, double fallback, ValidRange range,
                                 InputProblems p) {
        String expected = range.field() + " is a number from " + range.allowed();
        if (!Double.isNaN(fallback)) {
            expected += ", or leave the key out for the default (" + ValidRange.fmt(fallback)
                    + (range.unit().isEmpty() ? "" : " " + range.unit()) + ")";
        } else if (field.equals("huPerMgCm3")) {
            expected += ", or leave the key out for the catalog's value at this kV";
        }
        if (!given(n, field, prefix, expected, p)) {
            return fallback;
        }
        JsonNode v = n.get(field);
        if (!v.isNumber()) {
            p.error(prefix + field, range.field() + " must be a number in " + range.unit() + ", got " + v);
            return fallback;
        }
        range.check(v.asDouble(), prefix + field, p);
        return v.asDouble();
    }

    private static void integral(double v, String path, InputProblems p) {
        if (Double.isFinite(v) && v != Math.rint(v)) {
            p.error(path, "must be a whole number, got " + v);
        }
    }

    private static void unknown(JsonNode n, Set<String> allowed, String prefix, InputProblems p) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                p.add(InputProblem.unknownKey(prefix + f, f, allowed));
            }
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
