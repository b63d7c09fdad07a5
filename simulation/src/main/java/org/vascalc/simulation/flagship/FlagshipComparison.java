package org.vascalc.simulation.flagship;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.CalciumSalt;
import org.vascalc.core.intervention.Intervention.VitaminKForm;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;

/**
 * The seed's story as one comparison: the same person takes 1000 mg calcium a day from food, then
 * the same diet plus a 500 mg calcium-carbonate supplement twice a day, then that plus 180 µg MK-7 a
 * day. Each arm runs for years in fast mode (slow outputs: CT score and its layers, stiffness,
 * pressure, the heart, event risk), and the first two arms also run for two days in reference mode
 * to show the serum-calcium excursion after each tablet and its absence with food.
 *
 * <p>The arms are ordinary {@link Scenario} records, so the same comparison can be written as
 * scenario files; nothing here is specific to the report that shows it.
 */
public final class FlagshipComparison {

    /** One arm: a label and its scenario. */
    public record Arm(String label, Scenario scenario) {
        public Arm {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(scenario, "scenario");
        }
    }

    /** Results of the long runs (one per arm) and of the two-day reference runs (food vs supplement). */
    public record Results(List<Arm> arms, List<SimulationResult> longRuns, List<SimulationResult> dayProfiles) {
        public Results {
            arms = List.copyOf(arms);
            longRuns = List.copyOf(longRuns);
            dayProfiles = List.copyOf(dayProfiles);
        }
    }

    /** Breakfast, lunch and dinner clock hours of the examples. */
    static final double[] MEALS = {8, 13, 19};
    /** Dietary calcium per meal, mg: 1000 mg/day, about the adult recommended intake (IOM 2011). */
    static final double FOOD_CALCIUM_MG_PER_MEAL = 1000.0 / 3;
    /** Supplement: 500 mg elemental calcium as carbonate with breakfast and dinner (a common regimen). */
    static final double SUPPLEMENT_MG_PER_DOSE = 500;
    /** MK-7: 180 µg/day, the dose of Knapen 2015 and of the dp-ucMGP dose-response trials. */
    static final double MK7_UG_PER_DAY = 180;

    /** Day from which the two-day serum calcium profile is shown (after a week on the regimen). */
    public static final double PROFILE_FROM_DAY = 7;

    private final Patient patient;
    private final double years;

    public FlagshipComparison(Patient patient, double years) {
        this.patient = Objects.requireNonNull(patient, "patient");
        if (!(years > 0 && years <= 40)) {
            throw new IllegalArgumentException("years must be in (0, 40]");
        }
        this.years = years;
    }

    /** The three arms, recording once a month. */
    public List<Arm> arms() {
        // Phosphate stays the engine's habitual background diet (Peterson & Riggs' OralPhos): the
        // mineral block is calibrated at that intake, and a realistic 1200 mg/day phosphorus in meals
        // moves its PTH far from the calibrated baseline (see docs/model/mineral.md).
        List<Intervention> food = List.of(
                new Intervention.DietaryCalcium(FOOD_CALCIUM_MG_PER_MEAL, Schedule.daily(MEALS)));
        List<Intervention> supplement = new ArrayList<>(food);
        supplement.add(new Intervention.CalciumSupplement(SUPPLEMENT_MG_PER_DOSE, CalciumSalt.CARBONATE, true,
                Schedule.daily(MEALS[0], MEALS[2])));
        List<Intervention> supplementK2 = new ArrayList<>(supplement);
        supplementK2.add(new Intervention.VitaminK(VitaminKForm.MK7, MK7_UG_PER_DAY, Schedule.daily(MEALS[0])));
        double days = years * 365.25;
        Recording monthly = Recording.every(24 * 30.4375);
        return List.of(
                new Arm("Calcium from food", scenario("food", "1000 mg/day calcium from three meals", food, days, monthly)),
                new Arm("Food + supplement", scenario("supplement",
                        "the same diet plus 500 mg calcium carbonate with breakfast and dinner", supplement, days, monthly)),
                new Arm("Food + supplement + MK-7", scenario("supplement-mk7",
                        "the same plus 180 µg MK-7 with breakfast", supplementK2, days, monthly)));
    }

    private Scenario scenario(String name, String description, List<Intervention> interventions, double days,
                              Recording recording) {
        return new Scenario("flagship-" + name, description, patient, List.of(), interventions, days, recording);
    }

    /**
     * Runs every arm in fast mode (arms in parallel, one simulator each) and the food and supplement
     * arms for nine days in reference mode, recording every quarter hour on the last two.
     */
    public Results run(SimulatorFactory factory, ProgressListener progress) throws InterruptedException {
        List<Arm> arms = arms();
        List<Scenario> days = new ArrayList<>();
        // A week on the regimen first, so the two recorded days show its periodic state rather than
        // the approach to it from the stabilised baseline.
        Recording lastTwoDays = new Recording(List.of(), 24, 0.25, PROFILE_FROM_DAY, PROFILE_FROM_DAY + 2);
        for (int i = 0; i < 2; i++) {
            Scenario s = arms.get(i).scenario();
            days.add(new Scenario(s.name() + "-day", s.description(), s.patient(), s.conditions(),
                    s.interventions(), PROFILE_FROM_DAY + 2, lastTwoDays));
        }
        int jobs = arms.size() + days.size();
        double[] done = new double[jobs];
        AtomicLong tick = new AtomicLong();
        int threads = Math.max(1, Math.min(jobs, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<SimulationResult>> futures = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                final int job = j;
                Scenario s = j < arms.size() ? arms.get(j).scenario() : days.get(j - arms.size());
                Mode mode = j < arms.size() ? Mode.FAST : Mode.REFERENCE;
                futures.add(pool.submit(() -> {
                    Simulator sim = factory.create(factory.defaultParameters());
                    return sim.run(s, mode, f -> {
                        synchronized (done) {
                            done[job] = f;
                            double sum = 0;
                            for (double d : done) {
                                sum += d;
                            }
                            if (tick.incrementAndGet() % 4 == 0 || f >= 1) {
                                progress.progress(sum / jobs);
                            }
                        }
                    });
                }));
            }
            List<SimulationResult> results = new ArrayList<>();
            for (Future<SimulationResult> f : futures) {
                results.add(f.get());
            }
            progress.progress(1);
            return new Results(arms, results.subList(0, arms.size()), results.subList(arms.size(), jobs));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
