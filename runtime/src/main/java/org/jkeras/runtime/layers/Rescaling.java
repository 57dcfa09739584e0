package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.kernels.AxisMaps;

/** Keras {@code Rescaling(scale, offset)}: {@code x · scale + offset} in float32, each a scalar or an array broadcast numpy-style. */
public final class Rescaling extends Layer {
    private final float[] scale, offset;       // C order
    private final int[] scaleShape, offsetShape;

    public Rescaling(String name, float[] scale, int[] scaleShape, float[] offset, int[] offsetShape) {
        super(name);
        this.scale = scale.clone();
        this.offset = offset.clone();
        this.scaleShape = scaleShape.clone();
        this.offsetShape = offsetShape.clone();
    }

    /** Keras {@code supports_masking}: the timestep mask passes through. */
    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return "Rescaling";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.isFullyKnown()) {
            AxisMaps.broadcast(in.dims(), scaleShape);
            AxisMaps.broadcast(in.dims(), offsetShape);
        }
        return in;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] dims = x.shape().dropFirst().dims();
        int sample = x.rowSize();
        int ps = AxisMaps.period(dims, scaleShape), po = AxisMaps.period(dims, offsetShape);
        float[] in = x.data(), y = Arena.floats(in.length); // every element written
        if (ps > 0 && po > 0) { // scalars or per-channel: no index arrays
            int c = Math.max(ps, po), rows = c == 0 ? 0 : in.length / c;
            for (int r = 0, i = 0; r < rows; r++) {
                for (int ch = 0; ch < c; ch++, i++) y[i] = in[i] * scale[ps == 1 ? 0 : ch] + offset[po == 1 ? 0 : ch];
            }
        } else {
            int[] si = AxisMaps.broadcast(dims, scaleShape), oi = AxisMaps.broadcast(dims, offsetShape);
            for (int b = 0, base = 0; b < x.batch(); b++, base += sample) {
                for (int i = 0; i < sample; i++) y[base + i] = in[base + i] * scale[si[i]] + offset[oi[i]];
            }
        }
        return new Tensor(x.shape(), y);
    }

    @Override
    public String details() {
        return "x * " + (scale.length == 1 ? Float.toString(scale[0]) : Arrays.toString(scale)) + " + "
                + (offset.length == 1 ? Float.toString(offset[0]) : Arrays.toString(offset));
    }
}
