package org.vascalc.cli.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.vascalc.cli.CliFiles;
import org.vascalc.cli.UserInputException;
import org.vascalc.core.files.CompletedOutputs;
import org.vascalc.core.files.TemporaryOnExit;
import org.vascalc.core.input.InputProblem;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.ParameterOverrides;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.CohortTable;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.output.Provenance;
import org.vascalc.simulation.output.SummaryJson;
import org.vascalc.simulation.trial.TrialResult;

/**
 * Simulation results stored in a DuckDB database file, so that many runs can be compared with SQL
 * (the DuckDB command line, Python, R, or any JDBC client) instead of by opening CSV files one by
 * one. Tables (schema version {@value #SCHEMA_VERSION}; docs/stored-results.md):
 * <ul>
 *   <li>{@code runs}: one row per run, with its provenance (tool version, commit, scenario file and
 *       its SHA-256, parameter set SHA-256 and the parameter changes behind it, mode), when it was stored,
 *       and its warnings (the scenario file's and the run's own, as in its summary.json);</li>
 *   <li>{@code outputs}: the recorded outputs of each run, with unit, description and whether it is a probability
 *       ({@link OutputChannel#probability()});</li>
 *   <li>{@code trajectory}: the recorded values in long form ({@code run_id, time_h, output, value});</li>
 *   <li>{@code cohorts} and {@code cohort_members}: a virtual cohort's (or trial arm's) provenance, and one row per
 *       member with its covariates and follow-up ({@link CohortTable}; {@code vascalc cohort}) and its run's
 *       warnings ({@code warnings}, as {@code runs.warnings});</li>
 *   <li>{@code trial_runs}, {@code trial_members}, {@code trial_member_outcomes} and {@code trial_outcomes}: a trial
 *       run's provenance, its members per arm, their outcome values and the trial's summary per outcome
 *       ({@link TrialTables}; {@code vascalc trial --db}); {@code trial_agreement} and {@code
 *       trial_agreement_effects}: its fast-mode check when asked for ({@code --check-agreement});</li>
 *   <li>{@code cohort_agreement}: a cohort's fast-mode check ({@code cohort --check-agreement N --db}), one row per
 *       arm ({@link CohortAgreement});</li>
 *   <li>{@code catalog_changes}: the values of a {@code --parameters} catalog that differ from the model's, one row
 *       per value, keyed by the run ({@code runs}, {@code cohorts} or {@code trial_runs} and its id), beside that
 *       run's {@code parameters_sha256} ({@link CatalogChanges}).</li>
 * </ul>
 * Every call of {@link #append}, {@link #appendCohorts} or {@link #appendTrials} is one transaction: either all of its runs are stored or none (a
 * failure rolls back; a database file this call created is removed again), so a failed or
 * interrupted write loses nothing that was there and leaves no half-stored run.
 */
public final class ResultDatabase {

    /**
     * Bumped when a table changes. Version 2 added {@code parameter_overrides} to {@code runs} and
     * {@code cohorts}; version 3 added {@code warnings} to {@code runs}; version 4 {@code warnings} to
     * {@code cohort_members}; version 5 the trial tables ({@link TrialTables#NAMES}); version 6 {@code probability}
     * to {@code outputs} (leftovers29: a column, so a VasCalc of version 5, which inserts an output's four values by
     * position, refuses the file instead of failing on it). A file of an older version (VasCalc before 2026-12-03:
     * 1; before 2026-12-05: 2; before the fiftieth session's labrecord: 3; before the fifty-first session's trialdb:
     * 4; before the sixty-second session's leftovers29: 5) is upgraded in place when results are stored in it
     * ({@link #UPGRADES}, and the tables it lacks made); a file of any other version is refused, not altered.
     */
    public static final int SCHEMA_VERSION = 6;

    /** Version 6's column: whether the output is a probability, NULL for the outputs stored before (not recorded). */
    private static final String[] OUTPUTS_PROBABILITY = {"outputs", "probability", "BOOLEAN"};

    /**
     * What upgrading a file of an older schema version adds: per version, the columns ({@code table},
     * {@code column}, type). Only additions, so the rows stored before keep every value and get NULL in
     * the new column ("not recorded").
     */
    private static final Map<Integer, List<String[]>> UPGRADES = Map.of(
            1, List.of(new String[] {"runs", "parameter_overrides", "VARCHAR"},
                    new String[] {"cohorts", "parameter_overrides", "VARCHAR"},
                    new String[] {"runs", "warnings", "VARCHAR"},
                    new String[] {"cohort_members", "warnings", "VARCHAR"},
                    OUTPUTS_PROBABILITY),
            2, List.of(new String[] {"runs", "warnings", "VARCHAR"},
                    new String[] {"cohort_members", "warnings", "VARCHAR"},
                    OUTPUTS_PROBABILITY),
            3, List.of(new String[] {"cohort_members", "warnings", "VARCHAR"}, OUTPUTS_PROBABILITY),
            4, List.<String[]>of(OUTPUTS_PROBABILITY), // version 5 added tables only (TrialTables), made by createTables
            5, List.<String[]>of(OUTPUTS_PROBABILITY));

    /** The tables version 5 added, which upgrading a file of an older version makes (empty). */
    private static final List<String> TABLES_OF_VERSION_5 = TrialTables.NAMES;

    /**
     * Every table added since version 4, in the order {@link #createTables} makes them: the trial tables (version 5,
     * the fifty-first session's trialdb; trial_agreement and trial_agreement_effects the fifty-sixth's checkagree2)
     * and two more tables of version 5 that kept its number, cohort_agreement (the fifty-seventh session's
     * leftovers18) and catalog_changes (the sixtieth's catalognames). A file of version 4 or older lacks them all and
     * gets them, empty, in the transaction of its next store: the upgrade note names them (leftovers24: it named the
     * trial tables alone).
     */
    private static final List<String> TABLES_ADDED_SINCE_VERSION_4 = Stream.concat(TABLES_OF_VERSION_5.stream(),
            Stream.of("cohort_agreement", CatalogChanges.TABLE)).toList();

    private static final Set<String> TABLES = Stream.concat(Stream.of("vascalc_schema", "runs",
            "outputs", "trajectory", "cohorts", "cohort_members", "cohort_agreement", CatalogChanges.TABLE), TABLES_OF_VERSION_5.stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** What {@link #append} stored: the new runs' ids and the number of trajectory rows. */
    public record Stored(List<Long> runIds, long trajectoryRows) {
    }

    /**
     * One cohort to store: which population, size, seed and follow-up, with the provenance of its
     * runs, and its members' rows ({@link CohortTable}).
     */
    public record Cohort(String population, String arm, long seed, double years, String mode, String parametersSha256,
                         List<ParameterOverrides.Change> parameterOverrides, String toolVersion, String toolCommit,
                         List<FollowUp> members, String parameterCatalog,
                         List<ParameterOverrides.Change> catalogChanges) {
        public Cohort {
            parameterOverrides = List.copyOf(parameterOverrides);
            members = List.copyOf(members);
            parameterCatalog = parameterCatalog == null ? "" : parameterCatalog;
            catalogChanges = List.copyOf(catalogChanges);
        }

        /** A cohort run on the model's own catalog (no {@code --parameters} file). */
        public Cohort(String population, String arm, long seed, double years, String mode, String parametersSha256,
                      List<ParameterOverrides.Change> parameterOverrides, String toolVersion, String toolCommit,
                      List<FollowUp> members) {
            this(population, arm, seed, years, mode, parametersSha256, parameterOverrides, toolVersion, toolCommit,
                    members, "", List.of());
        }
    }

    /**
     * One run to store: its result, where it came from, and the scenario file's warnings (stored with the
     * run's own, {@link SimulationResult#warnings()}, in {@code runs.warnings}, as the summary lists them).
     */
    public record Run(SimulationResult result, Provenance provenance, List<InputProblem> fileWarnings) {
        public Run {
            fileWarnings = List.copyOf(fileWarnings);
        }

        /** A run whose scenario file had no warnings. */
        public Run(SimulationResult result, Provenance provenance) {
            this(result, provenance, List.of());
        }
    }

    private ResultDatabase() {
    }

    /**
     * Checks, before a long run, that {@code file} is (or can become) a VasCalc result database:
     * its folder is writable or can be made, and an existing file opens as DuckDB with this schema version,
     * an older one this VasCalc upgrades, or none of VasCalc's tables yet. Creates and changes nothing.
     *
     * @return a note for the user if storing will upgrade the file (empty otherwise)
     */
    public static Optional<String> requireUsable(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserInputException("--db " + file + " is a folder; give a database file name, e.g. results.duckdb");
        }
        Path existing = file.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent(); // missing folders are made when the results are stored
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserInputException("--db " + file + ": " + existing + " is not a folder; choose another database path");
        }
        if (!Files.isWritable(existing)) {
            throw new UserInputException("--db " + file + ": the folder " + existing + " is not writable");
        }
        // permission bits say "writable" to root on a read-only mount or /proc: only making a file tells
        CliFiles.probe(existing, "--db " + file + ": cannot write in " + existing);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        int version;
        Set<String> present;
        try (Connection c = open(file)) {
            version = checkSchema(c, file);
            present = vascalcTables(c);
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
        if (version == 0 || version == SCHEMA_VERSION) {
            return Optional.empty();
        }
        List<String> columns = UPGRADES.get(version).stream().map(add -> add[0] + "." + add[1]).toList();
        // the file's own absences: each table added since version 4 that it lacks (all of them in a file VasCalc wrote)
        List<String> tables = TABLES_ADDED_SINCE_VERSION_4.stream().filter(t -> !present.contains(t)).toList();
        return Optional.of("--db " + file + " was written by an older VasCalc (schema version " + version
                + "); storing upgrades it to version " + SCHEMA_VERSION + ": " + (columns.isEmpty() ? ""
                : String.join(", ", columns) + " are added, NULL for the rows stored before (not recorded); ")
                + (tables.isEmpty() ? "" : "the tables " + String.join(", ", tables) + " are added, empty (the runs "
                        + "stored before have no rows there); ")
                + "all in the transaction that stores this command's results, so a failed store leaves the file as it "
                + "was; an older VasCalc then refuses to add to the file");
    }

    /** Stores the runs in one transaction; see the class comment. */
    public static Stored append(Path file, List<Run> runs) {
        return inTransaction(file, c -> appendIn(c, file, runs));
    }

    /**
     * One trial run to store: its result, which must keep its member runs ({@code
     * TrialRunner.keepingMembers()}), and its provenance.
     *
     * @param trialFile   the trial file as the user named it (or the path of a key's file)
     * @param trialSha256 SHA-256 of that file's bytes
     */
    public record Trial(TrialResult result, String trialFile, String trialSha256, String mode, String parametersSha256,
                        List<ParameterOverrides.Change> parameterOverrides, String toolVersion, String toolCommit,
                        String parameterCatalog, List<ParameterOverrides.Change> catalogChanges) {
        public Trial {
            parameterOverrides = List.copyOf(parameterOverrides);
            parameterCatalog = parameterCatalog == null ? "" : parameterCatalog;
            catalogChanges = List.copyOf(catalogChanges);
        }

        /** A trial run on the model's own catalog (no {@code --parameters} file). */
        public Trial(TrialResult result, String trialFile, String trialSha256, String mode, String parametersSha256,
                     List<ParameterOverrides.Change> parameterOverrides, String toolVersion, String toolCommit) {
            this(result, trialFile, trialSha256, mode, parametersSha256, parameterOverrides, toolVersion, toolCommit,
                    "", List.of());
        }
    }

    /** Stores trial runs (e.g. every trial of {@code trial --all}) in one transaction; returns their ids. */
    public static List<Long> appendTrials(Path file, List<Trial> trials) {
        return inTransaction(file, c -> {
            List<Long> ids = new ArrayList<>();
            long next = nextId(c, "trial_runs", "trial_run_id");
            LocalDateTime now = nowUtc();
            for (Trial t : trials) {
                TrialTables.insert(c, next, t, now);
                CatalogChanges.insert(c, "trial_runs", next, t.parameterCatalog(), t.catalogChanges());
                ids.add(next++);
            }
            return List.copyOf(ids);
        });
    }

    /**
     * The agreement check ({@code trial --check-agreement}) stored with trial run {@code trialRunId}, as the run made
     * it, or empty when that run was stored without one (or there is no such run): the stored rows read back.
     */
    public static Optional<org.vascalc.simulation.trial.AgreementCheck> readAgreement(Path file, long trialRunId) {
        try (Connection c = open(file)) {
            return TrialTables.readAgreement(c, trialRunId);
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
    }

    /**
     * Stores a cohort's agreement check ({@code cohort --check-agreement N --db}), one row per arm's cohort, in one
     * transaction, after the cohorts themselves were committed.
     */
    public static void appendCohortAgreement(Path file, List<CohortAgreement> rows) {
        inTransaction(file, c -> {
            for (CohortAgreement row : rows) {
                row.insert(c);
            }
            return null;
        });
    }

    /**
     * The values of its {@code --parameters} catalog that differ from the model's, stored with run {@code runId} of
     * {@code runTable} ({@code runs}, {@code cohorts} or {@code trial_runs}; table {@code catalog_changes}), each with
     * the model's value as its default; empty for a run on the model's own catalog, or a file without the table.
     */
    public static List<ParameterOverrides.Change> readCatalogChanges(Path file, String runTable, long runId) {
        try (Connection c = open(file)) {
            if (!hasTable(c, CatalogChanges.TABLE)) { // a file stored in before the table was made
                return List.of();
            }
            return CatalogChanges.read(c, runTable, runId);
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = 'main' AND table_name = ?")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    /** The agreement check stored with cohort {@code cohortId}, or empty when it was stored without one. */
    public static Optional<CohortAgreement> readCohortAgreement(Path file, long cohortId) {
        try (Connection c = open(file)) {
            return CohortAgreement.read(c, cohortId);
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
    }

    /** Stores cohorts (e.g. the arms of a trial) in one transaction; returns their ids. */
    public static List<Long> appendCohorts(Path file, List<Cohort> cohorts) {
        return inTransaction(file, c -> {
            List<Long> ids = new ArrayList<>();
            for (Cohort cohort : cohorts) {
                ids.add(appendCohortIn(c, file, cohort));
            }
            return List.copyOf(ids);
        });
    }

    /**
     * Opens a transaction that stores cohorts (e.g. the arms of a trial) whose members arrive in
     * batches ({@link CohortWriter#append}), so a large cohort is streamed into the database and not
     * held in memory. Nothing is visible to other readers until {@link CohortWriter#commit}; closing
     * without it rolls everything back (and removes a database file this call created), so an
     * interrupted cohort stores nothing. The database file stays locked while the writer is open.
     *
     * @param cohorts the cohorts' provenance; their member lists are ignored, {@code size} is stored as
     *                their member count
     */
    public static CohortWriter openCohorts(Path file, List<Cohort> cohorts, int size) {
        boolean created = !Files.exists(file);
        List<Path> made = created ? missingFolders(file) : List.of();
        Connection[] opened = new Connection[1];
        TemporaryOnExit watched = created ? createWatched(file, opened, made) : null;
        Connection c = created ? opened[0] : openCreatingFolder(file);
        CohortWriter w = new CohortWriter(file, c, made, created, watched);
        try {
            c.setAutoCommit(false);
            upgrade(c, checkSchema(c, file));
            createTables(c);
            List<Long> ids = new ArrayList<>();
            for (Cohort cohort : cohorts) {
                ids.add(insertCohort(c, cohort, size));
            }
            w.ids = List.copyOf(ids);
            return w;
        } catch (SQLException | RuntimeException e) {
            w.close();
            throw w.failure(e);
        }
    }

    /** An open transaction of streamed cohort members ({@link #openCohorts}). Not thread-safe. */
    public static final class CohortWriter implements AutoCloseable {
        private final Path file;
        private final Connection connection;
        private final List<Path> made; // the folders made for a new file, deepest first
        private final boolean created;
        private final TemporaryOnExit watched; // a file this writer created, until committed; else null
        private List<Long> ids = List.of();
        private boolean open = true;

        private CohortWriter(Path file, Connection connection, List<Path> made, boolean created, TemporaryOnExit watched) {
            this.file = file;
            this.connection = connection;
            this.made = made;
            this.created = created;
            this.watched = watched;
        }

        /** The ids the cohorts get when committed, in the order given. */
        public List<Long> ids() {
            return ids;
        }

        /** Appends members of cohort {@code k} (the order given to {@link #openCohorts}). */
        public void append(int k, List<FollowUp> members) {
            try {
                appendMembers(connection, ids.get(k), members);
            } catch (SQLException | RuntimeException e) {
                close();
                throw failure(e);
            }
        }

        /** Makes everything appended visible, in one commit, and closes the database. */
        public List<Long> commit() {
            try {
                ResultDatabase.commit(connection, file, watched);
                open = false;
                connection.close();
                if (watched != null) {
                    watched.close(); // committed: the hook removed, the file kept
                }
                return ids;
            } catch (SQLException e) {
                close();
                throw failure(e);
            }
        }

        /** Without {@link #commit}: rolls back and closes; a database file this writer created is removed. */
        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            try (connection) {
                connection.rollback();
            } catch (SQLException ignored) {
                // closing anyway: an uncommitted transaction is not stored
            }
            if (created) {
                deleteCreated(file, made);
            }
            if (watched != null) {
                watched.close();
            }
        }

        private RuntimeException failure(Exception e) {
            if (e instanceof SQLException s) {
                return new UserInputException("could not store the results in --db " + file + ": " + firstLine(s)
                        + "; nothing was added to it", s);
            }
            return (RuntimeException) e;
        }
    }

    /** Opens (creating) the database file, creating its folder first; a user's mistake says which. */
    private static Connection openCreatingFolder(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return open(file);
        } catch (IOException e) {
            throw new UserInputException("--db " + file + ": cannot create its folder: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
    }

    /**
     * Opens (DuckDB creating it) the new database {@code file} into {@code opened[0]} and watches it from
     * its creation, under the exit's gate ({@link TemporaryOnExit#create}): watched before DuckDB created it,
     * an exit in between removed nothing and the file created after was left (writergate session); refused,
     * creating nothing, once the program is exiting.
     */
    private static TemporaryOnExit createWatched(Path file, Connection[] opened, List<Path> made) {
        try {
            // a Ctrl-C before the commit removes the file, its write-ahead log and the folders made for it
            // (leftovers23: the hook watched the file alone and left the folders), each folder only if empty
            List<Path> madeFor = new ArrayList<>();
            madeFor.add(wal(file));
            madeFor.addAll(made);
            return TemporaryOnExit.create(file, madeFor, () -> opened[0] = openCreatingFolder(file));
        } catch (IOException exiting) { // what was created the refusal deleted; the connection is ours to close
            closeQuietly(opened[0]);
            deleteCreated(file, made);
            throw new UncheckedIOException(exiting);
        } catch (RuntimeException e) { // DuckDB could not open it: nothing of it kept, as before
            closeQuietly(opened[0]);
            deleteCreated(file, made);
            throw e;
        }
    }

    /** The folders above {@code file} that do not exist yet, deepest first: those storing a new file makes. */
    private static List<Path> missingFolders(Path file) {
        return TemporaryOnExit.missingFolders(file.toAbsolutePath().getParent());
    }

    /**
     * Deletes a database file this VasCalc created and the folders {@code made} for it, deepest first: a store
     * that failed left {@code --db new/deeper/r.duckdb}'s two folders behind (leftovers21). A folder that holds
     * anything else (another process's file, made meanwhile) is kept, and so are those above it.
     */
    private static void deleteCreated(Path file, List<Path> made) {
        deleteQuietly(file);
        for (Path dir : made) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException notEmptyOrNotOurs) {
                return;
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // its file is deleted next: nothing of it is kept
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T inTransaction(Path file, Work<T> work) {
        boolean created = !Files.exists(file);
        List<Path> made = created ? missingFolders(file) : List.of();
        // a file this call creates is removed also on Ctrl-C before the commit (a shutdown hook: the catch
        // below does not run then; robust, thirty-third session, found an empty 12 KB database left)
        Connection[] opened = new Connection[1];
        TemporaryOnExit watched = created ? createWatched(file, opened, made) : null;
        Connection c = created ? opened[0] : openCreatingFolder(file);
        try (c) {
            try {
                c.setAutoCommit(false);
                // every store: the schema checked, an older one upgraded, missing tables of this version made
                upgrade(c, checkSchema(c, file));
                createTables(c);
                T result = work.run(c);
                commit(c, file, watched);
                return result;
            } catch (SQLException | RuntimeException e) {
                // a rollback that fails too (a full disk: "no transaction is active") must not hide the cause
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            if (created) {
                deleteCreated(file, made);
            }
            if (e instanceof SQLException s) {
                throw new UserInputException("could not store the results in --db " + file + ": " + firstLine(s)
                        + "; nothing was added to it", s);
            }
            throw (RuntimeException) e;
        } finally {
            if (watched != null) {
                watched.close(); // committed: the hook removed, the file kept
            }
        }
    }

    /**
     * Commits and records {@code file} among the completed outputs, which an interrupted command names
     * (cli.InterruptNotice); refused once that list is sealed (the JVM is exiting for a signal), so the
     * line stays true: then nothing is stored. For a new file, under the exit hook's lock too, so a Ctrl-C
     * removes it only if not committed.
     */
    private static void commit(Connection c, Path file, TemporaryOnExit watched) throws SQLException {
        TemporaryOnExit.Action commit = () -> {
            try {
                c.commit();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        };
        try {
            if (watched != null) {
                watched.commit(file, commit);
            } else if (!CompletedOutputs.complete(file.toAbsolutePath(), commit)) {
                throw new SQLException("not stored: the program is exiting");
            }
        } catch (IOException e) {
            throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
        }
    }

    private static long appendCohortIn(Connection c, Path file, Cohort cohort) throws SQLException {
        long id = insertCohort(c, cohort, cohort.members().size());
        appendMembers(c, id, cohort.members());
        return id;
    }

    private static long insertCohort(Connection c, Cohort cohort, int size) throws SQLException {
        long id = nextId(c, "cohorts", "cohort_id");
        try (PreparedStatement s = c.prepareStatement("INSERT INTO cohorts (cohort_id, population, arm, members, seed, "
                + "years, mode, parameters_sha256, tool_version, tool_commit, stored_at, parameter_overrides) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, cohort.population());
            s.setString(3, cohort.arm());
            s.setInt(4, size);
            s.setLong(5, cohort.seed());
            s.setDouble(6, cohort.years());
            s.setString(7, cohort.mode());
            s.setString(8, cohort.parametersSha256());
            s.setString(9, cohort.toolVersion());
            s.setString(10, cohort.toolCommit());
            s.setObject(11, nowUtc());
            s.setString(12, SummaryJson.overridesJson(cohort.parameterOverrides()));
            s.executeUpdate();
        }
        CatalogChanges.insert(c, "cohorts", id, cohort.parameterCatalog(), cohort.catalogChanges());
        return id;
    }

    private static void appendMembers(Connection c, long id, List<FollowUp> members) throws SQLException {
        try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "cohort_members")) {
            for (FollowUp u : members) {
                a.beginRow();
                a.append(id);
                for (CohortTable.Column col : CohortTable.COLUMNS) {
                    Object v = col.value().apply(u);
                    switch (col.kind()) {
                        case INTEGER -> a.append(((Number) v).longValue());
                        case REAL -> {
                            double d = ((Number) v).doubleValue();
                            if (Double.isNaN(d)) {
                                a.appendNull();
                            } else {
                                a.append(d);
                            }
                        }
                        case TEXT -> a.append((String) v);
                        case BOOLEAN -> a.append((boolean) (Boolean) v);
                    }
                }
                // the member's run's own warnings, as runs.warnings holds a run's; NULL: not known (--resume)
                if (u.warnings().isPresent()) {
                    a.append(SummaryJson.warningsJson(u.warnings().get()));
                } else {
                    a.appendNull();
                }
                a.endRow();
            }
        }
    }

    private static long nextId(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(" + column + "), 0) FROM " + table)) {
            r.next();
            return r.getLong(1) + 1;
        }
    }

    // UTC wall-clock time, whatever the machine's time zone (TIMESTAMP has no zone).
    private static LocalDateTime nowUtc() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Stored appendIn(Connection c, Path file, List<Run> runs) throws SQLException {
        long next = nextId(c, "runs", "run_id");
        List<Long> ids = new ArrayList<>();
        long rows = 0;
        LocalDateTime now = nowUtc();
        try (PreparedStatement run = c.prepareStatement("INSERT INTO runs (run_id, scenario, scenario_file, "
                + "scenario_sha256, parameters_sha256, mode, tool_version, tool_commit, stored_at, duration_days, "
                + "parameter_overrides, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement output = c.prepareStatement("INSERT INTO outputs (run_id, output, unit, description, "
                     + "probability) VALUES (?, ?, ?, ?, ?)")) {
            for (Run item : runs) {
                long id = next++;
                Provenance p = item.provenance();
                run.setLong(1, id);
                run.setString(2, item.result().scenario().name());
                run.setString(3, p.scenarioFile());
                run.setString(4, p.scenarioSha256());
                run.setString(5, p.parameterSetSha256());
                run.setString(6, p.mode());
                run.setString(7, p.toolVersion());
                run.setString(8, p.commit());
                run.setObject(9, now);
                run.setDouble(10, item.result().scenario().durationDays());
                run.setString(11, SummaryJson.overridesJson(p.parameterOverrides()));
                run.setString(12, SummaryJson.warningsJson(item.fileWarnings(), item.result()));
                run.executeUpdate();
                for (OutputChannel ch : item.result().trajectory().channels()) {
                    output.setLong(1, id);
                    output.setString(2, ch.id());
                    output.setString(3, ch.unit());
                    output.setString(4, ch.description());
                    output.setBoolean(5, ch.probability());
                    output.executeUpdate();
                }
                rows += appendTrajectory((DuckDBConnection) c, id, item.result().trajectory());
                CatalogChanges.insert(c, "runs", id, p.parameterCatalog(), p.catalogChanges());
                ids.add(id);
            }
        }
        return new Stored(List.copyOf(ids), rows);
    }

    private static long appendTrajectory(DuckDBConnection c, long runId, Trajectory t) throws SQLException {
        long rows = 0;
        List<OutputChannel> channels = t.channels();
        double[] times = t.timesHours();
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "trajectory")) {
            for (int k = 0; k < times.length; k++) {
                double[] row = t.row(k);
                for (int j = 0; j < channels.size(); j++) {
                    a.beginRow();
                    a.append(runId);
                    a.append(times[k]);
                    a.append(channels.get(j).id());
                    a.append(row[j]);
                    a.endRow();
                    rows++;
                }
            }
        }
        return rows;
    }

    /** The file's schema version (0: none of VasCalc's tables yet); refuses one this VasCalc cannot write to. */
    private static int checkSchema(Connection c, Path file) throws SQLException {
        Set<String> present = vascalcTables(c);
        if (present.isEmpty()) {
            return 0;
        }
        if (!present.contains("vascalc_schema")) {
            throw new UserInputException("--db " + file + " has tables named " + String.join(", ", present)
                    + " that VasCalc did not make; give another database file");
        }
        int version;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(version) FROM vascalc_schema")) {
            r.next();
            version = r.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw new UserInputException("--db " + file + " holds VasCalc results of schema version " + version
                    + ", written by a newer VasCalc (this one writes version " + SCHEMA_VERSION + "); store with that "
                    + "VasCalc or give a new database file");
        }
        if (version != SCHEMA_VERSION && !UPGRADES.containsKey(version)) { // a missing table of this version is made when storing
            throw new UserInputException("--db " + file + " holds VasCalc results of schema version " + version
                    + " (this VasCalc writes version " + SCHEMA_VERSION + "); give a new database file");
        }
        return version;
    }

    /** The tables of the file that bear a name of VasCalc's, sorted. */
    private static Set<String> vascalcTables(Connection c) throws SQLException {
        Set<String> present = new TreeSet<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")) {
            while (r.next()) {
                String name = r.getString(1);
                if (TABLES.contains(name)) {
                    present.add(name);
                }
            }
        }
        return present;
    }

    /**
     * Brings a file of an older schema version to this one, inside the store's transaction (a failed
     * store leaves the file as it was): adds the columns that version lacks to the tables it has (a missing
     * table is made whole by {@link #createTables}), then records the new version.
     */
    private static void upgrade(Connection c, int version) throws SQLException {
        if (version == 0 || version == SCHEMA_VERSION) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String[] add : UPGRADES.get(version)) {
                s.execute("ALTER TABLE IF EXISTS " + add[0] + " ADD COLUMN IF NOT EXISTS " + add[1] + " " + add[2]);
            }
            s.execute("UPDATE vascalc_schema SET version = " + SCHEMA_VERSION);
        }
    }

    private static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS vascalc_schema (version INTEGER NOT NULL)");
            s.execute("INSERT INTO vascalc_schema SELECT " + SCHEMA_VERSION
                    + " WHERE NOT EXISTS (SELECT 1 FROM vascalc_schema)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS runs (
                      run_id BIGINT PRIMARY KEY,
                      scenario VARCHAR NOT NULL,
                      scenario_file VARCHAR NOT NULL,
                      scenario_sha256 VARCHAR NOT NULL,
                      parameters_sha256 VARCHAR NOT NULL,
                      mode VARCHAR NOT NULL,
                      tool_version VARCHAR NOT NULL,
                      tool_commit VARCHAR NOT NULL,
                      stored_at TIMESTAMP NOT NULL,
                      duration_days DOUBLE NOT NULL,
                      parameter_overrides VARCHAR,
                      warnings VARCHAR)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS outputs (
                      run_id BIGINT NOT NULL,
                      output VARCHAR NOT NULL,
                      unit VARCHAR NOT NULL,
                      description VARCHAR NOT NULL,
                      probability BOOLEAN)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS trajectory (
                      run_id BIGINT NOT NULL,
                      time_h DOUBLE NOT NULL,
                      output VARCHAR NOT NULL,
                      value DOUBLE)""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS cohorts (
                      cohort_id BIGINT PRIMARY KEY,
                      population VARCHAR NOT NULL,
                      arm VARCHAR NOT NULL,
                      members INTEGER NOT NULL,
                      seed BIGINT NOT NULL,
                      years DOUBLE NOT NULL,
                      mode VARCHAR NOT NULL,
                      parameters_sha256 VARCHAR NOT NULL,
                      tool_version VARCHAR NOT NULL,
                      tool_commit VARCHAR NOT NULL,
                      stored_at TIMESTAMP NOT NULL,
                      parameter_overrides VARCHAR)""");
            StringBuilder members = new StringBuilder("CREATE TABLE IF NOT EXISTS cohort_members (cohort_id BIGINT NOT NULL");
            for (CohortTable.Column col : CohortTable.COLUMNS) {
                members.append(", ").append(col.name()).append(' ').append(switch (col.kind()) {
                    case INTEGER -> "BIGINT";
                    case REAL -> "DOUBLE";
                    case TEXT -> "VARCHAR";
                    case BOOLEAN -> "BOOLEAN";
                });
            }
            // last, as upgrading a file of version 3 or older adds it (the appender writes by position)
            s.execute(members.append(", warnings VARCHAR)").toString());
            TrialTables.create(s);
            CohortAgreement.create(s); // a new table only (leftovers18), as the trial's check: the version stays 5
            CatalogChanges.create(s); // a new table only (catalognames), as cohort_agreement: the version stays 5
        }
    }

    private static Connection open(Path file) throws SQLException {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the DuckDB JDBC driver is not on the class path", e);
        }
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    }

    private static UserInputException cannotOpen(Path file, SQLException e) {
        return new UserInputException("--db " + file + " cannot be opened as a DuckDB database (" + firstLine(e)
                + "); give a new file name or a database VasCalc wrote, and close other programs using it", e);
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** DuckDB's write-ahead log beside {@code file}. */
    private static Path wal(Path file) {
        return file.toAbsolutePath().resolveSibling(file.getFileName() + ".wal");
    }

    private static void deleteQuietly(Path file) {
        for (Path p : List.of(file, wal(file))) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: the file was created by this call and holds nothing of the user's
            }
        }
    }
}
