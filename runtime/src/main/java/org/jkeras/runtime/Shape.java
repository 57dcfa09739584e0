package org.jkeras.runtime;

import java.util.Arrays;

/**
 * An immutable tensor shape. Model-level shapes leave out the batch axis; a dimension Keras leaves open
 * (None) is {@link #UNKNOWN}.
 */
public final class Shape {
    /** The size of a dimension Keras leaves open ({@code None}), e.g. a sequence length fixed only per call. */
    public static final int UNKNOWN = -1;

    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /** The shape with these dimensions (copied), each ≥ 0 or {@link #UNKNOWN}; an IllegalArgumentException otherwise. */
    public static Shape of(int... dims) {
        for (int d : dims) {
            if (d < UNKNOWN) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
        }
        return new Shape(dims.clone());
    }

    /** The number of axes. */
    public int rank() {
        return dims.length;
    }

    /** The size of {@code axis}, counted from the end when negative ({@code dim(-1)} is the last); may be {@link #UNKNOWN}. */
    public int dim(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** Whether no dimension is {@link #UNKNOWN}. */
    public boolean isFullyKnown() {
        for (int d : dims) if (d == UNKNOWN) return false;
        return true;
    }

    /** Number of elements; throws when a dimension is unknown or the count overflows an int. */
    public int size() {
        long n = 1;
        for (int d : dims) {
            if (d == UNKNOWN) throw new IllegalStateException("shape " + this + " has an unknown dimension");
            n *= d;
            if (n > Integer.MAX_VALUE) throw new IllegalStateException("shape " + this + " has more than 2^31 elements");
        }
        return (int) n;
    }

    /** This shape with {@code lead} put in front (e.g. the batch size). */
    public Shape prepend(int lead) {
        int[] d = new int[dims.length + 1];
        d[0] = lead;
        System.arraycopy(dims, 0, d, 1, dims.length);
        return of(d);
    }

    /** This shape without its first axis. */
    public Shape dropFirst() {
        return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
    }

    /** This shape with the last axis replaced. */
    public Shape withLast(int last) {
        int[] d = dims.clone();
        d[d.length - 1] = last;
        return new Shape(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Keras notation: {@code (None, 16)} style, with None for unknown dimensions. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) b.append(", ");
            b.append(dims[i] == UNKNOWN ? "None" : Integer.toString(dims[i]));
        }
        if (dims.length == 1) b.append(',');
        return b.append(')').toString();
    }
}
