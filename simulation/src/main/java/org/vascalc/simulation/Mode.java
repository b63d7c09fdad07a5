package org.vascalc.simulation;

/**
 * REFERENCE resolves every meal and dose with a stiff integrator; FAST uses quasi-steady states for
 * the fastest variables, closed-form linear PK and derivatives of the slow states averaged over the
 * periodic daily orbit, for long runs. Both must agree within 1 % on slow outputs.
 */
public enum Mode { FAST, REFERENCE }
