package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasModel;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** Graph forms beyond a chain, in configs written as Keras 1/2/3 write them, checked against formulas. */
class GraphFormsTest {
    @TempDir
    Path dir;

    private static final Path GOLDEN = Path.of("..", "testmodels", "keras3");

    private static String input(String name, int n) {
        return "{\"class_name\": \"InputLayer\", \"name\": \"" + name + "\", \"config\": {\"name\": \"" + name + "\", \"batch_input_shape\": [null, " + n + "]}, \"inbound_nodes\": []}";
    }

    private static String node(String cls, String name, String config, String inbound) {
        return "{\"class_name\": \"" + cls + "\", \"name\": \"" + name + "\", \"config\": {\"name\": \"" + name + "\"" + (config.isEmpty() ? "" : ", " + config)
                + "}, \"inbound_nodes\": " + inbound + "}";
    }

    private static String functional(String inputs, String outputs, String... layers) {
        return "{\"class_name\": \"Functional\", \"keras_version\": \"2.4.0\", \"backend\": \"tensorflow\", \"config\": {\"name\": \"g\", \"layers\": ["
                + String.join(", ", layers) + "], \"input_layers\": " + inputs + ", \"output_layers\": " + outputs + "}}";
    }

    /** A Keras 2 functional model: nested Sequential, a shared Dense called twice, the same layer output twice. */
    @Test
    void nestedSharedAndRepeatedOutputs() {
        float[][] w1 = Fixtures.matrix(3, 4, 11), ws = Fixtures.matrix(4, 2, 12);
        float[] b1 = Fixtures.vector(4, 13), bs = Fixtures.vector(2, 14);
        String inner = "{\"class_name\": \"Sequential\", \"name\": \"block\", \"config\": {\"name\": \"block\", \"layers\": ["
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_1\", \"units\": 4, \"activation\": \"tanh\", \"batch_input_shape\": [null, 3]}}]},"
                + " \"inbound_nodes\": [[[\"a\", 0, 0, {}]], [[\"b\", 0, 0, {}]]]}";
        String cfg = functional("[[\"a\", 0, 0], [\"b\", 0, 0]]", "[[\"shared\", 0, 0], [\"shared\", 1, 0], [\"sum\", 0, 0], [\"shared\", 0, 0]]",
                input("a", 3), input("b", 3), inner,
                node("Dense", "shared", "\"units\": 2, \"activation\": \"linear\"", "[[[\"block\", 0, 0, {}]], [[\"block\", 1, 0, {}]]]"),
                node("Add", "sum", "", "[[[\"shared\", 0, 0, {}], [\"shared\", 1, 0, {}]]]"));
        Map<String, Map<String, Object>> layers = Fixtures.layers();
        // Keras 2 keeps a nested model's weights in its own group, named without the model's prefix
        layers.put("block", Fixtures.weights("dense_1/kernel:0", w1, "dense_1/bias:0", b1));
        layers.put("shared", Fixtures.weights("shared/kernel:0", ws, "shared/bias:0", bs));
        KerasModel m = KerasModel.load(Fixtures.write(dir.resolve("g.json"), cfg), Fixtures.legacyWeights(dir.resolve("g_weights.h5"), layers));
        assertEquals(List.of("a", "b"), m.inputNames());
        assertEquals(List.of("shared", "shared_1", "sum", "shared_2"), m.outputNames());
        float[][] a = {{1, -2, 0.5f}}, b = {{0.25f, 3, -1}};
        Tensor[] out = m.predict(Tensor.fromRows(a), Tensor.fromRows(b));
        double[] ya = head(tanh(Fixtures.affine(a, w1, b1)), ws, bs), yb = head(tanh(Fixtures.affine(b, w1, b1)), ws, bs);
        for (int j = 0; j < 2; j++) {
            assertEquals(ya[j], out[0].data()[j], 1e-5);
            assertEquals(yb[j], out[1].data()[j], 1e-5);
            assertEquals(ya[j] + yb[j], out[2].data()[j], 1e-5);
            assertEquals(out[0].data()[j], out[3].data()[j]);
        }
        // one Dense object serves both calls of the shared layer and of the nested model
        long denseLayers = m.graph().nodes().stream().map(n -> n.layer()).distinct().count();
        assertEquals(3, denseLayers, "block/dense_1, shared, sum");
        assertEquals(4 * 3 + 4 + 4 * 2 + 2, m.graph().paramCount());
    }

    private static double[][] tanh(double[][] z) {
        for (double[] r : z) for (int j = 0; j < r.length; j++) r[j] = Math.tanh(r[j]);
        return z;
    }

    private static double[] head(double[][] h, float[][] w, float[] b) {
        double[] y = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            double acc = b[j];
            for (int k = 0; k < w.length; k++) acc += (float) h[0][k] * (double) w[k][j];
            y[j] = acc;
        }
        return y;
    }

    /** tf.keras TFOpLambda / SlicingOpLambda nodes: constants and tensors passed by keyword. */
    @Test
    void tfOpLambdaNodes() {
        String cfg = functional("[[\"x\", 0, 0]]", "[[\"tf.__operators__.add\", 0, 0], [\"tf.__operators__.getitem\", 0, 0]]",
                input("x", 4),
                node("TFOpLambda", "tf.math.multiply", "\"function\": \"math.multiply\"", "[[\"x\", 0, 0, {\"y\": 2.0, \"name\": null}]]"),
                node("TFOpLambda", "tf.math.truediv", "\"function\": \"math.truediv\"", "[[\"x\", 0, 0, {\"y\": [[1.0, 2.0, 4.0, 8.0]], \"name\": null}]]"),
                node("TFOpLambda", "tf.__operators__.add", "\"function\": \"__operators__.add\"",
                        "[[\"tf.math.multiply\", 0, 0, {\"y\": [\"tf.math.truediv\", 0, 0], \"name\": null}]]"),
                node("SlicingOpLambda", "tf.__operators__.getitem", "\"function\": \"__operators__.getitem\"",
                        "[[\"tf.__operators__.add\", 0, 0, {\"slice_spec\": [{\"class_name\": \"__slice__\", \"config\": {\"start\": null, \"stop\": null, \"step\": null}},"
                                + " {\"class_name\": \"__slice__\", \"config\": {\"start\": 1, \"stop\": null, \"step\": 2}}]}]]"));
        Path weights = Fixtures.legacyWeights(dir.resolve("t_weights.h5"), Map.of("unused", Fixtures.weights("k", new float[] {0})));
        KerasModel m = KerasModel.load(Fixtures.write(dir.resolve("t.json"), cfg), weights);
        float[] x = {1, 2, 3, 4};
        Tensor[] out = m.predict(Tensor.fromRows(new float[][] {x}));
        float[] expected = {1 * 2 + 1 / 1f, 2 * 2 + 2 / 2f, 3 * 2 + 3 / 4f, 4 * 2 + 4 / 8f};
        assertArrayEquals(expected, out[0].data());
        assertArrayEquals(new float[] {expected[1], expected[3]}, out[1].data());
        assertEquals(Shape.of(1, 2), out[1].shape());
    }

    /** A custom class registered by its Keras 3 registered name; a tensor passed by keyword joins its inputs. */
    @Test
    void customLayerWithKeywordTensor() {
        String cfg = "{\"class_name\": \"Functional\", \"config\": {\"name\": \"c\", \"layers\": ["
                + "{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"name\": \"q\", \"config\": {\"name\": \"q\", \"batch_shape\": [null, 2]}, \"registered_name\": null, \"inbound_nodes\": []},"
                + "{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"name\": \"v\", \"config\": {\"name\": \"v\", \"batch_shape\": [null, 2]}, \"registered_name\": null, \"inbound_nodes\": []},"
                + "{\"module\": \"my_pkg\", \"class_name\": \"Blend\", \"name\": \"blend\", \"config\": {\"name\": \"blend\", \"alpha\": 0.25}, \"registered_name\": \"my_pkg>Blend\","
                + " \"inbound_nodes\": [{\"args\": [{\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 2], \"dtype\": \"float32\", \"keras_history\": [\"q\", 0, 0]}}],"
                + " \"kwargs\": {\"value\": {\"class_name\": \"__keras_tensor__\", \"config\": {\"shape\": [null, 2], \"dtype\": \"float32\", \"keras_history\": [\"v\", 0, 0]}}}}]}"
                + "], \"input_layers\": [[\"q\", 0, 0], [\"v\", 0, 0]], \"output_layers\": [[\"blend\", 0, 0]]}}";
        Path json = Fixtures.write(dir.resolve("c.json"), cfg);
        Path weights = Fixtures.legacyWeights(dir.resolve("c_weights.h5"), Map.of("unused", Fixtures.weights("k", new float[] {0})));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.jkeras.UnsupportedModelException.class, () -> KerasModel.load(json, weights))
                .getMessage().contains("custom layer 'my_pkg>Blend' is not registered"));
        KerasModel m = KerasModel.loader().register("my_pkg>Blend", ctx -> {
            float alpha = ctx.config().getFloat("alpha");
            assertEquals(0, ctx.callKwargs().getObject("value").get("__input__").getAsInt() - 1, "the keyword tensor is input 1");
            return new Blend(ctx.name(), alpha);
        }).load(json, weights);
        Tensor[] y = m.predict(Tensor.fromRows(new float[][] {{4, 8}}), Tensor.fromRows(new float[][] {{0, 4}}));
        assertArrayEquals(new float[] {3, 7}, y[0].data()); // 0.75 q + 0.25 v
    }

    /** out = (1 − alpha)·q + alpha·v: a user's layer. */
    private static final class Blend extends Layer {
        private final float alpha;

        Blend(String name, float alpha) {
            super(name);
            this.alpha = alpha;
        }

        @Override
        public String kerasClass() {
            return "Blend";
        }

        @Override
        public Shape outputShape(List<Shape> inputs) {
            return inputs.get(0);
        }

        @Override
        public Tensor forward(List<Tensor> inputs) {
            float[] q = inputs.get(0).data(), v = inputs.get(1).data(), o = new float[q.length];
            for (int i = 0; i < o.length; i++) o[i] = (1 - alpha) * q[i] + alpha * v[i];
            return new Tensor(inputs.get(0).shape(), o);
        }
    }

    @Test
    void kerasArchiveFromAStreamEqualsFromAPath() throws Exception {
        Path p = GOLDEN.resolve("mlp_784_256_128_10").resolve("model.keras");
        KerasModel fromPath = KerasModel.load(p);
        KerasModel fromStream;
        try (InputStream in = Files.newInputStream(p)) {
            fromStream = KerasModel.load(in);
        }
        float[][] x = new float[3][784];
        for (int i = 0; i < x.length * 784; i++) x[i / 784][i % 784] = (i % 29) / 29f;
        float[][] a = fromPath.predict(x), b = fromStream.predict(x);
        for (int r = 0; r < x.length; r++) assertArrayEquals(a[r], b[r]);
    }

    /** One model, many threads, different batches: every row equals the single-threaded result bit for bit. */
    @Test
    void concurrentPredictionsAreIdentical() throws Exception {
        KerasModel m = KerasModel.load(GOLDEN.resolve("mlp_784_256_128_10").resolve("model.h5"));
        float[][] x = new float[40][784];
        java.util.Random r = new java.util.Random(3);
        for (float[] row : x) for (int i = 0; i < row.length; i++) row[i] = r.nextFloat();
        float[][] reference = new float[x.length][];
        for (int i = 0; i < x.length; i++) reference[i] = m.predict(new float[][] {x[i]})[0];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int start = t % x.length, len = 1 + (t * 7) % 20;
                results.add(pool.submit(() -> {
                    float[][] batch = new float[Math.min(len, x.length - start)][];
                    for (int i = 0; i < batch.length; i++) batch[i] = x[start + i];
                    float[][] y = m.predict(batch);
                    for (int i = 0; i < batch.length; i++) if (!java.util.Arrays.equals(y[i], reference[start + i])) return false;
                    return true;
                }));
            }
            for (Future<Boolean> f : results) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
