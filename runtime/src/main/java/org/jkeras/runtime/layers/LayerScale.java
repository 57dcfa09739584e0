package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.applications.convnext.LayerScale}: {@code x * gamma}, gamma a learned vector of
 * {@code projection_dim} values broadcast NumPy-style onto the last axis (either side may have size 1).
 */
public final class LayerScale extends Layer {
    private final float[] gamma; // (projection_dim,)

    public LayerScale(String name, float[] gamma) {
        super(name);
        if (gamma.length == 0) throw new IllegalArgumentException("LayerScale '" + name + "': gamma is empty");
        this.gamma = gamma.clone();
    }

    @Override
    public String kerasClass() {
        return "LayerScale";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() < 1) throw new IllegalArgumentException("LayerScale '" + name() + "' needs an input of rank 2 or more, got " + in);
        int[] d = in.dims();
        int last = d[d.length - 1];
        if (last == gamma.length || gamma.length == 1) return in;
        if (last != 1 && last != Shape.UNKNOWN) {
            throw new IllegalArgumentException("LayerScale '" + name() + "': last axis of input " + in + " does not broadcast with gamma (" + gamma.length + ",)");
        }
        d[d.length - 1] = gamma.length;
        return Shape.of(d);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Shape s = x.shape();
        int last = s.dim(s.rank() - 1);
        int width = Math.max(last, gamma.length);
        int rows = last == 0 ? 0 : x.data().length / last;
        int[] dims = s.dims();
        dims[dims.length - 1] = width;
        float[] in = x.data(), out = new float[rows * width];
        int xStep = last == 1 ? 0 : 1, gStep = gamma.length == 1 ? 0 : 1;
        for (int r = 0; r < rows; r++) {
            int xi = r * last, o = r * width;
            for (int j = 0; j < width; j++) out[o + j] = in[xi + j * xStep] * gamma[j * gStep];
        }
        return new Tensor(Shape.of(dims), out);
    }

    @Override
    public long paramCount() {
        return gamma.length;
    }
}
