package org.vascalc.simulation.integrate;

/**
 * Settings of {@link Rodas4Integrator}. Defaults follow Hairer &amp; Wanner's code {@code rodas.f}
 * (safety 0.9, step ratio between 0.2 and 6, Gustafsson's predictive controller). The default
 * coefficient set is RODASP: on a stiff component slaved to slow forcing (the Prothero-Robinson test,
 * the situation of fast physiological equilibria) it keeps order 4 and takes about 30 steps where
 * RODAS4 needs about 470 for the same accuracy; on ROBER, VDPOL and HIRES it needs 15-60 % fewer steps.
 *
 * @param method        coefficient set
 * @param initialStep   first step size (same time unit as the system), or 0 to choose it
 *                      automatically (Hairer, Norsett &amp; Wanner, Solving ODEs I, Section II.4)
 * @param maxStep       largest step size allowed (positive; infinity for no limit)
 * @param maxSteps      most step attempts (accepted + rejected) in one call before giving up
 * @param safety        factor in (0, 1) applied to the optimal step size predicted by the error estimate
 * @param minStepRatio  smallest allowed ratio new/old step size, in (0, 1)
 * @param maxStepRatio  largest allowed ratio new/old step size, &gt; 1
 */
public record Rodas4Options(RosenbrockMethod method, double initialStep, double maxStep, long maxSteps,
                            double safety, double minStepRatio, double maxStepRatio) {

    public static final Rodas4Options DEFAULTS =
            new Rodas4Options(RosenbrockMethod.RODASP, 0, Double.POSITIVE_INFINITY, 100_000, 0.9, 0.2, 6.0);

    public Rodas4Options {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (!(initialStep >= 0) || Double.isInfinite(initialStep)) {
            throw new IllegalArgumentException("initialStep must be finite and >= 0 (0 = automatic), was " + initialStep);
        }
        if (!(maxStep > 0)) {
            throw new IllegalArgumentException("maxStep must be > 0, was " + maxStep);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, was " + maxSteps);
        }
        if (!(safety > 0 && safety < 1)) {
            throw new IllegalArgumentException("safety must be in (0, 1), was " + safety);
        }
        if (!(minStepRatio > 0 && minStepRatio < 1)) {
            throw new IllegalArgumentException("minStepRatio must be in (0, 1), was " + minStepRatio);
        }
        if (!(maxStepRatio > 1) || Double.isInfinite(maxStepRatio)) {
            throw new IllegalArgumentException("maxStepRatio must be finite and > 1, was " + maxStepRatio);
        }
    }

    public Rodas4Options withMethod(RosenbrockMethod m) {
        return new Rodas4Options(m, initialStep, maxStep, maxSteps, safety, minStepRatio, maxStepRatio);
    }

    public Rodas4Options withInitialStep(double h) {
        return new Rodas4Options(method, h, maxStep, maxSteps, safety, minStepRatio, maxStepRatio);
    }

    public Rodas4Options withMaxStep(double h) {
        return new Rodas4Options(method, initialStep, h, maxSteps, safety, minStepRatio, maxStepRatio);
    }

    public Rodas4Options withMaxSteps(long steps) {
        return new Rodas4Options(method, initialStep, maxStep, steps, safety, minStepRatio, maxStepRatio);
    }
}
