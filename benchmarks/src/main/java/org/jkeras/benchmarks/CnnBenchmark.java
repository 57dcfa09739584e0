package org.jkeras.benchmarks;

import java.io.IOException;
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
 * The peers' CNN end to end, as a user runs it: a Keras 2.2.4-layout {@code .h5} of 28×28×1 → Conv2D 32 3×3 ReLU →
 * MaxPooling2D 2 → Flatten → Dense 10 softmax with the peers' deterministic weights is written to a temp dir, loaded
 * with {@code KerasModel.load}, and {@code predict(float[][])} is timed, rows (784 floats) in and rows out.
 *
 * <p>GFLOP/s = 2 · (26·26·32·9 + 5408·10) · batch / time. Setup checks row 0 against the peers' value
 * (wsum = Σ (i+1)·y[i] = 5.503113), so every engine computes the same function.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar CnnBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class CnnBenchmark {
    @Param({"1", "64"}) public int batch;
    @Param({"1"}) public int threads;

    private KerasModel model;
    private float[][] x;

    @Setup
    public void setup() throws IOException {
        Parallel.setThreads(threads);
        model = KerasH5.load(KerasH5::cnn);
        x = KerasH5.input(batch, 28 * 28);
        KerasH5.checkRow0(model, x, 5.503113);
    }

    @Benchmark
    public float[][] predict() {
        return model.predict(x);
    }
}
