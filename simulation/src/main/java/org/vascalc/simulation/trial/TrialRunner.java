package org.vascalc.simulation.trial;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.input.ModelDomainException;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.StartWarnings;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;

/**
 * Runs a {@link TrialSpec} on a seeded virtual sample: draws candidates from the trial's population
 * in index order, gives them the trial's own baseline labs where it states them ({@link BaselineLabs}), keeps those
 * its inclusion accepts (a criterion on the baseline CT score is read from a one-day screening run, with the
 * member's own scan error, and so is one on the baseline serum phosphate) and, with its own labs, the model can start
 * (found where the candidate's first run derives the start: that screening run, else the control arm's run, which is
 * kept; no run of its own), follows the same members through every arm (fast mode, members in parallel: every run
 * through one {@link CohortRunner}, its threads and its interrupt) and computes each outcome with its bootstrap
 * interval ({@link TrialStatistics}). Deterministic for a given seed and size, whatever the thread count.
 */
public final class TrialRunner {

    /**
     * Largest sample per arm a front end lets one run ask for (the command line and the web page say the
     * same); the runner itself takes any size from 2.
     */
    public static final int MAX_SIZE = 100_000;

    /** Candidates drawn per wanted member before the inclusion is declared too narrow. */
    static final int MAX_CANDIDATES_PER_MEMBER = 50;
    /** Candidates screened per batch when a baseline scan is needed. */
    private static final int SCREEN_BATCH = 64;

    private final SimulatorFactory factory;
    private final ParameterCatalog catalog;
    private final int threads;
    private final boolean keepMembers;
    /** Members rerun in reference mode after the trial ({@link #checkingAgreement}); 0: no check. */
    private final int checkMembers;

    public TrialRunner(SimulatorFactory factory, ParameterCatalog catalog, int threads) {
        this(factory, catalog, threads, false, 0);
    }

    private TrialRunner(SimulatorFactory factory, ParameterCatalog catalog, int threads, boolean keepMembers,
                        int checkMembers) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.keepMembers = keepMembers;
        this.checkMembers = checkMembers;
    }

    /**
     * This runner, its results keeping every member's run ({@link TrialResult#memberRuns()}; what {@code trial
     * --db} stores). The runs and every number computed from them are the same; only memory grows with the size.
     */
    public TrialRunner keepingMembers() {
        return new TrialRunner(factory, catalog, threads, true, checkMembers);
    }

    /**
     * This runner, each trial then checking its fast mode ({@link AgreementCheck}): after the trial (and its parameter
     * sets, if any), {@code members} of its members, chosen by the trial's seed and the same in every arm, are run
     * again in reference mode in every arm (members in parallel) and compared with their fast-mode runs. The trial's
     * own runs and numbers are the same as without it; the check costs {@code members} reference runs per arm
     * ({@link AgreementCheck#REFERENCE_CPU_COST}).
     *
     * @param members 1 to {@link AgreementCheck#MAX_MEMBERS}; a trial of fewer members checks all of them
     */
    public TrialRunner checkingAgreement(int members) {
        if (members < 1 || members > AgreementCheck.MAX_MEMBERS) {
            throw new IllegalArgumentException("members to check must be 1 to " + AgreementCheck.MAX_MEMBERS + ", got "
                    + members);
        }
        return new TrialRunner(factory, catalog, threads, keepMembers, members);
    }

    /** The inclusion accepts too few of the candidates it may draw. */
    public static final class InclusionTooNarrowException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InclusionTooNarrowException(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code spec} with {@code size} members per arm; {@code progress} hears of each finished
     * member run (screening runs included) out of an estimate of the total.
     */
    public TrialResult run(TrialSpec spec, int size, long seed, CohortProgress progress) {
        return run(spec, size, seed, List.of(), 0, List.of(), progress);
    }

    /**
     * Runs {@code spec} as {@link #run(TrialSpec, int, long, CohortProgress)} and then, for each of the
     * parameter sets {@code sets} (catalog name to value, e.g. from {@link ParameterDraws#draw}), runs every
     * arm again over the same members with the catalog changed by the set, and gives each outcome the
     * spread of its point estimate across the sets ({@link TrialResult.Spread}). The members are those the
     * inclusion took under the catalog's own values (screened once), so only the parameters differ between
     * sets. A set whose runs fail is counted and left out of the spreads. With no sets this is the plain run.
     *
     * @param drawn   the parameters the sets vary (for the record; the sets are what is run)
     * @param setSeed the seed the sets were drawn with (for the record)
     */
    public TrialResult run(TrialSpec spec, int size, long seed, List<Map<String, Double>> sets, long setSeed,
                           List<ParameterDraws.Drawn> drawn, CohortProgress progress) {
        if (size < 2) {
            throw new IllegalArgumentException("a trial needs at least 2 members per arm, got " + size);
        }
        long t0 = System.nanoTime();
        CohortRunner runner = new CohortRunner(factory, catalog, threads);
        List<String> outputs = outputs(spec);
        int armRuns = size * spec.arms().size();
        int allArmRuns = armRuns * (1 + sets.size());
        int checked = Math.min(checkMembers, size);
        int checkRuns = checked * spec.arms().size(); // 0 without a check: the progress is as before
        // the members' own warnings (a run that does not start at the member's labs): one line per lab, not per member
        StartWarnings warned = new StartWarnings();
        int afterScreening = allArmRuns - (screensOnControlArm(spec) ? size : 0) + checkRuns;
        Screened s = screen(spec, size, seed, runner, outputs, warned,
                (d, n) -> progress.finished(d, n + afterScreening));
        int screenRuns = s.screenRuns();
        int total = screenRuns + allArmRuns - s.controlRuns().size() + checkRuns;
        List<List<MemberRun>> byArm = arms(spec, s.members(), seed, runner, outputs, s.controlRuns(), screenRuns, total,
                progress, warned);
        List<String> startWarnings = warned.lines(s.members().size());
        List<TrialResult.OutcomeResult> results = new ArrayList<>();
        for (int k = 0; k < spec.outcomes().size(); k++) {
            TrialSpec.Outcome o = spec.outcomes().get(k);
            TrialStatistics.Paired d = paired(spec, o, byArm, outputs);
            TrialStatistics.Estimate e = TrialStatistics.estimate(o.measure(), o.threshold(), d, seed * 31 + k);
            results.add(new TrialResult.OutcomeResult(o, o.measure().unit(o.unit()), e.used(), e.value(), e.low(),
                    e.high(), TrialStatistics.levels(o.measure(), o.threshold(), d, o.unit())));
        }
        Optional<TrialResult.MemberRuns> kept = keepMembers ? Optional.of(new TrialResult.MemberRuns(outputs, byArm,
                s.members().stream().map(p -> vintageDays(spec, seed, p)).toList())) : Optional.empty();
        if (sets.isEmpty()) {
            Optional<AgreementCheck> check = check(spec, s.members(), seed, runner, outputs, byArm, results, checked,
                    total, progress);
            return new TrialResult(spec, size, s.candidates(), seed, (System.nanoTime() - t0) / 1e9, results,
                    Optional.empty(), startWarnings, s.labsLeftOut(), kept, check);
        }
        double[][] effects = new double[spec.outcomes().size()][sets.size()];
        int failed = 0;
        String firstFailure = "";
        for (int j = 0; j < sets.size(); j++) {
            int before = screenRuns - s.controlRuns().size() + armRuns * (1 + j);
            List<List<MemberRun>> setArms;
            try {
                CohortRunner setRunner = new CohortRunner(factory, catalog.with(sets.get(j)), threads);
                // the sets' runs are the same members with other parameters: their starts are not the trial's
                setArms = arms(spec, s.members(), seed, setRunner, outputs, List.of(), before, total, progress,
                        new StartWarnings());
            } catch (RuntimeException ex) { // the model refused this set (e.g. no steady state): recorded, not fatal
                failed++;
                if (firstFailure.isEmpty()) {
                    firstFailure = "set " + (j + 1) + ": " + ex.getMessage();
                }
                for (double[] row : effects) {
                    row[j] = Double.NaN;
                }
                progress.finished(before + armRuns, total);
                continue;
            }
            for (int k = 0; k < spec.outcomes().size(); k++) {
                TrialSpec.Outcome o = spec.outcomes().get(k);
                effects[k][j] = TrialStatistics.pointEstimate(o.measure(), o.threshold(), paired(spec, o, setArms, outputs));
            }
        }
        List<TrialResult.OutcomeResult> withSpread = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            withSpread.add(results.get(k).withSpread(TrialStatistics.spread(effects[k])
                    .withDrivers(TrialStatistics.drivers(effects[k], sets))));
        }
        Optional<AgreementCheck> check = check(spec, s.members(), seed, runner, outputs, byArm, results, checked,
                total, progress);
        return new TrialResult(spec, size, s.candidates(), seed, (System.nanoTime() - t0) / 1e9, withSpread,
                Optional.of(new TrialResult.ParameterUncertainty(sets.size(), setSeed, drawn, failed, firstFailure)),
                startWarnings, s.labsLeftOut(), kept, check);
    }

    /** {@code progress} told the check's runs after the trial's {@code before}, out of {@code total}, within runs too. */
    private static CohortProgress after(CohortProgress progress, int before, int total) {
        return new CohortProgress() {
            @Override
            public void finished(int done, int n) {
                progress.finished(before + done, total);
            }

            @Override
            public void within(double runs, int n) {
                progress.within(before + runs, total);
            }

            @Override
            public boolean withinRuns() {
                return progress.withinRuns();
            }
        };
    }

    /**
     * The agreement check ({@link #checkingAgreement}) of {@code checked} members, or empty when none is asked for:
     * their runs in every arm again in reference mode (the last {@code checked} runs per arm of {@code total} for
     * {@code progress}), compared with their fast-mode runs {@code byArm}; each outcome's effect on them in both modes
     * beside its result's Monte-Carlo half-width. A reference run the model refuses or that fails is reported in
     * the check, not thrown: the trial's own result stands.
     */
    private static Optional<AgreementCheck> check(TrialSpec spec, List<VirtualPerson> members, long seed,
                                                  CohortRunner runner, List<String> outputs,
                                                  List<List<MemberRun>> byArm,
                                                  List<TrialResult.OutcomeResult> results, int checked, int total,
                                                  CohortProgress progress) {
        if (checked == 0) {
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        List<Integer> at = AgreementCheck.choose(members.size(), checked, seed);
        List<VirtualPerson> who = at.stream().map(members::get).toList();
        List<String> ids = who.stream().map(p -> p.patient().id()).toList();
        List<List<MemberRun>> fast = new ArrayList<>();
        List<CohortRunner.ScenarioPlan> plans = new ArrayList<>();
        for (int a = 0; a < spec.arms().size(); a++) {
            TrialSpec.Arm arm = spec.arms().get(a);
            List<MemberRun> all = byArm.get(a);
            fast.add(at.stream().map(all::get).toList());
            plans.add(p -> armScenario(spec, arm, p, seed, outputs));
        }
        int before = total - checked * spec.arms().size();
        List<List<MemberRun>> reference = new ArrayList<>();
        try {
            // every (member, arm) run in parallel, one batch: a check of one member still uses a thread per arm
            runner.stream(checked, i -> who.get((int) i), plans, Mode.REFERENCE,
                    (p, r) -> MemberRun.of(p, r, outputs, Time.days(vintageDays(spec, seed, p))), checked,
                    (m, byPlan) -> reference.addAll(byPlan), after(progress, before, total), () -> false);
        } catch (RuntimeException e) { // e.g. a member reference mode cannot start: said in the check
            progress.finished(total, total);
            return Optional.of(AgreementCheck.failed(at, ids, e.getMessage(), (System.nanoTime() - t0) / 1e9));
        }
        double worst = 0;
        String worstAt = "every value the same in both modes"; // e.g. a CT score of 0 throughout
        Set<String> compared = new LinkedHashSet<>();
        spec.outcomes().forEach(o -> compared.add(o.output()));
        for (int a = 0; a < spec.arms().size(); a++) {
            for (int i = 0; i < checked; i++) {
                MemberRun f = fast.get(a).get(i);
                MemberRun r = reference.get(a).get(i);
                for (String id : compared) {
                    int k = outputs.indexOf(id);
                    double atBaseline = AgreementCheck.relativeDifference(f.first()[k], r.first()[k]);
                    double atEnd = AgreementCheck.relativeDifference(f.last()[k], r.last()[k]);
                    // NaN (a run that gave none) counts as the worst, not as agreement
                    if (!(atBaseline <= worst) || !(atEnd <= worst)) {
                        boolean end = !(atEnd <= atBaseline);
                        worst = end ? atEnd : atBaseline;
                        worstAt = id + (end ? " at the end" : " at baseline") + ", member " + at.get(i) + " ("
                                + ids.get(i) + "), arm " + spec.arms().get(a).label();
                        if (Double.isNaN(worst)) {
                            worst = Double.POSITIVE_INFINITY;
                        }
                    }
                }
            }
        }
        List<AgreementCheck.Effect> effects = new ArrayList<>();
        for (int k = 0; k < spec.outcomes().size(); k++) {
            TrialSpec.Outcome o = spec.outcomes().get(k);
            TrialResult.OutcomeResult res = results.get(k);
            double f = TrialStatistics.pointEstimate(o.measure(), o.threshold(), paired(spec, o, fast, outputs));
            double r = TrialStatistics.pointEstimate(o.measure(), o.threshold(), paired(spec, o, reference, outputs));
            effects.add(new AgreementCheck.Effect(o.name(), o.arm(), res.unit(), f, r, (res.high() - res.low()) / 2));
        }
        return Optional.of(new AgreementCheck(at, ids, worst, worstAt, effects, "", (System.nanoTime() - t0) / 1e9));
    }

    /**
     * Every arm over {@code members}, the control arm's runs taken from {@code control} where the screening made them
     * (else empty); progress counts the runs made here from {@code before} out of {@code total}.
     */
    private static List<List<MemberRun>> arms(TrialSpec spec, List<VirtualPerson> members, long seed,
                                              CohortRunner runner, List<String> outputs, List<MemberRun> control,
                                              int before, int total, CohortProgress progress, StartWarnings warned) {
        List<List<MemberRun>> byArm = new ArrayList<>();
        if (!control.isEmpty()) {
            byArm.add(control);
        }
        int size = members.size();
        for (TrialSpec.Arm arm : spec.arms().subList(byArm.size(), spec.arms().size())) {
            int at = before + (byArm.size() - (control.isEmpty() ? 0 : 1)) * size;
            byArm.add(runner.run(members, p -> armScenario(spec, arm, p, seed, outputs), Mode.FAST,
                    (p, r) -> armRun(spec, seed, outputs, warned, p, r), (d, n) -> progress.finished(at + d, total)));
        }
        return byArm;
    }

    /** Member {@code p}'s run in {@code arm} over the trial's follow-up, after their vintage. */
    private static Scenario armScenario(TrialSpec spec, TrialSpec.Arm arm, VirtualPerson p, long seed,
                                        List<String> outputs) {
        return scenario(spec, arm, p, vintageDays(spec, seed, p), spec.years(), outputs);
    }

    /** What the trial keeps of member {@code p}'s arm run {@code r}, its start warnings added to {@code warned}. */
    private static MemberRun armRun(TrialSpec spec, long seed, List<String> outputs, StartWarnings warned,
                                    VirtualPerson p, SimulationResult r) {
        warned.add(p, r);
        return MemberRun.of(p, r, outputs, Time.days(vintageDays(spec, seed, p)));
    }

    /** One outcome's paired data: the control arm and the outcome's arm, member by member. */
    private static TrialStatistics.Paired paired(TrialSpec spec, TrialSpec.Outcome o, List<List<MemberRun>> byArm,
                                                 List<String> outputs) {
        int armIndex = spec.arms().indexOf(spec.arm(o.arm()).orElseThrow());
        int out = outputs.indexOf(o.output());
        List<MemberRun> c = byArm.get(0);
        List<MemberRun> t = byArm.get(armIndex);
        int n = c.size();
        double[] bc = new double[n];
        double[] ec = new double[n];
        double[] bt = new double[n];
        double[] et = new double[n];
        for (int i = 0; i < n; i++) {
            bc[i] = c.get(i).first()[out];
            ec[i] = c.get(i).last()[out];
            bt[i] = t.get(i).first()[out];
            et[i] = t.get(i).last()[out];
        }
        return new TrialStatistics.Paired(bc, ec, bt, et, spec.years());
    }

    /**
     * The members the inclusion took, the candidates examined up to the last one taken, the screening's runs (those
     * of candidates left out included), the candidates left out because the model cannot start them at the trial's
     * own labs (in words; empty if none), and the members' control-arm runs where the screening made them
     * ({@link #screensOnControlArm}; else empty).
     */
    private record Screened(List<VirtualPerson> members, int candidates, int screenRuns, String labsLeftOut,
                            List<MemberRun> controlRuns) {
    }

    /**
     * Whether the screening runs the candidates' control arm: with the trial's own labs and no baseline scan, the
     * control-arm run is where a candidate the model cannot start is first found (its start is derived there, before
     * the run-in), and it is kept as the member's run; no other run is made for it.
     */
    private static boolean screensOnControlArm(TrialSpec spec) {
        return !spec.baselineLabs().isNone() && !spec.inclusion().needsBaselineScan();
    }

    /** One candidate's screening run: what it kept, or why the model cannot start the candidate at their labs. */
    private record Screening(VirtualPerson person, Optional<MemberRun> run, String refusal) {

        static Screening kept(VirtualPerson person, MemberRun run) {
            return new Screening(person, Optional.of(run), "");
        }

        static Screening refused(VirtualPerson person, ModelDomainException cause) {
            return new Screening(person, Optional.empty(), cause.getMessage());
        }

        LeftOut leftOut() {
            return new LeftOut(person.index(), person.index() + " (" + person.patient().id() + "): " + refusal);
        }
    }

    /**
     * The first {@code size} candidates (by index) the inclusion accepts and the model can start. With the trial's
     * own labs ({@link BaselineLabs}), drawn independently of each other and of the member, some combinations are no
     * steady state of the model (a low calcium on a bath above it, or a PTH above a few hundred pg/mL at a low
     * calcium, cannot be held by the habitual diet's absorption: docs/model/mineral.md, "The dialysis trials' own
     * labs"). Those are not enrolled, as a trial does not enrol whom it cannot treat, and are counted in the result.
     * They are found by the candidate's first run, where it derives the start (before the run-in, which is thus made
     * once per run): the baseline scan where the inclusion reads one, else the control arm's run, kept for the
     * member ({@link #screensOnControlArm}); both through {@code runner}, members in parallel.
     */
    private Screened screen(TrialSpec spec, int size, long seed, CohortRunner runner, List<String> outputs,
                            StartWarnings warned, CohortProgress progress) {
        VirtualPopulation pop = new VirtualPopulation(seed, catalog);
        TrialSpec.Inclusion inc = spec.inclusion();
        boolean atLabs = !spec.baselineLabs().isNone();
        long limit = (long) size * MAX_CANDIDATES_PER_MEMBER;
        List<VirtualPerson> members = new ArrayList<>();
        List<MemberRun> controlRuns = new ArrayList<>();
        long next = 0;
        int screenRuns = 0;
        List<LeftOut> leftOut = new ArrayList<>();
        while (members.size() < size) {
            List<VirtualPerson> batch = new ArrayList<>();
            int want = inc.needsBaselineScan() ? Math.min(SCREEN_BATCH, Math.max(8, 2 * (size - members.size())))
                    : size - members.size();
            while (batch.size() < want && next < limit) {
                // the trial's own labs, where it states them, before anything reads the member
                VirtualPerson p = spec.baselineLabs().applyTo(spec.population().draw(pop, next++), seed);
                if (acceptsCovariates(inc, p)) {
                    batch.add(p);
                }
            }
            if (batch.isEmpty()) {
                break;
            }
            int before = screenRuns;
            if (inc.needsBaselineScan()) {
                List<Screening> scans = screeningRuns(runner, atLabs, batch,
                        p -> scenario(spec, spec.control(), p, vintageDays(spec, seed, p), 1 / Time.DAYS_PER_YEAR,
                                SCREENED),
                        (p, r) -> Screening.kept(p, MemberRun.of(p, r, SCREENED, Time.days(vintageDays(spec, seed, p)))),
                        (d, n) -> progress.finished(before + d, before + n + (size - members.size()) * 2));
                screenRuns += batch.size();
                for (Screening m : scans) {
                    if (m.run().isEmpty()) {
                        leftOut.add(m.leftOut());
                    } else if (members.size() < size && acceptsBaseline(inc, m.run().get().first())) {
                        members.add(m.person());
                    }
                }
            } else if (atLabs) { // screensOnControlArm: every candidate started is a member (the batch is what is missing)
                List<Screening> runs = screeningRuns(runner, true, batch, p -> armScenario(spec, spec.control(), p, seed,
                        outputs), (p, r) -> Screening.kept(p, armRun(spec, seed, outputs, warned, p, r)),
                        (d, n) -> progress.finished(before + d, before + n));
                screenRuns += batch.size();
                for (Screening m : runs) {
                    if (m.run().isEmpty()) {
                        leftOut.add(m.leftOut());
                    } else {
                        members.add(m.person());
                        controlRuns.add(m.run().get());
                    }
                }
            } else {
                members.addAll(batch);
            }
        }
        if (members.size() < size) {
            throw new InclusionTooNarrowException(String.format(java.util.Locale.ROOT,
                    "trial %s: the inclusion accepted only %d of the %d %s candidates it may draw for %d members; "
                            + "widen the inclusion or ask for fewer members%s", spec.key(), members.size(), next,
                    spec.population().label(), size, leftOut.isEmpty() ? "" : " (" + leftOut.size() + " were left out "
                            + "because the model cannot start them at their drawn labs; first, candidate "
                            + leftOut.get(0).words() + ")"));
        }
        // candidates examined up to the last member taken (the same whatever the batch size); those left out for
        // their labs counted up to it too
        long last = members.get(members.size() - 1).index();
        List<LeftOut> before = leftOut.stream().filter(l -> l.index() < last).toList();
        String labsLeftOut = before.isEmpty() ? "" : String.format(java.util.Locale.ROOT,
                "%d of the %d candidates examined were left out: the model cannot start them at their drawn labs on the "
                        + "trial's conditions (first, candidate %s)", before.size(), last + 1, before.get(0).words());
        return new Screened(List.copyOf(members), (int) (last + 1), screenRuns, labsLeftOut, List.copyOf(controlRuns));
    }

    /**
     * {@code batch}'s runs by {@code plan} through {@code runner}; {@code atLabs}: a candidate the model cannot start
     * at their labs is a {@link Screening#refused} one, else they fail the trial (its inputs, not the trial's labs).
     */
    private static List<Screening> screeningRuns(CohortRunner runner, boolean atLabs, List<VirtualPerson> batch,
                                                 CohortRunner.ScenarioPlan plan, CohortRunner.Summary<Screening> keep,
                                                 CohortProgress progress) {
        return atLabs ? runner.run(batch, plan, Mode.FAST, keep, Screening::refused, progress)
                : runner.run(batch, plan, Mode.FAST, keep, progress);
    }

    /** A candidate left out at their labs: their index, and "index (id): reason" as the report names them. */
    private record LeftOut(long index, String words) {
    }

    /** The model's serum phosphate output, mmol/L. */
    static final String SERUM_PHOSPHATE = "serumPhosphate";

    /** The model's aortic pulse wave velocity output, m/s. */
    static final String PWV = "pwv";

    /**
     * What a screening run reads at baseline: the CT score (with the member's scan error), the serum phosphate
     * and the aortic pulse wave velocity.
     */
    static final List<String> SCREENED = List.of(MemberRun.CAC, SERUM_PHOSPHATE, PWV);

    /** Whether the screening run's baseline values (in the order of {@link #SCREENED}) pass the inclusion. */
    static boolean acceptsBaseline(TrialSpec.Inclusion inc, double[] baseline) {
        return inc.baselineCac().contains(baseline[0]) && inc.serumPhosphateMmolPerL().contains(baseline[1])
                && inc.baselinePwvMPerS().contains(baseline[2]);
    }

    private boolean acceptsCovariates(TrialSpec.Inclusion inc, VirtualPerson p) {
        return inc.sex().map(s -> s == p.patient().sex()).orElse(true)
                && inc.ageYears().contains(p.patient().ageYears())
                && inc.egfr().contains(p.patient().egfrMlPerMin())
                && !(inc.noStatin() && p.statin().isPresent())
                && inc.diabetes().map(d -> d == p.patient().risk().diabetes()).orElse(true)
                && (inc.vitaminKIntakeUgPerDay().isAny()
                    || inc.vitaminKIntakeUgPerDay().contains(VirtualPopulation.usualVitaminKUgPerDay(p, catalog)));
    }

    /** Every output the trial's outcomes read, the CT score first. */
    static List<String> outputs(TrialSpec spec) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(MemberRun.CAC);
        spec.outcomes().forEach(o -> ids.add(o.output()));
        return List.copyOf(ids);
    }

    /** Member {@code p}'s vintage in days (0 without one): the same in every arm and screening run. */
    static double vintageDays(TrialSpec spec, long seed, VirtualPerson p) {
        return spec.vintage().days(seed, p.index());
    }

    /**
     * The member's scenario in one arm: the trial's conditions from the start; for the first
     * {@code vintageDays} (the member's years on the conditions before randomisation) nothing but their
     * own statin; then {@code years} of follow-up with their own statin unless the arm gives one, and the
     * arm's interventions, each schedule moved to start at randomisation. Recorded at the start, at
     * randomisation (the baseline) and at the end. Without a vintage this is the run before vintages,
     * recorded at the start and the end.
     */
    static Scenario scenario(TrialSpec spec, TrialSpec.Arm arm, VirtualPerson p, double vintageDays, double years,
                             List<String> outputs) {
        double followUpDays = years * Time.DAYS_PER_YEAR;
        double days = vintageDays + followUpDays;
        List<Intervention> ivs = new ArrayList<>();
        if (!arm.givesStatin()) {
            p.statin().ifPresent(s -> ivs.add(new Intervention.Statin(s, Schedule.daily(20))));
        } else if (vintageDays > 0) { // their own statin until randomisation, the arm's from then
            p.statin().ifPresent(s -> ivs.add(new Intervention.Statin(s, Schedule.daily(20).between(0, vintageDays))));
        }
        arm.interventions().forEach(iv -> ivs.add(delayed(iv, vintageDays)));
        Recording rec = vintageDays > 0
                // one fine row at randomisation: a window of half an hour with an hourly step
                ? new Recording(outputs, Time.days(days), 1, vintageDays, vintageDays + 1.0 / 48)
                : new Recording(outputs, Time.days(days), Time.days(days), 0, 0);
        return new Scenario(p.patient().id(), "trial " + spec.key() + ", arm " + arm.label(), p.patient(),
                spec.conditions(), ivs, days, rec);
    }

    /** The member's scenario in one arm with no vintage (follow-up from the start). */
    static Scenario scenario(TrialSpec spec, TrialSpec.Arm arm, VirtualPerson p, double years, List<String> outputs) {
        return scenario(spec, arm, p, 0, years, outputs);
    }

    /** {@code iv} with its schedule moved {@code days} later (itself when 0). */
    static Intervention delayed(Intervention iv, double days) {
        if (days == 0) {
            return iv;
        }
        Schedule s = iv.schedule().between(iv.schedule().startDay() + days, iv.schedule().stopDay() + days);
        return switch (iv) {
            case Intervention.DietaryCalcium x -> new Intervention.DietaryCalcium(x.mgPerMeal(), s);
            case Intervention.CalciumDrink x -> new Intervention.CalciumDrink(x.mgPerDrink(), s);
            case Intervention.CalciumSupplement x ->
                    new Intervention.CalciumSupplement(x.elementalMgPerDose(), x.salt(), x.withFood(), s);
            case Intervention.DietaryPhosphate x -> new Intervention.DietaryPhosphate(x.mgPhosphorusPerMeal(), s);
            case Intervention.VitaminK x -> new Intervention.VitaminK(x.form(), x.microgramsPerDose(), s);
            case Intervention.Warfarin x -> new Intervention.Warfarin(x.mgPerDose(), s);
            case Intervention.PhosphateBinder x -> new Intervention.PhosphateBinder(x.kind(), x.mgPerDose(), s);
            case Intervention.Statin x -> new Intervention.Statin(x.intensity(), s);
        };
    }
}
