package org.jkeras.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.kernels.Parallel;
import org.jkeras.runtime.layers.Add;
import org.jkeras.runtime.layers.Dense;
import org.jkeras.runtime.layers.Masking;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs of Dense nodes execute as one DenseChain (depth first, no intermediate tensors): the results must be the
 * bits of the node-by-node run (what predict with an observer does), in every graph shape where a chain may or
 * may not form.
 */
class ModelDenseChainTest {
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    static Dense dense(SplittableRandom rnd, String name, int in, int units, Activation act) {
        float[] k = new float[in * units], b = new float[units];
        for (int i = 0; i < k.length; i++) k[i] = (float) rnd.nextDouble(-0.3, 0.3);
        for (int i = 0; i < units; i++) b[i] = (float) rnd.nextDouble(-0.1, 0.1);
        return new Dense(name, DenseKernel.pack(k, b, in, units, act), true, List.of());
    }

    static Tensor random(SplittableRandom rnd, int... dims) {
        Tensor t = Tensor.zeros(Shape.of(dims));
        for (int i = 0; i < t.size(); i++) t.data()[i] = (float) rnd.nextDouble(-1, 1);
        return t;
    }

    /** Node by node: the observer turns chains off. */
    static Tensor[] nodeByNode(Model m, Tensor... in) {
        return m.predict(in, (node, out) -> { });
    }

    static Model mlp(SplittableRandom rnd) {
        List<Model.Node> nodes = List.of(
                new Model.Node(dense(rnd, "d1", 40, 70, Activations.relu()), new int[] {0}, 1),
                new Model.Node(dense(rnd, "d2", 70, 66, Activations.relu()), new int[] {1}, 2),
                new Model.Node(dense(rnd, "d3", 66, 10, Activations.byName("softmax", org.jkeras.activations.Semantics.KERAS_3)), new int[] {2}, 3));
        return new Model("mlp", List.of(new Model.Input("x", Shape.of(40))), nodes, List.of(new Model.Output("y", 3)));
    }

    @Test
    void mlpChainEqualsNodeByNodeAndRowsForm() {
        SplittableRandom rnd = new SplittableRandom(1);
        Model m = mlp(rnd);
        for (int t : new int[] {1, 2}) {
            Parallel.setThreads(t);
            for (int batch : new int[] {1, 2, 7, 64, 300}) {
                Tensor x = random(rnd, batch, 40);
                float[] expected = nodeByNode(m, x)[0].data();
                Tensor y = m.predict(x)[0];
                assertEquals(Shape.of(batch, 10), y.shape());
                assertArrayEquals(expected, y.data(), "predict, batch " + batch + " threads " + t);
                float[][] rows = m.predictRows(x.toRows());
                assertEquals(batch, rows.length);
                for (int r = 0; r < batch; r++) {
                    float[] want = new float[10];
                    System.arraycopy(expected, r * 10, want, 0, 10);
                    assertArrayEquals(want, rows[r], "predictRows row " + r + ", batch " + batch + " threads " + t);
                }
            }
        }
    }

    @Test
    void denseOnTheLastAxisOfARank3Input() {
        SplittableRandom rnd = new SplittableRandom(2);
        List<Model.Node> nodes = List.of(
                new Model.Node(dense(rnd, "d1", 8, 20, Activations.relu()), new int[] {0}, 1),
                new Model.Node(dense(rnd, "d2", 20, 6, null), new int[] {1}, 2));
        Model m = new Model("seq", List.of(new Model.Input("x", Shape.of(5, 8))), nodes, List.of(new Model.Output("y", 2)));
        Tensor x = random(rnd, 3, 5, 8);
        Tensor y = m.predict(x)[0];
        assertEquals(Shape.of(3, 5, 6), y.shape());
        assertArrayEquals(nodeByNode(m, x)[0].data(), y.data());
        float[][] rows = m.predictRows(x.toRows()); // rank-2 samples: the general path
        for (int r = 0; r < 3; r++) assertArrayEquals(java.util.Arrays.copyOfRange(y.data(), r * 30, r * 30 + 30), rows[r]);
    }

    @Test
    void noChainThroughAValueWithTwoReadersOrAnOutput() {
        SplittableRandom rnd = new SplittableRandom(3);
        // v1 = d1(x) is read by d2 and by add; v2 = d2(v1) is an output and read by d3; v4 = d3(v2) + v1 ... (shapes: 12)
        Dense d1 = dense(rnd, "d1", 9, 12, Activations.relu()), d2 = dense(rnd, "d2", 12, 12, Activations.relu()),
                d3 = dense(rnd, "d3", 12, 12, null), d4 = dense(rnd, "d4", 12, 5, null), d5 = dense(rnd, "d5", 5, 4, null);
        List<Model.Node> nodes = new ArrayList<>(List.of(
                new Model.Node(d1, new int[] {0}, 1),
                new Model.Node(d2, new int[] {1}, 2),
                new Model.Node(d3, new int[] {2}, 3),
                new Model.Node(new Add("add"), new int[] {3, 1}, 4),
                new Model.Node(d4, new int[] {4}, 5),
                new Model.Node(d5, new int[] {5}, 6)));
        Model m = new Model("branchy", List.of(new Model.Input("x", Shape.of(9))), nodes,
                List.of(new Model.Output("mid", 2), new Model.Output("out", 6)));
        for (int batch : new int[] {1, 13, 100}) {
            Tensor x = random(rnd, batch, 9);
            Tensor[] want = nodeByNode(m, x), got = m.predict(x);
            assertArrayEquals(want[0].data(), got[0].data(), "mid, batch " + batch);
            assertArrayEquals(want[1].data(), got[1].data(), "out, batch " + batch);
        }
        assertThrows(PredictException.class, () -> m.predictRows(new float[][] {new float[9]}));
    }

    @Test
    void maskedInputsRunNodeByNode() {
        SplittableRandom rnd = new SplittableRandom(4);
        List<Model.Node> nodes = List.of(
                new Model.Node(new Masking("mask", 0f), new int[] {0}, 1),
                new Model.Node(dense(rnd, "d1", 6, 11, Activations.relu()), new int[] {1}, 2),
                new Model.Node(dense(rnd, "d2", 11, 3, null), new int[] {2}, 3));
        Model m = new Model("masked", List.of(new Model.Input("x", Shape.of(4, 6))), nodes, List.of(new Model.Output("y", 3)));
        Tensor x = random(rnd, 2, 4, 6);
        java.util.Arrays.fill(x.data(), 6, 12, 0f); // a masked step
        assertArrayEquals(nodeByNode(m, x)[0].data(), m.predict(x)[0].data());
    }

    @Test
    void predictRowsChecksItsRows() {
        Model m = mlp(new SplittableRandom(5));
        assertEquals(0, m.predictRows(new float[0][]).length);
        PredictException e = assertThrows(PredictException.class, () -> m.predictRows(new float[][] {new float[40], new float[39]}));
        assertEquals(true, e.getMessage().contains("row 1 has 39 values"), e.getMessage());
        assertThrows(PredictException.class, () -> m.predictRows(new float[][] {null}));
    }
}
