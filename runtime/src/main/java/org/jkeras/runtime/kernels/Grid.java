package org.jkeras.runtime.kernels;

import org.jkeras.runtime.Shape;

/**
 * One sample of a 1-, 2- or 3-D spatial tensor: {@code c} channels and spatial axes {@code (d, h, w)} (a 1-D
 * sample has {@code d = h = 1}, a 2-D one {@code d = 1}), channels last ({@code (…, d, h, w, c)}) or first
 * ({@code (c, d, h, w)}), C order. {@link #at} gives the flat offset of one cell within the sample.
 */
public record Grid(int c, int d, int h, int w, boolean channelsFirst) {

    /** The grid of a per-sample shape of spatial rank {@code rank}; every dimension must be known. */
    public static Grid of(Shape sample, int rank, boolean channelsFirst) {
        int[] s = spatial(sample, rank, channelsFirst);
        return new Grid(channels(sample, channelsFirst), s[0], s[1], s[2], channelsFirst);
    }

    /** The channel count of a per-sample shape. */
    public static int channels(Shape sample, boolean channelsFirst) {
        return channelsFirst ? sample.dim(0) : sample.dim(-1);
    }

    /** The spatial dimensions of a per-sample shape, left-padded with 1 to three. */
    public static int[] spatial(Shape sample, int rank, boolean channelsFirst) {
        if (sample.rank() != rank + 1) {
            throw new IllegalArgumentException("expected an input of rank " + (rank + 2) + " (batch, " + rank + " spatial axes and channels), got "
                    + sample.prepend(Shape.UNKNOWN));
        }
        int[] s = {1, 1, 1};
        for (int a = 0; a < rank; a++) s[3 - rank + a] = sample.dim(channelsFirst ? a + 1 : a);
        return s;
    }

    /** A per-sample shape of spatial rank {@code rank} from spatial dims (three, left-padded) and channels. */
    public static Shape shape(int[] spatial, int c, int rank, boolean channelsFirst) {
        int[] d = new int[rank + 1];
        for (int a = 0; a < rank; a++) d[channelsFirst ? a + 1 : a] = spatial[3 - rank + a];
        d[channelsFirst ? 0 : rank] = c;
        return Shape.of(d);
    }

    public static Grid of(int[] spatial, int c, boolean channelsFirst) {
        return new Grid(c, spatial[0], spatial[1], spatial[2], channelsFirst);
    }

    /** Shape of this grid's sample with spatial rank {@code rank}. */
    public Shape shape(int rank) {
        return shape(new int[] {d, h, w}, c, rank, channelsFirst);
    }

    public int volume() {
        return d * h * w;
    }

    public int size() {
        return c * d * h * w;
    }

    public int cStride() {
        return channelsFirst ? d * h * w : 1;
    }

    public int wStride() {
        return channelsFirst ? 1 : c;
    }

    public int hStride() {
        return w * wStride();
    }

    public int dStride() {
        return h * hStride();
    }

    /** Flat offset of channel {@code ch} at {@code (z, y, x)} within one sample. */
    public int at(int ch, int z, int y, int x) {
        return ch * cStride() + z * dStride() + y * hStride() + x * wStride();
    }

    /** (batch, c, vol) → (batch, vol, c). */
    public static float[] toChannelsLast(float[] x, int batch, int c, int vol) {
        float[] y = new float[x.length];
        for (int b = 0, base = 0; b < batch; b++, base += c * vol) {
            for (int ch = 0; ch < c; ch++) {
                for (int p = 0; p < vol; p++) y[base + p * c + ch] = x[base + ch * vol + p];
            }
        }
        return y;
    }

    /** (batch, vol, c) → (batch, c, vol). */
    public static float[] toChannelsFirst(float[] x, int batch, int c, int vol) {
        float[] y = new float[x.length];
        for (int b = 0, base = 0; b < batch; b++, base += c * vol) {
            for (int p = 0; p < vol; p++) {
                for (int ch = 0; ch < c; ch++) y[base + ch * vol + p] = x[base + p * c + ch];
            }
        }
        return y;
    }
}
