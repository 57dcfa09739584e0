package org.jkeras.runtime.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API register tiles of {@link DirectConv}; loaded only when {@code Simd.ENABLED}. A tile is
 * {@link #rows} output positions × one panel of 1, 2 or 4 vectors of filters (12 × 1, 12 × 2, 6 × 4: 12 to 24
 * accumulators, enough independent FMA chains to cover the FMA latency on two pipes). Per tap it loads the
 * panel's weight vectors and broadcasts, for every position, the input value at {@code base[v + i] + tapOffset[t]}:
 * the im2col row element, read where it lies. Every accumulator lane runs {@code acc = fma(x, W[t][n], acc)}
 * over the taps in order and is stored; {@link #addBias} then adds {@code b[n]} and, for the {@code c} ("clamp")
 * tiles, takes {@code max(·, lo)}: the contract of {@link DenseKernel}. Tiles without a clamp save Math.max's five
 * instructions per vector (its NaN and −0 rules), a third of a 3×3 one-channel tile's time.
 *
 * <p>Row i is stored at {@code yo + dst[dv + i]·ldy}, or not at all when that is −1 (a position computed only to
 * fill the tile). The {@code u} ("unit") tiles serve one input channel with positions one cell apart
 * ({@code base[v + i] = base[v] + i}): they address the row's inputs as {@code p + i} from one index per tap,
 * so the JIT checks one range per tap instead of one per position.
 *
 * <p>One method per variant, each with one epilogue: with two, the method grew past what C2 inlines into one
 * compilation, and the stores and FMAs it could no longer inline ran the Vector API's Java fallback (8× slower).
 *
 * <p>The twelve tile methods are generated from one template by {@code TileSource} (test sources), between the
 * generated-code markers, so they cannot drift apart; {@code TileSourceTest} fails when they differ from it. Change the
 * template, then rewrite them with {@code java runtime/src/test/java/org/jkeras/runtime/kernels/TileSource.java
 * runtime/src/main/java}.
 */
final class ConvVector {
    static final VectorSpecies<Float> S = DenseVector.S; // the one species in use (see DenseVector)
    static final int L = S.length();

    private ConvVector() {
    }

    /** Output positions per tile for a panel of {@code pw} filters. */
    static int rows(int pw) {
        return pw == 4 * L ? 6 : 12;
    }

    /**
     * Positions [v, v + rows(pw)) of a panel {@code pw} wide: x read from xo + base[v + i] + tapOffset[t]; w
     * panel (taps, pw) from wo; b from bo; row i to y[yo + dst[dv + i]·ldy ..] unless that is −1. {@code unit}:
     * positions one cell apart in a one-channel image. {@code lo}: the clamp, −∞ for none.
     */
    static void tile(int pw, boolean unit, float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv, float lo) {
        boolean clamp = lo != Float.NEGATIVE_INFINITY;
        if (pw == L) {
            if (unit) {
                if (clamp) tile12x1uc(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv, lo);
                else tile12x1u(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv);
            } else if (clamp) {
                tile12x1c(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv, lo);
            } else {
                tile12x1(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv);
            }
        } else if (pw == 2 * L) {
            if (unit) {
                if (clamp) tile12x2uc(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv, lo);
                else tile12x2u(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv);
            } else if (clamp) {
                tile12x2c(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv, lo);
            } else {
                tile12x2(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv);
            }
        } else {
            if (unit) {
                if (clamp) tile6x4uc(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv, lo);
                else tile6x4u(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv);
            } else if (clamp) {
                tile6x4c(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv, lo);
            } else {
                tile6x4(x, xo, base, v, tapOffset, taps, w, wo, b, bo, y, yo, ldy, dst, dv);
            }
        }
    }

    /**
     * The stored rows of a tile (row i at yo + dst[dv + i]·ldy, none where that is −1), pw floats each: max(y + b[bo ..],
     * lo). The tiles store their accumulators as they are and leave the bias and clamp to this, from L1: with them
     * inside, a 24-accumulator tile exceeded C2's node budget and some of its stores ran as calls into the Vector
     * API's Java code (see DenseVector.addBias).
     */
    static void addBias(float[] y, int yo, int ldy, int[] dst, int dv, int rows, int pw, float[] b, int bo, float lo) {
        boolean clamp = lo != Float.NEGATIVE_INFINITY; // without, no max: its NaN and −0 rules cost five instructions a vector
        for (int i = 0; i < rows; i++) {
            int d = dst[dv + i];
            if (d < 0) continue;
            for (int j = 0, o = yo + d * ldy; j < pw; j += L) {
                FloatVector r = FloatVector.fromArray(S, y, o + j).add(FloatVector.fromArray(S, b, bo + j));
                (clamp ? r.max(lo) : r).intoArray(y, o + j);
            }
        }
    }

    // ---- generated by TileSource: do not edit by hand ----

    private static void tile12x1(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv) {
        FloatVector c0a = FloatVector.zero(S), c1a = c0a, c2a = c0a, c3a = c0a, c4a = c0a, c5a = c0a, c6a = c0a, c7a = c0a, c8a = c0a,
                c9a = c0a, c10a = c0a, c11a = c0a;
        int r0 = xo + base[v + 0], r1 = xo + base[v + 1], r2 = xo + base[v + 2], r3 = xo + base[v + 3], r4 = xo + base[v + 4],
                r5 = xo + base[v + 5], r6 = xo + base[v + 6], r7 = xo + base[v + 7], r8 = xo + base[v + 8], r9 = xo + base[v + 9],
                r10 = xo + base[v + 10], r11 = xo + base[v + 11];
        for (int t = 0; t < taps; t++, wo += L) {
            int o = tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector a = FloatVector.broadcast(S, x[r0 + o]);
            c0a = a.fma(w0, c0a);
            a = FloatVector.broadcast(S, x[r1 + o]);
            c1a = a.fma(w0, c1a);
            a = FloatVector.broadcast(S, x[r2 + o]);
            c2a = a.fma(w0, c2a);
            a = FloatVector.broadcast(S, x[r3 + o]);
            c3a = a.fma(w0, c3a);
            a = FloatVector.broadcast(S, x[r4 + o]);
            c4a = a.fma(w0, c4a);
            a = FloatVector.broadcast(S, x[r5 + o]);
            c5a = a.fma(w0, c5a);
            a = FloatVector.broadcast(S, x[r6 + o]);
            c6a = a.fma(w0, c6a);
            a = FloatVector.broadcast(S, x[r7 + o]);
            c7a = a.fma(w0, c7a);
            a = FloatVector.broadcast(S, x[r8 + o]);
            c8a = a.fma(w0, c8a);
            a = FloatVector.broadcast(S, x[r9 + o]);
            c9a = a.fma(w0, c9a);
            a = FloatVector.broadcast(S, x[r10 + o]);
            c10a = a.fma(w0, c10a);
            a = FloatVector.broadcast(S, x[r11 + o]);
            c11a = a.fma(w0, c11a);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o);
        }
        if ((d = dst[dv + 6]) >= 0) {
            int o = yo + d * ldy;
            c6a.intoArray(y, o);
        }
        if ((d = dst[dv + 7]) >= 0) {
            int o = yo + d * ldy;
            c7a.intoArray(y, o);
        }
        if ((d = dst[dv + 8]) >= 0) {
            int o = yo + d * ldy;
            c8a.intoArray(y, o);
        }
        if ((d = dst[dv + 9]) >= 0) {
            int o = yo + d * ldy;
            c9a.intoArray(y, o);
        }
        if ((d = dst[dv + 10]) >= 0) {
            int o = yo + d * ldy;
            c10a.intoArray(y, o);
        }
        if ((d = dst[dv + 11]) >= 0) {
            int o = yo + d * ldy;
            c11a.intoArray(y, o);
        }
        addBias(y, yo, ldy, dst, dv, 12, L, b, bo, Float.NEGATIVE_INFINITY);
    }

    private static void tile12x1c(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv, float lo) {
        FloatVector c0a = FloatVector.zero(S), c1a = c0a, c2a = c0a, c3a = c0a, c4a = c0a, c5a = c0a, c6a = c0a, c7a = c0a, c8a = c0a,
                c9a = c0a, c10a = c0a, c11a = c0a;
        int r0 = xo + base[v + 0], r1 = xo + base[v + 1], r2 = xo + base[v + 2], r3 = xo + base[v + 3], r4 = xo + base[v + 4],
                r5 = xo + base[v + 5], r6 = xo + base[v + 6], r7 = xo + base[v + 7], r8 = xo + base[v + 8], r9 = xo + base[v + 9],
                r10 = xo + base[v + 10], r11 = xo + base[v + 11];
        for (int t = 0; t < taps; t++, wo += L) {
            int o = tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector a = FloatVector.broadcast(S, x[r0 + o]);
            c0a = a.fma(w0, c0a);
            a = FloatVector.broadcast(S, x[r1 + o]);
            c1a = a.fma(w0, c1a);
            a = FloatVector.broadcast(S, x[r2 + o]);
            c2a = a.fma(w0, c2a);
            a = FloatVector.broadcast(S, x[r3 + o]);
            c3a = a.fma(w0, c3a);
            a = FloatVector.broadcast(S, x[r4 + o]);
            c4a = a.fma(w0, c4a);
            a = FloatVector.broadcast(S, x[r5 + o]);
            c5a = a.fma(w0, c5a);
            a = FloatVector.broadcast(S, x[r6 + o]);
            c6a = a.fma(w0, c6a);
            a = FloatVector.broadcast(S, x[r7 + o]);
            c7a = a.fma(w0, c7a);
            a = FloatVector.broadcast(S, x[r8 + o]);
            c8a = a.fma(w0, c8a);
            a = FloatVector.broadcast(S, x[r9 + o]);
            c9a = a.fma(w0, c9a);
            a = FloatVector.broadcast(S, x[r10 + o]);
            c10a = a.fma(w0, c10a);
            a = FloatVector.broadcast(S, x[r11 + o]);
            c11a = a.fma(w0, c11a);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o);
        }
        if ((d = dst[dv + 6]) >= 0) {
            int o = yo + d * ldy;
            c6a.intoArray(y, o);
        }
        if ((d = dst[dv + 7]) >= 0) {
            int o = yo + d * ldy;
            c7a.intoArray(y, o);
        }
        if ((d = dst[dv + 8]) >= 0) {
            int o = yo + d * ldy;
            c8a.intoArray(y, o);
        }
        if ((d = dst[dv + 9]) >= 0) {
            int o = yo + d * ldy;
            c9a.intoArray(y, o);
        }
        if ((d = dst[dv + 10]) >= 0) {
            int o = yo + d * ldy;
            c10a.intoArray(y, o);
        }
        if ((d = dst[dv + 11]) >= 0) {
            int o = yo + d * ldy;
            c11a.intoArray(y, o);
        }
        addBias(y, yo, ldy, dst, dv, 12, L, b, bo, lo);
    }

    private static void tile12x1u(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv) {
        FloatVector c0a = FloatVector.zero(S), c1a = c0a, c2a = c0a, c3a = c0a, c4a = c0a, c5a = c0a, c6a = c0a, c7a = c0a, c8a = c0a,
                c9a = c0a, c10a = c0a, c11a = c0a;
        int r = xo + base[v];
        for (int t = 0; t < taps; t++, wo += L) {
            int p = r + tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector a = FloatVector.broadcast(S, x[p]);
            c0a = a.fma(w0, c0a);
            a = FloatVector.broadcast(S, x[p + 1]);
            c1a = a.fma(w0, c1a);
            a = FloatVector.broadcast(S, x[p + 2]);
            c2a = a.fma(w0, c2a);
            a = FloatVector.broadcast(S, x[p + 3]);
            c3a = a.fma(w0, c3a);
            a = FloatVector.broadcast(S, x[p + 4]);
            c4a = a.fma(w0, c4a);
            a = FloatVector.broadcast(S, x[p + 5]);
            c5a = a.fma(w0, c5a);
            a = FloatVector.broadcast(S, x[p + 6]);
            c6a = a.fma(w0, c6a);
            a = FloatVector.broadcast(S, x[p + 7]);
            c7a = a.fma(w0, c7a);
            a = FloatVector.broadcast(S, x[p + 8]);
            c8a = a.fma(w0, c8a);
            a = FloatVector.broadcast(S, x[p + 9]);
            c9a = a.fma(w0, c9a);
            a = FloatVector.broadcast(S, x[p + 10]);
            c10a = a.fma(w0, c10a);
            a = FloatVector.broadcast(S, x[p + 11]);
            c11a = a.fma(w0, c11a);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o);
        }
        if ((d = dst[dv + 6]) >= 0) {
            int o = yo + d * ldy;
            c6a.intoArray(y, o);
        }
        if ((d = dst[dv + 7]) >= 0) {
            int o = yo + d * ldy;
            c7a.intoArray(y, o);
        }
        if ((d = dst[dv + 8]) >= 0) {
            int o = yo + d * ldy;
            c8a.intoArray(y, o);
        }
        if ((d = dst[dv + 9]) >= 0) {
            int o = yo + d * ldy;
            c9a.intoArray(y, o);
        }
        if ((d = dst[dv + 10]) >= 0) {
            int o = yo + d * ldy;
            c10a.intoArray(y, o);
        }
        if ((d = dst[dv + 11]) >= 0) {
            int o = yo + d * ldy;
            c11a.intoArray(y, o);
        }
        addBias(y, yo, ldy, dst, dv, 12, L, b, bo, Float.NEGATIVE_INFINITY);
    }

    private static void tile12x1uc(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv, float lo) {
        FloatVector c0a = FloatVector.zero(S), c1a = c0a, c2a = c0a, c3a = c0a, c4a = c0a, c5a = c0a, c6a = c0a, c7a = c0a, c8a = c0a,
                c9a = c0a, c10a = c0a, c11a = c0a;
        int r = xo + base[v];
        for (int t = 0; t < taps; t++, wo += L) {
            int p = r + tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector a = FloatVector.broadcast(S, x[p]);
            c0a = a.fma(w0, c0a);
            a = FloatVector.broadcast(S, x[p + 1]);
            c1a = a.fma(w0, c1a);
            a = FloatVector.broadcast(S, x[p + 2]);
            c2a = a.fma(w0, c2a);
            a = FloatVector.broadcast(S, x[p + 3]);
            c3a = a.fma(w0, c3a);
            a = FloatVector.broadcast(S, x[p + 4]);
            c4a = a.fma(w0, c4a);
            a = FloatVector.broadcast(S, x[p + 5]);
            c5a = a.fma(w0, c5a);
            a = FloatVector.broadcast(S, x[p + 6]);
            c6a = a.fma(w0, c6a);
            a = FloatVector.broadcast(S, x[p + 7]);
            c7a = a.fma(w0, c7a);
            a = FloatVector.broadcast(S, x[p + 8]);
            c8a = a.fma(w0, c8a);
            a = FloatVector.broadcast(S, x[p + 9]);
            c9a = a.fma(w0, c9a);
            a = FloatVector.broadcast(S, x[p + 10]);
            c10a = a.fma(w0, c10a);
            a = FloatVector.broadcast(S, x[p + 11]);
            c11a = a.fma(w0, c11a);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o);
        }
        if ((d = dst[dv + 6]) >= 0) {
            int o = yo + d * ldy;
            c6a.intoArray(y, o);
        }
        if ((d = dst[dv + 7]) >= 0) {
            int o = yo + d * ldy;
            c7a.intoArray(y, o);
        }
        if ((d = dst[dv + 8]) >= 0) {
            int o = yo + d * ldy;
            c8a.intoArray(y, o);
        }
        if ((d = dst[dv + 9]) >= 0) {
            int o = yo + d * ldy;
            c9a.intoArray(y, o);
        }
        if ((d = dst[dv + 10]) >= 0) {
            int o = yo + d * ldy;
            c10a.intoArray(y, o);
        }
        if ((d = dst[dv + 11]) >= 0) {
            int o = yo + d * ldy;
            c11a.intoArray(y, o);
        }
        addBias(y, yo, ldy, dst, dv, 12, L, b, bo, lo);
    }

    private static void tile12x2(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv) {
        FloatVector c0a = FloatVector.zero(S), c0b = c0a, c1a = c0a, c1b = c0a, c2a = c0a, c2b = c0a, c3a = c0a, c3b = c0a, c4a = c0a,
                c4b = c0a, c5a = c0a, c5b = c0a, c6a = c0a, c6b = c0a, c7a = c0a, c7b = c0a, c8a = c0a, c8b = c0a, c9a = c0a, c9b = c0a,
                c10a = c0a, c10b = c0a, c11a = c0a, c11b = c0a;
        int r0 = xo + base[v + 0], r1 = xo + base[v + 1], r2 = xo + base[v + 2], r3 = xo + base[v + 3], r4 = xo + base[v + 4],
                r5 = xo + base[v + 5], r6 = xo + base[v + 6], r7 = xo + base[v + 7], r8 = xo + base[v + 8], r9 = xo + base[v + 9],
                r10 = xo + base[v + 10], r11 = xo + base[v + 11];
        for (int t = 0; t < taps; t++, wo += 2 * L) {
            int o = tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L);
            FloatVector a = FloatVector.broadcast(S, x[r0 + o]);
            c0a = a.fma(w0, c0a); c0b = a.fma(w1, c0b);
            a = FloatVector.broadcast(S, x[r1 + o]);
            c1a = a.fma(w0, c1a); c1b = a.fma(w1, c1b);
            a = FloatVector.broadcast(S, x[r2 + o]);
            c2a = a.fma(w0, c2a); c2b = a.fma(w1, c2b);
            a = FloatVector.broadcast(S, x[r3 + o]);
            c3a = a.fma(w0, c3a); c3b = a.fma(w1, c3b);
            a = FloatVector.broadcast(S, x[r4 + o]);
            c4a = a.fma(w0, c4a); c4b = a.fma(w1, c4b);
            a = FloatVector.broadcast(S, x[r5 + o]);
            c5a = a.fma(w0, c5a); c5b = a.fma(w1, c5b);
            a = FloatVector.broadcast(S, x[r6 + o]);
            c6a = a.fma(w0, c6a); c6b = a.fma(w1, c6b);
            a = FloatVector.broadcast(S, x[r7 + o]);
            c7a = a.fma(w0, c7a); c7b = a.fma(w1, c7b);
            a = FloatVector.broadcast(S, x[r8 + o]);
            c8a = a.fma(w0, c8a); c8b = a.fma(w1, c8b);
            a = FloatVector.broadcast(S, x[r9 + o]);
            c9a = a.fma(w0, c9a); c9b = a.fma(w1, c9b);
            a = FloatVector.broadcast(S, x[r10 + o]);
            c10a = a.fma(w0, c10a); c10b = a.fma(w1, c10b);
            a = FloatVector.broadcast(S, x[r11 + o]);
            c11a = a.fma(w0, c11a); c11b = a.fma(w1, c11b);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o); c0b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o); c1b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o); c2b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o); c3b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o); c4b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o); c5b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 6]) >= 0) {
            int o = yo + d * ldy;
            c6a.intoArray(y, o); c6b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 7]) >= 0) {
            int o = yo + d * ldy;
            c7a.intoArray(y, o); c7b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 8]) >= 0) {
            int o = yo + d * ldy;
            c8a.intoArray(y, o); c8b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 9]) >= 0) {
            int o = yo + d * ldy;
            c9a.intoArray(y, o); c9b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 10]) >= 0) {
            int o = yo + d * ldy;
            c10a.intoArray(y, o); c10b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 11]) >= 0) {
            int o = yo + d * ldy;
            c11a.intoArray(y, o); c11b.intoArray(y, o + L);
        }
        addBias(y, yo, ldy, dst, dv, 12, 2 * L, b, bo, Float.NEGATIVE_INFINITY);
    }

    private static void tile12x2c(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv, float lo) {
        FloatVector c0a = FloatVector.zero(S), c0b = c0a, c1a = c0a, c1b = c0a, c2a = c0a, c2b = c0a, c3a = c0a, c3b = c0a, c4a = c0a,
                c4b = c0a, c5a = c0a, c5b = c0a, c6a = c0a, c6b = c0a, c7a = c0a, c7b = c0a, c8a = c0a, c8b = c0a, c9a = c0a, c9b = c0a,
                c10a = c0a, c10b = c0a, c11a = c0a, c11b = c0a;
        int r0 = xo + base[v + 0], r1 = xo + base[v + 1], r2 = xo + base[v + 2], r3 = xo + base[v + 3], r4 = xo + base[v + 4],
                r5 = xo + base[v + 5], r6 = xo + base[v + 6], r7 = xo + base[v + 7], r8 = xo + base[v + 8], r9 = xo + base[v + 9],
                r10 = xo + base[v + 10], r11 = xo + base[v + 11];
        for (int t = 0; t < taps; t++, wo += 2 * L) {
            int o = tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L);
            FloatVector a = FloatVector.broadcast(S, x[r0 + o]);
            c0a = a.fma(w0, c0a); c0b = a.fma(w1, c0b);
            a = FloatVector.broadcast(S, x[r1 + o]);
            c1a = a.fma(w0, c1a); c1b = a.fma(w1, c1b);
            a = FloatVector.broadcast(S, x[r2 + o]);
            c2a = a.fma(w0, c2a); c2b = a.fma(w1, c2b);
            a = FloatVector.broadcast(S, x[r3 + o]);
            c3a = a.fma(w0, c3a); c3b = a.fma(w1, c3b);
            a = FloatVector.broadcast(S, x[r4 + o]);
            c4a = a.fma(w0, c4a); c4b = a.fma(w1, c4b);
            a = FloatVector.broadcast(S, x[r5 + o]);
            c5a = a.fma(w0, c5a); c5b = a.fma(w1, c5b);
            a = FloatVector.broadcast(S, x[r6 + o]);
            c6a = a.fma(w0, c6a); c6b = a.fma(w1, c6b);
            a = FloatVector.broadcast(S, x[r7 + o]);
            c7a = a.fma(w0, c7a); c7b = a.fma(w1, c7b);
            a = FloatVector.broadcast(S, x[r8 + o]);
            c8a = a.fma(w0, c8a); c8b = a.fma(w1, c8b);
            a = FloatVector.broadcast(S, x[r9 + o]);
            c9a = a.fma(w0, c9a); c9b = a.fma(w1, c9b);
            a = FloatVector.broadcast(S, x[r10 + o]);
            c10a = a.fma(w0, c10a); c10b = a.fma(w1, c10b);
            a = FloatVector.broadcast(S, x[r11 + o]);
            c11a = a.fma(w0, c11a); c11b = a.fma(w1, c11b);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o); c0b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o); c1b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o); c2b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o); c3b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o); c4b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o); c5b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 6]) >= 0) {
            int o = yo + d * ldy;
            c6a.intoArray(y, o); c6b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 7]) >= 0) {
            int o = yo + d * ldy;
            c7a.intoArray(y, o); c7b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 8]) >= 0) {
            int o = yo + d * ldy;
            c8a.intoArray(y, o); c8b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 9]) >= 0) {
            int o = yo + d * ldy;
            c9a.intoArray(y, o); c9b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 10]) >= 0) {
            int o = yo + d * ldy;
            c10a.intoArray(y, o); c10b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 11]) >= 0) {
            int o = yo + d * ldy;
            c11a.intoArray(y, o); c11b.intoArray(y, o + L);
        }
        addBias(y, yo, ldy, dst, dv, 12, 2 * L, b, bo, lo);
    }

    private static void tile12x2u(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv) {
        FloatVector c0a = FloatVector.zero(S), c0b = c0a, c1a = c0a, c1b = c0a, c2a = c0a, c2b = c0a, c3a = c0a, c3b = c0a, c4a = c0a,
                c4b = c0a, c5a = c0a, c5b = c0a, c6a = c0a, c6b = c0a, c7a = c0a, c7b = c0a, c8a = c0a, c8b = c0a, c9a = c0a, c9b = c0a,
                c10a = c0a, c10b = c0a, c11a = c0a, c11b = c0a;
        int r = xo + base[v];
        for (int t = 0; t < taps; t++, wo += 2 * L) {
            int p = r + tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L);
            FloatVector a = FloatVector.broadcast(S, x[p]);
            c0a = a.fma(w0, c0a); c0b = a.fma(w1, c0b);
            a = FloatVector.broadcast(S, x[p + 1]);
            c1a = a.fma(w0, c1a); c1b = a.fma(w1, c1b);
            a = FloatVector.broadcast(S, x[p + 2]);
            c2a = a.fma(w0, c2a); c2b = a.fma(w1, c2b);
            a = FloatVector.broadcast(S, x[p + 3]);
            c3a = a.fma(w0, c3a); c3b = a.fma(w1, c3b);
            a = FloatVector.broadcast(S, x[p + 4]);
            c4a = a.fma(w0, c4a); c4b = a.fma(w1, c4b);
            a = FloatVector.broadcast(S, x[p + 5]);
            c5a = a.fma(w0, c5a); c5b = a.fma(w1, c5b);
            a = FloatVector.broadcast(S, x[p + 6]);
            c6a = a.fma(w0, c6a); c6b = a.fma(w1, c6b);
            a = FloatVector.broadcast(S, x[p + 7]);
            c7a = a.fma(w0, c7a); c7b = a.fma(w1, c7b);
            a = FloatVector.broadcast(S, x[p + 8]);
            c8a = a.fma(w0, c8a); c8b = a.fma(w1, c8b);
            a = FloatVector.broadcast(S, x[p + 9]);
            c9a = a.fma(w0, c9a); c9b = a.fma(w1, c9b);
            a = FloatVector.broadcast(S, x[p + 10]);
            c10a = a.fma(w0, c10a); c10b = a.fma(w1, c10b);
            a = FloatVector.broadcast(S, x[p + 11]);
            c11a = a.fma(w0, c11a); c11b = a.fma(w1, c11b);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o); c0b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o); c1b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o); c2b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o); c3b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o); c4b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o); c5b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 6]) >= 0) {
            int o = yo + d * ldy;
            c6a.intoArray(y, o); c6b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 7]) >= 0) {
            int o = yo + d * ldy;
            c7a.intoArray(y, o); c7b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 8]) >= 0) {
            int o = yo + d * ldy;
            c8a.intoArray(y, o); c8b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 9]) >= 0) {
            int o = yo + d * ldy;
            c9a.intoArray(y, o); c9b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 10]) >= 0) {
            int o = yo + d * ldy;
            c10a.intoArray(y, o); c10b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 11]) >= 0) {
            int o = yo + d * ldy;
            c11a.intoArray(y, o); c11b.intoArray(y, o + L);
        }
        addBias(y, yo, ldy, dst, dv, 12, 2 * L, b, bo, Float.NEGATIVE_INFINITY);
    }

    private static void tile12x2uc(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv, float lo) {
        FloatVector c0a = FloatVector.zero(S), c0b = c0a, c1a = c0a, c1b = c0a, c2a = c0a, c2b = c0a, c3a = c0a, c3b = c0a, c4a = c0a,
                c4b = c0a, c5a = c0a, c5b = c0a, c6a = c0a, c6b = c0a, c7a = c0a, c7b = c0a, c8a = c0a, c8b = c0a, c9a = c0a, c9b = c0a,
                c10a = c0a, c10b = c0a, c11a = c0a, c11b = c0a;
        int r = xo + base[v];
        for (int t = 0; t < taps; t++, wo += 2 * L) {
            int p = r + tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L);
            FloatVector a = FloatVector.broadcast(S, x[p]);
            c0a = a.fma(w0, c0a); c0b = a.fma(w1, c0b);
            a = FloatVector.broadcast(S, x[p + 1]);
            c1a = a.fma(w0, c1a); c1b = a.fma(w1, c1b);
            a = FloatVector.broadcast(S, x[p + 2]);
            c2a = a.fma(w0, c2a); c2b = a.fma(w1, c2b);
            a = FloatVector.broadcast(S, x[p + 3]);
            c3a = a.fma(w0, c3a); c3b = a.fma(w1, c3b);
            a = FloatVector.broadcast(S, x[p + 4]);
            c4a = a.fma(w0, c4a); c4b = a.fma(w1, c4b);
            a = FloatVector.broadcast(S, x[p + 5]);
            c5a = a.fma(w0, c5a); c5b = a.fma(w1, c5b);
            a = FloatVector.broadcast(S, x[p + 6]);
            c6a = a.fma(w0, c6a); c6b = a.fma(w1, c6b);
            a = FloatVector.broadcast(S, x[p + 7]);
            c7a = a.fma(w0, c7a); c7b = a.fma(w1, c7b);
            a = FloatVector.broadcast(S, x[p + 8]);
            c8a = a.fma(w0, c8a); c8b = a.fma(w1, c8b);
            a = FloatVector.broadcast(S, x[p + 9]);
            c9a = a.fma(w0, c9a); c9b = a.fma(w1, c9b);
            a = FloatVector.broadcast(S, x[p + 10]);
            c10a = a.fma(w0, c10a); c10b = a.fma(w1, c10b);
            a = FloatVector.broadcast(S, x[p + 11]);
            c11a = a.fma(w0, c11a); c11b = a.fma(w1, c11b);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o); c0b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o); c1b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o); c2b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o); c3b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o); c4b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o); c5b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 6]) >= 0) {
            int o = yo + d * ldy;
            c6a.intoArray(y, o); c6b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 7]) >= 0) {
            int o = yo + d * ldy;
            c7a.intoArray(y, o); c7b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 8]) >= 0) {
            int o = yo + d * ldy;
            c8a.intoArray(y, o); c8b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 9]) >= 0) {
            int o = yo + d * ldy;
            c9a.intoArray(y, o); c9b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 10]) >= 0) {
            int o = yo + d * ldy;
            c10a.intoArray(y, o); c10b.intoArray(y, o + L);
        }
        if ((d = dst[dv + 11]) >= 0) {
            int o = yo + d * ldy;
            c11a.intoArray(y, o); c11b.intoArray(y, o + L);
        }
        addBias(y, yo, ldy, dst, dv, 12, 2 * L, b, bo, lo);
    }

    private static void tile6x4(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv) {
        FloatVector c0a = FloatVector.zero(S), c0b = c0a, c0c = c0a, c0d = c0a, c1a = c0a, c1b = c0a, c1c = c0a, c1d = c0a, c2a = c0a,
                c2b = c0a, c2c = c0a, c2d = c0a, c3a = c0a, c3b = c0a, c3c = c0a, c3d = c0a, c4a = c0a, c4b = c0a, c4c = c0a, c4d = c0a,
                c5a = c0a, c5b = c0a, c5c = c0a, c5d = c0a;
        int r0 = xo + base[v + 0], r1 = xo + base[v + 1], r2 = xo + base[v + 2], r3 = xo + base[v + 3], r4 = xo + base[v + 4],
                r5 = xo + base[v + 5];
        for (int t = 0; t < taps; t++, wo += 4 * L) {
            int o = tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[r0 + o]);
            c0a = a.fma(w0, c0a); c0b = a.fma(w1, c0b); c0c = a.fma(w2, c0c); c0d = a.fma(w3, c0d);
            a = FloatVector.broadcast(S, x[r1 + o]);
            c1a = a.fma(w0, c1a); c1b = a.fma(w1, c1b); c1c = a.fma(w2, c1c); c1d = a.fma(w3, c1d);
            a = FloatVector.broadcast(S, x[r2 + o]);
            c2a = a.fma(w0, c2a); c2b = a.fma(w1, c2b); c2c = a.fma(w2, c2c); c2d = a.fma(w3, c2d);
            a = FloatVector.broadcast(S, x[r3 + o]);
            c3a = a.fma(w0, c3a); c3b = a.fma(w1, c3b); c3c = a.fma(w2, c3c); c3d = a.fma(w3, c3d);
            a = FloatVector.broadcast(S, x[r4 + o]);
            c4a = a.fma(w0, c4a); c4b = a.fma(w1, c4b); c4c = a.fma(w2, c4c); c4d = a.fma(w3, c4d);
            a = FloatVector.broadcast(S, x[r5 + o]);
            c5a = a.fma(w0, c5a); c5b = a.fma(w1, c5b); c5c = a.fma(w2, c5c); c5d = a.fma(w3, c5d);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o); c0b.intoArray(y, o + L); c0c.intoArray(y, o + 2 * L); c0d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o); c1b.intoArray(y, o + L); c1c.intoArray(y, o + 2 * L); c1d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o); c2b.intoArray(y, o + L); c2c.intoArray(y, o + 2 * L); c2d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o); c3b.intoArray(y, o + L); c3c.intoArray(y, o + 2 * L); c3d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o); c4b.intoArray(y, o + L); c4c.intoArray(y, o + 2 * L); c4d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o); c5b.intoArray(y, o + L); c5c.intoArray(y, o + 2 * L); c5d.intoArray(y, o + 3 * L);
        }
        addBias(y, yo, ldy, dst, dv, 6, 4 * L, b, bo, Float.NEGATIVE_INFINITY);
    }

    private static void tile6x4c(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv, float lo) {
        FloatVector c0a = FloatVector.zero(S), c0b = c0a, c0c = c0a, c0d = c0a, c1a = c0a, c1b = c0a, c1c = c0a, c1d = c0a, c2a = c0a,
                c2b = c0a, c2c = c0a, c2d = c0a, c3a = c0a, c3b = c0a, c3c = c0a, c3d = c0a, c4a = c0a, c4b = c0a, c4c = c0a, c4d = c0a,
                c5a = c0a, c5b = c0a, c5c = c0a, c5d = c0a;
        int r0 = xo + base[v + 0], r1 = xo + base[v + 1], r2 = xo + base[v + 2], r3 = xo + base[v + 3], r4 = xo + base[v + 4],
                r5 = xo + base[v + 5];
        for (int t = 0; t < taps; t++, wo += 4 * L) {
            int o = tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[r0 + o]);
            c0a = a.fma(w0, c0a); c0b = a.fma(w1, c0b); c0c = a.fma(w2, c0c); c0d = a.fma(w3, c0d);
            a = FloatVector.broadcast(S, x[r1 + o]);
            c1a = a.fma(w0, c1a); c1b = a.fma(w1, c1b); c1c = a.fma(w2, c1c); c1d = a.fma(w3, c1d);
            a = FloatVector.broadcast(S, x[r2 + o]);
            c2a = a.fma(w0, c2a); c2b = a.fma(w1, c2b); c2c = a.fma(w2, c2c); c2d = a.fma(w3, c2d);
            a = FloatVector.broadcast(S, x[r3 + o]);
            c3a = a.fma(w0, c3a); c3b = a.fma(w1, c3b); c3c = a.fma(w2, c3c); c3d = a.fma(w3, c3d);
            a = FloatVector.broadcast(S, x[r4 + o]);
            c4a = a.fma(w0, c4a); c4b = a.fma(w1, c4b); c4c = a.fma(w2, c4c); c4d = a.fma(w3, c4d);
            a = FloatVector.broadcast(S, x[r5 + o]);
            c5a = a.fma(w0, c5a); c5b = a.fma(w1, c5b); c5c = a.fma(w2, c5c); c5d = a.fma(w3, c5d);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o); c0b.intoArray(y, o + L); c0c.intoArray(y, o + 2 * L); c0d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o); c1b.intoArray(y, o + L); c1c.intoArray(y, o + 2 * L); c1d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o); c2b.intoArray(y, o + L); c2c.intoArray(y, o + 2 * L); c2d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o); c3b.intoArray(y, o + L); c3c.intoArray(y, o + 2 * L); c3d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o); c4b.intoArray(y, o + L); c4c.intoArray(y, o + 2 * L); c4d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o); c5b.intoArray(y, o + L); c5c.intoArray(y, o + 2 * L); c5d.intoArray(y, o + 3 * L);
        }
        addBias(y, yo, ldy, dst, dv, 6, 4 * L, b, bo, lo);
    }

    private static void tile6x4u(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv) {
        FloatVector c0a = FloatVector.zero(S), c0b = c0a, c0c = c0a, c0d = c0a, c1a = c0a, c1b = c0a, c1c = c0a, c1d = c0a, c2a = c0a,
                c2b = c0a, c2c = c0a, c2d = c0a, c3a = c0a, c3b = c0a, c3c = c0a, c3d = c0a, c4a = c0a, c4b = c0a, c4c = c0a, c4d = c0a,
                c5a = c0a, c5b = c0a, c5c = c0a, c5d = c0a;
        int r = xo + base[v];
        for (int t = 0; t < taps; t++, wo += 4 * L) {
            int p = r + tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[p]);
            c0a = a.fma(w0, c0a); c0b = a.fma(w1, c0b); c0c = a.fma(w2, c0c); c0d = a.fma(w3, c0d);
            a = FloatVector.broadcast(S, x[p + 1]);
            c1a = a.fma(w0, c1a); c1b = a.fma(w1, c1b); c1c = a.fma(w2, c1c); c1d = a.fma(w3, c1d);
            a = FloatVector.broadcast(S, x[p + 2]);
            c2a = a.fma(w0, c2a); c2b = a.fma(w1, c2b); c2c = a.fma(w2, c2c); c2d = a.fma(w3, c2d);
            a = FloatVector.broadcast(S, x[p + 3]);
            c3a = a.fma(w0, c3a); c3b = a.fma(w1, c3b); c3c = a.fma(w2, c3c); c3d = a.fma(w3, c3d);
            a = FloatVector.broadcast(S, x[p + 4]);
            c4a = a.fma(w0, c4a); c4b = a.fma(w1, c4b); c4c = a.fma(w2, c4c); c4d = a.fma(w3, c4d);
            a = FloatVector.broadcast(S, x[p + 5]);
            c5a = a.fma(w0, c5a); c5b = a.fma(w1, c5b); c5c = a.fma(w2, c5c); c5d = a.fma(w3, c5d);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o); c0b.intoArray(y, o + L); c0c.intoArray(y, o + 2 * L); c0d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o); c1b.intoArray(y, o + L); c1c.intoArray(y, o + 2 * L); c1d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o); c2b.intoArray(y, o + L); c2c.intoArray(y, o + 2 * L); c2d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o); c3b.intoArray(y, o + L); c3c.intoArray(y, o + 2 * L); c3d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o); c4b.intoArray(y, o + L); c4c.intoArray(y, o + 2 * L); c4d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o); c5b.intoArray(y, o + L); c5c.intoArray(y, o + 2 * L); c5d.intoArray(y, o + 3 * L);
        }
        addBias(y, yo, ldy, dst, dv, 6, 4 * L, b, bo, Float.NEGATIVE_INFINITY);
    }

    private static void tile6x4uc(float[] x, int xo, int[] base, int v, int[] tapOffset, int taps, float[] w, int wo, float[] b, int bo,
            float[] y, int yo, int ldy, int[] dst, int dv, float lo) {
        FloatVector c0a = FloatVector.zero(S), c0b = c0a, c0c = c0a, c0d = c0a, c1a = c0a, c1b = c0a, c1c = c0a, c1d = c0a, c2a = c0a,
                c2b = c0a, c2c = c0a, c2d = c0a, c3a = c0a, c3b = c0a, c3c = c0a, c3d = c0a, c4a = c0a, c4b = c0a, c4c = c0a, c4d = c0a,
                c5a = c0a, c5b = c0a, c5c = c0a, c5d = c0a;
        int r = xo + base[v];
        for (int t = 0; t < taps; t++, wo += 4 * L) {
            int p = r + tapOffset[t];
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[p]);
            c0a = a.fma(w0, c0a); c0b = a.fma(w1, c0b); c0c = a.fma(w2, c0c); c0d = a.fma(w3, c0d);
            a = FloatVector.broadcast(S, x[p + 1]);
            c1a = a.fma(w0, c1a); c1b = a.fma(w1, c1b); c1c = a.fma(w2, c1c); c1d = a.fma(w3, c1d);
            a = FloatVector.broadcast(S, x[p + 2]);
            c2a = a.fma(w0, c2a); c2b = a.fma(w1, c2b); c2c = a.fma(w2, c2c); c2d = a.fma(w3, c2d);
            a = FloatVector.broadcast(S, x[p + 3]);
            c3a = a.fma(w0, c3a); c3b = a.fma(w1, c3b); c3c = a.fma(w2, c3c); c3d = a.fma(w3, c3d);
            a = FloatVector.broadcast(S, x[p + 4]);
            c4a = a.fma(w0, c4a); c4b = a.fma(w1, c4b); c4c = a.fma(w2, c4c); c4d = a.fma(w3, c4d);
            a = FloatVector.broadcast(S, x[p + 5]);
            c5a = a.fma(w0, c5a); c5b = a.fma(w1, c5b); c5c = a.fma(w2, c5c); c5d = a.fma(w3, c5d);
        }
        int d;
        if ((d = dst[dv + 0]) >= 0) {
            int o = yo + d * ldy;
            c0a.intoArray(y, o); c0b.intoArray(y, o + L); c0c.intoArray(y, o + 2 * L); c0d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 1]) >= 0) {
            int o = yo + d * ldy;
            c1a.intoArray(y, o); c1b.intoArray(y, o + L); c1c.intoArray(y, o + 2 * L); c1d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 2]) >= 0) {
            int o = yo + d * ldy;
            c2a.intoArray(y, o); c2b.intoArray(y, o + L); c2c.intoArray(y, o + 2 * L); c2d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 3]) >= 0) {
            int o = yo + d * ldy;
            c3a.intoArray(y, o); c3b.intoArray(y, o + L); c3c.intoArray(y, o + 2 * L); c3d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 4]) >= 0) {
            int o = yo + d * ldy;
            c4a.intoArray(y, o); c4b.intoArray(y, o + L); c4c.intoArray(y, o + 2 * L); c4d.intoArray(y, o + 3 * L);
        }
        if ((d = dst[dv + 5]) >= 0) {
            int o = yo + d * ldy;
            c5a.intoArray(y, o); c5b.intoArray(y, o + L); c5c.intoArray(y, o + 2 * L); c5d.intoArray(y, o + 3 * L);
        }
        addBias(y, yo, ldy, dst, dv, 6, 4 * L, b, bo, lo);
    }

    // ---- end of generated tiles ----
}
