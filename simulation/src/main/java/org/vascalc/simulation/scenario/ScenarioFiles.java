package org.vascalc.simulation.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.FileKind;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * Reads scenario files (YAML or JSON, the same keys; {@code docs/scenario-format.md}) into
 * {@link Scenario} records. Strict: an unknown key, a wrong type or a value outside its
 * {@link ScenarioRanges range} is an error naming the field's path, the value, its unit and the
 * allowed range, and every problem of a file is reported at once in one
 * {@link InvalidInputException}. Warnings (values outside the typical range) are kept in the
 * returned {@link Loaded} and do not stop the run.
 */
public final class ScenarioFiles {

    /** File syntax, chosen by the file name's extension. */
    public enum Format { YAML, JSON }

    /**
     * A scenario read from a file, with the warnings it raised, the SHA-256 of its bytes (provenance) and
     * its {@code parameters:} map (catalog name to value, in file order; empty without one). The map is
     * only read here, its names and ranges are checked where the catalog is known:
     * {@code ParameterOverrides.applyScenario}, which a caller that runs the scenario must apply.
     */
    public record Loaded(Scenario scenario, List<InputProblem> warnings, String sha256, Map<String, Double> parameters) {
        public Loaded {
            warnings = List.copyOf(warnings);
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        /**
         * The scenario, for a use that runs it on a catalog of its own ({@code user}, e.g. a calibration
         * check): a {@code parameters:} map would be silently unused there, so it is refused.
         */
        public Scenario scenarioWithoutParameters(String user) {
            if (!parameters.isEmpty()) {
                throw new InvalidInputException("scenario " + scenario.name(), InputProblem.error("parameters",
                        user + " runs this scenario on its own parameter catalog and does not apply a parameters: "
                                + "map (" + String.join(", ", parameters.keySet()) + "); remove it"));
            }
            return scenario;
        }

        /** A scenario without a {@code parameters:} map. */
        public Loaded(Scenario scenario, List<InputProblem> warnings, String sha256) {
            this(scenario, warnings, sha256, Map.of());
        }
    }

    private ScenarioFiles() {
    }

    /**
     * Reads and checks a scenario file; throws {@link InvalidInputException} listing every problem. Its
     * {@code recording.outputs} are not checked (the run refuses an unknown id): see {@link #load(Path, Set)}.
     */
    public static Loaded load(Path file) {
        return load(file, Set.of());
    }

    /**
     * {@link #load(Path)}, and each of {@code recording.outputs} must be one of {@code recordable} (the
     * model's {@code SimulatorFactory.recordableIds()}; empty: not checked), so that a typo there is
     * reported with the file's other problems, with the near id, before anything runs.
     */
    public static Loaded load(Path file, Set<String> recordable) {
        FileKind.SCENARIO.refuseFolder(file, "scenario file " + file); // before "unsupported file extension" of its name
        Format format = formatOf(file);
        FileKind.Contents contents = FileKind.SCENARIO.readText(file, "scenario file " + file);
        return parse(contents.text(), format, "scenario file " + file, sha256(contents.bytes()), recordable);
    }

    /** Longest scenario name: it names output files ({@code <name>.trajectory.csv}), which file systems cap at 255 bytes. */
    public static final int MAX_NAME_LENGTH = 100;

    /** Reads scenario text; {@code origin} names it in messages. */
    public static Loaded parse(String text, Format format, String origin) {
        return parse(text, format, origin, Set.of());
    }

    /** {@link #parse(String, Format, String)} with {@code recording.outputs} checked as {@link #load(Path, Set)} does. */
    public static Loaded parse(String text, Format format, String origin, Set<String> recordable) {
        return parse(text, format, origin, sha256(text.getBytes(StandardCharsets.UTF_8)), recordable);
    }

    /**
     * The syntax of a scenario file by its extension: {@code .yaml} or {@code .yml} is YAML,
     * {@code .json} is JSON (any case); any other name is bad input, before the file is read
     * (a {@code .txt} or {@code .csv} passed by mistake is not silently parsed as YAML).
     */
    public static Format formatOf(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".json")) {
            return Format.JSON;
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return Format.YAML;
        }
        throw new InvalidInputException("scenario file " + file, InputProblem.error("(file)",
                "unsupported file extension: " + file + "; a scenario file must end in .yaml, .yml or .json"));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Loaded parse(String text, Format format, String origin, String sha, Set<String> recordable) {
        JsonNode root = FileKind.SCENARIO.readTree(text, format == Format.JSON, origin);
        InputProblems problems = new InputProblems();
        if (root != null && root.isObject()) {
            // a trial, phantom or patient file given where a scenario belongs: say that first, before a dozen
            // unknown keys
            java.util.Set<String> keys = new java.util.HashSet<>();
            root.fieldNames().forEachRemaining(keys::add);
            FileKind.otherKind(keys, FileKind.SCENARIO).ifPresent(m -> problems.error("(file)", m));
        }
        Reader reader = new Reader(problems, recordable);
        Scenario s = reader.scenario(root);
        problems.throwIfErrors(origin);
        return new Loaded(s, problems.warnings(), sha, reader.parameters);
    }

    /**
     * An intervention of another file format that embeds the scenario file's intervention objects
     * (a trial file's arms): read with the same keys, ranges and messages, problems added at {@code path}.
     */
    static Optional<Intervention> intervention(JsonNode node, String path, InputProblems problems) {
        return new Reader(problems, Set.of()).intervention(node, path);
    }

    /** A condition of another file format (a trial file), as {@link #intervention(JsonNode, String, InputProblems)}. */
    static Optional<Condition> condition(JsonNode node, String path, InputProblems problems) {
        return new Reader(problems, Set.of()).condition(node, path);
    }

    /** {@link ScenarioRanges#PTH}'s hard limits alone: its typical range depends on the conditions. */
    private static final ValidRange PTH_HARD = ValidRange.of(ScenarioRanges.PTH.field(), ScenarioRanges.PTH.unit(),
            ScenarioRanges.PTH.hardLow(), ScenarioRanges.PTH.hardHigh());

    /** One pass over the tree; builds records only where the fields it needs were all valid. */
    private static final class Reader {
        private final InputProblems problems;
        /** The top-level {@code parameters:} map, read by {@link #scenario(JsonNode)}. */
        private final Map<String, Double> parameters = new LinkedHashMap<>();

        /** The ids {@code recording.outputs} may name; empty: not checked. */
        private final Set<String> recordable;

        Reader(InputProblems problems, Set<String> recordable) {
            this.problems = problems;
            this.recordable = recordable;
        }

        Scenario scenario(JsonNode root) {
            FieldReader r = FieldReader.of(root, "", problems, ScenarioKeys.SCENARIO);
            if (r == null) {
                return null;
            }
            String name = r.requiredText("name");
            if (!name.isEmpty() && !name.matches("[A-Za-z0-9._-]+")) {
                problems.error("name", "'" + name + "' is used in output file names: use only letters, digits, "
                        + "'.', '_' and '-'");
            } else if (name.length() > MAX_NAME_LENGTH) {
                problems.error("name", "'" + name.substring(0, 20) + "...' is " + name.length() + " characters long; "
                        + "it is used in output file names: use at most " + MAX_NAME_LENGTH + " characters");
            }
            String description = r.text("description", "");
            Patient patient = r.has("patient") ? patient(r.raw("patient"), "patient") : Patient.referenceAdult();
            List<Condition> conditions = new ArrayList<>();
            List<JsonNode> cs = r.list("conditions");
            for (int i = 0; i < cs.size(); i++) {
                condition(cs.get(i), "conditions[" + i + "]").ifPresent(conditions::add);
            }
            List<Intervention> interventions = new ArrayList<>();
            List<JsonNode> is = r.list("interventions");
            for (int i = 0; i < is.size(); i++) {
                intervention(is.get(i), "interventions[" + i + "]").ifPresent(interventions::add);
            }
            if (patient != null && patient.pthPgMl().isPresent() && ScenarioRanges.PTH.allows(patient.pthPgMl().getAsDouble())) {
                ScenarioCheck.pth(patient.pthPgMl().getAsDouble(), ScenarioCheck.onHaemodialysis(conditions),
                        "patient.pthPgMl", problems);
            }
            double duration = r.number("durationDays", ScenarioRanges.DURATION);
            Recording recording = r.has("recording") ? recording(r.raw("recording"), "recording", duration) : null;
            if (!r.has("recording")) {
                problems.error("recording", "missing; say at least how often to record, e.g. recording: {intervalHours: 1}");
            }
            if (r.has("parameters")) {
                parameters(r.raw("parameters"), r.pathOf("parameters"));
            }
            if (problems.hasErrors()) {
                return null;
            }
            return build("", () -> new Scenario(name, description, patient, conditions, interventions, duration,
                    recording)).orElse(null);
        }

        /**
         * {@code parameters: {name: number, ...}}: only the shape is checked here (a map of numbers); the
         * names, units and ranges are the catalog's, checked by {@code ParameterOverrides.applyScenario}.
         */
        void parameters(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                problems.error(path, "expected a map of catalog parameter names to values in the catalog's unit, "
                        + "e.g. parameters: {gutParacellularRate: 0.072} (docs/model/parameters.md), found "
                        + FieldReader.describe(node));
                return;
            }
            node.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isNumber()) {
                    parameters.put(e.getKey(), v.asDouble());
                } else {
                    problems.error(path + "." + e.getKey(), "expected a number in the parameter's catalog unit "
                            + "(docs/model/parameters.md lists units and ranges), found " + FieldReader.describe(v));
                }
            });
        }

        Patient patient(JsonNode node, String path) {
            FieldReader r = FieldReader.of(node, path, problems, ScenarioKeys.PATIENT);
            if (r == null) {
                return null;
            }
            Patient ref = Patient.referenceAdult();
            String id = r.text("id", ref.id());
            double age = r.number("ageYears", ScenarioRanges.AGE, ref.ageYears());
            Sex sex = r.choice("sex", Vocabulary.SEX, false).orElse(ref.sex());
            double weight = r.number("weightKg", ScenarioRanges.WEIGHT, ref.weightKg());
            double height = r.number("heightCm", ScenarioRanges.HEIGHT, ref.heightCm());
            double egfr = r.number("egfrMlPerMin", ScenarioRanges.EGFR, ref.egfrMlPerMin());
            OptionalDouble ca = r.optionalNumber("serumCalciumMmolL", ScenarioRanges.SERUM_CALCIUM);
            OptionalDouble pi = r.optionalNumber("serumPhosphateMmolL", ScenarioRanges.SERUM_PHOSPHATE);
            // the hard limits here; the typical range once the conditions are read (ScenarioCheck#pth: said for
            // a patient on haemodialysis)
            OptionalDouble pth = r.optionalNumber("pthPgMl", PTH_HARD);
            RiskFactors risk = r.has("risk") ? risk(r.raw("risk"), r.pathOf("risk")) : ref.risk();
            return risk == null ? null : new Patient(id, age, sex, weight, height, egfr, ca, pi, pth, risk);
        }

        RiskFactors risk(JsonNode node, String path) {
            FieldReader r = FieldReader.of(node, path, problems, ScenarioKeys.RISK);
            if (r == null) {
                return null;
            }
            RiskFactors t = RiskFactors.typical();
            double tc = r.number("totalCholesterolMgDl", ScenarioRanges.TOTAL_CHOLESTEROL, t.totalCholesterolMgDl());
            double hdl = r.number("hdlCholesterolMgDl", ScenarioRanges.HDL, t.hdlCholesterolMgDl());
            double sbp = r.number("systolicBpMmHg", ScenarioRanges.SYSTOLIC, t.systolicBpMmHg());
            double dbp = r.number("diastolicBpMmHg", ScenarioRanges.DIASTOLIC, t.diastolicBpMmHg());
            boolean smoker = r.bool("smoker", t.smoker());
            boolean diabetes = r.bool("diabetes", t.diabetes());
            double crp = r.number("hsCrpMgL", ScenarioRanges.HS_CRP, t.hsCrpMgL());
            if (dbp >= sbp) {
                problems.error(r.pathOf("diastolicBpMmHg"), "diastolic blood pressure = " + dbp
                        + " mmHg must be below systolic (" + sbp + " mmHg)");
            }
            return new RiskFactors(tc, hdl, sbp, dbp, smoker, diabetes, crp);
        }

        Optional<Condition> condition(JsonNode node, String path) {
            String type = typeOf(node, path, ScenarioKeys.CONDITIONS.keySet());
            if (type == null) {
                return Optional.empty();
            }
            FieldReader r = FieldReader.of(node, path, problems, ScenarioKeys.CONDITIONS.get(type));
            return switch (type) {
                case "kidneyFunctionCourse" -> {
                    List<JsonNode> ps = r.list("points");
                    if (ps.isEmpty()) {
                        problems.error(r.pathOf("points"), "a kidney function course needs at least one "
                                + "{years, egfrMlPerMin} point");
                    }
                    List<Condition.GfrPoint> points = new ArrayList<>();
                    double lastYears = -1;
                    for (int i = 0; i < ps.size(); i++) {
                        String p = r.pathOf("points") + "[" + i + "]";
                        FieldReader pr = FieldReader.of(ps.get(i), p, problems, ScenarioKeys.GFR_POINT);
                        if (pr == null) {
                            continue;
                        }
                        double y = pr.number("years", ScenarioRanges.COURSE_YEARS);
                        double g = pr.number("egfrMlPerMin", ScenarioRanges.EGFR);
                        if (y <= lastYears) {
                            problems.error(pr.pathOf("years"), "years = " + y + " must be later than the previous "
                                    + "point's (" + lastYears + " years)");
                        }
                        lastYears = Double.isNaN(y) ? lastYears : y;
                        if (!Double.isNaN(y) && !Double.isNaN(g)) {
                            points.add(new Condition.GfrPoint(y, g));
                        }
                    }
                    yield points.size() == ps.size() && !points.isEmpty()
                            ? build(path, () -> (Condition) new Condition.KidneyFunctionCourse(points)) : Optional.empty();
                }
                case "ckdStage" -> r.choice("stage", Vocabulary.CKD_STAGE, true)
                        .<Condition>map(Condition.KidneyFunctionCourse::stage);
                case "haemodialysis" -> {
                    OptionalDouble dialysateCa = r.optionalNumber("dialysateCalciumMmolL", ScenarioRanges.DIALYSATE_CALCIUM);
                    OptionalDouble residualGfr = r.optionalNumber("residualGfrMlPerMin", ScenarioRanges.RESIDUAL_GFR);
                    yield dialysateCa.isPresent() && !ScenarioRanges.DIALYSATE_CALCIUM.allows(dialysateCa.getAsDouble())
                            || residualGfr.isPresent() && !ScenarioRanges.RESIDUAL_GFR.allows(residualGfr.getAsDouble())
                            ? Optional.empty() : Optional.of(new Condition.Haemodialysis(dialysateCa, residualGfr));
                }
                case "diabetes" -> Optional.of(new Condition.Diabetes());
                default -> throw new IllegalStateException("condition type " + type + " not handled");
            };
        }

        Optional<Intervention> intervention(JsonNode node, String path) {
            String type = typeOf(node, path, ScenarioKeys.INTERVENTIONS.keySet());
            if (type == null) {
                return Optional.empty();
            }
            FieldReader r = FieldReader.of(node, path, problems, ScenarioKeys.INTERVENTIONS.get(type));
            Schedule schedule = schedule(r);
            int before = problems.all().size();
            Intervention iv = switch (type) {
                case "dietaryCalcium" -> new Intervention.DietaryCalcium(
                        r.number("mgPerMeal", ScenarioRanges.DIETARY_CALCIUM), schedule);
                case "calciumDrink" -> new Intervention.CalciumDrink(
                        r.number("mgPerDrink", ScenarioRanges.DRINK_CALCIUM), schedule);
                case "calciumSupplement" -> new Intervention.CalciumSupplement(
                        r.number("elementalMgPerDose", ScenarioRanges.SUPPLEMENT_CALCIUM),
                        r.choice("salt", Vocabulary.CALCIUM_SALT, true).orElse(null),
                        requiredBool(r, "withFood"), schedule);
                case "dietaryPhosphate" -> new Intervention.DietaryPhosphate(
                        r.number("mgPhosphorusPerMeal", ScenarioRanges.DIETARY_PHOSPHORUS), schedule);
                case "vitaminK" -> new Intervention.VitaminK(
                        r.choice("form", Vocabulary.VITAMIN_K_FORM, true).orElse(null),
                        r.number("microgramsPerDose", ScenarioRanges.VITAMIN_K), schedule);
                case "warfarin" -> new Intervention.Warfarin(r.number("mgPerDose", ScenarioRanges.WARFARIN), schedule);
                case "phosphateBinder" -> new Intervention.PhosphateBinder(
                        r.choice("kind", Vocabulary.BINDER, true).orElse(null),
                        r.number("mgPerDose", ScenarioRanges.BINDER), schedule);
                case "statin" -> new Intervention.Statin(
                        r.choice("intensity", Vocabulary.STATIN, true).orElse(null), schedule);
                default -> throw new IllegalStateException("intervention type " + type + " not handled");
            };
            boolean fine = schedule != null && problems.all().stream().skip(before)
                    .noneMatch(p -> p.severity() == InputProblem.Severity.ERROR);
            return fine ? Optional.of(iv) : Optional.empty();
        }

        private boolean requiredBool(FieldReader r, String key) {
            if (!r.hasRequired(key, "say true (taken with a meal) or false (fasting)") && !r.writtenEmpty(key)) {
                problems.error(r.pathOf(key), "missing; say true (taken with a meal) or false (fasting)");
            }
            return r.bool(key, false);
        }

        Schedule schedule(FieldReader parent) {
            String path = parent.pathOf("schedule");
            if (!parent.hasRequired("schedule", "e.g. schedule: {clockHours: [8]} (every day from day 0)")) {
                if (!parent.writtenEmpty("schedule")) {
                    problems.error(path, "missing; e.g. schedule: {clockHours: [8]} (every day from day 0)");
                }
                return null;
            }
            FieldReader r = FieldReader.of(parent.raw("schedule"), path, problems, ScenarioKeys.SCHEDULE);
            if (r == null) {
                return null;
            }
            int before = problems.all().size();
            double start = r.number("startDay", ScenarioRanges.START_DAY, 0);
            double stop = r.number("stopDay", ScenarioRanges.STOP_DAY, Double.POSITIVE_INFINITY);
            if (stop <= start) {
                problems.error(r.pathOf("stopDay"), "schedule stop = " + stop + " days must be after its start ("
                        + start + " days)");
            }
            List<Double> hours = new ArrayList<>();
            List<JsonNode> hs = r.list("clockHours");
            if (hs.isEmpty()) {
                problems.error(r.pathOf("clockHours"), "give at least one clock hour in [0, 24) h, e.g. [8, 13, 19]");
            }
            for (int i = 0; i < hs.size(); i++) {
                String at = r.pathOf("clockHours") + "[" + i + "]";
                double h = r.checkNumber(hs.get(i), at, ScenarioRanges.CLOCK_HOUR);
                if (!hours.isEmpty() && h <= hours.get(hours.size() - 1)) {
                    problems.error(at, "clock hour = " + h + " h must come after the previous one ("
                            + hours.get(hours.size() - 1) + " h): list each intake once, in order");
                }
                hours.add(h);
            }
            List<Integer> days = new ArrayList<>();
            if (r.has("daysOfWeek")) {
                List<JsonNode> ds = r.list("daysOfWeek");
                for (int i = 0; i < ds.size(); i++) {
                    String at = r.pathOf("daysOfWeek") + "[" + i + "]";
                    double d = r.checkNumber(ds.get(i), at, ScenarioRanges.DAY_OF_WEEK);
                    if (!Double.isNaN(d) && d != Math.rint(d)) {
                        problems.error(at, "day of week = " + d + " must be a whole number 0..6");
                    } else if (!days.isEmpty() && d <= days.get(days.size() - 1)) {
                        problems.error(at, "day of week = " + (int) d + " must come after the previous one");
                    }
                    days.add((int) d);
                }
                if (ds.isEmpty()) {
                    problems.error(r.pathOf("daysOfWeek"), "give at least one day of week 0..6 (or omit it for every day)");
                }
            } else {
                days.addAll(Schedule.EVERY_DAY);
            }
            boolean fine = problems.all().stream().skip(before).noneMatch(p -> p.severity() == InputProblem.Severity.ERROR);
            return fine ? build(path, () -> new Schedule(start, stop, hours, days)).orElse(null) : null;
        }

        Recording recording(JsonNode node, String path, double durationDays) {
            FieldReader r = FieldReader.of(node, path, problems, ScenarioKeys.RECORDING);
            if (r == null) {
                return null;
            }
            List<String> outputs = new ArrayList<>();
            List<JsonNode> os = r.list("outputs");
            // the model's ids, when the caller gave them: a typo is found here, with the file's other problems
            RecordingOutputs known = recordable.isEmpty() ? null
                    : new RecordingOutputs(recordable, r.pathOf("outputs"), problems);
            for (int i = 0; i < os.size(); i++) {
                JsonNode o = os.get(i);
                if (!o.isTextual() || o.asText().isBlank()) {
                    problems.error(r.pathOf("outputs") + "[" + i + "]", "expected an output id such as "
                            + "serumCalciumTotal, found " + FieldReader.describe(o));
                } else {
                    outputs.add(o.asText());
                    if (known != null) {
                        known.check(i, o.asText());
                    }
                }
            }
            double interval = r.number("intervalHours", ScenarioRanges.INTERVAL);
            double fine = r.number("fineIntervalHours", ScenarioRanges.INTERVAL, interval);
            double from = r.number("fineFromDay", ScenarioRanges.FINE_DAY, 0);
            double to = r.number("fineToDay", ScenarioRanges.FINE_DAY, r.has("fineIntervalHours") ? durationDays : 0);
            if (to < from) {
                problems.error(r.pathOf("fineToDay"), "fine-recording window end = " + to
                        + " days must not be before its start (" + from + " days)");
            }
            if (Double.isNaN(interval) || Double.isNaN(fine) || to < from) {
                return null;
            }
            return build(path, () -> new Recording(outputs, interval, fine, from, to)).orElse(null);
        }

        private String typeOf(JsonNode node, String path, Set<String> kinds) {
            if (node == null || !node.isObject()) {
                problems.error(path, "expected an object with a 'type' (one of " + kinds + "), found "
                        + FieldReader.describe(node));
                return null;
            }
            JsonNode t = node.get("type");
            if (t == null || !t.isTextual() || !kinds.contains(t.asText())) {
                problems.error(path + ".type", "expected one of " + kinds + ", found " + FieldReader.describe(t)
                        + (t != null && t.isTextual() ? EditDistance.didYouMean(t.asText(), kinds) : ""));
                return null;
            }
            return t.asText();
        }

        /**
         * Builds a record whose fields were checked; a constructor's own invariant (which the checks
         * above should already cover) still becomes a located problem rather than a stack trace.
         */
        private <T> Optional<T> build(String path, Supplier<T> make) {
            try {
                return Optional.of(make.get());
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.error(path.isEmpty() ? "(top level)" : path, e.getMessage());
                return Optional.empty();
            }
        }
    }
}
