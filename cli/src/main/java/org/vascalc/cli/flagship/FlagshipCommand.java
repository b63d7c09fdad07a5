package org.vascalc.cli.flagship;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vascalc.cli.BuildInfo;
import org.vascalc.cli.CliFiles;
import org.vascalc.cli.Terminal;
import org.vascalc.cli.UserInputException;
import org.vascalc.cli.report.ConsoleText;
import org.vascalc.cli.report.HtmlReport;
import org.vascalc.cli.report.Panel;
import org.vascalc.cli.report.Series;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.flagship.FlagshipComparison;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vascalc flagship}: the seed's story end to end, as an HTML report and a summary table. */
@Command(name = "flagship",
        header = "Food calcium vs supplement vs supplement + MK-7 over ten years; writes a report.",
        mixinStandardHelpOptions = true, versionProvider = org.vascalc.cli.BuildInfo.VersionProvider.class,
        description = {
            "Runs the flagship comparison (food calcium vs supplements vs supplements + MK-7) and writes a report.",
            "",
            "Arms: 1000 mg/day calcium from three meals; the same plus a 500 mg calcium-carbonate tablet with",
            "breakfast and dinner; and that plus 180 ug MK-7 a day. Patient: the reference adult (60-year-old",
            "woman, normal kidneys, typical risk factors). The HTML report shows the serum calcium excursion after",
            "each tablet (reference mode, two days), and over the years (fast mode) the CT calcium score with its",
            "intimal and medial shares, pulse-wave velocity, blood pressure, LV mass and event risk, each chart",
            "with the sources of its mechanism. A summary table is printed."},
        // the examples after the options, as every other command's help gives them (review9)
        footer = {"", "Examples:",
            "  ./vascalc flagship                  # ten years, report in out/flagship/index.html",
            "  ./vascalc flagship --years 3 --out out/flagship-3y",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."})
public final class FlagshipCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: ${DEFAULT-VALUE}). "
            + "Replaced if it holds an earlier vascalc report; refused if it is a file or holds other files.")
    Path out = Path.of("out", "flagship");

    @Option(names = "--years", paramLabel = "YEARS",
            description = "Simulated years per arm, 1 to 40 (default: ${DEFAULT-VALUE}).")
    double years = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(years >= 1 && years <= 40)) {
            throw new UserInputException("--years = " + UserInputException.typed(years) + " years is outside the allowed range 1 to 40 years");
        }
        // Refuse a file or a folder of other things before the run, never delete it (as the report would).
        checkOut(() -> HtmlReport.requireWritable(out));
        // the report is built beside --out, then renamed into place: that folder must take new files
        CliFiles.requireCanBeBuiltBeside(out);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulatorFactory factory = SimulatorFactory.load();
        FlagshipComparison comparison = new FlagshipComparison(Patient.referenceAdult(), years);
        long t0 = System.nanoTime();
        ProgressListener bar = Terminal.stderr() ? new TerminalProgress(err, "flagship") : ProgressListener.NONE;
        FlagshipComparison.Results r = comparison.run(factory, bar);
        double seconds = (System.nanoTime() - t0) / 1e9;

        FlagshipReport report = new FlagshipReport(r);
        List<String[]> rows = report.summaryRows();
        stdout.println(report.formatTable(rows));
        // review9: the report's findings (end-of-run differences, growth per layer) were only in the HTML
        String findings = report.findings();
        if (!findings.isEmpty()) {
            stdout.println();
            stdout.println(ConsoleText.wrap(findings.strip(), FlagshipReport.CONSOLE_WIDTH));
        }
        HtmlReport html = report.html(String.format(Locale.ROOT,
                "vascalc %s, commit %s%ngenerated %s in %.1f s%nparameter set sha256 %s%nmodel: %s",
                BuildInfo.version(), BuildInfo.commit(), Instant.now(), seconds,
                r.longRuns().get(0).parameterSetSha256(), factory.getClass().getName()));
        Path[] index = new Path[1];
        checkOut(() -> index[0] = html.write(out));
        stdout.println();
        stdout.println("Report: " + index[0]);
        return 0;
    }

    /** A file-system step on {@code --out}. */
    @FunctionalInterface
    interface OutStep {
        void run() throws IOException;
    }

    /** Runs {@code step}, turning a refused or unwritable {@code --out} into bad input (exit 1). */
    private void checkOut(OutStep step) {
        try {
            step.run();
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException("output folder " + e.getFile() + " " + e.getReason());
        } catch (IOException e) {
            throw new UserInputException("cannot write the report to " + out + ": " + CliFiles.describe(e), e);
        }
    }

    /** A one-line progress bar on stderr, redrawn in place. */
    static final class TerminalProgress implements ProgressListener {
        private final PrintWriter err;
        private final String label;
        private int lastPercent = -1;

        TerminalProgress(PrintWriter err, String label) {
            this.err = err;
            this.label = label;
        }

        @Override
        public synchronized void progress(double fraction) {
            int p = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
            if (p <= lastPercent) { // never backwards (FlagshipComparison sums the arms under a lock, so it should not)
                return;
            }
            lastPercent = p;
            int filled = p * 30 / 100;
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + p + " %");
            if (p == 100) {
                err.println();
            }
            err.flush();
            Terminal.drew(p < 100);
        }
    }

    /** Shared helper for series extraction, kept here so the report class stays about layout. */
    static Series series(String name, Trajectory t, String channel, double xScale, double yScale) {
        double[] x = t.timesHours().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] *= xScale;
        }
        double[] y = t.series(channel);
        for (int i = 0; i < y.length; i++) {
            y[i] *= yScale;
        }
        return new Series(name, x, y);
    }

    static boolean has(SimulationResult r, String channel) {
        return r.trajectory().channels().stream().anyMatch(c -> c.id().equals(channel));
    }

    static List<Panel> nonEmpty(List<Panel> panels) {
        List<Panel> p = new ArrayList<>();
        for (Panel x : panels) {
            if (!x.series().isEmpty()) {
                p.add(x);
            }
        }
        return p;
    }
}
