package org.jkeras.runtime.layers;

/** Keras {@code Cropping3D}: drops cells before and after each spatial axis (a negative {@link BaseZeroPadding}). */
public final class Cropping3D extends BaseZeroPadding {
    /** {@code before}, {@code after}: cells removed per spatial axis (length 3). */
    public Cropping3D(String name, boolean channelsFirst, int[] before, int[] after) {
        super(name, 3, channelsFirst, negate(before), negate(after));
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
        return "Cropping3D";
    }
}
