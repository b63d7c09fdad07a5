package org.vascalc.simulation.integrate;

/** Work done by one {@link StiffIntegrator#integrate} call. */
public record IntegrationStats(long acceptedSteps, long rejectedSteps, long derivativeEvaluations,
                               long jacobianEvaluations, long luDecompositions) {
    public IntegrationStats plus(IntegrationStats o) {
        return new IntegrationStats(acceptedSteps + o.acceptedSteps, rejectedSteps + o.rejectedSteps,
                derivativeEvaluations + o.derivativeEvaluations, jacobianEvaluations + o.jacobianEvaluations,
                luDecompositions + o.luDecompositions);
    }

    public static final IntegrationStats ZERO = new IntegrationStats(0, 0, 0, 0, 0);
}
