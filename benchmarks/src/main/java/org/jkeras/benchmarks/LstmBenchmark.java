package org.jkeras.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.layers.LSTM;
import org.jkeras.runtime.layers.LSTMCell;
import org.jkeras.runtime.layers.RNN;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Keras {@code LSTM(128)} (tanh, sigmoid, return_sequences=False) over a batch of 32 sequences of 50 steps with 128
 * input features: the input projection of all 1600 steps is one GEMM, the recurrence loops. The score is
 * sequences per second (one invocation = 32 sequences), all available threads.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar LstmBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OperationsPerInvocation(LstmBenchmark.BATCH)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms1g", "-Xmx1g"})
public class LstmBenchmark {
    static final int BATCH = 32;
    @Param({"128"}) public int units;
    @Param({"50"}) public int steps;
    @Param({"128"}) public int features;

    private LSTM lstm;
    private Tensor x; // (32, steps, features)

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        float[] kernel = random(rnd, features * 4 * units, Math.sqrt(6.0 / (features + 4 * units)));
        float[] recurrent = random(rnd, units * 4 * units, 1 / Math.sqrt(units));
        float[] bias = new float[4 * units];
        for (int j = units; j < 2 * units; j++) bias[j] = 1f; // unit_forget_bias
        LSTMCell cell = new LSTMCell(features, units, kernel, recurrent, bias, Activations.byName("tanh", Semantics.KERAS_3),
                Activations.byName("sigmoid", Semantics.KERAS_3));
        lstm = new LSTM("lstm", cell, new RNN.Options(false, false, false, false, ""));
        x = Tensor.of(random(rnd, BATCH * steps * features, 1), BATCH, steps, features);
    }

    private static float[] random(SplittableRandom rnd, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextDouble(-scale, scale);
        return a;
    }

    @Benchmark
    public Tensor lstm() {
        return lstm.forward(List.of(x));
    }
}
