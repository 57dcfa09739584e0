package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.kernels.AxisMaps;
import org.jkeras.runtime.kernels.Parallel;
import org.jkeras.runtime.kernels.RowNorm;

/**
 * Keras {@code LayerNormalization(axis, epsilon, center, scale, rms_scaling)} over any set of sample axes, in
 * float32 as Keras' {@code ops.layer_normalization}:
 * <pre>
 *   inv = rsqrt(var + eps) · gamma;   y = x · inv + (beta − mean · inv)       (rms_scaling: y = x · rsqrt(var + eps) · gamma)
 * </pre>
 * Keras 3's {@code moments} take {@code var = mean(x²) − mean²} (one pass, as its backends do); tf.keras 2's
 * {@code tf.nn.moments} take {@code mean((x − mean)²)}; rms_scaling uses {@code ops.var}, the two-pass form.
 * Sums are accumulated in double and rounded to float32 where Keras holds a float32 value; each in {@link #CHAINS}
 * partial sums (element j of a group into partial j mod 4), so the additions are not one chain of dependent latencies.
 */
public final class LayerNormalization extends Layer {
    private static final int CHAINS = 4;
    private final boolean[] normalised; // per sample axis
    private final float[] gamma, beta;  // (normalised dims, C order over the sample axes) or null
    private final float epsilon;
    private final boolean rmsScaling, onePassVariance;

    public LayerNormalization(String name, boolean[] normalised, float[] gamma, float[] beta, float epsilon, boolean rmsScaling, boolean onePassVariance) {
        super(name);
        this.normalised = normalised.clone();
        this.gamma = gamma == null ? null : gamma.clone();
        this.beta = beta == null ? null : beta.clone();
        this.epsilon = epsilon;
        this.rmsScaling = rmsScaling;
        this.onePassVariance = onePassVariance;
    }

    /** Keras {@code supports_masking}: the timestep mask passes through. */
    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return "LayerNormalization";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() != normalised.length) throw new IllegalArgumentException("LayerNormalization '" + name() + "' was built for rank " + (normalised.length + 1) + ", got " + in);
        long n = 1;
        for (int a = 0; a < in.rank(); a++) if (normalised[a]) n *= in.dim(a);
        int params = gamma != null ? gamma.length : beta != null ? beta.length : -1;
        if (params >= 0 && n != params) throw new IllegalArgumentException("LayerNormalization '" + name() + "' has " + params + " parameters, input " + in + " needs " + n);
        return in;
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int[] dims = x.shape().dropFirst().dims();
        if (lastAxisOnly(dims.length)) return lastAxis(x, dims[dims.length - 1]);
        boolean[] kept = new boolean[dims.length];
        for (int a = 0; a < dims.length; a++) kept[a] = !normalised[a];
        int[] group = AxisMaps.project(dims, kept), param = AxisMaps.project(dims, normalised);
        int sample = x.rowSize(), groups = 1, n = 1;
        for (int a = 0; a < dims.length; a++) {
            if (normalised[a]) n *= dims[a];
            else groups *= dims[a];
        }
        float[] in = x.data(), y = new float[in.length];
        double[] sum = new double[CHAINS * groups], sumSq = new double[CHAINS * groups]; // partial c of group g at CHAINS·g + c
        int[] count = new int[groups];
        float[] mean = new float[groups], inv = new float[groups];
        for (int b = 0, base = 0; b < x.batch(); b++, base += sample) {
            Arrays.fill(sum, 0);
            Arrays.fill(sumSq, 0);
            Arrays.fill(count, 0);
            for (int i = 0; i < sample; i++) sum[CHAINS * group[i] + (count[group[i]]++ & (CHAINS - 1))] += in[base + i];
            for (int g = 0; g < groups; g++) mean[g] = (float) (total(sum, CHAINS * g) / n);
            Arrays.fill(count, 0);
            for (int i = 0; i < sample; i++) {
                float v = in[base + i];
                int at = CHAINS * group[i] + (count[group[i]]++ & (CHAINS - 1));
                if (onePassVariance && !rmsScaling) {
                    sumSq[at] += v * v; // np.square in float32, then the mean
                } else {
                    float d = v - mean[group[i]];
                    sumSq[at] += d * d;
                }
            }
            for (int g = 0; g < groups; g++) {
                double sq = total(sumSq, CHAINS * g);
                float var = onePassVariance && !rmsScaling ? (float) (sq / n) - mean[g] * mean[g] : (float) (sq / n);
                inv[g] = 1f / (float) Math.sqrt(var + epsilon);
            }
            for (int i = 0; i < sample; i++) {
                int g = group[i], p = param[i];
                float v = in[base + i];
                if (rmsScaling) {
                    float o = v * inv[g];
                    y[base + i] = gamma == null ? o : o * gamma[p];
                } else {
                    float s = gamma == null ? inv[g] : inv[g] * gamma[p];
                    float res = -mean[g] * s;
                    if (beta != null) res += beta[p];
                    y[base + i] = v * s + res;
                }
            }
        }
        return new Tensor(x.shape(), y);
    }

    /** Sum of the CHAINS partials from {@code at}, paired as the last-axis path pairs them. */
    private static double total(double[] partial, int at) {
        return (partial[at] + partial[at + 1]) + (partial[at + 2] + partial[at + 3]);
    }

    /** Σ a[base + j], j < n, in the CHAINS partials of the general path, added as {@link #total} adds them. */
    private static double rowSum(float[] a, int base, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + CHAINS <= n; j += CHAINS) {
            s0 += a[base + j];
            s1 += a[base + j + 1];
            s2 += a[base + j + 2];
            s3 += a[base + j + 3];
        }
        if (j < n) s0 += a[base + j];
        if (j + 1 < n) s1 += a[base + j + 1];
        if (j + 2 < n) s2 += a[base + j + 2];
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ (a[base + j] − m)² in float32 per term, summed as {@link #rowSum}. */
    private static double rowSumOfSquares(float[] a, int base, int n, float m) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + CHAINS <= n; j += CHAINS) {
            float d0 = a[base + j] - m, d1 = a[base + j + 1] - m, d2 = a[base + j + 2] - m, d3 = a[base + j + 3] - m;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        float d;
        if (j < n) s0 += (d = a[base + j] - m) * d;
        if (j + 1 < n) s1 += (d = a[base + j + 1] - m) * d;
        if (j + 2 < n) s2 += (d = a[base + j + 2] - m) * d;
        return (s0 + s1) + (s2 + s3);
    }

    /** Whether a rank-{@code rank} input (batch excluded) normalises its last axis alone: rows of its last dimension. */
    boolean lastAxisOnly(int rank) {
        if (rank != normalised.length || rank == 0 || !normalised[rank - 1]) return false;
        for (int a = 0; a < rank - 1; a++) if (normalised[a]) return false;
        return true;
    }

    /**
     * The usual case, the last axis normalised: rows of {@code n} floats, the same sums in the same order and the
     * same formulas as the general loop above, without its index maps.
     */
    private Tensor lastAxis(Tensor x, int n) {
        float[] in = x.data(), y = Arena.floats(in.length); // every element written
        int rows = n == 0 ? 0 : in.length / n;
        Parallel.parallelFor((rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK, 8L * in.length, t -> {
            for (int r = t * ROWS_PER_TASK, end = Math.min(rows, r + ROWS_PER_TASK); r < end; r++) normalizeRow(in, r * n, y, r * n, n);
        });
        return new Tensor(x.shape(), y);
    }

    /** Rows per task when rows are split over threads; each row's arithmetic is its own, so no split changes a bit. */
    static final int ROWS_PER_TASK = 64;

    /** One row of n floats, x[xo ..] to y[yo ..] (y may be x): its mean and variance, then {@link RowNorm}. */
    void normalizeRow(float[] x, int xo, float[] y, int yo, int n) {
        float mean, var;
        if (onePassVariance && !rmsScaling) { // Σx and Σx² in one sweep: the same partial sums as rowSum's, side by side
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0;
            int j = 0;
            for (; j + CHAINS <= n; j += CHAINS) {
                float a0 = x[xo + j], a1 = x[xo + j + 1], a2 = x[xo + j + 2], a3 = x[xo + j + 3];
                s0 += a0;
                s1 += a1;
                s2 += a2;
                s3 += a3;
                q0 += a0 * a0; // np.square in float32, then the mean
                q1 += a1 * a1;
                q2 += a2 * a2;
                q3 += a3 * a3;
            }
            float a;
            if (j < n) { s0 += a = x[xo + j]; q0 += a * a; }
            if (j + 1 < n) { s1 += a = x[xo + j + 1]; q1 += a * a; }
            if (j + 2 < n) { s2 += a = x[xo + j + 2]; q2 += a * a; }
            mean = (float) (((s0 + s1) + (s2 + s3)) / n);
            var = (float) (((q0 + q1) + (q2 + q3)) / n) - mean * mean;
        } else {
            mean = (float) (rowSum(x, xo, n) / n);
            var = (float) (rowSumOfSquares(x, xo, n, mean) / n);
        }
        float inv = 1f / (float) Math.sqrt(var + epsilon);
        RowNorm.normalize(x, xo, y, yo, n, mean, inv, gamma, beta, rmsScaling);
    }

    @Override
    public long paramCount() {
        return (gamma == null ? 0 : gamma.length) + (beta == null ? 0 : beta.length);
    }

    @Override
    public String details() {
        StringBuilder axes = new StringBuilder();
        for (int a = 0; a < normalised.length; a++) if (normalised[a]) axes.append(axes.length() > 0 ? ", " : "").append(a + 1);
        return "axis [" + axes + "] epsilon " + epsilon + (rmsScaling ? " rms_scaling" : "");
    }
}
