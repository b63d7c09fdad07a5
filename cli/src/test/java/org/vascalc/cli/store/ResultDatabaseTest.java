package org.vascalc.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.cli.UserInputException;
import org.vascalc.core.files.CompletedOutputs;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.output.Provenance;

class ResultDatabaseTest {

    private static ResultDatabase.Run run(String name, double scale) {
        Scenario s = new Scenario(name, "", Patient.referenceAdult(), List.of(), List.of(), 2, Recording.every(24));
        Trajectory t = new Trajectory(
                List.of(new OutputChannel("serumCalciumTotal", "mmol/L", "serum total calcium"),
                        new OutputChannel("pth", "pg/mL", "intact PTH")),
                new double[] {0, 24, 48},
                new double[][] {{2.40 * scale, 40}, {2.41 * scale, 41}, {2.42 * scale, 42}});
        return new ResultDatabase.Run(new SimulationResult(s, Mode.FAST, t, java.util.Map.of(), java.util.Map.of(), "sha-p"),
                new Provenance("0.1.0", "abc123", name + ".yaml", "sha-s-" + name, "sha-p", "FAST"));
    }

    private static ResultDatabase.Run runWith(String name, List<ParameterOverrides.Change> changes) {
        ResultDatabase.Run plain = run(name, 1);
        Provenance p = plain.provenance();
        return new ResultDatabase.Run(plain.result(), new Provenance(p.toolVersion(), p.commit(), p.scenarioFile(),
                p.scenarioSha256(), "sha-p-changed", p.mode(), changes));
    }

    private static final ParameterOverrides.Change LEAKY_GUT =
            new ParameterOverrides.Change("gutParacellularRate", 0.072, "1/h", 0.0389, "");

    /**
     * Runs {@code statements} on the file at {@code db}, in order: a file as an older VasCalc or another program
     * left it.
     */
    private static void execute(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String text(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static double scalar(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getDouble(1);
        }
    }

    @Test
    void runsAreStoredWithProvenanceAndAppendedWithNewIds(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("results.duckdb");
        ResultDatabase.Stored first = ResultDatabase.append(db, List.of(run("a", 1), run("b", 2)));
        assertThat(first.runIds()).containsExactly(1L, 2L);
        assertThat(first.trajectoryRows()).isEqualTo(12);
        ResultDatabase.Stored second = ResultDatabase.append(db, List.of(run("c", 3)));
        assertThat(second.runIds()).containsExactly(3L);
        assertThat(scalar(db, "SELECT count(*) FROM runs")).isEqualTo(3);
        assertThat(scalar(db, "SELECT value FROM trajectory WHERE run_id = 2 AND output = 'serumCalciumTotal' AND time_h = 48"))
                .isEqualTo(4.84);
        assertThat(scalar(db, "SELECT count(*) FROM runs WHERE scenario = 'c' AND scenario_sha256 = 'sha-s-c' "
                + "AND mode = 'FAST' AND tool_commit = 'abc123' AND duration_days = 2")).isEqualTo(1);
        assertThat(scalar(db, "SELECT count(*) FROM outputs WHERE run_id = 1 AND unit = 'pg/mL'")).isEqualTo(1);
        double storedAtUtc = scalar(db, "SELECT epoch(max(stored_at)) FROM runs");
        assertThat(Math.abs(storedAtUtc - java.time.Instant.now().getEpochSecond())).as("stored_at is UTC")
                .isLessThan(600);
    }

    @Test
    void aFailureHalfWayStoresNothingAndKeepsEarlierRuns(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("results.duckdb");
        ResultDatabase.append(db, List.of(run("a", 1)));
        ResultDatabase.Run good = run("b", 1);
        // The second run's rows are shorter than its channels: appending them fails after run b
        // and its rows were inserted, so the transaction must take b out again.
        assertThatThrownBy(() -> ResultDatabase.append(db, List.of(good, brokenRun(good))))
                .isInstanceOf(RuntimeException.class);
        assertThat(scalar(db, "SELECT count(*) FROM runs")).isEqualTo(1);
        assertThat(scalar(db, "SELECT count(*) FROM trajectory")).isEqualTo(6);
    }

    @Test
    void aNewFileThatFailsIsRemovedAgain(@TempDir Path dir) {
        Path db = dir.resolve("new.duckdb");
        assertThatThrownBy(() -> ResultDatabase.append(db, List.of(run("a", 1), brokenRun(run("b", 1)))))
                .isInstanceOf(RuntimeException.class);
        assertThat(db).doesNotExist();
        assertThat(dir.resolve("new.duckdb.wal")).doesNotExist();
    }

    /**
     * A store into a new file under missing folders made them and, when it then failed, removed the file but
     * left the folders (leftovers21, fifty-eighth session): exactly the folders made for it are removed, a
     * folder that was there is kept, and so is one that got another file meanwhile (with those above it).
     */
    @Test
    void aNewFileThatFailsTakesTheFoldersMadeForItAway(@TempDir Path dir) throws java.io.IOException {
        Path existing = Files.createDirectory(dir.resolve("existing"));
        Path db = existing.resolve("new/deeper/r.duckdb");
        assertThatThrownBy(() -> ResultDatabase.append(db, List.of(run("a", 1), brokenRun(run("b", 1)))))
                .isInstanceOf(RuntimeException.class);
        assertThat(existing).as("a failed store: nothing made is left, the folder that was there is kept")
                .isEmptyDirectory();

        ResultDatabase.CohortWriter abandoned = ResultDatabase.openCohorts(db, List.of(cohort("none", List.of())), 2);
        assertThat(existing.resolve("new/deeper")).as("made when the file is created").isDirectory();
        abandoned.close();
        assertThat(existing).as("a streamed cohort closed without its commit").isEmptyDirectory();

        ResultDatabase.CohortWriter other = ResultDatabase.openCohorts(db, List.of(cohort("none", List.of())), 2);
        Path notes = Files.writeString(existing.resolve("new/notes.txt"), "someone else's");
        other.close();
        assertThat(existing.resolve("new/deeper")).doesNotExist();
        assertThat(notes).as("a folder holding anything else is kept").exists();
    }

    /**
     * leftovers23 (leftovers22's Left): a Ctrl-C during a store into a new file in new folders removed the file (its
     * exit hook) and left the folders. The hook now removes the folders made for it too, deepest first, each only if
     * empty: an output written meanwhile into one of them (simulate's --out beside --db) keeps it and those above.
     * Here the hook's work is done (runExitCleanup, as at a Ctrl-C) while the cohort writer's transaction is open.
     */
    @Test
    void aCtrlCBeforeTheCommitTakesTheNewFileAndTheFoldersMadeForItAway(@TempDir Path dir) throws IOException {
        Path existing = Files.createDirectory(dir.resolve("existing"));
        Path db = existing.resolve("new/deeper/r.duckdb");
        ResultDatabase.CohortWriter first = ResultDatabase.openCohorts(db, List.of(cohort("none", List.of())), 2);
        try {
            ctrlC(db);
            assertThat(existing).as("what the Ctrl-C's hook leaves: the folder that was there, empty")
                    .isEmptyDirectory();
        } finally {
            first.close();
        }
        ResultDatabase.CohortWriter second = ResultDatabase.openCohorts(db, List.of(cohort("none", List.of())), 2);
        try {
            Path out = Files.writeString(existing.resolve("new/run.csv"), "an --out file written meanwhile");
            ctrlC(db);
            assertThat(existing.resolve("new/deeper")).doesNotExist();
            assertThat(out).as("a folder holding another output is kept").exists();
        } finally {
            second.close();
        }
    }

    /** What a Ctrl-C's shutdown hook does for the new database {@code db} (its watch found and run). */
    private static void ctrlC(Path db) {
        List<org.vascalc.core.files.TemporaryOnExit> watching = org.vascalc.core.files.TemporaryOnExit.active().stream()
                .filter(t -> t.temp().equals(db.toAbsolutePath())).toList();
        assertThat(watching).as("the new file is watched during its transaction").hasSize(1);
        watching.get(0).runExitCleanup();
    }

    @Test
    void aNewFileIsRemovedByACtrlCBeforeItsCommit(@TempDir Path dir) {
        // robust (thirty-third session): simulate --db interrupted in its first transaction left an empty 12 KB
        // database, since a Ctrl-C runs the shutdown hooks and not the catch that removes a new file. Here the
        // hook's work is done (runExitCleanup, as at a Ctrl-C) when the second run is about to be stored.
        Path db = dir.resolve("new.duckdb");
        boolean[] watched = {false};
        List<ResultDatabase.Run> runs = new java.util.AbstractList<>() {
            @Override
            public ResultDatabase.Run get(int i) {
                if (i == 1) {
                    for (org.vascalc.core.files.TemporaryOnExit t : org.vascalc.core.files.TemporaryOnExit.active()) {
                        if (t.temp().equals(db.toAbsolutePath())) {
                            watched[0] = true;
                            t.runExitCleanup();
                        }
                    }
                    assertThat(db).as("what a Ctrl-C leaves").doesNotExist();
                }
                return run(i == 0 ? "a" : "b", 1);
            }

            @Override
            public int size() {
                return 2;
            }
        };
        assertThatThrownBy(() -> ResultDatabase.append(db, runs)).isInstanceOf(RuntimeException.class);
        assertThat(watched[0]).as("the new file is watched during its transaction").isTrue();
        assertThat(db).doesNotExist();
        assertThat(dir.resolve("new.duckdb.wal")).doesNotExist();
        // stored normally, it is kept, and no hook is left behind for it
        ResultDatabase.append(db, List.of(run("a", 1)));
        assertThat(db).exists();
        assertThat(org.vascalc.core.files.TemporaryOnExit.active()).noneMatch(t -> t.temp().equals(db.toAbsolutePath()));
    }

    @Test
    void aCommittedDatabaseIsAmongTheCompletedOutputsAFailedOneIsNot(@TempDir Path dir) throws SQLException {
        // what an interrupted simulate --db names (cli.InterruptNotice): the database once its runs are committed
        Path db = dir.resolve("named.duckdb");
        ResultDatabase.append(db, List.of(run("a", 1))); // a new file
        assertThat(CompletedOutputs.soFar()).contains(db.toAbsolutePath());
        Path existing = dir.resolve("existing.duckdb");
        ResultDatabase.append(existing, List.of(run("a", 1)));
        ResultDatabase.append(existing, List.of(run("b", 1))); // appended to an existing file
        assertThat(CompletedOutputs.soFar()).containsOnlyOnce(existing.toAbsolutePath());
        Path failed = dir.resolve("failed.duckdb");
        assertThatThrownBy(() -> ResultDatabase.append(failed, List.of(run("a", 1), brokenRun(run("b", 1)))))
                .isInstanceOf(RuntimeException.class);
        assertThat(CompletedOutputs.soFar()).doesNotContain(failed.toAbsolutePath());
    }

    @Test
    void onceTheCompletedListIsSealedByAnInterruptNothingMoreIsStored(@TempDir Path dir) throws Exception {
        // sealing is for the JVM's life: done in a child JVM (SealedProbe), not in this one
        Path db = dir.resolve("results.duckdb");
        ResultDatabase.append(db, List.of(run("a", 1)));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SealedProbe.class.getName(), db.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("refused: could not store the results in --db " + db
                + ": not stored: the program is exiting; nothing was added to it");
        assertThat(scalar(db, "SELECT count(*) FROM runs")).as("the run after the seal is not stored").isEqualTo(1);
    }

    /** Seals the completed outputs (as an interrupt's notice does), then tries to store a run in {@code args[0]}. */
    static final class SealedProbe {
        public static void main(String[] args) {
            CompletedOutputs.seal();
            try {
                ResultDatabase.append(Path.of(args[0]), List.of(run("after", 1)));
                System.out.println("stored");
            } catch (UserInputException e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
    }

    @Test
    void aFileThatIsNotDuckDbIsRefusedBeforeAnyRunAndLeftAlone(@TempDir Path dir) throws Exception {
        Path notes = dir.resolve("notes.duckdb");
        Files.writeString(notes, "my notes, not a database\n");
        assertThatThrownBy(() -> ResultDatabase.requireUsable(notes)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("--db " + notes).hasMessageContaining("cannot be opened as a DuckDB database")
                // DuckDB's reason, its first line only: the message stays one line
                .hasMessageMatching("(?s)--db .* cannot be opened as a DuckDB database \\([^\n]+\\); give a new file "
                        + "name or a database VasCalc wrote, and close other programs using it");
        assertThat(Files.readString(notes)).isEqualTo("my notes, not a database\n");
    }

    @Test
    void aDatabaseWithForeignTablesOfTheSameNamesIsRefused(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("other.duckdb");
        execute(db, "CREATE TABLE runs (lap INTEGER, seconds DOUBLE)");
        assertThatThrownBy(() -> ResultDatabase.requireUsable(db)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("runs").hasMessageContaining("VasCalc did not make");
        assertThatThrownBy(() -> ResultDatabase.append(db, List.of(run("a", 1))))
                .isInstanceOf(UserInputException.class);
        assertThat(scalar(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'trajectory'"))
                .isZero();
    }

    @Test
    void aFolderOrAPathBelowAFileIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> ResultDatabase.requireUsable(dir)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is a folder");
        Path file = dir.resolve("file.txt");
        assertThatCode(() -> Files.writeString(file, "x")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ResultDatabase.requireUsable(file.resolve("r.duckdb")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("is not a folder");
    }

    @Test
    void missingFoldersAreMadeWhenTheResultsAreStored(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("runs/2026/results.duckdb");
        ResultDatabase.requireUsable(db);
        assertThat(dir.resolve("runs")).as("the check creates nothing").doesNotExist();
        ResultDatabase.append(db, List.of(run("a", 1)));
        assertThat(scalar(db, "SELECT count(*) FROM runs")).isEqualTo(1);
    }

    /** A run whose trajectory claims more channels than its rows hold: appending its rows fails. */
    private static ResultDatabase.Run brokenRun(ResultDatabase.Run like) {
        Trajectory t = like.result().trajectory();
        double[][] shortRows = {{1}};
        Trajectory broken = new Trajectory(t.channels(), new double[] {0}, shortRows);
        return new ResultDatabase.Run(new SimulationResult(like.result().scenario(), Mode.FAST, broken, java.util.Map.of(), java.util.Map.of(), "sha-p"), like.provenance());
    }

    /**
     * --set and a scenario's parameters: map changed only the hash in the database: a researcher could
     * see that two runs used different numbers, not which. The changes are stored as the summary's
     * provenance.parameterOverrides lists them; "[]" for none.
     */
    @Test
    void theParameterChangesAreStoredBesideTheHash(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("results.duckdb");
        ResultDatabase.append(db, List.of(run("plain", 1), runWith("leaky", List.of(LEAKY_GUT))));
        assertThat(text(db, "SELECT parameter_overrides FROM runs WHERE scenario = 'plain'")).isEqualTo("[]");
        assertThat(text(db, "SELECT parameter_overrides FROM runs WHERE scenario = 'leaky'")).isEqualTo(
                "[{\"name\":\"gutParacellularRate\",\"value\":0.072,\"unit\":\"1/h\",\"default\":0.0389}]");
        assertThat(text(db, "SELECT parameter_overrides->>'$[0].name' FROM runs WHERE scenario = 'leaky'"))
                .as("queryable with DuckDB's JSON operators").isEqualTo("gutParacellularRate");

        ResultDatabase.appendCohorts(db, List.of(new ResultDatabase.Cohort("mesa", "none", 1, 2, "FAST", "sha-p-changed",
                List.of(LEAKY_GUT), "0.1.0", "abc123", List.of())));
        assertThat(text(db, "SELECT parameter_overrides->>'$[0].value' FROM cohorts")).isEqualTo("0.072");
    }

    /**
     * Two hand-made members: member 0 a 72-year-old male smoker with measured labs, on a statin; member 1 the
     * reference adult (no labs measured). Follow-up 2 years: CT score 10 to 16 AU, 3 AU/year.
     */
    private static List<org.vascalc.simulation.cohort.FollowUp> twoMembers() {
        Patient man = Patient.referenceAdult().withId("mesa-0").withAgeYears(72)
                .withSex(org.vascalc.core.patient.Sex.MALE).withEgfrMlPerMin(55)
                .withLabs(java.util.OptionalDouble.of(2.45), java.util.OptionalDouble.of(1.1), java.util.OptionalDouble.empty())
                .withRisk(org.vascalc.core.patient.RiskFactors.typical().withHabits(true, false));
        var p0 = new org.vascalc.simulation.cohort.VirtualPerson(0, man, java.util.Map.of(),
                java.util.Optional.of(org.vascalc.core.intervention.Intervention.StatinIntensity.HIGH));
        var p1 = new org.vascalc.simulation.cohort.VirtualPerson(1, Patient.referenceAdult().withId("mesa-1"),
                java.util.Map.of(), java.util.Optional.empty());
        return List.of(
                new org.vascalc.simulation.cohort.FollowUp(p0, 2, 10, 16, 9.5, 310, 0.004, 0.012, 0.002,
                        new org.vascalc.simulation.cohort.FollowUp.Layers(5, 7, 1, 4)),
                new org.vascalc.simulation.cohort.FollowUp(p1, 2, 0, 0, 7.5, 330, 0.001, 0.003, 0.0005,
                        new org.vascalc.simulation.cohort.FollowUp.Layers(0, 0, 0, 0)));
    }

    private static ResultDatabase.Cohort cohort(String arm, List<org.vascalc.simulation.cohort.FollowUp> members) {
        return new ResultDatabase.Cohort("mesa", arm, 7, 2, "FAST", "sha-p", List.of(), "0.1.0", "abc123", members);
    }

    /** docs/stored-results.md: one cohorts row with its provenance, one cohort_members row per member. */
    @Test
    void aCohortIsStoredMemberByMemberWithItsProvenance(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("cohorts.duckdb");
        assertThat(ResultDatabase.appendCohorts(db, List.of(cohort("none", twoMembers()), cohort("mk7", twoMembers()))))
                .containsExactly(1L, 2L);
        assertThat(ResultDatabase.appendCohorts(db, List.of(cohort("statin", List.of())))).as("appended after them")
                .containsExactly(3L);
        assertThat(text(db, "SELECT string_agg(cohort_id || ':' || arm || ':' || members, ',' ORDER BY cohort_id) "
                + "FROM cohorts")).isEqualTo("1:none:2,2:mk7:2,3:statin:0");
        assertThat(scalar(db, "SELECT count(*) FROM cohorts WHERE population = 'mesa' AND seed = 7 AND years = 2 "
                + "AND mode = 'FAST' AND parameters_sha256 = 'sha-p' AND tool_version = '0.1.0' AND tool_commit = 'abc123' "
                + "AND parameter_overrides = '[]'")).isEqualTo(3);
        assertThat(Math.abs(scalar(db, "SELECT epoch(max(stored_at)) FROM cohorts") - java.time.Instant.now().getEpochSecond()))
                .as("stored_at is UTC").isLessThan(600);
        assertThat(scalar(db, "SELECT count(*) FROM cohort_members")).isEqualTo(4);
        String m0 = "FROM cohort_members WHERE cohort_id = 2 AND member = 0";
        assertThat(text(db, "SELECT person_id || '/' || sex || '/' || statin || '/' || smoker || '/' || diabetes " + m0))
                .isEqualTo("mesa-0/male/high/true/false");
        assertThat(scalar(db, "SELECT age " + m0)).isEqualTo(72);
        assertThat(scalar(db, "SELECT egfr " + m0)).isEqualTo(55);
        assertThat(scalar(db, "SELECT serum_calcium " + m0)).isEqualTo(2.45);
        assertThat(scalar(db, "SELECT serum_phosphate " + m0)).isEqualTo(1.1);
        // (16 - 10) AU over 2 years
        assertThat(scalar(db, "SELECT cac_change_per_year " + m0)).isEqualTo(3);
        assertThat(text(db, "SELECT concat_ws(',', cac_baseline, cac_end, intimal_mass_baseline, intimal_mass_end, "
                + "medial_mass_baseline, medial_mass_end, pwv_baseline, t50_baseline, mi_rate, cvd_rate, cv_death_rate) " + m0))
                .isEqualTo("10.0,16.0,5.0,7.0,1.0,4.0,9.5,310.0,0.004,0.012,0.002");
        String m1 = "FROM cohort_members WHERE cohort_id = 1 AND member = 1";
        assertThat(text(db, "SELECT sex || '/' || statin || '/' || smoker " + m1)).isEqualTo("female/none/false");
        assertThat(text(db, "SELECT serum_calcium " + m1)).as("not measured: NULL, not NaN").isNull();
        assertThat(text(db, "SELECT serum_phosphate " + m1)).isNull();
    }

    /**
     * The streamed writer (cohort --db): members arrive in batches; the commit makes them visible with the
     * size given as the member count; closing without a commit stores nothing and removes a file it created,
     * and leaves a file that was there as it was.
     */
    @Test
    void aStreamedCohortIsStoredOnlyWhenCommitted(@TempDir Path dir) throws SQLException {
        List<org.vascalc.simulation.cohort.FollowUp> members = twoMembers();
        Path fresh = dir.resolve("fresh.duckdb");
        ResultDatabase.CohortWriter abandoned = ResultDatabase.openCohorts(fresh, List.of(cohort("none", List.of())), 2);
        abandoned.append(0, members.subList(0, 1));
        abandoned.close();
        assertThat(fresh).as("a file this writer created, not committed").doesNotExist();
        assertThat(dir.resolve("fresh.duckdb.wal")).doesNotExist();

        Path db = dir.resolve("results.duckdb");
        ResultDatabase.appendCohorts(db, List.of(cohort("none", members)));
        ResultDatabase.CohortWriter stopped = ResultDatabase.openCohorts(db,
                List.of(cohort("none", List.of()), cohort("mk7", List.of())), 2);
        assertThat(stopped.ids()).containsExactly(2L, 3L);
        stopped.append(1, members);
        stopped.close();
        stopped.close(); // twice: nothing more happens
        assertThat(db).as("a file that was there is kept").exists();
        assertThat(scalar(db, "SELECT count(*) FROM cohorts")).isEqualTo(1);
        assertThat(scalar(db, "SELECT count(*) FROM cohort_members")).isEqualTo(2);

        ResultDatabase.CohortWriter w = ResultDatabase.openCohorts(db,
                List.of(cohort("none", List.of()), cohort("mk7", List.of())), 2);
        w.append(0, members.subList(0, 1));
        w.append(1, members);
        w.append(0, members.subList(1, 2));
        assertThat(w.commit()).containsExactly(2L, 3L);
        w.close(); // after the commit: nothing is rolled back
        assertThat(text(db, "SELECT string_agg(cohort_id || ':' || arm || ':' || members, ',' ORDER BY cohort_id) "
                + "FROM cohorts")).isEqualTo("1:none:2,2:none:2,3:mk7:2");
        assertThat(text(db, "SELECT string_agg(cohort_id || '/' || member, ',' ORDER BY cohort_id, member) "
                + "FROM cohort_members WHERE cohort_id > 1")).isEqualTo("2/0,2/1,3/0,3/1");
    }

    /**
     * Once the exit's first hook has closed the gate the JVM may halt at any moment: a new database is then
     * not created even for a moment, by either writer (writergate session: watched before DuckDB created it,
     * an exit in between removed nothing and left the file created after), and a file that was there is
     * untouched.
     */
    @Test
    void aNewDatabaseIsNotCreatedWhileTheProgramExits(@TempDir Path dir) throws java.io.IOException {
        Path db = dir.resolve("new.duckdb");
        org.vascalc.core.files.TemporaryOnExit.closeGateForTests();
        try {
            assertThatThrownBy(() -> ResultDatabase.append(db, List.of(run("a", 1))))
                    .hasMessageContaining("the program is exiting");
            assertThatThrownBy(() -> ResultDatabase.openCohorts(db, List.of(cohort("none", List.of())), 2))
                    .hasMessageContaining("the program is exiting");
        } finally {
            org.vascalc.core.files.TemporaryOnExit.reopenGateForTests();
        }
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left.toList()).isEmpty();
        }
    }

    /**
     * cohort --db into a new file: the file is watched from its creation, so a Ctrl-C's clean-up removes it
     * (not only the cohort command's own stop, which waits at most a minute), and the commit after it is
     * refused rather than storing into a removed file; stored normally, it is kept and no hook is left.
     */
    @Test
    void aNewCohortDatabaseIsRemovedByACtrlCBeforeItsCommit(@TempDir Path dir) {
        List<org.vascalc.simulation.cohort.FollowUp> members = twoMembers();
        Path db = dir.resolve("fresh.duckdb");
        ResultDatabase.CohortWriter w = ResultDatabase.openCohorts(db, List.of(cohort("none", List.of())), 2);
        w.append(0, members);
        org.vascalc.core.files.TemporaryOnExit hook = org.vascalc.core.files.TemporaryOnExit.active().stream()
                .filter(t -> t.temp().equals(db.toAbsolutePath())).findFirst().orElseThrow();
        hook.runExitCleanup(); // what the shutdown hook does at Ctrl-C
        assertThat(db).as("what a Ctrl-C leaves").doesNotExist();
        assertThatThrownBy(w::commit).hasMessageContaining("the program is exiting");
        assertThat(db).doesNotExist();
        assertThat(dir.resolve("fresh.duckdb.wal")).doesNotExist();

        ResultDatabase.CohortWriter stored = ResultDatabase.openCohorts(db, List.of(cohort("none", List.of())), 2);
        stored.append(0, members);
        assertThat(stored.commit()).containsExactly(1L);
        assertThat(db).exists();
        assertThat(org.vascalc.core.files.TemporaryOnExit.active()).noneMatch(t -> t.temp().equals(db.toAbsolutePath()));
    }

    /** The tables as VasCalc wrote them before parameter_overrides (schema version 1), with one run. */
    private static void writeVersionOneFile(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE vascalc_schema (version INTEGER NOT NULL)");
            s.execute("INSERT INTO vascalc_schema VALUES (1)");
            s.execute("CREATE TABLE runs (run_id BIGINT PRIMARY KEY, scenario VARCHAR NOT NULL, scenario_file VARCHAR "
                    + "NOT NULL, scenario_sha256 VARCHAR NOT NULL, parameters_sha256 VARCHAR NOT NULL, mode VARCHAR NOT NULL, "
                    + "tool_version VARCHAR NOT NULL, tool_commit VARCHAR NOT NULL, stored_at TIMESTAMP NOT NULL, "
                    + "duration_days DOUBLE NOT NULL)");
            s.execute("CREATE TABLE outputs (run_id BIGINT NOT NULL, output VARCHAR NOT NULL, unit VARCHAR NOT NULL, "
                    + "description VARCHAR NOT NULL)");
            s.execute("CREATE TABLE trajectory (run_id BIGINT NOT NULL, time_h DOUBLE NOT NULL, output VARCHAR NOT NULL, "
                    + "value DOUBLE)");
            s.execute("CREATE TABLE cohorts (cohort_id BIGINT PRIMARY KEY, population VARCHAR NOT NULL, arm VARCHAR NOT NULL, "
                    + "members INTEGER NOT NULL, seed BIGINT NOT NULL, years DOUBLE NOT NULL, mode VARCHAR NOT NULL, "
                    + "parameters_sha256 VARCHAR NOT NULL, tool_version VARCHAR NOT NULL, tool_commit VARCHAR NOT NULL, "
                    + "stored_at TIMESTAMP NOT NULL)");
            s.execute("INSERT INTO runs VALUES (1, 'old', 'old.yaml', 'sha-s', 'sha-p', 'FAST', '0.0.9', 'old', "
                    + "TIMESTAMP '2026-11-30 10:00:00', 2)");
            s.execute("INSERT INTO cohorts VALUES (1, 'mesa', 'none', 0, 7, 2, 'FAST', 'sha-p', '0.0.9', 'old', "
                    + "TIMESTAMP '2026-11-30 10:00:00')");
        }
    }

    @Test
    void aFileOfTheSchemaBeforeParameterChangesIsUpgradedWhenStoredIn(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("old.duckdb");
        writeVersionOneFile(db);
        assertThat(ResultDatabase.requireUsable(db)).as("the check says what storing will do, and does nothing")
                .hasValueSatisfying(note -> assertThat(note).contains("--db " + db).contains("older VasCalc")
                        .contains("schema version 1").contains("parameter_overrides").contains("NULL"));
        assertThat(scalar(db, "SELECT max(version) FROM vascalc_schema")).isEqualTo(1);

        ResultDatabase.append(db, List.of(runWith("leaky", List.of(LEAKY_GUT))));
        assertThat(scalar(db, "SELECT count(*) FROM runs")).isEqualTo(2);
        assertThat(text(db, "SELECT parameter_overrides FROM runs WHERE run_id = 1")).as("not recorded").isNull();
        assertThat(text(db, "SELECT parameter_overrides->>'$[0].name' FROM runs WHERE run_id = 2"))
                .isEqualTo("gutParacellularRate");
        assertThat(text(db, "SELECT scenario FROM runs WHERE run_id = 1")).isEqualTo("old");
        assertThat(text(db, "SELECT warnings FROM runs WHERE run_id = 1")).as("not recorded").isNull();
        assertThat(text(db, "SELECT warnings FROM runs WHERE run_id = 2")).as("recorded: none").isEqualTo("[]");
        assertThat(text(db, "SELECT parameter_overrides FROM cohorts WHERE cohort_id = 1")).isNull();
        assertThat(scalar(db, "SELECT max(version) FROM vascalc_schema")).isEqualTo(ResultDatabase.SCHEMA_VERSION);
        assertThat(ResultDatabase.requireUsable(db)).as("upgraded once").isEmpty();
        ResultDatabase.appendCohorts(db, List.of(new ResultDatabase.Cohort("mesa", "mk7", 1, 2, "FAST", "sha-p",
                List.of(), "0.1.0", "abc123", List.of())));
        assertThat(text(db, "SELECT parameter_overrides FROM cohorts WHERE cohort_id = 2")).isEqualTo("[]");
    }

    /**
     * leftovers24: the note for a file of schema version 4 or older named the trial tables alone, though storing
     * also makes cohort_agreement and catalog_changes (version 5's later tables). A file made by the old schema's
     * DDL (version 1, and the same brought to version 4 by its columns) is told every table it gains, and when;
     * the next store makes them, and a changed catalog's values are stored and read back there.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void anOldFileIsToldEveryTableItGainsAndGetsThemWhenStoredIn(int version, @TempDir Path dir) throws SQLException {
        Path db = dir.resolve("v" + version + ".duckdb");
        writeVersionOneFile(db);
        if (version == 4) {
            // the columns versions 2 to 4 added (no cohort_members here)
            execute(db, "ALTER TABLE runs ADD COLUMN parameter_overrides VARCHAR",
                    "ALTER TABLE cohorts ADD COLUMN parameter_overrides VARCHAR",
                    "ALTER TABLE runs ADD COLUMN warnings VARCHAR",
                    "UPDATE vascalc_schema SET version = 4");
        }
        List<String> gained = List.of("trial_runs", "trial_members", "trial_member_outcomes", "trial_outcomes",
                "trial_agreement", "trial_agreement_effects", "cohort_agreement", "catalog_changes");
        assertThat(ResultDatabase.requireUsable(db)).hasValueSatisfying(note -> assertThat(note)
                .contains("schema version " + version + "); storing upgrades it to version 6: ")
                .contains("the tables " + String.join(", ", gained) + " are added, empty")
                .contains("in the transaction that stores this command's results"));
        for (String table : gained) {
            assertThat(scalar(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'"))
                    .as("the check makes nothing: " + table).isZero();
        }

        ResultDatabase.appendCohorts(db, List.of(new ResultDatabase.Cohort("mesa", "none", 7, 2, "FAST", "sha-p-file",
                List.of(), "0.1.0", "abc123", twoMembers(), "my/leaky.csv", List.of(LEAKY_GUT))));
        for (String table : gained) {
            assertThat(scalar(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'"))
                    .as(table).isEqualTo(1);
        }
        assertThat(ResultDatabase.readCatalogChanges(db, "cohorts", 2)).containsExactly(LEAKY_GUT);
        assertThat(ResultDatabase.readCatalogChanges(db, "cohorts", 1)).as("the old file's cohort: none").isEmpty();
        assertThat(scalar(db, "SELECT count(*) FROM cohort_agreement")).isZero();
        assertThat(scalar(db, "SELECT max(version) FROM vascalc_schema")).isEqualTo(ResultDatabase.SCHEMA_VERSION);
        assertThat(ResultDatabase.requireUsable(db)).as("upgraded once").isEmpty();
    }

    /** labwarn2: a file of schema version 2 (before runs.warnings) gets only that column, NULL for its runs. */
    @Test
    void aFileOfTheSchemaBeforeRunWarningsGetsTheColumnWhenStoredIn(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("two.duckdb");
        writeVersionOneFile(db);
        execute(db, "ALTER TABLE runs ADD COLUMN parameter_overrides VARCHAR",
                "ALTER TABLE cohorts ADD COLUMN parameter_overrides VARCHAR",
                "UPDATE runs SET parameter_overrides = '[]'",
                "UPDATE vascalc_schema SET version = 2");
        assertThat(ResultDatabase.requireUsable(db)).hasValueSatisfying(note -> assertThat(note)
                .contains("schema version 2").contains("runs.warnings").doesNotContain("parameter_overrides"));
        ResultDatabase.append(db, List.of(run("new", 1)));
        assertThat(text(db, "SELECT coalesce(warnings, 'NULL') || ' ' || parameter_overrides FROM runs WHERE run_id = 1"))
                .isEqualTo("NULL []");
        assertThat(text(db, "SELECT warnings FROM runs WHERE run_id = 2")).isEqualTo("[]");
        assertThat(scalar(db, "SELECT max(version) FROM vascalc_schema")).isEqualTo(ResultDatabase.SCHEMA_VERSION);
    }

    @Test
    void aFailedStoreLeavesAnOldFileUnupgraded(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("old.duckdb");
        writeVersionOneFile(db);
        assertThatThrownBy(() -> ResultDatabase.append(db, List.of(run("a", 1), brokenRun(run("b", 1)))))
                .isInstanceOf(RuntimeException.class);
        assertThat(scalar(db, "SELECT max(version) FROM vascalc_schema")).isEqualTo(1);
        assertThat(scalar(db, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'parameter_overrides'"))
                .isZero();
    }

    @Test
    void aFileOfANewerSchemaIsRefusedNamingWhatToDo(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("new.duckdb");
        ResultDatabase.append(db, List.of(run("a", 1)));
        execute(db, "UPDATE vascalc_schema SET version = " + (ResultDatabase.SCHEMA_VERSION + 1));
        assertThatThrownBy(() -> ResultDatabase.requireUsable(db)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("newer VasCalc").hasMessageContaining("give a new database file");
    }

    /** Two members as {@link #twoMembers()}, member 0's run with a warning, member 1's with none. */
    private static List<org.vascalc.simulation.cohort.FollowUp> twoWarnedMembers() {
        List<org.vascalc.simulation.cohort.FollowUp> m = twoMembers();
        org.vascalc.simulation.cohort.FollowUp a = m.get(0);
        org.vascalc.simulation.cohort.FollowUp b = m.get(1);
        return List.of(new org.vascalc.simulation.cohort.FollowUp(a.person(), a.years(), a.cac0(), a.cacEnd(), a.pwv0(),
                        a.t50(), a.miRate(), a.cvdRate(), a.cvDeathRate(), a.layers(), java.util.Optional.of(List.of(
                                org.vascalc.core.input.InputProblem.warning("patient.serumPhosphateMmolL",
                                        "the run does not start at the measured phosphate: it starts at 2.630 mmol/L")))),
                new org.vascalc.simulation.cohort.FollowUp(b.person(), b.years(), b.cac0(), b.cacEnd(), b.pwv0(), b.t50(),
                        b.miRate(), b.cvdRate(), b.cvDeathRate(), b.layers(), java.util.Optional.of(List.of())));
    }

    /**
     * labrecord: each member's run's own warnings are stored with the member (cohort_members.warnings, as
     * runs.warnings holds a run's): a list of "path: message", [] for none, NULL where not known (a member
     * read back from a partial CSV by --resume).
     */
    @Test
    void aCohortMembersRunWarningsAreStoredWithTheMember(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("warned.duckdb");
        List<org.vascalc.simulation.cohort.FollowUp> unknown = twoMembers();
        ResultDatabase.appendCohorts(db, List.of(cohort("none", twoWarnedMembers()), cohort("mk7", unknown.subList(0, 1))));
        assertThat(text(db, "SELECT warnings FROM cohort_members WHERE cohort_id = 1 AND member = 0"))
                .isEqualTo("[\"patient.serumPhosphateMmolL: the run does not start at the measured phosphate: it "
                        + "starts at 2.630 mmol/L\"]");
        assertThat(text(db, "SELECT unnest(from_json(warnings, '[\"VARCHAR\"]')) FROM cohort_members WHERE cohort_id = 1"))
                .as("the documented query reads it back").startsWith("patient.serumPhosphateMmolL: ");
        assertThat(text(db, "SELECT warnings FROM cohort_members WHERE cohort_id = 1 AND member = 1")).isEqualTo("[]");
        assertThat(text(db, "SELECT warnings FROM cohort_members WHERE cohort_id = 2")).as("not known").isNull();
    }

    /** labrecord: a file of schema version 3 (before cohort_members.warnings) gets that column, NULL for its members. */
    @Test
    void aFileOfTheSchemaBeforeMemberWarningsGetsTheColumnWhenStoredIn(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("three.duckdb");
        ResultDatabase.appendCohorts(db, List.of(cohort("none", twoMembers())));
        ResultDatabase.append(db, List.of(run("a", 1)));
        // as VasCalc wrote it before labrecord
        execute(db, "ALTER TABLE cohort_members DROP COLUMN warnings",
                "UPDATE vascalc_schema SET version = 3");
        assertThat(ResultDatabase.requireUsable(db)).hasValueSatisfying(note -> assertThat(note)
                .contains("schema version 3").contains("cohort_members.warnings").doesNotContain("runs.warnings"));
        ResultDatabase.appendCohorts(db, List.of(cohort("mk7", twoWarnedMembers())));
        assertThat(scalar(db, "SELECT max(version) FROM vascalc_schema")).isEqualTo(ResultDatabase.SCHEMA_VERSION);
        assertThat(scalar(db, "SELECT count(*) FROM cohort_members WHERE cohort_id = 1 AND warnings IS NULL"))
                .as("stored before: not recorded").isEqualTo(2);
        assertThat(text(db, "SELECT string_agg(member || ' ' || warnings, ',' ORDER BY member) FROM cohort_members "
                + "WHERE cohort_id = 2")).startsWith("0 [\"patient.serumPhosphateMmolL: ").endsWith("\"],1 []");
        assertThat(scalar(db, "SELECT count(*) FROM runs")).as("the runs kept").isEqualTo(1);
        assertThat(text(db, "SELECT cac_end FROM cohort_members WHERE cohort_id = 2 AND member = 0"))
                .as("the members' other columns in their places").isEqualTo("16.0");
    }
    /**
     * catalognames: a run on a changed --parameters catalog kept only its hash in the database. Now each value that
     * differs from the model's is a row of catalog_changes, keyed by the run (runs, cohorts, trial_runs and its id),
     * read back as stored; a run on the model's own catalog has none.
     */
    @Test
    void aCatalogsChangedValuesAreStoredPerRunAndReadBack(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("results.duckdb");
        ResultDatabase.Run plain = run("plain", 1);
        Provenance p = plain.provenance();
        ResultDatabase.Run onFile = new ResultDatabase.Run(plain.result(), new Provenance(p.toolVersion(), p.commit(),
                "leaky.yaml", p.scenarioSha256(), "sha-p-file", p.mode(), List.of(), "my/leaky.csv", List.of(LEAKY_GUT)));
        assertThat(ResultDatabase.append(db, List.of(plain, onFile)).runIds()).containsExactly(1L, 2L);
        assertThat(ResultDatabase.readCatalogChanges(db, "runs", 2)).containsExactly(LEAKY_GUT);
        assertThat(ResultDatabase.readCatalogChanges(db, "runs", 1)).isEmpty();
        assertThat(text(db, "SELECT catalog_file || ' ' || parameter || ' ' || model_value || ' ' || catalog_value || ' ' "
                + "|| unit FROM catalog_changes WHERE run_table = 'runs' AND run_id = 2"))
                .isEqualTo("my/leaky.csv gutParacellularRate 0.0389 0.072 1/h");
        ResultDatabase.appendCohorts(db, List.of(new ResultDatabase.Cohort("mesa", "none", 7, 2, "FAST", "sha-p-file",
                List.of(), "0.1.0", "abc123", twoMembers(), "my/leaky.csv", List.of(LEAKY_GUT))));
        assertThat(ResultDatabase.readCatalogChanges(db, "cohorts", 1)).containsExactly(LEAKY_GUT);
        assertThat(ResultDatabase.readCatalogChanges(db, "trial_runs", 1)).as("keyed by the table too").isEmpty();
        assertThat(scalar(db, "SELECT count(*) FROM catalog_changes")).isEqualTo(2);
    }

    /**
     * A database written before catalog_changes existed (the same schema version 5, the table absent) still opens:
     * reading finds no changes, and the next store makes the table and fills it, the rows before untouched.
     */
    @Test
    void aDatabaseWithoutTheCatalogTableOpensAndGetsItWhenStoredIn(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("old.duckdb");
        ResultDatabase.append(db, List.of(run("a", 1)));
        execute(db, "DROP TABLE catalog_changes");
        assertThat(ResultDatabase.requireUsable(db)).isEmpty();
        assertThat(ResultDatabase.readCatalogChanges(db, "runs", 1)).isEmpty();
        ResultDatabase.Run plain = run("b", 1);
        Provenance p = plain.provenance();
        ResultDatabase.append(db, List.of(new ResultDatabase.Run(plain.result(), new Provenance(p.toolVersion(),
                p.commit(), p.scenarioFile(), p.scenarioSha256(), "sha-p-file", p.mode(), List.of(), "leaky.csv",
                List.of(LEAKY_GUT)))));
        assertThat(ResultDatabase.readCatalogChanges(db, "runs", 2)).containsExactly(LEAKY_GUT);
        assertThat(scalar(db, "SELECT count(*) FROM runs")).isEqualTo(2);
        assertThat(scalar(db, "SELECT max(version) FROM vascalc_schema")).isEqualTo(ResultDatabase.SCHEMA_VERSION);
    }

    /**
     * leftovers29: the database was the one store without the probability mark. A run's outputs now say whether each
     * is a probability (the wall's four risks; a fraction such as an intimal share is not one).
     */
    @Test
    void eachOutputSaysWhetherItIsAProbability(@TempDir Path dir) throws SQLException, IOException {
        Path db = dir.resolve("results.duckdb");
        ResultDatabase.append(db, List.of(runWithRisk("wall")));
        assertThat(text(db, "SELECT string_agg(output || ' ' || unit || ' ' || CAST(probability AS VARCHAR), ', ' "
                + "ORDER BY output) FROM outputs WHERE run_id = 1")).isEqualTo("cacIntimalShare 1 false, riskMi 1 true");
        // docs/stored-results.md's query, as printed there: the risk alone, in per cent
        String page = Files.readString(Path.of("../docs/stored-results.md"));
        int from = page.indexOf("-- the cumulative risks of run 1 at its last row, in per cent");
        String documented = page.substring(from, page.indexOf(";", from) + 1);
        assertThat(text(db, "SELECT string_agg(output || ' ' || round(percent, 6), ', ') FROM (" + documented
                .substring(documented.indexOf('\n') + 1, documented.length() - 1) + ")")).isEqualTo("riskMi 1.1");
    }

    /**
     * leftovers29: a file of schema version 5 (before outputs.probability) is told the column and gets it when stored
     * in, NULL (not recorded) for the outputs stored before, the new run's outputs marked.
     */
    @Test
    void aFileOfTheSchemaBeforeTheProbabilityMarkGetsTheColumnWhenStoredIn(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("five.duckdb");
        ResultDatabase.append(db, List.of(run("a", 1)));
        // as VasCalc wrote it before leftovers29
        execute(db, "ALTER TABLE outputs DROP COLUMN probability",
                "UPDATE vascalc_schema SET version = 5");
        assertThat(ResultDatabase.requireUsable(db)).hasValueSatisfying(note -> assertThat(note)
                .contains("schema version 5); storing upgrades it to version 6: outputs.probability are added, NULL")
                .doesNotContain("the tables"));
        ResultDatabase.append(db, List.of(runWithRisk("wall")));
        assertThat(scalar(db, "SELECT max(version) FROM vascalc_schema")).isEqualTo(ResultDatabase.SCHEMA_VERSION);
        assertThat(scalar(db, "SELECT count(*) FROM outputs WHERE run_id = 1 AND probability IS NULL"))
                .as("stored before: not recorded").isEqualTo(2);
        assertThat(text(db, "SELECT string_agg(output || ' ' || CAST(probability AS VARCHAR), ', ' ORDER BY output) "
                + "FROM outputs WHERE run_id = 2")).isEqualTo("cacIntimalShare false, riskMi true");
    }

    /** A run recording a probability (the MI risk) and a fraction that is not one, both of unit "1". */
    private static ResultDatabase.Run runWithRisk(String name) {
        Scenario s = new Scenario(name, "", Patient.referenceAdult(), List.of(), List.of(), 2, Recording.every(24));
        Trajectory t = new Trajectory(List.of(new OutputChannel("riskMi", "1", "cumulative MI risk", true),
                new OutputChannel("cacIntimalShare", "1", "intimal share of coronary mineral")),
                new double[] {0, 24}, new double[][] {{0.01, 0.5}, {0.011, 0.5}});
        return new ResultDatabase.Run(new SimulationResult(s, Mode.FAST, t, java.util.Map.of(), java.util.Map.of(), "sha-p"),
                new Provenance("0.1.0", "abc123", name + ".yaml", "sha-s-" + name, "sha-p", "FAST"));
    }
}
