package org.jkeras.runtime.ops;

import java.util.List;
import java.util.Locale;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A Keras 3 reduction op node ({@code keras.ops.sum(x, axis=(0, 2), keepdims=True)}, {@code ops.argmax(x, -1)} ...)
 * over any axes of the whole tensor, the batch axis 0 included: reducing it mixes the samples, as Keras does. Axes
 * null reduce everything. When the result loses the batch axis its first remaining axis stands in for it, as it
 * would for the next Keras layer; a scalar is held as one value (see {@link Axes#perSample}). Sums and means
 * accumulate in double; argmax/argmin return the first index of the extreme, a negative zero below a positive one.
 */
public final class Reduce extends Layer {

    /** The reductions, by Keras op class. */
    public enum Fn {
        SUM, MEAN, MAX, MIN, PROD, ALL, ANY, VAR, STD, LOGSUMEXP, ARGMAX, ARGMIN;

        /** Reduces {@code n} values of {@code x} at {@code base + members[i]}. */
        float apply(float[] x, int base, int[] members) {
            int n = members.length;
            switch (this) {
                case SUM, MEAN -> {
                    double s = 0;
                    for (int m : members) s += x[base + m];
                    return (float) (this == SUM ? s : s / n);
                }
                case MAX, MIN -> {
                    float r = x[base + members[0]];
                    for (int m : members) {
                        float v = x[base + m];
                        if (Float.isNaN(v) || Float.isNaN(r)) r = Float.NaN;
                        else r = this == MAX ? Math.max(r, v) : Math.min(r, v);
                    }
                    return r;
                }
                case PROD -> {
                    double p = 1;
                    for (int m : members) p *= x[base + m];
                    return (float) p;
                }
                case ALL, ANY -> {
                    for (int m : members) if ((x[base + m] != 0) == (this == ANY)) return this == ANY ? 1f : 0f;
                    return this == ANY ? 0f : 1f;
                }
                case VAR, STD -> {
                    double mean = 0;
                    for (int m : members) mean += x[base + m];
                    mean /= n;
                    double ss = 0;
                    for (int m : members) ss += (x[base + m] - mean) * (x[base + m] - mean);
                    double var = ss / n; // population variance, as tf.math.reduce_variance
                    return (float) (this == VAR ? var : Math.sqrt(var));
                }
                case LOGSUMEXP -> {
                    // tf.math.reduce_logsumexp: the max is subtracted unless it is infinite
                    float max = Float.NEGATIVE_INFINITY;
                    for (int m : members) max = Float.isNaN(x[base + m]) ? Float.NaN : Math.max(max, x[base + m]);
                    double shift = Float.isFinite(max) ? max : 0;
                    double s = 0;
                    for (int m : members) s += Math.exp(x[base + m] - shift);
                    return (float) (Math.log(s) + shift);
                }
                case ARGMAX, ARGMIN -> {
                    int best = 0;
                    float b = key(x[base + members[0]]);
                    for (int i = 1; i < n; i++) {
                        float v = key(x[base + members[i]]);
                        if (this == ARGMAX ? v > b : v < b) {
                            best = i;
                            b = v;
                        }
                    }
                    return best;
                }
                default -> throw new AssertionError(this);
            }
        }

        /** Keras' argmax/argmin rank -0.0 as the smallest negative normal float, below +0.0. */
        private static float key(float v) {
            return v == 0 && Float.floatToRawIntBits(v) < 0 ? -Float.MIN_NORMAL : v;
        }
    }

    private final String kerasClass;
    private final Fn fn;
    private final int[] axes; // as written (negative from the end, 0 the batch axis); null: every axis
    private final boolean keepdims;
    private final float initial; // max/min: a floor (ceiling) the result never passes, {@code initial=}; NaN: none

    public Reduce(String name, String kerasClass, Fn fn, int[] axes, boolean keepdims) {
        this(name, kerasClass, fn, axes, keepdims, Float.NaN);
    }

    private Reduce(String name, String kerasClass, Fn fn, int[] axes, boolean keepdims, float initial) {
        super(name);
        this.initial = initial;
        this.kerasClass = kerasClass;
        this.fn = fn;
        this.axes = axes == null ? null : axes.clone();
        this.keepdims = keepdims;
    }

    /** Max or min with {@code initial}: {@code maximum(reduce_max(x), initial)} as the TensorFlow backend (NaN stays NaN). */
    public Reduce withInitial(float initial) {
        if (fn != Fn.MAX && fn != Fn.MIN) throw new IllegalArgumentException(who() + ": only max and min take 'initial'");
        return new Reduce(name(), kerasClass, fn, axes, keepdims, initial);
    }

    @Override
    public String kerasClass() {
        return kerasClass;
    }

    private String who() {
        return kerasClass + " '" + name() + "'";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape full = inputs.get(0).prepend(Shape.UNKNOWN);
        for (int a = 1; a < full.rank(); a++) {
            if (full.dim(a) == 0) throw new IllegalArgumentException(who() + ": cannot reduce a tensor with no elements " + inputs.get(0));
        }
        return Axes.perSample(Axes.reduced(full, Axes.mask(axes, full.rank(), who()), keepdims));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] dims = x.shape().dims();
        boolean[] mask = Axes.mask(axes, dims.length, who());
        if (x.size() == 0) throw new IllegalArgumentException(who() + ": cannot reduce a tensor with no elements " + x.shape());
        int[] groups = Axes.offsets(dims, mask, false), members = Axes.offsets(dims, mask, true);
        float[] in = x.data(), out = new float[groups.length];
        for (int g = 0; g < groups.length; g++) {
            float v = fn.apply(in, groups[g], members);
            out[g] = Float.isNaN(initial) || Float.isNaN(v) ? v : fn == Fn.MAX ? Math.max(v, initial) : Math.min(v, initial);
        }
        return new Tensor(Axes.held(Axes.reduced(x.shape(), mask, keepdims)), out);
    }

    @Override
    public String details() {
        return fn.name().toLowerCase(Locale.ROOT) + "(x, axis=" + (axes == null ? "None" : java.util.Arrays.toString(axes)) + ", keepdims=" + keepdims + (Float.isNaN(initial) ? "" : ", initial=" + initial) + ")";
    }
}
