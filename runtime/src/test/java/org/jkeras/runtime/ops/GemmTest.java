package org.jkeras.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The packed DenseKernel path and the scalar reference of {@link Gemm} against a double-precision product, and each other. */
class GemmTest {

    static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    /** {c, Σ|a·b|} in double. */
    static double[][] exact(float[] a, float[] b, int m, int k, int n) {
        double[][] r = new double[2][m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    r[0][i * n + j] += (double) a[i * k + p] * b[p * n + j];
                    r[1][i * n + j] += Math.abs((double) a[i * k + p] * b[p * n + j]);
                }
            }
        }
        return r;
    }

    @Test
    void packedAndReferenceAgreeWithTheExactProduct() {
        Random r = new Random(7);
        int[][] sizes = {{37, 65, 70}, {4, 64, 64}, {100, 3, 129}, {9, 200, 17}, {64, 33, 1}, {2, 5, 3}, {1, 1, 1}};
        for (int[] s : sizes) {
            int m = s[0], k = s[1], n = s[2];
            float[] a = random(r, m * k), b = random(r, k * n), ref = new float[m * n], fast = new float[m * n], packed = new float[m * n];
            Gemm.reference(a, 0, b, 0, ref, 0, m, k, n);
            Gemm.multiply(a, 0, b, 0, fast, 0, m, k, n);
            Gemm.multiply(Gemm.pack(b, 0, k, n), a, 0, packed, 0, m); // the DenseKernel, whatever the size
            double[][] e = exact(a, b, m, k, n);
            for (int i = 0; i < m * n; i++) {
                double tol = 2 * k * Math.ulp(1f) * e[1][i] + 1e-30; // float rounding of k products and sums
                assertEquals(e[0][i], ref[i], tol, "reference " + m + "x" + k + "x" + n + " at " + i);
                assertEquals(e[0][i], packed[i], tol, "packed " + m + "x" + k + "x" + n + " at " + i);
                assertEquals(e[0][i], fast[i], tol, "chosen " + m + "x" + k + "x" + n + " at " + i);
                assertEquals(ref[i], packed[i], 2 * tol, "packed vs reference at " + i);
            }
        }
    }

    @Test
    void batchedProductsReadTheirOffsets() {
        Random r = new Random(3);
        int m = 6, k = 5, n = 4;
        float[] a = random(r, 3 * m * k), b = random(r, 2 * k * n);
        int[] aAt = {0, m * k, 2 * m * k, 0}, bAt = {0, 0, k * n, k * n};
        float[] c = Gemm.batched(a, aAt, b, bAt, m, k, n);
        for (int t = 0; t < aAt.length; t++) {
            float[] want = new float[m * n];
            Gemm.reference(a, aAt[t], b, bAt[t], want, 0, m, k, n);
            for (int i = 0; i < m * n; i++) assertEquals(want[i], c[t * m * n + i], 1e-5f, "product " + t);
        }
        // one b for every product of a contiguous a: one product of 3m rows
        float[] shared = Gemm.batched(a, new int[] {0, m * k, 2 * m * k}, b, new int[] {k * n, k * n, k * n}, m, k, n);
        float[] want = new float[3 * m * n];
        Gemm.reference(a, 0, b, k * n, want, 0, 3 * m, k, n);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], shared[i], 1e-5f);
        assertTrue(Gemm.pack(b, 0, 0, n) == null, "no kernel for k = 0");
    }
}
