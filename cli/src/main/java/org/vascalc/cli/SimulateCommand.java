package org.vascalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vascalc.cli.report.ChartRenderer;
import org.vascalc.cli.report.Panel;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.output.Provenance;
import org.vascalc.simulation.output.RunOutputs;
import org.vascalc.simulation.scenario.ScenarioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vascalc simulate FILE}: runs one scenario file and writes its trajectory, summary and chart. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs a scenario file (YAML or JSON, see docs/scenario-format.md) and writes",
            "<name>.trajectory.csv, <name>.summary.json (with provenance) and <name>.png into the output folder."},
        footer = {"", "Examples:",
            "  ./vascalc simulate examples/scenarios/calcium-supplement-vs-food.yaml --mode reference",
            "  ./vascalc simulate examples/scenarios/ten-year-fast.yaml --mode fast --out runs/10y",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal failure."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "scenario file (.yaml, .yml or .json)")
    private Path file;

    @Option(names = "--mode", paramLabel = "fast|reference", defaultValue = "reference",
            converter = ModeConverter.class,
            description = "reference resolves every meal and dose; fast averages over the daily cycle for long runs "
                    + "(default: ${DEFAULT-VALUE})")
    private Mode mode;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "output folder, created if needed (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--parameters", paramLabel = "CSV",
            description = "parameter catalog to use instead of the model's defaults (e.g. a calibrated one)")
    private Path parameters;

    @Option(names = "--no-chart", description = "do not render the PNG chart")
    private boolean noChart;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScenarioFiles.Loaded loaded = ScenarioFiles.load(file);
        for (InputProblem w : loaded.warnings()) {
            err.println("vascalc: warning: " + w.path() + ": " + w.message());
        }
        SimulatorFactory factory = SimulatorFactory.load();
        ParameterCatalog catalog = parameters == null ? factory.defaultParameters() : CliFiles.readCatalog(parameters);
        CliFiles.requireWritableFolder(out);
        SimulationResult r = factory.create(catalog).run(loaded.scenario(), mode,
                ProgressBar.forTerminal(err, "simulating " + loaded.scenario().name()));
        Provenance p = new Provenance(BuildInfo.version(), BuildInfo.commit(), file.toString(), loaded.sha256(),
                catalog.sha256(), mode.name());
        RunOutputs.Written w = RunOutputs.write(r, p, loaded.warnings(), out);
        o.println("scenario   " + loaded.scenario().name() + " (" + fmt(loaded.scenario().durationDays()) + " days, "
                + mode.name().toLowerCase(Locale.ROOT) + " mode)");
        o.println("trajectory " + w.trajectoryCsv());
        o.println("summary    " + w.summaryJson());
        if (!noChart) {
            List<Panel> panels = RunCharts.panels(loaded.scenario().name(), r.trajectory());
            if (!panels.isEmpty()) {
                Path png = out.resolve(loaded.scenario().name() + ".png");
                ChartRenderer.renderGridPng(panels, png, 620, 380, 2);
                o.println("chart      " + png);
            }
        }
        printSummary(o, r.trajectory());
        return VasCalc.EXIT_OK;
    }

    private static void printSummary(PrintWriter o, Trajectory t) {
        if (t.timesHours().length == 0) {
            return;
        }
        o.println();
        o.printf(Locale.ROOT, "%-28s %-12s %12s %12s %12s %10s %12s%n", "output", "unit", "start", "min", "max",
                "max at (h)", "end");
        for (OutputChannel c : t.channels()) {
            double[] s = t.series(c.id());
            int iMax = 0;
            double min = s[0];
            for (int i = 1; i < s.length; i++) {
                if (s[i] > s[iMax]) {
                    iMax = i;
                }
                min = Math.min(min, s[i]);
            }
            o.printf(Locale.ROOT, "%-28s %-12s %12.5g %12.5g %12.5g %10.2f %12.5g%n", c.id(), c.unit(), s[0], min,
                    s[iMax], t.timesHours()[iMax], s[s.length - 1]);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Case-insensitive {@code fast} / {@code reference}. */
    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a mode; use fast or reference");
            }
        }
    }

}
