package org.vascalc.bench.core;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.vascalc.core.input.ValidRange;

/** Smoke benchmark that keeps the JMH set-up compiling; the model benchmarks sit beside it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ValidRangeBenchmark {

    private final ValidRange range = new ValidRange("systolic blood pressure", "mmHg", 60, 260, 90, 180);
    private double value = 120;

    @Benchmark
    public boolean allows() {
        value += 1e-9;
        return range.allows(value);
    }
}
