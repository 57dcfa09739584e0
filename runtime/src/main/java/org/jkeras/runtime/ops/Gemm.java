package org.jkeras.runtime.ops;

import org.jkeras.runtime.kernels.DenseKernel;

/**
 * Matrix products of the linear-algebra ops: {@code c = a · b}, a (m, k) and b (k, n) row-major. Large products run
 * on the packed {@link DenseKernel} (its vector micro-kernel, FMA sums in k order), small ones on {@link #reference}
 * (float products summed in k order); the two agree to float32 rounding (GemmTest).
 */
final class Gemm {
    /** Below this many multiply-adds, or this few rows, packing b costs more than it saves. */
    static final long PACK_MIN_MACS = 1 << 14;
    static final int PACK_MIN_ROWS = 4;

    private Gemm() {
    }

    /** Scalar reference: {@code c[i][j] = Σ_p a[i][p] · b[p][j]}, summed in p order. */
    static void reference(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            java.util.Arrays.fill(c, ci, ci + n, 0f);
            for (int p = 0; p < k; p++) {
                float x = a[aOff + i * k + p];
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) c[ci + j] += x * b[bp + j];
            }
        }
    }

    /** b (k, n) packed for {@link #multiply(DenseKernel, float[], int, float[], int, int)}, or null when k or n is 0. */
    static DenseKernel pack(float[] b, int bOff, int k, int n) {
        if (k < 1 || n < 1) return null;
        float[] w = bOff == 0 && b.length == k * n ? b : java.util.Arrays.copyOfRange(b, bOff, bOff + k * n);
        return DenseKernel.pack(w, null, k, n, null);
    }

    /** {@code c = a · b} for one product, by the kernel that suits its size. */
    static void multiply(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        if (m >= PACK_MIN_ROWS && (long) m * k * n >= PACK_MIN_MACS && k > 0 && n > 0) {
            multiply(pack(b, bOff, k, n), a, aOff, c, cOff, m);
        } else {
            reference(a, aOff, b, bOff, c, cOff, m, k, n);
        }
    }

    /** {@code c = a · b} with b packed: m rows of a. */
    static void multiply(DenseKernel b, float[] a, int aOff, float[] c, int cOff, int m) {
        if (m > 0) b.forward(a, aOff, c, cOff, m);
    }

    /**
     * Batched products {@code c[i] = a[aAt[i]] · b[bAt[i]]} (offsets into a and b), each (m, k) · (k, n), c holding
     * the batch contiguously. A b shared by every product of a contiguous a runs as one product of batch · m rows.
     */
    static float[] batched(float[] a, int[] aAt, float[] b, int[] bAt, int m, int k, int n) {
        int batch = aAt.length;
        float[] c = new float[Math.multiplyExact(Math.multiplyExact(batch, m), n)];
        boolean sharedB = true, contiguousA = true;
        for (int i = 0; i < batch; i++) {
            sharedB &= bAt[i] == bAt[0];
            contiguousA &= aAt[i] == aAt[0] + i * m * k;
        }
        if (batch > 1 && sharedB && contiguousA) {
            multiply(a, aAt[0], b, bAt[0], c, 0, batch * m, k, n);
        } else {
            for (int i = 0; i < batch; i++) multiply(a, aAt[i], b, bAt[i], c, i * m * n, m, k, n);
        }
        return c;
    }
}
