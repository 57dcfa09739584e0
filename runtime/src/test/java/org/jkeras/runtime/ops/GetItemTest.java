package org.jkeras.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.ops.GetItem.Ellipsis;
import org.jkeras.runtime.ops.GetItem.Index;
import org.jkeras.runtime.ops.GetItem.Item;
import org.jkeras.runtime.ops.GetItem.NewAxis;
import org.jkeras.runtime.ops.GetItem.Slice;

/** {@code x[key]} against index arithmetic written out per key: each expected element names the input element it reads. */
class GetItemTest {
    static final int B = 3, I = 5, J = 6, K = 4;
    static final Tensor X = iota(B, I, J, K);

    static Tensor iota(int... dims) {
        float[] d = new float[Shape.of(dims).size()];
        for (int i = 0; i < d.length; i++) d[i] = i;
        return Tensor.of(d, dims);
    }

    /** x[b][i][j][k] as its flat position. */
    static float at(int b, int i, int j, int k) {
        return ((b * I + i) * J + j) * K + k;
    }

    static Slice s(Integer start, Integer stop, Integer step) {
        return new Slice(start, stop, step);
    }

    static final Slice ALL = s(null, null, null);

    /** Runs x[key] and checks it against {@code value(outIndex)} over the expected output shape. */
    static void check(List<Item> key, int[] dims, Function<int[], Float> value) {
        GetItem op = new GetItem("get_item", key);
        Tensor out = op.forward(List.of(X));
        assertArrayEquals(dims, out.shape().dims(), "shape of " + op.details());
        int[] pos = new int[dims.length];
        for (int n = 0; n < out.size(); n++) {
            assertEquals(value.apply(pos), out.data()[n], 0f, op.details() + " at " + java.util.Arrays.toString(pos));
            for (int a = dims.length - 1; a >= 0; a--) {
                if (++pos[a] < dims[a]) break;
                pos[a] = 0;
            }
        }
        // load time: the batch axis unknown; the per-sample shape is the run's shape without its first axis
        if (!(key.get(0) instanceof Index) && !(key.get(0) instanceof NewAxis) && !(key.get(0) instanceof Slice sl && sl.start() != null)) {
            Shape perSample = op.outputShape(List.of(Shape.of(I, J, K)));
            assertEquals(Shape.of(dims).dropFirst(), perSample, "per-sample shape of " + op.details());
        }
    }

    @Test
    void slicesOfTheFeatureAxes() {
        check(List.of(ALL, s(1, 3, null)), new int[] {B, 2, J, K}, p -> at(p[0], 1 + p[1], p[2], p[3]));          // x[:, 1:3]
        check(List.of(ALL, ALL, s(-2, null, null)), new int[] {B, I, 2, K}, p -> at(p[0], p[1], 4 + p[2], p[3])); // x[:, :, -2:]
        check(List.of(ALL, s(3, 10, null)), new int[] {B, 2, J, K}, p -> at(p[0], 3 + p[1], p[2], p[3]));         // stop past the end
        check(List.of(ALL, s(-10, 2, null)), new int[] {B, 2, J, K}, p -> at(p[0], p[1], p[2], p[3]));            // start before 0
        check(List.of(ALL, s(0, 0, null)), new int[] {B, 0, J, K}, p -> 0f);                                       // empty
        check(List.of(ALL, s(4, 1, null)), new int[] {B, 0, J, K}, p -> 0f);                                       // empty, start > stop
    }

    @Test
    void steps() {
        check(List.of(new Ellipsis(), s(null, null, -1)), new int[] {B, I, J, K}, p -> at(p[0], p[1], p[2], K - 1 - p[3])); // x[..., ::-1]
        check(List.of(ALL, s(null, null, 2), s(1, null, 3)), new int[] {B, 3, 2, K}, p -> at(p[0], 2 * p[1], 1 + 3 * p[2], p[3]));
        check(List.of(ALL, s(4, 1, -2), s(null, null, -2)), new int[] {B, 2, 3, K}, p -> at(p[0], 4 - 2 * p[1], J - 1 - 2 * p[2], p[3]));
        check(List.of(ALL, s(-1, -4, -1), ALL, new Index(0)), new int[] {B, 3, J}, p -> at(p[0], I - 1 - p[1], p[2], 0));
        check(List.of(ALL, s(null, -10, -1)), new int[] {B, I, J, K}, p -> at(p[0], I - 1 - p[1], p[2], p[3]));      // stop before 0
    }

    @Test
    void integersDropTheirAxis() {
        check(List.of(ALL, new Index(-1)), new int[] {B, J, K}, p -> at(p[0], I - 1, p[1], p[2]));               // x[:, -1]
        check(List.of(new Ellipsis(), new Index(1)), new int[] {B, I, J}, p -> at(p[0], p[1], p[2], 1));          // x[..., 1]
        check(List.of(ALL, new Index(2), new Ellipsis(), new NewAxis()), new int[] {B, J, K, 1}, p -> at(p[0], 2, p[1], p[2]));
        check(List.of(new Index(-1)), new int[] {I, J, K}, p -> at(B - 1, p[0], p[1], p[2]));                    // the batch axis indexed
        check(List.of(s(null, 2, null), new Index(0), new Index(0)), new int[] {2, K}, p -> at(p[0], 0, 0, p[1]));
        check(List.of(s(1, null, null), ALL), new int[] {B - 1, I, J, K}, p -> at(1 + p[0], p[1], p[2], p[3]));
    }

    @Test
    void newAxesAndEllipsis() {
        check(List.of(ALL, new NewAxis(), s(2, null, null)), new int[] {B, 1, 3, J, K}, p -> at(p[0], 2 + p[2], p[3], p[4])); // x[:, None, 2:]
        check(List.of(new NewAxis(), new Ellipsis()), new int[] {1, B, I, J, K}, p -> at(p[1], p[2], p[3], p[4]));            // x[None, ...]
        check(List.of(new Ellipsis(), new NewAxis(), new Index(3)), new int[] {B, I, J, 1}, p -> at(p[0], p[1], p[2], 3));
        check(List.of(ALL, new Ellipsis(), s(1, 2, null), ALL), new int[] {B, I, 1, K}, p -> at(p[0], p[1], 1, p[3]));
    }

    @Test
    void badKeysAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> new GetItem("g", List.of(ALL, new Index(5))).forward(List.of(X)));
        assertThrows(IllegalArgumentException.class, () -> new GetItem("g", List.of(ALL, new Index(-6))).forward(List.of(X)));
        assertThrows(IllegalArgumentException.class, () -> new GetItem("g", List.of(ALL, ALL, ALL, ALL, ALL)).forward(List.of(X)));
        assertThrows(IllegalArgumentException.class, () -> new GetItem("g", List.of(new Ellipsis(), new Ellipsis())));
        assertThrows(IllegalArgumentException.class, () -> s(1, 2, 0));
        // an index out of range is caught at load when the axis is known
        assertThrows(IllegalArgumentException.class, () -> new GetItem("g", List.of(ALL, new Index(5))).outputShape(List.of(Shape.of(I, J, K))));
    }

    @Test
    void aScalarResultIsRefusedNamingTheNode() {
        GetItem op = new GetItem("pick", List.of(new Index(0), new Index(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> op.outputShape(List.of(Shape.of(4))));
        assertTrue(e.getMessage().contains("GetItem 'pick'") && e.getMessage().contains("scalar"), e.getMessage());
    }

    @Test
    void pythonSliceIndices() {
        // slice(start, stop, step).indices(n) and len(range(...)) as Python gives them
        assertArrayEquals(new int[] {4, -1, 5}, GetItem.bounds(s(null, null, -1), 5));
        assertArrayEquals(new int[] {4, -2, 2}, GetItem.bounds(s(10, 1, -2), 5));
        assertArrayEquals(new int[] {0, 3, 2}, GetItem.bounds(s(-100, 100, 3), 5));
        assertArrayEquals(new int[] {3, 1, 0}, GetItem.bounds(s(3, 1, null), 5));
        assertArrayEquals(new int[] {1, -1, 0}, GetItem.bounds(s(1, 3, -1), 5));
    }
}
