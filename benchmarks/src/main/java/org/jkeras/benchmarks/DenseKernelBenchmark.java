package org.jkeras.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.jkeras.activations.ElementwiseActivation;
import org.jkeras.activations.Simd;
import org.jkeras.runtime.kernels.DenseKernel;
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
 * The fused Dense kernel, {@code y = relu(x · W + b)}, Dense 784 → 512 as in the peers' MLP.
 *
 * <p>GFLOP/s = 2 · in · units · batch / time: e.g. batch 64 at 320 µs/op is 2·784·512·64 / 320e-6 = 160 GFLOP/s.
 * Bias and ReLU are not counted (as in the peers' harness).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar DenseKernelBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms1g", "-Xmx1g"})
public class DenseKernelBenchmark {
    @Param({"784"}) public int in;
    @Param({"512"}) public int units;
    @Param({"1", "64", "1000"}) public int batch;
    @Param({"1"}) public int threads;

    private DenseKernel dense;
    private float[] x; // (batch, in)
    private float[] y; // (batch, units)

    @Setup
    public void setup() {
        Parallel.setThreads(threads);
        SplittableRandom rnd = new SplittableRandom(42);
        float[] kernel = new float[in * units], bias = new float[units];
        float scale = (float) Math.sqrt(6.0 / (in + units)); // Glorot uniform, as Keras initialises Dense
        for (int i = 0; i < kernel.length; i++) kernel[i] = (float) rnd.nextDouble(-scale, scale);
        for (int i = 0; i < units; i++) bias[i] = (float) rnd.nextDouble(0, 0.01);
        x = new float[batch * in];
        for (int i = 0; i < x.length; i++) x[i] = (float) rnd.nextDouble();
        y = new float[batch * units];
        dense = DenseKernel.pack(kernel, bias, in, units, Simd.ENABLED ? new VectorRelu() : new Relu());
    }

    @Benchmark
    public float[] dense() {
        dense.forward(x, 0, y, 0, batch);
        return y;
    }

    /** Stand-in for the activations module's relu: max(x, 0). */
    static class Relu extends ElementwiseActivation {
        @Override public String name() { return "relu"; }
        @Override public String formula() { return "max(x, 0)"; }
        @Override public float apply(float v) { return Math.max(v, 0f); }
    }

    /** The same, vectorised (loaded only when the Vector API is enabled). */
    static final class VectorRelu extends Relu {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

        @Override
        public void applyInPlace(float[] a, int off, int len) {
            int i = off, end = off + len;
            for (int vEnd = off + S.loopBound(len); i < vEnd; i += S.length()) FloatVector.fromArray(S, a, i).max(0f).intoArray(a, i);
            for (; i < end; i++) a[i] = Math.max(a[i], 0f);
        }
    }
}
