package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Grid;

/**
 * Keras {@code CenterCrop(height, width)} of (batch, h, w, c) images (or channels first), decided per call on the
 * image's size as Keras does:
 * <ul>
 * <li>at least (height, width): the middle, from {@code (h − height) // 2} and {@code (w − width) // 2};</li>
 * <li>otherwise Keras' {@code smart_resize}: the largest centred crop of the target's aspect ratio,
 *     {@code ch = min(h, int(w·height/width))}, {@code cw = min(w, int(h·width/height))} (at least 1), from
 *     {@code int((h − ch)/2)}, {@code int((w − cw)/2)}, resized bilinearly as {@code tf.image.resize} (half-pixel
 *     centres, no antialias): source {@code (o + 0.5)·(in/out) − 0.5}, clamped to the edge, lerp weight its
 *     fraction; {@code top = tl + (tr − tl)·fx}, {@code bottom = bl + (br − bl)·fx}, {@code top + (bottom − top)·fy}.</li>
 * </ul>
 */
public final class CenterCrop extends Layer {
    private final boolean channelsFirst;
    private final int height, width;

    public CenterCrop(String name, boolean channelsFirst, int height, int width) {
        super(name);
        if (height < 1 || width < 1) throw new IllegalArgumentException("CenterCrop '" + name + "': size must be positive, got " + height + "x" + width);
        this.channelsFirst = channelsFirst;
        this.height = height;
        this.width = width;
    }

    @Override
    public String kerasClass() {
        return "CenterCrop";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() != 3) throw new IllegalArgumentException("CenterCrop '" + name() + "' expects images of rank 4 (batch, height, width, channels), got " + in.prepend(Shape.UNKNOWN));
        return Grid.shape(new int[] {1, height, width}, Grid.channels(in, channelsFirst), 2, channelsFirst);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Grid gi = Grid.of(x.shape().dropFirst(), 2, channelsFirst);
        Grid go = new Grid(gi.c(), 1, height, width, channelsFirst);
        int h = gi.h(), w = gi.w(), top, left, ch, cw;
        boolean crop = h >= height && w >= width;
        if (crop) {
            top = (h - height) / 2;
            left = (w - width) / 2;
            ch = height;
            cw = width;
        } else {
            ch = Math.max(Math.min(h, (int) ((double) w * height / width)), 1);
            cw = Math.max(Math.min(w, (int) ((double) h * width / height)), 1);
            top = (int) ((h - ch) / 2.0);
            left = (int) ((w - cw) / 2.0);
        }
        Lerp[] ly = lerps(ch, height), lx = lerps(cw, width);
        int batch = x.batch(), c = gi.c(), ci = gi.cStride(), co = go.cStride();
        float[] in = x.data(), y = new float[Math.multiplyExact(batch, go.size())];
        for (int b = 0; b < batch; b++) {
            int ib = b * gi.size(), ob = b * go.size();
            for (int yy = 0; yy < height; yy++) {
                for (int xx = 0; xx < width; xx++) {
                    int o = ob + go.at(0, 0, yy, xx);
                    if (crop) {
                        int i = ib + gi.at(0, 0, top + yy, left + xx);
                        for (int k = 0; k < c; k++) y[o + k * co] = in[i + k * ci];
                        continue;
                    }
                    Lerp fy = ly[yy], fx = lx[xx];
                    int tl = ib + gi.at(0, 0, top + fy.lo, left + fx.lo), tr = ib + gi.at(0, 0, top + fy.lo, left + fx.hi);
                    int bl = ib + gi.at(0, 0, top + fy.hi, left + fx.lo), br = ib + gi.at(0, 0, top + fy.hi, left + fx.hi);
                    for (int k = 0, p = 0; k < c; k++, p += ci) {
                        float t = in[tl + p] + (in[tr + p] - in[tl + p]) * fx.t;
                        float bo = in[bl + p] + (in[br + p] - in[bl + p]) * fx.t;
                        y[o + k * co] = t + (bo - t) * fy.t;
                    }
                }
            }
        }
        return new Tensor(go.shape(2).prepend(batch), y);
    }

    /** Source cells and the upper one's weight for output cell o of an axis resized from n to out cells. */
    private record Lerp(int lo, int hi, float t) {
    }

    private static Lerp[] lerps(int n, int out) {
        Lerp[] r = new Lerp[out];
        float scale = (float) n / out;
        for (int o = 0; o < out; o++) {
            float src = (o + 0.5f) * scale - 0.5f;
            float floor = (float) Math.floor(src);
            r[o] = new Lerp(Math.max((int) floor, 0), Math.min((int) Math.ceil(src), n - 1), src - floor);
        }
        return r;
    }

    @Override
    public String details() {
        return height + "x" + width + " (crop, or crop to the aspect ratio and resize bilinearly when smaller)" + (channelsFirst ? " channels_first" : "");
    }
}
