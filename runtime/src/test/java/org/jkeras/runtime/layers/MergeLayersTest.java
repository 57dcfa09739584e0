package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.assertBits;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Add, Subtract, Multiply, Average, Maximum, Minimum: hand-checked values, broadcasting, input counts, shape errors. */
class MergeLayersTest {

    /** A binary form of each merge, written from its definition. */
    interface Op {
        float apply(float x, float y);
    }

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("Add", (Function<String, ElementwiseMerge>) Add::new, (Op) (x, y) -> x + y),
                Arguments.of("Subtract", (Function<String, ElementwiseMerge>) Subtract::new, (Op) (x, y) -> x - y),
                Arguments.of("Multiply", (Function<String, ElementwiseMerge>) Multiply::new, (Op) (x, y) -> x * y),
                Arguments.of("Average", (Function<String, ElementwiseMerge>) Average::new, (Op) (x, y) -> (x + y) / 2f),
                Arguments.of("Maximum", (Function<String, ElementwiseMerge>) Maximum::new, (Op) (x, y) -> x > y ? x : y),
                Arguments.of("Minimum", (Function<String, ElementwiseMerge>) Minimum::new, (Op) (x, y) -> x < y ? x : y));
    }

    // batch 2, sample (2, 3)
    static final float[] X = {1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12};
    // batch 2, sample (1, 3)
    static final float[] R = {-1.5f, 2.5f, -3.5f, 4.5f, -5.5f, 6.5f};
    // batch 2, sample (3,)
    static final float[] V = {0.5f, -7, 2, -3, 8, -0.25f};
    // batch 2, sample (2, 1)
    static final float[] C = {2, -1, 0.5f, 3};

    // ---- literal values, same shapes ----

    @Test
    void addLiteral() {
        Tensor a = tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = tensor(new float[] {10, 20, 30, 40, 50, 60}, 2, 3);
        Tensor c = tensor(new float[] {0.5f, 0.5f, 0.5f, -1, -1, -1}, 2, 3);
        assertBits(new float[] {11, 22, 33, 44, 55, 66}, run(new Add("add"), a, b).data());
        assertBits(new float[] {11.5f, 22.5f, 33.5f, 43, 54, 65}, run(new Add("add"), a, b, c).data());
    }

    @Test
    void subtractLiteralIsFirstMinusSecond() {
        Tensor a = tensor(new float[] {5, 7, 9}, 1, 3);
        Tensor b = tensor(new float[] {1, 2, 3}, 1, 3);
        assertBits(new float[] {4, 5, 6}, run(new Subtract("sub"), a, b).data());
        assertBits(new float[] {-4, -5, -6}, run(new Subtract("sub"), b, a).data());
    }

    @Test
    void multiplyLiteral() {
        Tensor a = tensor(new float[] {1, 2, 3}, 1, 3);
        Tensor b = tensor(new float[] {4, 5, 6}, 1, 3);
        Tensor c = tensor(new float[] {2, 2, 0.5f}, 1, 3);
        assertBits(new float[] {4, 10, 18}, run(new Multiply("mul"), a, b).data());
        assertBits(new float[] {8, 20, 9}, run(new Multiply("mul"), a, b, c).data());
    }

    @Test
    void maximumAndMinimumLiteral() {
        Tensor a = tensor(new float[] {1, -5, 3}, 1, 3);
        Tensor b = tensor(new float[] {0, -2, 7}, 1, 3);
        Tensor c = tensor(new float[] {-1, -9, 2}, 1, 3);
        assertBits(new float[] {1, -2, 7}, run(new Maximum("max"), a, b, c).data());
        assertBits(new float[] {-1, -9, 2}, run(new Minimum("min"), a, b, c).data());
    }

    @Test
    void averageOfThree() {
        Tensor a = tensor(new float[] {1, 2, 3}, 1, 3);
        Tensor b = tensor(new float[] {4, 5, 6}, 1, 3);
        Tensor c = tensor(new float[] {7, 8, 10}, 1, 3);
        assertBits(new float[] {4, 5, 19f / 3f}, run(new Average("avg"), a, b, c).data());
    }

    /**
     * Keras sums left to right in float32, then divides: (1e8 + -1e8) + 1 = 1 -> 1/3, while (1 + 1e8) + -1e8 = 0
     * because 1e8 + 1 rounds back to 1e8 (float32 spacing there is 8).
     */
    @Test
    void averageDividesAfterTheLeftToRightSum() {
        Tensor a = tensor(new float[] {1e8f, 1f}, 1, 2);
        Tensor b = tensor(new float[] {-1e8f, 1e8f}, 1, 2);
        Tensor c = tensor(new float[] {1f, -1e8f}, 1, 2);
        assertBits(new float[] {1f / 3f, 0f}, run(new Average("avg"), a, b, c).data());
    }

    // ---- broadcasting, every mode ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void sameShapes(String kind, Function<String, ElementwiseMerge> make, Op op) {
        Tensor x = tensor(X, 2, 2, 3);
        float[] y = new float[12];
        for (int i = 0; i < 12; i++) y[i] = (i % 5) - 2.5f;
        float[] expected = new float[12];
        for (int i = 0; i < 12; i++) expected[i] = op.apply(X[i], y[i]);
        assertBits(expected, run(make.apply("m"), x, tensor(y, 2, 2, 3)).data());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void broadcastsSampleShape2x3With1x3(String kind, Function<String, ElementwiseMerge> make, Op op) {
        float[] expected = new float[12], reversed = new float[12];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    float x = X[b * 6 + i * 3 + j], r = R[b * 3 + j];
                    expected[b * 6 + i * 3 + j] = op.apply(x, r);
                    reversed[b * 6 + i * 3 + j] = op.apply(r, x);
                }
            }
        }
        Tensor out = run(make.apply("m"), tensor(X, 2, 2, 3), tensor(R, 2, 1, 3));
        assertEquals(shape(2, 2, 3), out.shape());
        assertBits(expected, out.data());
        assertBits(reversed, run(make.apply("m"), tensor(R, 2, 1, 3), tensor(X, 2, 2, 3)).data());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void broadcastsSampleShape2x3WithVector3(String kind, Function<String, ElementwiseMerge> make, Op op) {
        float[] expected = new float[12], reversed = new float[12];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    float x = X[b * 6 + i * 3 + j], v = V[b * 3 + j];
                    expected[b * 6 + i * 3 + j] = op.apply(x, v);
                    reversed[b * 6 + i * 3 + j] = op.apply(v, x);
                }
            }
        }
        assertBits(expected, run(make.apply("m"), tensor(X, 2, 2, 3), tensor(V, 2, 3)).data());
        Tensor out = run(make.apply("m"), tensor(V, 2, 3), tensor(X, 2, 2, 3));
        assertEquals(shape(2, 2, 3), out.shape());
        assertBits(reversed, out.data());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void broadcastsBothSides1x3With2x1(String kind, Function<String, ElementwiseMerge> make, Op op) {
        float[] expected = new float[12];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) expected[b * 6 + i * 3 + j] = op.apply(R[b * 3 + j], C[b * 2 + i]);
            }
        }
        Tensor out = run(make.apply("m"), tensor(R, 2, 1, 3), tensor(C, 2, 2, 1));
        assertEquals(shape(2, 2, 3), out.shape());
        assertBits(expected, out.data());
    }

    @Test
    void addBroadcastLiteral() {
        // sample (2,3) + sample (1,3): each row of the first gets the second's row added
        Tensor a = LayerTesting.arange(1, 2, 2, 3);
        Tensor r = tensor(new float[] {10, 20, 30, 40, 50, 60}, 2, 1, 3);
        assertBits(new float[] {11, 22, 33, 14, 25, 36, 47, 58, 69, 50, 61, 72}, run(new Add("add"), a, r).data());
        Tensor v = tensor(new float[] {100, 200, 300, 400, 500, 600}, 2, 3);
        assertBits(new float[] {101, 202, 303, 104, 205, 306, 407, 508, 609, 410, 511, 612}, run(new Add("add"), a, v).data());
    }

    @Test
    void broadcastWithThreeInputsOfDifferentShapes() {
        // ((x + r) + v) with x (2,3), r (1,3), v (3,): left-to-right fold, each broadcast
        float[] expected = new float[12];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    expected[b * 6 + i * 3 + j] = (X[b * 6 + i * 3 + j] + R[b * 3 + j] + V[b * 3 + j]) / 3f;
                }
            }
        }
        assertBits(expected, run(new Average("avg"), tensor(X, 2, 2, 3), tensor(R, 2, 1, 3), tensor(V, 2, 3)).data());
    }

    @Test
    void outputShapesBroadcast() {
        assertEquals(shape(2, 3), new Add("a").outputShape(List.of(shape(2, 3), shape(1, 3))));
        assertEquals(shape(2, 3), new Add("a").outputShape(List.of(shape(3), shape(2, 3))));
        assertEquals(shape(4, 2, 3), new Multiply("m").outputShape(List.of(shape(4, 1, 3), shape(2, 1))));
        assertEquals(shape(Shape.UNKNOWN, 3), new Maximum("m").outputShape(List.of(shape(Shape.UNKNOWN, 3), shape(1, 3))));
        assertEquals(shape(Shape.UNKNOWN, 3), new Maximum("m").outputShape(List.of(shape(1, 3), shape(Shape.UNKNOWN, 3))));
    }

    // ---- counts and errors ----

    @Test
    void subtractNeedsExactlyTwoInputs() {
        Shape s = shape(3);
        IllegalArgumentException e = assertNamedError("sub_1", () -> new Subtract("sub_1").outputShape(List.of(s, s, s)));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
        assertNamedError("sub_1", () -> new Subtract("sub_1").outputShape(List.of(s)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void needsAtLeastTwoInputs(String kind, Function<String, ElementwiseMerge> make, Op op) {
        assertNamedError("merge_9", () -> make.apply("merge_9").outputShape(List.of(shape(3))));
        assertNamedError("merge_9", () -> make.apply("merge_9").outputShape(List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void shapesThatDoNotBroadcastFailWithTheLayerName(String kind, Function<String, ElementwiseMerge> make, Op op) {
        ElementwiseMerge m = make.apply("merge_bad");
        IllegalArgumentException e = assertNamedError("merge_bad", () -> m.outputShape(List.of(shape(2, 3), shape(4))));
        assertTrue(e.getMessage().contains(kind), e.getMessage());
        assertNamedError("merge_bad", () -> m.outputShape(List.of(shape(2, 3), shape(3, 3))));
        assertNamedError("merge_bad", () -> m.outputShape(List.of(shape(2, 3), shape(2, 1), shape(5, 3))));
    }

    @Test
    void keras2MaskIsTheAndOfTheInputMasks() {
        org.jkeras.runtime.Mask m1 = new org.jkeras.runtime.Mask(2, 3, new boolean[] {true, true, false, true, false, true});
        org.jkeras.runtime.Mask m2 = new org.jkeras.runtime.Mask(2, 3, new boolean[] {true, false, false, true, true, true});
        Tensor t = tensor(new float[12], 2, 3, 2);
        org.jkeras.runtime.Mask m = new Add("add", org.jkeras.activations.Semantics.KERAS_1_2).outputMask(List.of(t, t, t), java.util.Arrays.asList(m1, null, m2));
        boolean[] want = {true, false, false, true, false, true};
        for (int b = 0; b < 2; b++) for (int s = 0; s < 3; s++) assertEquals(want[b * 3 + s], m.keep(b, s), "b=" + b + " s=" + s);
        assertEquals(null, new Multiply("mul").outputMask(List.of(t, t), java.util.Arrays.asList(null, null)));
    }

    static Stream<Arguments> broadcastShapes() {
        return Stream.of(
                Arguments.of(new int[] {2, 3, 4, 5}, new int[] {2, 1, 1, 5}),   // squeeze-and-excitation: one run of channels per sample
                Arguments.of(new int[] {2, 3, 4, 5}, new int[] {1, 1, 1, 5}),   // a constant of batch 1
                Arguments.of(new int[] {2, 3, 4, 5}, new int[] {2, 4, 5}),      // lower rank, aligned right
                Arguments.of(new int[] {2, 3, 4, 5}, new int[] {2, 3, 1, 5}),   // not one run: expanded
                Arguments.of(new int[] {2, 3, 1, 5}, new int[] {2, 1, 4, 1}),   // both broadcast
                Arguments.of(new int[] {2, 1, 1, 5}, new int[] {2, 3, 4, 5}));  // the small one first
    }

    /** Every merge on broadcast operands equals its definition element by element, on every path (runs, expansion). */
    @ParameterizedTest
    @MethodSource("broadcastShapes")
    void broadcastRunsEqualTheDefinition(int[] a, int[] b) {
        Shape sa = Shape.of(a), sb = Shape.of(b);
        Tensor ta = random(sa, 3), tb = random(sb, 11);
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        out[0] = Math.max(a[0], b[0]);
        for (int i = 1; i < rank; i++) out[i] = Math.max(dimFromRight(a, rank, i), dimFromRight(b, rank, i));
        Shape so = Shape.of(out);
        modes().forEach(args -> {
            Object[] m = args.get();
            @SuppressWarnings("unchecked")
            ElementwiseMerge layer = ((Function<String, ElementwiseMerge>) m[1]).apply("m");
            Op op = (Op) m[2];
            Tensor y = layer.forward(List.of(ta, tb));
            assertEquals(so, y.shape(), (String) m[0]);
            int[] idx = new int[rank];
            for (int k = 0; k < so.size(); k++) {
                int r = k;
                for (int i = rank - 1; i >= 0; i--) {
                    idx[i] = r % out[i];
                    r /= out[i];
                }
                float want = op.apply(ta.data()[at(a, rank, idx)], tb.data()[at(b, rank, idx)]);
                assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(y.data()[k]), m[0] + " element " + k);
            }
        });
    }

    /** Dimension of {@code dims} (batch first, sample aligned right) on output axis {@code i} of a rank-{@code rank} output. */
    private static int dimFromRight(int[] dims, int rank, int i) {
        int j = i - (rank - dims.length);
        return j >= 1 ? dims[j] : 1;
    }

    /** Flat index into {@code dims} for output index {@code idx}, broadcasting size-1 axes. */
    private static int at(int[] dims, int rank, int[] idx) {
        int flat = 0;
        for (int i = 0; i < rank; i++) {
            int d = i == 0 ? dims[0] : dimFromRight(dims, rank, i);
            int j = i == 0 ? 0 : i - (rank - dims.length);
            if (i > 0 && j < 1) continue;
            flat = flat * d + (d == 1 ? 0 : idx[i]);
        }
        return flat;
    }

    private static Tensor random(Shape s, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] d = new float[s.size()];
        for (int i = 0; i < d.length; i++) d[i] = (float) r.nextDouble(-2, 2);
        return new Tensor(s, d);
    }
}
