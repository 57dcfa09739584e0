package org.jkeras.runtime.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.jkeras.activations.ElementwiseActivation;

/**
 * Vector API micro-kernels of {@link DenseKernel}; loaded only when {@code Simd.ENABLED}.
 *
 * <p>Register blocking: a tile is {@code mr} rows × one panel of {@code PANEL} = 4 vectors of columns. Per k it
 * loads the panel's 4 weight vectors (contiguous), broadcasts one x per row and issues {@code 4·mr} FMAs into
 * {@code 4·mr} accumulators: 6 rows use 24 accumulators + 4 weights + 1 broadcast = 29 of the 32 AVX-512
 * registers. Each accumulator lane runs exactly {@code acc = fma(x[k], W[k][n], acc)} for k = 0..in-1, then
 * {@code + b[n]}: the contract of {@link DenseKernel}. The k loop is never split (no K-blocking: storing and
 * reloading the tile per K block measured slower than streaming the panel from L2). Layers of at most one
 * vector of units (10 classes, 1 logit) get 1-vector panels and 4 × 1 tiles, four partial sums per row (the
 * narrow contract of {@link DenseKernel}), instead of a 4-vector panel that would be mostly padding.
 *
 * <p>Two forms. The strided form ({@link #linear}: x rows {@code in} apart in one array) serves
 * {@link DenseKernel#forward}. The rows form ({@link #linearRows}: each x row its own array, read from one
 * column) serves {@link DenseChain}: a broadcast there is addressed by the loop index alone, where the strided
 * form first adds its row's offset, six integer ops per k that share ports with the FMAs (measured, 60 rows,
 * weights 64-byte aligned: 784 → 512 182 → 200, 512 → 512 198 → 224 GFLOP/s). The rows form's 6-row tiles also
 * read ahead the panel to come (see {@link #tileRows}).
 *
 * <p>Measured on the 2-vCPU AVX-512 box (FMA peak 237 GFLOP/s), Dense 784 → 512: 6 × 4 tiles reach 180-215
 * GFLOP/s with the weights in L2 (4 × 4: 130; 12 × 2, 8 × 3, 5 × 5: within noise of 6 × 4; unrolling k by 2,
 * or indexing the weights from k rather than a second induction variable: slower); batch 1 streams 90-120 GB/s
 * from L2. Keep to the preferred species: once a second FloatVector shape runs anywhere in the JVM, the JIT may
 * no longer bind these tiles' FloatVector calls statically, and their epilogues then ran the Vector API's Java
 * fallback (the activations widen through the preferred shape for that reason).
 *
 * <p>The tile methods (every row count and form, {@code row1x2}, the narrow tiles) are generated from one template
 * per shape by {@code TileSource} (test sources), between the generated-code markers: each variant stays its own
 * method with its accumulators in locals and one epilogue, the shape C2 compiles to registers (merged variants, or
 * vectors handed to helper methods, ran the Vector API's boxed fallback, 3-8× slower), without copies to keep in
 * step by hand. {@code TileSourceTest} fails when they differ from the template; change it, then rewrite them with
 * {@code java runtime/src/test/java/org/jkeras/runtime/kernels/TileSource.java runtime/src/main/java}.
 */
final class DenseVector {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int PANEL = 4 * L;
    /** Where the read-ahead tiles leave the bits they read, so the JIT keeps the reads (racy, never read). */
    static int sink;
    /** Floats per 64-byte cache line. */
    static final int LINE = 16;

    private DenseVector() {
    }

    /** Columns per packed panel for a layer of {@code units}: 4 vectors, or 1 for layers no wider than a vector. */
    static int panelWidth(int units) {
        return units <= L ? L : PANEL;
    }

    /**
     * y[r][n] = ew(acc + b[n]) for rows [0, rows) of x (from xo, {@code in} apart), columns of panels [p0, p1),
     * y rows {@code ldy} apart from yo. Panel-outer: the panel (in × PANEL, 200 KB for in = 784) stays in L2
     * while the row tiles stream through L1 (measured 180 vs 167 GFLOP/s row-outer).
     */
    static void linear(DenseKernel d, float[] x, int xo, int rows, float[] y, int yo, int ldy, int p0, int p1, ElementwiseActivation ew) {
        int in = d.in;
        if (d.panel == L) {
            for (int p = p0; p < p1; p++) {
                int r = 0;
                for (; r + 4 <= rows; r += 4) block(d, 4, x, xo + r * in, y, yo + r * ldy, ldy, p, ew);
                for (; r < rows; r++) block(d, 1, x, xo + r * in, y, yo + r * ldy, ldy, p, ew);
            }
        } else if (rows == 1) {
            gemv(d, x, xo, y, yo, p0, p1, ew);
        } else {
            boolean reverse = d.reverseSweep();
            for (int i = p0; i < p1; i++) {
                int p = reverse ? p0 + p1 - 1 - i : i, r = 0;
                for (; r + 6 <= rows; r += 6) block(d, 6, x, xo + r * in, y, yo + r * ldy, ldy, p, ew);
                int tail = rows - r;
                if (tail >= 4) { block(d, 4, x, xo + r * in, y, yo + r * ldy, ldy, p, ew); r += 4; tail -= 4; }
                if (tail >= 2) { block(d, 2, x, xo + r * in, y, yo + r * ldy, ldy, p, ew); r += 2; tail -= 2; }
                if (tail == 1) block(d, 1, x, xo + r * in, y, yo + r * ldy, ldy, p, ew);
            }
        }
    }

    /**
     * Batch 1: weights streamed once, two panels per pass (8 independent FMA chains hide the FMA latency), in
     * the direction {@link DenseKernel#reverseSweep} alternates.
     */
    private static void gemv(DenseKernel d, float[] x, int xo, float[] y, int yo, int p0, int p1, ElementwiseActivation ew) {
        int pairs = Math.max(0, Math.min(p1, d.units / PANEL) - p0) / 2, rest = p0 + 2 * pairs; // [rest, p1): odd or partial panels
        boolean reverse = d.reverseSweep();
        if (reverse) for (int p = p1 - 1; p >= rest; p--) block(d, 1, x, xo, y, yo, 0, p, ew);
        for (int i = 0; i < pairs; i++) {
            int p = p0 + 2 * (reverse ? pairs - 1 - i : i), n = yo + p * PANEL;
            row1x2(x, xo, d.in, d.w, d.w0 + p * d.in * PANEL, d.b, p * PANEL, y, n);
            if (ew != null) ew.applyInPlace(y, n, 2 * PANEL);
        }
        if (!reverse) for (int p = rest; p < p1; p++) block(d, 1, x, xo, y, yo, 0, p, ew);
    }

    /** One mr-row tile of panel p; a partial last panel goes through a scratch tile so y is never overrun. */
    private static void block(DenseKernel d, int mr, float[] x, int xo, float[] y, int yo, int ldy, int p, ElementwiseActivation ew) {
        int pw = d.panel, cols = Math.min(pw, d.units - p * pw), n = yo + p * pw;
        if (cols == pw) {
            tile(mr, pw, x, xo, d.in, d.w, d.w0 + p * d.in * pw, d.b, p * pw, y, n, ldy);
        } else {
            float[] t = Workspace.get().tile(mr * pw);
            tile(mr, pw, x, xo, d.in, d.w, d.w0 + p * d.in * pw, d.b, p * pw, t, 0, pw);
            for (int r = 0; r < mr; r++) System.arraycopy(t, r * pw, y, n + r * ldy, cols);
        }
        if (ew != null) for (int r = 0; r < mr; r++) ew.applyInPlace(y, n + r * ldy, cols);
    }

    private static void tile(int mr, int pw, float[] x, int xo, int in, float[] w, int wo, float[] b, int bo, float[] y, int yo, int ldy) {
        if (pw == L) {
            if (mr == 4) tile4x1(x, xo, in, w, wo, b, bo, y, yo, ldy);
            else tile1x1(x, xo, in, w, wo, b, bo, y, yo, ldy);
            return;
        }
        switch (mr) {
            case 6 -> tile6(x, xo, in, w, wo, b, bo, y, yo, ldy);
            case 4 -> tile4(x, xo, in, w, wo, b, bo, y, yo, ldy);
            case 2 -> tile2(x, xo, in, w, wo, b, bo, y, yo, ldy);
            case 1 -> tile1(x, xo, in, w, wo, b, bo, y, yo, ldy);
            default -> throw new AssertionError(mr);
        }
    }

    // Rows form: each x row its own array, all read from one column offset, so the loop index k addresses
    // every broadcast directly ([row + 4k + 16]); in the strided form each of the 6 broadcasts first adds
    // its row's offset, and on this CPU those integer ops share ports with the FMAs (measured, 60 rows aligned:
    // 784 -> 512 182 -> 200, 512 -> 512 198 -> 224 GFLOP/s; the same as packing x interleaved, without the packing).

    /**
     * As {@link #linear}, x rows {@code x[xr ..]} read from column xc, y rows {@code y[yr ..]} written from
     * column yc (panel p at yc + p·panel).
     */
    static void linearRows(DenseKernel d, float[][] x, int xr, int xc, int rows, float[][] y, int yr, int yc, int p0, int p1,
            ElementwiseActivation ew, boolean reverse, float[] nextW, int nextOff, int nextLines) {
        if (d.panel == L) {
            for (int p = p0; p < p1; p++) {
                int r = 0;
                for (; r + 4 <= rows; r += 4) blockRows(d, 4, x, xr + r, xc, y, yr + r, yc, p, ew, null, -1);
                for (; r < rows; r++) blockRows(d, 1, x, xr + r, xc, y, yr + r, yc, p, ew, null, -1);
            }
        } else if (rows == 1) {
            gemv(d, x[xr], xc, y[yr], yc, p0, p1, ew);
        } else {
            int in = d.in;
            if (xc != 0) { // the 6-row tile reads its rows from column 0: one copy, for callers slicing wider rows
                float[][] c = Workspace.get().inputRows(rows, in);
                for (int r = 0; r < rows; r++) System.arraycopy(x[xr + r], xc, c[r], 0, in);
                x = c;
                xr = 0;
                xc = 0;
            }
            for (int i = p0; i < p1; i++) {
                int p = reverse ? p0 + p1 - 1 - i : i, next = i + 1 == p1 ? -1 : reverse ? p - 1 : p + 1, r = 0;
                // what the first 6-row tiles read ahead, one line per k each: the next panel, or after the last one
                // the region given (the first panel of the layer to run next; see tileRows)
                float[] aw = next >= 0 ? d.w : nextW;
                int aOff = next >= 0 ? d.w0 + next * in * PANEL : nextOff;
                int aLines = next >= 0 ? in * PANEL / LINE : nextLines;
                for (int t = 0; r + 6 <= rows; r += 6, t++) {
                    int line = Math.min(t * in, aLines - in); // the tile's window of lines; the last may overlap its neighbour
                    boolean ahead = aw != null && t * in < aLines && line >= 0;
                    blockRows(d, 6, x, xr + r, xc, y, yr + r, yc, p, ew, ahead ? aw : null, ahead ? aOff + line * LINE : -1);
                }
                int tail = rows - r;
                if (tail >= 4) { blockRows(d, 4, x, xr + r, xc, y, yr + r, yc, p, ew, null, -1); r += 4; tail -= 4; }
                if (tail >= 2) { blockRows(d, 2, x, xr + r, xc, y, yr + r, yc, p, ew, null, -1); r += 2; tail -= 2; }
                if (tail == 1) blockRows(d, 1, x, xr + r, xc, y, yr + r, yc, p, ew, null, -1);
            }
        }
    }

    /** One mr-row tile of panel p in rows form; a partial last panel goes through scratch rows. pf: see tileRows. */
    private static void blockRows(DenseKernel d, int mr, float[][] x, int xr, int xc, float[][] y, int yr, int yc, int p,
            ElementwiseActivation ew, float[] aw, int pf) {
        int pw = d.panel, cols = Math.min(pw, d.units - p * pw), n = yc + p * pw, wo = d.w0 + p * d.in * pw;
        // plain ReLU on a 6- or 4-row tile: max(·, 0) in registers before the store (max(·, −∞) changes no value)
        boolean inTile = d.plainRelu && ew != null && pw == PANEL && (mr == 6 || mr == 4);
        float lo = inTile ? 0f : Float.NEGATIVE_INFINITY;
        if (cols == pw) {
            tileRows(mr, pw, x, xr, xc, d.in, d.w, wo, d.b, p * pw, y, yr, n, lo, aw, pf);
        } else {
            float[][] t = Workspace.get().tileRows(mr, pw);
            tileRows(mr, pw, x, xr, xc, d.in, d.w, wo, d.b, p * pw, t, 0, 0, lo, aw, pf);
            for (int r = 0; r < mr; r++) System.arraycopy(t[r], 0, y[yr + r], n, cols);
        }
        if (ew != null && !inTile) for (int r = 0; r < mr; r++) ew.applyInPlace(y[yr + r], n, cols);
    }

    /**
     * {@code pf >= 0} (6-row tiles only): the tile also reads {@code aw[pf + LINE·k]} for every k, one cache line
     * per k of the panel to come (or of the next layer's first panel), so it is in L2 when its first tile starts. With weights larger than L2
     * (784-512-512-10 has 2.7 MB) each panel otherwise comes from L3 during its first tile, at ~17 GB/s: measured
     * 11.6 µs instead of 3.6 µs for the first of ten 6-row tiles of a 784-deep panel; the reads cost those first
     * tiles ~12% (an integer load and xor per k), so four tiles of every panel carry them (layers 784 → 512 and
     * 512 → 512 at batch 60: 298 → 276 and 200 → 181 µs).
     */
    private static void tileRows(int mr, int pw, float[][] x, int xr, int xc, int in, float[] w, int wo, float[] b, int bo, float[][] y, int yr, int yc,
            float lo, float[] aw, int pf) {
        if (pw == L) {
            if (mr == 4) tile4x1r(x, xr, xc, in, w, wo, b, bo, y, yr, yc);
            else tile1x1r(x, xr, xc, in, w, wo, b, bo, y, yr, yc);
            return;
        }
        switch (mr) {
            case 6 -> {
                if (pf < 0) tile6r(x, xr, in, w, wo, b, bo, y, yr, yc, lo);
                else tile6p(x, xr, in, w, wo, b, bo, y, yr, yc, lo, aw, pf);
            }
            case 4 -> tile4r(x, xr, xc, in, w, wo, b, bo, y, yr, yc, lo);
            case 2 -> tile2r(x, xr, xc, in, w, wo, b, bo, y, yr, yc);
            case 1 -> tile1r(x, xr, xc, in, w, wo, b, bo, y, yr, yc);
            default -> throw new AssertionError(mr);
        }
    }

    /** y rows [yr, yr + mr) from column yc, one panel: max(y + b[bo ..], lo), for the wide tiles' stored accumulators. */
    static void addBias(float[][] y, int yr, int yc, int mr, float[] b, int bo, float lo) {
        boolean clamp = lo != Float.NEGATIVE_INFINITY;
        for (int i = 0; i < mr; i++) {
            float[] o = y[yr + i];
            for (int j = 0; j < PANEL; j += L) {
                FloatVector r = FloatVector.fromArray(S, o, yc + j).add(FloatVector.fromArray(S, b, bo + j));
                (clamp ? r.max(lo) : r).intoArray(o, yc + j);
            }
        }
    }

    /** y rows [0, mr) from yo, ldy apart, one panel: y + b[bo ..], for the wide strided tiles' stored accumulators. */
    static void addBias(float[] y, int yo, int ldy, int mr, float[] b, int bo) {
        for (int i = 0, o = yo; i < mr; i++, o += ldy) {
            for (int j = 0; j < PANEL; j += L) FloatVector.fromArray(S, y, o + j).add(FloatVector.fromArray(S, b, bo + j)).intoArray(y, o + j);
        }
    }

    // ---- generated by TileSource: do not edit by hand ----

    // Tiles: x rows from xo, in apart; w panel (in, PANEL) from wo; b (PANEL) from bo; y rows from yo, ldy apart.

    static void tile6(float[] x, int xo, int in, float[] w, int wo, float[] b, int bo, float[] y, int yo, int ldy) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00,
                c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00, c40 = c00, c41 = c00, c42 = c00, c43 = c00,
                c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        int x0 = xo, x1 = x0 + in, x2 = x1 + in, x3 = x2 + in, x4 = x3 + in, x5 = x4 + in;
        for (int k = 0; k < in; k++, wo += PANEL) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c00 = a.fma(w0, c00); c01 = a.fma(w1, c01); c02 = a.fma(w2, c02); c03 = a.fma(w3, c03);
            a = FloatVector.broadcast(S, x[x1 + k]);
            c10 = a.fma(w0, c10); c11 = a.fma(w1, c11); c12 = a.fma(w2, c12); c13 = a.fma(w3, c13);
            a = FloatVector.broadcast(S, x[x2 + k]);
            c20 = a.fma(w0, c20); c21 = a.fma(w1, c21); c22 = a.fma(w2, c22); c23 = a.fma(w3, c23);
            a = FloatVector.broadcast(S, x[x3 + k]);
            c30 = a.fma(w0, c30); c31 = a.fma(w1, c31); c32 = a.fma(w2, c32); c33 = a.fma(w3, c33);
            a = FloatVector.broadcast(S, x[x4 + k]);
            c40 = a.fma(w0, c40); c41 = a.fma(w1, c41); c42 = a.fma(w2, c42); c43 = a.fma(w3, c43);
            a = FloatVector.broadcast(S, x[x5 + k]);
            c50 = a.fma(w0, c50); c51 = a.fma(w1, c51); c52 = a.fma(w2, c52); c53 = a.fma(w3, c53);
        }
        int o = yo;
        c00.intoArray(y, o); c01.intoArray(y, o + L); c02.intoArray(y, o + 2 * L); c03.intoArray(y, o + 3 * L);
        o += ldy;
        c10.intoArray(y, o); c11.intoArray(y, o + L); c12.intoArray(y, o + 2 * L); c13.intoArray(y, o + 3 * L);
        o += ldy;
        c20.intoArray(y, o); c21.intoArray(y, o + L); c22.intoArray(y, o + 2 * L); c23.intoArray(y, o + 3 * L);
        o += ldy;
        c30.intoArray(y, o); c31.intoArray(y, o + L); c32.intoArray(y, o + 2 * L); c33.intoArray(y, o + 3 * L);
        o += ldy;
        c40.intoArray(y, o); c41.intoArray(y, o + L); c42.intoArray(y, o + 2 * L); c43.intoArray(y, o + 3 * L);
        o += ldy;
        c50.intoArray(y, o); c51.intoArray(y, o + L); c52.intoArray(y, o + 2 * L); c53.intoArray(y, o + 3 * L);
        addBias(y, yo, ldy, 6, b, bo);
    }

    static void tile4(float[] x, int xo, int in, float[] w, int wo, float[] b, int bo, float[] y, int yo, int ldy) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00,
                c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int x0 = xo, x1 = x0 + in, x2 = x1 + in, x3 = x2 + in;
        for (int k = 0; k < in; k++, wo += PANEL) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c00 = a.fma(w0, c00); c01 = a.fma(w1, c01); c02 = a.fma(w2, c02); c03 = a.fma(w3, c03);
            a = FloatVector.broadcast(S, x[x1 + k]);
            c10 = a.fma(w0, c10); c11 = a.fma(w1, c11); c12 = a.fma(w2, c12); c13 = a.fma(w3, c13);
            a = FloatVector.broadcast(S, x[x2 + k]);
            c20 = a.fma(w0, c20); c21 = a.fma(w1, c21); c22 = a.fma(w2, c22); c23 = a.fma(w3, c23);
            a = FloatVector.broadcast(S, x[x3 + k]);
            c30 = a.fma(w0, c30); c31 = a.fma(w1, c31); c32 = a.fma(w2, c32); c33 = a.fma(w3, c33);
        }
        int o = yo;
        c00.intoArray(y, o); c01.intoArray(y, o + L); c02.intoArray(y, o + 2 * L); c03.intoArray(y, o + 3 * L);
        o += ldy;
        c10.intoArray(y, o); c11.intoArray(y, o + L); c12.intoArray(y, o + 2 * L); c13.intoArray(y, o + 3 * L);
        o += ldy;
        c20.intoArray(y, o); c21.intoArray(y, o + L); c22.intoArray(y, o + 2 * L); c23.intoArray(y, o + 3 * L);
        o += ldy;
        c30.intoArray(y, o); c31.intoArray(y, o + L); c32.intoArray(y, o + 2 * L); c33.intoArray(y, o + 3 * L);
        addBias(y, yo, ldy, 4, b, bo);
    }

    static void tile2(float[] x, int xo, int in, float[] w, int wo, float[] b, int bo, float[] y, int yo, int ldy) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        int x0 = xo, x1 = x0 + in;
        for (int k = 0; k < in; k++, wo += PANEL) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c00 = a.fma(w0, c00); c01 = a.fma(w1, c01); c02 = a.fma(w2, c02); c03 = a.fma(w3, c03);
            a = FloatVector.broadcast(S, x[x1 + k]);
            c10 = a.fma(w0, c10); c11 = a.fma(w1, c11); c12 = a.fma(w2, c12); c13 = a.fma(w3, c13);
        }
        int o = yo;
        c00.intoArray(y, o); c01.intoArray(y, o + L); c02.intoArray(y, o + 2 * L); c03.intoArray(y, o + 3 * L);
        o += ldy;
        c10.intoArray(y, o); c11.intoArray(y, o + L); c12.intoArray(y, o + 2 * L); c13.intoArray(y, o + 3 * L);
        addBias(y, yo, ldy, 2, b, bo);
    }

    static void tile1(float[] x, int xo, int in, float[] w, int wo, float[] b, int bo, float[] y, int yo, int ldy) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        int x0 = xo;
        for (int k = 0; k < in; k++, wo += PANEL) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x[x0 + k]);
            c00 = a.fma(w0, c00); c01 = a.fma(w1, c01); c02 = a.fma(w2, c02); c03 = a.fma(w3, c03);
        }
        int o = yo;
        c00.intoArray(y, o); c01.intoArray(y, o + L); c02.intoArray(y, o + 2 * L); c03.intoArray(y, o + 3 * L);
        addBias(y, yo, ldy, 1, b, bo);
    }

    /** One row, two adjacent full panels (wo and wo + in·PANEL), written to 2·PANEL contiguous outputs. */
    static void row1x2(float[] x, int xo, int in, float[] w, int wo, float[] b, int bo, float[] y, int yo) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, d0 = c0, d1 = c0, d2 = c0, d3 = c0;
        for (int k = 0, vo = wo + in * PANEL; k < in; k++, wo += PANEL, vo += PANEL) {
            FloatVector a = FloatVector.broadcast(S, x[xo + k]);
            c0 = a.fma(FloatVector.fromArray(S, w, wo), c0); c1 = a.fma(FloatVector.fromArray(S, w, wo + L), c1);
            c2 = a.fma(FloatVector.fromArray(S, w, wo + 2 * L), c2); c3 = a.fma(FloatVector.fromArray(S, w, wo + 3 * L), c3);
            d0 = a.fma(FloatVector.fromArray(S, w, vo), d0); d1 = a.fma(FloatVector.fromArray(S, w, vo + L), d1);
            d2 = a.fma(FloatVector.fromArray(S, w, vo + 2 * L), d2); d3 = a.fma(FloatVector.fromArray(S, w, vo + 3 * L), d3);
        }
        FloatVector b0 = FloatVector.fromArray(S, b, bo), b1 = FloatVector.fromArray(S, b, bo + L),
                b2 = FloatVector.fromArray(S, b, bo + 2 * L), b3 = FloatVector.fromArray(S, b, bo + 3 * L);
        c0.add(b0).intoArray(y, yo); c1.add(b1).intoArray(y, yo + L); c2.add(b2).intoArray(y, yo + 2 * L); c3.add(b3).intoArray(y, yo + 3 * L);
        bo += PANEL;
        yo += PANEL;
        b0 = FloatVector.fromArray(S, b, bo); b1 = FloatVector.fromArray(S, b, bo + L);
        b2 = FloatVector.fromArray(S, b, bo + 2 * L); b3 = FloatVector.fromArray(S, b, bo + 3 * L);
        d0.add(b0).intoArray(y, yo); d1.add(b1).intoArray(y, yo + L); d2.add(b2).intoArray(y, yo + 2 * L); d3.add(b3).intoArray(y, yo + 3 * L);
    }

    // Rows-form tiles: x rows x[xr ..] from column xc (tile6r, tile6p: column 0); w panel (in, pw) from wo; b from bo;
    // y rows y[yr ..] from column yc. The 6- and 4-row tiles clamp at lo (plain ReLU in registers, see blockRows).

    static void tile6r(float[][] x, int xr, int in, float[] w, int wo, float[] b, int bo, float[][] y, int yr, int yc, float lo) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00,
                c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00, c40 = c00, c41 = c00, c42 = c00, c43 = c00,
                c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        float[] x0 = x[xr], x1 = x[xr + 1], x2 = x[xr + 2], x3 = x[xr + 3], x4 = x[xr + 4], x5 = x[xr + 5];
        for (int k = 0; k < in; k++, wo += PANEL) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x0[k]);
            c00 = a.fma(w0, c00); c01 = a.fma(w1, c01); c02 = a.fma(w2, c02); c03 = a.fma(w3, c03);
            a = FloatVector.broadcast(S, x1[k]);
            c10 = a.fma(w0, c10); c11 = a.fma(w1, c11); c12 = a.fma(w2, c12); c13 = a.fma(w3, c13);
            a = FloatVector.broadcast(S, x2[k]);
            c20 = a.fma(w0, c20); c21 = a.fma(w1, c21); c22 = a.fma(w2, c22); c23 = a.fma(w3, c23);
            a = FloatVector.broadcast(S, x3[k]);
            c30 = a.fma(w0, c30); c31 = a.fma(w1, c31); c32 = a.fma(w2, c32); c33 = a.fma(w3, c33);
            a = FloatVector.broadcast(S, x4[k]);
            c40 = a.fma(w0, c40); c41 = a.fma(w1, c41); c42 = a.fma(w2, c42); c43 = a.fma(w3, c43);
            a = FloatVector.broadcast(S, x5[k]);
            c50 = a.fma(w0, c50); c51 = a.fma(w1, c51); c52 = a.fma(w2, c52); c53 = a.fma(w3, c53);
        }
        float[] o = y[yr];
        c00.intoArray(o, yc); c01.intoArray(o, yc + L); c02.intoArray(o, yc + 2 * L); c03.intoArray(o, yc + 3 * L);
        o = y[yr + 1];
        c10.intoArray(o, yc); c11.intoArray(o, yc + L); c12.intoArray(o, yc + 2 * L); c13.intoArray(o, yc + 3 * L);
        o = y[yr + 2];
        c20.intoArray(o, yc); c21.intoArray(o, yc + L); c22.intoArray(o, yc + 2 * L); c23.intoArray(o, yc + 3 * L);
        o = y[yr + 3];
        c30.intoArray(o, yc); c31.intoArray(o, yc + L); c32.intoArray(o, yc + 2 * L); c33.intoArray(o, yc + 3 * L);
        o = y[yr + 4];
        c40.intoArray(o, yc); c41.intoArray(o, yc + L); c42.intoArray(o, yc + 2 * L); c43.intoArray(o, yc + 3 * L);
        o = y[yr + 5];
        c50.intoArray(o, yc); c51.intoArray(o, yc + L); c52.intoArray(o, yc + 2 * L); c53.intoArray(o, yc + 3 * L);
        addBias(y, yr, yc, 6, b, bo, lo);
    }

    static void tile6p(float[][] x, int xr, int in, float[] w, int wo, float[] b, int bo, float[][] y, int yr, int yc, float lo, float[] aw,
            int pf) {
        int touch = 0;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00,
                c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00, c40 = c00, c41 = c00, c42 = c00, c43 = c00,
                c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        float[] x0 = x[xr], x1 = x[xr + 1], x2 = x[xr + 2], x3 = x[xr + 3], x4 = x[xr + 4], x5 = x[xr + 5];
        for (int k = 0; k < in; k++, wo += PANEL) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x0[k]);
            c00 = a.fma(w0, c00); c01 = a.fma(w1, c01); c02 = a.fma(w2, c02); c03 = a.fma(w3, c03);
            a = FloatVector.broadcast(S, x1[k]);
            c10 = a.fma(w0, c10); c11 = a.fma(w1, c11); c12 = a.fma(w2, c12); c13 = a.fma(w3, c13);
            a = FloatVector.broadcast(S, x2[k]);
            c20 = a.fma(w0, c20); c21 = a.fma(w1, c21); c22 = a.fma(w2, c22); c23 = a.fma(w3, c23);
            a = FloatVector.broadcast(S, x3[k]);
            c30 = a.fma(w0, c30); c31 = a.fma(w1, c31); c32 = a.fma(w2, c32); c33 = a.fma(w3, c33);
            a = FloatVector.broadcast(S, x4[k]);
            c40 = a.fma(w0, c40); c41 = a.fma(w1, c41); c42 = a.fma(w2, c42); c43 = a.fma(w3, c43);
            a = FloatVector.broadcast(S, x5[k]);
            c50 = a.fma(w0, c50); c51 = a.fma(w1, c51); c52 = a.fma(w2, c52); c53 = a.fma(w3, c53);
            touch ^= Float.floatToRawIntBits(aw[pf + LINE * k]); // one line of another panel per k (see tileRows)
        }
        sink = touch;
        float[] o = y[yr];
        c00.intoArray(o, yc); c01.intoArray(o, yc + L); c02.intoArray(o, yc + 2 * L); c03.intoArray(o, yc + 3 * L);
        o = y[yr + 1];
        c10.intoArray(o, yc); c11.intoArray(o, yc + L); c12.intoArray(o, yc + 2 * L); c13.intoArray(o, yc + 3 * L);
        o = y[yr + 2];
        c20.intoArray(o, yc); c21.intoArray(o, yc + L); c22.intoArray(o, yc + 2 * L); c23.intoArray(o, yc + 3 * L);
        o = y[yr + 3];
        c30.intoArray(o, yc); c31.intoArray(o, yc + L); c32.intoArray(o, yc + 2 * L); c33.intoArray(o, yc + 3 * L);
        o = y[yr + 4];
        c40.intoArray(o, yc); c41.intoArray(o, yc + L); c42.intoArray(o, yc + 2 * L); c43.intoArray(o, yc + 3 * L);
        o = y[yr + 5];
        c50.intoArray(o, yc); c51.intoArray(o, yc + L); c52.intoArray(o, yc + 2 * L); c53.intoArray(o, yc + 3 * L);
        addBias(y, yr, yc, 6, b, bo, lo);
    }

    static void tile4r(float[][] x, int xr, int xc, int in, float[] w, int wo, float[] b, int bo, float[][] y, int yr, int yc, float lo) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00,
                c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        float[] x0 = x[xr], x1 = x[xr + 1], x2 = x[xr + 2], x3 = x[xr + 3];
        for (int k = 0; k < in; k++, wo += PANEL) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x0[xc + k]);
            c00 = a.fma(w0, c00); c01 = a.fma(w1, c01); c02 = a.fma(w2, c02); c03 = a.fma(w3, c03);
            a = FloatVector.broadcast(S, x1[xc + k]);
            c10 = a.fma(w0, c10); c11 = a.fma(w1, c11); c12 = a.fma(w2, c12); c13 = a.fma(w3, c13);
            a = FloatVector.broadcast(S, x2[xc + k]);
            c20 = a.fma(w0, c20); c21 = a.fma(w1, c21); c22 = a.fma(w2, c22); c23 = a.fma(w3, c23);
            a = FloatVector.broadcast(S, x3[xc + k]);
            c30 = a.fma(w0, c30); c31 = a.fma(w1, c31); c32 = a.fma(w2, c32); c33 = a.fma(w3, c33);
        }
        float[] o = y[yr];
        c00.intoArray(o, yc); c01.intoArray(o, yc + L); c02.intoArray(o, yc + 2 * L); c03.intoArray(o, yc + 3 * L);
        o = y[yr + 1];
        c10.intoArray(o, yc); c11.intoArray(o, yc + L); c12.intoArray(o, yc + 2 * L); c13.intoArray(o, yc + 3 * L);
        o = y[yr + 2];
        c20.intoArray(o, yc); c21.intoArray(o, yc + L); c22.intoArray(o, yc + 2 * L); c23.intoArray(o, yc + 3 * L);
        o = y[yr + 3];
        c30.intoArray(o, yc); c31.intoArray(o, yc + L); c32.intoArray(o, yc + 2 * L); c33.intoArray(o, yc + 3 * L);
        addBias(y, yr, yc, 4, b, bo, lo);
    }

    static void tile2r(float[][] x, int xr, int xc, int in, float[] w, int wo, float[] b, int bo, float[][] y, int yr, int yc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        float[] x0 = x[xr], x1 = x[xr + 1];
        for (int k = 0; k < in; k++, wo += PANEL) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x0[xc + k]);
            c00 = a.fma(w0, c00); c01 = a.fma(w1, c01); c02 = a.fma(w2, c02); c03 = a.fma(w3, c03);
            a = FloatVector.broadcast(S, x1[xc + k]);
            c10 = a.fma(w0, c10); c11 = a.fma(w1, c11); c12 = a.fma(w2, c12); c13 = a.fma(w3, c13);
        }
        float[] o = y[yr];
        c00.intoArray(o, yc); c01.intoArray(o, yc + L); c02.intoArray(o, yc + 2 * L); c03.intoArray(o, yc + 3 * L);
        o = y[yr + 1];
        c10.intoArray(o, yc); c11.intoArray(o, yc + L); c12.intoArray(o, yc + 2 * L); c13.intoArray(o, yc + 3 * L);
        addBias(y, yr, yc, 2, b, bo, Float.NEGATIVE_INFINITY);
    }

    static void tile1r(float[][] x, int xr, int xc, int in, float[] w, int wo, float[] b, int bo, float[][] y, int yr, int yc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        float[] x0 = x[xr];
        for (int k = 0; k < in; k++, wo += PANEL) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            FloatVector a = FloatVector.broadcast(S, x0[xc + k]);
            c00 = a.fma(w0, c00); c01 = a.fma(w1, c01); c02 = a.fma(w2, c02); c03 = a.fma(w3, c03);
        }
        float[] o = y[yr];
        c00.intoArray(o, yc); c01.intoArray(o, yc + L); c02.intoArray(o, yc + 2 * L); c03.intoArray(o, yc + 3 * L);
        addBias(y, yr, yc, 1, b, bo, Float.NEGATIVE_INFINITY);
    }

    // Narrow tiles (layers of at most one vector of units): four partial sums per accumulator, see DenseKernel.

    static void tile4x1(float[] x, int xo, int in, float[] w, int wo, float[] b, int bo, float[] y, int yo, int ldy) {
        int x0 = xo, x1 = x0 + in, x2 = x1 + in, x3 = x2 + in;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00,
                c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int k = 0;
        for (; k + 4 <= in; k += 4, wo += 4 * L) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            c00 = FloatVector.broadcast(S, x[x0 + k]).fma(w0, c00); c01 = FloatVector.broadcast(S, x[x0 + k + 1]).fma(w1, c01);
            c02 = FloatVector.broadcast(S, x[x0 + k + 2]).fma(w2, c02); c03 = FloatVector.broadcast(S, x[x0 + k + 3]).fma(w3, c03);
            c10 = FloatVector.broadcast(S, x[x1 + k]).fma(w0, c10); c11 = FloatVector.broadcast(S, x[x1 + k + 1]).fma(w1, c11);
            c12 = FloatVector.broadcast(S, x[x1 + k + 2]).fma(w2, c12); c13 = FloatVector.broadcast(S, x[x1 + k + 3]).fma(w3, c13);
            c20 = FloatVector.broadcast(S, x[x2 + k]).fma(w0, c20); c21 = FloatVector.broadcast(S, x[x2 + k + 1]).fma(w1, c21);
            c22 = FloatVector.broadcast(S, x[x2 + k + 2]).fma(w2, c22); c23 = FloatVector.broadcast(S, x[x2 + k + 3]).fma(w3, c23);
            c30 = FloatVector.broadcast(S, x[x3 + k]).fma(w0, c30); c31 = FloatVector.broadcast(S, x[x3 + k + 1]).fma(w1, c31);
            c32 = FloatVector.broadcast(S, x[x3 + k + 2]).fma(w2, c32); c33 = FloatVector.broadcast(S, x[x3 + k + 3]).fma(w3, c33);
        }
        for (int q = 0; k < in; k++, q++, wo += L) { // the last in % 4 steps: partials 0, 1, 2
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector a0 = FloatVector.broadcast(S, x[x0 + k]);
            FloatVector a1 = FloatVector.broadcast(S, x[x1 + k]);
            FloatVector a2 = FloatVector.broadcast(S, x[x2 + k]);
            FloatVector a3 = FloatVector.broadcast(S, x[x3 + k]);
            if (q == 0) {
                c00 = a0.fma(w0, c00); c10 = a1.fma(w0, c10); c20 = a2.fma(w0, c20); c30 = a3.fma(w0, c30);
            } else if (q == 1) {
                c01 = a0.fma(w0, c01); c11 = a1.fma(w0, c11); c21 = a2.fma(w0, c21); c31 = a3.fma(w0, c31);
            } else {
                c02 = a0.fma(w0, c02); c12 = a1.fma(w0, c12); c22 = a2.fma(w0, c22); c32 = a3.fma(w0, c32);
            }
        }
        FloatVector b0 = FloatVector.fromArray(S, b, bo);
        c00.add(c01).add(c02.add(c03)).add(b0).intoArray(y, yo);
        c10.add(c11).add(c12.add(c13)).add(b0).intoArray(y, yo + ldy);
        c20.add(c21).add(c22.add(c23)).add(b0).intoArray(y, yo + 2 * ldy);
        c30.add(c31).add(c32.add(c33)).add(b0).intoArray(y, yo + 3 * ldy);
    }

    static void tile1x1(float[] x, int xo, int in, float[] w, int wo, float[] b, int bo, float[] y, int yo, int ldy) {
        int x0 = xo;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        int k = 0;
        for (; k + 4 <= in; k += 4, wo += 4 * L) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            c00 = FloatVector.broadcast(S, x[x0 + k]).fma(w0, c00); c01 = FloatVector.broadcast(S, x[x0 + k + 1]).fma(w1, c01);
            c02 = FloatVector.broadcast(S, x[x0 + k + 2]).fma(w2, c02); c03 = FloatVector.broadcast(S, x[x0 + k + 3]).fma(w3, c03);
        }
        for (int q = 0; k < in; k++, q++, wo += L) { // the last in % 4 steps: partials 0, 1, 2
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector a0 = FloatVector.broadcast(S, x[x0 + k]);
            if (q == 0) {
                c00 = a0.fma(w0, c00);
            } else if (q == 1) {
                c01 = a0.fma(w0, c01);
            } else {
                c02 = a0.fma(w0, c02);
            }
        }
        FloatVector b0 = FloatVector.fromArray(S, b, bo);
        c00.add(c01).add(c02.add(c03)).add(b0).intoArray(y, yo);
    }

    static void tile4x1r(float[][] x, int xr, int xc, int in, float[] w, int wo, float[] b, int bo, float[][] y, int yr, int yc) {
        float[] x0 = x[xr], x1 = x[xr + 1], x2 = x[xr + 2], x3 = x[xr + 3];
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00, c20 = c00,
                c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int k = 0;
        for (; k + 4 <= in; k += 4, wo += 4 * L) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            c00 = FloatVector.broadcast(S, x0[xc + k]).fma(w0, c00); c01 = FloatVector.broadcast(S, x0[xc + k + 1]).fma(w1, c01);
            c02 = FloatVector.broadcast(S, x0[xc + k + 2]).fma(w2, c02); c03 = FloatVector.broadcast(S, x0[xc + k + 3]).fma(w3, c03);
            c10 = FloatVector.broadcast(S, x1[xc + k]).fma(w0, c10); c11 = FloatVector.broadcast(S, x1[xc + k + 1]).fma(w1, c11);
            c12 = FloatVector.broadcast(S, x1[xc + k + 2]).fma(w2, c12); c13 = FloatVector.broadcast(S, x1[xc + k + 3]).fma(w3, c13);
            c20 = FloatVector.broadcast(S, x2[xc + k]).fma(w0, c20); c21 = FloatVector.broadcast(S, x2[xc + k + 1]).fma(w1, c21);
            c22 = FloatVector.broadcast(S, x2[xc + k + 2]).fma(w2, c22); c23 = FloatVector.broadcast(S, x2[xc + k + 3]).fma(w3, c23);
            c30 = FloatVector.broadcast(S, x3[xc + k]).fma(w0, c30); c31 = FloatVector.broadcast(S, x3[xc + k + 1]).fma(w1, c31);
            c32 = FloatVector.broadcast(S, x3[xc + k + 2]).fma(w2, c32); c33 = FloatVector.broadcast(S, x3[xc + k + 3]).fma(w3, c33);
        }
        for (int q = 0; k < in; k++, q++, wo += L) { // the last in % 4 steps: partials 0, 1, 2
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector a0 = FloatVector.broadcast(S, x0[xc + k]);
            FloatVector a1 = FloatVector.broadcast(S, x1[xc + k]);
            FloatVector a2 = FloatVector.broadcast(S, x2[xc + k]);
            FloatVector a3 = FloatVector.broadcast(S, x3[xc + k]);
            if (q == 0) {
                c00 = a0.fma(w0, c00); c10 = a1.fma(w0, c10); c20 = a2.fma(w0, c20); c30 = a3.fma(w0, c30);
            } else if (q == 1) {
                c01 = a0.fma(w0, c01); c11 = a1.fma(w0, c11); c21 = a2.fma(w0, c21); c31 = a3.fma(w0, c31);
            } else {
                c02 = a0.fma(w0, c02); c12 = a1.fma(w0, c12); c22 = a2.fma(w0, c22); c32 = a3.fma(w0, c32);
            }
        }
        FloatVector b0 = FloatVector.fromArray(S, b, bo);
        c00.add(c01).add(c02.add(c03)).add(b0).intoArray(y[yr], yc);
        c10.add(c11).add(c12.add(c13)).add(b0).intoArray(y[yr + 1], yc);
        c20.add(c21).add(c22.add(c23)).add(b0).intoArray(y[yr + 2], yc);
        c30.add(c31).add(c32.add(c33)).add(b0).intoArray(y[yr + 3], yc);
    }

    static void tile1x1r(float[][] x, int xr, int xc, int in, float[] w, int wo, float[] b, int bo, float[][] y, int yr, int yc) {
        float[] x0 = x[xr];
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        int k = 0;
        for (; k + 4 <= in; k += 4, wo += 4 * L) {
            FloatVector w0 = FloatVector.fromArray(S, w, wo), w1 = FloatVector.fromArray(S, w, wo + L),
                    w2 = FloatVector.fromArray(S, w, wo + 2 * L), w3 = FloatVector.fromArray(S, w, wo + 3 * L);
            c00 = FloatVector.broadcast(S, x0[xc + k]).fma(w0, c00); c01 = FloatVector.broadcast(S, x0[xc + k + 1]).fma(w1, c01);
            c02 = FloatVector.broadcast(S, x0[xc + k + 2]).fma(w2, c02); c03 = FloatVector.broadcast(S, x0[xc + k + 3]).fma(w3, c03);
        }
        for (int q = 0; k < in; k++, q++, wo += L) { // the last in % 4 steps: partials 0, 1, 2
            FloatVector w0 = FloatVector.fromArray(S, w, wo);
            FloatVector a0 = FloatVector.broadcast(S, x0[xc + k]);
            if (q == 0) {
                c00 = a0.fma(w0, c00);
            } else if (q == 1) {
                c01 = a0.fma(w0, c01);
            } else {
                c02 = a0.fma(w0, c02);
            }
        }
        FloatVector b0 = FloatVector.fromArray(S, b, bo);
        c00.add(c01).add(c02.add(c03)).add(b0).intoArray(y[yr], yc);
    }

    // ---- end of generated tiles ----
}
