package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Keras {@code RMSNormalization(axis=-1, epsilon=1e-6)}, as {@code ops.rms_normalization} computes it in float32:
 * <pre>
 *   r = rsqrt(mean(x², over the axes) + epsilon);   y = (x · r) · scale
 * </pre>
 * where {@code scale} (shaped by the axes' sizes, in the order of the sorted config values) is multiplied NumPy-style,
 * aligned to the input's trailing axes: for the usual trailing axes that is one scale per normalised element.
 */
public final class RMSNormalization extends Layer {
    private final boolean[] normalised; // per sample axis
    private final float[] scale;        // (scaleShape)
    private final int[] scaleShape;
    private final float epsilon;

    public RMSNormalization(String name, boolean[] normalised, float[] scale, int[] scaleShape, float epsilon) {
        super(name);
        this.normalised = normalised.clone();
        this.scale = scale.clone();
        this.scaleShape = scaleShape.clone();
        this.epsilon = epsilon;
        if (Shape.of(scaleShape).size() != scale.length) throw new IllegalArgumentException("RMSNormalization '" + name + "': scale does not fill " + Arrays.toString(scaleShape));
    }

    @Override
    public String kerasClass() {
        return "RMSNormalization";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        check(in.dims());
        return in;
    }

    private void check(int[] d) {
        boolean ok = d.length == normalised.length && scaleShape.length <= d.length;
        for (int i = 1; ok && i <= scaleShape.length; i++) {
            int x = d[d.length - i], s = scaleShape[scaleShape.length - i];
            ok = s == 1 || x == Shape.UNKNOWN || x == s;
        }
        if (!ok) {
            throw new IllegalArgumentException("RMSNormalization '" + name() + "': scale " + Arrays.toString(scaleShape) + " does not broadcast to input "
                    + Shape.of(d).prepend(Shape.UNKNOWN) + " normalised on " + Arrays.toString(normalised));
        }
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] d = x.shape().dropFirst().dims();
        check(d);
        int n = Shape.of(d).size(), groups = 1;
        for (int a = 0; a < d.length; a++) if (!normalised[a]) groups *= d[a];
        int width = groups == 0 ? 0 : n / groups;
        // per element of a sample: its group (over the other axes) and its scale (over the trailing axes)
        int[] group = new int[n], sc = new int[n];
        for (int e = 0; e < n; e++) {
            int g = 0, s = 0, gs = 1, ss = 1;
            for (int a = d.length - 1, rem = e; a >= 0; a--) {
                int c = rem % d[a];
                rem /= d[a];
                if (!normalised[a]) {
                    g += c * gs;
                    gs *= d[a];
                }
                int t = a - (d.length - scaleShape.length);
                if (t >= 0) {
                    if (scaleShape[t] != 1) s += c * ss;
                    ss *= scaleShape[t];
                }
            }
            group[e] = g;
            sc[e] = s;
        }
        float[] in = x.data(), y = new float[in.length];
        double[] sumSq = new double[groups];
        float[] r = new float[groups];
        for (int b = 0, off = 0; b < x.batch(); b++, off += n) {
            Arrays.fill(sumSq, 0);
            for (int e = 0; e < n; e++) sumSq[group[e]] += (double) in[off + e] * in[off + e];
            for (int g = 0; g < groups; g++) r[g] = (float) (1.0 / Math.sqrt((float) (sumSq[g] / width) + epsilon));
            for (int e = 0; e < n; e++) y[off + e] = in[off + e] * r[group[e]] * scale[sc[e]];
        }
        return new Tensor(x.shape(), y);
    }

    @Override
    public long paramCount() {
        return scale.length;
    }

    @Override
    public String details() {
        StringBuilder axes = new StringBuilder();
        for (int a = 0; a < normalised.length; a++) if (normalised[a]) axes.append(axes.length() == 0 ? "" : ", ").append(a + 1);
        return "axis [" + axes + "] epsilon " + epsilon;
    }
}
