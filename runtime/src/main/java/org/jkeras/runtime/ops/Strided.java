package org.jkeras.runtime.ops;

import org.jkeras.runtime.Shape;

/**
 * Copies of strided views of a C-order array: {@code out[i_0, ..., i_r] = src[off + Σ i_a · stride_a]}, the output in
 * C order. A stride may be 0 (broadcast, tile) or negative (flip, reversed slices); transposes permute the strides.
 */
final class Strided {
    private Strided() {
    }

    /** C-order strides of a shape. */
    static int[] strides(Shape s) {
        int[] st = new int[s.rank()];
        for (int a = s.rank() - 1, k = 1; a >= 0; a--) {
            st[a] = k;
            k *= s.dim(a);
        }
        return st;
    }

    static float[] gather(float[] src, int off, int[] dims, int[] strides) {
        int n = Shape.of(dims).size();
        float[] out = new float[n];
        if (n == 0) return out;
        int rank = dims.length;
        if (rank == 0) {
            out[0] = src[off];
            return out;
        }
        int last = dims[rank - 1], ls = strides[rank - 1];
        int[] pos = new int[rank];
        for (int o = 0, base = off; o < n; o += last) {
            if (ls == 1) System.arraycopy(src, base, out, o, last);
            else for (int j = 0, s = base; j < last; j++, s += ls) out[o + j] = src[s];
            for (int a = rank - 2; a >= 0; a--) {
                base += strides[a];
                if (++pos[a] < dims[a]) break;
                base -= strides[a] * dims[a];
                pos[a] = 0;
            }
        }
        return out;
    }

    /**
     * {@code x} of shape {@code s} indexed along {@code axis} by {@code idx} (each in {@code [0, s[axis])}): the rows
     * {@code x[..., idx[j], ...]} in order, the output of shape {@code s} with that axis {@code idx.length} long.
     */
    static float[] take(float[] x, Shape s, int axis, int[] idx) {
        int outer = 1, inner = 1;
        for (int a = 0; a < axis; a++) outer *= s.dim(a);
        for (int a = axis + 1; a < s.rank(); a++) inner *= s.dim(a);
        int n = s.dim(axis);
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(outer, idx.length), inner)];
        for (int o = 0, at = 0; o < outer; o++) {
            for (int j : idx) {
                System.arraycopy(x, (o * n + j) * inner, out, at, inner);
                at += inner;
            }
        }
        return out;
    }
}
