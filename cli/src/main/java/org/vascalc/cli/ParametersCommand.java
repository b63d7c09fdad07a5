package org.vascalc.cli;

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
            "a value there (inside its range, in its unit) and pass the file. Runs nothing; takes a second."},
        footer = {"", "Examples:",
            "  ./vascalc parameters                       # every parameter",
            "  ./vascalc parameters gut                   # those whose name contains 'gut'",
            "  ./vascalc parameters --write out/catalog.csv",
            "  ./vascalc simulate examples/scenarios/calcium-supplement-fasting.yaml --parameters out/catalog.csv",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."})
final class ParametersCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME",
            description = "Only the parameters whose name contains NAME (any case); all without it.")
    private String fragment;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Write the model's whole catalog to FILE as the CSV that --parameters reads (atomically; an "
                    + "existing FILE is replaced). A NAME is not allowed with it: the file is always the whole catalog.")
    private Path write;

    @Override
    public Integer call() {
        if (write != null && fragment != null) {
            // a part of a catalog is not a catalog --parameters can read (every name must be there)
            throw new UserInputException("--write writes the whole catalog; give no NAME with it (got '" + fragment + "')");
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
        for (Parameter p : shown) {
            o.println(line(p));
        }
        return VasCalc.EXIT_OK;
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
