package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras 3 {@code GroupNormalization(groups, axis, epsilon, center, scale)}: the {@code C} channels on {@code axis}
 * split into {@code groups} runs; mean and variance per sample and group over all other axes (Keras' one-pass
 * {@code moments}: {@code var = mean(x²) − mean²}, float32), then per channel {@code c}:
 * {@code inv = rsqrt(var + eps) · gamma[c]},  {@code y = x · inv + (beta[c] − mean · inv)}.
 */
public final class GroupNormalization extends Layer {
    private final int axis;            // sample axis of the channels
    private final int groups;
    private final float[] gamma, beta; // (C) or null
    private final int channels;
    private final float epsilon;

    public GroupNormalization(String name, int axis, int channels, int groups, float[] gamma, float[] beta, float epsilon) {
        super(name);
        if (groups < 1 || channels % groups != 0) throw new IllegalArgumentException("groups " + groups + " must divide the " + channels + " channels");
        this.axis = axis;
        this.channels = channels;
        this.groups = groups;
        this.gamma = gamma == null ? null : gamma.clone();
        this.beta = beta == null ? null : beta.clone();
        this.epsilon = epsilon;
    }

    /** Keras {@code supports_masking}: the timestep mask passes through. */
    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return "GroupNormalization";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (axis >= in.rank() || in.dim(axis) != channels) {
            throw new IllegalArgumentException("GroupNormalization '" + name() + "' has " + channels + " channels on axis " + (axis + 1) + ", input shape is " + in);
        }
        return in;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Shape s = x.shape();
        int inner = 1;
        for (int a = axis + 2; a < s.rank(); a++) inner *= s.dim(a);
        int sample = x.rowSize(), outer = sample / (channels * inner), per = channels / groups;
        long n = (long) outer * per * inner;
        float[] in = x.data(), y = new float[in.length];
        double[] sum = new double[groups], sumSq = new double[groups];
        for (int b = 0, base = 0; b < x.batch(); b++, base += sample) {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(sumSq, 0);
            for (int o = 0, i = base; o < outer; o++) {
                for (int c = 0; c < channels; c++) {
                    int g = c / per;
                    for (int k = 0; k < inner; k++, i++) {
                        float v = in[i];
                        sum[g] += v;
                        sumSq[g] += v * v;
                    }
                }
            }
            float[] mean = new float[groups], inv = new float[groups];
            for (int g = 0; g < groups; g++) {
                mean[g] = (float) (sum[g] / n);
                float var = (float) (sumSq[g] / n) - mean[g] * mean[g];
                inv[g] = 1f / (float) Math.sqrt(var + epsilon);
            }
            for (int o = 0, i = base; o < outer; o++) {
                for (int c = 0; c < channels; c++) {
                    int g = c / per;
                    float sc = gamma == null ? inv[g] : inv[g] * gamma[c];
                    float res = -mean[g] * sc;
                    if (beta != null) res += beta[c];
                    for (int k = 0; k < inner; k++, i++) y[i] = in[i] * sc + res;
                }
            }
        }
        return new Tensor(s, y);
    }

    @Override
    public long paramCount() {
        return (gamma == null ? 0 : gamma.length) + (beta == null ? 0 : beta.length);
    }

    @Override
    public String details() {
        return groups + " groups on axis " + (axis + 1) + ", epsilon " + epsilon;
    }
}
