package org.vascalc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vascalc cohort} on the real model (asked for by name: the test class path also holds the
 * command tests' fake, which has no population parameters): a few members, short follow-up.
 */
@ExtendWith(RealModel.class)
class CohortCommandTest {

    private static CliRun run(String... args) {
        return CommandsTest.run(args);
    }

    @Test
    void aSmallCohortIsSummarisedWrittenAndStoredAndTheSameSeedDrawsTheSamePeople(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("results.duckdb");
        CliRun r = run("cohort", "--population", "cric", "--size", "6", "--years", "1", "--seed", "7", "--threads", "2",
                "--out", dir.resolve("a").toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cohort     cric, 6 members, seed 7, 1 year of follow-up").contains("CT score   above 0 in")
                .contains("per 1000 person-years")
                .contains("; T50 ").contains(" min (serum calcification propensity: shorter, more prone) (means at baseline)")
                .contains("database   " + db + " (cohort 1, 6 members)")
                .contains("members    " + dir.resolve("a/cric-n6-seed7-none.csv")).as("one arm: no arm heading")
                .doesNotContain("arm none:").doesNotContain("chart      ")
                .as("its members start at their labs: no line (labwarn2)").doesNotContain("labs       ");
        Path csv = dir.resolve("a/cric-n6-seed7-none.csv");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("member,person_id,age [y],sex,egfr [mL/min/1.73m2]");
        assertThat(lines.get(1)).startsWith("0,cric-0,");
        // one thread, another folder: the same people and the same follow-up, row for row
        CliRun again = run("cohort", "--population", "cric", "--size", "6", "--years", "1", "--seed", "7", "--threads", "1",
                "--out", dir.resolve("b").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("b/cric-n6-seed7-none.csv"))).isEqualTo(lines);
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             var s = c.createStatement();
             var q = s.executeQuery("SELECT count(*), min(egfr), max(egfr), any_value(population || '/' || arm) "
                     + "FROM cohort_members JOIN cohorts USING (cohort_id)")) {
            q.next();
            assertThat(q.getInt(1)).isEqualTo(6);
            assertThat(q.getDouble(2)).isGreaterThanOrEqualTo(20);
            assertThat(q.getDouble(3)).isLessThanOrEqualTo(70);
            assertThat(q.getString(4)).isEqualTo("cric/none");
        }
    }

    /**
     * leftovers26: cohort leaves a summary JSON beside its CSV files, last: simulate's provenance block (here with a
     * --set value), the cohort asked for, and the numbers the console prints (each arm's summary, the comparison).
     */
    @Test
    void theSummaryFileKeepsTheProvenanceAndTheNumbersPrinted(@TempDir Path dir) throws Exception {
        CliRun r = run("cohort", "--population", "mesa", "--size", "3", "--years", "0.1", "--seed", "5", "--threads", "1",
                "--arm", "none,mk7", "--set", "miBasePerYear=0.001", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path file = dir.resolve("mesa-n3-seed5.summary.json");
        assertThat(r.out().strip()).endsWith("summary    " + file);
        com.fasterxml.jackson.databind.JsonNode s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        com.fasterxml.jackson.databind.JsonNode p = s.get("provenance");
        assertThat(p.get("toolVersion").asText()).isNotEmpty();
        assertThat(p.get("scenarioFile").asText()).startsWith("built in: each member's own follow-up over 0.1 years");
        assertThat(p.get("parameterSetSha256").asText()).hasSize(64);
        assertThat(p.get("mode").asText()).isEqualTo("FAST");
        assertThat(p.has("fastPath")).as("each member's run takes its own path").isFalse();
        assertThat(p.get("parameterOverrides").get(0).get("name").asText()).isEqualTo("miBasePerYear");
        assertThat(p.get("parameterOverrides").get(0).get("value").asDouble()).isEqualTo(0.001);
        assertThat(s.at("/cohort/population").asText()).isEqualTo("mesa");
        assertThat(s.at("/cohort/size").asInt()).isEqualTo(3);
        assertThat(s.at("/cohort/seed").asLong()).isEqualTo(5);
        assertThat(s.at("/cohort/years").asDouble()).isEqualTo(0.1);
        assertThat(s.at("/cohort/arms").toString()).isEqualTo("[\"none\",\"mk7\"]");
        assertThat(s.at("/arms/0/membersFile").asText()).isEqualTo("mesa-n3-seed5-none.csv");
        assertThat(s.at("/arms/1/arm").asText()).isEqualTo("mk7");
        assertThat(s.at("/arms/0/summary/members").asInt()).isEqualTo(3);
        // the numbers are those printed: each arm's MI rate as its events line gives it
        for (int a = 0; a < 2; a++) {
            double mi = s.at("/arms/" + a + "/summary/eventsPer1000PersonYears/mi").asDouble();
            assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "per 1000 person-years (modelled hazards): MI %.2f,", mi));
            assertThat(s.at("/arms/" + a + "/summary/byBaselineCtScore")).hasSize(4);
        }
        assertThat(s.at("/comparisons/0/arm").asText()).isEqualTo("mk7");
        assertThat(s.at("/comparisons/0/control").asText()).isEqualTo("none");
        assertThat(s.at("/comparisons/0/outcomes/0/name").asText()).isEqualTo("CT score change");
        double diff = s.at("/comparisons/0/outcomes/0/difference").asDouble();
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "%+12.4g", diff));
        assertThat(s.get("chart").asText()).isEqualTo("mesa-n3-seed5-trial.png");
        assertThat(s.has("agreement")).as("no check asked for").isFalse();
        assertThat(s.get("warnings").isArray()).isTrue();
    }

    /**
     * checkagree2: cohort --check-agreement N reruns N members chosen by the seed in reference mode in every arm and
     * prints the worst difference of their follow-up values; the cohort's own rows are those of the same run without
     * it. A value outside 1 to 50, or with --resume, is one line, exit 1.
     */
    @Test
    void theAgreementCheckRerunsMembersChosenByTheSeedAndLeavesTheRowsAlone(@TempDir Path dir) throws Exception {
        Path checkedDir = dir.resolve("checked");
        Path plainDir = dir.resolve("plain");
        Path db = dir.resolve("checked.duckdb");
        CliRun checked = run("cohort", "--population", "mesa", "--size", "3", "--years", "0.1", "--seed", "5",
                "--threads", "2", "--arm", "none,mk7", "--check-agreement", "1", "--out", checkedDir.toString(),
                "--db", db.toString());
        CliRun plain = run("cohort", "--population", "mesa", "--size", "3", "--years", "0.1", "--seed", "5",
                "--threads", "2", "--arm", "none,mk7", "--out", plainDir.toString());
        assertThat(checked.code()).as(checked.err()).isZero();
        assertThat(plain.code()).as(plain.err()).isZero();
        int member = org.vascalc.simulation.trial.AgreementCheck.choose(3, 1, 5).get(0);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("agreement  fast vs reference mode on 1 of the 3 "
                + "members \\(member " + member + ", chosen by the seed\\), every arm, \\d+\\.\\d s: worst follow-up value "
                + "differs by ([0-9.e+-]+) \\(\\w+, member " + member + " \\(mesa-\\d+\\), arm (none|mk7)\\): within fast "
                + "mode's 1 % agreement with reference mode").matcher(checked.out());
        assertThat(m.find()).as(checked.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(0.0, 0.01);
        assertThat(plain.out()).doesNotContain("agreement  ");
        // leftovers18: --db stores the check, one row per arm's cohort (cohort_agreement), as trial --db stores its own
        double printed = Double.parseDouble(m.group(1));
        double worstStored = 0;
        for (long id : List.of(1L, 2L)) {
            org.vascalc.cli.store.CohortAgreement a = org.vascalc.cli.store.ResultDatabase.readCohortAgreement(db, id)
                    .orElseThrow();
            assertThat(a.members()).containsExactly(member);
            assertThat(a.ids()).singleElement().asString().startsWith("mesa-");
            assertThat(a.worstAt()).contains("member " + member).endsWith("arm " + (id == 1 ? "none" : "mk7"));
            assertThat(a.withinLimit()).isTrue();
            worstStored = Math.max(worstStored, a.worst());
        }
        assertThat(String.format(java.util.Locale.ROOT, "%.2e", worstStored)).isEqualTo(m.group(1));
        assertThat(printed).isBetween(0.0, 0.01);
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             var s = c.createStatement();
             var q = s.executeQuery("SELECT count(*), min(members_checked), bool_and(within_limit), min(agreement_limit) "
                     + "FROM cohort_agreement JOIN cohorts USING (cohort_id)")) {
            q.next();
            assertThat(q.getInt(1)).isEqualTo(2);
            assertThat(q.getInt(2)).isEqualTo(1);
            assertThat(q.getBoolean(3)).isTrue();
            assertThat(q.getDouble(4)).isEqualTo(0.01);
        }
        for (String arm : List.of("none", "mk7")) {
            String csv = "mesa-n3-seed5-" + arm + ".csv";
            assertThat(Files.readString(checkedDir.resolve(csv))).as(csv).isEqualTo(Files.readString(plainDir.resolve(csv)));
        }
        for (String[] c : List.of(new String[] {"0", "--check-agreement = 0 members is outside the allowed range 1 to 50 members"},
                new String[] {"51", "--check-agreement = 51 members is outside the allowed range 1 to 50 members"})) {
            CliRun bad = run("cohort", "--size", "2", "--years", "0.1", "--check-agreement", c[0], "--out", dir.toString());
            assertThat(bad.code()).as(c[0]).isEqualTo(1);
            assertThat(bad.err()).contains(c[1]).doesNotContain("\tat org.");
        }
        CliRun resumed = run("cohort", "--size", "2", "--years", "0.1", "--check-agreement", "1", "--resume", "--out",
                dir.toString());
        assertThat(resumed.code()).isEqualTo(1);
        assertThat(resumed.err()).contains("--check-agreement cannot be given with --resume");
    }

    /**
     * review16: after the cohort's bar ended, --check-agreement's reference runs (a minute or more each) ran with
     * nothing on a terminal: 139 s of silence for 2 members, 2 arms, 2 years. Its own bar is drawn at once, at 0
     * of members x arms, and counts the runs; in a log a quick check writes nothing, as the cohort's bar.
     */
    @Test
    void theAgreementChecksReferenceRunsHaveABarDrawnAtOnce() {
        java.io.StringWriter text = new java.io.StringWriter();
        ProgressBar.Counter bar = CohortCommand.agreementBar(new java.io.PrintWriter(text), "mesa", 4, true);
        assertThat(text.toString()).startsWith("\ragreement mesa (reference mode) [").contains("   0.0 % 0/4 member-runs");
        bar.count(4, 4);
        assertThat(text.toString()).contains("100.0 % 4/4 member-runs").endsWith(System.lineSeparator());
        java.io.StringWriter log = new java.io.StringWriter();
        CohortCommand.agreementBar(new java.io.PrintWriter(log), "mesa", 4, false).count(4, 4);
        assertThat(log.toString()).isEmpty();
    }

    /**
     * checkbars: the check's bar moved only when a whole reference run ended (a minute or more each); it now asks to
     * be told the share of the runs under way and draws it, as /cohort's does. The runs give the same results told or
     * not (simulation's CohortRunnerContractTest, aProgressWithinRuns...).
     */
    @Test
    void theAgreementChecksBarMovesWithinEachReferenceRun() {
        java.io.StringWriter text = new java.io.StringWriter();
        // started two seconds ago and not yet drawn, so that the next report is drawn (at most four draws a second)
        ProgressBar.Counting bar = new ProgressBar.Counting(new java.io.PrintWriter(text),
                "agreement mesa (reference mode)", "member-runs", System.nanoTime() - 2_000_000_000L);
        org.vascalc.simulation.cohort.CohortProgress p = CohortCommand.checkProgress(bar);
        assertThat(p.withinRuns()).as("asks to be told within runs").isTrue();
        p.within(1.5, 4); // the second of 4 runs half done
        assertThat(text.toString()).contains("[###############.........................]  37.5 % 1/4 member-runs");
    }

    /**
     * labrecord: cohort --db stores each member's run warnings with the member, the ones the "labs" line
     * counts. A habitual phosphorus intake of 60 mmol/d makes the first plausible member's kidneys (eGFR 23)
     * unable to hold her measured phosphate, so her run warns; the second's does not ([]). Both arms' rows
     * are stored, each with its own run's warnings.
     */
    @Test
    void aCohortStoredInADatabaseKeepsEachMembersRunWarnings(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("warned.duckdb");
        CliRun r = run("cohort", "--population", "plausible", "--size", "2", "--years", "0.1", "--threads", "1",
                "--set", "po4HabitualIntake=60", "--arm", "none,mk7", "--out", dir.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("labs       1 of 2 members do not start at their measured phosphate (largest ")
                .contains("member plausible-0)");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             var s = c.createStatement();
             var q = s.executeQuery("SELECT string_agg(arm || '/' || member || ' ' || warnings, '|' ORDER BY arm, member) "
                     + "FROM cohort_members JOIN cohorts USING (cohort_id)")) {
            q.next();
            String[] rows = q.getString(1).split("\\|");
            assertThat(rows).hasSize(4);
            for (int arm = 0; arm < 2; arm++) {
                assertThat(rows[2 * arm]).matches("(mk7|none)/0 \\[\"patient\\.serumPhosphateMmolL: the run does not "
                        + "start at the measured phosphate: it starts at .* mmol/L, measured 1\\.13 mmol/L .*\"\\]");
                assertThat(rows[2 * arm + 1]).matches("(mk7|none)/1 \\[\\]");
            }
        }
    }

    @Test
    void aTrialRunsTheSameMembersInEveryArmAndComparesThemByLayer(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("trial.duckdb");
        CliRun r = run("cohort", "--population", "cric", "--size", "4", "--years", "2", "--arm", "none,mk7",
                "--out", dir.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("arms none, mk7").contains("mk7 vs none (paired, same members")
                .contains("medial calcium change").contains("database   " + db + " (cohorts 1-2, 4 members each)")
                .contains("\narm none: ").contains("\narm mk7: ").contains("members    " + dir.resolve("cric-n4-seed1-mk7.csv"))
                .contains("chart      " + dir.resolve("cric-n4-seed1-trial.png"));
        assertThat(javax.imageio.ImageIO.read(dir.resolve("cric-n4-seed1-trial.png").toFile()).getWidth()).isEqualTo(900);
        assertThat(r.err()).as("no picocli format warning or stack trace").isEmpty();
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             var s = c.createStatement();
             var q = s.executeQuery("""
                     SELECT avg(t.medial_mass_end - t.medial_mass_baseline - (n.medial_mass_end - n.medial_mass_baseline)),
                            avg(t.age - n.age), count(*)
                     FROM cohort_members t JOIN cohort_members n USING (member)
                     WHERE t.cohort_id = 2 AND n.cohort_id = 1""")) {
            q.next();
            // MK-7 carboxylates more MGP, which inhibits medial growth: less medial calcium than without
            assertThat(q.getDouble(1)).as("medial change, mk7 minus none (mg)").isNegative();
            assertThat(q.getDouble(2)).as("the same people in both arms").isZero();
            assertThat(q.getInt(3)).isEqualTo(4);
        }
    }

    @Test
    void membersAreStreamedInBatchesAndTheFilesAreTheSameByteForByteWhateverTheThreads(@TempDir Path dir) throws Exception {
        // 70 members: two batches with one thread (64 each), one with two threads (128 each)
        CliRun one = run("cohort", "--size", "70", "--years", "0.1", "--arm", "none,calcium", "--threads", "1",
                "--out", dir.resolve("one").toString());
        CliRun two = run("cohort", "--size", "70", "--years", "0.1", "--arm", "none,calcium", "--threads", "2",
                "--out", dir.resolve("two").toString());
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(two.code()).as(two.err()).isZero();
        for (String arm : List.of("none", "calcium")) {
            Path a = dir.resolve("one/mesa-n70-seed1-" + arm + ".csv");
            assertThat(Files.readAllLines(a)).hasSize(71);
            assertThat(Files.mismatch(a, dir.resolve("two/mesa-n70-seed1-" + arm + ".csv"))).as(arm).isEqualTo(-1L);
        }
        // the summaries and the paired comparison, accumulated batch by batch, are the same too
        assertThat(one.out().replaceAll("\\(fast mode, .*\\)", "").replace(dir.resolve("one").toString(), "DIR"))
                .isEqualTo(two.out().replaceAll("\\(fast mode, .*\\)", "").replace(dir.resolve("two").toString(), "DIR"));
    }

    @Test
    void aStoppedCohortKeepsItsFinishedMembersInAPartialFileStoresNothingAndResumesToTheSameResult(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("stopped.duckdb");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        // as Ctrl-C would: the stop is asked before the batch and before each run; true at the 6th question
        CohortCommand.testStop = () -> asked.incrementAndGet() >= 6;
        CliRun r;
        try {
            r = run("cohort", "--size", "10", "--years", "0.1", "--arm", "none,mk7", "--threads", "1", "--out", dir.toString(),
                    "--db", db.toString());
        } finally {
            CohortCommand.testStop = () -> false;
        }
        assertThat(r.code()).isEqualTo(CohortCommand.EXIT_STOPPED);
        // two arms: runs are started member by member in both arms; 4 runs = members 0 and 1 whole
        assertThat(r.err()).contains("cohort stopped after 2 of 10 members; members 0 to 1 kept in")
                .contains("the same command with --resume continues them").contains("nothing was stored in --db");
        assertThat(dir.resolve("mesa-n10-seed1-none.csv")).as("no final file").doesNotExist();
        assertThat(db).as("the database this run created is removed").doesNotExist();
        Path partial = dir.resolve("mesa-n10-seed1-none.partial.csv");
        List<String> kept = Files.readAllLines(partial);
        assertThat(kept).hasSize(3);
        assertThat(Files.readAllLines(dir.resolve("mesa-n10-seed1-mk7.partial.csv"))).hasSize(3);
        // a kill -9 in the middle of a write: a torn last row, cut off when resuming
        Files.writeString(partial, "2,mesa-2,61.", java.nio.file.StandardOpenOption.APPEND);

        CliRun resumed = run("cohort", "--size", "10", "--years", "0.1", "--arm", "none,mk7", "--threads", "2",
                "--out", dir.toString(), "--db", db.toString(), "--resume");
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("members 0 to 1 read from the partial files");
        assertThat(partial).doesNotExist();
        CliRun whole = run("cohort", "--size", "10", "--years", "0.1", "--arm", "none,mk7", "--threads", "2",
                "--out", dir.resolve("whole").toString(), "--db", dir.resolve("whole.duckdb").toString());
        assertThat(whole.code()).as(whole.err()).isZero();
        for (String arm : List.of("none", "mk7")) {
            Path a = dir.resolve("mesa-n10-seed1-" + arm + ".csv");
            assertThat(Files.mismatch(a, dir.resolve("whole/mesa-n10-seed1-" + arm + ".csv"))).as(arm).isEqualTo(-1L);
        }
        assertThat(Files.readAllLines(dir.resolve("mesa-n10-seed1-none.csv")).subList(0, 3)).isEqualTo(kept);
        // the summaries and the comparison fed from the partial files are those of the whole run
        String summary = resumed.out().substring(resumed.out().indexOf("baseline"), resumed.out().indexOf("database"));
        assertThat(summary.replace(dir.toString(), "DIR"))
                .isEqualTo(whole.out().substring(whole.out().indexOf("baseline"), whole.out().indexOf("database"))
                        .replace(dir.resolve("whole").toString(), "DIR"));
        for (Path d : List.of(db, dir.resolve("whole.duckdb"))) {
            try (var c = DriverManager.getConnection("jdbc:duckdb:" + d.toAbsolutePath());
                 var s = c.createStatement();
                 var q = s.executeQuery("SELECT count(*), sum(cac_end), sum(member) FROM cohort_members")) {
                q.next();
                assertThat(q.getInt(1)).isEqualTo(20);
                assertThat(q.getLong(3)).isEqualTo(2 * 45);
            }
        }
    }

    /**
     * An internal failure (a bug) half-way through a cohort: exit 2 with the stack trace, as every command, but
     * the plain sentence that says the run stopped, where its finished members are and how to resume them
     * comes before the trace, not after fifty lines of it.
     */
    @Test
    void anInternalFailureSaysWhereTheKeptMembersAreBeforeItsStackTrace(@TempDir Path dir) throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        // one thread, one arm: batches of 64 (CohortCommand.batchSize); the stop is asked before the batch and
        // before each of its 64 runs, so the 66th question opens the second batch: the first 64 members are done
        CohortCommand.testStop = () -> {
            if (asked.incrementAndGet() == 66) {
                throw new IllegalStateException("simulated internal failure");
            }
            return false;
        };
        CliRun r;
        try {
            r = run("cohort", "--size", "65", "--years", "0.1", "--threads", "1", "--out", dir.toString());
        } finally {
            CohortCommand.testStop = () -> false;
        }
        assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_INTERNAL);
        String err = r.err();
        int stopped = err.indexOf("vascalc: cohort stopped after 64 of 65 members; members 0 to 63 kept in "
                + dir.resolve("mesa-n65-seed1-none.partial.csv") + " (the same command with --resume continues them");
        assertThat(stopped).as(err).isNotNegative();
        assertThat(err.indexOf("\tat ")).as("the trace comes after the plain sentence").isGreaterThan(stopped);
        assertThat(err).contains("internal error (please report it with the command you ran)")
                .contains("simulated internal failure");
        assertThat(Files.readAllLines(dir.resolve("mesa-n65-seed1-none.partial.csv"))).hasSize(65);
        assertThat(dir.resolve("mesa-n65-seed1-none.csv")).as("no final file").doesNotExist();
    }

    /**
     * leftovers16: an OutOfMemoryError in a worker thread reached the top wrapped by the pool and was reported as an
     * internal error (exit 2, a stack trace). It is now thrown on out of {@link VasCalc#run} as the main thread's own
     * is, which main names ("stopped, out of memory ... fewer --threads", exit 1); the kept whole batches are said
     * first, and no final file is written. Injected (no real OOM): the stop question a worker asks throws it.
     */
    @Test
    void anOutOfMemoryErrorInAWorkerIsThrownOnAsTheMainThreadsNotAnInternalError(@TempDir Path dir) {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        // as above: the 66th question opens the second batch on the main thread, the 67th is its worker's first
        CohortCommand.testStop = () -> {
            if (asked.incrementAndGet() >= 67) {
                assertThat(Thread.currentThread().getName()).isEqualTo("vascalc-cohort");
                throw new OutOfMemoryError("Java heap space (injected)");
            }
            return false;
        };
        java.io.StringWriter err = new java.io.StringWriter();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> VasCalc.run(new java.io.PrintWriter(
                            new java.io.StringWriter(), true), new java.io.PrintWriter(err, true), "cohort", "--size", "65",
                            "--years", "0.1", "--threads", "1", "--out", dir.toString()))
                    .isInstanceOf(OutOfMemoryError.class).hasMessageContaining("injected");
        } finally {
            CohortCommand.testStop = () -> false;
        }
        assertThat(err.toString()).contains("vascalc: cohort stopped after 64 of 65 members; members 0 to 63 kept in "
                + dir.resolve("mesa-n65-seed1-none.partial.csv")).doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(dir.resolve("mesa-n65-seed1-none.csv")).as("no final file").doesNotExist();
    }

    @Test
    void resumeRefusesAPartialFileOfAnotherCohort(@TempDir Path dir) throws Exception {
        CliRun whole = run("cohort", "--size", "3", "--years", "0.1", "--out", dir.resolve("w").toString());
        assertThat(whole.code()).as(whole.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("w/mesa-n3-seed1-none.csv"));
        String[] member0 = rows.get(1).split(",", -1);
        member0[2] = "60.5"; // another age: not member 0 of seed 1
        Path partial = dir.resolve("mesa-n3-seed1-none.partial.csv");
        Files.writeString(partial, rows.get(0) + "\n" + String.join(",", member0) + "\n");
        CliRun r = run("cohort", "--size", "3", "--years", "0.1", "--out", dir.toString(), "--resume");
        assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--resume: row 1 of").contains("is not member 0 of this cohort")
                .contains("delete it or run without --resume").doesNotContain("cohort stopped");
        assertThat(Files.readString(partial)).as("left as it was").endsWith(String.join(",", member0) + "\n");
        assertThat(dir.resolve("mesa-n3-seed1-none.csv")).doesNotExist();
        // the right rows, saved with Windows line ends: refused too (its rows would be cut in the wrong places)
        Files.writeString(partial, rows.get(0) + "\r\n" + rows.get(1) + "\r\n");
        CliRun crlf = run("cohort", "--size", "3", "--years", "0.1", "--out", dir.toString(), "--resume");
        assertThat(crlf.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(crlf.err()).contains("does not start with the header of a cohort's members");
    }

    @Test
    void outOfRangeOptionsAreExitOneNamingTheOptionAndItsRange(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        CliRun size = run("cohort", "--size", "0", "--out", out.toString());
        assertThat(size.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(size.err()).contains("--size = 0 members is outside the allowed range 1 to 1000000");
        CliRun years = run("cohort", "--years", "90", "--out", out.toString());
        assertThat(years.err()).contains("--years = 90 years is outside the allowed range 0.1 to 40 years");
        CliRun pop = run("cohort", "--population", "framingham", "--out", out.toString());
        assertThat(pop.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(pop.err()).contains("'framingham' is not a population; use mesa, cric or plausible");
        // leftovers18: a typo gets the guess the other names get
        CliRun typo = run("cohort", "--population", "mesaa", "--out", out.toString());
        assertThat(typo.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(typo.err()).contains("'mesaa' is not a population (did you mean 'mesa'?); use mesa, cric or plausible");
        CliRun armTypo = run("cohort", "--arm", "none,mk77", "--out", out.toString());
        assertThat(armTypo.err()).contains("'mk77' is not a trial arm (did you mean 'mk7'?); use none,");
        CliRun arm = run("cohort", "--arm", "none,k2", "--out", out.toString());
        assertThat(arm.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        // no guess from two letters (the shared rule: EditDistance.closest), but the vitamin's name is answered by
        // the arm that gives it (leftovers22: "k2" named no arm)
        assertThat(arm.err()).contains("'k2' is not a trial arm; use none, calcium, mk7 (vitamin K2 as MK-7), "
                + "calcium+mk7 or statin");
        CliRun threads = run("cohort", "--threads", "0", "--out", out.toString());
        assertThat(threads.err()).contains("--threads = 0 is outside the allowed range 1 to 256");
        assertThat(out).doesNotExist();
    }

    /**
     * --help's ranges (size 1 to 1000000 members, years 0.1 to 40, threads 1 to 256): each end is taken and
     * the value just outside refused. An end is shown taken by the check after it refusing instead (--threads
     * 0 comes after --size and --years), so no cohort runs.
     */
    @Test
    void eachRangesEndsAreTakenAndJustOutsideRefused(@TempDir Path dir) {
        Path out = dir.resolve("out");
        for (String[] taken : new String[][] {{"--size", "1"}, {"--size", "1000000"}, {"--years", "0.1"},
                {"--years", "40"}}) {
            CliRun r = run("cohort", taken[0], taken[1], "--threads", "0", "--out", out.toString());
            assertThat(r.err()).as(String.join(" ", taken)).contains("--threads = 0 is outside the allowed range 1 to 256")
                    .doesNotContain(taken[0] + " = ");
        }
        assertThat(run("cohort", "--size", "1000001", "--out", out.toString()).err())
                .contains("--size = 1000001 members is outside the allowed range 1 to 1000000 members");
        assertThat(run("cohort", "--years", "0.09", "--out", out.toString()).err())
                .contains("--years = 0.09 years is outside the allowed range 0.1 to 40 years");
        assertThat(run("cohort", "--years", "40.5", "--out", out.toString()).err())
                .contains("--years = 40.5 years is outside the allowed range 0.1 to 40 years");
        // "NaN" is not a number, as the web forms say (DecimalText, leftovers22), with the option's range below
        assertThat(run("cohort", "--years", "NaN", "--out", out.toString()).err())
                .contains("Invalid value for option '--years': 'NaN' is not a number")
                .contains("--years=YEARS: Follow-up, 0.1 to 40 years");
        assertThat(run("cohort", "--threads", "257", "--out", out.toString()).err())
                .contains("--threads = 257 is outside the allowed range 1 to 256");
        assertThat(CohortCommand.workerThreads(256)).isEqualTo(256);
        assertThat(CohortCommand.workerThreads(1)).isEqualTo(1);
        assertThat(CohortCommand.workerThreads(null)).as("one per processor")
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(out).as("nothing written").doesNotExist();
        // the summary's first line says the follow-up as a reader would
        assertThat(CohortCommand.yearsText(1)).isEqualTo("1 year");
        assertThat(CohortCommand.yearsText(2.5)).isEqualTo("2.5 years");
        assertThat(CohortCommand.yearsText(40)).isEqualTo("40 years");
    }

    /**
     * --resume with nothing (or not everything) to resume: --help's "--resume continues a stopped run ... from its
     * partial files"; with one arm's partial file missing there is nothing whole to continue, so the run starts from
     * member 0 and says so. A partial file holding only the header has no member: a stop before the first member
     * keeps no file ("no member was finished, no file kept").
     */
    @Test
    void resumeWithoutEveryArmsPartialFileStartsFromMemberZeroAndAHeaderAloneIsNotKept(@TempDir Path dir)
            throws Exception {
        String header = org.vascalc.simulation.cohort.CohortTable.header();
        Path none = dir.resolve("mesa-n2-seed1-none.partial.csv");
        Files.writeString(none, header);
        CliRun r = run("cohort", "--size", "2", "--years", "0.1", "--arm", "none,mk7", "--threads", "1",
                "--out", dir.toString(), "--resume");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("vascalc: --resume: no partial files of this cohort in " + dir
                + "; starting from member 0");
        assertThat(r.out()).doesNotContain("read from the partial files");
        assertThat(Files.readAllLines(dir.resolve("mesa-n2-seed1-mk7.csv"))).hasSize(3);

        Files.writeString(dir.resolve("mesa-n3-seed1-none.partial.csv"), header);
        CohortCommand.testStop = () -> true; // as a Ctrl-C before the first member
        CliRun stopped;
        try {
            stopped = run("cohort", "--size", "3", "--years", "0.1", "--threads", "1", "--out", dir.toString(), "--resume");
        } finally {
            CohortCommand.testStop = () -> false;
        }
        assertThat(stopped.code()).isEqualTo(CohortCommand.EXIT_STOPPED);
        assertThat(stopped.err()).contains("vascalc: cohort stopped after 0 of 3 members; no member was finished, "
                + "no file kept");
        assertThat(dir.resolve("mesa-n3-seed1-none.partial.csv")).doesNotExist();
    }

    /**
     * --db on a file of schema version 1 (docs/stored-results.md, "Older files are upgraded"): named on stderr
     * before the run, upgraded with the cohort, the earlier row kept (NULL: not recorded); the --set change is
     * printed and stored beside the hash.
     */
    @Test
    void aCohortStoredInAnOlderDatabaseUpgradesItAndKeepsTheSetChange(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("old.duckdb");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); var s = c.createStatement()) {
            s.execute("CREATE TABLE vascalc_schema (version INTEGER NOT NULL)");
            s.execute("INSERT INTO vascalc_schema VALUES (1)");
            s.execute("CREATE TABLE cohorts (cohort_id BIGINT PRIMARY KEY, population VARCHAR NOT NULL, arm VARCHAR NOT NULL, "
                    + "members INTEGER NOT NULL, seed BIGINT NOT NULL, years DOUBLE NOT NULL, mode VARCHAR NOT NULL, "
                    + "parameters_sha256 VARCHAR NOT NULL, tool_version VARCHAR NOT NULL, tool_commit VARCHAR NOT NULL, "
                    + "stored_at TIMESTAMP NOT NULL)");
            s.execute("INSERT INTO cohorts VALUES (1, 'mesa', 'none', 0, 7, 2, 'FAST', 'sha-p', '0.0.9', 'old', "
                    + "TIMESTAMP '2026-11-30 10:00:00')");
        }
        CliRun r = run("cohort", "--size", "2", "--years", "0.1", "--threads", "1", "--set", "miBasePerYear=0.001",
                "--out", dir.resolve("out").toString(), "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("vascalc: --db " + db + " was written by an older VasCalc (schema version 1); "
                + "storing upgrades it to version 6");
        assertThat(r.out()).contains("parameters 1 value(s) set with --set: miBasePerYear")
                .contains("database   " + db + " (cohort 2, 2 members)");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); var s = c.createStatement();
             var q = s.executeQuery("SELECT (SELECT max(version) FROM vascalc_schema), "
                     + "(SELECT parameter_overrides FROM cohorts WHERE cohort_id = 1), "
                     + "(SELECT parameter_overrides->>'$[0].name' FROM cohorts WHERE cohort_id = 2), "
                     + "(SELECT parameter_overrides->>'$[0].value' FROM cohorts WHERE cohort_id = 2), "
                     + "(SELECT count(*) FROM cohort_members WHERE cohort_id = 2)")) {
            q.next();
            assertThat(q.getInt(1)).isEqualTo(org.vascalc.cli.store.ResultDatabase.SCHEMA_VERSION);
            assertThat(q.getString(2)).as("stored before: not recorded").isNull();
            assertThat(q.getString(3)).isEqualTo("miBasePerYear");
            assertThat(Double.parseDouble(q.getString(4))).isEqualTo(0.001);
            assertThat(q.getInt(5)).isEqualTo(2);
        }
    }

    /** A person's own factor is drawn for every member: a --set of it would not be used, so it is refused. */
    @Test
    void aSetOfAMembersOwnFactorIsRefusedAndARepeatedArmIsNamed(@TempDir Path dir) {
        CliRun own = run("cohort", "--size", "2", "--years", "0.1", "--set", "plaqueSusceptibility=1.2",
                "--out", dir.toString());
        assertThat(own.code()).as(own.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        assertThat(own.err()).contains("--set plaqueSusceptibility: plaqueSusceptibility is each member's own factor")
                .contains("plaqueSusceptibilityLogSd").doesNotContain("\tat ");
        // the arm named twice is the one named, not the first of the list
        CliRun twice = run("cohort", "--size", "2", "--years", "0.1", "--arm", "none,mk7,mk7", "--out", dir.toString());
        assertThat(twice.err()).contains("--arm lists 'mk7' more than once");
        assertThat(dir.toFile().list()).as("nothing written").isEmpty();
        // "64 per thread" (batchSize's comment): a batch is run in parallel, then written in member order
        assertThat(CohortCommand.batchSize(1)).isEqualTo(64);
        assertThat(CohortCommand.batchSize(2)).isEqualTo(128);
    }

    /** "--arm ," split into no arm and used to end in an IndexOutOfBoundsException (exit 2, a stack trace). */
    @Test
    void anArmOptionThatNamesNoArmIsBadInputNotAnInternalError(@TempDir Path dir) {
        for (String empty : List.of(",", ",,")) {
            CliRun r = run("cohort", "--size", "2", "--years", "0.5", "--arm", empty, "--out", dir.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("--arm names no arm").doesNotContain("internal error").doesNotContain("\tat ");
        }
        assertThat(dir.toFile().list()).as("nothing written").isEmpty();
    }

    @Test
    void anArmListedTwiceIsBadInputNotSilentlyDropped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRun r = run("cohort", "--size", "2", "--years", "0.5", "--arm", "none,mk7,none", "--out", dir.toString());
        org.assertj.core.api.Assertions.assertThat(r.code()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
        org.assertj.core.api.Assertions.assertThat(r.err()).contains("--arm lists 'none' more than once")
                .as("what is allowed, as /cohort names it (leftovers31)")
                .contains("give each arm once, of none, calcium, mk7, calcium+mk7, statin (the first is the control)");
        org.assertj.core.api.Assertions.assertThat(dir.toFile().list()).as("nothing written").isEmpty();
    }

    /**
     * review19: a result's name taken by a folder (the summary, an arm's CSV or its partial file, the trial chart) was
     * found only after the run, which ended in exit 1 naming the output folder, not the file, with the members' CSV
     * files written and no summary. Refused before the first member, as simulate and calibrate refuse it.
     */
    @Test
    void aResultNameTakenByAFolderIsRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
        for (String name : List.of("mesa-n2-seed1.summary.json", "mesa-n2-seed1-mk7.csv", "mesa-n2-seed1-none.partial.csv",
                "mesa-n2-seed1-trial.png")) {
            Path out = dir.resolve(name.replace('.', '_'));
            Path folder = Files.createDirectories(out.resolve(name));
            CliRun r = run("cohort", "--size", "2", "--years", "0.1", "--threads", "1", "--arm", "none,mk7",
                    "--out", out.toString(), "--db", out.resolve("c.duckdb").toString());
            assertThat(r.code()).as(r.err()).isEqualTo(VasCalc.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("cannot write " + folder + ": it is a folder; move it or choose another --out folder")
                    .doesNotContain("\tat ");
            assertThat(r.out()).as("refused before the first member").isEmpty();
            assertThat(out.toFile().list()).as("nothing written beside it").containsExactly(name);
        }
    }

    /** leftovers17: a cohort of one on one thread says "1 member" and "1 thread" (review14 met "1 threads"). */
    @Test
    void oneMemberOnOneThreadIsCountedInTheSingular(@TempDir Path dir) {
        CliRun r = run("cohort", "--population", "mesa", "--size", "1", "--years", "0.2", "--threads", "1",
                "--out", dir.toString(), "--db", dir.resolve("one.duckdb").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cohort     mesa, 1 member, seed ").contains("(fast mode, 1 thread, ")
                .contains("(cohort 1, 1 member)").doesNotContain("1 members").doesNotContain("1 threads");
    }
}
