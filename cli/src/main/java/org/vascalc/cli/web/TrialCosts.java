package org.vascalc.cli.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vascalc.simulation.trial.TrialRunner;

/**
 * The most members per arm the trials page runs of each trial, from what one member per arm of that trial costs.
 *
 * <p>The costs are measured, in one file ({@code trial-costs.csv} beside this class, with the date, the machine and
 * the command), not set by hand per trial: the trials differ more than tenfold (a MESA-like member's year costs about a
 * millisecond, a dialysis member's run-in and year tens of times that), so one limit set by the slowest trial (care2,
 * review9's 1000 per arm) held the cheap ones to a small fraction of the minute it allowed. A trial's limit is
 * {@link #BUDGET_SECONDS} over its cost, rounded down to two significant figures, at most
 * {@link TrialRunner#MAX_SIZE}. A trial file without a row (one added since the measurement) gets the costliest
 * measured trial's limit, so a new trial can be slower than the budget only if it is slower than every measured one.
 */
final class TrialCosts {

    /** About a minute of one request's run, what review9 asked of the page (as {@code /cohort}'s 200 members). */
    static final double BUDGET_SECONDS = 60;

    private static final String FILE = "trial-costs.csv";

    /** Seconds per member per arm, by trial key, as the file gives them. */
    private static final Map<String, Double> SECONDS_PER_MEMBER = read();

    private TrialCosts() {
    }

    /** The most members per arm the page runs of trial {@code key}. */
    static int limit(String key) {
        Double cost = key == null ? null : SECONDS_PER_MEMBER.get(key);
        return limitFor(cost == null ? costliest() : cost);
    }

    /** The limit a trial of {@code secondsPerMemberPerArm} gets: the budget's members, two significant figures, down. */
    static int limitFor(double secondsPerMemberPerArm) {
        double members = BUDGET_SECONDS / secondsPerMemberPerArm;
        if (!(members >= 2)) {
            return 2; // a bootstrap needs two; no shipped trial comes near
        }
        double unit = Math.pow(10, Math.floor(Math.log10(members)) - 1);
        long rounded = (long) (Math.floor(members / unit + 1e-9) * unit);
        return (int) Math.min(rounded, TrialRunner.MAX_SIZE);
    }

    /** The smallest limit of the measured trials: the page's limit for a trial without a measured cost. */
    static int smallest() {
        return limitFor(costliest());
    }

    /** The measured costs, by key (for the form's help and the tests). */
    static Map<String, Double> secondsPerMember() {
        return SECONDS_PER_MEMBER;
    }

    private static double costliest() {
        return SECONDS_PER_MEMBER.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static Map<String, Double> read() {
        try (InputStream in = TrialCosts.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the build");
            }
            Map<String, Double> out = new LinkedHashMap<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("trial,")) {
                    continue;
                }
                String[] cells = l.split(",");
                double msPerMember = Double.parseDouble(cells[1].strip());
                if (!(msPerMember > 0)) {
                    throw new IllegalStateException(FILE + ": " + l + ": the cost must be above zero");
                }
                out.put(cells[0].strip(), msPerMember / 1000);
            }
            if (out.isEmpty()) {
                throw new IllegalStateException(FILE + " holds no cost");
            }
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
