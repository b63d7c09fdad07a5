package org.vascalc.simulation.cohort;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.vascalc.core.patient.Sex;

/**
 * One row per member of a cohort's follow-up: who the member is (the drawn covariates and the
 * person's own calcification and stiffness multipliers) and what the follow-up gave. The columns
 * are defined once, here, for the CSV file and for the database table of {@code vascalc cohort}.
 */
public final class CohortTable {

    /** A column's kind, which fixes how it is written. */
    public enum Kind { INTEGER, REAL, TEXT, BOOLEAN }

    /** One column: its name, unit ("" if none), kind and value for a member. */
    public record Column(String name, String unit, Kind kind, Function<FollowUp, Object> value) {
    }

    /**
     * A column of who a member is (their drawn covariates), from the member alone: the first columns of {@link
     * #COLUMNS}, and those of a trial's members ({@code trial --db}).
     */
    public record PersonColumn(String name, String unit, Kind kind, Function<VirtualPerson, Object> value) {
    }

    public static final List<PersonColumn> PERSON_COLUMNS = List.of(
            new PersonColumn("member", "", Kind.INTEGER, VirtualPerson::index),
            new PersonColumn("person_id", "", Kind.TEXT, p -> p.patient().id()),
            new PersonColumn("age", "y", Kind.REAL, p -> p.patient().ageYears()),
            new PersonColumn("sex", "", Kind.TEXT, p -> p.patient().sex() == Sex.MALE ? "male" : "female"),
            new PersonColumn("egfr", "mL/min/1.73m2", Kind.REAL, p -> p.patient().egfrMlPerMin()),
            new PersonColumn("serum_calcium", "mmol/L", Kind.REAL,
                    p -> p.patient().serumCalciumMmolL().orElse(Double.NaN)),
            new PersonColumn("serum_phosphate", "mmol/L", Kind.REAL,
                    p -> p.patient().serumPhosphateMmolL().orElse(Double.NaN)),
            new PersonColumn("sbp", "mmHg", Kind.REAL, p -> p.patient().risk().systolicBpMmHg()),
            new PersonColumn("dbp", "mmHg", Kind.REAL, p -> p.patient().risk().diastolicBpMmHg()),
            new PersonColumn("total_cholesterol", "mg/dL", Kind.REAL, p -> p.patient().risk().totalCholesterolMgDl()),
            new PersonColumn("hdl_cholesterol", "mg/dL", Kind.REAL, p -> p.patient().risk().hdlCholesterolMgDl()),
            new PersonColumn("smoker", "", Kind.BOOLEAN, p -> p.patient().risk().smoker()),
            new PersonColumn("diabetes", "", Kind.BOOLEAN, p -> p.patient().risk().diabetes()),
            new PersonColumn("hs_crp", "mg/L", Kind.REAL, p -> p.patient().risk().hsCrpMgL()),
            new PersonColumn("statin", "", Kind.TEXT,
                    p -> p.statin().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("none")),
            new PersonColumn("plaque_susceptibility", "1", Kind.REAL, p -> own(p, VirtualPopulation.PLAQUE)),
            new PersonColumn("medial_susceptibility", "1", Kind.REAL, p -> own(p, VirtualPopulation.MEDIAL)),
            new PersonColumn("aortic_stiffness_factor", "1", Kind.REAL, p -> own(p, VirtualPopulation.STIFFNESS)));

    public static final List<Column> COLUMNS = Stream.concat(PERSON_COLUMNS.stream()
            .map(c -> new Column(c.name(), c.unit(), c.kind(), u -> c.value().apply(u.person()))), Stream.of(
            new Column("years", "y", Kind.REAL, FollowUp::years),
            new Column("cac_baseline", "AU", Kind.REAL, FollowUp::cac0),
            new Column("cac_end", "AU", Kind.REAL, FollowUp::cacEnd),
            new Column("cac_change_per_year", "AU/y", Kind.REAL, FollowUp::annualChange),
            new Column("intimal_mass_baseline", "mg", Kind.REAL, u -> u.layers().intimal0()),
            new Column("intimal_mass_end", "mg", Kind.REAL, u -> u.layers().intimalEnd()),
            new Column("medial_mass_baseline", "mg", Kind.REAL, u -> u.layers().medial0()),
            new Column("medial_mass_end", "mg", Kind.REAL, u -> u.layers().medialEnd()),
            new Column("pwv_baseline", "m/s", Kind.REAL, FollowUp::pwv0),
            new Column("t50_baseline", "min", Kind.REAL, FollowUp::t50),
            new Column("mi_rate", "1/y", Kind.REAL, FollowUp::miRate),
            new Column("cvd_rate", "1/y", Kind.REAL, FollowUp::cvdRate),
            new Column("cv_death_rate", "1/y", Kind.REAL, FollowUp::cvDeathRate))).toList();

    private CohortTable() {
    }

    private static double own(VirtualPerson p, String name) {
        Double v = p.individualParameters().get(name);
        return v == null ? 1.0 : v;
    }

    /** The members as CSV: a header of names with units in brackets, then one row per member. */
    public static String csv(List<FollowUp> members) {
        StringBuilder b = new StringBuilder(header());
        for (FollowUp u : members) {
            appendRow(b, u);
        }
        return b.toString();
    }

    /** The CSV header line (names with units in brackets), with its line end. */
    public static String header() {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < COLUMNS.size(); j++) {
            Column c = COLUMNS.get(j);
            b.append(j == 0 ? "" : ",").append(c.name()).append(c.unit().isEmpty() ? "" : " [" + c.unit() + "]");
        }
        return b.append('\n').toString();
    }

    /** Appends one member's CSV row, with its line end. */
    public static void appendRow(StringBuilder b, FollowUp u) {
        for (int j = 0; j < COLUMNS.size(); j++) {
            Object v = COLUMNS.get(j).value().apply(u);
            b.append(j == 0 ? "" : ",");
            if (v instanceof Double d) {
                b.append(Double.isNaN(d) ? "" : Double.toString(d));
            } else {
                b.append(v);
            }
        }
        b.append('\n');
    }

    /**
     * Reads back a row this class wrote for {@code person}: the follow-up from the row's values
     * (exact, as {@link Double#toString} round-trips) and the person as given. Null if the row is
     * not this person's: it does not write back to the same text (another member, seed, population
     * or parameter catalog drew it), or it is malformed.
     */
    public static FollowUp readRow(String line, VirtualPerson person) {
        String[] v = line.split(",", -1);
        if (v.length != COLUMNS.size()) {
            return null;
        }
        try {
            FollowUp u = new FollowUp(person, real(v, "years"), real(v, "cac_baseline"), real(v, "cac_end"),
                    real(v, "pwv_baseline"), real(v, "t50_baseline"), real(v, "mi_rate"), real(v, "cvd_rate"),
                    real(v, "cv_death_rate"), new FollowUp.Layers(real(v, "intimal_mass_baseline"),
                            real(v, "intimal_mass_end"), real(v, "medial_mass_baseline"), real(v, "medial_mass_end")));
            StringBuilder b = new StringBuilder(line.length() + 1);
            appendRow(b, u);
            return b.length() == line.length() + 1 && b.substring(0, line.length()).equals(line) ? u : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double real(String[] v, String name) {
        for (int j = 0; j < COLUMNS.size(); j++) {
            if (COLUMNS.get(j).name().equals(name)) {
                return v[j].isEmpty() ? Double.NaN : Double.parseDouble(v[j]);
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }
}
