package org.jkeras.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.jkeras.activations.Activations;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Parallel;
import org.jkeras.runtime.kernels.Window;
import org.jkeras.runtime.layers.Conv2D;
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
 * Keras {@code Conv2D(64, 3, padding='same', activation='relu')} on a 56×56×64 image, batch 1 (a ResNet stage-1
 * layer): im2col rows (3136 × 576) times the fused Dense GEMM, bias and relu in its epilogue.
 *
 * <p>GFLOP/s = 2 · 56 · 56 · 64 · 64 · 9 / time = 231.2 MFLOP per image / time (bias and relu not counted): e.g.
 * 2 ms/op is 116 GFLOP/s. Measured on the development machine (2 shared cores, AVX-512, JDK 17) with
 * {@code -f 1 -wi 3 -i 5 -w 1 -r 1} at load average 5 (other builds running): 1.96 ± 0.12 ms/op (118 GFLOP/s) on
 * 1 thread, 1.91 ± 0.33 ms/op (121 GFLOP/s) on 2; at load average 7, 2.2–15 ms/op. The best of ~2000 calls, less
 * disturbed by the neighbours: 1.60 ms (144 GFLOP/s) on 1 thread, 1.04 ms (223 GFLOP/s) on 2. The same GEMM on
 * the Dense kernel alone (3136 × 576 · 576 × 64, relu): 1.50 ms (154 GFLOP/s) and 0.72 ms (323 GFLOP/s), so
 * gathering the im2col rows costs ~6% on one core and ~30% on two (both cores then share the memory bandwidth).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Conv2DBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms1g", "-Xmx1g"})
public class Conv2DBenchmark {
    @Param({"56"}) public int size;
    @Param({"64"}) public int channels;
    @Param({"1"}) public int batch;
    @Param({"1", "2"}) public int threads;

    private Conv2D conv;
    private Tensor x; // (batch, size, size, channels)

    @Setup
    public void setup() {
        Parallel.setThreads(threads);
        SplittableRandom rnd = new SplittableRandom(42);
        int c = channels;
        float[] kernel = new float[9 * c * c], bias = new float[c];
        float scale = (float) Math.sqrt(6.0 / (9 * c + 9 * c)); // Glorot uniform, as Keras initialises Conv2D
        for (int i = 0; i < kernel.length; i++) kernel[i] = (float) rnd.nextDouble(-scale, scale);
        for (int i = 0; i < c; i++) bias[i] = (float) rnd.nextDouble(0, 0.01);
        float[] data = new float[batch * size * size * c];
        for (int i = 0; i < data.length; i++) data[i] = (float) rnd.nextDouble();
        x = new Tensor(Shape.of(batch, size, size, c), data);
        Window w = new Window(2, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, Padding.SAME, false);
        conv = new Conv2D("conv", w, kernel, bias, c, c, 1, Activations.relu());
    }

    @Benchmark
    public Tensor conv2d() {
        return conv.forward(List.of(x));
    }
}
