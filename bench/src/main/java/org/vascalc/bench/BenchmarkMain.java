package org.vascalc.bench;

import org.openjdk.jmh.runner.RunnerException;

/**
 * Entry point for the JMH benchmarks: {@code bench/run [JMH options]} (see bench/README.md).
 * Passes its arguments to JMH's own command line.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, java.io.IOException {
        org.openjdk.jmh.Main.main(args);
    }
}
