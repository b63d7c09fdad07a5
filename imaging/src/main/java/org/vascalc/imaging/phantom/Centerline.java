package org.vascalc.imaging.phantom;

import java.util.ArrayList;
import java.util.List;

/**
 * An artery's axis: a Catmull-Rom curve through control points, resampled every
 * {@link #STEP_MM}, with a rotation-minimising frame (parallel transport) at every sample so that
 * an angle around the artery means the same side all along it.
 */
public final class Centerline {

    /** Spacing of the resampled points, mm: fine against the smallest lumen radius (about 1 mm). */
    public static final double STEP_MM = 0.25;

    private final double[][] p;
    private final double[][] t;
    private final double[][] n;
    private final double[][] b;
    private final double length;

    private Centerline(double[][] p, double[][] t, double[][] n, double[][] b, double length) {
        this.p = p;
        this.t = t;
        this.n = n;
        this.b = b;
        this.length = length;
    }

    /** Builds the curve through {@code control} (at least 2 points, mm), translated by {@code offset}. */
    public static Centerline through(double[][] control, double[] offset) {
        List<double[]> dense = new ArrayList<>();
        int m = control.length;
        for (int i = 0; i < m - 1; i++) {
            double[] p0 = control[Math.max(i - 1, 0)];
            double[] p1 = control[i];
            double[] p2 = control[i + 1];
            double[] p3 = control[Math.min(i + 2, m - 1)];
            int steps = 200;
            for (int k = 0; k < steps; k++) {
                dense.add(catmullRom(p0, p1, p2, p3, (double) k / steps));
            }
        }
        dense.add(control[m - 1].clone());
        // resample at equal arc length
        List<double[]> pts = new ArrayList<>();
        pts.add(dense.get(0));
        double carried = 0;
        for (int i = 1; i < dense.size(); i++) {
            double[] a = dense.get(i - 1);
            double[] c = dense.get(i);
            double seg = dist(a, c);
            double pos = STEP_MM - carried;
            while (pos <= seg) {
                double f = pos / seg;
                pts.add(new double[] {a[0] + f * (c[0] - a[0]), a[1] + f * (c[1] - a[1]), a[2] + f * (c[2] - a[2])});
                pos += STEP_MM;
            }
            carried = seg - (pos - STEP_MM);
        }
        int k = pts.size();
        double[][] p = new double[k][];
        for (int i = 0; i < k; i++) {
            double[] q = pts.get(i);
            p[i] = new double[] {q[0] + offset[0], q[1] + offset[1], q[2] + offset[2]};
        }
        double[][] t = new double[k][];
        for (int i = 0; i < k; i++) {
            double[] a = p[Math.max(i - 1, 0)];
            double[] c = p[Math.min(i + 1, k - 1)];
            t[i] = normalise(new double[] {c[0] - a[0], c[1] - a[1], c[2] - a[2]});
        }
        double[][] n = new double[k][];
        double[][] b = new double[k][];
        // first normal: the axis least aligned with the tangent, made orthogonal
        double[] ref = Math.abs(t[0][2]) < 0.9 ? new double[] {0, 0, 1} : new double[] {1, 0, 0};
        n[0] = normalise(reject(ref, t[0]));
        b[0] = cross(t[0], n[0]);
        for (int i = 1; i < k; i++) {
            n[i] = normalise(reject(n[i - 1], t[i]));
            b[i] = cross(t[i], n[i]);
        }
        return new Centerline(p, t, n, b, (k - 1) * STEP_MM);
    }

    public double lengthMm() {
        return length;
    }

    public int pointCount() {
        return p.length;
    }

    /** Sample {@code i}'s position (copy). */
    public double[] point(int i) {
        return p[i].clone();
    }

    /** Index of the sample nearest to arc length {@code s}. */
    public int indexAt(double s) {
        return (int) Math.max(0, Math.min(p.length - 1, Math.round(s / STEP_MM)));
    }

    /** Position at arc length {@code s} plus {@code radius} along angle {@code angleDeg} of the frame. */
    public double[] offsetPoint(double s, double radius, double angleDeg) {
        int i = indexAt(s);
        double a = Math.toRadians(angleDeg);
        double c = Math.cos(a) * radius;
        double d = Math.sin(a) * radius;
        return new double[] {p[i][0] + c * n[i][0] + d * b[i][0], p[i][1] + c * n[i][1] + d * b[i][1],
            p[i][2] + c * n[i][2] + d * b[i][2]};
    }

    /**
     * Local coordinates of point q with respect to sample {@code i}'s cross-section: writes
     * {arc length s, radial distance, angle in degrees [-180, 180)} into {@code out}.
     */
    public void local(int i, double x, double y, double z, double[] out) {
        double dx = x - p[i][0];
        double dy = y - p[i][1];
        double dz = z - p[i][2];
        double along = dx * t[i][0] + dy * t[i][1] + dz * t[i][2];
        double u = dx * n[i][0] + dy * n[i][1] + dz * n[i][2];
        double v = dx * b[i][0] + dy * b[i][1] + dz * b[i][2];
        out[0] = i * STEP_MM + along;
        out[1] = Math.sqrt(u * u + v * v);
        out[2] = Math.toDegrees(Math.atan2(v, u));
    }

    /** Coordinate x of sample {@code i}, mm (no copy). */
    public double x(int i) {
        return p[i][0];
    }

    /** Coordinate y of sample {@code i}, mm (no copy). */
    public double y(int i) {
        return p[i][1];
    }

    /** Coordinate z of sample {@code i}, mm (no copy). */
    public double z(int i) {
        return p[i][2];
    }

    private static double[] catmullRom(double[] p0, double[] p1, double[] p2, double[] p3, double u) {
        double[] r = new double[3];
        double u2 = u * u;
        double u3 = u2 * u;
        for (int d = 0; d < 3; d++) {
            r[d] = 0.5 * (2 * p1[d] + (-p0[d] + p2[d]) * u + (2 * p0[d] - 5 * p1[d] + 4 * p2[d] - p3[d]) * u2
                    + (-p0[d] + 3 * p1[d] - 3 * p2[d] + p3[d]) * u3);
        }
        return r;
    }

    private static double dist(double[] a, double[] c) {
        double dx = a[0] - c[0];
        double dy = a[1] - c[1];
        double dz = a[2] - c[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static double[] normalise(double[] v) {
        double l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / l, v[1] / l, v[2] / l};
    }

    private static double[] reject(double[] v, double[] unit) {
        double d = v[0] * unit[0] + v[1] * unit[1] + v[2] * unit[2];
        return new double[] {v[0] - d * unit[0], v[1] - d * unit[1], v[2] - d * unit[2]};
    }

    private static double[] cross(double[] a, double[] c) {
        return new double[] {a[1] * c[2] - a[2] * c[1], a[2] * c[0] - a[0] * c[2], a[0] * c[1] - a[1] * c[0]};
    }
}
