package org.vascalc.bench.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.vascalc.imaging.dicom.CtSeriesWriter;
import org.vascalc.imaging.dicom.DicomSeriesReader;
import org.vascalc.imaging.dicom.SeriesInfo;
import org.vascalc.imaging.volume.CtVolume;

/**
 * Reading (and writing) a 64-slice 512 x 512 CT series from disk: one Explicit VR Little Endian file
 * per slice, 32 MiB of pixels in all. The files sit in the OS page cache after the first iteration, so
 * this measures parsing, pixel conversion to HU and allocation, not the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(time = 5)
@Measurement(time = 5)
public class DicomSeriesBenchmark {

    private static final int SIZE = 512;
    private static final int SLICES = 64;

    private Path root;
    private Path series;
    private CtVolume volume;
    private int writes;
    private final DicomSeriesReader reader = new DicomSeriesReader();

    @Setup(Level.Trial)
    public void writeSeries() throws IOException {
        Random random = new Random(64);
        short[] hu = new short[SIZE * SIZE * SLICES];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = (short) (random.nextInt(1400) - 1000);
        }
        double[] z = new double[SLICES];
        for (int k = 0; k < SLICES; k++) {
            z[k] = 2.5 * k;
        }
        volume = new CtVolume(SIZE, SIZE, SLICES, hu, 0.390625, 0.390625, z, 2.5, 120);
        root = Files.createTempDirectory("vascalc-dicom-bench");
        series = root.resolve("ct");
        CtSeriesWriter.writeCt(volume, SeriesInfo.synthetic("BENCH"), series);
    }

    @TearDown(Level.Trial)
    public void deleteSeries() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Folder listing, 64 Part-10 parses, geometry checks, rescale to HU. */
    @Benchmark
    public CtVolume read64SliceSeries() throws IOException {
        return reader.readCt(series);
    }

    /** 64 files written to a temporary folder and moved into place. */
    @Benchmark
    public Path write64SliceSeries() throws IOException {
        Path target = root.resolve("w" + writes++);
        CtSeriesWriter.writeCt(volume, SeriesInfo.synthetic("BENCH"), target);
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return target;
    }
}
