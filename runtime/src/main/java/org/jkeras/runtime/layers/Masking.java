package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code Masking}: a step is kept when any of its features differs from {@code mask_value};
 * {@code output = x * keep} (masked steps become zeros) and the output carries the (batch, steps) mask.
 */
public final class Masking extends Layer {
    private final float maskValue;

    public Masking(String name, float maskValue) {
        super(name);
        this.maskValue = maskValue;
    }

    @Override
    public String kerasClass() {
        return "Masking";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() != 2) {
            throw new IllegalArgumentException("Masking '" + name() + "' supports (batch, steps, features) inputs, got " + in.prepend(Shape.UNKNOWN));
        }
        return in;
    }

    private boolean[] keep(Tensor x) {
        int f = x.shape().dim(2);
        float[] d = x.data();
        boolean[] keep = new boolean[d.length / Math.max(1, f)];
        for (int s = 0; s < keep.length; s++) {
            boolean k = false;
            for (int j = s * f, end = j + f; j < end && !k; j++) k = d[j] != maskValue;
            keep[s] = k;
        }
        return keep;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int f = x.shape().dim(2);
        boolean[] keep = keep(x);
        float[] d = x.data(), out = new float[d.length];
        for (int s = 0; s < keep.length; s++) {
            float m = keep[s] ? 1f : 0f;
            for (int j = s * f, end = j + f; j < end; j++) out[j] = d[j] * m;
        }
        return new Tensor(x.shape(), out);
    }

    @Override
    public Mask outputMask(List<Tensor> inputs, List<Mask> masks) {
        Tensor x = inputs.get(0);
        return new Mask(x.shape().dim(0), x.shape().dim(1), keep(x));
    }

    @Override
    public List<Boolean> outputsMasked(List<Boolean> inputsMasked) {
        return List.of(true);
    }

    @Override
    public String details() {
        return "mask_value " + maskValue;
    }
}
