package org.jkeras.runtime.layers;

/** Keras {@code Cropping1D}: drops cells before and after each spatial axis (a negative {@link BaseZeroPadding}). */
public final class Cropping1D extends BaseZeroPadding {
    /** {@code before}, {@code after}: cells removed per spatial axis (length 1). */
    public Cropping1D(String name, boolean channelsFirst, int[] before, int[] after) {
        super(name, 1, channelsFirst, negate(before), negate(after));
    }

    private static int[] negate(int[] a) {
        int[] n = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0) throw new IllegalArgumentException("cropping must be >= 0, got " + java.util.Arrays.toString(a));
            n[i] = -a[i];
        }
        return n;
    }

    @Override
    public String kerasClass() {
        return "Cropping1D";
    }
}
