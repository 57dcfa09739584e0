package org.jkeras.runtime.layers;

/** Keras {@code ZeroPadding1D}: zeros before and after each spatial axis; see {@link BaseZeroPadding}. */
public final class ZeroPadding1D extends BaseZeroPadding {
    /** {@code before}, {@code after}: cells added per spatial axis (length 1). */
    public ZeroPadding1D(String name, boolean channelsFirst, int[] before, int[] after) {
        super(name, 1, channelsFirst, check(before), check(after));
    }

    private static int[] check(int[] a) {
        for (int v : a) if (v < 0) throw new IllegalArgumentException("padding must be >= 0, got " + java.util.Arrays.toString(a));
        return a;
    }

    @Override
    public String kerasClass() {
        return "ZeroPadding1D";
    }
}
