package org.jkeras.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Window;
import org.jkeras.runtime.layers.ActivationLayer;
import org.jkeras.runtime.layers.Add;
import org.jkeras.runtime.layers.AddNormalization;
import org.jkeras.runtime.layers.LayerNormalization;
import org.jkeras.runtime.ops.BinaryOp;
import org.jkeras.runtime.layers.AveragePooling2D;
import org.jkeras.runtime.layers.BasePooling;
import org.jkeras.runtime.layers.BatchNormalization;
import org.jkeras.runtime.layers.DepthwiseConv2D;
import org.jkeras.runtime.layers.ZeroPadding2D;
import org.jkeras.runtime.layers.Conv2D;
import org.jkeras.runtime.layers.ConvAdd;
import org.jkeras.runtime.layers.ConvPooling;
import org.jkeras.runtime.layers.Identity;
import org.jkeras.runtime.layers.MaxPooling2D;
import org.jkeras.runtime.layers.Dense;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Fusion: same bits out, one node fewer, and only where it is safe. */
class FusionTest {

    static Dense dense(String name, int in, int units, long seed, Activation act) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] k = new float[in * units], b = new float[units];
        for (int i = 0; i < k.length; i++) k[i] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < units; i++) b[i] = (float) r.nextDouble(-0.5, 0.5);
        return new Dense(name, DenseKernel.pack(k, b, in, units, act), true, List.of());
    }

    static Dense dense(String name, int in, int units, long seed) {
        return dense(name, in, units, seed, null);
    }

    static Tensor input(int batch, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[batch * width];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-3, 3);
        return Tensor.of(x, batch, width);
    }

    static ActivationLayer act(String name, Activation a) {
        return new ActivationLayer(name, "Activation", a);
    }

    static void assertSameBits(Tensor[] expected, Tensor[] actual) {
        assertEquals(expected.length, actual.length);
        for (int o = 0; o < expected.length; o++) {
            assertEquals(expected[o].shape(), actual[o].shape());
            float[] e = expected[o].data(), a = actual[o].data();
            for (int i = 0; i < e.length; i++) {
                if (Float.floatToIntBits(e[i]) != Float.floatToIntBits(a[i])) {
                    throw new AssertionError("output " + o + " element " + i + ": unfused " + e[i] + ", fused " + a[i]);
                }
            }
        }
    }

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of("relu", Activations.relu()),
                Arguments.of("sigmoid", Activations.byName("sigmoid", Semantics.KERAS_3)),
                Arguments.of("tanh", Activations.tanh()),
                Arguments.of("gelu", Activations.byName("gelu", Semantics.KERAS_3)),
                Arguments.of("leaky_relu", Activations.leakyRelu(0.3f)),
                Arguments.of("hard_sigmoid 1/2", Activations.hardSigmoid(Semantics.KERAS_1_2)),
                Arguments.of("softmax", Activations.softmax()),
                Arguments.of("glu", Activations.byName("glu", Semantics.KERAS_3)));
    }

    /** input (7) -> Dense(linear, 10) -> Activation: fused and unfused agree bit for bit at several batch sizes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void denseThenActivationFusesWithIdenticalBits(String label, Activation a) {
        Model m = new Model("chain", List.of(new Model.Input("x", Shape.of(7))),
                List.of(new Model.Node(dense("dense_1", 7, 10, 1), new int[] {0}, 1),
                        new Model.Node(act("act_1", a), new int[] {1}, 2)),
                List.of(new Model.Output("y", 2)));
        Model f = Fusion.fuseDenseActivations(m);
        assertEquals(m.nodes().size() - 1, f.nodes().size());
        Dense fused = (Dense) f.nodes().get(0).layer();
        assertEquals("dense_1", fused.name());
        assertEquals(List.of("act_1"), fused.fusedFrom());
        assertTrue(fused.details().contains("act_1"), fused.details());
        assertEquals(m.valueShape(2), f.valueShape(f.outputs().get(0).value()));
        assertEquals(m.outputNames(), f.outputNames());
        for (int batch : new int[] {1, 2, 7, 97, 300}) {
            Tensor x = input(batch, 7, batch);
            assertSameBits(m.predict(x), f.predict(x));
        }
    }

    /** Dense on (batch, steps, features) with a last-axis softmax: fused per row of the flattened steps. */
    @Test
    void rank3InputFusesWithIdenticalBits() {
        Model m = new Model("seq", List.of(new Model.Input("x", Shape.of(3, 7))),
                List.of(new Model.Node(dense("d", 7, 5, 21), new int[] {0}, 1),
                        new Model.Node(act("sm", Activations.softmax()), new int[] {1}, 2)),
                List.of(new Model.Output("y", 2)));
        Model f = Fusion.fuseDenseActivations(m);
        assertEquals(1, f.nodes().size());
        assertEquals(Shape.of(3, 5), f.valueShape(f.outputs().get(0).value()));
        assertEquals(m.paramCount(), f.paramCount());
        for (int batch : new int[] {1, 4, 50}) {
            SplittableRandom r = new SplittableRandom(batch);
            float[] x = new float[batch * 21];
            for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-3, 3);
            Tensor t = Tensor.of(x, batch, 3, 7);
            assertSameBits(m.predict(t), f.predict(t));
        }
    }

    /** Two Dense + activation pairs with an Add after them: both pairs fuse, everything downstream is renumbered. */
    @Test
    void twoPairsFuseInABranchingGraph() {
        Dense d1 = dense("d1", 5, 6, 11), d2 = dense("d2", 5, 6, 12), d3 = dense("d3", 6, 4, 13);
        Model m = new Model("branch", List.of(new Model.Input("x", Shape.of(5))),
                List.of(new Model.Node(d1, new int[] {0}, 1),
                        new Model.Node(d2, new int[] {0}, 2),
                        new Model.Node(act("r1", Activations.relu()), new int[] {1}, 3),
                        new Model.Node(act("t2", Activations.tanh()), new int[] {2}, 4),
                        new Model.Node(new Add("add"), new int[] {3, 4}, 5),
                        new Model.Node(d3, new int[] {5}, 6),
                        new Model.Node(act("s3", Activations.softmax()), new int[] {6}, 7)),
                List.of(new Model.Output("y", 7), new Model.Output("sum", 5)));
        Model f = Fusion.fuseDenseActivations(m);
        assertEquals(4, f.nodes().size());
        assertEquals(List.of("d1", "d2", "add", "d3"), f.nodes().stream().map(n -> n.layer().name()).toList());
        assertEquals(List.of("r1"), ((Dense) f.nodes().get(0).layer()).fusedFrom());
        assertEquals(List.of("t2"), ((Dense) f.nodes().get(1).layer()).fusedFrom());
        assertEquals(List.of("s3"), ((Dense) f.nodes().get(3).layer()).fusedFrom());
        for (int batch : new int[] {1, 5, 130}) {
            Tensor x = input(batch, 5, 100 + batch);
            assertSameBits(m.predict(x), f.predict(x));
        }
    }

    @Test
    void onlyTheFirstOfTwoActivationsFuses() {
        Model m = new Model("twice", List.of(new Model.Input("x", Shape.of(4))),
                List.of(new Model.Node(dense("d", 4, 3, 3), new int[] {0}, 1),
                        new Model.Node(act("a1", Activations.tanh()), new int[] {1}, 2),
                        new Model.Node(act("a2", Activations.relu()), new int[] {2}, 3)),
                List.of(new Model.Output("y", 3)));
        Model f = Fusion.fuseDenseActivations(m);
        assertEquals(2, f.nodes().size());
        assertEquals(List.of("a1"), ((Dense) f.nodes().get(0).layer()).fusedFrom());
        assertEquals("a2", f.nodes().get(1).layer().name());
        Tensor x = input(9, 4, 9);
        assertSameBits(m.predict(x), f.predict(x));
    }

    static void assertUnchanged(Model m) {
        Model f = Fusion.fuseDenseActivations(m);
        assertEquals(m.nodes().size(), f.nodes().size());
        for (int i = 0; i < m.nodes().size(); i++) {
            assertSame(m.nodes().get(i).layer(), f.nodes().get(i).layer(), "node " + i + " kept as is");
        }
        Tensor x = input(6, m.inputs().get(0).shape().dim(0), 6);
        assertSameBits(m.predict(x), f.predict(x));
    }

    @Test
    void denseThatIsAlsoAModelOutputIsNotFused() {
        assertUnchanged(new Model("out", List.of(new Model.Input("x", Shape.of(4))),
                List.of(new Model.Node(dense("d", 4, 3, 4), new int[] {0}, 1),
                        new Model.Node(act("a", Activations.relu()), new int[] {1}, 2)),
                List.of(new Model.Output("y", 2), new Model.Output("logits", 1))));
    }

    @Test
    void denseReadByTwoNodesIsNotFused() {
        assertUnchanged(new Model("two_readers", List.of(new Model.Input("x", Shape.of(4))),
                List.of(new Model.Node(dense("d", 4, 3, 5), new int[] {0}, 1),
                        new Model.Node(act("a", Activations.relu()), new int[] {1}, 2),
                        new Model.Node(new Add("add"), new int[] {1, 2}, 3)),
                List.of(new Model.Output("y", 3))));
    }

    @Test
    void denseReadTwiceByOneActivationNodeIsNotFused() {
        // two activation nodes reading the same Dense output
        assertUnchanged(new Model("two_acts", List.of(new Model.Input("x", Shape.of(4))),
                List.of(new Model.Node(dense("d", 4, 3, 6), new int[] {0}, 1),
                        new Model.Node(act("a", Activations.relu()), new int[] {1}, 2),
                        new Model.Node(act("b", Activations.tanh()), new int[] {1}, 3)),
                List.of(new Model.Output("y", 2), new Model.Output("z", 3))));
    }

    @Test
    void sharedDenseIsNotFused() {
        Dense shared = dense("shared", 4, 4, 7);
        assertUnchanged(new Model("shared", List.of(new Model.Input("x", Shape.of(4))),
                List.of(new Model.Node(shared, new int[] {0}, 1),
                        new Model.Node(act("a", Activations.relu()), new int[] {1}, 2),
                        new Model.Node(shared, new int[] {2}, 3),
                        new Model.Node(act("b", Activations.relu()), new int[] {3}, 4)),
                List.of(new Model.Output("y", 4))));
    }

    @Test
    void denseWithItsOwnActivationIsNotFused() {
        assertUnchanged(new Model("own", List.of(new Model.Input("x", Shape.of(4))),
                List.of(new Model.Node(dense("d", 4, 3, 8, Activations.tanh()), new int[] {0}, 1),
                        new Model.Node(act("a", Activations.relu()), new int[] {1}, 2)),
                List.of(new Model.Output("y", 2))));
    }

    @Test
    void activationOnAnInputIsNotFused() {
        assertUnchanged(new Model("input_act", List.of(new Model.Input("x", Shape.of(4))),
                List.of(new Model.Node(act("a", Activations.relu()), new int[] {0}, 1),
                        new Model.Node(dense("d", 4, 3, 9), new int[] {1}, 2)),
                List.of(new Model.Output("y", 2))));
    }

    static Stream<Arguments> convPoolings() {
        Window valid2 = new Window(2, new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1}, Padding.VALID, false);
        Window same3 = new Window(2, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, Padding.SAME, false);
        return Stream.of(
                Arguments.of("relu, max 2x2", 1, 32, Padding.VALID, Activations.relu(), new MaxPooling2D("pool", valid2)),
                Arguments.of("relu, max 3x3 /2 same", 3, 20, Padding.SAME, Activations.relu(), new MaxPooling2D("pool", same3)),
                Arguments.of("relu, average 2x2", 2, 16, Padding.VALID, Activations.relu(), new AveragePooling2D("pool", valid2)),
                Arguments.of("tanh, max 2x2", 1, 48, Padding.SAME, Activations.tanh(), new MaxPooling2D("pool", valid2)),
                Arguments.of("linear, average 3x3 /2 same", 4, 7, Padding.VALID, null, new AveragePooling2D("pool", same3)));
    }

    /** Conv2D -> pooling becomes one ConvPooling node with the same bits (a deferred ReLU included). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("convPoolings")
    void convThenPoolingFusesWithIdenticalBits(String label, int cin, int filters, Padding padding, Activation a, BasePooling pool) {
        SplittableRandom r = new SplittableRandom(label.hashCode());
        float[] k = new float[9 * cin * filters], b = new float[filters];
        for (int i = 0; i < k.length; i++) k[i] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < filters; i++) b[i] = (float) r.nextDouble(-0.5, 0.5);
        Window w = new Window(2, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, padding, false);
        Model m = new Model("cnn", List.of(new Model.Input("x", Shape.of(15, 13, cin))),
                List.of(new Model.Node(new Conv2D("conv", w, k, b, cin, filters, 1, a), new int[] {0}, 1),
                        new Model.Node(pool, new int[] {1}, 2)),
                List.of(new Model.Output("y", 2)));
        Model f = Fusion.fuse(m);
        assertEquals(1, f.nodes().size());
        ConvPooling fused = (ConvPooling) f.nodes().get(0).layer();
        assertEquals(List.of("pool"), fused.fusedFrom());
        assertEquals("Conv2D", fused.kerasClass());
        assertEquals(m.valueShape(2), f.valueShape(f.outputs().get(0).value()));
        for (int batch : new int[] {1, 3, 9}) {
            SplittableRandom ri = new SplittableRandom(batch);
            float[] x = new float[batch * 15 * 13 * cin];
            for (int i = 0; i < x.length; i++) x[i] = (float) ri.nextDouble(-2, 2);
            Tensor in = Tensor.of(x, batch, 15, 13, cin);
            assertSameBits(m.predict(in), f.predict(in));
        }
    }

    /** A pooling that is not the convolution's only reader stays a node of its own. */
    @Test
    void convOutputReadTwiceIsNotFused() {
        Window w = new Window(2, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, Padding.VALID, false);
        Window p = new Window(2, new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1}, Padding.VALID, false);
        Model m = new Model("cnn", List.of(new Model.Input("x", Shape.of(8, 8, 1))),
                List.of(new Model.Node(new Conv2D("conv", w, new float[9 * 4], null, 1, 4, 1, Activations.relu()), new int[] {0}, 1),
                        new Model.Node(new MaxPooling2D("pool", p), new int[] {1}, 2)),
                List.of(new Model.Output("pooled", 2), new Model.Output("conv", 1)));
        assertEquals(2, Fusion.fuse(m).nodes().size());
    }

    static BatchNormalization batchNorm(String name, int axis, int channels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] g = new float[channels], b = new float[channels], mean = new float[channels], var = new float[channels];
        for (int c = 0; c < channels; c++) {
            g[c] = (float) r.nextDouble(0.5, 2);
            b[c] = (float) r.nextDouble(-1, 1);
            mean[c] = (float) r.nextDouble(-1, 1);
            var[c] = (float) r.nextDouble(0.2, 3);
        }
        return BatchNormalization.fromStatistics(name, axis, g, b, mean, var, 1e-3f, 4L * channels);
    }

    static Stream<Arguments> convBatchNorms() {
        return Stream.of(Arguments.of("3x3 direct", 3, 1), Arguments.of("1x1 gemm", 1, 1), Arguments.of("3x3 stride 2", 3, 2),
                Arguments.of("depthwise 3x3", -3, 1), Arguments.of("depthwise 5x5 stride 2", -5, 2));
    }

    /**
     * Conv (or DepthwiseConv2D) -> BatchNormalization -> relu6 becomes one node: the BN folded into the weights, the
     * activation into the epilogue. Not bit-identical (folding rounds the weights); the property is that it stays
     * within float32 rounding of the unfused two steps, which {@code fuse(false)} keeps.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("convBatchNorms")
    void convBatchNormActivationFoldIntoOneNode(String label, int size, int stride) {
        boolean depthwise = size < 0;
        int k = Math.abs(size), cin = 24, filters = depthwise ? cin : 40;
        SplittableRandom r = new SplittableRandom(label.hashCode());
        float[] w = new float[k * k * cin * (depthwise ? 1 : filters)], b = new float[filters];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < filters; i++) b[i] = (float) r.nextDouble(-0.5, 0.5);
        Window win = new Window(2, new int[] {k, k}, new int[] {stride, stride}, new int[] {1, 1}, Padding.SAME, false);
        Layer conv = depthwise ? new DepthwiseConv2D("conv", win, w, b, cin, 1, null) : new Conv2D("conv", win, w, b, cin, filters, 1, null);
        Model m = new Model("cnn", List.of(new Model.Input("x", Shape.of(11, 9, cin))),
                List.of(new Model.Node(conv, new int[] {0}, 1), new Model.Node(batchNorm("bn", 2, filters, 5), new int[] {1}, 2),
                        new Model.Node(new ActivationLayer("relu6", "ReLU", Activations.relu(0f, 6f, 0f)), new int[] {2}, 3)),
                List.of(new Model.Output("y", 3)));
        Model f = Fusion.fuse(m);
        assertEquals(1, f.nodes().size(), "conv, bn and activation are one node");
        assertEquals(List.of("bn", "relu6"), f.nodes().get(0).layer().fusedFrom());
        assertEquals(depthwise ? "DepthwiseConv2D" : "Conv2D", f.nodes().get(0).layer().kerasClass());
        for (int batch : new int[] {1, 4}) {
            SplittableRandom ri = new SplittableRandom(batch);
            float[] x = new float[batch * 11 * 9 * cin];
            for (int i = 0; i < x.length; i++) x[i] = (float) ri.nextDouble(-2, 2);
            Tensor in = Tensor.of(x, batch, 11, 9, cin);
            float[] e = m.predict(in)[0].data(), a = f.predict(in)[0].data();
            assertEquals(e.length, a.length);
            int clipped = 0;
            for (int i = 0; i < e.length; i++) {
                assertEquals(e[i], a[i], 2e-5 * (1 + Math.abs(e[i])) * Math.sqrt(k * k * cin), label + " element " + i);
                if (e[i] == 6f || e[i] == 0f) clipped++;
            }
            assertTrue(clipped < e.length, "the case exercises the linear part too");
        }
    }

    /** A BatchNormalization on another axis than the channels, or after a convolution with its own activation, stays. */
    @Test
    void batchNormThatCannotFoldStays() {
        Window win = new Window(2, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, Padding.SAME, false);
        float[] w = new float[9 * 2 * 4];
        Model otherAxis = new Model("cnn", List.of(new Model.Input("x", Shape.of(4, 4, 2))),
                List.of(new Model.Node(new Conv2D("conv", win, w, null, 2, 4, 1, null), new int[] {0}, 1),
                        new Model.Node(batchNorm("bn", 1, 4, 3), new int[] {1}, 2)),
                List.of(new Model.Output("y", 2)));
        assertEquals(2, Fusion.fuse(otherAxis).nodes().size());
        Model activated = new Model("cnn", List.of(new Model.Input("x", Shape.of(4, 4, 2))),
                List.of(new Model.Node(new Conv2D("conv", win, w, null, 2, 4, 1, Activations.relu()), new int[] {0}, 1),
                        new Model.Node(batchNorm("bn", 2, 4, 3), new int[] {1}, 2)),
                List.of(new Model.Output("y", 2)));
        assertEquals(2, Fusion.fuse(activated).nodes().size());
    }

    static Stream<Arguments> paddings() {
        return Stream.of(Arguments.of(new int[] {0, 0}, new int[] {1, 1}, 2), Arguments.of(new int[] {1, 1}, new int[] {1, 1}, 2),
                Arguments.of(new int[] {2, 0}, new int[] {1, 2}, 1));
    }

    /** ZeroPadding2D -> valid DepthwiseConv2D becomes one node with the same bits; the node gives the convolution's output. */
    @ParameterizedTest
    @MethodSource("paddings")
    void zeroPaddingFoldsIntoADepthwiseConvolution(int[] before, int[] after, int stride) {
        int cin = 20;
        SplittableRandom r = new SplittableRandom(before[0] * 7 + after[1]);
        float[] w = new float[9 * cin], b = new float[cin];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < cin; i++) b[i] = (float) r.nextDouble(-0.5, 0.5);
        Window valid = new Window(2, new int[] {3, 3}, new int[] {stride, stride}, new int[] {1, 1}, Padding.VALID, false);
        Model m = new Model("cnn", List.of(new Model.Input("x", Shape.of(9, 8, cin))),
                List.of(new Model.Node(new ZeroPadding2D("pad", false, before, after), new int[] {0}, 1),
                        new Model.Node(new DepthwiseConv2D("dw", valid, w, b, cin, 1, null), new int[] {1}, 2)),
                List.of(new Model.Output("y", 2)));
        Model f = Fusion.fuse(m);
        assertEquals(1, f.nodes().size());
        assertEquals(List.of("pad", "dw"), f.nodes().get(0).layer().fusedFrom());
        assertEquals(m.valueShape(2), f.valueShape(f.outputs().get(0).value()));
        for (int batch : new int[] {1, 3}) {
            SplittableRandom ri = new SplittableRandom(batch);
            float[] x = new float[batch * 9 * 8 * cin];
            for (int i = 0; i < x.length; i++) x[i] = (float) ri.nextDouble(-2, 2);
            Tensor in = Tensor.of(x, batch, 9, 8, cin);
            assertSameBits(m.predict(in), f.predict(in));
        }
    }

    /** Add -> relu (a residual block) becomes one node with the same bits. */
    @Test
    void addThenReluFusesWithIdenticalBits() {
        Model m = new Model("res", List.of(new Model.Input("a", Shape.of(6)), new Model.Input("b", Shape.of(6))),
                List.of(new Model.Node(new Add("add"), new int[] {0, 1}, 2), new Model.Node(act("relu", Activations.relu()), new int[] {2}, 3)),
                List.of(new Model.Output("y", 3)));
        Model f = Fusion.fuse(m);
        assertEquals(1, f.nodes().size());
        assertEquals(List.of("relu"), f.nodes().get(0).layer().fusedFrom());
        Tensor a = input(5, 6, 1), b = input(5, 6, 2);
        Tensor[] expected = m.predict(a, b);
        assertSameBits(expected, f.predict(a, b));
        int zeros = 0;
        for (float v : expected[0].data()) if (v == 0f) zeros++;
        assertTrue(zeros > 0 && zeros < 30, "the relu clips some values and keeps others");
    }

    static Conv2D conv(String name, int size, int cin, int filters, Activation a, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] k = new float[size * size * cin * filters], b = new float[filters];
        for (int i = 0; i < k.length; i++) k[i] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < filters; i++) b[i] = (float) r.nextDouble(-0.5, 0.5);
        Window w = new Window(2, new int[] {size, size}, new int[] {1, 1}, new int[] {1, 1}, Padding.SAME, false);
        return new Conv2D(name, w, k, b, cin, filters, 1, a);
    }

    static Stream<Arguments> convAdds() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int size : new int[] {1, 3}) {
            for (int slot : new int[] {0, 1}) {
                for (boolean relu : new boolean[] {false, true}) {
                    for (boolean dropout : new boolean[] {false, true}) b.add(Arguments.of(size, slot, relu, dropout));
                }
            }
        }
        return b.build();
    }

    /**
     * x -> Conv2D (1x1: the GEMM epilogue; 3x3: the pass after) [-> Dropout] -> Add(with x, at either input) [-> relu]
     * becomes one ConvAdd node giving the same bits as the layers one by one.
     */
    @ParameterizedTest(name = "{0}x{0}, conv at Add input {1}, relu {2}, dropout {3}")
    @MethodSource("convAdds")
    void convThenResidualAddFusesWithIdenticalBits(int size, int slot, boolean relu, boolean dropout) {
        int c = 70; // more than one 64-column panel, the second partial
        List<Model.Node> nodes = new java.util.ArrayList<>();
        nodes.add(new Model.Node(conv("conv", size, c, c, null, 7 * size + slot), new int[] {0}, 1));
        int v = 1;
        if (dropout) nodes.add(new Model.Node(new Identity("drop", "Dropout"), new int[] {v}, ++v));
        nodes.add(new Model.Node(new Add("add"), slot == 0 ? new int[] {v, 0} : new int[] {0, v}, v + 1));
        v++;
        if (relu) nodes.add(new Model.Node(act("relu", Activations.relu()), new int[] {v}, ++v));
        Model m = new Model("res", List.of(new Model.Input("x", Shape.of(9, 11, c))), nodes, List.of(new Model.Output("y", v)));
        Model f = Fusion.fuse(m);
        assertEquals(1, f.nodes().size());
        ConvAdd fused = (ConvAdd) f.nodes().get(0).layer();
        List<String> names = new java.util.ArrayList<>();
        if (dropout) names.add("drop");
        names.add("add");
        if (relu) names.add("relu");
        assertEquals(names, fused.fusedFrom());
        assertEquals(m.valueShape(v), f.valueShape(f.outputs().get(0).value()));
        for (int batch : new int[] {1, 3}) {
            SplittableRandom ri = new SplittableRandom(batch);
            float[] x = new float[batch * 9 * 11 * c];
            for (int i = 0; i < x.length; i++) x[i] = (float) ri.nextDouble(-2, 2);
            Tensor in = Tensor.of(x, batch, 9, 11, c);
            assertSameBits(m.predict(in), f.predict(in));
        }
    }

    /**
     * A projection shortcut: two convolutions into one Add; the second fuses, reading the first's output, and a
     * BatchNormalization after each folds first. Not bit-identical (folding rounds), so held to float rounding.
     */
    @Test
    void projectionShortcutFusesTheSecondConvolution() {
        Model m = new Model("res", List.of(new Model.Input("x", Shape.of(6, 5, 8))),
                List.of(new Model.Node(conv("short", 1, 8, 16, null, 1), new int[] {0}, 1),
                        new Model.Node(batchNorm("short_bn", 2, 16, 2), new int[] {1}, 2),
                        new Model.Node(conv("main", 1, 8, 16, null, 3), new int[] {0}, 3),
                        new Model.Node(batchNorm("main_bn", 2, 16, 4), new int[] {3}, 4),
                        new Model.Node(new Add("add"), new int[] {2, 4}, 5),
                        new Model.Node(act("relu", Activations.relu()), new int[] {5}, 6)),
                List.of(new Model.Output("y", 6)));
        Model f = Fusion.fuse(m);
        assertEquals(2, f.nodes().size());
        assertEquals(List.of("main_bn", "add", "relu"), f.nodes().get(1).layer().fusedFrom());
        Tensor in = Tensor.of(new float[2 * 6 * 5 * 8], 2, 6, 5, 8);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < in.data().length; i++) in.data()[i] = (float) r.nextDouble(-2, 2);
        float[] e = m.predict(in)[0].data(), a = f.predict(in)[0].data();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], a[i], 1e-5f * (1 + Math.abs(e[i])), "element " + i);
    }

    /** An Add that broadcasts its other operand, (C) over (H, W, C), runs the layers one by one inside the node. */
    @Test
    void convAddThatBroadcastsRunsTheLayersOneByOne() {
        Model m = new Model("res", List.of(new Model.Input("x", Shape.of(4, 5, 16)), new Model.Input("bias", Shape.of(16))),
                List.of(new Model.Node(conv("conv", 1, 16, 16, null, 9), new int[] {0}, 2),
                        new Model.Node(new Add("add"), new int[] {2, 1}, 3)),
                List.of(new Model.Output("y", 3)));
        Model f = Fusion.fuse(m);
        assertTrue(f.nodes().get(0).layer() instanceof ConvAdd);
        Tensor x = Tensor.of(new float[2 * 4 * 5 * 16], 2, 4, 5, 16), bias = input(2, 16, 3);
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < x.data().length; i++) x.data()[i] = (float) r.nextDouble(-2, 2);
        assertSameBits(m.predict(x, bias), f.predict(x, bias));
    }

    /** Not fused: a convolution whose output is also read elsewhere, one with its own activation, a three-input Add. */
    @Test
    void convAddFusesOnlyWhereSafe() {
        Shape s = Shape.of(4, 4, 8);
        assertEquals(3, Fusion.fuse(new Model("res", List.of(new Model.Input("x", s)),
                List.of(new Model.Node(conv("conv", 1, 8, 8, null, 1), new int[] {0}, 1),
                        new Model.Node(new Add("add"), new int[] {0, 1}, 2),
                        new Model.Node(act("relu", Activations.relu()), new int[] {1}, 3)),
                List.of(new Model.Output("y", 2), new Model.Output("z", 3)))).nodes().size());
        assertEquals(2, Fusion.fuse(new Model("res", List.of(new Model.Input("x", s)),
                List.of(new Model.Node(conv("conv", 1, 8, 8, Activations.tanh(), 1), new int[] {0}, 1),
                        new Model.Node(new Add("add"), new int[] {0, 1}, 2)),
                List.of(new Model.Output("y", 2)))).nodes().size());
        assertEquals(2, Fusion.fuse(new Model("res", List.of(new Model.Input("x", s)),
                List.of(new Model.Node(conv("conv", 1, 8, 8, null, 1), new int[] {0}, 1),
                        new Model.Node(new Add("add"), new int[] {0, 1, 0}, 2)),
                List.of(new Model.Output("y", 2)))).nodes().size());
    }

    static LayerNormalization layerNorm(String name, int rank, int n, boolean affine, boolean rms, boolean onePass, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] gamma = affine ? new float[n] : null, beta = affine && !rms ? new float[n] : null;
        for (int i = 0; affine && i < n; i++) gamma[i] = (float) r.nextDouble(0.5, 1.5);
        for (int i = 0; beta != null && i < n; i++) beta[i] = (float) r.nextDouble(-0.5, 0.5);
        boolean[] axes = new boolean[rank];
        axes[rank - 1] = true;
        return new LayerNormalization(name, axes, gamma, beta, 1e-3f, rms, onePass);
    }

    static Stream<Arguments> addNorms() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String sum : new String[] {"Add", "ops.add", "Add of 3"}) {
            for (int n : new int[] {256, 37}) {
                for (String form : new String[] {"keras 3", "tf.keras", "rms", "no gamma, beta"}) b.add(Arguments.of(sum, n, form));
            }
        }
        return b.build();
    }

    /**
     * A residual sum (Add layer, {@code x + y} op, three-input Add) then a last-axis LayerNormalization (each form:
     * Keras 3's one-pass variance, tf.keras' two-pass, rms_scaling, no parameters) becomes one AddNormalization node
     * with the same bits, at batch 1 and 500 rows (for 256-wide rows, split over threads when there are several).
     */
    @ParameterizedTest(name = "{0}, rows of {1}, {2}")
    @MethodSource("addNorms")
    void sumThenLayerNormalizationFusesWithIdenticalBits(String sum, int n, String form) {
        boolean three = sum.equals("Add of 3");
        Layer add = sum.equals("ops.add") ? new BinaryOp("add", "Add", BinaryOp.Fn.ADD, null, null) : new Add("add");
        LayerNormalization ln = layerNorm("ln", 2, n, !form.startsWith("no"), form.equals("rms"), !form.equals("tf.keras"), n);
        List<Model.Input> ins = new java.util.ArrayList<>();
        for (int k = 0; k < (three ? 3 : 2); k++) ins.add(new Model.Input("x" + k, Shape.of(5, n)));
        int v = ins.size();
        Model m = new Model("block", ins, List.of(new Model.Node(add, three ? new int[] {0, 1, 2} : new int[] {0, 1}, v),
                new Model.Node(ln, new int[] {v}, v + 1)), List.of(new Model.Output("y", v + 1)));
        Model f = Fusion.fuse(m);
        assertEquals(1, f.nodes().size());
        assertTrue(f.nodes().get(0).layer() instanceof AddNormalization);
        assertEquals(List.of("ln"), f.nodes().get(0).layer().fusedFrom());
        for (int batch : new int[] {1, 100}) {
            Tensor[] x = new Tensor[ins.size()];
            for (int k = 0; k < x.length; k++) {
                SplittableRandom r = new SplittableRandom(31 * batch + k);
                float[] d = new float[batch * 5 * n];
                for (int i = 0; i < d.length; i++) d[i] = (float) (r.nextGaussian() * 3 + 1);
                x[k] = Tensor.of(d, batch, 5, n);
            }
            assertSameBits(m.predict(x), f.predict(x));
        }
    }

    /** A sum that broadcasts, (T, C) + (C), and a normalisation over both sample axes run as the two layers inside the node. */
    @Test
    void addNormalizationFallsBackToTheTwoLayers() {
        Model bcast = new Model("block", List.of(new Model.Input("x", Shape.of(4, 24)), new Model.Input("b", Shape.of(24))),
                List.of(new Model.Node(new Add("add"), new int[] {0, 1}, 2), new Model.Node(layerNorm("ln", 2, 24, true, false, true, 1), new int[] {2}, 3)),
                List.of(new Model.Output("y", 3)));
        LayerNormalization both = new LayerNormalization("ln", new boolean[] {true, true}, null, null, 1e-3f, false, true);
        Model whole = new Model("block", List.of(new Model.Input("x", Shape.of(4, 24)), new Model.Input("z", Shape.of(4, 24))),
                List.of(new Model.Node(new Add("add"), new int[] {0, 1}, 2), new Model.Node(both, new int[] {2}, 3)), List.of(new Model.Output("y", 3)));
        Tensor x = Tensor.of(input(2, 4 * 24, 1).data(), 2, 4, 24), z = Tensor.of(input(2, 4 * 24, 2).data(), 2, 4, 24), b = input(2, 24, 3);
        for (Model m : List.of(bcast, whole)) {
            Model f = Fusion.fuse(m);
            assertTrue(f.nodes().get(0).layer() instanceof AddNormalization);
            Tensor other = m == bcast ? b : z;
            assertSameBits(m.predict(x, other), f.predict(x, other));
        }
    }

    /** Not fused: a sum also read elsewhere (the residual stream itself), and {@code x + 2} (a constant operand). */
    @Test
    void addNormalizationFusesOnlyWhereSafe() {
        Shape s = Shape.of(3, 8);
        assertEquals(2, Fusion.fuse(new Model("block", List.of(new Model.Input("x", s), new Model.Input("z", s)),
                List.of(new Model.Node(new Add("add"), new int[] {0, 1}, 2), new Model.Node(layerNorm("ln", 2, 8, true, false, true, 1), new int[] {2}, 3)),
                List.of(new Model.Output("y", 3), new Model.Output("sum", 2)))).nodes().size());
        assertEquals(2, Fusion.fuse(new Model("block", List.of(new Model.Input("x", s)),
                List.of(new Model.Node(new BinaryOp("add", "Add", BinaryOp.Fn.ADD, null, Tensor.of(new float[] {2f}, 1)), new int[] {0}, 1),
                        new Model.Node(layerNorm("ln", 2, 8, true, false, true, 1), new int[] {1}, 2)),
                List.of(new Model.Output("y", 2)))).nodes().size());
    }
}
