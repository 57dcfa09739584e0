package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code AutoContrast(value_range)}, which is not random and computes at inference: per image and per index of
 * the last axis, min and max over axes 1 and 2 of the batch (whatever the data format, as Keras reduces them), in
 * [0, 255] scale: {@code clip(x·s − low·s, 0, 255)} with {@code s = 255 / (high − low)}, mapped back to the value
 * range; where that is NaN (a flat channel) the input is kept.
 */
public final class AutoContrast extends Layer {
    private final float low, high; // value_range, sorted

    public AutoContrast(String name, float low, float high) {
        super(name);
        this.low = low;
        this.high = high;
    }

    @Override
    public String kerasClass() {
        return "AutoContrast";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        if (inputs.get(0).rank() != 3) throw new IllegalArgumentException("AutoContrast expects images of rank 4, got " + inputs.get(0).prepend(Shape.UNKNOWN));
        return inputs.get(0);
    }

    private boolean identityRange() {
        return low == 0f && high == 255f;
    }

    private float to255(float v) {
        return identityRange() ? v : (v - low) / (high - low) * 255f + 0f;
    }

    private float from255(float v) {
        return identityRange() ? v : (v - 0f) / 255f * (high - low) + low;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] d = x.shape().dims();
        int batch = d[0], n1 = d[1], n2 = d[2], last = d[3];
        float[] in = x.data(), y = new float[in.length];
        for (int b = 0; b < batch; b++) {
            int base = b * n1 * n2 * last;
            for (int k = 0; k < last; k++) {
                float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < n1 * n2; i++) {
                    float v = to255(in[base + i * last + k]);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                float scale = 255.0f / (hi - lo), offset = -lo * scale;
                for (int i = 0; i < n1 * n2; i++) {
                    int at = base + i * last + k;
                    float r = from255(Math.min(Math.max(to255(in[at]) * scale + offset, 0f), 255f));
                    y[at] = Float.isNaN(r) ? in[at] : r;
                }
            }
        }
        return new Tensor(x.shape(), y);
    }

    @Override
    public String details() {
        return "value_range [" + low + ", " + high + "]";
    }
}
