package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.kernels.AxisMaps;

/**
 * Keras {@code Normalization(axis, mean, variance, invert)} with its adapted statistics, float32:
 * {@code (x − mean) / max(sqrt(var), 1e-7)}, or with {@code invert} {@code mean + x · max(sqrt(var), 1e-7)};
 * mean and variance span the kept axes and broadcast over the others.
 */
public final class Normalization extends Layer {
    private static final float EPSILON = 1e-7f; // keras.backend.epsilon()

    private final float[] mean, std;  // (kept dims) C order; std = max(sqrt(variance), 1e-7)
    private final int[] paramShape;   // sample shape with non-kept axes set to 1
    private final boolean invert;
    private final long params; // Keras' count: mean, variance and count when adapted, 0 when given in the config

    public Normalization(String name, float[] mean, float[] variance, int[] paramShape, boolean invert) {
        this(name, mean, variance, paramShape, invert, 0);
    }

    public Normalization(String name, float[] mean, float[] variance, int[] paramShape, boolean invert, long params) {
        super(name);
        this.params = params;
        if (mean.length != variance.length) throw new IllegalArgumentException("mean and variance differ in length");
        this.mean = mean.clone();
        this.std = new float[variance.length];
        for (int i = 0; i < std.length; i++) std[i] = Math.max((float) Math.sqrt(variance[i]), EPSILON);
        this.paramShape = paramShape.clone();
        this.invert = invert;
    }

    /** Keras {@code supports_masking}: the timestep mask passes through. */
    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return "Normalization";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.isFullyKnown()) AxisMaps.broadcast(in.dims(), paramShape);
        return in;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] dims = x.shape().dropFirst().dims();
        int sample = x.rowSize(), period = AxisMaps.period(dims, paramShape);
        float[] in = x.data(), y = Arena.floats(in.length); // every element written
        if (period > 0) { // one value or per channel: no index array
            int rows = in.length / period;
            for (int r = 0, i = 0; r < rows; r++) {
                for (int c = 0; c < period; c++, i++) y[i] = invert ? mean[c] + in[i] * std[c] : (in[i] - mean[c]) / std[c];
            }
            return new Tensor(x.shape(), y);
        }
        int[] p = AxisMaps.broadcast(dims, paramShape);
        for (int b = 0, base = 0; b < x.batch(); b++, base += sample) {
            for (int i = 0; i < sample; i++) {
                float v = in[base + i];
                y[base + i] = invert ? mean[p[i]] + v * std[p[i]] : (v - mean[p[i]]) / std[p[i]];
            }
        }
        return new Tensor(x.shape(), y);
    }

    @Override
    public long paramCount() {
        return params;
    }

    @Override
    public String details() {
        return invert ? "invert" : "";
    }
}
