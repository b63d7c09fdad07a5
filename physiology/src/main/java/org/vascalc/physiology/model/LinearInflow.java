package org.vascalc.physiology.model;

import java.util.Objects;

/**
 * A term of a block's rates that is linear in one state and does not deplete it: {@code d to/dt}
 * contains {@code coefficient * from} (the receiving side of a transfer declared with {@code to} null,
 * such as the gut's absorption into plasma calcium, a counter of what a depot passed on, or a state's
 * own linear loss when {@code to} equals {@code from}). Declared, with {@link LinearTransfer}, so that
 * fast mode can propagate a larger linear part exactly: the states a gut depot feeds. A solver must stay
 * correct if a declaration is missing or approximate, only slower.
 *
 * @param from        id of the state the term is proportional to
 * @param to          id of the state whose rate contains the term
 * @param coefficient 1/h, finite, either sign
 */
public record LinearInflow(String from, String to, double coefficient) {
    public LinearInflow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!Double.isFinite(coefficient)) {
            throw new IllegalArgumentException("coefficient of " + from + " in the rate of " + to + " must be finite, was "
                    + coefficient);
        }
    }
}
