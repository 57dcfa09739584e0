package org.jkeras.benchmarks;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.jkeras.KerasModel;
import org.jkeras.runtime.kernels.Parallel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peers' MLP end to end, as a user runs it: a Keras 2.2.4-layout {@code .h5} of Dense 784-512(relu)-512(relu)-10
 * (softmax) with the peers' deterministic weights is written to a temp dir, loaded with {@code KerasModel.load}, and
 * {@code predict(float[][])} is timed, rows in and rows out.
 *
 * <p>GFLOP/s = 2 · (784·512 + 512·512 + 512·10) · batch / time: batch 64 at 450 µs/op is 190 GFLOP/s. Setup checks
 * row 0 against the peers' value (wsum = Σ (i+1)·y[i] = 5.503430), so every engine computes the same function.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar MlpBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar MlpBenchmark -p batch=1000 -p threads=2
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class MlpBenchmark {
    @Param({"784-512-512-10"}) public String widths;
    @Param({"1", "64", "1000"}) public int batch;
    @Param({"1"}) public int threads;

    private KerasModel model;
    private float[][] x;

    @Setup
    public void setup() throws IOException {
        Parallel.setThreads(threads);
        int[] w = Arrays.stream(widths.split("-")).mapToInt(Integer::parseInt).toArray();
        model = KerasH5.load(file -> KerasH5.mlp(file, w));
        x = KerasH5.input(batch, w[0]);
        if (widths.equals("784-512-512-10")) KerasH5.checkRow0(model, x, 5.503430);
    }

    @Benchmark
    public float[][] predict() {
        return model.predict(x);
    }
}
