package org.vascalc.simulation.integrate;

/**
 * Coefficients of a Rosenbrock method in the transformed form of Hairer &amp; Wanner (1996), eq.
 * IV.7.4', which needs no matrix-vector product with the Jacobian:
 *
 * <pre>
 *   (1/(h gamma) I - J) u_i = f(t + alpha_i h, y + sum_j a_ij u_j) + sum_j (c_ij / h) u_j + h d_i f_t
 *   y1 = y + sum_j m_j u_j,     error estimate = sum_j e_j u_j
 * </pre>
 *
 * The arrays are read-only after construction (package-private, so nothing outside can change them).
 */
final class RosenbrockTableau {

    final int stages;
    final double gamma;
    /** Strictly lower triangular, {@code a[i][j]} for j &lt; i. */
    final double[][] a;
    /** Strictly lower triangular, {@code c[i][j]} for j &lt; i. */
    final double[][] c;
    /** Nodes alpha_i = sum_j alpha_ij. */
    final double[] alpha;
    /** gamma_i = sum_j gamma_ij (diagonal included), the weights of f_t. */
    final double[] d;
    final double[] m;
    /** Weights of the error estimate: m minus the embedded method's weights. */
    final double[] e;
    /**
     * Continuous extension (HW 1996, IV.7, "dense output"): with s = (t - t0)/h,
     * y(t) = y0 + s (y1 - y0 + (1 - s) (sum_j dense[0][j] u_j + s sum_j dense[1][j] u_j)).
     */
    final double[][] dense;
    /**
     * Order of the embedded solution: the error estimate behaves like h^(embeddedOrder + 1), which
     * sets the step-size controller's exponent.
     */
    final int embeddedOrder;
    /**
     * Whether the method is a W-method (its order does not depend on the Jacobian being exact), so
     * that one Jacobian may serve many steps.
     */
    final boolean wMethod;

    RosenbrockTableau(double gamma, double[][] a, double[][] c, double[] alpha, double[] d, double[] m,
                      double[] mEmbedded, double[][] dense) {
        this(gamma, a, c, alpha, d, m, mEmbedded, dense, 3, false);
    }

    RosenbrockTableau(double gamma, double[][] a, double[][] c, double[] alpha, double[] d, double[] m,
                      double[] mEmbedded, double[][] dense, int embeddedOrder, boolean wMethod) {
        this.dense = dense;
        this.embeddedOrder = embeddedOrder;
        this.wMethod = wMethod;
        this.stages = m.length;
        this.gamma = gamma;
        this.a = a;
        this.c = c;
        this.alpha = alpha;
        this.d = d;
        this.m = m;
        this.e = new double[stages];
        for (int i = 0; i < stages; i++) {
            e[i] = m[i] - mEmbedded[i];
        }
    }

    /**
     * Builds the transformed coefficients from the original form (HW IV.7.1): {@code alphaIj} strictly
     * lower, {@code betaIj} = alpha_ij + gamma_ij strictly lower, diagonal gamma; weights b and the
     * embedded weights bHat. Transformation (HW IV.7, after 7.4'): Gamma = (gamma_ij) with gamma on the
     * diagonal, a = alpha Gamma^-1, c = diag(1/gamma) - Gamma^-1, m = b Gamma^-1.
     */
    static RosenbrockTableau fromAlphaBeta(double gamma, double[][] alphaIj, double[][] betaIj, double[] b,
                                           double[] bHat, double[][] dense) {
        return fromAlphaBeta(gamma, alphaIj, betaIj, b, bHat, dense, 3, false);
    }

    static RosenbrockTableau fromAlphaBeta(double gamma, double[][] alphaIj, double[][] betaIj, double[] b,
                                           double[] bHat, double[][] dense, int embeddedOrder, boolean wMethod) {
        int s = b.length;
        double[][] big = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                big[i][j] = betaIj[i][j] - alphaIj[i][j];
            }
            big[i][i] = gamma;
        }
        double[][] inv = lowerTriangularInverse(big);
        double[][] a = new double[s][s];
        double[][] c = new double[s][s];
        double[] nodes = new double[s];
        double[] d = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                double sum = 0;
                for (int k = j; k < i; k++) {
                    sum += alphaIj[i][k] * inv[k][j];
                }
                a[i][j] = sum;
                c[i][j] = -inv[i][j];
                nodes[i] += alphaIj[i][j];
            }
            for (int j = 0; j <= i; j++) {
                d[i] += big[i][j];
            }
        }
        double[] m = times(b, inv);
        double[][] denseUsed = dense != null ? dense : thirdOrderDense(alphaIj, big, m, inv);
        return new RosenbrockTableau(gamma, a, c, nodes, d, m, times(bHat, inv), denseUsed, embeddedOrder, wMethod);
    }

    /**
     * A continuous extension of order 3 for a four-stage method that has none published:
     * y(t0 + s h) = y0 + sum_i b_i(s) k_i in the original form, with the weights b_i(s) fixed by the
     * four order conditions up to order 3 with right-hand sides s, s^2/2, s^3/3 and s^3/6 (HW 1996,
     * Table IV.7.1 with the exact solution's Taylor coefficients at t0 + s h; beta with gamma on the
     * diagonal, alpha_i the nodes):
     * <pre>
     *   sum b_i(s) = s,  sum b_i(s) beta_i = s^2/2,  sum b_i(s) alpha_i^2 = s^3/3,  sum b_i(s) (B B 1)_i = s^3/6.
     * </pre>
     * The conditions are linear in b(s), so b(s) = s q1 + s^2 q2 + s^3 q3 with three solves of one
     * 4 x 4 system; at s = 1 it is the method's own b (an order-3 method satisfies them). Returned in
     * the transformed, RODAS-style form y0 + s (y1 - y0 + (1 - s)(sum dense[0]_j u_j + s sum dense[1]_j u_j)):
     * with p_k = q_k Gamma^-1, dense[0] = p1 - m and dense[1] = -p3.
     */
    static double[][] thirdOrderDense(double[][] alphaIj, double[][] gammaFull, double[] m, double[][] gammaInverse) {
        int s = m.length;
        if (s != 4) {
            throw new IllegalArgumentException("the order-3 continuous extension needs exactly 4 stages, got " + s);
        }
        double[][] beta = new double[s][s];
        double[] nodes = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                beta[i][j] = alphaIj[i][j] + gammaFull[i][j];
                nodes[i] += alphaIj[i][j];
            }
            beta[i][i] = gammaFull[i][i];
        }
        double[] betaSum = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j <= i; j++) {
                betaSum[i] += beta[i][j];
            }
        }
        double[][] conditions = new double[s][s];
        for (int i = 0; i < s; i++) {
            conditions[0][i] = 1;
            conditions[1][i] = betaSum[i];
            conditions[2][i] = nodes[i] * nodes[i];
            for (int j = 0; j <= i; j++) {
                conditions[3][i] += beta[i][j] * betaSum[j];
            }
        }
        double[] q1 = solveSmall(conditions, new double[] {1, 0, 0, 0});
        double[] q2 = solveSmall(conditions, new double[] {0, 0.5, 0, 0});
        double[] q3 = solveSmall(conditions, new double[] {0, 0, 1.0 / 3, 1.0 / 6});
        double[] p1 = times(q1, gammaInverse);
        double[] p3 = times(q3, gammaInverse);
        double[][] dense = new double[2][s];
        for (int j = 0; j < s; j++) {
            dense[0][j] = p1[j] - m[j];
            dense[1][j] = -p3[j];
        }
        return dense;
    }

    /** Gaussian elimination with partial pivoting for the small systems of the coefficient set-up. */
    private static double[] solveSmall(double[][] matrix, double[] rhs) {
        int s = rhs.length;
        double[][] a = new double[s][];
        for (int i = 0; i < s; i++) {
            a[i] = java.util.Arrays.copyOf(matrix[i], s + 1);
            a[i][s] = rhs[i];
        }
        for (int k = 0; k < s; k++) {
            int p = k;
            for (int i = k + 1; i < s; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                    p = i;
                }
            }
            double[] swap = a[k];
            a[k] = a[p];
            a[p] = swap;
            if (Math.abs(a[k][k]) < 1e-12) {
                throw new IllegalStateException("order conditions of the continuous extension are singular");
            }
            for (int i = k + 1; i < s; i++) {
                double f = a[i][k] / a[k][k];
                for (int j = k; j <= s; j++) {
                    a[i][j] -= f * a[k][j];
                }
            }
        }
        double[] x = new double[s];
        for (int i = s - 1; i >= 0; i--) {
            double sum = a[i][s];
            for (int j = i + 1; j < s; j++) {
                sum -= a[i][j] * x[j];
            }
            x[i] = sum / a[i][i];
        }
        return x;
    }

    private static double[] times(double[] row, double[][] lower) {
        int s = row.length;
        double[] out = new double[s];
        for (int j = 0; j < s; j++) {
            for (int k = j; k < s; k++) {
                out[j] += row[k] * lower[k][j];
            }
        }
        return out;
    }

    static double[][] lowerTriangularInverse(double[][] l) {
        int s = l.length;
        double[][] inv = new double[s][s];
        for (int j = 0; j < s; j++) {
            inv[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < s; i++) {
                double sum = 0;
                for (int k = j; k < i; k++) {
                    sum += l[i][k] * inv[k][j];
                }
                inv[i][j] = -sum / l[i][i];
            }
        }
        return inv;
    }

    /**
     * RODAS4 (HW 1996, Section IV.7, method "RODAS"; coefficients as in the authors' code {@code rodas.f}): six stages, order 4
     * with embedded order 3, L-stable, stiffly accurate (y1 is the sixth stage's argument plus u_6).
     */
    static RosenbrockTableau rodas4() {
        double[][] a = new double[6][6];
        double[][] c = new double[6][6];
        a[1][0] = 1.544;
        a[2][0] = 0.9466785280815826;
        a[2][1] = 0.2557011698983284;
        a[3][0] = 3.314825187068521;
        a[3][1] = 2.896124015972201;
        a[3][2] = 0.9986419139977817;
        a[4][0] = 1.221224509226641;
        a[4][1] = 6.019134481288629;
        a[4][2] = 12.53708332932087;
        a[4][3] = -0.6878860361058950;
        System.arraycopy(a[4], 0, a[5], 0, 4);
        a[5][4] = 1;
        c[1][0] = -5.6688;
        c[2][0] = -2.430093356833875;
        c[2][1] = -0.2063599157091915;
        c[3][0] = -0.1073529058151375;
        c[3][1] = -9.594562251023355;
        c[3][2] = -20.47028614809616;
        c[4][0] = 7.496443313967647;
        c[4][1] = -10.24680431464352;
        c[4][2] = -33.99990352819905;
        c[4][3] = 11.70890893206160;
        c[5][0] = 8.083246795921522;
        c[5][1] = -7.981132988064893;
        c[5][2] = -31.52159432874371;
        c[5][3] = 16.31930543123136;
        c[5][4] = -6.058818238834054;
        double[] alpha = {0, 0.386, 0.21, 0.63, 1, 1};
        double[] d = {0.25, -0.1043, 0.1035, -0.3620000000000023e-1, 0, 0};
        double[] m = {a[4][0], a[4][1], a[4][2], a[4][3], 1, 1};
        double[] mEmbedded = {a[4][0], a[4][1], a[4][2], a[4][3], 1, 0};
        double[][] dense = {
            {10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823, 1.025137723295662, 0},
            {-0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386, -6.594389125716872, 0}};
        return new RosenbrockTableau(0.25, a, c, alpha, d, m, mEmbedded, dense);
    }

    /**
     * RODASP (Steinebach 1995): same structure as RODAS4, but its coefficients also satisfy the order
     * conditions for linear parabolic problems (no order reduction with method-of-lines right-hand
     * sides). Given in the original alpha/beta form; transformed here.
     */
    static RosenbrockTableau rodasp() {
        double[][] al = new double[6][6];
        double[][] be = new double[6][6];
        al[1][0] = 0.75;
        al[2][0] = 8.6120400814152190e-2;
        al[2][1] = 0.1238795991858478;
        al[3][0] = 0.7749345355073236;
        al[3][1] = 0.1492651549508680;
        al[3][2] = -0.2941996904581916;
        al[4][0] = 5.308746682646142;
        al[4][1] = 1.330892140037269;
        al[4][2] = -5.374137811655562;
        al[4][3] = -0.2655010110278497;
        al[5][0] = -1.764437648774483;
        al[5][1] = -0.4747565572063027;
        al[5][2] = 2.369691846915802;
        al[5][3] = 0.6195023590649829;
        al[5][4] = 0.25;
        be[1][0] = 0.0;
        be[2][0] = -0.049392;
        be[2][1] = -0.014112;
        be[3][0] = -0.4820494693877561;
        be[3][1] = -0.1008795555555556;
        be[3][2] = 0.9267290249433117;
        be[4][0] = -1.764437648774483;
        be[4][1] = -0.4747565572063027;
        be[4][2] = 2.369691846915802;
        be[4][3] = 0.6195023590649829;
        be[5][0] = -8.0368370789113464e-2;
        be[5][1] = -5.6490613592447572e-2;
        be[5][2] = 0.4882856300427991;
        be[5][3] = 0.5057162114816189;
        be[5][4] = -0.1071428571428569;
        double gamma = 0.25;
        // Stiffly accurate: y1 = sixth stage (weights = row 6 of beta with gamma on the diagonal), the
        // embedded solution = fifth stage (row 5 of beta, gamma on the diagonal).
        double[] b = {be[5][0], be[5][1], be[5][2], be[5][3], be[5][4], gamma};
        double[] bHat = {be[4][0], be[4][1], be[4][2], be[4][3], gamma, 0};
        // Continuous extension of RODASP as distributed with Hairer & Wanner's rodas.f (METH=3).
        double[][] dense = {
            {25.09876703708589, 11.62013104361867, 28.49148307714626, -5.664021568594133, 0, 0},
            {1.638054557396973, -0.7373619806678748, 8.477918219238990, 15.99253148779520, -1.882352941176471, 0}};
        return fromAlphaBeta(gamma, al, be, b, bHat, dense);
    }

    /**
     * ROS34PW2 (Rang &amp; Angermann 2005, {@code RangAngermann2005}, Table 4.3 of the paper's W-methods):
     * four stages, order 3 with an embedded order-2 solution, stiffly accurate and L-stable, and a
     * W-method: the order conditions hold for any approximation of the Jacobian, so the integrator
     * may keep one Jacobian over many steps. Also free of order reduction on the Prothero-Robinson
     * problem (the "P" of the name). No continuous extension is published with the method; the one
     * used here is derived from the order conditions ({@link #thirdOrderDense}).
     */
    static RosenbrockTableau ros34pw2() {
        double gamma = 0.4358665215084590;
        double[][] al = new double[4][4];
        double[][] ga = new double[4][4];
        al[1][0] = 0.87173304301691801;
        al[2][0] = 0.84457060015369423;
        al[2][1] = -0.11299064236484185;
        al[3][0] = 0;
        al[3][1] = 0;
        al[3][2] = 1;
        ga[1][0] = -0.87173304301691801;
        ga[2][0] = -0.90338057013044082;
        ga[2][1] = 0.054180672388095326;
        ga[3][0] = 0.24212380706095346;
        ga[3][1] = -1.2232505839045147;
        ga[3][2] = 0.54526025533510214;
        double[][] be = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < i; j++) {
                be[i][j] = al[i][j] + ga[i][j];
            }
        }
        double[] b = {0.24212380706095346, -1.2232505839045147, 1.5452602553351020, 0.4358665215084590};
        double[] bHat = {0.37810903145819369, -0.096042292212423178, 0.5, 0.2179332607542295};
        return fromAlphaBeta(gamma, al, be, b, bHat, null, 2, true);
    }
}
