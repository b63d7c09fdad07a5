package org.vascalc.bench.imaging;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vascalc.imaging.score.CalciumScore;
import org.vascalc.imaging.score.CalciumScorer;
import org.vascalc.imaging.score.ScanGeometry;
import org.vascalc.imaging.score.ScoringOptions;
import org.vascalc.imaging.volume.CtVolume;
import org.vascalc.imaging.volume.LabelVolume;

/**
 * Scoring a 512 x 512 x 64 volume in memory (16.8 M voxels): soft tissue 40 HU with 20 HU noise, a
 * vertebral body of 400 HU (a 20 mm disc in every slice, as in a real chest) and 24 calcified lesions
 * inside labelled arteries. Throughput in voxels/s = 16,777,216 / (ms per op) x 1000. One thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CalciumScoringBenchmark {

    private static final int N = 512;
    private static final int DEPTH = 64;
    private static final double PIXEL = 0.4;

    /** "labelled": only artery voxels count (the spine is ignored); "unlabelled": every voxel >= 130 HU counts. */
    @Param({"labelled", "unlabelled"})
    public String labels;

    private short[] hu;
    private byte[] labelCodes;
    private ScanGeometry geometry;
    private CtVolume ct;
    private LabelVolume lv;
    private final CalciumScorer scorer = new CalciumScorer(ScoringOptions.clinical());

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(20261130L);
        hu = new short[N * N * DEPTH];
        byte[] codes = new byte[N * N * DEPTH];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = (short) Math.round(40 + 20 * rnd.nextGaussian());
        }
        int spineX = N / 2;
        int spineY = 420;
        int r = (int) (10 / PIXEL);
        for (int z = 0; z < DEPTH; z++) {
            for (int y = spineY - r; y <= spineY + r; y++) {
                for (int x = spineX - r; x <= spineX + r; x++) {
                    if ((x - spineX) * (x - spineX) + (y - spineY) * (y - spineY) <= r * r) {
                        hu[(z * N + y) * N + x] = (short) (400 + rnd.nextInt(200));
                    }
                }
            }
        }
        for (int k = 0; k < 24; k++) {
            int z = rnd.nextInt(DEPTH);
            int x0 = 100 + rnd.nextInt(300);
            int y0 = 100 + rnd.nextInt(250);
            int code = 1 + rnd.nextInt(4);
            for (int y = y0 - 8; y <= y0 + 8; y++) {
                for (int x = x0 - 8; x <= x0 + 8; x++) {
                    codes[(z * N + y) * N + x] = (byte) code;
                }
            }
            for (int y = y0 - 2; y <= y0 + 2; y++) {
                for (int x = x0 - 3; x <= x0 + 3; x++) {
                    hu[(z * N + y) * N + x] = (short) (150 + rnd.nextInt(500));
                }
            }
        }
        labelCodes = "labelled".equals(labels) ? codes : null;
        double[] zs = new double[DEPTH];
        for (int z = 0; z < DEPTH; z++) {
            zs[z] = 3.0 * z;
        }
        geometry = new ScanGeometry(N, N, DEPTH, PIXEL, PIXEL, 3.0, 120);
        ct = new CtVolume(N, N, DEPTH, hu, PIXEL, PIXEL, zs, 3.0, 120);
        lv = labelCodes == null ? null : new LabelVolume(N, N, DEPTH, codes, PIXEL, PIXEL, zs, 3.0);
    }

    /** The scoring kernel on arrays already in memory. */
    @Benchmark
    public CalciumScore scoreArrays() {
        return scorer.score(hu, labelCodes, geometry);
    }

    /** The public CtVolume entry point, which copies the voxels out of the immutable volume first. */
    @Benchmark
    public CalciumScore scoreVolume() {
        return scorer.score(ct, lv);
    }
}
