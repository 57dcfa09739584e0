package org.jkeras.runtime.layers;

/** Keras {@code ZeroPadding3D}: zeros before and after each spatial axis; see {@link BaseZeroPadding}. */
public final class ZeroPadding3D extends BaseZeroPadding {
    /** {@code before}, {@code after}: cells added per spatial axis (length 3). */
    public ZeroPadding3D(String name, boolean channelsFirst, int[] before, int[] after) {
        super(name, 3, channelsFirst, check(before), check(after));
    }

    private static int[] check(int[] a) {
        for (int v : a) if (v < 0) throw new IllegalArgumentException("padding must be >= 0, got " + java.util.Arrays.toString(a));
        return a;
    }

    @Override
    public String kerasClass() {
        return "ZeroPadding3D";
    }
}
