package org.vascalc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.vascalc.cli.report.TrialChart;
import org.vascalc.cli.store.ResultDatabase;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.ArmComparison;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.CohortSummary;
import org.vascalc.simulation.cohort.CohortTable;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.cohort.Population;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.output.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vascalc cohort}: a seeded virtual cohort (the populations the validation table uses)
 * followed through the whole model in fast mode, members in parallel; a summary on the console,
 * one row per member in a CSV file and, on request, in a DuckDB database.
 */
@Command(name = "cohort",
        header = "Follows a seeded virtual cohort through the model; summary, CSV and database.",
        mixinStandardHelpOptions = true, versionProvider = BuildInfo.VersionProvider.class,
        description = {"Draws a virtual cohort, follows every member through the whole model (fast mode, members in",
            "parallel) and prints who is in it, their CT calcium scores at baseline and their change, aortic",
            "PWV, and event rates (the members' modelled hazards per 1000 person-years) by baseline CT score;",
            "the ratios between groups are calibrated; the levels of MI, stroke and heart failure are set so",
            "that a MESA-like cohort's mean matches MESA's counted incidence (docs/model/wall.md, Status), and",
            "the split by CT score is the model's (steeper than MESA's at the highest scores); cardiovascular",
            "death is not set (case-fatality fractions), and CKD cohorts' rates are the model's prediction.",
            "Writes one row per member (covariates, own calcification multipliers, follow-up) to",
            "<out>/<population>-n<size>-seed<seed>-<arm>.csv and, with --db, to the tables cohorts and",
            "cohort_members of a DuckDB database (docs/stored-results.md).",
            "",
            "An in-silico trial: give several --arm values; the same members run in every arm, and each arm is",
            "compared with the first, member by member: the CT score's change next to its true intimal and",
            "medial parts (which no scan separates) and the modelled event rates, with 95 %% intervals;",
            "drawn in <out>/<population>-n<size>-seed<seed>-trial.png (docs/cohorts.md).",
            "",
            "Populations (docs/cohorts.md): mesa, a MESA-like community sample aged 45-84;",
            "cric, a CRIC-like chronic kidney disease (eGFR 20-70) sample; plausible, a broad sample of adults",
            "aged 30-85 with eGFR 15-120 used by the model's invariant tests. The same seed draws the same people;",
            "member i is the same person whatever the size or thread count."},
        footer = {"", "Examples:",
            "  ./vascalc cohort --population mesa --size 1000 --years 3.8",
            "  ./vascalc cohort --population cric --size 500 --years 3.3 --db out/results.duckdb",
            "  ./vascalc cohort --population mesa --size 300 --years 5 --arm none,mk7,calcium",
            "", "Exit codes: 0 done, 1 bad input (the message says what to fix), 2 internal failure."})
final class CohortCommand implements Callable<Integer> {

    /** Largest cohort one command runs; the CSV and the summary are held in memory. */
    static final int MAX_SIZE = 1_000_000;

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--population", paramLabel = "mesa|cric|plausible", defaultValue = "mesa",
            converter = PopulationConverter.class, description = "which population to draw from (default: ${DEFAULT-VALUE})")
    private Population population;

    @Option(names = "--size", paramLabel = "N", defaultValue = "500",
            description = "members, 1 to " + MAX_SIZE + " (default: ${DEFAULT-VALUE})")
    private int size;

    @Option(names = "--years", paramLabel = "YEARS", defaultValue = "5",
            description = "follow-up, 0.1 to 40 years (default: ${DEFAULT-VALUE})")
    private double years;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "population seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads, 1 to 256 (default: one per processor)")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/cohort",
            description = "folder of the members' CSV and the trial chart, created if needed; files of the same "
                    + "names are replaced (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--arm", paramLabel = "ARM", split = ",", defaultValue = "none",
            converter = ArmConverter.class,
            description = "trial arm(s), comma-separated or repeated: none, calcium (500 mg carbonate with breakfast "
                    + "and dinner), mk7 (180 ug daily), calcium+mk7, statin (high intensity); the same members run in "
                    + "every arm and each arm is compared with the first (default: ${DEFAULT-VALUE})")
    private List<TrialArm> arms;

    @Option(names = "--db", paramLabel = "FILE",
            description = "also store the cohort in this DuckDB database (created if missing, else appended to)")
    private Path db;

    @Option(names = "--parameters", paramLabel = "CSV",
            description = "parameter catalog to use instead of the model's defaults (e.g. a calibrated one)")
    private Path parameters;

    @Override
    public Integer call() throws IOException {
        if (size < 1 || size > MAX_SIZE) {
            throw new UserInputException("--size = " + size + " members is outside the allowed range 1 to " + MAX_SIZE + " members");
        }
        if (!(years >= 0.1 && years <= 40)) {
            throw new UserInputException("--years = " + UserInputException.typed(years) + " years is outside the allowed range 0.1 to 40 years");
        }
        int workers = workerThreads(threads);
        CliFiles.requireFolderCanBeWritten(out);
        if (db != null) {
            ResultDatabase.requireUsable(db); // before the runs: a wrong --db should not cost a long run
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulatorFactory factory = SimulatorFactory.load();
        ParameterCatalog catalog = parameters == null ? factory.defaultParameters() : CliFiles.readCatalog(parameters);
        VirtualPopulation pop = new VirtualPopulation(seed, catalog);
        List<VirtualPerson> members = LongStream.range(0, size).mapToObj(i -> population.draw(pop, i)).toList();
        String name = population.label();
        List<TrialArm> armList = arms.stream().distinct().toList();
        ProgressListener bar = ProgressBar.forTerminal(err, "cohort " + name);
        int total = size * armList.size();
        long t0 = System.nanoTime();
        List<List<FollowUp>> byArm = new ArrayList<>();
        CohortRunner runner = new CohortRunner(factory, catalog, workers);
        for (TrialArm arm : armList) {
            int before = byArm.size() * size;
            byArm.add(runner.run(members, p -> FollowUp.scenario(p, years, arm), Mode.FAST, FollowUp::of,
                    (done, n) -> {
                        synchronized (bar) {
                            bar.progress((before + done) / (double) total);
                        }
                    }));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Path> csvs = new ArrayList<>();
        for (int a = 0; a < armList.size(); a++) {
            Path csv = out.resolve(name + "-n" + size + "-seed" + seed + "-" + armList.get(a).label() + ".csv");
            AtomicFiles.writeString(csv, CohortTable.csv(byArm.get(a)));
            csvs.add(csv);
        }
        o.printf(Locale.ROOT, "cohort     %s, %d members, seed %d, %s years of follow-up, arm%s %s (fast mode, %d threads, %.1f s)%n",
                name, size, seed, SimulateCommand.fmt(years), armList.size() == 1 ? "" : "s",
                String.join(", ", armList.stream().map(TrialArm::label).toList()), Math.min(workers, size), seconds);
        for (int a = 0; a < armList.size(); a++) {
            if (armList.size() > 1) {
                o.println();
                o.println("arm " + armList.get(a).label() + ": " + armList.get(a).description());
            }
            CohortSummary.of(byArm.get(a)).lines().forEach(o::println);
            o.println("members    " + csvs.get(a));
        }
        List<ArmComparison> comparisons = new ArrayList<>();
        for (int a = 1; a < armList.size(); a++) {
            ArmComparison c = ArmComparison.of(armList.get(a), byArm.get(a), armList.get(0), byArm.get(0));
            comparisons.add(c);
            o.println();
            c.lines().forEach(o::println);
        }
        if (!comparisons.isEmpty()) {
            Path png = out.resolve(name + "-n" + size + "-seed" + seed + "-trial.png");
            TrialChart.renderPng(comparisons, String.format(Locale.ROOT, "%s-like, %d members, %s years", name, size,
                    SimulateCommand.fmt(years)), png);
            o.println("chart      " + png);
        }
        if (db != null) {
            List<ResultDatabase.Cohort> cohorts = new ArrayList<>();
            for (int a = 0; a < armList.size(); a++) {
                cohorts.add(new ResultDatabase.Cohort(name, armList.get(a).label(), seed, years, Mode.FAST.name(),
                        catalog.sha256(), BuildInfo.version(), BuildInfo.commit(), byArm.get(a)));
            }
            List<Long> ids = ResultDatabase.appendCohorts(db, cohorts);
            o.println();
            o.println("database   " + db + " (cohort" + (ids.size() == 1 ? " " + ids.get(0)
                    : "s " + ids.get(0) + "-" + ids.get(ids.size() - 1)) + ", " + size + " members"
                    + (ids.size() == 1 ? "" : " each") + ")");
        }
        return VasCalc.EXIT_OK;
    }

    /** The {@code --threads} option of the cohort and trial commands: one per processor when absent, 1 to 256. */
    static int workerThreads(Integer threads) {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 256) {
            throw new UserInputException("--threads = " + workers + " is outside the allowed range 1 to 256");
        }
        return workers;
    }

    /** Arm labels as {@link TrialArm#label}, any case. */
    static final class ArmConverter implements picocli.CommandLine.ITypeConverter<TrialArm> {
        @Override
        public TrialArm convert(String value) {
            try {
                return TrialArm.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Case-insensitive population names. */
    static final class PopulationConverter implements picocli.CommandLine.ITypeConverter<Population> {
        @Override
        public Population convert(String value) {
            try {
                return Population.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a population; use mesa, cric or plausible");
            }
        }
    }
}
