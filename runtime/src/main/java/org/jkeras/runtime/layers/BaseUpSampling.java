package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Grid;

/**
 * Keras {@code UpSampling1D/2D/3D}: every spatial axis grows by an integer factor. Nearest repeats each cell
 * ({@code out[i] = in[i / size]}); bilinear (2-D) interpolates between the two nearest source cells per axis, with
 * TensorFlow's source coordinate: half-pixel centers {@code (o + 0.5) / size − 0.5} clamped to the edges (Keras 3,
 * tf.keras 2), or the legacy {@code o / size} of {@code tf.image.resize_bilinear} (multi-backend Keras 2).
 */
public abstract class BaseUpSampling extends Layer {
    /** How new cells get their value. */
    public enum Interpolation { NEAREST, BILINEAR, BILINEAR_LEGACY }

    private final int rank;
    private final boolean channelsFirst;
    private final int[] size; // (3) factor per padded axis (d, h, w)
    private final Interpolation interpolation;

    protected BaseUpSampling(String name, int rank, boolean channelsFirst, int[] size, Interpolation interpolation) {
        super(name);
        if (size.length != rank) throw new IllegalArgumentException("size needs " + rank + " values, got " + Arrays.toString(size));
        for (int v : size) if (v < 1) throw new IllegalArgumentException("size must be positive, got " + Arrays.toString(size));
        if (interpolation != Interpolation.NEAREST && rank != 2) throw new IllegalArgumentException("bilinear up-sampling is 2-D only");
        this.rank = rank;
        this.channelsFirst = channelsFirst;
        this.size = new int[] {1, 1, 1};
        System.arraycopy(size, 0, this.size, 3 - rank, rank);
        this.interpolation = interpolation;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        int[] sp = Grid.spatial(in, rank, channelsFirst);
        for (int a = 0; a < 3; a++) if (sp[a] != Shape.UNKNOWN) sp[a] *= size[a];
        return Grid.shape(sp, Grid.channels(in, channelsFirst), rank, channelsFirst);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Grid gi = Grid.of(x.shape().dropFirst(), rank, channelsFirst);
        Grid go = new Grid(gi.c(), gi.d() * size[0], gi.h() * size[1], gi.w() * size[2], channelsFirst);
        int batch = x.batch(), c = gi.c(), ci = gi.cStride(), co = go.cStride();
        float[] in = x.data(), y = new float[Math.multiplyExact(batch, go.size())];
        for (int b = 0; b < batch; b++) {
            int ib = b * gi.size(), ob = b * go.size();
            for (int z = 0; z < go.d(); z++) {
                for (int yy = 0; yy < go.h(); yy++) {
                    for (int xx = 0; xx < go.w(); xx++) {
                        int o = ob + go.at(0, z, yy, xx);
                        if (interpolation == Interpolation.NEAREST) {
                            int i = ib + gi.at(0, z / size[0], yy / size[1], xx / size[2]);
                            for (int ch = 0; ch < c; ch++) y[o + ch * co] = in[i + ch * ci];
                            continue;
                        }
                        Lerp ly = lerp(yy, gi.h(), size[1]), lx = lerp(xx, gi.w(), size[2]);
                        int tl = ib + gi.at(0, 0, ly.lo, lx.lo), tr = ib + gi.at(0, 0, ly.lo, lx.hi);
                        int bl = ib + gi.at(0, 0, ly.hi, lx.lo), br = ib + gi.at(0, 0, ly.hi, lx.hi);
                        for (int ch = 0; ch < c; ch++) {
                            int k = ch * ci;
                            float top = in[tl + k] + (in[tr + k] - in[tl + k]) * lx.t;
                            float bottom = in[bl + k] + (in[br + k] - in[bl + k]) * lx.t;
                            y[o + ch * co] = top + (bottom - top) * ly.t;
                        }
                    }
                }
            }
        }
        return new Tensor(go.shape(rank).prepend(batch), y);
    }

    /** Source cells and weight of the upper one for output cell {@code o} of an axis of {@code n} cells. */
    private record Lerp(int lo, int hi, float t) {
    }

    private Lerp lerp(int o, int n, int factor) {
        float scale = (float) n / (n * factor);
        float src = interpolation == Interpolation.BILINEAR ? (o + 0.5f) * scale - 0.5f : o * scale;
        int floor = (int) Math.floor(src);
        int lo = Math.max(floor, 0), hi = Math.min(floor + 1, n - 1);
        return new Lerp(Math.min(lo, n - 1), Math.max(hi, 0), src - floor);
    }

    @Override
    public String details() {
        return "x" + Arrays.toString(Arrays.copyOfRange(size, 3 - rank, 3)) + " " + interpolation.name().toLowerCase()
                + (channelsFirst ? " channels_first" : "");
    }
}
