package org.vascalc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vascalc.core.input.EditDistance;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.output.AtomicFiles;
import org.vascalc.simulation.sensitivity.SensitivityAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vascalc parameters}: lists the model's parameter catalog, or writes it in the CSV form that
 * {@code --parameters} reads. Before it, the only whole catalog a researcher could edit was the
 * fitted-parameters.csv of a calibration run (about ten minutes) (review17).
 */
@Command(name = "parameters",
        header = "Lists the model's parameters (value, unit, range, evidence) or writes them as a catalog CSV.",
        mixinStandardHelpOptions = true, versionProvider = BuildInfo.VersionProvider.class,
        description = {"Prints each parameter of the model's catalog: its name, value and unit, its plausible range and",
            "its evidence (literature, calibrated, assumption or derived). A NAME fragment keeps the parameters whose",
            "name contains it (any case). With --write, writes the whole catalog to FILE (atomically) in exactly the",
            "CSV form that --parameters of simulate, cohort, trial, sensitivity, validate and calibrate reads: edit",
            "a value there (inside its range, in its unit) and pass the file. With --json, prints the same listing as",
            "one JSON array for scripts: per parameter name, value, unit, low, high (the plausible range, in the unit),",
            "evidence (the text the listing prints), evidenceKind (literature, calibrated, assumption or derived) and",
            "calibrated (true: calibrate may move it). Runs nothing; takes a second."},
        footer = {"", "Examples:",
            "  ./vascalc parameters                       # every parameter",
            "  ./vascalc parameters gut                   # those whose name contains 'gut'",
            "  ./vascalc parameters --json | jq -r '.[] | select(.calibrated) | .name'",
            "  ./vascalc parameters --write out/catalog.csv",
            "  ./vascalc simulate examples/scenarios/calcium-supplement-fasting.yaml --parameters out/catalog.csv",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."})
final class ParametersCommand implements Callable<Integer> {

    /** The --json listing's writer: indented, one field a line, as the summaries' JSON. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME",
            description = "Only the parameters whose name contains NAME (any case); all without it.")
    private String fragment;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write the model's whole catalog to FILE as the CSV that --parameters reads (atomically; an "
                    + "existing FILE is replaced). A NAME is not allowed with it: the file is always the whole catalog.")
    private Path write;

    @Option(names = "--json", description = "Print the listing as one JSON array (name, value, unit, low, high, evidence, "
            + "evidenceKind, calibrated per parameter) instead of lines, for scripts; a NAME keeps the same parameters.")
    private boolean json;

    @Override
    public Integer call() {
        if (write != null && fragment != null) {
            // a part of a catalog is not a catalog --parameters can read (every name must be there)
            throw new UserInputException("--write writes the whole catalog; give no NAME with it (got '" + fragment + "')");
        }
        if (write != null && json) { // --write's file is the CSV --parameters reads; the JSON is a listing
            throw new UserInputException("--json prints the listing; --write writes the catalog CSV: give one of them");
        }
        ParameterCatalog model = SimulatorFactory.load().defaultParameters();
        PrintWriter o = spec.commandLine().getOut();
        if (write != null) {
            CliFiles.requireWritableFile(write);
            try {
                AtomicFiles.writeString(write, model.toCsv());
            } catch (IOException e) {
                throw new UserInputException("cannot write " + write + ": " + CliFiles.describe(e), e);
            }
            o.println("wrote " + write + " (" + model.parameters().size() + " parameters, the model's own values)");
            return VasCalc.EXIT_OK;
        }
        List<Parameter> shown = matching(model, fragment);
        if (shown.isEmpty()) {
            List<String> names = model.parameters().stream().map(Parameter::name).toList();
            throw new UserInputException("no parameter name contains '" + fragment + "'"
                    + EditDistance.didYouMean(fragment, names) + "; './vascalc parameters' lists all "
                    + names.size());
        }
        if (json) {
            o.println(json(shown));
            return VasCalc.EXIT_OK;
        }
        for (Parameter p : shown) {
            o.println(line(p));
        }
        return VasCalc.EXIT_OK;
    }

    /**
     * The listing's fields as a JSON array (catalognames: scripts parsed the lines): the numbers as Java writes a
     * double (every digit, as the catalog CSV holds them), the unit as the catalog writes it ("1" for dimensionless).
     */
    static String json(List<Parameter> shown) {
        ArrayNode a = JSON.createArrayNode();
        for (Parameter p : shown) {
            ObjectNode n = a.addObject();
            n.put("name", p.name());
            n.put("value", p.value());
            n.put("unit", p.unit());
            n.put("low", p.low());
            n.put("high", p.high());
            n.put("evidence", p.evidence().describe());
            n.put("evidenceKind", SensitivityAnalysis.kind(p.evidence()));
            n.put("calibrated", p.isCalibrated());
        }
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings, numbers and booleans always writes
        }
    }

    static List<Parameter> matching(ParameterCatalog catalog, String fragment) {
        if (fragment == null) {
            return List.copyOf(catalog.parameters());
        }
        String key = fragment.strip().toLowerCase(Locale.ROOT);
        return catalog.parameters().stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(key)).toList();
    }

    /** "name = value unit (plausible low to high unit; evidence)": the --set refusal's words for a range. */
    static String line(Parameter p) {
        String unit = "1".equals(p.unit()) ? "" : " " + p.unit(); // a dimensionless value without "1" (review17)
        return p.name() + " = " + num(p.value()) + unit + "  (plausible " + num(p.low()) + " to "
                + num(p.high()) + unit + "; " + p.evidence().describe() + ")";
    }

    private static String num(double v) {
        return ParameterOverrides.plain(v); // the digits --set and the range refusals print
    }
}
