package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.jkeras.activations.Simd;

/**
 * Every register tile of {@link ConvVector} (1, 2 and 4 vectors wide; gathered or unit-step positions; with and
 * without the clamp), called directly, against the scalar formula of its contract: per output element
 * {@code max(lo, (fma over the taps in order from 0) + b)}, bit for bit; rows whose destination is −1 untouched.
 * Whichever tiles a model happens to reach on this CPU, each one runs here.
 */
class ConvVectorTest {
    static Stream<Arguments> tiles() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (int vectors : new int[] {1, 2, 4}) {
            for (boolean unit : new boolean[] {false, true}) {
                for (boolean clamp : new boolean[] {false, true}) b.add(Arguments.of(vectors, unit, clamp));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} vector(s), unit {1}, clamp {2}")
    @MethodSource("tiles")
    void tileEqualsTheScalarFormula(int vectors, boolean unit, boolean clamp) {
        assumeTrue(Simd.ENABLED, "the Vector API is not enabled in this JVM");
        int l = ConvVector.L, pw = vectors * l, rows = ConvVector.rows(pw), taps = 7;
        SplittableRandom r = new SplittableRandom(vectors * 4 + (unit ? 2 : 0) + (clamp ? 1 : 0));
        float[] x = new float[400];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-2, 2);
        int xo = 5, v = 3, wo = 16, bo = 8, yo = 4, ldy = pw + 3;
        int[] base = new int[v + rows];
        int start = r.nextInt(0, 40);
        for (int i = 0; i < rows; i++) base[v + i] = unit ? start + i : r.nextInt(0, 200); // unit: one cell apart, one channel
        int[] tapOffset = new int[taps];
        for (int t = 0; t < taps; t++) tapOffset[t] = t * 19 % 150;
        float[] w = new float[wo + taps * pw], b = new float[bo + pw];
        for (int i = 0; i < w.length; i++) w[i] = (float) r.nextDouble(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble(-1, 1);
        int[] dst = new int[2 + rows];
        int dv = 2;
        for (int i = 0; i < rows; i++) dst[dv + i] = i % 5 == 3 ? -1 : rows - 1 - i; // some rows skipped, in another order
        float lo = clamp ? 0.25f : Float.NEGATIVE_INFINITY;
        float[] y = new float[yo + rows * ldy + pw];
        java.util.Arrays.fill(y, 99f);
        ConvVector.tile(pw, unit, x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv, lo);
        float[] expected = new float[y.length];
        java.util.Arrays.fill(expected, 99f);
        for (int i = 0; i < rows; i++) {
            if (dst[dv + i] < 0) continue;
            for (int j = 0; j < pw; j++) {
                float acc = 0f;
                for (int t = 0; t < taps; t++) acc = Math.fma(x[xo + base[v + i] + tapOffset[t]], w[wo + t * pw + j], acc);
                float out = acc + b[bo + j];
                expected[yo + dst[dv + i] * ldy + j] = clamp ? Math.max(out, lo) : out;
            }
        }
        for (int i = 0; i < y.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(y[i]), "element " + i + ": " + expected[i] + " vs " + y[i]);
        }
    }
}
