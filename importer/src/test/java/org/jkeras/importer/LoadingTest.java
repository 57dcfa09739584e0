package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasModel;
import org.jkeras.activations.Semantics;

/** Models written by the tests themselves, checked against independent formulas. */
class LoadingTest {
    @TempDir
    Path dir;

    private KerasModel denseThen(String version, String activationLayerJson, float[][] w, float[] b) {
        Path json = Fixtures.write(dir.resolve("m.json"), Fixtures.sequential(version, w.length,
                Fixtures.dense("d", b.length, "linear"), activationLayerJson));
        Path weights = Fixtures.legacyWeights(dir.resolve("m_weights.h5"), Map.of("d",
                Fixtures.weights("d/kernel:0", w, "d/bias:0", b)));
        return KerasModel.load(json, weights);
    }

    private static float[][] inputs(int rows, int cols) {
        float[][] x = new float[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) x[r][c] = (r * cols + c) % 13 * 0.9f - 5.5f;
        return x;
    }

    @Test
    void hardSigmoidFollowsTheFilesKerasVersion() {
        float[][] w = Fixtures.matrix(4, 6, 1);
        float[] b = Fixtures.vector(6, 2);
        float[][] x = inputs(5, 4);
        double[][] z = Fixtures.affine(x, w, b);
        String act = Fixtures.layer("Activation", "a", "\"activation\": \"hard_sigmoid\"");
        KerasModel k2 = denseThen("2.3.1", act, w, b);
        KerasModel k3 = denseThen("3.15.1", act, w, b);
        assertEquals(Semantics.KERAS_1_2, k2.info().semantics());
        assertEquals(Semantics.KERAS_3, k3.info().semantics());
        float[][] y2 = k2.predict(x), y3 = k3.predict(x);
        boolean differ = false;
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < b.length; j++) {
                assertEquals(Math.min(1, Math.max(0, 0.2 * z[r][j] + 0.5)), y2[r][j], 1e-6, "Keras 2 formula");
                assertEquals(Math.min(1, Math.max(0, z[r][j] / 6 + 0.5)), y3[r][j], 1e-6, "Keras 3 formula");
                differ |= y2[r][j] != y3[r][j];
            }
        }
        assertTrue(differ, "the two generations must give different numbers on these inputs");
    }

    @Test
    void unknownVersionIsInferredFromConfigOrAssumedKeras3() {
        float[][] w = Fixtures.matrix(3, 2, 3);
        float[] b = Fixtures.vector(2, 4);
        String cfg = Fixtures.sequential("2.3.1", 3, Fixtures.dense("d", 2, "hard_sigmoid")).replace("\"keras_version\": \"2.3.1\", ", "");
        // Keras 2 configs carry kernel_initializer; this one has none of the markers: Keras 3 assumed
        Path json = Fixtures.write(dir.resolve("u.json"), cfg);
        Path h5 = dir.resolve("u_weights.h5");
        Fixtures.legacyWeights(h5, Map.of("d", Fixtures.weights("d/kernel:0", w, "d/bias:0", b)));
        // the weights file says 2.3.1: it is used when the config has no version
        KerasModel m = KerasModel.load(json, h5);
        assertEquals("2.3.1", m.info().kerasVersion());
        assertEquals(Semantics.KERAS_1_2, m.info().semantics());
    }

    @Test
    void leakyReluDefaultsPerKey() {
        float[][] w = Fixtures.matrix(3, 4, 5);
        float[] b = Fixtures.vector(4, 6);
        float[][] x = inputs(6, 3);
        double[][] z = Fixtures.affine(x, w, b);
        KerasModel alphaKey = denseThen("2.3.1", Fixtures.layer("LeakyReLU", "l", "\"alpha\": 0.1"), w, b);
        KerasModel noKey = denseThen("2.3.1", Fixtures.layer("LeakyReLU", "l", ""), w, b);
        KerasModel slopeKey = denseThen("3.15.1", Fixtures.layer("LeakyReLU", "l", "\"negative_slope\": 0.05"), w, b);
        KerasModel string = denseThen("3.15.1", Fixtures.layer("Activation", "l", "\"activation\": \"leaky_relu\""), w, b);
        float[][] ya = alphaKey.predict(x), yn = noKey.predict(x), ys = slopeKey.predict(x), yl = string.predict(x);
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < b.length; j++) {
                double v = z[r][j];
                assertEquals(v > 0 ? v : 0.1 * v, ya[r][j], 1e-5);
                assertEquals(v > 0 ? v : 0.3 * v, yn[r][j], 1e-5, "LeakyReLU layer default slope 0.3");
                assertEquals(v > 0 ? v : 0.05 * v, ys[r][j], 1e-5);
                assertEquals(v > 0 ? v : 0.2 * v, yl[r][j], 1e-5, "leaky_relu string slope 0.2");
            }
        }
    }

    @Test
    void keras1KeysAndFloat64Weights() {
        double[][] w = {{1, -2}, {0.5, 0.25}, {-1, 3}};
        double[] b = {0.125, -0.5};
        String cfg = "{\"class_name\": \"Sequential\", \"keras_version\": \"1.2.2\", \"config\": [{\"class_name\": \"Dense\", \"config\": {"
                + "\"name\": \"dense_1\", \"output_dim\": 2, \"input_dim\": 3, \"init\": \"glorot_uniform\", \"bias\": true, \"activation\": \"relu\","
                + " \"batch_input_shape\": [null, 3]}}]}";
        Path json = Fixtures.write(dir.resolve("k1.json"), cfg);
        Path h5 = Fixtures.legacyWeights(dir.resolve("k1.h5"), Map.of("dense_1", Fixtures.weights("dense_1_W", w, "dense_1_b", b)));
        KerasModel m = KerasModel.load(json, h5);
        float[][] y = m.predict(new float[][] {{1, 2, 3}});
        // relu([1,2,3]·W + b) = relu([1 + 1 - 3 + 0.125, -2 + 0.5 + 9 - 0.5]) = [0, 7]
        assertArrayEquals(new float[] {0f, 7f}, y[0]);
        assertEquals(Semantics.KERAS_1_2, m.info().semantics());
        assertEquals(java.util.List.of("dense_1"), m.outputNames());
    }

    @Test
    void fusedAndUnfusedGraphsAgreeBitForBit() {
        float[][] w = Fixtures.matrix(8, 16, 7);
        float[] b = Fixtures.vector(16, 8);
        String act = Fixtures.layer("Activation", "act", "\"activation\": \"softmax\"");
        Path json = Fixtures.write(dir.resolve("f.json"), Fixtures.sequential("2.3.1", 8, Fixtures.dense("d", 16, "linear"), act));
        Path h5 = Fixtures.legacyWeights(dir.resolve("f_weights.h5"), Map.of("d", Fixtures.weights("d/kernel:0", w, "d/bias:0", b)));
        KerasModel fused = KerasModel.loader().load(json, h5);
        KerasModel plain = KerasModel.loader().fuse(false).load(json, h5);
        assertEquals(1, fused.graph().nodes().size());
        assertEquals(2, plain.graph().nodes().size());
        assertTrue(fused.graph().nodes().get(0).layer().details().contains("act"));
        float[][] x = inputs(33, 8);
        float[][] a = fused.predict(x), p = plain.predict(x);
        for (int r = 0; r < x.length; r++) assertArrayEquals(p[r], a[r], "row " + r);
        assertEquals(plain.outputNames(), fused.outputNames());
    }

    @Test
    void mixedPrecisionAndUnusedKeysAreNoted() {
        float[][] w = Fixtures.matrix(3, 2, 9);
        float[] b = Fixtures.vector(2, 10);
        String dense = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 2, \"activation\": \"relu\","
                + " \"dtype\": {\"class_name\": \"DTypePolicy\", \"config\": {\"name\": \"mixed_float16\"}}, \"frobnication\": 3}}";
        Path json = Fixtures.write(dir.resolve("mp.json"), Fixtures.sequential("3.15.1", 3, dense));
        Path h5 = Fixtures.legacyWeights(dir.resolve("mp_weights.h5"), Map.of("d", Fixtures.weights("d/kernel", w, "d/bias", b)));
        java.util.List<String> notes = KerasModel.load(json, h5).info().notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("layer 'd' (Dense): dtype policy 'mixed_float16'")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("config key 'frobnication' = 3 is not used by jkeras")), notes.toString());
        assertEquals(2, notes.size(), notes.toString());
    }
}
