package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code Flatten}: one axis per sample. With {@code data_format='channels_first'} Keras 2 and 3 first
 * move the channel axis last, so the flat order matches the channels-last model; Keras 1 flattens as stored.
 */
public final class Flatten extends Layer {
    private final boolean channelsFirst;

    public Flatten(String name, boolean channelsFirst) {
        super(name);
        this.channelsFirst = channelsFirst;
    }

    @Override
    public String kerasClass() {
        return "Flatten";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (!in.isFullyKnown()) throw new IllegalArgumentException("Flatten '" + name() + "' needs a fully known input shape, got " + in);
        return Shape.of(in.rank() == 0 ? 1 : in.size());
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Shape s = x.shape();
        Shape out = Shape.of(x.batch(), x.rowSize());
        if (!channelsFirst || s.rank() < 3) return x.reshape(out);
        // (batch, C, rest...) -> (batch, rest..., C)
        int c = s.dim(1), rest = x.rowSize() / Math.max(1, c);
        float[] in = x.data(), y = new float[in.length];
        for (int b = 0, base = 0; b < x.batch(); b++, base += c * rest) {
            for (int ch = 0; ch < c; ch++) {
                for (int r = 0; r < rest; r++) y[base + r * c + ch] = in[base + ch * rest + r];
            }
        }
        return new Tensor(out, y);
    }

    @Override
    public String details() {
        return channelsFirst ? "channels_first" : "";
    }
}
