package org.vascalc.imaging.synth;

import java.util.ArrayList;
import java.util.List;
import org.vascalc.imaging.phantom.ArteryModel;
import org.vascalc.imaging.phantom.Chest;
import org.vascalc.imaging.phantom.CoronaryTree;
import org.vascalc.imaging.phantom.Deposit;
import org.vascalc.imaging.phantom.PhantomParameters;
import org.vascalc.imaging.volume.CoronaryArtery;

/**
 * The continuous object: soft tissue everywhere, each artery a tissue tube in a fat sleeve, each
 * deposit tissue plus hydroxyapatite contrast. A coarse hash of centre-line samples finds the
 * nearby arteries of a point, so evaluating far from every artery costs one array look-up.
 */
final class Scene {

    /** Hash cell edge, mm. */
    private static final double CELL = 2.0;
    /** Centre-line samples entered in the hash: every 4th (1 mm); the nearest is refined locally. */
    private static final int STRIDE = 4;

    private final ArteryModel[] arteries;
    private final List<List<Integer>> depositsByArtery;
    private final double[] depositHu;
    private final List<Deposit> deposits;
    private final double tissueHu;
    private final double fatHu;
    private final double fatSleeve;
    private final double labelMargin;
    private final double reach;
    private final double x0;
    private final double y0;
    private final double z0;
    private final int cx;
    private final int cy;
    private final int cz;
    private final int[] cellStart;
    private final int[] entries;

    private final Chest chest;

    Scene(CoronaryTree tree, Chest chest, List<Deposit> deposits, PhantomParameters k, double huPerMgCm3,
          double extraReachMm) {
        this.chest = chest;
        this.arteries = new ArteryModel[CoronaryArtery.values().length];
        this.depositsByArtery = new ArrayList<>();
        for (CoronaryArtery a : CoronaryArtery.values()) {
            arteries[a.ordinal()] = tree.artery(a);
            depositsByArtery.add(new ArrayList<>());
        }
        this.deposits = List.copyOf(deposits);
        this.depositHu = new double[deposits.size()];
        double maxReach = 0;
        for (int i = 0; i < deposits.size(); i++) {
            Deposit d = deposits.get(i);
            depositsByArtery.get(d.spec().artery().ordinal()).add(i);
            depositHu[i] = k.tissueHu() + huPerMgCm3 * d.spec().densityMgPerCm3();
            maxReach = Math.max(maxReach, d.reachMm());
        }
        this.tissueHu = k.tissueHu();
        this.fatHu = k.fatHu();
        this.fatSleeve = k.fatSleeve();
        this.labelMargin = k.labelMargin();
        double maxOuter = 0;
        for (ArteryModel a : arteries) {
            maxOuter = Math.max(maxOuter, a.maxOuterRadius());
        }
        this.reach = Math.max(maxOuter + Math.max(fatSleeve, labelMargin), maxReach) + extraReachMm + CELL;
        double[] b = tree.bounds();
        this.x0 = b[0] - reach;
        this.y0 = b[1] - reach;
        this.z0 = b[2] - reach;
        this.cx = (int) Math.ceil((b[3] - b[0] + 2 * reach) / CELL) + 1;
        this.cy = (int) Math.ceil((b[4] - b[1] + 2 * reach) / CELL) + 1;
        this.cz = (int) Math.ceil((b[5] - b[2] + 2 * reach) / CELL) + 1;
        int[] count = new int[cx * cy * cz + 1];
        forEachEntry((cell, code) -> count[cell + 1]++);
        for (int i = 1; i < count.length; i++) {
            count[i] += count[i - 1];
        }
        this.cellStart = count.clone();
        this.entries = new int[count[count.length - 1]];
        int[] fill = count.clone();
        forEachEntry((cell, code) -> entries[fill[cell]++] = code);
    }

    private interface EntrySink {
        void accept(int cell, int code);
    }

    private void forEachEntry(EntrySink sink) {
        int r = (int) Math.ceil(reach / CELL);
        for (ArteryModel a : arteries) {
            var c = a.centerline();
            for (int i = 0; i < c.pointCount(); i += STRIDE) {
                double[] p = c.point(i);
                int ix = (int) ((p[0] - x0) / CELL);
                int iy = (int) ((p[1] - y0) / CELL);
                int iz = (int) ((p[2] - z0) / CELL);
                for (int dz = -r; dz <= r; dz++) {
                    for (int dy = -r; dy <= r; dy++) {
                        for (int dx = -r; dx <= r; dx++) {
                            int x = ix + dx;
                            int y = iy + dy;
                            int z = iz + dz;
                            if (x >= 0 && y >= 0 && z >= 0 && x < cx && y < cy && z < cz
                                    && (dx * dx + dy * dy + dz * dz) <= (r + 1) * (r + 1)) {
                                sink.accept((z * cy + y) * cx + x, (a.artery().ordinal() << 24) | i);
                            }
                        }
                    }
                }
            }
        }
    }

    private int cellOf(double x, double y, double z) {
        int ix = (int) Math.floor((x - x0) / CELL);
        int iy = (int) Math.floor((y - y0) / CELL);
        int iz = (int) Math.floor((z - z0) / CELL);
        if (ix < 0 || iy < 0 || iz < 0 || ix >= cx || iy >= cy || iz >= cz) {
            return -1;
        }
        return (iz * cy + iy) * cx + ix;
    }

    /** Scratch space for one thread's evaluations; {@link #prepare} fills the per-artery fields for a voxel centre. */
    static final class Probe {
        final double[] local = new double[3];
        double s;
        double rho;
        double phi;
        double gap;
        final boolean[] seen = new boolean[CoronaryArtery.values().length];
        final int[] best = new int[CoronaryArtery.values().length];
        final double[] bestD = new double[CoronaryArtery.values().length];
        final double[] centreS = new double[CoronaryArtery.values().length];
        final double[] centreRho = new double[CoronaryArtery.values().length];
        final double[] centreGap = new double[CoronaryArtery.values().length];
        double minGap;
        byte label;
    }

    /**
     * Looks up the arteries near a voxel centre and records, per artery, the nearest centre-line
     * sample, the local coordinates and the gap to the outer wall; also the label there. Returns
     * false (and leaves the probe unusable) when no artery is near.
     */
    boolean prepare(double x, double y, double z, Probe probe) {
        int c = cellOf(x, y, z);
        if (c < 0 || cellStart[c + 1] == cellStart[c]) {
            return false;
        }
        java.util.Arrays.fill(probe.seen, false);
        for (int e = cellStart[c]; e < cellStart[c + 1]; e++) {
            int code = entries[e];
            int a = code >>> 24;
            int i = code & 0xFFFFFF;
            var cl = arteries[a].centerline();
            double d = sq(cl.x(i) - x) + sq(cl.y(i) - y) + sq(cl.z(i) - z);
            if (!probe.seen[a] || d < probe.bestD[a]) {
                probe.seen[a] = true;
                probe.bestD[a] = d;
                probe.best[a] = i;
            }
        }
        probe.minGap = Double.MAX_VALUE;
        double labelGap = Double.MAX_VALUE;
        int labelArtery = -1;
        for (int a = 0; a < arteries.length; a++) {
            if (!probe.seen[a]) {
                continue;
            }
            probe.best[a] = localise(a, probe.best[a], x, y, z, probe);
            probe.centreS[a] = probe.s;
            probe.centreRho[a] = probe.rho;
            probe.centreGap[a] = probe.gap;
            double gap = probe.gap;
            for (int di : depositsByArtery.get(a)) {
                if (deposits.get(di).contains(probe.s, probe.rho, probe.phi, x, y, z)) {
                    gap = Math.min(gap, 0);
                }
            }
            probe.minGap = Math.min(probe.minGap, probe.gap);
            if (gap < labelGap) {
                labelGap = gap;
                labelArtery = a;
            }
        }
        probe.label = labelArtery >= 0 && labelGap <= labelMargin ? arteries[labelArtery].artery().code()
                : CoronaryArtery.NONE;
        return true;
    }

    /** Whether the prepared voxel centre is within {@code radius} of a deposit's region (for finer sampling). */
    boolean nearADeposit(double radius, Probe probe) {
        for (Deposit d : deposits) {
            int a = d.artery().artery().ordinal();
            if (probe.seen[a] && probe.centreS[a] >= d.startMm() - radius && probe.centreS[a] <= d.endMm() + radius
                    && probe.centreRho[a] <= d.reachMm() + radius) {
                return true;
            }
        }
        return false;
    }

    /**
     * The HU of a prepared voxel's box when it is uniform: tissue if every point of the box (within
     * {@code halfDiag} of the centre) is inside a wall, the chest at the centre if it is beyond the fat
     * sleeve, fat if all of it is in the sleeve; NaN when the box straddles a boundary and must be sampled.
     */
    double uniformHu(double x, double y, double z, double halfDiag, Probe probe) {
        double g = probe.minGap;
        if (g < -halfDiag) {
            return tissueHu;
        }
        if (g > fatSleeve + halfDiag) {
            return chest.hu(x, y, z);
        }
        if (g > halfDiag && g < fatSleeve - halfDiag) {
            return fatHu;
        }
        return Double.NaN;
    }

    /** HU of the chest alone (far from every artery). */
    double chestHu(double x, double y, double z) {
        return chest.hu(x, y, z);
    }

    /** HU of the continuous object at a point inside the box of the last prepared voxel. */
    double hu(double x, double y, double z, Probe probe) {
        double bestGap = Double.MAX_VALUE;
        double deposit = Double.NaN;
        for (int a = 0; a < arteries.length; a++) {
            if (!probe.seen[a]) {
                continue;
            }
            localise(a, probe.best[a], x, y, z, probe);
            for (int di : depositsByArtery.get(a)) {
                if (deposits.get(di).contains(probe.s, probe.rho, probe.phi, x, y, z)) {
                    double v = depositHu[di];
                    deposit = Double.isNaN(deposit) ? v : Math.max(deposit, v);
                }
            }
            bestGap = Math.min(bestGap, probe.gap);
        }
        if (!Double.isNaN(deposit)) {
            return deposit;
        }
        if (bestGap <= 0) {
            return tissueHu;
        }
        return bestGap <= fatSleeve ? fatHu : chest.hu(x, y, z);
    }

    /**
     * Walks along artery {@code a}'s samples from {@code i0} to the one nearest the point (the
     * distance is unimodal along a smooth curve at these ranges), sets s, rho, phi and the gap to the
     * outer wall, and returns that sample's index.
     */
    private int localise(int a, int i0, double x, double y, double z, Probe probe) {
        ArteryModel m = arteries[a];
        var c = m.centerline();
        int last = c.pointCount() - 1;
        int best = i0;
        double bestD = sq(c.x(best) - x) + sq(c.y(best) - y) + sq(c.z(best) - z);
        for (int dir = -1; dir <= 1; dir += 2) {
            int i = best + dir;
            while (i >= 0 && i <= last) {
                double d = sq(c.x(i) - x) + sq(c.y(i) - y) + sq(c.z(i) - z);
                if (d >= bestD) {
                    break;
                }
                bestD = d;
                best = i;
                i += dir;
            }
        }
        c.local(best, x, y, z, probe.local);
        double s = probe.local[0];
        double rho = probe.local[1];
        double overshoot = s < 0 ? -s : s > m.lengthMm() ? s - m.lengthMm() : 0;
        probe.s = s;
        probe.rho = rho;
        probe.phi = probe.local[2];
        // rounded caps at both ends, so that the left main and its branches join without a seam
        probe.gap = Math.sqrt(rho * rho + overshoot * overshoot) - m.outerRadius(s);
        return best;
    }

    private static double sq(double v) {
        return v * v;
    }
}
