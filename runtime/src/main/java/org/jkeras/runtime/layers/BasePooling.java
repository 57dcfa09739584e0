package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.kernels.ConvKernel;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.kernels.Parallel;
import org.jkeras.runtime.kernels.PoolKernel;
import org.jkeras.runtime.kernels.Window;

/**
 * Keras {@code MaxPooling1D/2D/3D} and {@code AveragePooling1D/2D/3D}, per channel over each window, either
 * data format. Windows keep only real cells, as TensorFlow does: with {@code padding='same'} a border window
 * takes the max, or the average, of the cells it covers inside the input ({@code count_include_pad=False}).
 * Average: {@code sum / count} in float32.
 */
public abstract class BasePooling extends Layer {
    protected final Window window;
    private final boolean max;
    private final PoolKernel kernel; // the channels-last loops

    protected BasePooling(String name, Window window, boolean max) {
        super(name);
        if (window.dilation3()[0] * window.dilation3()[1] * window.dilation3()[2] != 1) throw new IllegalArgumentException("pooling takes no dilation");
        this.window = window;
        this.max = max;
        this.kernel = new PoolKernel(window.size3(), window.strides3(), max);
    }

    public Window window() {
        return window;
    }

    /** The channels-last pooling loops, for layers that pool their own output (see BaseConv). */
    public PoolKernel kernel() {
        return kernel;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        return window.outputShape(in, Grid.channels(in, window.channelsFirst()));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int batch = x.batch(), rank = window.rank();
        boolean cf = window.channelsFirst();
        Grid gi = Grid.of(x.shape().dropFirst(), rank, cf);
        ConvKernel.Geometry g = window.geometry(new int[] {gi.d(), gi.h(), gi.w()});
        Grid go = Grid.of(g.out(), gi.c(), cf);
        float[] in = x.data(), y = Arena.floats(Math.multiplyExact(batch, go.size())); // every element written
        int perImage = go.d() * go.h(), lines = batch * perImage; // one task per output line (b, z, y)
        long work = (long) y.length * window.size3()[0] * window.size3()[1] * window.size3()[2];
        if (cf) {
            Parallel.parallelFor(lines, work, t -> line(in, gi, y, go, g, t / perImage, t / go.h() % go.d(), t % go.h()));
        } else {
            int c = gi.c();
            Parallel.parallelFor(lines, work, t -> kernel.lines(in, t / perImage * gi.size(), y, t / perImage * go.size(), c, g, t % perImage, t % perImage + 1));
        }
        return new Tensor(go.shape(rank).prepend(batch), y);
    }

    /** Channels first: one output line (b, z, y), channel by channel. */
    private void line(float[] in, Grid gi, float[] y, Grid go, ConvKernel.Geometry g, int b, int oz, int oy) {
        int[] p = window.size3(), s = window.strides3(), pad = g.pad();
        int c = gi.c(), ci = gi.cStride(), co = go.cStride();
        int z0 = Math.max(oz * s[0] - pad[0], 0), z1 = Math.min(oz * s[0] - pad[0] + p[0], gi.d());
        int y0 = Math.max(oy * s[1] - pad[1], 0), y1 = Math.min(oy * s[1] - pad[1] + p[1], gi.h());
        int inBase = b * gi.size(), outBase = b * go.size();
        float[] acc = new float[c];
        for (int ox = 0; ox < go.w(); ox++) {
            int x0 = Math.max(ox * s[2] - pad[2], 0), x1 = Math.min(ox * s[2] - pad[2] + p[2], gi.w());
            java.util.Arrays.fill(acc, max ? Float.NEGATIVE_INFINITY : 0f);
            for (int z = z0; z < z1; z++) {
                for (int yy = y0; yy < y1; yy++) {
                    for (int xx = x0; xx < x1; xx++) {
                        int o = inBase + gi.at(0, z, yy, xx);
                        if (max) {
                            for (int ch = 0; ch < c; ch++) acc[ch] = Math.max(acc[ch], in[o + ch * ci]);
                        } else {
                            for (int ch = 0; ch < c; ch++) acc[ch] += in[o + ch * ci];
                        }
                    }
                }
            }
            int o = outBase + go.at(0, oz, oy, ox);
            if (max) {
                for (int ch = 0; ch < c; ch++) y[o + ch * co] = acc[ch];
            } else {
                float count = (float) (z1 - z0) * (y1 - y0) * (x1 - x0);
                for (int ch = 0; ch < c; ch++) y[o + ch * co] = acc[ch] / count;
            }
        }
    }

    @Override
    public String details() {
        return window.describe();
    }
}
