package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Grid;

/**
 * Keras {@code GlobalMaxPooling1D/2D/3D} and {@code GlobalAveragePooling1D/2D/3D}: the max or the mean of every
 * channel over all spatial cells; output {@code (C)}, or with {@code keepdims} the input's rank with spatial
 * axes of 1. The mean is summed in double and rounded once.
 */
public abstract class BaseGlobalPooling extends Layer {
    private final int rank;
    private final boolean channelsFirst, keepDims, max;

    protected BaseGlobalPooling(String name, int rank, boolean channelsFirst, boolean keepDims, boolean max) {
        super(name);
        this.rank = rank;
        this.channelsFirst = channelsFirst;
        this.keepDims = keepDims;
        this.max = max;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        Grid.spatial(in, rank, channelsFirst); // checks the rank
        int c = Grid.channels(in, channelsFirst);
        return keepDims ? Grid.shape(new int[] {1, 1, 1}, c, rank, channelsFirst) : Shape.of(c);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Grid g = Grid.of(x.shape().dropFirst(), rank, channelsFirst);
        int batch = x.batch(), c = g.c(), vol = g.volume(), cs = g.cStride(), ps = channelsFirst ? 1 : c;
        float[] in = x.data(), y = new float[batch * c];
        if (!channelsFirst) { // channels last: walk the input once, in order, a running result per channel
            double[] sum = max ? null : new double[c];
            for (int b = 0; b < batch; b++) {
                int base = b * g.size(), yo = b * c;
                if (max) {
                    java.util.Arrays.fill(y, yo, yo + c, Float.NEGATIVE_INFINITY);
                    for (int p = 0; p < vol; p++) for (int ch = 0, o = base + p * c; ch < c; ch++) y[yo + ch] = Math.max(y[yo + ch], in[o + ch]);
                } else {
                    java.util.Arrays.fill(sum, 0);
                    for (int p = 0; p < vol; p++) for (int ch = 0, o = base + p * c; ch < c; ch++) sum[ch] += in[o + ch];
                    for (int ch = 0; ch < c; ch++) y[yo + ch] = (float) (sum[ch] / vol);
                }
            }
            Shape out = keepDims ? Grid.shape(new int[] {1, 1, 1}, c, rank, false) : Shape.of(c);
            return new Tensor(out.prepend(batch), y);
        }
        for (int b = 0; b < batch; b++) {
            int base = b * g.size();
            for (int ch = 0; ch < c; ch++) {
                int o = base + ch * cs;
                if (max) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int p = 0; p < vol; p++) m = Math.max(m, in[o + p * ps]);
                    y[b * c + ch] = m;
                } else {
                    double sum = 0;
                    for (int p = 0; p < vol; p++) sum += in[o + p * ps];
                    y[b * c + ch] = (float) (sum / vol);
                }
            }
        }
        Shape out = keepDims ? Grid.shape(new int[] {1, 1, 1}, c, rank, channelsFirst) : Shape.of(c);
        return new Tensor(out.prepend(batch), y);
    }

    @Override
    public String details() {
        return (channelsFirst ? "channels_first" : "") + (keepDims ? (channelsFirst ? ", " : "") + "keepdims" : "");
    }
}
