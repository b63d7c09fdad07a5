package org.vascalc.cli.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.vascalc.cli.store.ResultDatabase.Trial;
import org.vascalc.simulation.cohort.CohortTable;
import org.vascalc.simulation.output.SummaryJson;
import org.vascalc.simulation.trial.AgreementCheck;
import org.vascalc.simulation.trial.MemberRun;
import org.vascalc.simulation.trial.TrialResult;
import org.vascalc.simulation.trial.TrialSpec;

/**
 * The tables of a trial run ({@code vascalc trial --db}, schema version 5), kept apart from {@link
 * ResultDatabase}'s transaction and file handling, which store them:
 * <ul>
 *   <li>{@code trial_runs}: one row per trial run, with what the trial is and the run's provenance;</li>
 *   <li>{@code trial_members}: one row per member and arm, the member's drawn covariates ({@link
 *       CohortTable#PERSON_COLUMNS}, then PTH, scan errors and vintage) and the arm's run's warnings;</li>
 *   <li>{@code trial_member_outcomes}: one row per member and outcome, the outcome's output at baseline and at the
 *       end in the control arm and in the outcome's arm: the paired values its effect is computed from;</li>
 *   <li>{@code trial_outcomes}: one row per outcome, what the report prints of it;</li>
 *   <li>{@code trial_agreement} and {@code trial_agreement_effects} (since the fifty-sixth session's checkagree2):
 *       the run's check of fast mode against reference mode ({@code trial --check-agreement N}, {@link
 *       AgreementCheck}), one row per checked trial run and one per outcome; no rows when no check was asked for.
 *       Tables only, so the schema version stays 5: a version-5 file gets them (empty) when a trial is next stored
 *       in it, and an older VasCalc ignores them.</li>
 * </ul>
 * A NaN is stored as NULL ("none": e.g. a serum lab not measured, an effect not computable).
 */
final class TrialTables {

    /** The tables, in the order they are made. */
    static final List<String> NAMES = List.of("trial_runs", "trial_members", "trial_member_outcomes", "trial_outcomes",
            "trial_agreement", "trial_agreement_effects");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrialTables() {
    }

    static void create(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS trial_runs (
                  trial_run_id BIGINT PRIMARY KEY,
                  trial VARCHAR NOT NULL,
                  title VARCHAR NOT NULL,
                  citation VARCHAR NOT NULL,
                  population VARCHAR NOT NULL,
                  years DOUBLE NOT NULL,
                  arms VARCHAR NOT NULL,
                  members INTEGER NOT NULL,
                  screened INTEGER NOT NULL,
                  seed BIGINT NOT NULL,
                  mode VARCHAR NOT NULL,
                  trial_file VARCHAR NOT NULL,
                  trial_sha256 VARCHAR NOT NULL,
                  parameters_sha256 VARCHAR NOT NULL,
                  parameter_overrides VARCHAR NOT NULL,
                  parameter_sets INTEGER,
                  parameter_seed BIGINT,
                  tool_version VARCHAR NOT NULL,
                  tool_commit VARCHAR NOT NULL,
                  stored_at TIMESTAMP NOT NULL,
                  start_warnings VARCHAR NOT NULL,
                  labs_left_out VARCHAR NOT NULL)""");
        StringBuilder members = new StringBuilder("CREATE TABLE IF NOT EXISTS trial_members (trial_run_id BIGINT NOT NULL, "
                + "arm VARCHAR NOT NULL");
        for (CohortTable.PersonColumn col : CohortTable.PERSON_COLUMNS) {
            members.append(", ").append(col.name()).append(' ').append(sqlType(col.kind()));
        }
        s.execute(members.append(", pth DOUBLE, scan_error_baseline DOUBLE, scan_error_end DOUBLE, vintage_days DOUBLE, "
                + "warnings VARCHAR NOT NULL)").toString());
        s.execute("""
                CREATE TABLE IF NOT EXISTS trial_member_outcomes (
                  trial_run_id BIGINT NOT NULL,
                  outcome INTEGER NOT NULL,
                  member BIGINT NOT NULL,
                  output VARCHAR NOT NULL,
                  unit VARCHAR NOT NULL,
                  control_baseline DOUBLE,
                  control_end DOUBLE,
                  arm_baseline DOUBLE,
                  arm_end DOUBLE)""");
        s.execute("""
                CREATE TABLE IF NOT EXISTS trial_outcomes (
                  trial_run_id BIGINT NOT NULL,
                  outcome INTEGER NOT NULL,
                  name VARCHAR NOT NULL,
                  output VARCHAR NOT NULL,
                  measure VARCHAR NOT NULL,
                  threshold DOUBLE,
                  arm VARCHAR NOT NULL,
                  control_arm VARCHAR NOT NULL,
                  unit VARCHAR NOT NULL,
                  members_used INTEGER NOT NULL,
                  model_value DOUBLE,
                  model_low DOUBLE,
                  model_high DOUBLE,
                  control_level DOUBLE,
                  arm_level DOUBLE,
                  level_unit VARCHAR NOT NULL,
                  published_value DOUBLE,
                  published_low DOUBLE,
                  published_high DOUBLE,
                  published_locator VARCHAR NOT NULL,
                  published_other_form VARCHAR NOT NULL,
                  verdict VARCHAR NOT NULL,
                  intervals_overlap BOOLEAN NOT NULL,
                  sets_median DOUBLE,
                  sets_low DOUBLE,
                  sets_high DOUBLE,
                  sets_used INTEGER)""");
        s.execute("""
                CREATE TABLE IF NOT EXISTS trial_agreement (
                  trial_run_id BIGINT NOT NULL,
                  members_checked INTEGER NOT NULL,
                  checked_members VARCHAR NOT NULL,
                  checked_ids VARCHAR NOT NULL,
                  worst_difference DOUBLE,
                  worst_at VARCHAR NOT NULL,
                  agreement_limit DOUBLE NOT NULL,
                  within_limit BOOLEAN,
                  failure VARCHAR NOT NULL,
                  seconds DOUBLE NOT NULL)""");
        s.execute("""
                CREATE TABLE IF NOT EXISTS trial_agreement_effects (
                  trial_run_id BIGINT NOT NULL,
                  outcome INTEGER NOT NULL,
                  name VARCHAR NOT NULL,
                  arm VARCHAR NOT NULL,
                  unit VARCHAR NOT NULL,
                  fast DOUBLE,
                  reference DOUBLE,
                  half_width DOUBLE,
                  share_of_half_width DOUBLE)""");
    }

    private static String sqlType(CohortTable.Kind kind) {
        return switch (kind) {
            case INTEGER -> "BIGINT";
            case REAL -> "DOUBLE";
            case TEXT -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
        };
    }

    /** Stores one trial run under {@code id}; the caller holds the transaction. */
    static void insert(Connection c, long id, Trial t, LocalDateTime now) throws SQLException {
        TrialResult r = t.result();
        TrialSpec spec = r.spec();
        TrialResult.MemberRuns runs = r.memberRuns().orElseThrow(() -> new IllegalArgumentException(
                "trial " + spec.key() + " was run without keeping its members (TrialRunner.keepingMembers)"));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO trial_runs VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int k = 0;
            s.setLong(++k, id);
            s.setString(++k, spec.key());
            s.setString(++k, spec.title());
            s.setString(++k, spec.citation());
            s.setString(++k, spec.population().label());
            s.setDouble(++k, spec.years());
            s.setString(++k, json(spec.arms().stream().map(TrialSpec.Arm::label).toList()));
            s.setInt(++k, r.members());
            s.setInt(++k, r.screened());
            s.setLong(++k, r.seed());
            s.setString(++k, t.mode());
            s.setString(++k, t.trialFile());
            s.setString(++k, t.trialSha256());
            s.setString(++k, t.parametersSha256());
            s.setString(++k, SummaryJson.overridesJson(t.parameterOverrides()));
            if (r.parameterUncertainty().isPresent()) {
                s.setInt(++k, r.parameterUncertainty().get().sets());
                s.setLong(++k, r.parameterUncertainty().get().seed());
            } else {
                s.setObject(++k, null);
                s.setObject(++k, null);
            }
            s.setString(++k, t.toolVersion());
            s.setString(++k, t.toolCommit());
            s.setObject(++k, now);
            s.setString(++k, json(r.startWarnings()));
            s.setString(++k, r.labsLeftOut());
            s.executeUpdate();
        }
        appendMembers((DuckDBConnection) c, id, spec, runs);
        appendMemberOutcomes((DuckDBConnection) c, id, spec, runs);
        insertOutcomes(c, id, r);
        if (r.agreement().isPresent()) {
            insertAgreement(c, id, r.agreement().get());
        }
    }

    /**
     * The agreement check: positions and ids as JSON arrays, the worst difference NULL (and {@code within_limit}
     * NULL) when the reference runs failed, {@code failure} empty when they ran; each effect in the trial's outcome
     * order, a value that could not be computed NULL.
     */
    private static void insertAgreement(Connection c, long id, AgreementCheck a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO trial_agreement VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int k = 0;
            s.setLong(++k, id);
            s.setInt(++k, a.members().size());
            s.setString(++k, json(a.members()));
            s.setString(++k, json(a.ids()));
            real(s, ++k, a.worst());
            s.setString(++k, a.worstAt());
            s.setDouble(++k, AgreementCheck.LIMIT);
            s.setObject(++k, a.ran() && Double.isFinite(a.worst()) ? (Object) !a.exceedsLimit() : null);
            s.setString(++k, a.failure());
            s.setDouble(++k, a.seconds());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO trial_agreement_effects VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int k = 0; k < a.effects().size(); k++) {
                AgreementCheck.Effect e = a.effects().get(k);
                int i = 0;
                s.setLong(++i, id);
                s.setInt(++i, k + 1);
                s.setString(++i, e.outcome());
                s.setString(++i, e.arm());
                s.setString(++i, java.util.Objects.toString(e.unit(), ""));
                real(s, ++i, e.fast());
                real(s, ++i, e.reference());
                real(s, ++i, e.halfWidth());
                real(s, ++i, e.ofHalfWidth());
                s.executeUpdate();
            }
        }
    }

    /**
     * The agreement check stored with trial run {@code id}, read back as the run made it (a NULL number as NaN), or
     * empty when the run was stored without one.
     */
    static java.util.Optional<AgreementCheck> readAgreement(Connection c, long id) throws SQLException {
        List<Integer> members;
        List<String> ids;
        double worst;
        String worstAt;
        String failure;
        double seconds;
        try (PreparedStatement s = c.prepareStatement("SELECT checked_members, checked_ids, worst_difference, worst_at, "
                + "failure, seconds FROM trial_agreement WHERE trial_run_id = ?")) {
            s.setLong(1, id);
            try (java.sql.ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return java.util.Optional.empty();
                }
                members = List.of(array(r.getString(1), Integer[].class));
                ids = List.of(array(r.getString(2), String[].class));
                worst = real(r, 3);
                worstAt = r.getString(4);
                failure = r.getString(5);
                seconds = r.getDouble(6);
            }
        }
        List<AgreementCheck.Effect> effects = new java.util.ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, arm, unit, fast, reference, half_width "
                + "FROM trial_agreement_effects WHERE trial_run_id = ? ORDER BY outcome")) {
            s.setLong(1, id);
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    effects.add(new AgreementCheck.Effect(r.getString(1), r.getString(2), r.getString(3), real(r, 4),
                            real(r, 5), real(r, 6)));
                }
            }
        }
        return java.util.Optional.of(new AgreementCheck(members, ids, worst, worstAt, effects, failure, seconds));
    }

    private static double real(java.sql.ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? Double.NaN : v;
    }

    private static <T> T[] array(String json, Class<T[]> type) throws SQLException {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("not a JSON array of strings: " + json, e);
        }
    }

    private static void appendMembers(DuckDBConnection c, long id, TrialSpec spec, TrialResult.MemberRuns runs)
            throws SQLException {
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "trial_members")) {
            for (int arm = 0; arm < spec.arms().size(); arm++) {
                List<MemberRun> members = runs.byArm().get(arm);
                for (int i = 0; i < members.size(); i++) {
                    MemberRun m = members.get(i);
                    a.beginRow();
                    a.append(id);
                    a.append(spec.arms().get(arm).label());
                    for (CohortTable.PersonColumn col : CohortTable.PERSON_COLUMNS) {
                        Object v = col.value().apply(m.person());
                        switch (col.kind()) {
                            case INTEGER -> a.append(((Number) v).longValue());
                            case REAL -> real(a, ((Number) v).doubleValue());
                            case TEXT -> a.append((String) v);
                            case BOOLEAN -> a.append((boolean) (Boolean) v);
                        }
                    }
                    real(a, m.person().patient().pthPgMl().orElse(Double.NaN));
                    real(a, m.person().scanErrorBaseline());
                    real(a, m.person().scanErrorEnd());
                    real(a, runs.vintageDays().get(i));
                    a.append(SummaryJson.warningsJson(m.warnings())); // as cohort_members.warnings
                    a.endRow();
                }
            }
        }
    }

    private static void appendMemberOutcomes(DuckDBConnection c, long id, TrialSpec spec, TrialResult.MemberRuns runs)
            throws SQLException {
        try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "trial_member_outcomes")) {
            for (int k = 0; k < spec.outcomes().size(); k++) {
                TrialSpec.Outcome o = spec.outcomes().get(k);
                int arm = spec.arms().indexOf(spec.arm(o.arm()).orElseThrow());
                int out = runs.outputs().indexOf(o.output());
                int n = runs.byArm().get(0).size();
                for (int i = 0; i < n; i++) {
                    MemberRun control = runs.run(0, i);
                    MemberRun treated = runs.run(arm, i);
                    a.beginRow();
                    a.append(id);
                    a.append(k + 1);
                    a.append(control.person().index());
                    a.append(o.output());
                    a.append(java.util.Objects.toString(o.unit(), ""));
                    real(a, control.first()[out]);
                    real(a, control.last()[out]);
                    real(a, treated.first()[out]);
                    real(a, treated.last()[out]);
                    a.endRow();
                }
            }
        }
    }

    private static void insertOutcomes(Connection c, long id, TrialResult r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO trial_outcomes VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int k = 0; k < r.outcomes().size(); k++) {
                TrialResult.OutcomeResult o = r.outcomes().get(k);
                TrialSpec.Outcome spec = o.outcome();
                TrialSpec.Published p = spec.published();
                int i = 0;
                s.setLong(++i, id);
                s.setInt(++i, k + 1);
                s.setString(++i, spec.name());
                s.setString(++i, spec.output());
                s.setString(++i, spec.measure().spelling());
                real(s, ++i, spec.threshold());
                s.setString(++i, spec.arm());
                s.setString(++i, r.spec().control().label());
                s.setString(++i, java.util.Objects.toString(o.unit(), ""));
                s.setInt(++i, o.used());
                real(s, ++i, o.estimate());
                real(s, ++i, o.low());
                real(s, ++i, o.high());
                real(s, ++i, o.levels().control());
                real(s, ++i, o.levels().arm());
                s.setString(++i, o.levels().unit());
                real(s, ++i, p.value());
                real(s, ++i, p.low());
                real(s, ++i, p.high());
                s.setString(++i, p.locator());
                s.setString(++i, p.otherForm());
                s.setString(++i, o.verdict().words());
                s.setBoolean(++i, o.intervalsOverlap());
                boolean sets = r.parameterUncertainty().isPresent();
                real(s, ++i, sets ? o.spread().median() : Double.NaN);
                real(s, ++i, sets ? o.spread().low() : Double.NaN);
                real(s, ++i, sets ? o.spread().high() : Double.NaN);
                if (sets) {
                    s.setInt(++i, o.spread().used());
                } else {
                    s.setObject(++i, null);
                }
                s.executeUpdate();
            }
        }
    }

    private static void real(DuckDBAppender a, double v) throws SQLException {
        if (Double.isNaN(v)) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }

    private static void real(PreparedStatement s, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            s.setObject(i, null);
        } else {
            s.setDouble(i, v);
        }
    }

    private static void real(PreparedStatement s, int i, OptionalDouble v) throws SQLException {
        real(s, i, v.orElse(Double.NaN));
    }

    /** A list of strings (or numbers) as a JSON array ({@code []} for none), as the other tables' warnings. */
    private static String json(List<?> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a list of strings always writes
        }
    }
}
