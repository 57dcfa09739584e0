package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras 3 op {@code keras.ops.nan_to_num(x, nan=0.0, posinf=None, neginf=None)}: NaN, +inf and -inf replaced by the
 * given values, the infinities by the float32 extremes when None (TensorFlow backend).
 */
public final class NanToNum extends Layer {
    private final float nan, posinf, neginf;

    public NanToNum(String name, float nan, float posinf, float neginf) {
        super(name);
        this.nan = nan;
        this.posinf = posinf;
        this.neginf = neginf;
    }

    @Override
    public String kerasClass() {
        return "NanToNum";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        return inputs.get(0);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        float[] in = x.data(), out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            out[i] = Float.isNaN(v) ? nan : v == Float.POSITIVE_INFINITY ? posinf : v == Float.NEGATIVE_INFINITY ? neginf : v;
        }
        return new Tensor(x.shape(), out);
    }

    @Override
    public String details() {
        return "nan_to_num(x, nan=" + nan + ", posinf=" + posinf + ", neginf=" + neginf + ")";
    }
}
