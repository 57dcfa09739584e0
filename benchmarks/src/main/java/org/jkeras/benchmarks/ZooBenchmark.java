package org.jkeras.benchmarks;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.jkeras.KerasModel;
import org.jkeras.TensorInfo;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
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
 * Real architectures end to end, as a user runs them: a {@code .keras} file is loaded with {@code KerasModel.loader()},
 * warmed up, and {@code predict(Tensor...)} is timed on made-up inputs of the model's shapes (values in [0, 1), small
 * ids 1..49 for integer inputs, 16 for a dimension Keras leaves open).
 *
 * <p>The five models (Keras 3, saved by the torch backend) are written by
 * {@code KERAS_BACKEND=torch $PY ../shared/peers/zoo/make_perf_models.py /tmp/perfmodels}: {@code mobilenetv2_224},
 * {@code efficientnetb0_224}, {@code resnet50_224} (Keras applications, untrained, 224×224×3 in),
 * {@code encoder_128x256x4} (4 Transformer encoder blocks over 128 token ids, width 256, 4 heads) and
 * {@code lstm_50x32x128x2} (two stacked LSTM(128) over 50 steps of 32 features).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar ZooBenchmark \
 *     -p model=/tmp/perfmodels/mobilenetv2_224/model.keras,/tmp/perfmodels/efficientnetb0_224/model.keras,/tmp/perfmodels/resnet50_224/model.keras,/tmp/perfmodels/encoder_128x256x4/model.keras,/tmp/perfmodels/lstm_50x32x128x2/model.keras
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms3g", "-Xmx3g"})
public class ZooBenchmark {
    @Param({"/tmp/perfmodels/resnet50_224/model.keras"}) public String model;
    @Param({"1", "16"}) public int batch;
    @Param({"1"}) public int threads;

    private KerasModel m;
    private Tensor[] in;

    @Setup
    public void setup() {
        // The per-model count, not Parallel.setThreads: that is the option a user sets, and warmUp honours it too.
        m = KerasModel.loader().threads(threads).load(Path.of(model));
        in = inputs(m, batch, 7);
        m.warmUp();
    }

    @Benchmark
    public Tensor[] predict() {
        return m.predict(in);
    }

    /** Made-up inputs of the model's shapes, as {@link ProfileModel} builds them (same seed: same inputs). */
    static Tensor[] inputs(KerasModel m, int batch, long seed) {
        Tensor[] in = new Tensor[m.inputs().size()];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < in.length; i++) {
            TensorInfo t = m.inputs().get(i);
            int[] dims = t.shape().prepend(batch).dims();
            for (int a = 1; a < dims.length; a++) if (dims[a] == Shape.UNKNOWN) dims[a] = 16;
            float[] d = new float[Shape.of(dims).size()];
            for (int j = 0; j < d.length; j++) d[j] = t.isInteger() ? r.nextInt(1, 50) : (float) r.nextDouble();
            in[i] = Tensor.of(d, dims);
        }
        return in;
    }
}
