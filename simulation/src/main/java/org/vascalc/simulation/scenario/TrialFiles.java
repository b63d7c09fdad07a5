package org.vascalc.simulation.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.FileKind;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.trial.BaselineLabs;
import org.vascalc.simulation.trial.TrialSpec;
import org.vascalc.simulation.trial.Vintage;

/**
 * Reads trial files ({@code examples/trials/<key>.yaml}, format in docs/trials.md) into
 * {@link TrialSpec} records. Strict like {@link ScenarioFiles}, whose intervention and condition
 * objects an arm embeds unchanged: an unknown key, a wrong type, a value outside its range or an
 * unknown name (population, measure, output, arm) is an error naming the field's path and the
 * allowed values, and every problem of a file is reported at once.
 */
public final class TrialFiles {

    /** Where the published trials live, relative to the checkout. */
    public static final String FOLDER = "examples/trials";

    static final Set<String> TRIAL = keys("title", "citation", "design", "population", "inclusion", "conditions",
            "vintageYears", "baselineLabs", "years", "arms", "outcomes", "mapping");
    static final Set<String> INCLUSION = keys("sex", "ageYears", "egfrMlPerMin", "baselineCacAgatston", "noStatin",
            "diabetes", "vitaminKIntakeUgPerDay", "serumPhosphateMmolPerL", "baselinePwvMPerS");
    static final Set<String> RANGE = keys("low", "high");
    /** The labs a {@code baselineLabs} block may state: the scenario patient's keys, units in the names. */
    static final Set<String> BASELINE_LABS = keys("serumCalciumMmolL", "serumPhosphateMmolL", "pthPgMl");
    static final Set<String> LAB_DISTRIBUTION = keys("mean", "sd");
    static final Set<String> ARM = keys("label", "description", "interventions");
    static final Set<String> OUTCOME = keys("name", "output", "measure", "threshold", "arm", "published",
            "whyOutside");
    static final Set<String> PUBLISHED = keys("value", "low", "high", "locator", "otherForm");

    /** The outputs an outcome may read, with their units (the model's output ids). */
    public static final Map<String, String> OUTPUTS = ordered(
            "cacAgatston", "AU", "cacIntimalMass", "mg", "cacMedialMass", "mg", "pwv", "m/s", "sbp", "mmHg",
            "dpUcMgp", "pmol/L", "t50", "min", "wall.hazardMi", "1", "wall.hazardStroke", "1", "wall.hazardHf", "1",
            "wall.hazardCvDeath", "1", "wall.leg.medialMineral", "mg", "wall.leg.macroCalcium", "mg",
            "serumPhosphate", "mmol/L");

    static final ValidRange YEARS = ValidRange.of("follow-up", "years", 0.05, 40);
    static final ValidRange VINTAGE = ValidRange.of("time on the conditions before randomisation", "years", 0,
            Vintage.MAX_YEARS);
    static final ValidRange CAC = ValidRange.of("baseline Agatston score", "AU", 0, 10000);
    static final ValidRange VITAMIN_K_INTAKE = ValidRange.of("usual dietary vitamin K intake", "ug/d", 0, 5000);
    /** Aortic PWV at baseline: 3 m/s is below a young adult's (about 5), 30 above the stiffest reported. */
    static final ValidRange BASELINE_PWV = ValidRange.of("baseline pulse wave velocity", "m/s", 3, 30);
    /**
     * The SD of a trial's baseline lab: 0 (every member the mean) up to a spread no baseline table reports
     * (calcium's SD in dialysis cohorts is about 0.15-0.2 mmol/L, phosphate's 0.4-0.5, PTH's of the order of its
     * mean); the upper ends catch a unit slip (mg/dL, pmol/L) rather than an unusual trial.
     */
    static final ValidRange CALCIUM_SD = ValidRange.of("SD of serum total calcium", "mmol/L", 0, 1);
    static final ValidRange PHOSPHATE_SD = ValidRange.of("SD of serum phosphate", "mmol/L", 0, 1.5);
    static final ValidRange PTH_SD = ValidRange.of("SD of intact PTH", "pg/mL", 0, 3000);
    static final ValidRange EFFECT = ValidRange.of("published effect", "", -1e6, 1e6);
    static final ValidRange THRESHOLD = ValidRange.of("threshold", "", -1e6, 1e6);

    private TrialFiles() {
    }

    /** The trial keys in {@code folder} (file names without .yaml), sorted, each with its file. */
    public static Map<String, Path> catalog(Path folder) {
        Map<String, Path> out = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.yaml")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                out.put(n.substring(0, n.length() - ".yaml".length()), p);
            }
        } catch (IOException e) {
            throw new InvalidInputException("trial folder " + folder,
                    InputProblem.error("(folder)", "cannot list " + folder + ": " + e.getMessage()));
        }
        return out;
    }

    /** Reads and checks a trial file; its key is the file name without extension. */
    public static TrialSpec load(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        FileKind.TRIAL.refuseFolder(file, "trial file " + file); // before "unsupported file extension" of its name
        if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
            throw new InvalidInputException("trial file " + file, InputProblem.error("(file)",
                    "unsupported file extension: " + file + "; a trial file must end in .yaml or .yml"));
        }
        String text = FileKind.TRIAL.readText(file, "trial file " + file).text();
        return parse(text, n.substring(0, n.lastIndexOf('.')), "trial file " + file);
    }

    /** Reads trial text; {@code key} names the trial, {@code origin} the text in messages. */
    public static TrialSpec parse(String text, String key, String origin) {
        JsonNode root = FileKind.TRIAL.readTree(text, false, origin);
        InputProblems problems = new InputProblems();
        if (root != null && root.isObject()) {
            // a scenario, phantom or patient file given where a trial file belongs: say that first, before a
            // dozen unknown keys
            java.util.Set<String> keys = new java.util.HashSet<>();
            root.fieldNames().forEachRemaining(keys::add);
            FileKind.otherKind(keys, FileKind.TRIAL).ifPresent(m -> problems.error("(file)", m));
        }
        TrialSpec spec = new Reader(problems).trial(root, key);
        problems.throwIfErrors(origin);
        return spec;
    }

    private static final class Reader {
        private final InputProblems problems;

        Reader(InputProblems problems) {
            this.problems = problems;
        }

        TrialSpec trial(JsonNode root, String key) {
            FieldReader r = FieldReader.of(root, "", problems, TRIAL);
            if (r == null) {
                return null;
            }
            String title = r.requiredText("title");
            String citation = r.requiredText("citation");
            String design = r.requiredText("design");
            String mapping = r.requiredText("mapping");
            Population population = population(r);
            TrialSpec.Inclusion inclusion = r.has("inclusion") ? inclusion(r.raw("inclusion"), r.pathOf("inclusion"))
                    : TrialSpec.Inclusion.everyone();
            List<Condition> conditions = new ArrayList<>();
            List<JsonNode> cs = r.list("conditions");
            for (int i = 0; i < cs.size(); i++) {
                ScenarioFiles.condition(cs.get(i), "conditions[" + i + "]", problems).ifPresent(conditions::add);
            }
            Vintage vintage = vintage(r, conditions.isEmpty() && cs.isEmpty());
            BaselineLabs labs = baselineLabs(r);
            double years = r.number("years", YEARS);
            List<TrialSpec.Arm> arms = new ArrayList<>();
            List<JsonNode> as = r.list("arms");
            if (as.size() < 2) {
                problems.error("arms", "give at least two arms (the first is the control), found " + as.size());
            }
            Set<String> labels = new LinkedHashSet<>();
            for (int i = 0; i < as.size(); i++) {
                TrialSpec.Arm a = arm(as.get(i), "arms[" + i + "]");
                if (a != null && !labels.add(a.label())) {
                    problems.error("arms[" + i + "].label", "'" + a.label() + "' names another arm already");
                }
                arms.add(a);
            }
            List<TrialSpec.Outcome> outcomes = new ArrayList<>();
            List<JsonNode> os = r.list("outcomes");
            if (os.isEmpty()) {
                problems.error("outcomes", "give at least one outcome");
            }
            // the arms an outcome may name, as labelled in the file also where the arm has problems of its own (its
            // interventions): an outcome naming it is not wrong; an arm without a usable label is named by its place
            // (review11: "expected one of the arms compared with the control [], found 'mk7'" after a misspelt label)
            List<String> treated = new ArrayList<>();
            List<String> unlabelled = new ArrayList<>();
            for (int i = 1; i < as.size(); i++) {
                JsonNode l = as.get(i).isObject() ? as.get(i).get("label") : null;
                if (l != null && l.isTextual() && !l.asText().isEmpty()) {
                    treated.add(l.asText());
                } else {
                    unlabelled.add("arms[" + i + "]");
                }
            }
            for (int i = 0; i < os.size(); i++) {
                outcomes.add(outcome(os.get(i), "outcomes[" + i + "]", treated, unlabelled));
            }
            if (problems.hasErrors()) {
                return null;
            }
            try {
                return new TrialSpec(key, title, citation, design, population, inclusion, conditions, years, arms,
                        outcomes, mapping, vintage, labs);
            } catch (IllegalArgumentException | NullPointerException e) {
                // a check's own words; an NPE of Objects.requireNonNull may have none (hostile: it then threw again here)
                problems.error("(top level)", e.getMessage() != null ? e.getMessage() : "incomplete (" + e + ")");
                return null;
            }
        }

        /**
         * {@code vintageYears}: one number (every member) or {@code {low, high}} (uniform per member), years;
         * absent: no vintage. Null (and an error) if invalid.
         */
        private Vintage vintage(FieldReader r, boolean noConditions) {
            if (!r.has("vintageYears")) {
                return Vintage.NONE;
            }
            String path = r.pathOf("vintageYears");
            JsonNode n = r.raw("vintageYears");
            Vintage v;
            if (n != null && n.isObject()) {
                FieldReader vr = FieldReader.of(n, path, problems, RANGE);
                if (vr == null) {
                    return null;
                }
                OptionalDouble lo = vr.optionalNumber("low", VINTAGE);
                OptionalDouble hi = vr.optionalNumber("high", VINTAGE);
                if (lo.isEmpty() || hi.isEmpty()) {
                    problems.error(path, "give both low and high (years), or one number for every member");
                    return null;
                }
                if (Double.isNaN(lo.getAsDouble()) || Double.isNaN(hi.getAsDouble())) {
                    return null;
                }
                if (lo.getAsDouble() > hi.getAsDouble()) {
                    problems.error(vr.pathOf("low"), "low = " + ValidRange.fmt(lo.getAsDouble())
                            + " years is above high = " + ValidRange.fmt(hi.getAsDouble()) + " years");
                    return null;
                }
                v = new Vintage(lo.getAsDouble(), hi.getAsDouble());
            } else {
                double y = r.number("vintageYears", VINTAGE);
                if (Double.isNaN(y)) {
                    return null;
                }
                v = Vintage.fixed(y);
            }
            if (!v.isNone() && noConditions) {
                problems.error(path, "a vintage is time on the trial's conditions before randomisation, but "
                        + "conditions is empty; give a condition (e.g. [{type: haemodialysis}]) or leave vintageYears out");
                return null;
            }
            return v;
        }

        /**
         * {@code baselineLabs}: the members' labs from the trial's baseline table, each {@code {mean, sd}} in the
         * unit its key names; absent: the population's labs. Null (and an error) if invalid.
         */
        private BaselineLabs baselineLabs(FieldReader parent) {
            if (!parent.has("baselineLabs")) {
                return BaselineLabs.NONE;
            }
            FieldReader r = FieldReader.of(parent.raw("baselineLabs"), parent.pathOf("baselineLabs"), problems,
                    BASELINE_LABS);
            if (r == null) {
                return null;
            }
            Optional<BaselineLabs.Lab> ca = lab(r, "serumCalciumMmolL", ScenarioRanges.SERUM_CALCIUM, CALCIUM_SD, false);
            Optional<BaselineLabs.Lab> po4 = lab(r, "serumPhosphateMmolL", ScenarioRanges.SERUM_PHOSPHATE, PHOSPHATE_SD,
                    false);
            Optional<BaselineLabs.Lab> pth = lab(r, "pthPgMl", ScenarioRanges.PTH, PTH_SD, true);
            if (ca == null || po4 == null || pth == null) {
                return null;
            }
            BaselineLabs labs = new BaselineLabs(ca, po4, pth);
            if (labs.isNone()) {
                problems.error(r.path(), "give at least one of " + String.join(", ", BASELINE_LABS)
                        + " (or leave baselineLabs out)");
                return null;
            }
            return labs;
        }

        /** One lab's {@code {mean, sd}}: empty if absent, null (and an error) if invalid. */
        private Optional<BaselineLabs.Lab> lab(FieldReader parent, String key, ValidRange valid, ValidRange sdRange,
                                               boolean logNormal) {
            if (!parent.has(key)) {
                return Optional.empty();
            }
            FieldReader r = FieldReader.of(parent.raw(key), parent.pathOf(key), problems, LAB_DISTRIBUTION);
            if (r == null) {
                return null;
            }
            double mean = r.number("mean", valid);
            double sd = r.number("sd", sdRange);
            if (Double.isNaN(mean) || Double.isNaN(sd)) {
                return null;
            }
            if (logNormal && !(mean > 0)) {
                problems.error(r.pathOf("mean"), valid.field() + " mean = " + ValidRange.fmt(mean) + " " + valid.unit()
                        + ": a log-normal lab needs a mean above 0");
                return null;
            }
            // draws are kept within the lab's hard limits, so every member is a patient the model accepts
            return Optional.of(new BaselineLabs.Lab(mean, sd, valid.hardLow(), valid.hardHigh(), logNormal));
        }

        private Population population(FieldReader r) {
            List<String> allowed = Arrays.stream(Population.values()).map(Population::label).toList();
            String p = r.requiredText("population");
            for (Population v : Population.values()) {
                if (v.label().equalsIgnoreCase(p.strip())) {
                    return v;
                }
            }
            if (!p.isEmpty()) {
                problems.error("population", "expected one of " + allowed + ", found '" + p + "'"
                        + EditDistance.didYouMean(p.strip(), allowed));
            }
            return null;
        }

        TrialSpec.Inclusion inclusion(JsonNode node, String path) {
            FieldReader r = FieldReader.of(node, path, problems, INCLUSION);
            if (r == null) {
                return null;
            }
            Optional<Sex> sex = r.choice("sex", Vocabulary.SEX, false);
            TrialSpec.Range age = range(r, "ageYears", ScenarioRanges.AGE);
            TrialSpec.Range egfr = range(r, "egfrMlPerMin", ScenarioRanges.EGFR);
            TrialSpec.Range cac = range(r, "baselineCacAgatston", CAC);
            boolean noStatin = r.bool("noStatin", false);
            Optional<Boolean> diabetes = r.has("diabetes") ? Optional.of(r.bool("diabetes", false)) : Optional.empty();
            TrialSpec.Range vitaminK = range(r, "vitaminKIntakeUgPerDay", VITAMIN_K_INTAKE);
            TrialSpec.Range phosphate = range(r, "serumPhosphateMmolPerL", ScenarioRanges.SERUM_PHOSPHATE);
            TrialSpec.Range pwv = range(r, "baselinePwvMPerS", BASELINE_PWV);
            return age == null || egfr == null || cac == null || vitaminK == null || phosphate == null || pwv == null
                    ? null : new TrialSpec.Inclusion(sex, age, egfr, cac, noStatin, diabetes, vitaminK, phosphate, pwv);
        }

        private TrialSpec.Range range(FieldReader parent, String key, ValidRange valid) {
            if (!parent.has(key)) {
                return TrialSpec.Range.ANY;
            }
            FieldReader r = FieldReader.of(parent.raw(key), parent.pathOf(key), problems, RANGE);
            if (r == null) {
                return null;
            }
            OptionalDouble lo = r.optionalNumber("low", valid);
            OptionalDouble hi = r.optionalNumber("high", valid);
            if (lo.isPresent() && hi.isPresent() && lo.getAsDouble() > hi.getAsDouble()) {
                // the field and its unit, as the range messages say them ("low = 55.0 is above high = 45.0" had neither; review16)
                String unit = valid.unit().isEmpty() || "1".equals(valid.unit()) ? "" : " " + valid.unit();
                problems.error(r.pathOf("low"), valid.field() + " low = " + ValidRange.fmt(lo.getAsDouble()) + unit
                        + " is above high = " + ValidRange.fmt(hi.getAsDouble()) + unit);
                return null;
            }
            if (lo.isEmpty() && hi.isEmpty()) {
                problems.error(r.path(), "give low, high or both (or leave " + key + " out)");
                return null;
            }
            boolean bad = lo.isPresent() && Double.isNaN(lo.getAsDouble()) || hi.isPresent() && Double.isNaN(hi.getAsDouble());
            return bad ? null : new TrialSpec.Range(lo, hi);
        }

        TrialSpec.Arm arm(JsonNode node, String path) {
            FieldReader r = FieldReader.of(node, path, problems, ARM);
            if (r == null) {
                return null;
            }
            String label = r.requiredText("label");
            if (!label.isEmpty() && !label.matches("[A-Za-z0-9+._-]+")) {
                problems.error(r.pathOf("label"), "'" + label + "' is used in tables: use only letters, digits, "
                        + "'+', '.', '_' and '-'");
            }
            String description = r.requiredText("description");
            List<Intervention> ivs = new ArrayList<>();
            List<JsonNode> is = r.list("interventions");
            for (int i = 0; i < is.size(); i++) {
                ScenarioFiles.intervention(is.get(i), r.pathOf("interventions") + "[" + i + "]", problems)
                        .ifPresent(ivs::add);
            }
            return label.isEmpty() ? null : new TrialSpec.Arm(label, description, ivs);
        }

        TrialSpec.Outcome outcome(JsonNode node, String path, List<String> treatedArms, List<String> unlabelled) {
            FieldReader r = FieldReader.of(node, path, problems, OUTCOME);
            if (r == null) {
                return null;
            }
            String name = r.requiredText("name");
            String output = r.requiredText("output");
            if (!output.isEmpty() && !OUTPUTS.containsKey(output)) {
                problems.error(r.pathOf("output"), "expected one of " + OUTPUTS.keySet() + ", found '" + output + "'"
                        + EditDistance.didYouMean(output, OUTPUTS.keySet()));
            }
            String m = r.requiredText("measure");
            TrialSpec.Measure measure = null;
            for (TrialSpec.Measure v : TrialSpec.Measure.values()) {
                if (v.spelling().equalsIgnoreCase(m.strip())) {
                    measure = v;
                }
            }
            if (measure == null && !m.isEmpty()) {
                List<String> measures = Arrays.stream(TrialSpec.Measure.values()).map(TrialSpec.Measure::spelling).toList();
                problems.error(r.pathOf("measure"), "expected one of " + measures + ", found '" + m + "'"
                        + EditDistance.didYouMean(m, measures));
            }
            if (measure == TrialSpec.Measure.HAZARD_RATIO && !output.isEmpty() && !output.startsWith("wall.hazard")) {
                problems.error(r.pathOf("output"), "a hazardRatio needs a cumulative-hazard output (wall.hazardMi, "
                        + "wall.hazardStroke, wall.hazardHf, wall.hazardCvDeath), found '" + output + "'");
            }
            double threshold = Double.NaN;
            if (measure != null && measure.takesThreshold()) {
                threshold = r.number("threshold", THRESHOLD);
            } else if (r.has("threshold")) {
                problems.error(r.pathOf("threshold"), "only an endOddsRatio or an endRiskRatio takes a threshold");
            }
            String arm = r.has("arm") ? r.text("arm", "") : treatedArms.isEmpty() ? "" : treatedArms.get(0);
            if (!arm.isEmpty() && !treatedArms.contains(arm)) {
                problems.error(r.pathOf("arm"), "expected one of the arms compared with the control " + treatedArms
                        + ", found '" + arm + "'" + EditDistance.didYouMean(arm, treatedArms)
                        + (unlabelled.isEmpty() ? "" : "; " + String.join(", ", unlabelled) + " has no label to name"));
            }
            TrialSpec.Published published = r.has("published") ? published(r.raw("published"), r.pathOf("published"))
                    : null;
            if (!r.has("published")) {
                problems.error(r.pathOf("published"), "missing; give the published effect, e.g. published: "
                        + "{value: 7, low: -3, high: 18, locator: \"abstract\"} (leave out what the source does not give;"
                        + " a trial not published: published: {locator: \"not published\"})");
            }
            String whyOutside = r.text("whyOutside", "").strip();
            if (problems.hasErrors() || measure == null || published == null) {
                return null;
            }
            return new TrialSpec.Outcome(name, output, OUTPUTS.get(output), measure, threshold, arm, published,
                    whyOutside);
        }

        TrialSpec.Published published(JsonNode node, String path) {
            FieldReader r = FieldReader.of(node, path, problems, PUBLISHED);
            if (r == null) {
                return null;
            }
            OptionalDouble v = r.optionalNumber("value", EFFECT);
            OptionalDouble lo = r.optionalNumber("low", EFFECT);
            OptionalDouble hi = r.optionalNumber("high", EFFECT);
            if (!r.hasRequired("locator", "say where in the source the numbers are, e.g. locator: \"Table 2\"")
                    && !r.writtenEmpty("locator")) { // review11: "missing; expected text" did not say what a locator is
                problems.error(r.pathOf("locator"), "missing; say where in the source the numbers are, e.g. locator: "
                        + "\"Table 2\" (a trial not published: locator: \"not published\")");
            }
            String locator = r.text("locator", "");
            String otherForm = r.text("otherForm", "").strip();
            if (r.has("otherForm") && otherForm.isEmpty()) {
                problems.error(r.pathOf("otherForm"), "is empty; quote the published figure (e.g. \"coefficient of the "
                        + "log-transformed mass 0.50, 95% CI -0.23 to 1.36\"), or leave the key out");
                return null;
            }
            if (!otherForm.isEmpty() && v.isPresent()) {
                problems.error(r.pathOf("otherForm"), "given with value = " + v.getAsDouble() + ": otherForm quotes a "
                        + "figure published in a form this row cannot compare; with a comparable value, leave it out");
                return null;
            }
            if (lo.isPresent() != hi.isPresent()) {
                problems.error(r.pathOf(lo.isPresent() ? "high" : "low"), "give both ends of the published 95 % "
                        + "interval or neither");
                return null;
            }
            if (lo.isPresent() && lo.getAsDouble() > hi.getAsDouble()) {
                problems.error(r.pathOf("low"), "low = " + ValidRange.fmt(lo.getAsDouble()) + " is above high = "
                        + ValidRange.fmt(hi.getAsDouble()));
                return null;
            }
            if (v.isPresent() && lo.isPresent() && (v.getAsDouble() < lo.getAsDouble() || v.getAsDouble() > hi.getAsDouble())) {
                problems.error(r.pathOf("value"), "value = " + v.getAsDouble() + " lies outside its own interval ["
                        + lo.getAsDouble() + ", " + hi.getAsDouble() + "]");
                return null;
            }
            return new TrialSpec.Published(v, lo, hi, locator, otherForm);
        }
    }

    private static Set<String> keys(String... k) {
        return java.util.Collections.unmodifiableSequencedSet(new LinkedHashSet<>(List.of(k))); // in order: InputProblem.unknownKey lists them so
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
