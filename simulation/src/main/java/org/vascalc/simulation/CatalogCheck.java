package org.vascalc.simulation;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InvalidInputException;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;

/**
 * Whether a parameter catalog can stand for the model's in a run: exactly the model's names, each value in the
 * model's unit and inside the model's plausible range. One check for the CLI's {@code --parameters} file
 * ({@code CliFiles.readCatalog}, review9 and review17) and the library's {@link SimulatorFactory#create} (staticfree:
 * before it, a null or short catalog failed only at the run, a bare NullPointerException or "no parameter named
 * 'ecfVolume'", and a catalog with its own unit or widened range ran without a word). Every problem at once.
 */
public final class CatalogCheck {

    private CatalogCheck() {
    }

    /**
     * The name problems of {@code read} against {@code model}: at most two phrases, "N name(s) the model does not
     * have (...)" and "lacks N of the model's M parameters (...)" (the first five names each); empty when the names
     * are the model's.
     */
    public static List<String> nameProblems(ParameterCatalog read, ParameterCatalog model) {
        List<String> unknown = read.parameters().stream().map(Parameter::name).filter(n -> !model.contains(n)).toList();
        List<String> missing = model.parameters().stream().map(Parameter::name).filter(n -> !read.contains(n)).toList();
        List<String> parts = new ArrayList<>();
        if (!unknown.isEmpty()) {
            parts.add(unknown.size() + " name(s) the model does not have (" + firstFew(unknown) + ")");
        }
        if (!missing.isEmpty()) {
            parts.add("lacks " + missing.size() + " of the model's " + model.parameters().size() + " parameters ("
                    + firstFew(missing) + ")");
        }
        return parts;
    }

    /**
     * One sentence per parameter of {@code read} (that {@code model} has) whose unit is not the model's or whose
     * value lies outside the model's plausible range (name, value, unit, the allowed range); empty when there is none.
     * The catalog's own unit, low and high columns are not trusted: a unit changed to 1/min would run the number as
     * 1/h, a range widened in the file would let any value through that {@code --set} refuses (review17).
     */
    public static List<String> unitAndRangeProblems(ParameterCatalog read, ParameterCatalog model) {
        List<String> problems = new ArrayList<>();
        for (Parameter p : read.parameters()) {
            if (model.contains(p.name())) {
                String problem = unitOrRangeProblem(p, model.get(p.name()));
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }

    /**
     * {@code read}, refused unless it can stand for {@code model} in a run: an {@link InvalidInputException} (what the
     * library raises for every input a caller can get wrong; leftovers23: it was an IllegalArgumentException, so a
     * caller catching the one exception docs/library.md names missed it) naming every problem, one each, in the
     * CLI's words: at path {@code parameters} a null catalog, at {@code names} the names the model lacks or does not
     * have, at each parameter's name its unit or value ({@code what}: how the catalog is called in the message's head).
     */
    public static ParameterCatalog requireRunnable(String what, ParameterCatalog read, ParameterCatalog model) {
        if (read == null) {
            throw new InvalidInputException(what, InputProblem.error("parameters", "missing (null): a run takes the "
                    + "model's catalog (SimulatorFactory.defaultParameters()) or one with its names, units and ranges"));
        }
        List<InputProblem> problems = new ArrayList<>();
        List<String> names = nameProblems(read, model);
        if (!names.isEmpty()) {
            problems.add(InputProblem.error("names", String.join(" and ", names) + "; a run takes a complete catalog "
                    + "with the model's names (docs/model/parameters.md)"));
        }
        for (Parameter p : read.parameters()) {
            if (model.contains(p.name())) {
                String problem = unitOrRangeProblem(p, model.get(p.name()));
                if (problem != null) {
                    // "NAME: unit ..." under the path NAME says the name once
                    problems.add(InputProblem.error(p.name(), problem.startsWith(p.name() + ": ")
                            ? problem.substring(p.name().length() + 2) : problem));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(what, problems);
        }
        return read;
    }

    /** The sentence of {@link #unitAndRangeProblems} for one parameter {@code p} against the model's {@code m}, or null. */
    private static String unitOrRangeProblem(Parameter p, Parameter m) {
        String unit = m.unit().equals("1") ? "" : " " + m.unit();
        if (!p.unit().equals(m.unit())) {
            return p.name() + ": unit '" + p.unit() + "' is not the model's '" + m.unit() + "'; the model reads "
                    + "every value in its own unit: give " + p.name() + " in " + m.unit() + " and keep the unit column";
        }
        if (p.value() < m.low() || p.value() > m.high()) {
            return p.name() + " = " + ParameterOverrides.plain(p.value()) + unit + " lies outside the model's "
                    + "plausible range, allowed " + ParameterOverrides.plain(m.low()) + " to "
                    + ParameterOverrides.plain(m.high()) + unit + " (docs/model/parameters.md)";
        }
        return null;
    }

    private static String firstFew(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
