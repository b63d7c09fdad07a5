package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.trial.AgreementCheck;

/**
 * A cohort's own measurement of its fast-mode error ({@code cohort --check-agreement N} and the web page's
 * "Reference-checked members"): the checked members run again in reference mode in every arm, and each of
 * their follow-up values (the cohort CSV's columns after the drawn covariates, which both modes share) compared with
 * the fast-mode run's, as {@link AgreementCheck} measures a trial's member values: the relative difference
 * |fast - reference| / max(|reference|, 1e-6). A cohort has no effect with a Monte-Carlo interval per outcome, so
 * there is no effect half of a trial's check. Moved out of the command (cohortweb) so that the command and the web
 * page run the same check and say it in the same line.
 *
 * @param members    the checked members' positions in the cohort (0-based, ascending; the same in every arm)
 * @param ids        their patient ids, in that order
 * @param size       the cohort's members
 * @param worst      the largest difference over every arm (infinite where a value one mode gave none of)
 * @param worstAt    where it is, in words ("ctScoreChange, member 3 (mesa-3), arm mk7")
 * @param worstByArm per arm, in the cohort's arm order, its largest difference
 * @param whereByArm per arm, where that is
 * @param seconds    wall time of the reference runs and the comparison
 */
public record CohortAgreementCheck(List<Integer> members, List<String> ids, int size, double worst, String worstAt,
                                   List<Double> worstByArm, List<String> whereByArm, double seconds) {

    /** The words of a check whose every compared value is the same in both modes. */
    static final String SAME = "every value the same in both modes";

    public CohortAgreementCheck {
        members = List.copyOf(members);
        ids = List.copyOf(ids);
        worstByArm = List.copyOf(worstByArm);
        whereByArm = List.copyOf(whereByArm);
    }

    /** A checked member's fast-mode follow-up in arm {@code arm} (its position in the cohort's arm list). */
    @FunctionalInterface
    public interface FastRows {
        FollowUp of(long member, int arm);
    }

    /**
     * Runs the check: members {@code checked} of the cohort drawn by {@code population} from {@code pop}, in reference
     * mode over {@code years} in every arm of {@code arms}, on {@code workers} threads, against their fast-mode rows.
     *
     * @param progress told the reference runs finished, out of checked members × arms
     */
    public static CohortAgreementCheck run(SimulatorFactory factory, ParameterCatalog catalog, int workers,
                                           Population population, VirtualPopulation pop, List<TrialArm> arms,
                                           double years, int size, List<Integer> checked, FastRows fast,
                                           CohortProgress progress) {
        long t0 = System.nanoTime();
        List<List<FollowUp>> reference = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            reference.add(new ArrayList<>());
        }
        List<CohortRunner.ScenarioPlan> plans = arms.stream()
                .<CohortRunner.ScenarioPlan>map(arm -> p -> FollowUp.scenario(p, years, arm)).toList();
        // one batch of 64 members a thread, as the command's fast run (at most 50 members: one batch)
        new CohortRunner(factory, catalog, workers).stream(checked.size(), i -> population.draw(pop, checked.get((int) i)),
                plans, Mode.REFERENCE, FollowUp::of, 64 * workers, (members, byArm) -> {
                    for (int a = 0; a < byArm.size(); a++) {
                        reference.get(a).addAll(byArm.get(a));
                    }
                }, progress, () -> false);
        List<CohortTable.Column> followUp = CohortTable.COLUMNS.subList(CohortTable.PERSON_COLUMNS.size(),
                CohortTable.COLUMNS.size());
        double worst = 0;
        String where = SAME;
        List<Double> worstByArm = new ArrayList<>();
        List<String> whereByArm = new ArrayList<>();
        Map<Long, String> idOf = new TreeMap<>();
        for (int a = 0; a < arms.size(); a++) {
            double armWorst = 0;
            String armWhere = SAME;
            for (FollowUp r : reference.get(a)) {
                idOf.put(r.person().index(), r.person().patient().id());
                FollowUp f = fast.of(r.person().index(), a);
                for (CohortTable.Column col : followUp) {
                    double d = AgreementCheck.relativeDifference(((Number) col.value().apply(f)).doubleValue(),
                            ((Number) col.value().apply(r)).doubleValue());
                    String at = col.name() + ", member " + r.person().index() + " (" + r.person().patient().id()
                            + "), arm " + arms.get(a).label();
                    if (!(d <= worst)) { // NaN (a value one mode gave none of) counts as the worst
                        worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                        where = at;
                    }
                    if (!(d <= armWorst)) {
                        armWorst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                        armWhere = at;
                    }
                }
            }
            worstByArm.add(armWorst);
            whereByArm.add(armWhere);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<String> ids = checked.stream().map(i -> idOf.getOrDefault((long) i, "")).toList();
        return new CohortAgreementCheck(checked, ids, size, worst, where, worstByArm, whereByArm, seconds);
    }

    /** Whether some follow-up value differs by more than fast mode's 1 % ({@link AgreementCheck#LIMIT}, issue 2). */
    public boolean exceedsLimit() {
        return !(worst <= AgreementCheck.LIMIT);
    }

    /**
     * The check in one line, as {@code cohort} prints it after "agreement  ": "fast vs reference mode on 1 of the 3
     * members (member 2, chosen by the seed), every arm, 4.1 s: worst follow-up value differs by 1.23e-03 (...): within
     * fast mode's 1 % agreement with reference mode".
     */
    public String line() {
        return String.format(Locale.ROOT, "fast vs reference mode on %d of the %d members (%s %s, chosen by the seed), "
                        + "every arm, %.1f s: worst follow-up value differs by %.2e (%s): %s", members.size(), size,
                members.size() == 1 ? "member" : "members", String.join(", ", members.stream().map(String::valueOf)
                        .toList()), seconds, worst, worstAt,
                worst > AgreementCheck.LIMIT ? "MORE than fast mode's 1 % agreement with reference mode (issue 2)"
                        : "within fast mode's 1 % agreement with reference mode");
    }
}
