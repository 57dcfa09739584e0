package org.jkeras.runtime.kernels;

import org.jkeras.activations.Simd;

/**
 * Max or average pooling over channels-last images, TensorFlow semantics: a window keeps only the cells inside
 * the input (with 'same' padding a border window takes the max, or the average, of the cells it covers). Per
 * output cell and channel: {@code acc = −∞ (max) or 0 (average); for each cell (z, y, x) in order:
 * acc = max(acc, v) (Math.max: NaN wins) or acc + v}; an average is then {@code acc / count} in float32. The
 * Vector API path keeps a vector of channels in a register over the window, with the same operations per lane,
 * so both paths give the same bits.
 */
public final class PoolKernel {
    private final int[] size, stride; // (3) window and stride per axis (d, h, w)
    private final boolean max;

    public PoolKernel(int[] size, int[] stride, boolean max) {
        this.size = size.clone();
        this.stride = stride.clone();
        this.max = max;
    }

    public boolean isMax() {
        return max;
    }

    /**
     * Output lines [line0, line1) (a line: one (z, y) of the output) of one image: input (d, h, w, c) at
     * {@code x[xo ..]}, output (od, oh, ow, c) at {@code y[yo ..]}, windows placed by geometry {@code g}.
     */
    public void lines(float[] x, int xo, float[] y, int yo, int c, ConvKernel.Geometry g, int line0, int line1) {
        lines(x, xo, y, yo, c, g, line0, line1, Float.NEGATIVE_INFINITY, Simd.ENABLED);
    }

    /**
     * {@code floor} (max pooling only): the max starts there instead of at −∞. A floor of 0 applies a ReLU
     * deferred from the layer before, with the same bits: max and ReLU commute, and that layer never yields −0.
     */
    void lines(float[] x, int xo, float[] y, int yo, int c, ConvKernel.Geometry g, int line0, int line1, float floor, boolean simd) {
        int[] in = g.in(), out = g.out(), pad = g.pad();
        int vec = simd ? PoolVector.loopBound(c) : 0, full = size[0] * size[1] * size[2];
        int[] whole = new int[full], cells = new int[full]; // channel 0 of each cell of a window from its first, in (z, y, x) order
        for (int z = 0, n = 0; z < size[0]; z++)
            for (int yy = 0; yy < size[1]; yy++)
                for (int xx = 0; xx < size[2]; xx++) whole[n++] = ((z * in[1] + yy) * in[2] + xx) * c;
        float init = max ? floor : 0f;
        for (int line = line0; line < line1; line++) {
            int oz = line / out[1], oy = line % out[1];
            int z0 = Math.max(oz * stride[0] - pad[0], 0), z1 = Math.min(oz * stride[0] - pad[0] + size[0], in[0]);
            int y0 = Math.max(oy * stride[1] - pad[1], 0), y1 = Math.min(oy * stride[1] - pad[1] + size[1], in[1]);
            // whole windows along x: ox·s − pad ≥ 0 and ox·s − pad + size ≤ in, i.e. ox in [first, end)
            boolean rows = (z1 - z0) * (y1 - y0) == size[0] * size[1] && in[2] - size[2] + pad[2] >= 0;
            int first = (pad[2] + stride[2] - 1) / stride[2], end = rows ? Math.min(out[2], (in[2] - size[2] + pad[2]) / stride[2] + 1) : 0;
            for (int ox = 0; ox < out[2]; ox++) {
                if (ox == first && first < end && max && vec == c) { // a run of whole windows, all channels by vectors
                    PoolVector.maxRun(x, xo + ((z0 * in[1] + y0) * in[2] + ox * stride[2] - pad[2]) * c, stride[2] * c, end - first, whole, full, vec, floor, y,
                            yo + ((oz * out[1] + oy) * out[2] + ox) * c, c);
                    ox = end - 1;
                    continue;
                }
                int x0 = Math.max(ox * stride[2] - pad[2], 0), x1 = Math.min(ox * stride[2] - pad[2] + size[2], in[2]);
                int n = (z1 - z0) * (y1 - y0) * (x1 - x0), origin = xo + ((z0 * in[1] + y0) * in[2] + x0) * c;
                int[] at = whole;
                if (n < full) { // a border window with 'same' padding: the cells it covers
                    at = cells;
                    n = 0;
                    for (int z = z0; z < z1; z++)
                        for (int yy = y0; yy < y1; yy++)
                            for (int xx = x0; xx < x1; xx++) cells[n++] = (((z - z0) * in[1] + yy - y0) * in[2] + xx - x0) * c;
                }
                int o = yo + ((oz * out[1] + oy) * out[2] + ox) * c;
                float count = n;
                if (vec > 0 && max) PoolVector.max(x, origin, at, n, vec, floor, y, o);
                else if (vec > 0) PoolVector.average(x, origin, at, n, vec, count, y, o);
                for (int ch = vec; ch < c; ch++) {
                    float acc = init;
                    for (int j = 0; j < n; j++) acc = max ? Math.max(acc, x[origin + at[j] + ch]) : acc + x[origin + at[j] + ch];
                    y[o + ch] = max ? acc : acc / count;
                }
            }
        }
    }
}
