package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasModel;
import org.jkeras.UnsupportedModelException;
import org.jkeras.runtime.Tensor;

/**
 * Recurrent files of the older generations and wrapper layouts, written by the test: Keras 1 per-gate LSTM and
 * GRU weights (list order i, c, f, o), Keras 2 Embedding(mask_zero) feeding an LSTM, Bidirectional and
 * RNN(LSTMCell) configs; checked against the cell formulas written out in double here.
 */
class RecurrentImportTest {
    @TempDir
    Path dir;

    static final DoubleUnaryOperator HARD_SIGMOID_K1 = v -> Math.max(0, Math.min(1, 0.2 * v + 0.5));
    static final DoubleUnaryOperator SIGMOID = v -> 1 / (1 + Math.exp(-v));

    static float[][] m(Random r, int rows, int cols) {
        float[][] a = new float[rows][cols];
        for (float[] row : a) for (int j = 0; j < cols; j++) row[j] = (float) (r.nextGaussian() * 0.5);
        return a;
    }

    static float[] v(Random r, int n) {
        float[] a = new float[n];
        for (int j = 0; j < n; j++) a[j] = (float) (r.nextGaussian() * 0.3);
        return a;
    }

    /** x·W + h·U + b for one gate, W (in, u), U (u, u). */
    static double[] gate(double[] x, float[][] w, double[] h, float[][] u, float[] b) {
        double[] z = new double[b.length];
        for (int j = 0; j < z.length; j++) {
            double acc = b[j];
            for (int k = 0; k < x.length; k++) acc += x[k] * w[k][j];
            for (int k = 0; k < h.length; k++) acc += h[k] * u[k][j];
            z[j] = acc;
        }
        return z;
    }

    static double[] apply(double[] z, DoubleUnaryOperator f) {
        double[] y = new double[z.length];
        for (int i = 0; i < y.length; i++) y[i] = f.applyAsDouble(z[i]);
        return y;
    }

    static double[] row(float[] x, int off, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = x[off + i];
        return r;
    }

    private KerasModel keras1(String layerJson, int steps, int features, Map<String, Object> weights, String layerName) {
        String json = "{\"class_name\": \"Sequential\", \"keras_version\": \"1.2.2\", \"backend\": \"tensorflow\", \"config\": ["
                + layerJson.replaceFirst("\"config\": \\{", "\"config\": {\"batch_input_shape\": [null, " + steps + ", " + features + "], ") + "]}";
        Path cfg = Fixtures.write(dir.resolve("m.json"), json);
        Path h5 = Fixtures.legacyWeights(dir.resolve("m_weights.h5"), Map.of(layerName, weights));
        return KerasModel.load(cfg, h5);
    }

    /** Keras 1: one W, U, b per gate, stored i, c, f, o; inner_activation hard_sigmoid with the Keras 1 formula. */
    @Test
    void keras1PerGateLstm() {
        Random r = new Random(11);
        int batch = 3, steps = 4, f = 2, u = 3;
        String[] gates = {"i", "c", "f", "o"};
        Map<String, float[][]> w = new java.util.HashMap<>(), uu = new java.util.HashMap<>();
        Map<String, float[]> b = new java.util.HashMap<>();
        Map<String, Object> stored = Fixtures.weights();
        for (String g : gates) {
            w.put(g, m(r, f, u));
            uu.put(g, m(r, u, u));
            b.put(g, v(r, u));
            stored.put("lstm_1_W_" + g + ":0", w.get(g));
            stored.put("lstm_1_U_" + g + ":0", uu.get(g));
            stored.put("lstm_1_b_" + g + ":0", b.get(g));
        }
        KerasModel model = keras1("{\"class_name\": \"LSTM\", \"config\": {\"name\": \"lstm_1\", \"output_dim\": " + u
                + ", \"activation\": \"tanh\", \"inner_activation\": \"hard_sigmoid\", \"return_sequences\": true, \"go_backwards\": false,"
                + " \"consume_less\": \"cpu\", \"stateful\": false, \"unroll\": false, \"dropout_W\": 0.0, \"dropout_U\": 0.0}}", steps, f, stored, "lstm_1");
        float[] x = v(r, batch * steps * f);
        Tensor out = model.predict(Tensor.of(x, batch, steps, f))[0];
        for (int s = 0; s < batch; s++) {
            double[] h = new double[u], c = new double[u];
            for (int t = 0; t < steps; t++) {
                double[] xt = row(x, (s * steps + t) * f, f);
                double[] i = apply(gate(xt, w.get("i"), h, uu.get("i"), b.get("i")), HARD_SIGMOID_K1);
                double[] fg = apply(gate(xt, w.get("f"), h, uu.get("f"), b.get("f")), HARD_SIGMOID_K1);
                double[] cc = apply(gate(xt, w.get("c"), h, uu.get("c"), b.get("c")), Math::tanh);
                double[] o = apply(gate(xt, w.get("o"), h, uu.get("o"), b.get("o")), HARD_SIGMOID_K1);
                for (int j = 0; j < u; j++) {
                    c[j] = fg[j] * c[j] + i[j] * cc[j];
                    h[j] = o[j] * Math.tanh(c[j]);
                    assertEquals(h[j], out.data()[(s * steps + t) * u + j], 2e-5, "sample " + s + " step " + t + " unit " + j);
                }
            }
        }
    }

    /** Keras 1 GRU: W, U, b per gate z, r, h; the reset gate applied before the recurrent product. */
    @Test
    void keras1PerGateGruGoingBackwards() {
        Random r = new Random(12);
        int batch = 2, steps = 5, f = 3, u = 2;
        Map<String, float[][]> w = new java.util.HashMap<>(), uu = new java.util.HashMap<>();
        Map<String, float[]> b = new java.util.HashMap<>();
        Map<String, Object> stored = Fixtures.weights();
        for (String g : new String[] {"z", "r", "h"}) {
            w.put(g, m(r, f, u));
            uu.put(g, m(r, u, u));
            b.put(g, v(r, u));
            stored.put("gru_1_W_" + g, w.get(g));
            stored.put("gru_1_U_" + g, uu.get(g));
            stored.put("gru_1_b_" + g, b.get(g));
        }
        KerasModel model = keras1("{\"class_name\": \"GRU\", \"config\": {\"name\": \"gru_1\", \"output_dim\": " + u
                + ", \"activation\": \"tanh\", \"inner_activation\": \"sigmoid\", \"return_sequences\": false, \"go_backwards\": true}}", steps, f, stored, "gru_1");
        float[] x = v(r, batch * steps * f);
        Tensor out = model.predict(Tensor.of(x, batch, steps, f))[0];
        for (int s = 0; s < batch; s++) {
            double[] h = new double[u];
            for (int t = steps - 1; t >= 0; t--) {
                double[] xt = row(x, (s * steps + t) * f, f);
                double[] z = apply(gate(xt, w.get("z"), h, uu.get("z"), b.get("z")), SIGMOID);
                double[] rr = apply(gate(xt, w.get("r"), h, uu.get("r"), b.get("r")), SIGMOID);
                double[] rh = new double[u];
                for (int j = 0; j < u; j++) rh[j] = rr[j] * h[j];
                double[] hh = apply(gate(xt, w.get("h"), rh, uu.get("h"), b.get("h")), Math::tanh);
                for (int j = 0; j < u; j++) h[j] = z[j] * h[j] + (1 - z[j]) * hh[j];
            }
            for (int j = 0; j < u; j++) assertEquals(h[j], out.data()[s * u + j], 2e-5);
        }
    }

    /** Fused (in, 4u) weights, gates i, f, c, o, written as plain matrices. */
    static float[][] fuse(float[][]... parts) {
        int rows = parts[0].length, u = parts[0][0].length;
        float[][] out = new float[rows][u * parts.length];
        for (int g = 0; g < parts.length; g++) for (int i = 0; i < rows; i++) System.arraycopy(parts[g][i], 0, out[i], g * u, u);
        return out;
    }

    /** Keras 2 Embedding(mask_zero) into an LSTM: masked steps keep the state and repeat the previous output. */
    @Test
    void keras2EmbeddingMaskZeroIntoLstm() {
        Random r = new Random(13);
        int steps = 5, vocab = 6, dim = 3, u = 2;
        float[][] table = m(r, vocab, dim);
        float[][] wi = m(r, dim, u), wf = m(r, dim, u), wc = m(r, dim, u), wo = m(r, dim, u);
        float[][] ui = m(r, u, u), uf = m(r, u, u), uc = m(r, u, u), uo = m(r, u, u);
        float[] bi = v(r, u), bf = v(r, u), bc = v(r, u), bo = v(r, u);
        float[] bias = new float[4 * u];
        System.arraycopy(bi, 0, bias, 0, u);
        System.arraycopy(bf, 0, bias, u, u);
        System.arraycopy(bc, 0, bias, 2 * u, u);
        System.arraycopy(bo, 0, bias, 3 * u, u);
        String json = Fixtures.sequential("2.3.1", steps,
                Fixtures.layer("Embedding", "emb", "\"input_dim\": " + vocab + ", \"output_dim\": " + dim + ", \"mask_zero\": true"),
                Fixtures.layer("LSTM", "lstm", "\"units\": " + u + ", \"activation\": \"tanh\", \"recurrent_activation\": \"sigmoid\", \"use_bias\": true,"
                        + " \"return_sequences\": true, \"unit_forget_bias\": true, \"implementation\": 2"));
        Path cfg = Fixtures.write(dir.resolve("e.json"), json);
        Map<String, Map<String, Object>> layers = Fixtures.layers();
        layers.put("emb", Fixtures.weights("emb/embeddings:0", table));
        layers.put("lstm", Fixtures.weights("lstm/kernel:0", fuse(wi, wf, wc, wo), "lstm/recurrent_kernel:0", fuse(ui, uf, uc, uo), "lstm/bias:0", bias));
        KerasModel model = KerasModel.load(cfg, Fixtures.legacyWeights(dir.resolve("e_weights.h5"), layers));
        float[] tokens = {3, 0, 5, 0, 1, 0, 2, 4, 0, 0};
        Tensor out = model.predict(Tensor.of(tokens, 2, steps))[0];
        for (int s = 0; s < 2; s++) {
            double[] h = new double[u], c = new double[u];
            for (int t = 0; t < steps; t++) {
                int tok = (int) tokens[s * steps + t];
                if (tok != 0) {
                    double[] xt = row(table[tok], 0, dim);
                    double[] i = apply(gate(xt, wi, h, ui, bi), SIGMOID), fg = apply(gate(xt, wf, h, uf, bf), SIGMOID);
                    double[] cc = apply(gate(xt, wc, h, uc, bc), Math::tanh), o = apply(gate(xt, wo, h, uo, bo), SIGMOID);
                    for (int j = 0; j < u; j++) {
                        c[j] = fg[j] * c[j] + i[j] * cc[j];
                        h[j] = o[j] * Math.tanh(c[j]);
                    }
                }
                for (int j = 0; j < u; j++) assertEquals(h[j], out.data()[(s * steps + t) * u + j], 2e-5, "sample " + s + " step " + t);
            }
        }
    }

    /** Keras 2 Bidirectional(SimpleRNN) without backward_layer: weights forward then backward; RNN(SimpleRNNCell) the same cell. */
    @Test
    void keras2BidirectionalAndRnnWithCell() {
        Random r = new Random(14);
        int steps = 3, f = 2, u = 2;
        float[][] w1 = m(r, f, u), u1 = m(r, u, u), w2 = m(r, f, u), u2 = m(r, u, u);
        float[] b1 = v(r, u), b2 = v(r, u);
        String inner = "{\"class_name\": \"SimpleRNN\", \"config\": {\"name\": \"rnn\", \"units\": " + u
                + ", \"activation\": \"tanh\", \"use_bias\": true, \"return_sequences\": true, \"go_backwards\": false}}";
        String json = "{\"class_name\": \"Sequential\", \"keras_version\": \"2.3.1\", \"backend\": \"tensorflow\", \"config\": {\"name\": \"s\", \"layers\": ["
                + "{\"class_name\": \"Bidirectional\", \"config\": {\"name\": \"bi\", \"batch_input_shape\": [null, " + steps + ", " + f
                + "], \"merge_mode\": \"sum\", \"layer\": " + inner + "}},"
                + "{\"class_name\": \"RNN\", \"config\": {\"name\": \"cellrnn\", \"return_sequences\": false, \"cell\": {\"class_name\": \"SimpleRNNCell\","
                + " \"config\": {\"name\": \"simple_rnn_cell\", \"units\": " + u + ", \"activation\": \"tanh\", \"use_bias\": true}}}}]}}";
        Path cfg = Fixtures.write(dir.resolve("b.json"), json);
        Map<String, Map<String, Object>> layers = Fixtures.layers();
        layers.put("bi", Fixtures.weights("bi/forward_rnn/kernel:0", w1, "bi/forward_rnn/recurrent_kernel:0", u1, "bi/forward_rnn/bias:0", b1,
                "bi/backward_rnn/kernel:0", w2, "bi/backward_rnn/recurrent_kernel:0", u2, "bi/backward_rnn/bias:0", b2));
        layers.put("cellrnn", Fixtures.weights("cellrnn/kernel:0", u1, "cellrnn/recurrent_kernel:0", u2, "cellrnn/bias:0", b2));
        KerasModel model = KerasModel.load(cfg, Fixtures.legacyWeights(dir.resolve("b_weights.h5"), layers));
        float[] x = v(r, steps * f);
        Tensor out = model.predict(Tensor.of(x, 1, steps, f))[0];
        double[][] fwd = new double[steps][], bwd = new double[steps][];
        double[] h = new double[u];
        for (int t = 0; t < steps; t++) fwd[t] = h = apply(gate(row(x, t * f, f), w1, h, u1, b1), Math::tanh);
        h = new double[u];
        for (int t = steps - 1; t >= 0; t--) bwd[t] = h = apply(gate(row(x, t * f, f), w2, h, u2, b2), Math::tanh);
        h = new double[u];
        for (int t = 0; t < steps; t++) {
            double[] sum = new double[u];
            for (int j = 0; j < u; j++) sum[j] = fwd[t][j] + bwd[t][j];
            h = apply(gate(sum, u1, h, u2, b2), Math::tanh);
        }
        for (int j = 0; j < u; j++) assertEquals(h[j], out.data()[j], 2e-5);
    }

    private static String kt(String layer) {
        return "{\"class_name\": \"__keras_tensor__\", \"config\": {\"keras_history\": [\"" + layer + "\", 0, 0]}}";
    }

    private static String input(String name, String shape) {
        return "{\"class_name\": \"InputLayer\", \"name\": \"" + name + "\", \"config\": {\"batch_shape\": " + shape + ", \"name\": \"" + name
                + "\"}, \"inbound_nodes\": []}";
    }

    /** Keras 3 functional call {@code lstm(x, initial_state=[h, c])} with return_state: outputs last h, h, c. */
    @Test
    void keras3InitialStateKeywordAndReturnState() {
        Random r = new Random(15);
        int steps = 3, f = 2, u = 2, batch = 2;
        float[][] wi = m(r, f, u), wf = m(r, f, u), wc = m(r, f, u), wo = m(r, f, u);
        float[][] ui = m(r, u, u), uf = m(r, u, u), uc = m(r, u, u), uo = m(r, u, u);
        String json = "{\"class_name\": \"Functional\", \"keras_version\": \"3.5.0\", \"config\": {\"name\": \"f\", \"layers\": ["
                + input("x", "[null, " + steps + ", " + f + "]") + ", " + input("h", "[null, " + u + "]") + ", " + input("c", "[null, " + u + "]") + ", "
                + "{\"class_name\": \"LSTM\", \"name\": \"lstm\", \"config\": {\"name\": \"lstm\", \"units\": " + u
                + ", \"activation\": \"tanh\", \"recurrent_activation\": \"sigmoid\", \"use_bias\": false, \"return_state\": true},"
                + " \"inbound_nodes\": [{\"args\": [" + kt("x") + "], \"kwargs\": {\"training\": false, \"initial_state\": [" + kt("h") + ", " + kt("c") + "]}}]}],"
                + " \"input_layers\": [[\"x\", 0, 0], [\"h\", 0, 0], [\"c\", 0, 0]],"
                + " \"output_layers\": [[\"lstm\", 0, 0], [\"lstm\", 0, 1], [\"lstm\", 0, 2]]}}";
        Path cfg = Fixtures.write(dir.resolve("k3.json"), json);
        Map<String, Map<String, Object>> layers = Fixtures.layers();
        layers.put("lstm", Fixtures.weights("lstm/lstm_cell/kernel", fuse(wi, wf, wc, wo), "lstm/lstm_cell/recurrent_kernel", fuse(ui, uf, uc, uo)));
        KerasModel model = KerasModel.load(cfg, Fixtures.legacyWeights(dir.resolve("k3.h5"), layers));
        float[] x = v(r, batch * steps * f), h0 = v(r, batch * u), c0 = v(r, batch * u);
        Tensor[] out = model.predict(Tensor.of(x, batch, steps, f), Tensor.of(h0, batch, u), Tensor.of(c0, batch, u));
        assertEquals(3, out.length);
        float[] zero = new float[u];
        for (int s = 0; s < batch; s++) {
            double[] h = row(h0, s * u, u), c = row(c0, s * u, u);
            for (int t = 0; t < steps; t++) {
                double[] xt = row(x, (s * steps + t) * f, f);
                double[] i = apply(gate(xt, wi, h, ui, zero), SIGMOID), fg = apply(gate(xt, wf, h, uf, zero), SIGMOID);
                double[] cc = apply(gate(xt, wc, h, uc, zero), Math::tanh), o = apply(gate(xt, wo, h, uo, zero), SIGMOID);
                for (int j = 0; j < u; j++) {
                    c[j] = fg[j] * c[j] + i[j] * cc[j];
                    h[j] = o[j] * Math.tanh(c[j]);
                }
            }
            for (int j = 0; j < u; j++) {
                assertEquals(h[j], out[0].data()[s * u + j], 2e-5);
                assertEquals(h[j], out[1].data()[s * u + j], 2e-5);
                assertEquals(c[j], out[2].data()[s * u + j], 2e-5);
            }
        }
    }

    @Test
    void unsupportedWrappedLayerIsNamed() {
        String json = "{\"class_name\": \"Sequential\", \"keras_version\": \"2.3.1\", \"config\": {\"name\": \"s\", \"layers\": ["
                + "{\"class_name\": \"TimeDistributed\", \"config\": {\"name\": \"td\", \"batch_input_shape\": [null, 3, 4, 4, 1],"
                + " \"layer\": {\"class_name\": \"NoSuchLayer\", \"config\": {\"name\": \"inner\"}}}}]}}";
        Path cfg = Fixtures.write(dir.resolve("u.json"), json);
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> KerasModel.load(cfg, Fixtures.legacyWeights(dir.resolve("u.h5"), Map.of("td", Fixtures.weights("td/w:0", new float[] {1f})))));
        assertTrue(e.getMessage().contains("'NoSuchLayer'") && e.getMessage().contains("td/inner"), e.getMessage());
    }
}
