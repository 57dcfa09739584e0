package org.jkeras.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

import org.jkeras.KerasModel;

/**
 * Writes a Keras 2.2.4-layout {@code .h5} (root {@code model_config}, weights under {@code model_weights}) of the
 * peers' Sequential MLP or CNN, as {@code keras.Model.save} and the peers' {@code tools/make_keras_h5.py} do,
 * with the peers' deterministic weights ({@code peers.Weights}), so a benchmark loads exactly what a user would.
 */
final class KerasH5 {
    private KerasH5() {
    }

    /** u(k, seed) = ((k · 2654435761 + seed) mod 2^32) / 2^32, as peers.Weights. */
    static float[] fill(int n, long seed, double scale, double center) {
        float[] a = new float[n];
        for (int k = 0; k < n; k++) a[k] = (float) (((((k * 2654435761L + seed) & 0xFFFFFFFFL) / 4294967296.0) - center) * scale);
        return a;
    }

    /** Dense kernel (in, out) of layer {@code layer}: Glorot-uniform scale, as peers.Weights.dense. */
    static float[][] kernel(int layer, int in, int out) {
        float[] flat = fill(in * out, 12345L * (layer + 1), 2 * Math.sqrt(6.0 / (in + out)), 0.5);
        float[][] k = new float[in][];
        for (int i = 0; i < in; i++) k[i] = java.util.Arrays.copyOfRange(flat, i * out, i * out + out);
        return k;
    }

    static float[] bias(int layer, int n) {
        return fill(n, 777L * (layer + 1), 0.01, 0.5);
    }

    /** The peers' input rows: u(k, 99991). */
    static float[][] input(int rows, int features) {
        float[] flat = fill(rows * features, 99991L, 1.0, 0.0);
        float[][] x = new float[rows][];
        for (int r = 0; r < rows; r++) x[r] = java.util.Arrays.copyOfRange(flat, r * features, r * features + features);
        return x;
    }

    /**
     * {@code widths[0]} inputs, then one Dense per further width: ReLU, softmax for the last (the peers' {@code mlp:}
     * spec). Returns {@code file}.
     */
    static Path mlp(Path file, int... widths) {
        StringBuilder layers = new StringBuilder();
        String[] names = new String[widths.length - 1];
        for (int i = 1; i < widths.length; i++) {
            names[i - 1] = "dense_" + i;
            layers.append(i > 1 ? ", " : "").append(String.format(Locale.ROOT,
                    "{\"class_name\": \"Dense\", \"config\": {\"name\": \"%s\", \"trainable\": true, \"dtype\": \"float32\", %s\"units\": %d, "
                            + "\"activation\": \"%s\", \"use_bias\": true, \"kernel_initializer\": {\"class_name\": \"VarianceScaling\", \"config\": "
                            + "{\"scale\": 1.0, \"mode\": \"fan_avg\", \"distribution\": \"uniform\", \"seed\": null}}, \"bias_initializer\": "
                            + "{\"class_name\": \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null, "
                            + "\"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null}}",
                    names[i - 1], i == 1 ? "\"batch_input_shape\": [null, " + widths[0] + "], " : "", widths[i], i == widths.length - 1 ? "softmax" : "relu"));
        }
        String config = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential_1\", \"layers\": [" + layers + "]}}";
        Object[] kernels = new Object[names.length];
        float[][] biases = new float[names.length][];
        for (int i = 1; i < widths.length; i++) {
            kernels[i - 1] = kernel(i - 1, widths[i - 1], widths[i]);
            biases[i - 1] = bias(i - 1, widths[i]);
        }
        return write(file, config, names, kernels, biases);
    }

    /**
     * The peers' {@code cnn:28x28x1-c32k3-p2-d10}: Conv2D 32 3×3 valid ReLU, MaxPooling2D 2, Flatten, Dense 10 softmax,
     * conv kernel (3, 3, 1, 32) scaled by fan-in + fan-out of 9·(1 + 32). Returns {@code file}.
     */
    static Path cnn(Path file) {
        String common = "\"trainable\": true, \"dtype\": \"float32\", \"use_bias\": true, \"kernel_initializer\": {\"class_name\": \"GlorotUniform\", "
                + "\"config\": {\"seed\": null}}, \"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, "
                + "\"bias_regularizer\": null, \"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null";
        String config = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential_1\", \"layers\": ["
                + "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"conv2d_1\", " + common + ", \"batch_input_shape\": [null, 28, 28, 1], "
                + "\"filters\": 32, \"kernel_size\": [3, 3], \"strides\": [1, 1], \"padding\": \"valid\", \"data_format\": \"channels_last\", "
                + "\"dilation_rate\": [1, 1], \"activation\": \"relu\"}}, "
                + "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \"max_pooling2d_2\", \"trainable\": true, \"dtype\": \"float32\", "
                + "\"pool_size\": [2, 2], \"padding\": \"valid\", \"strides\": [2, 2], \"data_format\": \"channels_last\"}}, "
                + "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flatten_3\", \"trainable\": true, \"dtype\": \"float32\", "
                + "\"data_format\": \"channels_last\"}}, "
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_4\", " + common + ", \"units\": 10, \"activation\": \"softmax\"}}]}}";
        float[] flat = fill(3 * 3 * 32, 12345L, 2 * Math.sqrt(6.0 / (9 * (1 + 32))), 0.5);
        float[][][][] conv = new float[3][3][1][32];
        for (int i = 0; i < flat.length; i++) conv[i / 96][i / 32 % 3][0][i % 32] = flat[i];
        return write(file, config, new String[] {"conv2d_1", "dense_4"}, new Object[] {conv, kernel(1, 13 * 13 * 32, 10)},
                new float[][] {bias(0, 32), bias(1, 10)});
    }

    /**
     * The file: Keras 2.2.4 attributes, {@code config}, and under {@code model_weights} each named layer's kernel
     * (a float array of any rank) and bias. Layers without weights are left out of {@code layer_names}, as Keras
     * reads them (jHDF writes no empty {@code weight_names} attribute).
     */
    private static Path write(Path file, String config, String[] names, Object[] kernels, float[][] biases) {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            h5.putAttribute("keras_version", "2.2.4");
            h5.putAttribute("backend", "tensorflow");
            h5.putAttribute("model_config", config);
            WritableGroup weights = h5.putGroup("model_weights");
            weights.putAttribute("layer_names", names);
            weights.putAttribute("backend", "tensorflow");
            weights.putAttribute("keras_version", "2.2.4");
            for (int i = 0; i < names.length; i++) {
                String n = names[i];
                WritableGroup g = weights.putGroup(n);
                g.putAttribute("weight_names", new String[] {n + "/kernel:0", n + "/bias:0"});
                WritableGroup inner = g.putGroup(n);
                inner.putDataset("kernel:0", kernels[i]);
                inner.putDataset("bias:0", biases[i]);
            }
        }
        return file;
    }

    /** The model {@code writer} puts in a file of a fresh temp dir, loaded as a user loads it; the file is then deleted. */
    static KerasModel load(UnaryOperator<Path> writer) throws IOException {
        Path dir = Files.createTempDirectory("jkeras-bench");
        Path file = writer.apply(dir.resolve("model.h5"));
        try {
            return KerasModel.load(file);
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    /** Row 0 of {@code model}'s output for {@code x} must give the peers' {@code wsum_row0} = Σ (i+1)·y[i]. */
    static void checkRow0(KerasModel model, float[][] x, double peers) {
        float[] y = model.predict(x)[0];
        double wsum = 0;
        for (int i = 0; i < y.length; i++) wsum += y[i] * (i + 1);
        if (Math.abs(wsum - peers) > 1e-5) throw new IllegalStateException("row 0 wsum " + wsum + ", the peers get " + peers);
    }
}
