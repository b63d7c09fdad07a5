package org.vascalc.cli.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vascalc.simulation.trial.AgreementCheck;

/**
 * One arm's row of a cohort's check of fast mode against reference mode ({@code cohort --check-agreement N --db};
 * table {@code cohort_agreement}, since leftovers18, as {@code trial_agreement} stores a trial's): the members rerun
 * in reference mode (positions among the cohort's members, 0-based, the same in every arm, and their patient ids),
 * the worst relative difference |fast - reference| / max(|reference|, 1e-6) of their follow-up values in this arm
 * (infinite where a value one mode gave none of), where it is, and the whole check's wall time.
 */
public record CohortAgreement(long cohortId, List<Integer> members, List<String> ids, double worst, String worstAt,
                              double seconds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public CohortAgreement {
        members = List.copyOf(members);
        ids = List.copyOf(ids);
        Objects.requireNonNull(worstAt, "worstAt");
    }

    /** Whether this arm's worst difference is within fast mode's 1 % agreement with reference mode (issue 2). */
    public boolean withinLimit() {
        return worst <= AgreementCheck.LIMIT;
    }

    static void create(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS cohort_agreement (
                  cohort_id BIGINT NOT NULL,
                  members_checked INTEGER NOT NULL,
                  checked_members VARCHAR NOT NULL,
                  checked_ids VARCHAR NOT NULL,
                  worst_difference DOUBLE,
                  worst_at VARCHAR NOT NULL,
                  agreement_limit DOUBLE NOT NULL,
                  within_limit BOOLEAN NOT NULL,
                  seconds DOUBLE NOT NULL)""");
    }

    /** The row; an infinite worst (a value one mode gave none of) is stored NULL, and not within the limit. */
    void insert(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO cohort_agreement VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int k = 0;
            s.setLong(++k, cohortId);
            s.setInt(++k, members.size());
            s.setString(++k, json(members));
            s.setString(++k, json(ids));
            s.setObject(++k, Double.isFinite(worst) ? (Object) worst : null);
            s.setString(++k, worstAt);
            s.setDouble(++k, AgreementCheck.LIMIT);
            s.setBoolean(++k, withinLimit());
            s.setDouble(++k, seconds);
            s.executeUpdate();
        }
    }

    /** The row of cohort {@code id}, read back (a NULL worst as infinite), or empty if it has none. */
    static Optional<CohortAgreement> read(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT checked_members, checked_ids, worst_difference, worst_at, "
                + "seconds FROM cohort_agreement WHERE cohort_id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                double worst = r.getDouble(3);
                if (r.wasNull()) {
                    worst = Double.POSITIVE_INFINITY;
                }
                return Optional.of(new CohortAgreement(id, List.of(JSON.readValue(r.getString(1), Integer[].class)),
                        List.of(JSON.readValue(r.getString(2), String[].class)), worst, r.getString(4),
                        r.getDouble(5)));
            } catch (JsonProcessingException e) {
                throw new SQLException("cohort_agreement of cohort " + id + " holds no JSON list: " + e.getOriginalMessage(), e);
            }
        }
    }

    private static String json(List<?> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a list of strings or numbers always writes
        }
    }
}
