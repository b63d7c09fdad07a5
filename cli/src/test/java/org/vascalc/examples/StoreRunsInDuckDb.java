package org.vascalc.examples;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.vascalc.cli.store.ResultDatabase;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.output.Provenance;
import org.vascalc.simulation.scenario.ScenarioFiles;

/** Stores a run in a DuckDB database (the tables of `vascalc simulate --db`) and reads it back with SQL. */
public final class StoreRunsInDuckDb {

    /** The run's id in the database and its last CT score as stored, Agatston units. */
    public record Stored(long runId, double lastCacAgatston) {
    }

    public static Stored store(Path scenarioFile, Path database) throws SQLException {
        ScenarioFiles.Loaded loaded = ScenarioFiles.load(scenarioFile);
        SimulatorFactory factory = SimulatorFactory.load();
        ParameterCatalog parameters = factory.defaultParameters();
        SimulationResult result = factory.create(parameters).run(loaded.scenario(), Mode.FAST, ProgressListener.NONE);
        // what is needed to re-make the run: tool, scenario file and its hash, parameter set's hash, mode
        Provenance provenance = new Provenance("my-study 1.0", "(none)", scenarioFile.toString(), loaded.sha256(),
                parameters.sha256(), Mode.FAST.name());
        // one transaction: all runs stored, or none; the database is created if missing, else appended to
        long runId = ResultDatabase.append(database, List.of(new ResultDatabase.Run(result, provenance)))
                .runIds().get(0);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
             PreparedStatement q = c.prepareStatement("SELECT value FROM trajectory WHERE run_id = ? "
                     + "AND output = 'cacAgatston' ORDER BY time_h DESC LIMIT 1")) {
            q.setLong(1, runId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new Stored(runId, rs.getDouble(1));
            }
        }
    }

    public static void main(String[] args) throws SQLException {
        Stored s = store(Path.of("examples/scenarios/ten-year-fast.yaml"), Path.of("out/results.duckdb"));
        System.out.println("run " + s.runId() + ": CT score at the end " + s.lastCacAgatston() + " AU");
    }
}
