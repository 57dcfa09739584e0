package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.jkeras.activations.Simd;

/**
 * Every register tile of {@link DenseVector}, called directly with non-zero offsets, against the scalar formula of
 * the {@link DenseKernel} contract, bit for bit: per output element {@code acc = fma(x[k], W[k][n], acc)} for
 * k = 0 .. in-1 from +0, then {@code + b[n]}, then {@code max(·, lo)} in the clamping tiles; the narrow tiles
 * (1-vector panels) keep four partial sums, {@code acc[k % 4]}, added as {@code ((a0 + a1) + (a2 + a3)) + b[n]}.
 * Every element outside the tile's output (other columns, the gaps between rows, other rows) must keep its value.
 * Depths 1 to 35 cover every remainder of the narrow tiles' steps of four.
 */
class DenseVectorTest {
    private static final int[] DEPTHS = {1, 2, 3, 4, 6, 13, 35};
    private static final float UNTOUCHED = 99f;

    /** How a tile reads x and writes y. */
    private enum Form { STRIDED, ROWS, ROWS_COLUMN0 }

    /** Every tile: rows, vectors per panel, panels, form, whether it takes a clamp. */
    private enum Tile {
        TILE6(6, 4, 1, Form.STRIDED, false), TILE4(4, 4, 1, Form.STRIDED, false), TILE2(2, 4, 1, Form.STRIDED, false),
        TILE1(1, 4, 1, Form.STRIDED, false), ROW1X2(1, 4, 2, Form.STRIDED, false),
        TILE6R(6, 4, 1, Form.ROWS_COLUMN0, true), TILE6P(6, 4, 1, Form.ROWS_COLUMN0, true), TILE4R(4, 4, 1, Form.ROWS, true),
        TILE2R(2, 4, 1, Form.ROWS, false), TILE1R(1, 4, 1, Form.ROWS, false),
        TILE4X1(4, 1, 1, Form.STRIDED, false), TILE1X1(1, 1, 1, Form.STRIDED, false),
        TILE4X1R(4, 1, 1, Form.ROWS, false), TILE1X1R(1, 1, 1, Form.ROWS, false);

        final int rows, vectors, panels;
        final Form form;
        final boolean clamp;

        Tile(int rows, int vectors, int panels, Form form, boolean clamp) {
            this.rows = rows;
            this.vectors = vectors;
            this.panels = panels;
            this.form = form;
            this.clamp = clamp;
        }

        boolean narrow() {
            return vectors == 1;
        }
    }

    static Stream<Arguments> tiles() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Tile t : Tile.values()) {
            if (t.clamp) {
                b.add(Arguments.of(t, 0f)); // plain ReLU in registers
                b.add(Arguments.of(t, Float.NEGATIVE_INFINITY)); // no clamp
            } else {
                b.add(Arguments.of(t, Float.NaN)); // no lo parameter
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}, lo {1}")
    @MethodSource("tiles")
    void tileEqualsTheScalarFormula(Tile tile, float lo) {
        assumeTrue(Simd.ENABLED, "the Vector API is not enabled in this JVM");
        for (int in : DEPTHS) check(tile, lo, in);
    }

    /** The read-ahead tile reads aw[pf + LINE·k] for every k < in: one float short of that, it must fail. */
    @Test
    void readAheadTileReadsOneLinePerK() {
        assumeTrue(Simd.ENABLED, "the Vector API is not enabled in this JVM");
        int in = 13, pw = DenseVector.PANEL, pf = 7;
        float[][] x = new float[6][in], y = new float[6][pw];
        float[] w = new float[in * pw], b = new float[pw];
        DenseVector.tile6p(x, 0, in, w, 0, b, 0, y, 0, 0, 0f, new float[pf + DenseVector.LINE * (in - 1) + 1], pf);
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> DenseVector.tile6p(x, 0, in, w, 0, b, 0, y, 0, 0, 0f, new float[pf + DenseVector.LINE * (in - 1)], pf));
    }

    private static void check(Tile tile, float lo, int in) {
        int pw = tile.vectors * DenseVector.L, cols = tile.panels * pw, rows = tile.rows;
        SplittableRandom r = new SplittableRandom(31L * tile.ordinal() + in);
        float[][] xv = new float[rows][in]; // x[row][k]
        for (float[] row : xv) for (int k = 0; k < in; k++) row[k] = (float) r.nextDouble(-2, 2);
        int wo = 11, bo = 5;
        float[] w = random(r, wo + tile.panels * in * pw + 9), b = random(r, bo + cols + 7); // panel p: W[k][n] at wo + p·in·pw + k·pw + n

        float[][] expected = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int n = 0; n < cols; n++) {
                int base = wo + n / pw * in * pw, j = n % pw;
                float sum;
                if (tile.narrow()) {
                    float[] acc = new float[4];
                    for (int k = 0; k < in; k++) acc[k % 4] = Math.fma(xv[i][k], w[base + k * pw + j], acc[k % 4]);
                    sum = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + b[bo + n];
                } else {
                    float acc = 0f;
                    for (int k = 0; k < in; k++) acc = Math.fma(xv[i][k], w[base + k * pw + j], acc);
                    sum = acc + b[bo + n];
                }
                expected[i][n] = tile.clamp ? Math.max(sum, lo) : sum;
            }
        }

        String what = tile + ", lo " + lo + ", in " + in;
        if (tile.form == Form.STRIDED) {
            int xo = 3, yo = 6, ldy = cols + 5;
            float[] x = new float[xo + rows * in + 4];
            Arrays.fill(x, Float.NaN); // a read outside the rows would show as NaN
            for (int i = 0; i < rows; i++) System.arraycopy(xv[i], 0, x, xo + i * in, in);
            float[] y = new float[yo + (rows - 1) * ldy + cols + 8];
            Arrays.fill(y, UNTOUCHED);
            float[] want = y.clone();
            for (int i = 0; i < rows; i++) System.arraycopy(expected[i], 0, want, yo + i * ldy, cols);
            switch (tile) {
                case TILE6 -> DenseVector.tile6(x, xo, in, w, wo, b, bo, y, yo, ldy);
                case TILE4 -> DenseVector.tile4(x, xo, in, w, wo, b, bo, y, yo, ldy);
                case TILE2 -> DenseVector.tile2(x, xo, in, w, wo, b, bo, y, yo, ldy);
                case TILE1 -> DenseVector.tile1(x, xo, in, w, wo, b, bo, y, yo, ldy);
                case ROW1X2 -> DenseVector.row1x2(x, xo, in, w, wo, b, bo, y, yo);
                case TILE4X1 -> DenseVector.tile4x1(x, xo, in, w, wo, b, bo, y, yo, ldy);
                case TILE1X1 -> DenseVector.tile1x1(x, xo, in, w, wo, b, bo, y, yo, ldy);
                default -> throw new AssertionError(tile);
            }
            assertBits(want, y, what);
        } else {
            int xr = 2, xc = tile.form == Form.ROWS ? 3 : 0, yr = 1, yc = 4;
            float[][] x = new float[xr + rows + 2][];
            for (int i = 0; i < x.length; i++) {
                x[i] = new float[xc + in + 3];
                Arrays.fill(x[i], Float.NaN);
                if (i >= xr && i < xr + rows) System.arraycopy(xv[i - xr], 0, x[i], xc, in);
            }
            float[][] y = new float[yr + rows + 2][], want = new float[y.length][];
            for (int i = 0; i < y.length; i++) {
                y[i] = new float[yc + cols + 6];
                Arrays.fill(y[i], UNTOUCHED);
                want[i] = y[i].clone();
                if (i >= yr && i < yr + rows) System.arraycopy(expected[i - yr], 0, want[i], yc, cols);
            }
            int pf = 7;
            float[] aw = random(r, pf + DenseVector.LINE * in);
            switch (tile) {
                case TILE6R -> DenseVector.tile6r(x, xr, in, w, wo, b, bo, y, yr, yc, lo);
                case TILE6P -> DenseVector.tile6p(x, xr, in, w, wo, b, bo, y, yr, yc, lo, aw, pf);
                case TILE4R -> DenseVector.tile4r(x, xr, xc, in, w, wo, b, bo, y, yr, yc, lo);
                case TILE2R -> DenseVector.tile2r(x, xr, xc, in, w, wo, b, bo, y, yr, yc);
                case TILE1R -> DenseVector.tile1r(x, xr, xc, in, w, wo, b, bo, y, yr, yc);
                case TILE4X1R -> DenseVector.tile4x1r(x, xr, xc, in, w, wo, b, bo, y, yr, yc);
                case TILE1X1R -> DenseVector.tile1x1r(x, xr, xc, in, w, wo, b, bo, y, yr, yc);
                default -> throw new AssertionError(tile);
            }
            for (int i = 0; i < y.length; i++) assertBits(want[i], y[i], what + ", y row " + i);
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextDouble(-1, 1);
        return a;
    }

    private static void assertBits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]), what + ", element " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }
}
