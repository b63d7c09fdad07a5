package org.vascalc.imaging.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * Agatston, volume and mass scores of a CT volume (Agatston 1990; McCollough 2007; the clinical
 * reference note, sections 1.1-1.4).
 *
 * <p>A voxel is a candidate when its HU reaches the threshold and, if a label map is given, it lies
 * in an artery. Candidates of the same artery that touch (per {@link Connectivity}) form a lesion;
 * lesions below the size gate are dropped. Lesion score = area &times; weight(peak HU) &times;
 * (increment / 3 mm if normalising). Volume = voxels &times; pixel area &times; increment. Mass =
 * c_HA &times; voxel volume &times; &Sigma; HU over the lesion's voxels. Per-artery scores are sums of
 * their lesions, so they add up to the total exactly (up to floating-point summation order).
 *
 * <p>Hand-written: connected-component labelling on a short[] grid is a few dozen lines, and no
 * Maven Central library does it on this data layout without copying the volume.
 */
public final class CalciumScorer {

    /** Voxels tested per block before looking at any one; lets the JIT vectorise the common "nothing here" case. */
    private static final int BLOCK = 64;
    /** Relative slack on the size gate, so that 4 pixels of 0.5 mm make exactly 1 mm&sup2;. */
    private static final double GATE_SLACK = 1e-9;

    private final ScoringOptions options;

    /** A scorer with {@code options} ({@link ScoringOptions#clinical()}: the clinical Agatston rules). */
    public CalciumScorer(ScoringOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public ScoringOptions options() {
        return options;
    }

    /** Scores the whole volume, every candidate voxel counting ({@link Territory#UNLABELLED}). */
    public CalciumScore score(CtVolume ct) {
        return score(ct, null);
    }

    /**
     * Scores {@code ct}, counting only voxels that {@code labels} (may be null) assigns to an artery.
     *
     * @throws IllegalArgumentException if the label map is on another grid, the slice spacing is
     *                                  irregular, or the convention has no thresholds for the scan's kV
     */
    public CalciumScore score(CtVolume ct, LabelVolume labels) {
        if (labels != null && !labels.matches(ct)) {
            throw new IllegalArgumentException("label map " + labels + " is not on the grid of " + ct
                    + "; give the label map made with this CT (a phantom folder's labels/ beside its ct/)");
        }
        return score(ct.huVoxels(), labels == null ? null : labels.labels(), ScanGeometry.of(ct));
    }

    /**
     * Scores raw arrays in the {@link CtVolume} layout (x-fastest, slice-major); {@code labels} may be
     * null. Neither array is modified or kept.
     */
    public CalciumScore score(short[] hu, byte[] labels, ScanGeometry g) {
        Objects.requireNonNull(hu, "hu");
        if (hu.length != g.voxelCount() || (labels != null && labels.length != g.voxelCount())) {
            throw new IllegalArgumentException("arrays do not match the " + g.width() + "x" + g.height() + "x"
                    + g.depth() + " grid");
        }
        if (options.connectivity() == Connectivity.VOLUMETRIC_26 && g.stackTiltDeg() > 0) {
            // slice i's pixel (x, y) is not above slice i-1's: 26-neighbours across slices would join the wrong voxels
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the slices are not stacked "
                    + "straight: each slice's origin drifts sideways with z (a gantry tilt of %.1f degrees written as "
                    + "axial images), so 3-D lesions would join voxels that are not neighbours; score it with 2-D "
                    + "lesions (connectivity 8 or 4), which is exact slice by slice, or resample the series to a "
                    + "straight stack first", g.stackTiltDeg()));
        }
        int[] edges = options.convention().edges(g.kvp());
        List<Lesion> lesions = options.connectivity() == Connectivity.VOLUMETRIC_26
                ? new Volumetric(hu, labels, g, edges).run()
                : new Planar(hu, labels, g, edges).run();
        return CalciumScore.of(lesions, edges[0], g, options, labels != null);
    }

    static int weight(int peakHu, int[] edges) {
        return peakHu >= edges[3] ? 4 : peakHu >= edges[2] ? 3 : peakHu >= edges[1] ? 2 : 1;
    }

    private double normalisation(ScanGeometry g) {
        return options.normaliseToThreeMm() ? g.sliceIncrementMm() / 3.0 : 1.0;
    }

    private double massPerHuVoxel(ScanGeometry g) {
        // c_HA in mg/(cm3*HU) -> mg/(mm3*HU), times voxel volume in mm3
        return options.massCalibrationMgPerCm3PerHu() / 1000.0 * g.voxelVolumeMm3();
    }

    /** Whether slice block [from, to) holds any voxel >= threshold; written as an OR-reduction so C2 can vectorise it. */
    private static boolean anyAtOrAbove(short[] hu, int from, int to, int threshold) {
        int below = threshold - 1;
        int acc = 0;
        for (int i = from; i < to; i++) {
            acc |= below - hu[i];
        }
        return acc < 0;
    }

    /** 2-D lesions, one slice at a time. */
    private final class Planar {
        private final short[] hu;
        private final byte[] labels;
        private final ScanGeometry g;
        private final int[] edges;
        private final int w;
        private final int n;
        private final int[] stamp;
        private final int[] queue;
        private final boolean eight;

        Planar(short[] hu, byte[] labels, ScanGeometry g, int[] edges) {
            this.hu = hu;
            this.labels = labels;
            this.g = g;
            this.edges = edges;
            this.w = g.width();
            this.n = g.width() * g.height();
            this.stamp = new int[n];
            this.queue = new int[n];
            this.eight = options.connectivity() == Connectivity.PLANAR_8;
        }

        List<Lesion> run() {
            List<Lesion> out = new ArrayList<>();
            int threshold = edges[0];
            for (int z = 0; z < g.depth(); z++) {
                int base = z * n;
                int mark = z + 1;
                for (int c = 0; c < n; c += BLOCK) {
                    int end = Math.min(c + BLOCK, n);
                    if (!anyAtOrAbove(hu, base + c, base + end, threshold)) {
                        continue;
                    }
                    for (int i = c; i < end; i++) {
                        if (hu[base + i] >= threshold && stamp[i] != mark && (labels == null || labels[base + i] != 0)) {
                            Lesion l = grow(z, i, mark, out.size() + 1);
                            if (l != null) {
                                out.add(l);
                            }
                        }
                    }
                }
            }
            return out;
        }

        private Lesion grow(int z, int seed, int mark, int id) {
            int base = z * n;
            int threshold = edges[0];
            int code = labels == null ? 0 : labels[base + seed];
            int h = g.height();
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            stamp[seed] = mark;
            int peak = Integer.MIN_VALUE;
            long sumHu = 0;
            long sumX = 0;
            long sumY = 0;
            while (head < tail) {
                int p = queue[head++];
                int v = hu[base + p];
                peak = Math.max(peak, v);
                sumHu += v;
                int x = p % w;
                int y = p / w;
                sumX += x;
                sumY += y;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx < 0 || xx >= w || (dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) {
                            continue;
                        }
                        int q = yy * w + xx;
                        if (stamp[q] != mark && hu[base + q] >= threshold
                                && (labels == null || labels[base + q] == code)) {
                            stamp[q] = mark;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            int count = tail;
            double area = count * g.pixelAreaMm2();
            if (area < options.minimumLesionAreaMm2() * (1 - GATE_SLACK)) {
                return null;
            }
            int wgt = weight(peak, edges);
            int[] voxels = new int[count];
            for (int k = 0; k < count; k++) {
                voxels[k] = base + queue[k];
            }
            Territory t = labels == null ? Territory.UNLABELLED : Territory.ofCode(code);
            return new Lesion(id, t, z, z, count, area, peak, wgt, area * wgt * normalisation(g),
                    count * g.voxelVolumeMm3(), sumHu * massPerHuVoxel(g),
                    (double) sumX / count * g.pixelSpacingXMm(), (double) sumY / count * g.pixelSpacingYMm(), voxels);
        }
    }

    /** 3-D lesions (26-neighbourhood); each slice a lesion crosses is weighted by its own peak. */
    private final class Volumetric {
        private final short[] hu;
        private final byte[] labels;
        private final ScanGeometry g;
        private final int[] edges;
        private final boolean[] seen;
        private int[] queue = new int[1024];

        Volumetric(short[] hu, byte[] labels, ScanGeometry g, int[] edges) {
            this.hu = hu;
            this.labels = labels;
            this.g = g;
            this.edges = edges;
            this.seen = new boolean[hu.length];
        }

        List<Lesion> run() {
            List<Lesion> out = new ArrayList<>();
            int threshold = edges[0];
            for (int c = 0; c < hu.length; c += BLOCK) {
                int end = Math.min(c + BLOCK, hu.length);
                if (!anyAtOrAbove(hu, c, end, threshold)) {
                    continue;
                }
                for (int i = c; i < end; i++) {
                    if (hu[i] >= threshold && !seen[i] && (labels == null || labels[i] != 0)) {
                        Lesion l = grow(i, out.size() + 1);
                        if (l != null) {
                            out.add(l);
                        }
                    }
                }
            }
            return out;
        }

        private Lesion grow(int seed, int id) {
            int w = g.width();
            int h = g.height();
            int n = w * h;
            int threshold = edges[0];
            int code = labels == null ? 0 : labels[seed];
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            seen[seed] = true;
            int[] sliceCount = new int[g.depth()];
            int[] slicePeak = new int[g.depth()];
            Arrays.fill(slicePeak, Integer.MIN_VALUE);
            long sumHu = 0;
            long sumX = 0;
            long sumY = 0;
            int peak = Integer.MIN_VALUE;
            while (head < tail) {
                int p = queue[head++];
                int v = hu[p];
                int z = p / n;
                int r = p - z * n;
                int y = r / w;
                int x = r - y * w;
                sliceCount[z]++;
                slicePeak[z] = Math.max(slicePeak[z], v);
                peak = Math.max(peak, v);
                sumHu += v;
                sumX += x;
                sumY += y;
                for (int dz = -1; dz <= 1; dz++) {
                    int zz = z + dz;
                    if (zz < 0 || zz >= g.depth()) {
                        continue;
                    }
                    for (int dy = -1; dy <= 1; dy++) {
                        int yy = y + dy;
                        if (yy < 0 || yy >= h) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            if (xx < 0 || xx >= w) {
                                continue;
                            }
                            int q = zz * n + yy * w + xx;
                            if (!seen[q] && hu[q] >= threshold && (labels == null || labels[q] == code)) {
                                seen[q] = true;
                                if (tail == queue.length) {
                                    queue = Arrays.copyOf(queue, queue.length * 2);
                                }
                                queue[tail++] = q;
                            }
                        }
                    }
                }
            }
            int count = tail;
            double volume = count * g.voxelVolumeMm3();
            if (volume < options.minimumLesionVolumeMm3() * (1 - GATE_SLACK)) {
                return null;
            }
            double agatston = 0;
            int maxWeight = 0;
            int first = -1;
            int last = -1;
            for (int z = 0; z < g.depth(); z++) {
                if (sliceCount[z] > 0) {
                    int wz = weight(slicePeak[z], edges);
                    agatston += sliceCount[z] * g.pixelAreaMm2() * wz;
                    maxWeight = Math.max(maxWeight, wz);
                    first = first < 0 ? z : first;
                    last = z;
                }
            }
            Territory t = labels == null ? Territory.UNLABELLED : Territory.ofCode(code);
            return new Lesion(id, t, first, last, count, count * g.pixelAreaMm2(), peak, maxWeight,
                    agatston * normalisation(g), volume, sumHu * massPerHuVoxel(g),
                    (double) sumX / count * g.pixelSpacingXMm(), (double) sumY / count * g.pixelSpacingYMm(),
                    Arrays.copyOf(queue, count));
        }
    }
}
