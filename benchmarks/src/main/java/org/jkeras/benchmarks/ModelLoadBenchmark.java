package org.jkeras.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

import org.jkeras.KerasModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a ~100 MB legacy HDF5 model: a Keras 2 Sequential MLP 784-5000-5000-10 (29 M float32 weights,
 * 116 MB), written once in the setup with jHDF in Keras 2's layout, then {@code KerasModel.load} per call
 * (config parsed, every weight read, shape-checked and packed for the kernel).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar ModelLoadBenchmark -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class ModelLoadBenchmark {
    private static final int[] SIZES = {784, 5000, 5000, 10};
    private Path file;

    @Setup(Level.Trial)
    public void write() throws IOException {
        file = Files.createTempFile("jkeras-load", ".h5");
        Files.delete(file);
        StringBuilder cfg = new StringBuilder("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"big\", \"layers\": [");
        String[] names = new String[SIZES.length - 1];
        for (int l = 0; l < names.length; l++) {
            names[l] = "dense_" + (l + 1);
            cfg.append(l > 0 ? ", " : "").append("{\"class_name\": \"Dense\", \"config\": {\"name\": \"").append(names[l])
                    .append("\", \"units\": ").append(SIZES[l + 1]).append(", \"activation\": \"").append(l == names.length - 1 ? "softmax" : "relu")
                    .append("\", \"use_bias\": true").append(l == 0 ? ", \"batch_input_shape\": [null, 784]" : "").append("}}");
        }
        cfg.append("]}}");
        SplittableRandom r = new SplittableRandom(1);
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putAttribute("keras_version", "2.2.4");
            h5.putAttribute("backend", "tensorflow");
            h5.putAttribute("model_config", cfg.toString());
            WritableGroup mw = h5.putGroup("model_weights");
            mw.putAttribute("layer_names", names);
            for (int l = 0; l < names.length; l++) {
                WritableGroup g = mw.putGroup(names[l]);
                g.putAttribute("weight_names", new String[] {names[l] + "/kernel:0", names[l] + "/bias:0"});
                WritableGroup inner = g.putGroup(names[l]);
                float[][] k = new float[SIZES[l]][SIZES[l + 1]];
                for (float[] row : k) for (int j = 0; j < row.length; j++) row[j] = (float) (r.nextDouble() - 0.5) * 0.05f;
                inner.putDataset("kernel:0", k);
                inner.putDataset("bias:0", new float[SIZES[l + 1]]);
            }
        }
    }

    @Benchmark
    public KerasModel load() {
        return KerasModel.load(file);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
