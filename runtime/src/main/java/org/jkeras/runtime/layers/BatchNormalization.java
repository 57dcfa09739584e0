package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code BatchNormalization} at inference: {@code gamma · (x − mean) / sqrt(var + epsilon) + beta} per
 * channel along one axis, precomputed at import as {@code x · scale + shift}.
 */
public final class BatchNormalization extends Layer {
    private final int axis;       // sample axis (batch excluded)
    private final float[] scale;  // (channels) gamma / sqrt(var + eps)
    private final float[] shift;  // (channels) beta - mean * scale
    private final long params;

    public BatchNormalization(String name, int axis, float[] scale, float[] shift, long params) {
        super(name);
        if (scale.length != shift.length) throw new IllegalArgumentException("scale and shift differ in length");
        this.axis = axis;
        this.scale = scale.clone();
        this.shift = shift.clone();
        this.params = params;
    }

    /** Folds the stored statistics: {@code scale = gamma / sqrt(var + eps)}, {@code shift = beta − mean · scale}. */
    public static BatchNormalization fromStatistics(String name, int axis, float[] gamma, float[] beta, float[] mean, float[] variance,
                                                    float epsilon, long params) {
        int c = mean.length;
        float[] scale = new float[c], shift = new float[c];
        for (int i = 0; i < c; i++) {
            double s = (gamma == null ? 1.0 : gamma[i]) / Math.sqrt((double) variance[i] + epsilon);
            scale[i] = (float) s;
            shift[i] = (float) ((beta == null ? 0.0 : beta[i]) - mean[i] * s);
        }
        return new BatchNormalization(name, axis, scale, shift, params);
    }

    /** The normalised axis of a sample (batch axis excluded). */
    public int axis() {
        return axis;
    }

    /** Per-channel factor {@code gamma / sqrt(var + eps)} (a copy). */
    public float[] scale() {
        return scale.clone();
    }

    /** Per-channel offset {@code beta − mean · scale} (a copy). */
    public float[] shift() {
        return shift.clone();
    }

    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return "BatchNormalization";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (axis >= in.rank() || in.dim(axis) != scale.length) {
            throw new IllegalArgumentException("BatchNormalization '" + name() + "' has " + scale.length + " channels on axis " + (axis + 1)
                    + ", input shape is " + in);
        }
        return in;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Shape s = x.shape();
        int inner = 1;
        for (int a = axis + 2; a < s.rank(); a++) inner *= s.dim(a);
        int channels = scale.length;
        int outer = x.size() / Math.max(1, channels * inner);
        float[] in = x.data(), out = new float[in.length];
        for (int o = 0, i = 0; o < outer; o++) {
            for (int c = 0; c < channels; c++) {
                float a = scale[c], b = shift[c];
                for (int k = 0; k < inner; k++, i++) out[i] = in[i] * a + b;
            }
        }
        return new Tensor(s, out);
    }

    @Override
    public long paramCount() {
        return params;
    }

    @Override
    public String details() {
        return "axis " + (axis + 1);
    }
}
