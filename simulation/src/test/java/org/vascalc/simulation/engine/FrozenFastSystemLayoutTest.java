package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * {@link FrozenFastSystem}'s integrated vector as its Javadoc lays it out, on the standard model with
 * stage quadrature (the default): the FAST states first ({@link FrozenFastSystem#integratedFast}), then
 * one quadrature component per SLOW state integrated alongside; the samples' SLOW integrals are read
 * from those components ({@link FrozenFastSystem#sampleIntegrals}, from the position the caller passes,
 * {@code integratedFast()}); the orbit integration's tolerances are each FAST state's own times
 * {@link FastRun#FAST_TOLERANCE_FACTOR}, the transit depots' absolute ones also times
 * {@link FastRun#TRANSIT_TOLERANCE_SCALE} and their relative one times {@link FastRun#TRANSIT_RELATIVE_SCALE},
 * none for the quadratures. The engine tests that judge fast-mode runs of a second or less did not
 * read the samples' integrals (a mutant that read them from the FAST part survived).
 */
class FrozenFastSystemLayoutTest {

    @Test
    void theQuadraturesFollowTheFastStatesAndTheSamplesReadThem() {
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(ModelAssembly.defaultParameters()), null);
        int n = model.dimension();
        int[] fast = model.fastIndices();
        int[] slow = model.slowIndices();
        double[] atol = model.absoluteTolerances();
        double[] z = new double[n + slow.length];
        int[] direct = java.util.stream.IntStream.range(0, slow.length).toArray();
        FrozenFastSystem frozen = new FrozenFastSystem(model, FastSettings.DEFAULT, null, n, fast, slow, atol, direct,
                new int[0], 0, z, null, null, null);

        int nf = fast.length;
        assertThat(frozen.integratedFast()).isEqualTo(nf);
        assertThat(frozen.quadratures()).isEqualTo(slow.length);
        assertThat(frozen.dimension()).isEqualTo(nf + slow.length);
        assertThat(frozen.autonomous()).isTrue();

        double[] q = new double[nf + slow.length];
        for (int k = 0; k < q.length; k++) {
            q[k] = 1000 + k;
        }
        double[] out = new double[slow.length];
        frozen.sampleIntegrals(3, 1.0, q, frozen.integratedFast(), out);
        for (int j = 0; j < slow.length; j++) {
            assertThat(out[j]).as("SLOW %d's integral", j).isEqualTo(1000.0 + nf + j);
        }

        int[] transit = frozen.transitAll();
        assertThat(transit).isNotEmpty().hasSizeLessThan(nf);
        for (double relative : new double[] {1e-3, 1e-4}) {
            Tolerances tol = frozen.tolerances(relative);
            assertThat(tol.relative()).isEqualTo(relative * FastRun.FAST_TOLERANCE_FACTOR);
            for (int k = 0; k < nf; k++) {
                boolean depot = IntArrays.contains(transit, k);
                assertThat(tol.absolute()[k]).as("FAST %d's absolute tolerance", k)
                        .isEqualTo(atol[fast[k]] * FastRun.FAST_TOLERANCE_FACTOR * (depot ? FastRun.TRANSIT_TOLERANCE_SCALE : 1));
                assertThat(tol.relativeScale()[k]).isEqualTo(depot ? FastRun.TRANSIT_RELATIVE_SCALE : 1.0);
            }
            for (int k = nf; k < q.length; k++) {
                assertThat(tol.absolute()[k]).isEqualTo(Double.POSITIVE_INFINITY);
            }
        }
    }
}
