package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.simulation.Scenario;

/**
 * {@link SlowCouplingProbe#diagonalGroups} compares SLOW rows from the SLOW-rows call: its direct reads
 * ({@link SlowCouplingProbe#reads}, every column, those of the SLOW states that move the FAST samples
 * included) and its groups equal those of the former probe (full derivative calls, every column;
 * copied below) over patients, with and without the wall, with the wall's states among the SLOW ones
 * and without them (its own step), at moved states; {@link AdiabaticResponse#column} is the shift
 * per unit move of its state. And
 * {@link GroupedJacobian#greedyGroups} on primitive arrays gives the former list-based colouring's
 * groups (copied below) on random patterns.
 */
class SlowCouplingProbeTest {

    @Test
    void diagonalGroupsEqualTheFullCallProbesOverPatientsAndStates() {
        List<Scenario> scenarios = Scenarios.probePatients("slow-coupling");
        var parameters = ModelAssembly.defaultParameters();
        SplittableRandom random = new SplittableRandom(20261201);
        int compared = 0;
        for (Scenario sc : scenarios) {
            for (boolean wall : new boolean[] {false, true}) {
                AssembledModel model = InitialisedModels.assembled(parameters, sc, wall);
                int n = model.dimension();
                int[] fast = model.fastIndices();
                double[] atol = model.absoluteTolerances();
                double[] base = InitialisedModels.initialState(model, sc.patient());
                int[] all = model.slowIndices();
                int[] own = Arrays.stream(all).filter(i -> !model.ownedByAffine(i)).toArray();
                for (int[] slow : wall ? List.of(all, own) : List.of(all)) {
                    AdiabaticResponse response = new AdiabaticResponse(model, fast, slow, atol);
                    for (int state = 0; state < 3; state++) {
                        double[] y = base.clone();
                        for (int j : slow) {
                            y[j] *= Math.exp(random.nextDouble(-0.05, 0.05));
                        }
                        double[][] samples = InitialisedModels.orbitSamples(y, base, fast, random);
                        double t = state * 30 * 24.0;
                        response.update(t, samples, y);
                        assertThat(response.entering()).isNotEmpty();
                        int[][] groups = SlowCouplingProbe.diagonalGroups(model, slow, atol, samples[0], response, t, y);
                        boolean[][] fullReads = fullCallReads(model, slow, atol, samples[0], t, y);
                        int[][] former = formerDiagonalGroups(fullReads, response);
                        assertThat(groups).isDeepEqualTo(former);
                        assertThat(SlowCouplingProbe.reads(model, slow, atol, samples[0], t, y)).isDeepEqualTo(fullReads);
                        assertColumnsAreTheShiftPerUnitMove(response, model, slow, fast, y);
                        assertThat(groups.length).isLessThan(slow.length);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(27);
    }

    @Test
    void greedyGroupsEqualTheListBasedColouring() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int columns = 1 + random.nextInt(60);
            int rows = 1 + random.nextInt(40);
            double density = random.nextDouble(0.02, 0.5);
            boolean[][] touches = new boolean[columns][rows];
            for (boolean[] c : touches) {
                for (int r = 0; r < rows; r++) {
                    c[r] = random.nextDouble() < density;
                }
            }
            assertThat(GroupedJacobian.greedyGroups(touches, rows)).isDeepEqualTo(formerGreedyGroups(touches, rows));
        }
    }

    /**
     * The diagonal's validity test needs the direct reads of the states that move the FAST samples: at
     * the reference adult's state the bone cells move the samples, caBone's rate reads osteoclasts (its
     * resorption) and the gland pool's does not (it reads them only through the ECF calcium of the
     * samples). The probe's former rule counted such a state as read by every row.
     */
    @Test
    void aStateMovingTheSamplesIsReadDirectlyOnlyByTheRowsWhoseRateHoldsIt() {
        Scenario sc = Scenarios.probePatients("slow-coupling").get(0);
        var parameters = ModelAssembly.defaultParameters();
        AssembledModel model = InitialisedModels.assembled(parameters, sc, false);
        double[] y = InitialisedModels.initialState(model, sc.patient());
        int[] slow = model.slowIndices();
        AdiabaticResponse response = new AdiabaticResponse(model, model.fastIndices(), slow, model.absoluteTolerances());
        double[][] samples = {y.clone(), y.clone()};
        response.update(0, samples, y);
        int oc = position(model, slow, "mineral.osteoclasts");
        assertThat(response.entering()).contains(oc);
        boolean[][] reads = SlowCouplingProbe.reads(model, slow, model.absoluteTolerances(), y, 0, y);
        assertThat(reads[position(model, slow, "mineral.caBone")][oc]).isTrue();
        assertThat(reads[position(model, slow, "mineral.glandPool")][oc]).isFalse();
    }

    private static int position(AssembledModel model, int[] slow, String id) {
        int i = model.layout().index(id);
        for (int j = 0; j < slow.length; j++) {
            if (slow[j] == i) {
                return j;
            }
        }
        throw new AssertionError(id + " is not SLOW");
    }

    /** Each entering state's column times a move of that state alone is the shift ({@link AdiabaticResponse#shift}), to the bit. */
    private static void assertColumnsAreTheShiftPerUnitMove(AdiabaticResponse response, AssembledModel model, int[] slow,
                                                           int[] fast, double[] y) {
        double[] column = new double[fast.length];
        double[] shift = new double[fast.length];
        for (int j : response.entering()) {
            double[] moved = y.clone();
            double d = 1e-3 * Math.abs(y[slow[j]]) + 1e-6;
            moved[slow[j]] = y[slow[j]] + d;
            d = moved[slow[j]] - y[slow[j]];
            response.shift(moved, shift);
            response.column(j, column);
            for (int k = 0; k < fast.length; k++) {
                assertThat(shift[k]).isEqualTo(column[k] * d);
            }
        }
    }

    /** The direct reads {@code reads[r][j]} found independently of the probe: every column, plain full derivative calls (no SLOW-rows call, no kept plain rates). */
    private static boolean[][] fullCallReads(AssembledModel model, int[] slow, double[] atol, double[] firstSample,
                                             double t, double[] y) {
        int n = model.dimension();
        int ns = slow.length;
        boolean[][] reads = new boolean[ns][ns];
        double[] base = new double[n];
        double[] f0 = new double[n];
        double[] f1 = new double[n];
        for (int pass = 0; pass < 2; pass++) {
            System.arraycopy(firstSample, 0, base, 0, n);
            for (int i : slow) {
                base[i] = pass == 0 ? y[i] : 1.5 * y[i] + 1e3 * atol[i] + 1e-3;
            }
            model.derivatives(t, base, f0);
            for (int j = 0; j < ns; j++) {
                int i = slow[j];
                double keep = base[i];
                base[i] = keep + Math.max(1e-4 * Math.abs(keep), 1e3 * atol[i]);
                // the full call, not the probe's shortcuts: the oracle must not call the code it checks
                model.derivatives(t, base, f1);
                base[i] = keep;
                for (int r = 0; r < ns; r++) {
                    if (r != j && f1[slow[r]] != f0[slow[r]]) {
                        reads[r][j] = true;
                    }
                }
            }
        }
        return reads;
    }

    /** The groups as the former probe made them from its reads. */
    private static int[][] formerDiagonalGroups(boolean[][] reads, AdiabaticResponse response) {
        int ns = reads.length;
        boolean[][] enters = new boolean[ns][ns];
        for (int r = 0; r < ns; r++) {
            for (int j = 0; j < ns; j++) {
                enters[j][r] = reads[r][j];
            }
        }
        for (int j : response.entering()) {
            for (int r = 0; r < ns; r++) {
                enters[j][r] = true;
                enters[r][j] = true;
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int j = 0; j < ns; j++) {
            List<Integer> chosen = null;
            for (List<Integer> g : groups) {
                boolean clash = false;
                for (int k : g) {
                    clash |= enters[j][k] || enters[k][j];
                }
                if (!clash) {
                    chosen = g;
                    break;
                }
            }
            if (chosen == null) {
                chosen = new ArrayList<>();
                groups.add(chosen);
            }
            chosen.add(j);
        }
        int[][] out = new int[groups.size()][];
        for (int g = 0; g < out.length; g++) {
            out[g] = groups.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** {@link GroupedJacobian#greedyGroups} as it was (boxed lists). */
    private static int[][] formerGreedyGroups(boolean[][] touches, int rows) {
        int columns = touches.length;
        List<List<Integer>> gs = new ArrayList<>();
        List<boolean[]> used = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            int chosen = -1;
            for (int g = 0; g < gs.size() && chosen < 0; g++) {
                boolean clash = false;
                for (int r = 0; r < rows && !clash; r++) {
                    clash = touches[c][r] && used.get(g)[r];
                }
                if (!clash) {
                    chosen = g;
                }
            }
            if (chosen < 0) {
                gs.add(new ArrayList<>());
                used.add(new boolean[rows]);
                chosen = gs.size() - 1;
            }
            gs.get(chosen).add(c);
            for (int r = 0; r < rows; r++) {
                used.get(chosen)[r] |= touches[c][r];
            }
        }
        int[][] out = new int[gs.size()][];
        for (int g = 0; g < gs.size(); g++) {
            out[g] = gs.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

}
