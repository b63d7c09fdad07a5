package org.vascalc.simulation.integrate;

/**
 * A system whose linear part is propagated exactly over each step: a shifted frame. At the start of
 * each step (time t_n, state y_n) the integrator calls {@link #anchor}; the system then integrates
 * u = y - s(tau), tau = t - t_n, where s is the exact solution of s' = A s + f_n, s(0) = 0, for a
 * constant matrix A over some of its components (the declared linear part) and f_n = f(t_n, y_n) on
 * them. The system's derivative in that frame is f(t, u + s(tau)) - s'(tau): zero where the system is
 * exactly s' = A s + f_n, so a step is exact there whatever its length, and the integrator's error
 * estimate measures only what A does not capture (the nonlinear and coupled remainder). The shift is
 * the same for the solution and its embedded companion, so the error estimate needs no mapping.
 * Only W-methods can integrate in such a frame: its derivative depends on tau, and a W-method keeps
 * its order when df/dt is left out of its matrix.
 */
public interface LinearFrame {

    /** Starts a step at {@code (t, y)}: the frame's origin (s = 0 there). */
    void anchor(double t, double[] y);

    /** Adds the shift s(tau) since the origin to the framed components of {@code u} (u to y). */
    void shift(double tau, double[] u);
}
