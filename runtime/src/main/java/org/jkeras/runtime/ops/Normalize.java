package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras 3 op {@code keras.ops.normalize(x, axis=-1, order=2, epsilon=None)} over axes of the whole tensor (0 the batch
 * axis). Order 2: {@code x * minimum(rsqrt(sum(x²)), 1/epsilon)}; another order {@code p} (one axis):
 * {@code x / maximum((sum |x|^p)^(1/p), epsilon)}. Epsilon None is Keras' {@code backend.epsilon()}, 1e-7.
 */
public final class Normalize extends Layer {
    private final int[] axes; // as written; null: every axis
    private final int order;
    private final double epsilon; // a Python float: 1/epsilon is taken in double

    public Normalize(String name, int[] axes, int order, double epsilon) {
        super(name);
        if (order < 1) throw new IllegalArgumentException("Normalize '" + name + "': order must be an int >= 1, got " + order);
        this.axes = axes == null ? null : axes.clone();
        this.order = order;
        this.epsilon = epsilon;
    }

    @Override
    public String kerasClass() {
        return "Normalize";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Axes.mask(axes, inputs.get(0).rank() + 1, "Normalize '" + name() + "'");
        return inputs.get(0);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] dims = x.shape().dims();
        boolean[] mask = Axes.mask(axes, dims.length, "Normalize '" + name() + "'");
        int[] groups = Axes.offsets(dims, mask, false), members = Axes.offsets(dims, mask, true);
        float[] in = x.data(), out = new float[in.length];
        for (int g : groups) {
            double s = 0;
            for (int m : members) s += order == 2 ? (double) in[g + m] * in[g + m] : Math.pow(Math.abs(in[g + m]), order);
            if (order == 2) {
                float inv = Math.min((float) (1 / Math.sqrt((float) s)), (float) (1 / epsilon));
                for (int m : members) out[g + m] = in[g + m] * inv;
            } else {
                float norm = Math.max((float) Math.pow(s, 1.0 / order), (float) epsilon);
                for (int m : members) out[g + m] = in[g + m] / norm;
            }
        }
        return new Tensor(x.shape(), out);
    }

    @Override
    public String details() {
        return "normalize(x, axis=" + (axes == null ? "None" : java.util.Arrays.toString(axes)) + ", order=" + order + ", epsilon=" + epsilon + ")";
    }
}
