package org.jkeras.runtime.kernels;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;

/**
 * Whole-tensor TensorFlow ops on C-order float32 arrays of any rank, for tf.keras {@code TensorFlowOpLayer}: NumPy
 * broadcasting, reductions, transposition, strided slices and (batched) matrix products. Shapes are full shapes
 * (batch axis included); {@link #UNKNOWN} marks the batch size while a model is being built.
 */
public final class TfOps {
    public static final int UNKNOWN = -1;

    private TfOps() {
    }

    /** NumPy broadcast of two shapes; an unknown dim meets 1 or itself. */
    public static int[] broadcast(int[] a, int[] b) {
        int r = Math.max(a.length, b.length);
        int[] o = new int[r];
        for (int i = 0; i < r; i++) {
            int x = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1, y = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            if (x == y || y == 1) o[i] = x;
            else if (x == 1) o[i] = y;
            else if (x == UNKNOWN || y == UNKNOWN) o[i] = x == UNKNOWN ? y : x;
            else throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
        }
        return o;
    }

    /** {@code f(a, b)} elementwise with broadcasting, in float32. */
    public static float[] binary(float[] a, int[] as, float[] b, int[] bs, int[] out, DoubleBinaryOperator f) {
        int n = size(out);
        float[] y = new float[n];
        int[] ia = index(as, out), ib = index(bs, out);
        for (int i = 0; i < n; i++) y[i] = (float) f.applyAsDouble(a[ia[i]], b[ib[i]]);
        return y;
    }

    /** For each element of {@code out}, the flat index of the element of {@code in} (broadcast into it) it reads. */
    public static int[] index(int[] in, int[] out) {
        int n = size(out), r = out.length;
        int[] idx = new int[n];
        int[] stride = new int[r];
        for (int i = r - 1, s = 1; i >= 0; i--) {
            int j = i - (r - in.length);
            stride[i] = j >= 0 && in[j] != 1 ? s : 0;
            if (j >= 0) s *= in[j];
        }
        int[] pos = new int[r];
        for (int k = 0, at = 0; k < n; k++) {
            idx[k] = at;
            for (int i = r - 1; i >= 0; i--) {
                pos[i]++;
                at += stride[i];
                if (pos[i] < out[i]) break;
                at -= stride[i] * pos[i];
                pos[i] = 0;
            }
        }
        return idx;
    }

    public static int size(int[] shape) {
        long n = 1;
        for (int d : shape) n = Math.multiplyExact(n, (long) d);
        return Math.toIntExact(n);
    }

    /** The reduction kinds. */
    public enum Reduce { SUM, MEAN, MAX, MIN, PROD }

    /** Reduces {@code x} of shape {@code s} over the axes marked in {@code axes}; the output keeps them as size 1. */
    public static float[] reduce(float[] x, int[] s, boolean[] axes, Reduce kind) {
        int[] out = s.clone();
        long count = 1;
        for (int i = 0; i < s.length; i++) if (axes[i]) {
            out[i] = 1;
            count *= s[i];
        }
        float[] y = new float[size(out)];
        float init = switch (kind) {
            case SUM, MEAN -> 0f;
            case PROD -> 1f;
            case MAX -> Float.NEGATIVE_INFINITY;
            case MIN -> Float.POSITIVE_INFINITY;
        };
        Arrays.fill(y, init);
        int[] idx = index(out, s); // each input element's output cell (out broadcasts back onto s)
        for (int i = 0; i < x.length; i++) {
            int o = idx[i];
            y[o] = switch (kind) {
                case SUM, MEAN -> y[o] + x[i];
                case PROD -> y[o] * x[i];
                case MAX -> Float.isNaN(x[i]) || x[i] > y[o] ? x[i] : y[o];
                case MIN -> Float.isNaN(x[i]) || x[i] < y[o] ? x[i] : y[o];
            };
        }
        if (kind == Reduce.MEAN) for (int o = 0; o < y.length; o++) y[o] /= count;
        return y;
    }

    /** Transposes {@code x} of shape {@code s}: output axis i is input axis {@code perm[i]}. */
    public static float[] transpose(float[] x, int[] s, int[] perm) {
        int r = s.length;
        int[] out = new int[r], inStride = new int[r], stride = new int[r];
        for (int i = r - 1, st = 1; i >= 0; i--) {
            inStride[i] = st;
            st *= s[i];
        }
        for (int i = 0; i < r; i++) {
            out[i] = s[perm[i]];
            stride[i] = inStride[perm[i]];
        }
        float[] y = new float[x.length];
        int[] pos = new int[r];
        for (int k = 0, at = 0; k < y.length; k++) {
            y[k] = x[at];
            for (int i = r - 1; i >= 0; i--) {
                pos[i]++;
                at += stride[i];
                if (pos[i] < out[i]) break;
                at -= stride[i] * pos[i];
                pos[i] = 0;
            }
        }
        return y;
    }

    /** Elements {@code begin[i] + k·strides[i]} for {@code k < out[i]} of every axis of {@code x} (shape {@code s}). */
    public static float[] slice(float[] x, int[] s, int[] begin, int[] strides, int[] out) {
        int r = s.length;
        int[] st = new int[r];
        for (int i = r - 1, m = 1; i >= 0; i--) {
            st[i] = m;
            m *= s[i];
        }
        float[] y = new float[size(out)];
        int[] pos = new int[r];
        for (int k = 0; k < y.length; k++) {
            int at = 0;
            for (int i = 0; i < r; i++) at += (begin[i] + pos[i] * strides[i]) * st[i];
            y[k] = x[at];
            for (int i = r - 1; i >= 0; i--) {
                if (++pos[i] < out[i]) break;
                pos[i] = 0;
            }
        }
        return y;
    }

    /**
     * Batched matrix product of {@code a} (…, m, k) and {@code b} (…, k, n), the leading axes broadcast (both already
     * broadcast to {@code lead}); {@code ta}/{@code tb} transpose the last two axes first. Sums in k order, float32.
     */
    public static float[] matmul(float[] a, int[] as, float[] b, int[] bs, boolean ta, boolean tb, int[] lead) {
        int ra = as.length, rb = bs.length;
        int m = ta ? as[ra - 1] : as[ra - 2], k = ta ? as[ra - 2] : as[ra - 1];
        int kb = tb ? bs[rb - 1] : bs[rb - 2], n = tb ? bs[rb - 2] : bs[rb - 1];
        if (k != kb) throw new IllegalArgumentException("matmul: inner dimensions " + k + " and " + kb + " differ");
        int[] la = Arrays.copyOf(as, ra - 2), lb = Arrays.copyOf(bs, rb - 2);
        int[] ia = index(la, lead), ib = index(lb, lead);
        int batches = size(lead);
        float[] y = new float[Math.multiplyExact(batches, m * n)];
        for (int t = 0; t < batches; t++) {
            int oa = ia[t] * m * k, ob = ib[t] * k * n, oy = t * m * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float acc = 0f;
                    for (int p = 0; p < k; p++) {
                        float u = ta ? a[oa + p * m + i] : a[oa + i * k + p];
                        float v = tb ? b[ob + j * k + p] : b[ob + p * n + j];
                        acc += u * v;
                    }
                    y[oy + i * n + j] = acc;
                }
            }
        }
        return y;
    }
}
