package org.jkeras.runtime.kernels;

import java.util.Arrays;

import org.jkeras.runtime.Shape;

/**
 * The sliding window of a convolution or pooling layer with {@code rank} spatial axes (1, 2 or 3): extents,
 * strides, dilation, padding and data format, each per-axis array of length {@code rank} as Keras writes them.
 * The {@code *3} accessors left-pad to the three axes {@code (d, h, w)} the kernels use.
 */
public record Window(int rank, int[] size, int[] strides, int[] dilation, Padding padding, boolean channelsFirst) {
    public Window {
        if (rank < 1 || rank > 3) throw new IllegalArgumentException("spatial rank must be 1, 2 or 3, got " + rank);
        size = check(size, rank, "kernel/pool size");
        strides = check(strides, rank, "strides");
        dilation = check(dilation, rank, "dilation_rate");
        if (padding == null) throw new IllegalArgumentException("padding is null");
    }

    private static int[] check(int[] a, int rank, String what) {
        if (a.length != rank) throw new IllegalArgumentException(what + " needs " + rank + " values, got " + Arrays.toString(a));
        for (int v : a) if (v < 1) throw new IllegalArgumentException(what + " must be positive, got " + Arrays.toString(a));
        return a.clone();
    }

    @Override
    public int[] size() {
        return size.clone();
    }

    @Override
    public int[] strides() {
        return strides.clone();
    }

    @Override
    public int[] dilation() {
        return dilation.clone();
    }

    public int[] size3() {
        return pad3(size);
    }

    public int[] strides3() {
        return pad3(strides);
    }

    public int[] dilation3() {
        return pad3(dilation);
    }

    private int[] pad3(int[] a) {
        int[] p = {1, 1, 1};
        System.arraycopy(a, 0, p, 3 - rank, rank);
        return p;
    }

    /** Effective extent along padded axis {@code a}: {@code (size − 1)·dilation + 1}. */
    public int extent3(int a) {
        return (size3()[a] - 1) * dilation3()[a] + 1;
    }

    /** Output length along padded axis {@code a} for an input length that may be unknown; throws when the window does not fit. */
    public int outLength(int a, int n) {
        if (n == Shape.UNKNOWN) return Shape.UNKNOWN;
        int out = padding.outLength(n, extent3(a), strides3()[a]);
        if (out < 1) {
            throw new IllegalArgumentException("a window of " + extent3(a) + " with padding " + padding.name().toLowerCase()
                    + " does not fit a spatial axis of " + n);
        }
        return out;
    }

    /** Output spatial dims (three, left-padded) for input spatial dims; unknown ones stay unknown. */
    public int[] outDims3(int[] in3) {
        return new int[] {outLength(0, in3[0]), outLength(1, in3[1]), outLength(2, in3[2])};
    }

    /** Geometry of one forward call on input spatial dims {@code in3}. */
    public ConvKernel.Geometry geometry(int[] in3) {
        int[] out = outDims3(in3), pad = new int[3], s = strides3();
        for (int a = 0; a < 3; a++) pad[a] = padding.padBefore(in3[a], extent3(a), s[a]);
        return new ConvKernel.Geometry(in3.clone(), out, pad);
    }

    /** Output per-sample shape with {@code channels} channels; unknown spatial dims stay unknown. */
    public Shape outputShape(Shape in, int channels) {
        return Grid.shape(outDims3(Grid.spatial(in, rank, channelsFirst)), channels, rank, channelsFirst);
    }

    /** Short description for {@code inspect}: {@code 3x3 /2 same}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < rank; i++) b.append(i > 0 ? "x" : "").append(size[i]);
        if (Arrays.stream(strides).anyMatch(v -> v != 1)) b.append(" stride ").append(join(strides));
        if (Arrays.stream(dilation).anyMatch(v -> v != 1)) b.append(" dilation ").append(join(dilation));
        b.append(' ').append(padding.name().toLowerCase());
        if (channelsFirst) b.append(" channels_first");
        return b.toString();
    }

    private static String join(int[] a) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < a.length; i++) b.append(i > 0 ? "x" : "").append(a[i]);
        return b.toString();
    }
}
