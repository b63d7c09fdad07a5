package org.vascalc.physiology.model;

import java.util.Objects;

/**
 * A first-order transfer that is an exact term of a block's rates: {@code d from/dt} contains
 * {@code -ratePerHour * from} and, when {@code to} is not null, {@code d to/dt} contains
 * {@code +ratePerHour * from} (a gut depot emptying into the next compartment). With {@code to}
 * null the amount leaves the declared set (absorbed into plasma, passed to faeces): the receiving
 * state's rate is the block's business. Declared so that fast mode can propagate these terms
 * exactly over a step (docs/architecture.md, fast mode); a solver must stay correct if a declaration
 * is missing, only slower.
 *
 * @param from        id of the emptying state, e.g. {@code mineral.caMeal}
 * @param to          id of the receiving state, or null when the amount leaves the declared set
 * @param ratePerHour first-order rate constant, 1/h (finite, &gt;= 0)
 */
public record LinearTransfer(String from, String to, double ratePerHour) {
    public LinearTransfer {
        Objects.requireNonNull(from, "from");
        if (!(ratePerHour >= 0) || Double.isInfinite(ratePerHour)) {
            throw new IllegalArgumentException("rate of the transfer from " + from + " must be finite and >= 0 1/h, was "
                    + ratePerHour);
        }
    }
}
