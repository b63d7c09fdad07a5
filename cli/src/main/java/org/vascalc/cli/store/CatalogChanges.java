package org.vascalc.cli.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vascalc.simulation.ParameterOverrides;

/**
 * Table {@code catalog_changes} (catalognames): the values of a run's {@code --parameters} catalog file that differ
 * from the model's, one row per value (the parameter, the model's value, the catalog's value and their unit), keyed
 * by the run ({@code run_table} is {@code runs}, {@code cohorts} or {@code trial_runs}, {@code run_id} its id), beside
 * that run's {@code parameters_sha256}: the hash alone said that a catalog differed, not which value. No rows for a
 * run on the model's own catalog (or on a file whose every value is the model's). A new table only, as {@code
 * cohort_agreement}: an older file gets it, empty, when results are next stored in it; the schema version stays.
 */
final class CatalogChanges {

    static final String TABLE = "catalog_changes";

    /** The tables whose runs the rows point to. */
    private static final Set<String> RUN_TABLES = Set.of("runs", "cohorts", "trial_runs");

    private CatalogChanges() {
    }

    static void create(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS catalog_changes (
                  run_table VARCHAR NOT NULL,
                  run_id BIGINT NOT NULL,
                  catalog_file VARCHAR NOT NULL,
                  parameter VARCHAR NOT NULL,
                  model_value DOUBLE NOT NULL,
                  catalog_value DOUBLE NOT NULL,
                  unit VARCHAR NOT NULL)""");
    }

    /** The rows of run {@code id} of {@code runTable}: each of {@code changes} (its default is the model's value). */
    static void insert(Connection c, String runTable, long id, String catalogFile,
                       List<ParameterOverrides.Change> changes) throws SQLException {
        requireRunTable(runTable);
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO catalog_changes VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (ParameterOverrides.Change ch : changes) {
                s.setString(1, runTable);
                s.setLong(2, id);
                s.setString(3, catalogFile);
                s.setString(4, ch.name());
                s.setDouble(5, ch.defaultValue());
                s.setDouble(6, ch.value());
                s.setString(7, ch.unit());
                s.executeUpdate();
            }
        }
    }

    /**
     * The changed values stored with run {@code id} of {@code runTable}, in the order stored, each as a change whose
     * default is the model's value; empty for none, and for a file stored in before the table was made.
     */
    static List<ParameterOverrides.Change> read(Connection c, String runTable, long id) throws SQLException {
        requireRunTable(runTable);
        List<ParameterOverrides.Change> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT parameter, catalog_value, unit, model_value "
                + "FROM catalog_changes WHERE run_table = ? AND run_id = ? ORDER BY rowid")) {
            s.setString(1, runTable);
            s.setLong(2, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new ParameterOverrides.Change(r.getString(1), r.getDouble(2), r.getString(3), r.getDouble(4), ""));
                }
            }
        }
        return List.copyOf(out);
    }

    private static void requireRunTable(String runTable) {
        if (!RUN_TABLES.contains(runTable)) { // a programming slip, not a user's: the three tables are fixed
            throw new IllegalArgumentException("catalog_changes rows point to runs, cohorts or trial_runs, not " + runTable);
        }
    }
}
