package org.jkeras.runtime;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major (C) order. The shape includes the batch axis first. The data array
 * is shared, not copied: a tensor handed to {@code predict} is read, never written.
 */
public final class Tensor {
    private final Shape shape;
    private final float[] data;

    public Tensor(Shape shape, float[] data) {
        if (!shape.isFullyKnown()) throw new IllegalArgumentException("tensor shape must be fully known: " + shape);
        if (shape.size() != data.length) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    public static Tensor of(float[] data, int... dims) {
        return new Tensor(Shape.of(dims), data);
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

    public Shape shape() {
        return shape;
    }

    /** The backing array (row-major); callers must not write to a tensor they did not create. */
    public float[] data() {
        return data;
    }

    public int batch() {
        return shape.dim(0);
    }

    /** Elements per batch row. */
    public int rowSize() {
        return shape.rank() == 0 ? 1 : data.length / Math.max(1, shape.dim(0));
    }

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
