package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vascalc.cli.store.ResultDatabase;
import org.vascalc.simulation.trial.TrialReport;

/**
 * {@code vascalc trial}: bad input is named and exits 1 without a stack trace; a small run of a
 * published trial on the real model prints and writes the table (the machinery, not the match).
 */
@ExtendWith(RealModel.class)
class TrialCommandTest {

    private static void badInput(CliRun r, String... phrases) {
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains(phrases).doesNotContain("\tat org.").doesNotContain("internal error");
    }

    @Test
    void badInputIsNamedWithTheAllowedValues(@TempDir Path dir) throws Exception {
        badInput(CommandsTest.run("trial", "framingham"), "unknown trial 'framingham'", "saltire", "knapen2015", "avadec",
                "examples/trials");
        badInput(CommandsTest.run("trial"), "name at least one trial", "--all");
        // review16: --list lists them on stdout, exit 0 (it was "Unknown option: '--list'", exit 1)
        CliRun listed = CommandsTest.run("trial", "--list");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).startsWith("the trials of examples/trials:").contains("\n  saltire ")
                .contains("\n  care2 ").contains("CARE-2: calcium acetate vs sevelamer");
        badInput(CommandsTest.run("trial", "--list", "saltire"), "--list runs no trial");
        // lead (51st session, after review9): the trials alone are listed one a line with their titles
        assertThat(CommandsTest.run("trial").err()).contains("\n  saltire ").contains("SALTIRE")
                .contains("\n  care2 ").contains("CARE-2: calcium acetate vs sevelamer");
        // review9: a key one letter off is named with the trial it was most likely meant to be
        badInput(CommandsTest.run("trial", "saltre"), "unknown trial 'saltre' (did you mean 'saltire'?); known trials: ");
        badInput(CommandsTest.run("trial", "--all", "saltire"), "not both");
        // leftovers17: "1 member", "1 parameter set" (review14 met "--size = 1 members")
        badInput(CommandsTest.run("trial", "saltire", "--size", "1"),
                "--size = 1 member is outside the allowed range 2 to 100000 members");
        badInput(CommandsTest.run("trial", "saltire", "--parameter-draws", "1"), "--parameter-draws = 1 parameter set is",
                "outside the allowed range 2 to 1000 sets");
        badInput(CommandsTest.run("trial", "saltire", "--parameter-draws", "1001"), "--parameter-draws = 1001");
        badInput(CommandsTest.run("trial", "saltire", "--parameter-draws", "many"), "--parameter-draws", "many");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(Path.of("../examples/trials/saltire.yaml"))
                .replace("population: mesa", "population: whi").replace("measure: annualProgressionRatio",
                        "measure: slope"));
        badInput(CommandsTest.run("trial", bad.toString()), "bad.yaml has 2 problems", "population",
                "[mesa, cric, plausible]", "outcomes[0].measure", "annualProgressionRatio");
        badInput(CommandsTest.run("trial", dir.resolve("none.yaml").toString()), "no such file");
        // a trial named twice ran twice (and was written twice with --write); a key in capitals is the same key
        badInput(CommandsTest.run("trial", "saltire", "saltire"), "trial 'saltire' is named twice");
        badInput(CommandsTest.run("trial", "SALTIRE", "../examples/trials/saltire.yaml"),
                "trial '../examples/trials/saltire.yaml' is named twice ('SALTIRE' is the same file)");
        // a scenario file where a trial file belongs: the first problem says so (then the unknown keys)
        CliRun scenario = CommandsTest.run("trial", "../examples/scenarios/wall/food-calcium.yaml");
        badInput(scenario, "this looks like a scenario file", "./vascalc simulate FILE");
        assertThat(scenario.err().indexOf("looks like a scenario")).isLessThan(scenario.err().indexOf("unknown key"));
        CliRun help = CommandsTest.run("trial", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--all", "--size", "--write", "Monte-Carlo", "--parameter-draws", "--parameter-seed");
    }

    /**
     * --help's ranges (size 2 to 100000 members per arm, parameter draws 2 to 1000 sets): each end is taken,
     * shown by the check after it refusing instead (--threads 0 is checked after both), so nothing runs.
     */
    @Test
    void eachRangesEndsAreTaken() {
        for (String[] taken : new String[][] {{"--size", "2"}, {"--size", "100000"}, {"--parameter-draws", "2"},
                {"--parameter-draws", "1000"}}) {
            CliRun r = CommandsTest.run("trial", "saltire", taken[0], taken[1], "--threads", "0");
            badInput(r, "--threads = 0 is outside the allowed range 1 to 256");
            assertThat(r.err()).as(String.join(" ", taken)).doesNotContain(taken[0] + " = ");
        }
        badInput(CommandsTest.run("trial", "saltire", "--size", "100001"),
                "--size = 100001 members is outside the allowed range 2 to 100000 members");
        // a person's own factor is drawn for every member: a --set of it would not be used
        badInput(CommandsTest.run("trial", "saltire", "--set", "plaqueSusceptibility=1.2"),
                "--set plaqueSusceptibility: plaqueSusceptibility is each member's own factor");
    }

    /** A run refused after --write's place was checked leaves no folder behind: it made the missing ones (leftovers21). */
    @Test
    void aRefusedRunLeavesNoFolderOfItsWrite(@TempDir Path dir) {
        Path page = dir.resolve("new/deeper/x.md");
        badInput(CommandsTest.run("trial", "saltire", "--write", page.toString(), "--set", "plaqueSusceptibility=1.2"),
                "--set plaqueSusceptibility: plaqueSusceptibility is each member's own factor");
        assertThat(dir.resolve("new")).as("nothing created").doesNotExist();
    }

    /**
     * What --help says about examples/trials stays true when a trial file is added or renamed: every
     * key it names is a file there, and the file count it dates its --all timing with is the folder's
     * (it said "22 files" after the 23rd and 24th were added; retime --all and update both).
     */
    @Test
    void helpNamesOnlyShippedTrialsAndTheirCount() throws Exception {
        String help = CommandsTest.run("trial", "--help").out().replaceAll("\\s+", " ");
        List<String> shipped;
        try (Stream<Path> files = Files.list(Path.of("../examples/trials"))) {
            shipped = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).toList();
        }
        Matcher list = Pattern.compile("a key of examples/trials \\(e\\.g\\. ([^;)]+)[;)]").matcher(help);
        assertThat(list.find()).as(help).isTrue();
        assertThat(list.group(1).split(", ")).as("keys named in trial --help").isSubsetOf(shipped);
        Matcher count = Pattern.compile("with the (\\d+) files of").matcher(help);
        assertThat(count.find()).as(help).isTrue();
        assertThat(Integer.parseInt(count.group(1))).as("trial --help's count of examples/trials files")
                .isEqualTo(shipped.size());
    }

    @Test
    void aSmallRunPrintsAndWritesTheTable(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("trials.md");
        CliRun r = CommandsTest.run("trial", "knapen2015", "--size", "3", "--threads", "2", "--seed", "2",
                "--set", "miBasePerYear=0.001", "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("parameters 1 value(s) set with --set: miBasePerYear").contains("trial      knapen2015:").contains("run        3 mesa-like members per arm")
                .contains("dp-ucMGP change, mk7-180 vs placebo (percentage points)").contains("no published interval").contains("wrote " + md);
        String text = Files.readString(md);
        assertThat(text).contains("| trial | outcome | published [95 % CI] | model [MC 95 %] | model inside? | reading |")
                .contains("3 members per arm, seed 2").contains("### knapen2015:")
                .contains(" (1 value(s) set with --set: miBasePerYear");
        assertThat(text.lines().filter(l -> l.startsWith("| knapen2015 [Knapen2015]"))).hasSize(2);
        // review11: a trial named on its own is not docs/trials.md, made by --all: the report says its own command
        assertThat(text).startsWith("# Trials run in silico\n\nMade by `./vascalc trial knapen2015 --size 3 --threads 2 "
                + "--seed 2 --set miBasePerYear=0.001 --write " + md + "`.").doesNotContain("trial --all");
        assertThat(r.out()).as("its members start at their labs: no line").doesNotContain("labs       ");
        assertThat(text).doesNotContain("Start not at the labs");
    }

    /**
     * audit: --check-agreement takes 1 to 50 members (each end taken: the --threads check after it refuses
     * instead); 0, 51 and a word are refused naming the option, the value and the range; --help says the cost.
     */
    @Test
    void checkAgreementTakesOneToFiftyMembersAndNamesAWrongValue() {
        badInput(CommandsTest.run("trial", "saltire", "--check-agreement", "0"),
                "--check-agreement = 0 members is outside the allowed range 1 to 50 members");
        badInput(CommandsTest.run("trial", "saltire", "--check-agreement", "51"),
                "--check-agreement = 51 members is outside the allowed range 1 to 50 members");
        badInput(CommandsTest.run("trial", "saltire", "--check-agreement", "some"), "--check-agreement", "'some'",
                "1 to 50");
        for (String taken : new String[] {"1", "50"}) {
            CliRun r = CommandsTest.run("trial", "saltire", "--check-agreement", taken, "--threads", "0");
            badInput(r, "--threads = 0 is outside the allowed range 1 to 256");
            assertThat(r.err()).as(taken).doesNotContain("--check-agreement = ");
        }
        String help = CommandsTest.run("trial", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--check-agreement=N", "reference mode", "the trial's own numbers are unchanged");
        assertThat(help.replace(" ", "")).contains(org.vascalc.simulation.trial.AgreementCheck.REFERENCE_CPU_COST
                .replace(" ", "")); // the estimate and what it was measured from: CheckCostWordsTest
    }

    /**
     * checkbars: trial --check-agreement's bar moves within the check's reference runs (a minute each), as /trials'
     * does: the command's progress asks to be told the share of the runs under way and draws it. The runs give the
     * same results told or not (simulation's CohortRunnerContractTest, aProgressWithinRuns...).
     */
    @Test
    void theTrialsBarMovesWithinTheChecksReferenceRuns() {
        java.io.StringWriter text = new java.io.StringWriter();
        org.vascalc.simulation.ProgressListener bar = ProgressBar.drawingTo(new java.io.PrintWriter(text), "trial");
        org.vascalc.simulation.cohort.CohortProgress p = TrialCommand.progress(bar);
        assertThat(p.withinRuns()).as("asks to be told within runs").isTrue();
        p.finished(3, 4);
        p.within(3.5, 4); // half of the last run
        assertThat(text.toString()).contains("] 75 %").contains("] 88 %");
    }

    /**
     * audit: a trial of 2 members over 5 weeks with 1 member checked prints and writes the check the library makes
     * (whose numbers AgreementCheckTest holds to that member's own runs in both modes), and every other line as
     * the same trial without the check prints it (times aside).
     */
    @Test
    void aTinyTrialCheckedInReferenceModePrintsAndWritesTheCheckAndOtherwiseTheSameLines(@TempDir Path dir)
            throws Exception {
        Path trial = Files.writeString(dir.resolve("tiny.yaml"), Files.readString(
                Path.of("../examples/trials/fulton2016.yaml")).replace("years: 0.5", "years: 0.1"));
        Path md = dir.resolve("tiny.md");
        CliRun checked = CommandsTest.run("trial", trial.toString(), "--size", "2", "--threads", "2",
                "--check-agreement", "1", "--write", md.toString());
        CliRun plain = CommandsTest.run("trial", trial.toString(), "--size", "2", "--threads", "2");
        assertThat(checked.code()).as(checked.err()).isZero();
        assertThat(plain.code()).as(plain.err()).isZero();
        org.vascalc.simulation.SimulatorFactory f = org.vascalc.simulation.SimulatorFactory.load();
        org.vascalc.simulation.trial.TrialResult lib = new org.vascalc.simulation.trial.TrialRunner(f,
                f.defaultParameters(), 2).checkingAgreement(1)
                .run(org.vascalc.simulation.scenario.TrialFiles.load(trial), 2, 1, (d, n) -> { });
        org.vascalc.simulation.trial.AgreementCheck c = lib.agreement().orElseThrow();
        assertThat(c.ran()).as(c.failure()).isTrue();
        assertThat(c.worst()).isPositive();
        List<String> expected = TrialReport.lines(lib).stream().map(TrialCommandTest::timeless).toList();
        List<String> printed = checked.out().lines().map(TrialCommandTest::timeless).toList();
        assertThat(printed).containsSubsequence(expected).contains("wrote " + md);
        assertThat(printed.stream().filter(l -> l.startsWith("agreement  fast vs reference mode on 1 of the 2 members")))
                .hasSize(1);
        assertThat(printed.stream().filter(l -> l.startsWith("  ") && l.contains("effect on those members: fast ")))
                .hasSize(2);
        // without the option: the same lines but the check's
        assertThat(plain.out().lines().map(TrialCommandTest::timeless).toList()).isEqualTo(expected.stream()
                .filter(l -> !l.startsWith("agreement  ") && !l.contains("effect on those members")).toList());
        String text = Files.readString(md);
        assertThat(timeless(text)).contains("- **Fast vs reference mode** (`--check-agreement`): "
                + timeless(org.vascalc.simulation.trial.TrialReport.lines(lib).stream()
                        .filter(l -> l.startsWith("agreement  ")).findFirst().orElseThrow().substring(11)) + ".\n");
        assertThat(text).contains("agreement checked on 1 member per trial in reference mode");
    }

    /**
     * checkagree2: --db stores the agreement check (trial_agreement, trial_agreement_effects) and reads it back as
     * the library makes it (the same members, worst difference, effects; only the wall time differs); a run without
     * the check stores no row there.
     */
    @Test
    void theAgreementCheckIsStoredByDbAndReadsBackAsTheLibraryMadeIt(@TempDir Path dir) throws Exception {
        Path trial = Files.writeString(dir.resolve("tiny.yaml"), Files.readString(
                Path.of("../examples/trials/fulton2016.yaml")).replace("years: 0.5", "years: 0.1"));
        Path db = dir.resolve("agree.duckdb");
        CliRun checked = CommandsTest.run("trial", trial.toString(), "--size", "2", "--threads", "2",
                "--check-agreement", "1", "--db", db.toString());
        assertThat(checked.code()).as(checked.err()).isZero();
        CliRun plain = CommandsTest.run("trial", trial.toString(), "--size", "2", "--threads", "2", "--db", db.toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        org.vascalc.simulation.SimulatorFactory f = org.vascalc.simulation.SimulatorFactory.load();
        org.vascalc.simulation.trial.AgreementCheck lib = new org.vascalc.simulation.trial.TrialRunner(f,
                f.defaultParameters(), 2).checkingAgreement(1)
                .run(org.vascalc.simulation.scenario.TrialFiles.load(trial), 2, 1, (d, n) -> { }).agreement().orElseThrow();
        org.vascalc.simulation.trial.AgreementCheck stored = ResultDatabase.readAgreement(db, 1).orElseThrow();
        assertThat(stored.seconds()).isPositive();
        assertThat(new org.vascalc.simulation.trial.AgreementCheck(stored.members(), stored.ids(), stored.worst(),
                stored.worstAt(), stored.effects(), stored.failure(), lib.seconds())).isEqualTo(lib);
        assertThat(ResultDatabase.readAgreement(db, 2)).as("run without the check").isEmpty();
        assertThat(rows(db, "SELECT trial_run_id, members_checked, checked_members, within_limit, agreement_limit, failure "
                + "FROM trial_agreement")).containsExactly(List.of("1", "1", "[" + lib.members().get(0) + "]", "true",
                "0.01", ""));
        assertThat(number(db, "SELECT count(*) FROM trial_agreement_effects WHERE trial_run_id = 1"))
                .isEqualTo(lib.effects().size()).isEqualTo(2);
        assertThat(rows(db, "SELECT e.name = o.name, e.arm = o.arm FROM trial_agreement_effects e "
                + "JOIN trial_outcomes o USING (trial_run_id, outcome)")).containsOnly(List.of("true", "true"));
    }

    /** A line without its wall times ("(1.2 s)", "every arm, 3.4 s:"), which differ between runs. */
    private static String timeless(String line) {
        return line.replaceAll("\\d+\\.\\d s", "T s");
    }

    /**
     * labwarn2: a haemodialysis trial's members do not start at their measured phosphate (the dialysis
     * clearance acts in the run-in): one line per lab, not one per member, printed and written.
     */
    @Test
    void membersNotStartingAtTheirLabsAreOneLinePerLabPrintedAndWritten(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("trials.md");
        // seed 6: since hdtrials most care2 members start at their (dialysis) labs; at seed 6 one of 3 does not
        CliRun r = CommandsTest.run("trial", "care2", "--size", "3", "--threads", "2", "--seed", "6",
                "--write", md.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("labs       drawn per member from the trial's baseline: calcium 2.22 (SD 0.22) mmol/L");
        // the lines of members not starting at a lab (not the block's line, nor the candidates left out)
        List<String> labs = r.out().lines().filter(l -> l.startsWith("labs       ") && l.contains(" members do not "))
                .toList();
        assertThat(labs).as("at most one line per lab").hasSizeBetween(1, 3)
                .anySatisfy(l -> assertThat(l).matches("labs       [1-3] of 3 members do not start at their measured "
                        + "phosphate \\(largest [+-]\\d+ %, member cric-\\d+\\): see docs/model/mineral.md, "
                        + "'When the start is not the labs'"));
        String text = Files.readString(md);
        for (String l : labs) {
            assertThat(text).contains("- **Start not at the labs**: " + l.substring("labs       ".length()) + "\n");
        }
        assertThat(r.err()).as("not one warning per member").doesNotContain("warning");
    }

    @Test
    void parameterDrawsAddTheSpreadAcrossParameterSetsToThePrintedAndWrittenTable(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("trials.md");
        Path db = dir.resolve("sets.duckdb");
        CliRun r = CommandsTest.run("trial", "knapen2015", "--size", "2", "--threads", "2",
                "--parameter-draws", "2", "--parameter-seed", "4", "--write", md.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("parameters 2 sets (seed 4) of").contains("tissueUptakeFractionMk7")
                .contains("parameter sets: median");
        String text = Files.readString(md);
        assertThat(text).contains("| model [MC 95 %] | model across parameter sets, median [2.5-97.5 %] | model inside? |")
                .contains("2 parameter sets, parameter seed 4").contains("**Parameter sets**: 2 sets drawn with seed 4")
                .contains("*Across parameter sets*");
        assertThat(text.lines().filter(l -> l.startsWith("| knapen2015 [Knapen2015]")))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("(2 sets)"));
        // trialdb: the sets' spread is stored with each outcome; their members are not (the catalog's run is)
        assertThat(text(db, "SELECT parameter_sets || ' ' || parameter_seed FROM trial_runs")).isEqualTo("2 4");
        assertThat(rows(db, "SELECT sets_used, sets_median IS NOT NULL, sets_low <= sets_high FROM trial_outcomes"))
                .containsExactly(List.of("2", "true", "true"), List.of("2", "true", "true"));
        assertThat(number(db, "SELECT count(*) FROM trial_members")).as("2 members x 2 arms").isEqualTo(4);
    }

    /** One row of a query's answer, each column as text (NULL as "NULL"). */
    private static List<List<String>> rows(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int j = 1; j <= n; j++) {
                    row.add(String.valueOf(r.getString(j)).replace("null", "NULL"));
                }
                out.add(row);
            }
            return out;
        }
    }

    private static String text(Path db, String sql) throws SQLException {
        return rows(db, sql).get(0).get(0);
    }

    private static double number(Path db, String sql) throws SQLException {
        return Double.parseDouble(text(db, sql));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /**
     * trialdb: {@code --db} stores two small trials (one whose members do not start at their phosphate) in one
     * transaction: the runs with their provenance, every member in every arm, each member's outcome values and each
     * outcome as the report printed it; the effects and arm levels recomputed in SQL from the members' values are the
     * report's.
     */
    @Test
    void twoSmallTrialsAreStoredMemberByMemberWithTheNumbersTheReportPrints(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("trials.duckdb");
        // seed 6: since hdtrials most care2 members start at their (dialysis) labs; at seed 6 one of 3 does not
        CliRun r = CommandsTest.run("trial", "knapen2015", "care2", "--size", "3", "--threads", "2", "--seed", "6",
                "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("database   " + db + " (trial runs 1-2)");
        assertThat(rows(db, "SELECT trial_run_id, trial, members, seed, years, arms, mode, parameter_overrides, "
                + "parameter_sets, screened >= members FROM trial_runs ORDER BY trial_run_id")).containsExactly(
                List.of("1", "knapen2015", "3", "6", "3.0", "[\"placebo\",\"mk7-180\"]", "FAST", "[]", "NULL", "true"),
                List.of("2", "care2", "3", "6", "1.0", "[\"sevelamer\",\"calcium-acetate\"]", "FAST", "[]", "NULL",
                        "true"));
        assertThat(text(db, "SELECT trial_sha256 FROM trial_runs WHERE trial = 'knapen2015'"))
                .isEqualTo(sha256(Path.of("../examples/trials/knapen2015.yaml")));
        assertThat(text(db, "SELECT trial_file FROM trial_runs WHERE trial = 'care2'")).endsWith("care2.yaml");
        assertThat(text(db, "SELECT tool_commit FROM trial_runs WHERE trial_run_id = 1")).isEqualTo(BuildInfo.commit());
        assertThat(number(db, "SELECT count(*) FROM trial_members WHERE trial_run_id = 1")).as("3 members x 2 arms")
                .isEqualTo(6);
        assertThat(number(db, "SELECT count(DISTINCT member) FROM trial_members WHERE trial_run_id = 1")).isEqualTo(3);
        assertThat(number(db, "SELECT count(*) FROM trial_member_outcomes WHERE trial_run_id = 1"))
                .as("3 members x 2 outcomes").isEqualTo(6);
        assertThat(number(db, "SELECT count(*) FROM trial_members WHERE warnings <> '[]' AND trial_run_id = 1"))
                .as("knapen2015's members start at their labs").isZero();

        // each outcome as printed: name, arms, unit, model value and interval, verdict
        List<List<String>> outcomes = rows(db, "SELECT trial_run_id, outcome, name, arm, control_arm, unit, "
                + "model_value, model_low, model_high, verdict, members_used FROM trial_outcomes ORDER BY trial_run_id, outcome");
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(3);
        for (List<String> o : outcomes) {
            assertThat(r.out()).contains(String.format(Locale.ROOT, "  %s, %s vs %s (%s)%n", o.get(2), o.get(3), o.get(4),
                    o.get(5)));
            String model = o.get(6).equals("NULL") ? "n/a" : TrialReport.num(Double.parseDouble(o.get(6))) + " ["
                    + TrialReport.num(Double.parseDouble(o.get(7))) + ", " + TrialReport.num(Double.parseDouble(o.get(8)))
                    + "]";
            assertThat(r.out()).as(o.toString()).contains(String.format(Locale.ROOT, " model %-24s %s%n", model, o.get(9)));
        }
        // the cfPWV change difference and its arms' mean changes, recomputed from the members' stored values
        String pwv = "FROM trial_member_outcomes m JOIN trial_outcomes o USING (trial_run_id, outcome) "
                + "WHERE trial_run_id = 1 AND o.measure = 'changeDifference'";
        double effect = number(db, "SELECT avg((arm_end - arm_baseline) - (control_end - control_baseline)) " + pwv);
        assertThat(effect).isCloseTo(number(db, "SELECT any_value(o.model_value) " + pwv),
                org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(effect))));
        assertThat(number(db, "SELECT avg(arm_end - arm_baseline) - any_value(o.arm_level) " + pwv)).isCloseTo(0,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(number(db, "SELECT avg(control_end - control_baseline) - any_value(o.control_level) " + pwv))
                .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(text(db, "SELECT any_value(m.unit) || ' ' || count(*) " + pwv)).isEqualTo("m/s 3");
        // docs/stored-results.md's query for it, as printed there
        String page = Files.readString(Path.of("../docs/stored-results.md"));
        int from = page.indexOf("-- trial run 1: each change difference recomputed");
        List<List<String>> documented = rows(db, page.substring(from, page.indexOf(";", from) + 1));
        assertThat(documented).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo("cfPWV change");
            assertThat(Double.parseDouble(row.get(2))).isCloseTo(effect, org.assertj.core.data.Offset.offset(1e-15));
            assertThat(Double.parseDouble(row.get(3))).isCloseTo(effect,
                    org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(effect))));
        });
        // the percent change difference's arm level, too
        String ucmgp = "FROM trial_member_outcomes m JOIN trial_outcomes o USING (trial_run_id, outcome) "
                + "WHERE trial_run_id = 1 AND o.measure = 'percentChangeDifference'";
        assertThat(number(db, "SELECT avg(100 * (arm_end / arm_baseline - 1)) - any_value(o.arm_level) " + ucmgp))
                .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));

        // care2: the printed start-warning lines are the run's start_warnings, and count the members whose runs
        // warned; the line on candidates left out at their drawn labs (hdtrials) is labs_left_out
        List<String> printed = r.out().lines().filter(l -> l.startsWith("labs       "))
                .map(l -> l.substring("labs       ".length()))
                .filter(l -> !l.startsWith("drawn per member from the trial's baseline")).toList();
        List<String> labs = printed.stream().filter(l -> l.contains(" members do not start at ")).toList();
        assertThat(labs).isNotEmpty();
        assertThat(rows(db, "SELECT unnest(from_json(start_warnings, '[\"VARCHAR\"]')) FROM trial_runs WHERE trial_run_id = 2")
                .stream().map(row -> row.get(0)).filter(w -> w.contains(" members do not start at ")).toList())
                .isEqualTo(labs); // the store also keeps fast mode's regimen-class caution (missmap), printed as "warning"
        List<String> leftOut = printed.stream().filter(l -> !labs.contains(l)).toList();
        assertThat(leftOut).hasSizeLessThanOrEqualTo(1);
        assertThat(text(db, "SELECT labs_left_out FROM trial_runs WHERE trial_run_id = 2"))
                .isEqualTo(leftOut.isEmpty() ? "" : leftOut.get(0));
        Matcher phosphate = Pattern.compile("(\\d+) of 3 members do not start at their measured phosphate").matcher(r.out());
        assertThat(phosphate.find()).as(r.out()).isTrue();
        assertThat(number(db, "SELECT count(DISTINCT member) FROM trial_members WHERE trial_run_id = 2 "
                + "AND warnings LIKE '%patient.serumPhosphateMmolL: %'")).isEqualTo(Integer.parseInt(phosphate.group(1)));
    }

    /** trialdb: a database of schema version 4 (before the trial tables) gets them when a trial is stored in it. */
    @Test
    void aDatabaseOfSchemaVersionFourIsUpgradedWhenATrialIsStoredInIt(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("four.duckdb");
        ResultDatabase.appendCohorts(db, List.of(new ResultDatabase.Cohort("mesa", "none", 1, 2, "FAST", "sha-p",
                List.of(), "0.1.0", "abc123", List.of())));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement s = c.createStatement()) { // as VasCalc wrote it before trialdb
            for (String t : List.of("trial_runs", "trial_members", "trial_member_outcomes", "trial_outcomes",
                    "trial_agreement", "trial_agreement_effects")) {
                s.execute("DROP TABLE " + t);
            }
            s.execute("UPDATE vascalc_schema SET version = 4");
        }
        CliRun r = CommandsTest.run("trial", "knapen2015", "--size", "2", "--threads", "2", "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("--db " + db + " was written by an older VasCalc (schema version 4); storing "
                + "upgrades it to version 6: outputs.probability are added, NULL for the rows stored before (not "
                + "recorded); the tables trial_runs, trial_members, trial_member_outcomes, trial_outcomes, "
                + "trial_agreement, trial_agreement_effects are added");
        assertThat(number(db, "SELECT max(version) FROM vascalc_schema")).isEqualTo(ResultDatabase.SCHEMA_VERSION);
        assertThat(number(db, "SELECT count(*) FROM vascalc_schema")).isEqualTo(1);
        assertThat(text(db, "SELECT population || ' ' || arm FROM cohorts")).as("kept").isEqualTo("mesa none");
        assertThat(text(db, "SELECT trial || ' ' || members FROM trial_runs")).isEqualTo("knapen2015 2");
        assertThat(number(db, "SELECT count(*) FROM trial_member_outcomes")).isEqualTo(4);
    }

    /**
     * trialdb: a --db that cannot take the results is one line, exit 1, before any run, and the file is left as it
     * was: a path below a file, a file that is not DuckDB, a VasCalc database of a newer schema.
     */
    @Test
    void aDatabaseThatCannotTakeTheTrialIsOneLineBeforeAnyRunAndIsLeftAlone(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        CliRun below = CommandsTest.run("trial", "knapen2015", "--size", "2", "--db", file.resolve("t.duckdb").toString());
        badInput(below, "--db " + file.resolve("t.duckdb"), "is not a folder");
        assertThat(below.err().strip().lines()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo("not a folder");

        CliRun notDuck = CommandsTest.run("trial", "knapen2015", "--size", "2", "--db", file.toString());
        badInput(notDuck, "--db " + file + " cannot be opened as a DuckDB database");
        assertThat(notDuck.err().strip().lines()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo("not a folder");
        assertThat(notDuck.out()).doesNotContain("trial      knapen2015");

        Path newer = dir.resolve("newer.duckdb");
        ResultDatabase.appendCohorts(newer, List.of(new ResultDatabase.Cohort("mesa", "none", 1, 2, "FAST", "sha-p",
                List.of(), "0.1.0", "abc123", List.of())));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + newer.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("UPDATE vascalc_schema SET version = " + (ResultDatabase.SCHEMA_VERSION + 1));
        }
        byte[] before = Files.readAllBytes(newer);
        CliRun refused = CommandsTest.run("trial", "knapen2015", "--size", "2", "--db", newer.toString());
        badInput(refused, "--db " + newer + " holds VasCalc results of schema version " + (ResultDatabase.SCHEMA_VERSION + 1),
                "newer VasCalc");
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(Files.readAllBytes(newer)).isEqualTo(before);
        assertThat(refused.out()).doesNotContain("trial      knapen2015");
    }
}
