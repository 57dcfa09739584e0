package org.jkeras.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.jkeras.activations.Activations;
import org.jkeras.runtime.kernels.ConvKernel;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Parallel;
import org.jkeras.runtime.kernels.Window;
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
 * layer), in the two forms of {@code ConvKernel}: {@code direct} (the taps read where they lie, what the layer
 * runs) and {@code im2col} (gathered rows, 3136 × 576, times the fused Dense GEMM), bias and relu in the epilogue.
 *
 * <p>GFLOP/s = 2 · 56 · 56 · 64 · 64 · 9 / time = 231.2 MFLOP per image / time (bias and relu not counted): e.g.
 * 2 ms/op is 116 GFLOP/s. One run on the development machine (1 thread, {@code -f 1 -wi 3 -i 5 -w 1 -r 1}, figures
 * in BENCHMARKS.md): 64 channels direct 1.78 ms, im2col 2.05 ms; {@code -p channels=16} direct 0.21 ms, im2col
 * 0.35 ms.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Conv2DBenchmark -p threads=1 -p channels=64,16 -f 1 -wi 3 -i 5 -w 1 -r 1
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
    /** direct: the taps read where they lie (what Conv2D runs); im2col: gathered rows times the Dense kernel. */
    @Param({"direct", "im2col"}) public String form;

    private ConvKernel conv;
    private ConvKernel.Geometry geometry;
    private float[] x; // (batch, size, size, channels)

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
        x = data;
        Window w = new Window(2, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, Padding.SAME, false);
        geometry = w.geometry(new int[] {1, size, size});
        conv = ConvKernel.pack(kernel, bias, w.size3(), w.strides3(), w.dilation3(), c, c, 1, Activations.relu(), form.equals("direct"));
    }

    @Benchmark
    public float[] conv2d() {
        return conv.forward(x, batch, geometry);
    }
}
