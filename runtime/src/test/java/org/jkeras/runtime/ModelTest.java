package org.jkeras.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.layers.ActivationLayer;
import org.jkeras.runtime.layers.Add;
import org.jkeras.runtime.layers.Concatenate;
import org.jkeras.runtime.layers.Dense;
import org.jkeras.runtime.layers.Flatten;
import org.jkeras.runtime.layers.Subtract;
import org.junit.jupiter.api.Test;

/**
 * Model on a hand-built graph. The shared Dense computes d(x) = (x0 + 1, 2 x1 + 1, 3 x2 + 1), so every value below
 * is worked out by hand:
 *
 * <pre>
 *   v0 = a, v1 = b                      inputs, (3)
 *   v2 = d(a), v3 = d(b)                 the same Dense at two nodes
 *   v4 = v2 + v3                         output "sum", also read by two later nodes
 *   v5 = relu(v4)                        output "relu"
 *   v6 = v4 - v2                         output "diff" (= d(b))
 *   v7 = concat(v5, v6)                  (6)
 *   v8, v9 = halves(v7)                  a two-output test layer: outputs "first", "second"
 * </pre>
 */
class ModelTest {

    /** Test-only: splits the last axis into two equal halves, two outputs. */
    static final class Halves extends Layer {
        Halves(String name) {
            super(name);
        }

        @Override public String kerasClass() { return "Halves"; }
        @Override public int outputCount() { return 2; }

        @Override
        public Shape outputShape(List<Shape> inputs) {
            return outputShapes(inputs).get(0);
        }

        @Override
        public List<Shape> outputShapes(List<Shape> inputs) {
            Shape s = inputs.get(0).withLast(inputs.get(0).dim(-1) / 2);
            return List.of(s, s);
        }

        @Override
        public Tensor forward(List<Tensor> inputs) {
            return forwardAll(inputs).get(0);
        }

        @Override
        public List<Tensor> forwardAll(List<Tensor> inputs) {
            Tensor x = inputs.get(0);
            int w = x.shape().dim(-1), h = w / 2, rows = x.size() / w;
            float[] a = new float[rows * h], b = new float[rows * h];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x.data(), r * w, a, r * h, h);
                System.arraycopy(x.data(), r * w + h, b, r * h, h);
            }
            Shape s = x.shape().withLast(h);
            return List.of(new Tensor(s, a), new Tensor(s, b));
        }
    }

    static Dense diagonalDense(String name) {
        float[] kernel = {1, 0, 0, 0, 2, 0, 0, 0, 3}; // (in 3, units 3) row-major
        return new Dense(name, DenseKernel.pack(kernel, new float[] {1, 1, 1}, 3, 3, null), true, List.of());
    }

    static Model graph() {
        Dense d = diagonalDense("shared_dense");
        List<Model.Node> nodes = List.of(
                new Model.Node(d, new int[] {0}, 2),
                new Model.Node(d, new int[] {1}, 3),
                new Model.Node(new Add("add"), new int[] {2, 3}, 4),
                new Model.Node(new ActivationLayer("relu", "ReLU", Activations.relu()), new int[] {4}, 5),
                new Model.Node(new Subtract("subtract"), new int[] {4, 2}, 6),
                new Model.Node(new Concatenate("concat", -1), new int[] {5, 6}, 7),
                new Model.Node(new Halves("halves"), new int[] {7}, new int[] {8, 9}));
        return new Model("m", List.of(new Model.Input("a", Shape.of(3)), new Model.Input("b", Shape.of(3))), nodes,
                List.of(new Model.Output("sum", 4), new Model.Output("relu", 5), new Model.Output("diff", 6),
                        new Model.Output("first", 8), new Model.Output("second", 9)));
    }

    // a = [1, -2, -3] and [0, 0, 0]; b = [0, 1, -1] and [1, 1, 1]
    static final Tensor A = Tensor.of(new float[] {1, -2, -3, 0, 0, 0}, 2, 3);
    static final Tensor B = Tensor.of(new float[] {0, 1, -1, 1, 1, 1}, 2, 3);
    // d(a) = [2, -3, -8], [1, 1, 1]; d(b) = [1, 3, -2], [2, 3, 4]
    static final float[] SUM = {3, 0, -10, 3, 4, 5};
    static final float[] RELU = {3, 0, 0, 3, 4, 5};
    static final float[] DIFF = {1, 3, -2, 2, 3, 4};

    static void assertOutputs(Tensor[] out) {
        assertEquals(5, out.length);
        assertArrayEquals(SUM, out[0].data());
        assertArrayEquals(RELU, out[1].data());
        assertArrayEquals(DIFF, out[2].data());
        assertArrayEquals(RELU, out[3].data());
        assertArrayEquals(DIFF, out[4].data());
        for (Tensor t : out) assertEquals(Shape.of(2, 3), t.shape());
    }

    @Test
    void sharedLayerAndFanOutGiveHandCheckedValues() {
        Model m = graph();
        float[] aBefore = A.data().clone(), bBefore = B.data().clone();
        assertOutputs(m.predict(A, B));
        assertArrayEquals(aBefore, A.data(), "inputs are read, never written");
        assertArrayEquals(bBefore, B.data());
        // no state kept between calls
        assertOutputs(m.predict(A, B));
    }

    @Test
    void structure() {
        Model m = graph();
        assertEquals(List.of("a", "b"), m.inputNames());
        assertEquals(List.of("sum", "relu", "diff", "first", "second"), m.outputNames());
        assertEquals(10, m.valueCount());
        assertEquals(Shape.of(6), m.valueShape(7));
        assertEquals(Shape.of(3), m.valueShape(9));
        assertEquals(12, m.paramCount(), "the shared Dense (9 weights + 3 biases) counts once");
    }

    @Test
    void predictByName() {
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("b", B); // order of the map does not matter
        in.put("a", A);
        Map<String, Tensor> out = graph().predict(in);
        assertEquals(List.of("sum", "relu", "diff", "first", "second"), new ArrayList<>(out.keySet()));
        assertArrayEquals(SUM, out.get("sum").data());
        assertArrayEquals(RELU, out.get("relu").data());
        assertArrayEquals(DIFF, out.get("diff").data());
        assertArrayEquals(DIFF, out.get("second").data());
    }

    static PredictException assertPredictError(String mustContain, org.junit.jupiter.api.function.Executable e) {
        PredictException ex = assertThrows(PredictException.class, e);
        assertTrue(ex.getMessage().contains(mustContain), "message should contain " + mustContain + ": " + ex.getMessage());
        return ex;
    }

    @Test
    void badInputsNameTheInput() {
        Model m = graph();
        // wrong rank
        assertPredictError("'b'", () -> m.predict(A, Tensor.of(new float[6], 2, 3, 1)));
        assertPredictError("'a'", () -> m.predict(Tensor.of(new float[3], 3), B));
        // wrong size
        assertPredictError("'a'", () -> m.predict(Tensor.of(new float[8], 2, 4), B));
        // by name: missing, unknown, wrong size
        assertPredictError("'b'", () -> m.predict(Map.of("a", A)));
        assertPredictError("'c'", () -> m.predict(Map.of("a", A, "b", B, "c", B)));
        assertPredictError("'b'", () -> m.predict(Map.of("a", A, "b", Tensor.of(new float[4], 2, 2))));
        // count, null, batch sizes that disagree
        assertPredictError("2", () -> m.predict(A));
        assertPredictError("'a'", () -> m.predict(new Tensor[] {null, B}));
        assertPredictError("'b'", () -> m.predict(A, Tensor.of(new float[3], 1, 3)));
    }

    @Test
    void unknownDimensionsAcceptAnySize() {
        Model m = new Model("id", List.of(new Model.Input("x", Shape.of(Shape.UNKNOWN, 2))),
                List.of(new Model.Node(new ActivationLayer("relu", "ReLU", Activations.relu()), new int[] {0}, 1)),
                List.of(new Model.Output("y", 1)));
        assertArrayEquals(new float[] {0, 2, 3, 0, 0, 1}, m.predict(Tensor.of(new float[] {-1, 2, 3, -4, 0, 1}, 1, 3, 2))[0].data());
        assertArrayEquals(new float[] {5, 0}, m.predict(Tensor.of(new float[] {5, -5}, 1, 1, 2))[0].data());
        assertPredictError("'x'", () -> m.predict(Tensor.of(new float[3], 1, 1, 3)));
    }

    @Test
    void observerSeesEveryNodeInOrder() {
        Model m = graph();
        List<String> seen = new ArrayList<>();
        List<List<Tensor>> outs = new ArrayList<>();
        Tensor[] result = m.predict(new Tensor[] {A, B}, (node, out) -> {
            seen.add(node.layer().name());
            outs.add(out);
            assertEquals(node.outputs().length, out.size());
        });
        assertEquals(List.of("shared_dense", "shared_dense", "add", "relu", "subtract", "concat", "halves"), seen);
        assertOutputs(result);
        assertArrayEquals(new float[] {2, -3, -8, 1, 1, 1}, outs.get(0).get(0).data());
        assertArrayEquals(new float[] {1, 3, -2, 2, 3, 4}, outs.get(1).get(0).data());
        assertSame(result[0], outs.get(2).get(0), "the output is the value the node computed");
        assertArrayEquals(new float[] {3, 0, 0, 1, 3, -2, 3, 4, 5, 2, 3, 4}, outs.get(5).get(0).data());
        assertSame(result[3], outs.get(6).get(0));
        assertSame(result[4], outs.get(6).get(1));
    }

    @Test
    void anInputCanBeAnOutputAndBeReadByNodes() {
        Model m = new Model("pass", List.of(new Model.Input("x", Shape.of(2))),
                List.of(new Model.Node(new ActivationLayer("relu", "ReLU", Activations.relu()), new int[] {0}, 1),
                        new Model.Node(new Add("add"), new int[] {0, 1}, 2)),
                List.of(new Model.Output("y", 2), new Model.Output("x_out", 0), new Model.Output("r", 1)));
        Tensor x = Tensor.of(new float[] {-1, 2}, 1, 2);
        Tensor[] out = m.predict(x);
        assertArrayEquals(new float[] {-1, 4}, out[0].data());
        assertSame(x, out[1]);
        assertArrayEquals(new float[] {0, 2}, out[2].data());
    }

    @Test
    void constructorRejectsBadGraphs() {
        List<Model.Input> in = List.of(new Model.Input("x", Shape.of(2)));
        ActivationLayer relu = new ActivationLayer("relu", "ReLU", Activations.relu());
        assertThrows(IllegalArgumentException.class, () -> new Model("m", in, List.of(new Model.Node(relu, new int[] {1}, 1)),
                List.of(new Model.Output("y", 1))), "a node reading its own output");
        assertThrows(IllegalArgumentException.class, () -> new Model("m", in, List.of(new Model.Node(relu, new int[] {0}, 2)),
                List.of(new Model.Output("y", 2))), "values must be numbered in order");
        assertThrows(IllegalArgumentException.class, () -> new Model("m", in, List.of(new Model.Node(relu, new int[] {0}, 1)),
                List.of(new Model.Output("y", 5))), "an output reading no value");
        assertThrows(IllegalArgumentException.class, () -> new Model("m", in, List.of(new Model.Node(relu, new int[] {0}, new int[] {1, 2})),
                List.of(new Model.Output("y", 1))), "a single-output layer given two outputs");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Model("m", in,
                List.of(new Model.Node(diagonalDense("dense_9"), new int[] {0}, 1)), List.of(new Model.Output("y", 1))));
        assertTrue(e.getMessage().contains("dense_9"), e.getMessage());
    }

    // ---- masks ----

    /** Test-only: makes a mask (keep step t of sample b when x[b][t][0] != 0), like Masking(mask_value=0). */
    static final class MaskMaker extends Layer {
        MaskMaker(String name) {
            super(name);
        }

        @Override public String kerasClass() { return "MaskMaker"; }
        @Override public Shape outputShape(List<Shape> inputs) { return inputs.get(0); }
        @Override public Tensor forward(List<Tensor> inputs) { return inputs.get(0); }

        @Override
        public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
            return List.of(true);
        }

        @Override
        public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
            Tensor x = inputs.get(0);
            int b = x.batch(), t = x.shape().dim(1), f = x.shape().dim(2);
            boolean[] keep = new boolean[b * t];
            for (int i = 0; i < b * t; i++) keep[i] = x.data()[i * f] != 0;
            return new Mask(b, t, keep);
        }
    }

    /** Test-only: records the masks it is given (the string "none" when Model calls the mask-free forwardAll). */
    static final class Recorder extends Layer {
        final List<Object> seen = new ArrayList<>();

        Recorder(String name) {
            super(name);
        }

        @Override public String kerasClass() { return "Recorder"; }
        @Override public Shape outputShape(List<Shape> inputs) { return inputs.get(0); }
        @Override public Tensor forward(List<Tensor> inputs) { seen.add("none"); return inputs.get(0); }

        @Override
        public List<Tensor> forwardAll(List<Tensor> inputs, List<Mask> masks) {
            seen.add(new ArrayList<>(masks));
            return List.of(inputs.get(0));
        }
    }

    static boolean[] keeps(Mask m) {
        boolean[] k = new boolean[m.batch() * m.steps()];
        for (int b = 0; b < m.batch(); b++) for (int t = 0; t < m.steps(); t++) k[b * m.steps() + t] = m.keep(b, t);
        return k;
    }

    /**
     * x (2, 3, 2) with steps (1,0) [kept], (0,5) [masked], (2,2) [kept] / (0,0), (3,3), (0,1):
     * made -> relu (propagates) -> recorder1; made + y (unmasked) -> recorder2 (Keras 2: AND of one mask = that mask);
     * made -> Flatten (does not propagate) -> recorder3 sees no mask.
     */
    @Test
    void masksPropagateThroughTheGraph() {
        Recorder r1 = new Recorder("r1"), r2 = new Recorder("r2"), r3 = new Recorder("r3");
        List<Model.Node> nodes = List.of(
                new Model.Node(new MaskMaker("masking"), new int[] {0}, 2),
                new Model.Node(new ActivationLayer("relu", "ReLU", Activations.relu()), new int[] {2}, 3),
                new Model.Node(r1, new int[] {3}, 4),
                new Model.Node(new Add("add", Semantics.KERAS_1_2), new int[] {2, 1}, 5),
                new Model.Node(r2, new int[] {5}, 6),
                new Model.Node(new Flatten("flatten", false), new int[] {2}, 7),
                new Model.Node(r3, new int[] {7}, 8),
                new Model.Node(r3, new int[] {1}, 9));
        Model m = new Model("masked", List.of(new Model.Input("x", Shape.of(3, 2)), new Model.Input("y", Shape.of(3, 2))), nodes,
                List.of(new Model.Output("o1", 4), new Model.Output("o2", 6), new Model.Output("o3", 8), new Model.Output("o4", 9)));
        Tensor x = Tensor.of(new float[] {1, 0, 0, 5, 2, 2, 0, 0, 3, 3, 0, 1}, 2, 3, 2);
        Tensor y = Tensor.of(new float[12], 2, 3, 2);
        Tensor[] out = m.predict(x, y);
        assertArrayEquals(new float[] {1, 0, 0, 5, 2, 2, 0, 0, 3, 3, 0, 1}, out[0].data());

        boolean[] want = {true, false, true, false, true, false};
        assertEquals(1, r1.seen.size());
        Mask got1 = (Mask) ((List<?>) r1.seen.get(0)).get(0);
        assertArrayEquals(want, keeps(got1));
        assertEquals(1, r2.seen.size());
        assertArrayEquals(want, keeps((Mask) ((List<?>) r2.seen.get(0)).get(0)));
        // after Flatten, and on the unmasked input, no mask: Model calls the plain forward
        assertEquals(List.of("none", "none"), r3.seen);
    }

    /** Keras 2 Add of two masked values: the output mask is their AND. */
    @Test
    void mergeOfTwoMaskedValuesAndsTheMasks() {
        Recorder r = new Recorder("r");
        List<Model.Node> nodes = List.of(
                new Model.Node(new MaskMaker("m1"), new int[] {0}, 2),
                new Model.Node(new MaskMaker("m2"), new int[] {1}, 3),
                new Model.Node(new Add("add", Semantics.KERAS_1_2), new int[] {2, 3}, 4),
                new Model.Node(r, new int[] {4}, 5),
                new Model.Node(r, new int[] {2, 3}, 6));
        Model m = new Model("and", List.of(new Model.Input("x", Shape.of(3, 1)), new Model.Input("y", Shape.of(3, 1))), nodes,
                List.of(new Model.Output("o", 5), new Model.Output("p", 6)));
        Tensor x = Tensor.of(new float[] {1, 1, 0, 1, 0, 1}, 2, 3, 1);
        Tensor y = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 2, 3, 1);
        m.predict(x, y);
        assertEquals(2, r.seen.size());
        List<?> first = (List<?>) r.seen.get(0);
        assertEquals(1, first.size());
        assertArrayEquals(new boolean[] {true, false, false, true, false, true}, keeps((Mask) first.get(0)));
        List<?> second = (List<?>) r.seen.get(1);
        assertArrayEquals(new boolean[] {true, true, false, true, false, true}, keeps((Mask) second.get(0)));
        assertArrayEquals(new boolean[] {true, false, false, true, true, true}, keeps((Mask) second.get(1)));
    }

    @Test
    void layersThatDoNotPropagateGiveNoMask() {
        Mask m = new Mask(1, 2, new boolean[] {true, false});
        Tensor t = Tensor.of(new float[4], 1, 2, 2);
        assertNull(new Flatten("f", false).outputMask(List.of(t), List.of(m)));
        assertSame(m, new ActivationLayer("a", "Activation", Activations.relu()).outputMask(List.of(t), List.of(m)));
        assertSame(m, diagonalDense("d").outputMask(List.of(t), Arrays.asList(m)));
    }
}
