package org.jkeras.runtime;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major (C) order. The shape includes the batch axis first. The data array
 * is shared, not copied: a tensor handed to {@code predict} is read, never written.
 */
public final class Tensor {
    private final Shape shape;
    private final float[] data;

    /**
     * A tensor over {@code data} (shared, not copied) in C order; the shape must be fully known and hold exactly
     * {@code data.length} values, else an IllegalArgumentException says so.
     */
    public Tensor(Shape shape, float[] data) {
        if (!shape.isFullyKnown()) throw new IllegalArgumentException("tensor shape must be fully known: " + shape);
        if (shape.size() != data.length) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    /** A new tensor of zeros; {@code shape} must be fully known. */
    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    /** {@code data} (shared, not copied) in C order with the given dimensions, batch first: {@code of(x, 4, 16, 16, 3)}. */
    public static Tensor of(float[] data, int... dims) {
        return new Tensor(Shape.of(dims), data);
    }

    /** Largest magnitude up to which every integer is a float32 value: ids beyond it cannot be held exactly. */
    public static final long MAX_EXACT_INT = 1L << 24;

    /** A copy of {@code buffer}'s remaining values (its position is left unchanged) in the given shape. */
    public static Tensor of(java.nio.FloatBuffer buffer, int... dims) {
        float[] d = new float[buffer.remaining()];
        buffer.duplicate().get(d);
        return new Tensor(Shape.of(dims), d);
    }

    /**
     * Integer values (token ids, int32 inputs) as a tensor; each must be exact in float32 (|v| ≤ 2^24), as jkeras
     * computes in float32: a larger id is refused, never rounded.
     */
    public static Tensor ofInts(int[] data, int... dims) {
        float[] d = new float[data.length];
        for (int i = 0; i < d.length; i++) d[i] = exact(data[i], i);
        return new Tensor(Shape.of(dims), d);
    }

    /** int64 values (ids as NumPy and TensorFlow give them); each must satisfy |v| ≤ 2^24 (see {@link #ofInts}). */
    public static Tensor ofLongs(long[] data, int... dims) {
        float[] d = new float[data.length];
        for (int i = 0; i < d.length; i++) d[i] = exact(data[i], i);
        return new Tensor(Shape.of(dims), d);
    }

    /** Booleans (masks) as 1 and 0, as Keras casts them. */
    public static Tensor ofBooleans(boolean[] data, int... dims) {
        float[] d = new float[data.length];
        for (int i = 0; i < d.length; i++) d[i] = data[i] ? 1f : 0f;
        return new Tensor(Shape.of(dims), d);
    }

    private static float exact(long v, int index) {
        if (Math.abs(v) > MAX_EXACT_INT) {
            throw new IllegalArgumentException("value " + v + " at flat index " + index + " is beyond 2^24, where float32 no longer holds every integer");
        }
        return v;
    }

    /**
     * A tensor from a nested Java array, its shape read off the nesting: {@code float[][][]}, {@code double[][]},
     * {@code int[][]}, {@code long[]}, {@code boolean[][]} ... (the batch axis first). Every sub-array of one level
     * must have the same length; doubles are rounded to float32, integers checked as in {@link #ofInts}.
     */
    public static Tensor of(Object nested) {
        if (nested == null || !nested.getClass().isArray()) throw new IllegalArgumentException("not an array: " + nested);
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        Object level = nested;
        while (level != null && level.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(level);
            dims.add(n);
            Class<?> component = level.getClass().getComponentType();
            if (component.isPrimitive()) break;
            if (n == 0) throw new IllegalArgumentException("an empty array at axis " + (dims.size() - 1) + " leaves the shape below it unknown");
            level = java.lang.reflect.Array.get(level, 0);
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        long size = 1;
        for (int d : shape) size = Math.multiplyExact(size, d);
        float[] out = new float[Math.toIntExact(size)];
        int[] at = {0};
        fill(nested, 0, shape, out, at);
        return new Tensor(Shape.of(shape), out);
    }

    private static void fill(Object a, int axis, int[] shape, float[] out, int[] at) {
        if (a == null || !a.getClass().isArray() || java.lang.reflect.Array.getLength(a) != shape[axis]) {
            throw new IllegalArgumentException("ragged array: axis " + axis + " should have length " + shape[axis] + " everywhere");
        }
        if (axis == shape.length - 1) {
            int start = at[0];
            if (a instanceof float[] f) System.arraycopy(f, 0, out, start, f.length);
            else if (a instanceof double[] d) for (int i = 0; i < d.length; i++) out[start + i] = (float) d[i];
            else if (a instanceof int[] v) for (int i = 0; i < v.length; i++) out[start + i] = exact(v[i], start + i);
            else if (a instanceof long[] v) for (int i = 0; i < v.length; i++) out[start + i] = exact(v[i], start + i);
            else if (a instanceof short[] v) for (int i = 0; i < v.length; i++) out[start + i] = v[i];
            else if (a instanceof byte[] v) for (int i = 0; i < v.length; i++) out[start + i] = v[i];
            else if (a instanceof boolean[] v) for (int i = 0; i < v.length; i++) out[start + i] = v[i] ? 1f : 0f;
            else throw new IllegalArgumentException("arrays of " + a.getClass().getComponentType() + " are not numbers");
            at[0] += shape[axis];
            return;
        }
        for (int i = 0; i < shape[axis]; i++) fill(java.lang.reflect.Array.get(a, i), axis + 1, shape, out, at);
    }

    /** Rows of a 2-D array, each a flattened sample, stacked as a (rows, width) tensor. */
    public static Tensor fromRows(float[][] rows) {
        if (rows.length == 0) throw new IllegalArgumentException("no rows");
        int w = rows[0].length;
        float[] d = new float[Math.multiplyExact(rows.length, w)];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != w) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + w);
            }
            System.arraycopy(rows[r], 0, d, r * w, w);
        }
        return new Tensor(Shape.of(rows.length, w), d);
    }

    /** The shape, batch axis first. */
    public Shape shape() {
        return shape;
    }

    /** The backing array (row-major); callers must not write to a tensor they did not create. */
    public float[] data() {
        return data;
    }

    /** The size of the first (batch) axis. */
    public int batch() {
        return shape.dim(0);
    }

    /** Elements per batch row. */
    public int rowSize() {
        return shape.rank() == 0 ? 1 : data.length / Math.max(1, shape.dim(0));
    }

    /** The number of elements, over all axes. */
    public int size() {
        return data.length;
    }

    /** Same data, another shape with the same number of elements. */
    public Tensor reshape(Shape newShape) {
        return new Tensor(newShape, data);
    }

    /** One row per batch element, each flattened in C order. */
    public float[][] toRows() {
        int b = batch(), w = rowSize();
        float[][] out = new float[b][];
        for (int r = 0; r < b; r++) out[r] = Arrays.copyOfRange(data, r * w, r * w + w);
        return out;
    }

    @Override
    public String toString() {
        return "Tensor" + shape;
    }
}
