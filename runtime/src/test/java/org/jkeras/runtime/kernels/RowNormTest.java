package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link RowNorm}: the vector loop gives the scalar loop's bits, and both give the formula written out here, for
 * whole vectors and tails, with and without gamma and beta, in place and not, and in the rms form.
 */
class RowNormTest {
    @Test
    void vectorScalarAndFormulaAgree() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n : new int[] {1, 15, 16, 17, 64, 100, 256}) {
            float[] x = new float[n + 3], gamma = new float[n], beta = new float[n];
            for (int i = 0; i < x.length; i++) x[i] = (float) (r.nextGaussian() * 4);
            for (int i = 0; i < n; i++) {
                gamma[i] = (float) r.nextDouble(-2, 2);
                beta[i] = (float) r.nextDouble(-1, 1);
            }
            float mean = (float) r.nextGaussian(), inv = (float) r.nextDouble(0.1, 3);
            for (int form = 0; form < 5; form++) {
                boolean rms = form == 4;
                float[] g = form == 2 || form == 3 ? null : gamma, b = form == 1 || form == 3 || rms ? null : beta;
                float[] expected = new float[n];
                for (int i = 0; i < n; i++) {
                    float v = x[3 + i];
                    if (rms) {
                        expected[i] = g == null ? v * inv : v * inv * g[i];
                    } else {
                        float sc = g == null ? inv : inv * g[i];
                        expected[i] = v * sc + (b == null ? -mean * sc : -mean * sc + b[i]);
                    }
                }
                for (boolean simd : new boolean[] {true, false}) {
                    float[] y = new float[n + 5], inPlace = x.clone();
                    RowNorm.normalize(x, 3, y, 5, n, mean, inv, g, b, rms, simd);
                    RowNorm.normalize(inPlace, 3, inPlace, 3, n, mean, inv, g, b, rms, simd);
                    for (int i = 0; i < n; i++) {
                        String what = "n " + n + " form " + form + (simd ? " vector" : " scalar") + " element " + i;
                        assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(y[5 + i]), what);
                        assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(inPlace[3 + i]), what + " in place");
                    }
                }
            }
        }
    }
}
