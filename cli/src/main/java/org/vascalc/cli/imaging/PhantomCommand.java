package org.vascalc.cli.imaging;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.vascalc.cli.BuildInfo;
import org.vascalc.cli.CliFiles;
import org.vascalc.cli.Terminal;
import org.vascalc.cli.UserInputException;
import org.vascalc.cli.clinical.CacDrsReading;
import org.vascalc.cli.report.ConsoleText;
import org.vascalc.core.input.InputProblem;
import org.vascalc.imaging.experiment.LayerBlindnessExperiment;
import org.vascalc.imaging.experiment.LayerBlindnessReport;
import org.vascalc.imaging.output.OutputFolder;
import org.vascalc.imaging.output.PhantomOutput;
import org.vascalc.imaging.phantom.PhantomSpecReader;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.CalciumScorer;
import org.vascalc.imaging.score.ScoreReport;
import org.vascalc.imaging.score.ScoringOptions;
import org.vascalc.imaging.synth.CtSynthesizer;
import org.vascalc.imaging.synth.SyntheticScan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vascalc phantom}: makes a synthetic cardiac CT with known calcium, or runs a built-in experiment. */
@Command(name = "phantom",
        header = "Makes a synthetic cardiac CT of intimal and medial coronary calcium.",
        mixinStandardHelpOptions = true, versionProvider = org.vascalc.cli.BuildInfo.VersionProvider.class,
        description = {
            "Makes a synthetic non-contrast cardiac CT from a phantom spec: LM, LAD, LCX and RCA as tubes in a",
            "chest-sized volume, intimal and medial calcium deposits from mass, density and position, and a",
            "scanner (kV, slices, pixel, blur, seeded noise). Writes the CT and artery label map as DICOM",
            "series (ct/, labels/), the ground truth (ground-truth.json), the score against the label map",
            "(score.txt, score.json) and a figure of the scored lesions (lesions.png).",
            "",
            "With --experiment layer-blindness it instead places equal calcium mass as intimal plaque or as",
            "medial calcification, scans them alike and reports the scores and image features side by side",
            "(layer-blindness.md, .json, .png)."},
        // the examples after the options, as every other command's help gives them (review9)
        footer = {"", "Examples:",
            "  ./vascalc phantom --spec examples/phantoms/mixed-plaque.yaml --out out/mixed-plaque",
            "  ./vascalc phantom --experiment layer-blindness --out out/layer-blindness",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal error."})
public final class PhantomCommand implements Callable<Integer> {

    @Option(names = "--spec", paramLabel = "FILE", description = "Phantom spec, YAML or JSON (see examples/phantoms/).")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<spec name> or "
            + "out/layer-blindness). Replaced if it holds earlier vascalc output; refused if it holds other files.")
    Path out;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Built-in experiment: layer-blindness.")
    String experiment;

    @Option(names = "--quick", description = "Experiment with one mass and two scans per case (a quick look).")
    boolean quick;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((specFile == null) == (experiment == null)) {
            throw new UserInputException("give exactly one of --spec FILE or --experiment layer-blindness");
        }
        if (quick && specFile != null) {
            throw new UserInputException("--quick applies to --experiment only; a --spec phantom is always one scan");
        }
        if (experiment != null) {
            if (!"layer-blindness".equals(experiment)) {
                throw new UserInputException("--experiment '" + experiment + "' is unknown (available: layer-blindness)");
            }
            Path target = out == null ? Path.of("out", "layer-blindness") : out;
            requireOut(target); // before the experiment's scans, not after them
            return layerBlindness(stdout, target);
        }
        PhantomSpecReader.Result read = new PhantomSpecReader().read(specFile);
        for (InputProblem w : read.warnings()) {
            err.println("vascalc: " + w);
        }
        requireOut(out == null ? Path.of("out", read.spec().name()) : out);
        SyntheticScan scan = new CtSynthesizer().render(read.spec());
        CalciumScore score = new CalciumScorer(ScoringOptions.clinical()).score(scan.ct(), scan.labels());
        Path target = out == null ? Path.of("out", read.spec().name()) : out;
        Path written = write(target, dir -> {
            ScanFiles.writeSeries(scan, dir);
            PhantomOutput.writeInto(scan, score, dir, BuildInfo.version() + " (commit " + BuildInfo.commit() + ")");
        });
        stdout.print(ScoreReport.textNaming(score, ScoreReport.OptionNames.PHANTOM)); // phantom has no --convention
        stdout.println();
        stdout.print(TruthTable.text(scan, score));
        // leftovers20: the page's point, which the command did not print
        stdout.println();
        stdout.println(ConsoleText.wrap(LayerSums.text(scan, score), 100));
        String cacDrs = CacDrsLabels.of(score);
        if (cacDrs != null) {
            // the label in plain words, as vascalc score and the /ct page give it (the command printed the label only)
            stdout.println();
            stdout.println(ConsoleText.wrap("CAC-DRS " + cacDrs + ": " + CacDrsReading.ofLabel(cacDrs) + " "
                    + CacDrsReading.SOURCE_KEYS + ".", 100));
        }
        stdout.printf(Locale.ROOT, "%nGround truth: %.2f mg hydroxyapatite in %s; see %s%n",
                scan.trueMassMg(), deposits(scan.deposits().size()), written.resolve(PhantomOutput.GROUND_TRUTH));
        // charts: the deposits themselves, as /ct lists them (the command only pointed to ground-truth.json)
        stdout.print(DepositList.text(scan));
        stdout.println("Output: " + written);
        return 0;
    }

    private Integer layerBlindness(PrintWriter stdout, Path target) {
        LayerBlindnessExperiment.Config config = quick ? LayerBlindnessExperiment.Config.quick()
                : LayerBlindnessExperiment.Config.standard();
        PrintWriter err = spec.commandLine().getErr();
        LayerBlindnessExperiment.Progress progress = !Terminal.stderr() ? LayerBlindnessExperiment.Progress.NONE
                : (done, total) -> {
                    err.print("\rlayer-blindness: scan " + done + " of " + total + (done == total ? "\n" : ""));
                    err.flush();
                    Terminal.drew(done < total);
                };
        LayerBlindnessExperiment.Result result = new LayerBlindnessExperiment().run(config, progress);
        Path written = write(target, dir -> LayerBlindnessReport.writeInto(result, dir));
        stdout.print(LayerBlindnessReport.markdown(result));
        stdout.println();
        stdout.println("Output: " + written);
        return 0;
    }

    /**
     * Refuses, before any work, an output folder that {@link #write} would refuse or could not
     * write: a file, a folder of other things, or a place that takes no new files.
     */
    static void requireOut(Path target) {
        try {
            Path abs = OutputFolder.requireReplaceable(target);
            // the folder is built beside the target, then renamed: its parent must take new files
            CliFiles.requireCanBeBuiltBeside(abs);
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException("output folder " + e.getFile() + " " + e.getReason());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + target + ": " + CliFiles.describe(e), e);
        }
    }

    static Path write(Path target, OutputFolder.Filler filler) {
        try {
            return OutputFolder.write(target, filler);
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException("output folder " + e.getFile() + " " + e.getReason());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + target + ": " + CliFiles.describe(e), e);
        }
    }

    /** "1 deposit", "5 deposits": the count in words, not "deposit(s)" (review, fortieth session). */
    public static String deposits(int n) {
        return n + (n == 1 ? " deposit" : " deposits");
    }
}
