package org.vascalc.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;

/**
 * A few named values of a catalog replaced ("what if parameter X were Y"), without writing a whole
 * catalog: the CLI's {@code --set NAME=VALUE}. Each name must be a catalog parameter, each value lie
 * in that parameter's plausible range, in its unit. Two kinds of number do not stand alone:
 * <ul>
 *   <li>one quantity held twice ({@link #SAME_QUANTITY}: the mineral block's {@code ecfVolume} and the
 *       wall's {@code ecfVolumeL}) follows: setting either sets both, refused if the other's range does
 *       not admit the value (the engine refuses a catalog whose two copies differ);</li>
 *   <li>a number whose catalog row is {@code derived} from others ({@link #DERIVED_FROM}: a formula or
 *       a cohort fit written as text, not recomputed by the model) would silently keep the value
 *       derived from the old source; setting a source alone is refused with the rule, unless the
 *       derived number is set too (to its present value, to keep it knowingly, or to a re-derived one).</li>
 * </ul>
 * The result's catalog hash differs from the defaults' (provenance), and {@link Result#changes()}
 * lists every value changed, the followers included.
 */
public final class ParameterOverrides {

    /**
     * One quantity held twice in the catalogs: the mineral block holds its pools in {@code ecfVolume},
     * the wall turns them into concentrations with {@code ecfVolumeL}. Set together; also moved together
     * by the sensitivity analysis.
     */
    public static final Map<String, List<String>> SAME_QUANTITY = Map.of("ecfVolume", List.of("ecfVolumeL"));

    /**
     * The catalog's {@code derived} rows and the parameters each was derived from (read from each row's
     * rule; a mention that is not a source, such as miCalciumRefMmolL's "the MI level
     * (miBasePerYear) is derived on", is left out). The model does not recompute them.
     */
    public static final Map<String, List<String>> DERIVED_FROM = derivedFrom();

    /** In catalog order, so the problems of one {@code --set} are listed the same way every time. */
    private static Map<String, List<String>> derivedFrom() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("binderCapacitySevelamer", List.of("binderCapacityCalciumCarbonate"));
        m.put("binderCapacityLanthanum", List.of("binderCapacityCalciumCarbonate"));
        m.put("binderCapacityCalciumAcetate", List.of("binderCapacityCalciumCarbonate"));
        m.put("k1AbsorbedFraction", List.of("wajimaVkInputNmolPerLPerH", "vkVolumeL", "referenceK1IntakeUgPerDay"));
        m.put("mk4AbsorptionPerH", List.of("mk4EliminationPerH"));
        m.put("mk4VolumeL", List.of("mk4EliminationPerH"));
        // The event levels are set on a virtual cohort, so the members' stiffness spread is a source too.
        m.put("miBasePerYear", List.of("miPlaqueExponent", "pwvEventRrPerMPerS", "miCalciumLogHrPerMmolL",
                "cvDeathFractionMi", "aorticStiffnessLogSd"));
        m.put("strokeBasePerYear", List.of("strokeAtheroShare", "pwvEventRrPerMPerS", "aorticStiffnessLogSd"));
        m.put("hfBasePerYear", List.of("aorticStiffnessLogSd"));
        return Collections.unmodifiableMap(m);
    }

    /** One value changed: {@code name} from {@code defaultValue} to {@code value} (in {@code unit}). */
    public record Change(String name, double value, String unit, double defaultValue, String why) {
        public Change {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            why = why == null ? "" : why;
        }

        /** e.g. {@code ecfVolumeL = 15 L (default 14; the same quantity as ecfVolume)}. */
        @Override
        public String toString() {
            return name + " = " + number(value) + (unit.equals("1") ? "" : " " + unit) + " (default "
                    + number(defaultValue) + (why.isEmpty() ? "" : "; " + why) + ")";
        }
    }

    /** The catalog with the values replaced, and what changed (empty: the catalog given, unchanged). */
    public record Result(ParameterCatalog catalog, List<Change> changes) {
        public Result {
            Objects.requireNonNull(catalog, "catalog");
            changes = List.copyOf(changes);
        }
    }

    private ParameterOverrides() {
    }

    /**
     * {@code base} with each {@code NAME=VALUE} of {@code assignments} applied; every problem found is
     * reported at once ({@link InvalidInputException}, one problem per assignment, its path the
     * assignment as written). No assignments: {@code base} itself, so a run is bit-identical to one
     * without this step.
     */
    public static Result apply(ParameterCatalog base, List<String> assignments) {
        return apply(base, assignments, false);
    }

    /**
     * The values of {@code catalog} that differ from {@code model}'s (a catalog read from a file, e.g.
     * {@code --parameters}), in catalog order, each {@link Change#defaultValue()} the model's: what a run
     * on that catalog changed, for its provenance (its hash alone does not say which number moved).
     * Names {@code model} lacks, and names in {@code except} (listed elsewhere, e.g. set by {@code --set}), are
     * left out.
     */
    public static List<Change> differences(ParameterCatalog model, ParameterCatalog catalog, Set<String> except) {
        List<Change> out = new ArrayList<>();
        for (Parameter p : catalog.parameters()) {
            if (model.contains(p.name()) && !except.contains(p.name())
                    && Double.compare(p.value(), model.value(p.name())) != 0) {
                out.add(new Change(p.name(), p.value(), p.unit(), model.value(p.name()), ""));
            }
        }
        return out;
    }

    /** The change of a scenario file's {@code parameters:} map, as {@link Change#why()} says it. */
    public static final String FROM_SCENARIO = "from the scenario file";

    /**
     * {@code base} with a scenario file's {@code parameters:} map applied: the same checks as
     * {@link #apply(ParameterCatalog, List)}, each problem's path {@code parameters.NAME} (as the
     * scenario reader names its fields), each change's {@link Change#why()} starting with
     * {@link #FROM_SCENARIO}. An empty map: {@code base} itself (bit-identical runs).
     */
    public static Result applyScenario(ParameterCatalog base, Map<String, Double> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return new Result(base, List.of());
        }
        List<String> assignments = new ArrayList<>();
        Map<String, String> pathOf = new LinkedHashMap<>();
        parameters.forEach((n, v) -> {
            String a = n + "=" + number(v);
            assignments.add(a);
            pathOf.put(a, "parameters." + n);
        });
        Result r;
        try {
            r = apply(base, assignments, true);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("parameters", e.problems().stream()
                    .map(pr -> InputProblem.error(pathOf.getOrDefault(pr.path(), "parameters." + pr.path()
                            .substring(0, Math.max(0, pr.path().indexOf('=')))), pr.message()))
                    .toList());
        }
        return new Result(r.catalog(), r.changes().stream().map(c -> new Change(c.name(), c.value(), c.unit(),
                c.defaultValue(), c.why().isEmpty() ? FROM_SCENARIO : FROM_SCENARIO + "; " + c.why())).toList());
    }

    /**
     * {@code NAME=VALUE} assignments (the command line's {@code --set}, the web page's field) applied over
     * {@code scenario}, a scenario file's map already applied to {@code base} ({@link #applyScenario}):
     * the assignment wins (a name in both takes its value). The changes list each name once, the file's
     * first, then the assignments'; each default is {@code base}'s, and an assignment over the file's value
     * says so in its {@link Change#why()} ("--set over the scenario file's 0.072"). Problems as
     * {@link #apply(ParameterCatalog, List)}'s, checked against the file's catalog. No assignments:
     * {@code scenario} itself.
     */
    public static Result setOver(ParameterCatalog base, Result scenario, List<String> assignments) {
        if (assignments == null || assignments.isEmpty()) {
            return scenario;
        }
        Result set = apply(scenario.catalog(), assignments);
        Set<String> bySet = new HashSet<>();
        set.changes().forEach(c -> bySet.add(c.name()));
        List<Change> changes = new ArrayList<>();
        scenario.changes().stream().filter(c -> !bySet.contains(c.name())).forEach(changes::add);
        for (Change c : set.changes()) {
            boolean overFile = scenario.changes().stream().anyMatch(f -> f.name().equals(c.name()));
            String why = overFile ? "--set over the scenario file's " + plain(scenario.catalog().value(c.name())) : "";
            why = c.why().isEmpty() ? why : why.isEmpty() ? c.why() : why + "; " + c.why();
            changes.add(new Change(c.name(), c.value(), c.unit(), base.value(c.name()), why));
        }
        return new Result(set.catalog(), changes);
    }

    private static Result apply(ParameterCatalog base, List<String> assignments, boolean scenario) {
        if (assignments == null || assignments.isEmpty()) {
            return new Result(base, List.of());
        }
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                problems.add(InputProblem.error(a, "expected NAME=VALUE, e.g. --set ecfVolume=15 (a catalog "
                        + "parameter and its value in the catalog's unit: docs/model/parameters.md)"));
                continue;
            }
            String name = a.substring(0, eq).strip();
            String text = a.substring(eq + 1).strip();
            if (!base.contains(name)) {
                problems.add(InputProblem.error(a, "the catalog has no parameter '" + name + "'"
                        + nearest(base, name) + "; docs/model/parameters.md lists them"));
                continue;
            }
            Parameter p = base.get(name);
            double v;
            try {
                v = org.vascalc.core.input.DecimalText.parse(text); // "2d" is not 2 (DecimalText)
            } catch (NumberFormatException e) {
                problems.add(InputProblem.error(a, "'" + text + "' is not a number (" + name + " is in "
                        + unit(p) + ", " + range(p) + ")"));
                continue;
            }
            if (!Double.isFinite(v) || v < p.low() || v > p.high()) {
                problems.add(InputProblem.error(a, name + " = " + text + " " + unit(p)
                        + " lies outside its plausible range, " + range(p)));
                continue;
            }
            if (values.containsKey(name) && values.get(name) != v) {
                problems.add(InputProblem.error(a, name + " is set twice, to " + number(values.get(name))
                        + " and " + number(v) + "; give it once"));
                continue;
            }
            values.put(name, v);
        }
        followSameQuantity(base, values, why, problems, assignments);
        for (Map.Entry<String, List<String>> d : DERIVED_FROM.entrySet()) {
            if (!base.contains(d.getKey()) || values.containsKey(d.getKey())) {
                continue;
            }
            for (String source : d.getValue()) {
                if (values.containsKey(source)) {
                    Parameter derived = base.get(d.getKey());
                    problems.add(InputProblem.error(source + "=" + number(values.get(source)),
                            d.getKey() + " was derived from " + source + " (" + shortRule(derived)
                                    + ") and the model does not re-derive it; set it too, e.g. "
                                    + (scenario ? d.getKey() + ": " + number(derived.value()) + " under parameters:"
                                            : "--set " + d.getKey() + "=" + number(derived.value()))
                                    + " to keep it knowingly, or "
                                    + "a re-derived value (" + range(derived) + ")"));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(pr -> order(assignments, pr.path())));
            // the library caller's words, not the command line's "--set has 1 problem" (review17): the CLI and
            // the web page word each problem themselves from problems() ("--set ASSIGNMENT: ...")
            throw new InvalidInputException("the NAME=VALUE assignments", problems);
        }
        List<Change> changes = new ArrayList<>();
        values.forEach((n, v) -> changes.add(new Change(n, v, base.get(n).unit(), base.value(n), why.get(n))));
        return new Result(base.with(values), changes);
    }

    /** A copy of one quantity gets the value set for the other; refused if its range does not hold it. */
    private static void followSameQuantity(ParameterCatalog base, Map<String, Double> values, Map<String, String> why,
                                           List<InputProblem> problems, List<String> assignments) {
        for (Map.Entry<String, List<String>> q : SAME_QUANTITY.entrySet()) {
            List<String> all = new ArrayList<>();
            all.add(q.getKey());
            all.addAll(q.getValue());
            String given = all.stream().filter(values::containsKey).findFirst().orElse(null);
            if (given == null || !all.stream().allMatch(base::contains)) {
                continue;
            }
            double v = values.get(given);
            for (String other : all) {
                Parameter p = base.get(other);
                if (values.containsKey(other)) {
                    if (values.get(other) != v) {
                        problems.add(InputProblem.error(other + "=" + number(values.get(other)), other + " and "
                                + given + " are one quantity held twice (" + String.join(", ", all)
                                + "): give them the same value"));
                    }
                } else if (v < p.low() || v > p.high()) {
                    problems.add(InputProblem.error(given + "=" + number(v), given + " and " + other
                            + " are one quantity held twice, set together; " + number(v) + " " + unit(p)
                            + " lies outside " + other + "'s plausible range, " + range(p)));
                } else {
                    values.put(other, v);
                    why.put(other, "the same quantity as " + given);
                }
            }
        }
    }

    /** Position of the assignment a problem names, so problems read in the order written. */
    private static int order(List<String> assignments, String path) {
        int i = assignments.indexOf(path);
        return i < 0 ? assignments.size() : i;
    }

    /**
     * " (did you mean 'a', 'b' or 'c'?)" ({@link EditDistance#didYouMeanAny}) from the names nearest in edit
     * distance, within one edit per three letters
     * typed (at least one; case ignored; a name that starts with what was typed, three letters or more, comes
     * first), or "". A name that merely contains what was typed is not near: "foo" is not a slip for
     * carbonateAvailableWithFood (review10), and three edits would turn "foo" into any three-letter name.
     * Public for the commands that take catalog names (sensitivity's {@code --parameter}), so every place names
     * the same nearest parameters.
     */
    public static String nearest(ParameterCatalog catalog, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> near = catalog.parameters().stream().map(Parameter::name)
                .map(n -> Map.entry(n, EditDistance.between(lower, n.toLowerCase(Locale.ROOT))
                        - (n.toLowerCase(Locale.ROOT).startsWith(lower) && lower.length() >= 3 ? 100 : 0)))
                .filter(e -> e.getValue() <= Math.max(1, lower.length() / 3))
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
        return EditDistance.didYouMeanAny(near);
    }

    /** The start of a derived row's rule, for a one-line message (docs/model/parameters.md has it whole). */
    private static String shortRule(Parameter derived) {
        String rule = derived.evidence() instanceof Evidence.Derived d ? d.rule() : "";
        return rule.length() <= 100 ? rule : rule.substring(0, 100).strip() + " ...";
    }

    private static String unit(Parameter p) {
        return p.unit().equals("1") ? "(dimensionless)" : p.unit();
    }

    private static String range(Parameter p) {
        return "allowed " + number(p.low()) + " to " + number(p.high()) + " " + unit(p);
    }

    /** {@code v} in plain digits as a user types them (0.0006151, not 6.151E-4), for messages and provenance lines. */
    public static String plain(double v) {
        return number(v);
    }

    private static String number(double v) {
        // plain digits as a user types them (0.0006151, not 6.151E-4)
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
