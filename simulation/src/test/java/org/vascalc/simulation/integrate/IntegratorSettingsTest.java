package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The documented ranges of the integrator's settings, tolerances and affine propagator, checked at
 * their edges: a value just inside is taken, the edge itself (where the range is open) and a value
 * just outside are refused with a message naming the setting and the value. Mutation testing
 * (docs/testing.md) found no test that read any of these refusals.
 */
class IntegratorSettingsTest {

    private static final Rodas4Options D = Rodas4Options.DEFAULTS;

    private static Rodas4Options options(double initialStep, double maxStep, long maxSteps, double safety,
                                         double minRatio, double maxRatio) {
        return new Rodas4Options(RosenbrockMethod.RODASP, initialStep, maxStep, maxSteps, safety, minRatio, maxRatio);
    }

    private static void refused(Runnable make, String message) {
        assertThatThrownBy(make::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void theDefaultsAreThoseOfRodasF() {
        // Hairer & Wanner's rodas.f: safety 0.9, step ratio in [0.2, 6]; RODASP; automatic first step; no cap.
        assertThat(D.method()).isEqualTo(RosenbrockMethod.RODASP);
        assertThat(D.safety()).isEqualTo(0.9);
        assertThat(D.minStepRatio()).isEqualTo(0.2);
        assertThat(D.maxStepRatio()).isEqualTo(6.0);
        assertThat(D.initialStep()).isZero();
        assertThat(D.maxStep()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(D.maxSteps()).isEqualTo(100_000);
    }

    @Test
    void optionsTakeTheEdgesTheirRangesIncludeAndRefuseTheOthers() {
        // inside, at the closed edges: initialStep 0 (automatic), maxSteps 1
        assertThat(options(0, 1e-9, 1, 1e-9, 1e-9, Math.nextUp(1.0)).maxSteps()).isEqualTo(1);
        assertThat(options(Double.MIN_VALUE, 1, 1, 0.999, 0.999, 1e300).initialStep()).isEqualTo(Double.MIN_VALUE);

        refused(() -> options(-1e-300, 1, 1, 0.9, 0.2, 6), "initialStep must be finite and >= 0 (0 = automatic), was -1.0E-300");
        refused(() -> options(Double.NaN, 1, 1, 0.9, 0.2, 6), "initialStep must be finite and >= 0 (0 = automatic), was NaN");
        refused(() -> options(Double.POSITIVE_INFINITY, 1, 1, 0.9, 0.2, 6),
                "initialStep must be finite and >= 0 (0 = automatic), was Infinity");
        refused(() -> options(0, 0, 1, 0.9, 0.2, 6), "maxStep must be > 0, was 0.0");
        refused(() -> options(0, Double.NaN, 1, 0.9, 0.2, 6), "maxStep must be > 0, was NaN");
        refused(() -> options(0, 1, 0, 0.9, 0.2, 6), "maxSteps must be >= 1, was 0");
        refused(() -> options(0, 1, 1, 0, 0.2, 6), "safety must be in (0, 1), was 0.0");
        refused(() -> options(0, 1, 1, 1, 0.2, 6), "safety must be in (0, 1), was 1.0");
        refused(() -> options(0, 1, 1, Double.NaN, 0.2, 6), "safety must be in (0, 1), was NaN");
        refused(() -> options(0, 1, 1, 0.9, 0, 6), "minStepRatio must be in (0, 1), was 0.0");
        refused(() -> options(0, 1, 1, 0.9, 1, 6), "minStepRatio must be in (0, 1), was 1.0");
        refused(() -> options(0, 1, 1, 0.9, 0.2, 1), "maxStepRatio must be finite and > 1, was 1.0");
        refused(() -> options(0, 1, 1, 0.9, 0.2, Double.POSITIVE_INFINITY),
                "maxStepRatio must be finite and > 1, was Infinity");
        refused(() -> options(0, 1, 1, 0.9, 0.2, Double.NaN), "maxStepRatio must be finite and > 1, was NaN");
        refused(() -> D.withMethod(null), "method must not be null");
    }

    @Test
    void theWithersChangeOnlyTheirOwnSetting() {
        Rodas4Options o = D.withMethod(RosenbrockMethod.ROS34PW2).withInitialStep(0.5).withMaxStep(24).withMaxSteps(7);
        assertThat(o).isEqualTo(new Rodas4Options(RosenbrockMethod.ROS34PW2, 0.5, 24, 7, 0.9, 0.2, 6.0));
    }

    @Test
    void tolerancesRefuseWhatTheErrorNormCannotDivideBy() {
        assertThat(new Tolerances(Double.MIN_VALUE, new double[] {Double.MIN_VALUE}, 0).normCount()).isZero();
        refused(() -> new Tolerances(0, new double[] {1}), "relative tolerance must be > 0");
        refused(() -> new Tolerances(Double.NaN, new double[] {1}), "relative tolerance must be > 0");
        refused(() -> new Tolerances(1e-3, new double[] {1}, -1), "norm count must be >= 0, was -1");
        refused(() -> new Tolerances(1e-3, new double[] {1, 0}), "absolute tolerances must be > 0");
        refused(() -> new Tolerances(1e-3, new double[] {Double.NaN}), "absolute tolerances must be > 0");
        refused(() -> new Tolerances(1e-3, new double[] {1, 1}, 0, new double[] {1}), "relative scales: 1 for 2 components");
        refused(() -> new Tolerances(1e-3, new double[] {1}, 0, new double[] {Double.POSITIVE_INFINITY}),
                "relative scales must be finite and > 0, was Infinity");
        refused(() -> new Tolerances(1e-3, new double[] {1}, 0, new double[] {-2}),
                "relative scales must be finite and > 0, was -2.0");
        // an infinite absolute tolerance is allowed: it marks a component the norm ignores
        assertThat(new Tolerances(1e-3, new double[] {Double.POSITIVE_INFINITY}).absolute())
                .containsExactly(Double.POSITIVE_INFINITY);
    }

    @Test
    void tolerancesKeepTheirOwnCopies() {
        double[] atol = {1e-6, 1e-6};
        double[] scale = {1, 3};
        Tolerances t = new Tolerances(1e-3, atol, 0, scale);
        atol[0] = 5;
        scale[1] = 7;
        assertThat(t.absolute()).containsExactly(1e-6, 1e-6);
        assertThat(t.relativeScale()).containsExactly(1, 3);
        assertThat(Tolerances.uniform(3, 1e-4, 1e-8)).satisfies(u -> {
            assertThat(u.relative()).isEqualTo(1e-4);
            assertThat(u.absolute()).containsExactly(1e-8, 1e-8, 1e-8);
            assertThat(u.normCount()).isZero();
            assertThat(u.relativeScale()).isNull();
        });
    }

    @Test
    void theAffinePropagatorRefusesABadMatrixAndABadTimeNamingThem() {
        refused(() -> new AffinePropagator(new double[3], 2), "matrix has 3 entries, expected 2 x 2");
        refused(() -> new AffinePropagator(new double[] {0, 1, Double.NaN, 0}, 2), "matrix entry (1, 0) is not finite: NaN");
        refused(() -> new AffinePropagator(new double[] {0, Double.NEGATIVE_INFINITY, 0, 0}, 2),
                "matrix entry (0, 1) is not finite: -Infinity");
        AffinePropagator p = new AffinePropagator(new double[] {-1}, 1);
        p.force(new double[] {3});
        assertThat(p.dimension()).isEqualTo(1);
        refused(() -> p.at(-1e-300, null, null), "time since the frame's origin must be finite and >= 0, was -1.0E-300");
        refused(() -> p.at(Double.NaN, null, null), "time since the frame's origin must be finite and >= 0, was NaN");
        refused(() -> p.at(Double.POSITIVE_INFINITY, null, null),
                "time since the frame's origin must be finite and >= 0, was Infinity");
        // at the origin: s(0) = 0 and s'(0) = f
        double[] s = {9};
        double[] ds = {9};
        p.at(0, s, ds);
        assertThat(s).containsExactly(0);
        assertThat(ds).containsExactly(3);
    }

    /** Quadratures are trailing components the LU leaves out: at least one component must stay for it. */
    @Test
    void theIntegratorRefusesAsManyQuadraturesAsComponents() {
        OdeSystem allQuadratures = new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                dydt[0] = 1;
                dydt[1] = 1;
            }

            @Override
            public int quadratures() {
                return 2;
            }
        };
        Rodas4Integrator w = new Rodas4Integrator(D.withMethod(RosenbrockMethod.ROS34PW2));
        refused(() -> w.integrate(allQuadratures, Tolerances.uniform(2, 1e-6, 1e-9), 0, new double[2], 1, null),
                "quadratures must be in [0, 2), was 2");
    }
}
