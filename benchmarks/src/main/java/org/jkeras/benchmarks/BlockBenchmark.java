package org.jkeras.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.jkeras.activations.Activations;
import org.jkeras.runtime.Fusion;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Parallel;
import org.jkeras.runtime.kernels.Window;
import org.jkeras.runtime.layers.ActivationLayer;
import org.jkeras.runtime.layers.Add;
import org.jkeras.runtime.layers.Conv2D;
import org.jkeras.runtime.layers.LayerNormalization;
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
 * Two blocks of real architectures as one-block models, µs per call:
 * <ul>
 * <li>{@code residual}: the end of a ResNet50 bottleneck at 56 × 56, 1×1 Conv2D 64 → 256, then {@code Add} with the
 * shortcut and ReLU. {@code fused} true runs the Add and ReLU in the convolution's epilogue ({@code ConvAdd}), false
 * as three layers.</li>
 * <li>{@code layernorm}: LayerNormalization over the last axis of an encoder's (128, 256) tokens
 * ({@code fused} does not apply).</li>
 * </ul>
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar BlockBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms1g", "-Xmx1g"})
public class BlockBenchmark {
    @Param({"residual", "layernorm"}) public String block;
    @Param({"true", "false"}) public boolean fused;
    @Param({"1"}) public int batch;
    @Param({"1"}) public int threads;

    private Model model;
    private Tensor[] inputs;

    @Setup
    public void setup() {
        Parallel.setThreads(threads);
        SplittableRandom r = new SplittableRandom(5);
        if (block.equals("residual")) {
            int h = 56, cin = 64, cout = 256;
            float[] k = random(r, cin * cout, 0.1), b = random(r, cout, 0.1);
            Window w = new Window(2, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, Padding.VALID, false);
            Model m = new Model("residual", List.of(new Model.Input("x", Shape.of(h, h, cin)), new Model.Input("shortcut", Shape.of(h, h, cout))),
                    List.of(new Model.Node(new Conv2D("conv3", w, k, b, cin, cout, 1, null), new int[] {0}, 2),
                            new Model.Node(new Add("add"), new int[] {1, 2}, 3),
                            new Model.Node(new ActivationLayer("out", "Activation", Activations.relu()), new int[] {3}, 4)),
                    List.of(new Model.Output("y", 4)));
            model = fused ? Fusion.fuse(m) : m;
            inputs = new Tensor[] {Tensor.of(random(r, batch * h * h * cin, 1), batch, h, h, cin), Tensor.of(random(r, batch * h * h * cout, 1), batch, h, h, cout)};
        } else {
            int t = 128, d = 256;
            float[] gamma = random(r, d, 1), beta = random(r, d, 1);
            model = new Model("layernorm", List.of(new Model.Input("x", Shape.of(t, d))),
                    List.of(new Model.Node(new LayerNormalization("ln", new boolean[] {false, true}, gamma, beta, 1e-6f, false, true), new int[] {0}, 1)),
                    List.of(new Model.Output("y", 1)));
            inputs = new Tensor[] {Tensor.of(random(r, batch * t * d, 2), batch, t, d)};
        }
    }

    private static float[] random(SplittableRandom r, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * scale);
        return a;
    }

    @Benchmark
    public Tensor[] call() {
        return model.predict(inputs);
    }
}
