package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.assertBits;
import static org.jkeras.runtime.layers.LayerTesting.assertClose;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Parallel;
import org.junit.jupiter.api.Test;

/**
 * SimpleRNN, LSTM, GRU and Bidirectional against an independent reference: Keras' cell formulas and its
 * {@code backend.rnn} loop (masks, go_backwards, initial states) written out in double precision below.
 */
class RecurrentLayersTest {
    static final double TOL = 2e-5;
    static final Activation TANH = Activations.byName("tanh", Semantics.KERAS_3);
    static final Activation SIGMOID = Activations.byName("sigmoid", Semantics.KERAS_3);
    static final Activation HARD_SIGMOID_K2 = Activations.byName("hard_sigmoid", Semantics.KERAS_1_2);
    static final DoubleUnaryOperator TANH_D = Math::tanh;
    static final DoubleUnaryOperator SIGMOID_D = v -> 1 / (1 + Math.exp(-v));
    static final DoubleUnaryOperator HARD_SIGMOID_K2_D = v -> Math.max(0, Math.min(1, 0.2 * v + 0.5));

    static float[] rand(Random r, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * scale);
        return a;
    }

    /** Σ_k v[k] · m[k][col] with m (rows, cols) row-major, from column offset {@code c0}. */
    static double dot(double[] v, float[] m, int cols, int col) {
        double acc = 0;
        for (int k = 0; k < v.length; k++) acc += v[k] * m[k * cols + col];
        return acc;
    }

    static double[] row(float[] x, int off, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = x[off + i];
        return r;
    }

    /** One cell step in double: states in, states out (state 0 is the output). */
    interface RefCell {
        double[][] step(double[] x, double[][] states);
    }

    /** Keras LSTMCell, gates i, f, c, o. */
    static RefCell lstm(int u, float[] w, float[] uk, float[] b, DoubleUnaryOperator act, DoubleUnaryOperator ract) {
        return (x, s) -> {
            double[] h = new double[u], c = new double[u];
            for (int j = 0; j < u; j++) {
                double[] z = new double[4];
                for (int g = 0; g < 4; g++) z[g] = dot(x, w, 4 * u, g * u + j) + dot(s[0], uk, 4 * u, g * u + j) + (b == null ? 0 : b[g * u + j]);
                double i = ract.applyAsDouble(z[0]), f = ract.applyAsDouble(z[1]), o = ract.applyAsDouble(z[3]);
                c[j] = f * s[1][j] + i * act.applyAsDouble(z[2]);
                h[j] = o * act.applyAsDouble(c[j]);
            }
            return new double[][] {h, c};
        };
    }

    /** Keras GRUCell, gates z, r, h; bias (3u) input, recurrent bias (3u) reset_after only. */
    static RefCell gru(int u, float[] w, float[] uk, float[] b, float[] rb, boolean resetAfter, DoubleUnaryOperator act, DoubleUnaryOperator ract) {
        return (x, s) -> {
            double[] hp = s[0], h = new double[u], r = new double[u], z = new double[u];
            for (int j = 0; j < u; j++) {
                double bz = b == null ? 0 : b[j], br = b == null ? 0 : b[u + j];
                double rz = rb == null ? 0 : rb[j], rr = rb == null ? 0 : rb[u + j];
                z[j] = ract.applyAsDouble(dot(x, w, 3 * u, j) + bz + dot(hp, uk, 3 * u, j) + rz);
                r[j] = ract.applyAsDouble(dot(x, w, 3 * u, u + j) + br + dot(hp, uk, 3 * u, u + j) + rr);
            }
            double[] rh = new double[u];
            for (int j = 0; j < u; j++) rh[j] = r[j] * hp[j];
            for (int j = 0; j < u; j++) {
                double xh = dot(x, w, 3 * u, 2 * u + j) + (b == null ? 0 : b[2 * u + j]);
                double rec = resetAfter ? r[j] * (dot(hp, uk, 3 * u, 2 * u + j) + (rb == null ? 0 : rb[2 * u + j])) : dot(rh, uk, 3 * u, 2 * u + j);
                double hh = act.applyAsDouble(xh + rec);
                h[j] = z[j] * hp[j] + (1 - z[j]) * hh;
            }
            return new double[][] {h};
        };
    }

    /** Keras SimpleRNNCell. */
    static RefCell simple(int u, float[] w, float[] uk, float[] b, DoubleUnaryOperator act) {
        return (x, s) -> {
            double[] h = new double[u];
            for (int j = 0; j < u; j++) h[j] = act.applyAsDouble(dot(x, w, u, j) + (b == null ? 0 : b[j]) + dot(s[0], uk, u, j));
            return new double[][] {h};
        };
    }

    /** Reference backend.rnn: [output (sequence in processing order, or last), final states...] flattened over the batch. */
    static double[][] loop(RefCell cell, int ns, int u, float[] x, int batch, int steps, int f, float[][] init, boolean[][] mask,
                           boolean returnSequences, boolean goBackwards, boolean zeroOutput) {
        int[] sizes = new int[ns];
        Arrays.fill(sizes, u);
        return loop(cell, sizes, 0, x, batch, steps, f, init, mask, returnSequences, goBackwards, zeroOutput);
    }

    /** {@link #loop} with states of widths {@code sizes}, state {@code os} the output. */
    static double[][] loop(RefCell cell, int[] sizes, int os, float[] x, int batch, int steps, int f, float[][] init, boolean[][] mask,
                           boolean returnSequences, boolean goBackwards, boolean zeroOutput) {
        int ns = sizes.length, u = sizes[os];
        double[] out = new double[returnSequences ? batch * steps * u : batch * u];
        double[][] finals = new double[ns][];
        for (int k = 0; k < ns; k++) finals[k] = new double[batch * sizes[k]];
        for (int b = 0; b < batch; b++) {
            double[][] s = new double[ns][];
            for (int k = 0; k < ns; k++) s[k] = init != null ? row(init[k], b * sizes[k], sizes[k]) : new double[sizes[k]];
            double[] last = null;
            for (int i = 0; i < steps; i++) {
                int t = goBackwards ? steps - 1 - i : i;
                double[][] next = cell.step(row(x, (b * steps + t) * f, f), s);
                double[] o;
                if (mask != null && !mask[b][t]) {
                    o = zeroOutput ? new double[u] : s[os].clone();
                } else {
                    s = next;
                    o = s[os];
                }
                if (returnSequences) System.arraycopy(o, 0, out, (b * steps + i) * u, u);
                last = o;
            }
            if (!returnSequences) System.arraycopy(last, 0, out, b * u, u);
            for (int k = 0; k < ns; k++) System.arraycopy(s[k], 0, finals[k], b * sizes[k], sizes[k]);
        }
        double[][] res = new double[1 + ns][];
        res[0] = out;
        System.arraycopy(finals, 0, res, 1, ns);
        return res;
    }

    static Mask mask(boolean[][] m) {
        int b = m.length, t = m[0].length;
        boolean[] k = new boolean[b * t];
        for (int i = 0; i < b; i++) for (int j = 0; j < t; j++) k[i * t + j] = m[i][j];
        return new Mask(b, t, k);
    }

    static boolean[][] randomMask(Random r, int batch, int steps) {
        boolean[][] m = new boolean[batch][steps];
        for (boolean[] row : m) for (int j = 0; j < steps; j++) row[j] = r.nextDouble() < 0.6;
        m[0][0] = false;                // masked first step: output is the (initial) previous state or zero
        m[1 % batch][steps - 1] = false; // masked last step
        return m;
    }

    static List<Tensor> runAll(RNN layer, List<Tensor> in, List<Mask> masks) {
        List<Shape> shapes = new ArrayList<>();
        for (Tensor t : in) shapes.add(t.shape().dropFirst());
        List<Shape> predicted = layer.outputShapes(shapes);
        List<Tensor> out = layer.forwardAll(in, masks);
        assertEquals(predicted.size(), out.size());
        for (int i = 0; i < out.size(); i++) assertEquals(predicted.get(i).prepend(in.get(0).batch()), out.get(i).shape());
        return out;
    }

    @Test
    void lstmSequenceStatesAndInitialStates() {
        Random r = new Random(1);
        int batch = 5, steps = 4, f = 3, u = 6;
        float[] w = rand(r, f * 4 * u, 0.5), uk = rand(r, u * 4 * u, 0.5), b = rand(r, 4 * u, 0.3);
        float[] x = rand(r, batch * steps * f, 1), h0 = rand(r, batch * u, 0.5), c0 = rand(r, batch * u, 0.5);
        LSTM layer = new LSTM("lstm", new LSTMCell(f, u, w, uk, b, TANH, SIGMOID), new RNN.Options(true, true, false, false, ""));
        List<Tensor> out = runAll(layer, List.of(tensor(x, batch, steps, f), tensor(h0, batch, u), tensor(c0, batch, u)), Arrays.asList(null, null, null));
        double[][] ref = loop(lstm(u, w, uk, b, TANH_D, SIGMOID_D), 2, u, x, batch, steps, f, new float[][] {h0, c0}, null, true, false, false);
        assertEquals(3, out.size());
        for (int i = 0; i < 3; i++) assertClose(ref[i], out.get(i).data(), TOL);
        assertEquals(4L * u * (f + u) + 4L * u, layer.paramCount());
    }

    @Test
    void lstmGoBackwardsMasksBothOutputRules() {
        Random r = new Random(2);
        int batch = 4, steps = 5, f = 2, u = 3;
        float[] w = rand(r, f * 4 * u, 0.6), uk = rand(r, u * 4 * u, 0.6), b = rand(r, 4 * u, 0.3);
        float[] x = rand(r, batch * steps * f, 1), h0 = rand(r, batch * u, 0.5), c0 = rand(r, batch * u, 0.5);
        boolean[][] m = randomMask(r, batch, steps);
        for (boolean zero : new boolean[] {false, true}) {
            for (boolean seq : new boolean[] {false, true}) {
                LSTM layer = new LSTM("lstm", new LSTMCell(f, u, w, uk, b, TANH, HARD_SIGMOID_K2), new RNN.Options(seq, true, true, zero, ""));
                List<Tensor> out = runAll(layer, List.of(tensor(x, batch, steps, f), tensor(h0, batch, u), tensor(c0, batch, u)),
                        Arrays.asList(mask(m), null, null));
                double[][] ref = loop(lstm(u, w, uk, b, TANH_D, HARD_SIGMOID_K2_D), 2, u, x, batch, steps, f, new float[][] {h0, c0}, m, seq, true, zero);
                for (int i = 0; i < 3; i++) assertClose(ref[i], out.get(i).data(), TOL);
                List<Mask> masks = layer.outputMasks(List.of(), Arrays.asList(mask(m), null, null));
                assertEquals(3, masks.size());
                if (seq) assertEquals(mask(m).keep(1, steps - 1), masks.get(0).keep(1, steps - 1));
                else assertNull(masks.get(0));
                assertNull(masks.get(1));
                assertNull(masks.get(2));
            }
        }
    }

    @Test
    void gruResetAfterAndBeforeWithAndWithoutBias() {
        Random r = new Random(3);
        int batch = 3, steps = 4, f = 3, u = 4;
        float[] w = rand(r, f * 3 * u, 0.6), uk = rand(r, u * 3 * u, 0.6), b = rand(r, 3 * u, 0.3), rb = rand(r, 3 * u, 0.3);
        float[] x = rand(r, batch * steps * f, 1);
        boolean[][] m = randomMask(r, batch, steps);
        for (boolean after : new boolean[] {true, false}) {
            for (boolean bias : new boolean[] {true, false}) {
                float[] ib = bias ? b : null, rbias = bias && after ? rb : null;
                GRU layer = new GRU("gru", new GRUCell(f, u, w, uk, ib, rbias, after, TANH, SIGMOID), new RNN.Options(true, false, false, false, ""));
                List<Tensor> out = runAll(layer, List.of(tensor(x, batch, steps, f)), Arrays.asList(mask(m)));
                double[][] ref = loop(gru(u, w, uk, ib, rbias, after, TANH_D, SIGMOID_D), 1, u, x, batch, steps, f, null, m, true, false, false);
                assertClose(ref[0], out.get(0).data(), TOL);
            }
        }
    }

    @Test
    void simpleRnnReluLastOutput() {
        Random r = new Random(4);
        int batch = 3, steps = 6, f = 4, u = 5;
        float[] w = rand(r, f * u, 0.5), uk = rand(r, u * u, 0.5), b = rand(r, u, 0.3), x = rand(r, batch * steps * f, 1);
        Activation relu = Activations.byName("relu", Semantics.KERAS_3);
        SimpleRNN layer = new SimpleRNN("rnn", new SimpleRNNCell(f, u, w, uk, b, relu), new RNN.Options(false, false, false, false, ""));
        Tensor out = layer.forward(List.of(tensor(x, batch, steps, f)));
        double[][] ref = loop(simple(u, w, uk, b, v -> Math.max(0, v)), 1, u, x, batch, steps, f, null, null, false, false, false);
        assertClose(ref[0], out.data(), TOL);
        assertEquals(Shape.of(batch, u), out.shape());
    }

    /** Rows are independent: the result of a row never depends on the batch around it or on the thread count. */
    @Test
    void bitsIndependentOfBatchAndThreads() {
        Random r = new Random(5);
        int batch = 70, steps = 3, f = 16, u = 40;
        float[] w = rand(r, f * 4 * u, 0.3), uk = rand(r, u * 4 * u, 0.3), b = rand(r, 4 * u, 0.3), x = rand(r, batch * steps * f, 1);
        LSTM layer = new LSTM("lstm", new LSTMCell(f, u, w, uk, b, TANH, SIGMOID), new RNN.Options(true, false, false, false, ""));
        int threads = Parallel.threads();
        try {
            Parallel.setThreads(1);
            float[] one = layer.forward(List.of(tensor(x, batch, steps, f))).data();
            Parallel.setThreads(3);
            float[] three = layer.forward(List.of(tensor(x, batch, steps, f))).data();
            assertBits(one, three);
            float[] row = layer.forward(List.of(tensor(Arrays.copyOfRange(x, 7 * steps * f, 8 * steps * f), 1, steps, f))).data();
            assertBits(Arrays.copyOfRange(one, 7 * steps * u, 8 * steps * u), row);
        } finally {
            Parallel.setThreads(threads);
        }
    }

    @Test
    void bidirectionalMergeModesAndStates() {
        Random r = new Random(6);
        int batch = 3, steps = 4, f = 2, u = 3;
        float[] w1 = rand(r, f * 3 * u, 0.6), u1 = rand(r, u * 3 * u, 0.6), b1 = rand(r, 3 * u, 0.3);
        float[] w2 = rand(r, f * 3 * u, 0.6), u2 = rand(r, u * 3 * u, 0.6), b2 = rand(r, 3 * u, 0.3);
        float[] x = rand(r, batch * steps * f, 1);
        boolean[][] m = randomMask(r, batch, steps);
        double[][] fr = loop(gru(u, w1, u1, b1, null, false, TANH_D, SIGMOID_D), 1, u, x, batch, steps, f, null, m, true, false, true);
        double[][] br = loop(gru(u, w2, u2, b2, null, false, TANH_D, SIGMOID_D), 1, u, x, batch, steps, f, null, m, true, true, true);
        double[] brTime = new double[br[0].length]; // backward sequence flipped back to time order
        for (int b = 0; b < batch; b++) for (int s = 0; s < steps; s++) System.arraycopy(br[0], (b * steps + s) * u, brTime, (b * steps + steps - 1 - s) * u, u);
        for (Bidirectional.MergeMode mode : Bidirectional.MergeMode.values()) {
            RNN.Options o = new RNN.Options(true, true, false, true, "");
            Bidirectional bi = new Bidirectional("bi", new GRU("f", new GRUCell(f, u, w1, u1, b1, null, false, TANH, SIGMOID), o),
                    new GRU("b", new GRUCell(f, u, w2, u2, b2, null, false, TANH, SIGMOID), o.withGoBackwards(true)), mode);
            List<Tensor> out = bi.forwardAll(List.of(tensor(x, batch, steps, f)), Arrays.asList(mask(m)));
            List<Shape> shapes = bi.outputShapes(List.of(Shape.of(steps, f)));
            assertEquals(shapes.size(), out.size());
            assertEquals(bi.outputCount(), out.size());
            int n = batch * steps * u;
            double[] expected;
            switch (mode) {
                case CONCAT -> {
                    expected = new double[2 * n];
                    for (int i = 0; i < batch * steps; i++) {
                        System.arraycopy(fr[0], i * u, expected, i * 2 * u, u);
                        System.arraycopy(brTime, i * u, expected, i * 2 * u + u, u);
                    }
                }
                case NONE -> {
                    assertClose(fr[0], out.get(0).data(), TOL);
                    expected = brTime;
                }
                default -> {
                    expected = new double[n];
                    for (int i = 0; i < n; i++) {
                        expected[i] = switch (mode) {
                            case SUM -> fr[0][i] + brTime[i];
                            case MUL -> fr[0][i] * brTime[i];
                            default -> (fr[0][i] + brTime[i]) / 2;
                        };
                    }
                }
            }
            int k = mode == Bidirectional.MergeMode.NONE ? 1 : 0;
            assertClose(expected, out.get(k).data(), TOL);
            assertClose(fr[1], out.get(k + 1).data(), TOL); // forward final state
            assertClose(br[1], out.get(k + 2).data(), TOL); // backward final state
            for (int i = 0; i < out.size(); i++) assertEquals(shapes.get(i).prepend(batch), out.get(i).shape());
            List<Mask> masks = bi.outputMasks(List.of(), Arrays.asList(mask(m)));
            assertEquals(out.size(), masks.size());
            assertEquals(mask(m).keep(0, 0), masks.get(0).keep(0, 0));
            assertNull(masks.get(masks.size() - 1));
        }
    }

    /**
     * StackedRNNCells: the cells run in turn within each step (LSTM 3 -> 4, GRU reset_after 4 -> 3, SimpleRNN 3 -> 2),
     * states cell by cell or, reversed, flat in reverse cell order; masks, go_backwards and initial states.
     */
    @Test
    void stackedCellsRunInTurnWithStatesInEitherOrder() {
        Random r = new Random(7);
        int batch = 4, steps = 5, f = 3;
        float[] w1 = rand(r, f * 16, 0.5), u1 = rand(r, 4 * 16, 0.5), b1 = rand(r, 16, 0.3);
        float[] w2 = rand(r, 4 * 9, 0.5), u2 = rand(r, 3 * 9, 0.5), b2 = rand(r, 9, 0.3), rb2 = rand(r, 9, 0.3);
        float[] w3 = rand(r, 3 * 2, 0.5), u3 = rand(r, 2 * 2, 0.5), b3 = rand(r, 2, 0.3);
        float[] x = rand(r, batch * steps * f, 1);
        boolean[][] m = randomMask(r, batch, steps);
        RefCell lstm = lstm(4, w1, u1, b1, TANH_D, SIGMOID_D), gru = gru(3, w2, u2, b2, rb2, true, TANH_D, SIGMOID_D), simple = simple(2, w3, u3, b3, TANH_D);
        RefCell stack = (in, s) -> { // natural order: h1, c1, h2, h3
            double[][] a = lstm.step(in, new double[][] {s[0], s[1]});
            double[][] g = gru.step(a[0], new double[][] {s[2]});
            double[][] h = simple.step(g[0], new double[][] {s[3]});
            return new double[][] {a[0], a[1], g[0], h[0]};
        };
        int[] sizes = {4, 4, 3, 2};
        float[][] init = {rand(r, batch * 4, 0.5), rand(r, batch * 4, 0.5), rand(r, batch * 3, 0.5), rand(r, batch * 2, 0.5)};
        double[][] ref = loop(stack, sizes, 3, x, batch, steps, f, init, m, true, true, false);
        for (boolean reversed : new boolean[] {false, true}) {
            StackedRNNCells cells = new StackedRNNCells(List.of(new LSTMCell(f, 4, w1, u1, b1, TANH, SIGMOID),
                    new GRUCell(4, 3, w2, u2, b2, rb2, true, TANH, SIGMOID), new SimpleRNNCell(3, 2, w3, u3, b3, TANH)), reversed);
            int[] order = reversed ? new int[] {3, 2, 0, 1} : new int[] {0, 1, 2, 3}; // Keras 2.0-2.3: [h3, h2, h1, c1]
            List<Tensor> in = new ArrayList<>(List.of(tensor(x, batch, steps, f)));
            for (int k : order) in.add(tensor(init[k], batch, sizes[k]));
            RNN layer = new RNN("stack", cells, new RNN.Options(true, true, true, false, ""));
            List<Tensor> out = runAll(layer, in, new ArrayList<>(Arrays.asList(mask(m), null, null, null, null)));
            assertEquals(5, out.size());
            assertClose(ref[0], out.get(0).data(), TOL);
            for (int i = 0; i < 4; i++) assertClose(ref[1 + order[i]], out.get(1 + i).data(), TOL);
            assertEquals(layer.paramCount(), 4L * 4 * (f + 4) + 16 + 3L * 3 * (4 + 3) + 18 + 2L * (3 + 2) + 2);
        }
    }

    @Test
    void stateCountAndShapesAreChecked() {
        LSTM layer = new LSTM("lstm_x", new LSTMCell(2, 3, new float[24], new float[36], null, TANH, SIGMOID), new RNN.Options(false, false, false, false, ""));
        LayerTesting.assertNamedError("lstm_x", () -> layer.outputShapes(List.of(Shape.of(4, 2), Shape.of(3))));
        LayerTesting.assertNamedError("lstm_x", () -> layer.outputShapes(List.of(Shape.of(4, 5))));
        assertEquals(List.of(Shape.of(3)), layer.outputShapes(List.of(Shape.of(Shape.UNKNOWN, 2))));
        assertSame(null, layer.outputMask(List.of(), Arrays.asList((Mask) null)));
    }
}
