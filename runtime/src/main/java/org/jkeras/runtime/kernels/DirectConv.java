package org.jkeras.runtime.kernels;

import java.util.Arrays;

import org.jkeras.activations.Activation;
import org.jkeras.activations.ElementwiseActivation;
import org.jkeras.activations.Relu;
import org.jkeras.activations.Simd;

/**
 * A forward, ungrouped convolution computed straight from the input image (implicit im2col): the register tile
 * of {@link ConvVector} broadcasts each tap's value from where it lies in the image, so no im2col matrix is
 * written or read. For few input channels that matrix costs as much as the product itself (Conv2D 3×3 1 → 32:
 * K = 9 per output position).
 *
 * <p>Exactness: output position q, filter n is
 * {@code acc = 0; for k: acc = fma(x[tap k of q], W[k][n], acc); y = act(acc + b[n])} with k in Keras' kernel
 * order (kd, kh, kw, ci), padding taps reading 0 from a zero-bordered copy of the image, on every path (vector,
 * scalar, any split): the contract of {@link DenseKernel} on the im2col rows, so the im2col form gives the same
 * bits for more than one vector of filters (a narrower Dense layer sums in four partials).
 *
 * <p>Layout: W in panels of {@code pw} = 1, 2 or 4 vectors of filters (the fewest that hold them, 4 beyond),
 * each panel (K, pw) k-major. Each image's output positions are cut into tiles of {@link ConvVector#rows(int)}
 * positions; a position's first tap sits at {@code base[q]} and tap k at {@code base[q] + tapOffset[k]}.
 */
final class DirectConv {
    private final int[] k, s, dil;  // (3) kernel extent, stride, dilation per axis (d, h, w)
    private final int cin, cout, taps; // taps: K = kd·kh·kw·cin
    private final int pw, panels;   // filters per panel; ceil(cout / pw)
    private final float[] w;        // (panels, K, pw) from w0, padding 0
    private final int w0;           // first packed float, on a 64-byte line (see Alignment)
    private final float[] b;        // (panels · pw): bias, padding 0
    private final Activation act;   // elementwise or identity
    private final ElementwiseActivation tileAct; // null for identity
    private final boolean plainRelu;             // tileAct is max(x, 0): applied in registers
    private volatile Plan last;                  // the last call's plan: a model sees one geometry per input size (immutable, racy on purpose)

    private DirectConv(int[] k, int[] s, int[] dil, int cin, int cout, int pw, float[] w, int w0, float[] b, Activation act) {
        this.k = k;
        this.s = s;
        this.dil = dil;
        this.cin = cin;
        this.cout = cout;
        this.taps = k[0] * k[1] * k[2] * cin;
        this.pw = pw;
        this.panels = (cout + pw - 1) / pw;
        this.w = w;
        this.w0 = w0;
        this.b = b;
        this.act = act;
        this.tileAct = act.isIdentity() ? null : (ElementwiseActivation) act;
        this.plainRelu = tileAct instanceof Relu r && r.isMaxWithZero();
    }

    /** Whether an activation can run in this kernel's epilogue (per element, width kept); null is linear. */
    static boolean fits(Activation act) {
        return act == null || act.isIdentity() || act instanceof ElementwiseActivation && act.outputWidth(1) == 1;
    }

    /** {@code kernel} (K, cout) row-major, K in (kd, kh, kw, ci) order; {@code act} must {@link #fits}, null for linear. */
    static DirectConv pack(float[] kernel, float[] bias, int[] k, int[] s, int[] dil, int cin, int cout, Activation act) {
        int taps = k[0] * k[1] * k[2] * cin;
        int pw = panelWidth(cout), np = (cout + pw - 1) / pw;
        long size = (long) np * taps * pw;
        if (size > Integer.MAX_VALUE - 32) throw new IllegalArgumentException("convolution kernel of " + (long) taps * cout + " values too large to pack");
        float[] w = new float[(int) size + 15];
        int w0 = Alignment.floatsToLine(w);
        for (int t = 0; t < taps; t++) {
            for (int p = 0; p < np; p++) {
                int n0 = p * pw;
                System.arraycopy(kernel, t * cout + n0, w, w0 + (p * taps + t) * pw, Math.min(pw, cout - n0));
            }
        }
        float[] b = new float[np * pw];
        if (bias != null) System.arraycopy(bias, 0, b, 0, cout);
        return new DirectConv(k.clone(), s.clone(), dil.clone(), cin, cout, pw, w, w0, b, act == null ? DenseKernel.LINEAR : act);
    }

    /** 1, 2 or 4 vectors (16, 32 or 64 floats without the Vector API, where any width computes the same bits). */
    private static int panelWidth(int cout) {
        int l = Simd.ENABLED ? ConvVector.L : 16;
        return cout <= l ? l : cout <= 2 * l ? 2 * l : 4 * l;
    }

    Activation activation() {
        return act;
    }

    /** This linear kernel followed by {@code y·scale[c] + shift[c]} per filter, folded into weights and bias. */
    DirectConv scaledFilters(float[] scale, float[] shift) {
        if (!act.isIdentity()) throw new IllegalStateException("a kernel with activation " + act.name() + " cannot fold a scale");
        float[] nw = new float[w.length];
        int nw0 = Alignment.floatsToLine(nw);
        Folding.scalePanels(w, w0, nw, nw0, panels, taps, pw, cout, scale);
        return new DirectConv(k, s, dil, cin, cout, pw, nw, nw0, Folding.scaleBias(b, cout, scale, shift), act);
    }

    /** The same packed weights with an activation that {@link #fits}. */
    DirectConv withActivation(Activation a) {
        if (!fits(a)) throw new IllegalArgumentException("a direct convolution fuses only elementwise activations, got " + a.name());
        return new DirectConv(k, s, dil, cin, cout, pw, w, w0, b, a == null ? DenseKernel.LINEAR : a);
    }

    /**
     * Where a call's taps and positions lie, computed once per geometry (the last one is kept). Positions are numbered v in (z, y, x)
     * order over a grid as wide as the addressed image when strides are 1 along h and w, so that a row's last
     * positions run into the next row's first with inputs one cell apart; the extra ("virtual") positions are
     * computed to keep tiles whole and dropped ({@code dst[v]} −1). Otherwise the grid is the output's.
     */
    record Plan(ConvKernel.Geometry g, boolean simd, int[] dims, boolean copy, int[] tapOffset, int positions, int[] base, int[] dst,
                boolean[] unitTile) {
    }

    /**
     * The tables for geometry g: the image the taps address ({@code dims}: the input's, or, when the windows
     * reach past it (padding), a zero-bordered copy's), each tap's offset from a position's first tap, each
     * position's first tap and output index, and which tiles may use the one-channel unit-step form.
     */
    Plan plan(ConvKernel.Geometry g, boolean simd) {
        Plan p = last;
        if (p != null && p.simd() == simd && p.g().equals(g)) return p;
        return last = newPlan(g, simd);
    }

    private Plan newPlan(ConvKernel.Geometry g, boolean simd) {
        int[] in = g.in(), out = g.out(), pad = g.pad(), need = new int[3];
        boolean copy = false;
        for (int a = 0; a < 3; a++) {
            need[a] = (out[a] - 1) * s[a] + (k[a] - 1) * dil[a] + 1; // extent the windows cover, padding included
            copy |= pad[a] > 0 || need[a] > in[a];
        }
        int[] dims = copy ? need : in;
        int tile = simd ? ConvVector.rows(pw) : 1;
        int[] tapOffset = new int[taps];
        for (int kz = 0, t = 0; kz < k[0]; kz++)
            for (int ky = 0; ky < k[1]; ky++)
                for (int kx = 0; kx < k[2]; kx++)
                    for (int ci = 0; ci < cin; ci++) tapOffset[t++] = ((kz * dil[0] * dims[1] + ky * dil[1]) * dims[2] + kx * dil[2]) * cin + ci;
        int width = simd && s[1] == 1 && s[2] == 1 ? dims[2] : out[2]; // positions per grid row
        int positions = Math.multiplyExact(out[0] * out[1], width), image = dims[0] * dims[1] * dims[2] * cin, lastTap = tapOffset[taps - 1];
        int[] base = new int[positions + tile - 1], dst = new int[positions + tile - 1];
        for (int oz = 0, v = 0; oz < out[0]; oz++) {
            for (int oy = 0; oy < out[1]; oy++) {
                for (int ox = 0; ox < width; ox++, v++) {
                    base[v] = ((oz * s[0] * dims[1] + oy * s[1]) * dims[2] + ox * s[2]) * cin;
                    dst[v] = ox < out[2] ? (oz * out[1] + oy) * out[2] + ox : -1;
                    if (dst[v] < 0 && base[v] + lastTap >= image) base[v] = base[v - 1]; // a virtual position must read inside the image
                }
            }
        }
        Arrays.fill(base, positions, base.length, base[positions - 1]); // tail of the last tile: computed, dropped
        Arrays.fill(dst, positions, dst.length, -1);
        boolean[] unitTile = new boolean[(positions + tile - 1) / tile];
        for (int t = 0; t < unitTile.length && cin == 1; t++) {
            boolean unit = true;
            for (int i = 1, v = t * tile; i < tile && unit; i++) unit = base[v + i] == base[v] + i;
            unitTile[t] = unit;
        }
        return new Plan(g, simd, dims, copy, tapOffset, positions, base, dst, unitTile);
    }

    /**
     * {@code x} (batch, in..., cin) into {@code y} (batch, out..., cout). Tasks are whole images, or, when there
     * are fewer than two images per thread, equal runs of one image's positions.
     */
    void forward(float[] x, int batch, ConvKernel.Geometry g, float[] y, boolean simd) {
        Plan plan = plan(g, simd);
        int n = plan.positions(), outVol = g.outVolume(), tile = simd ? ConvVector.rows(pw) : 1, threads = Parallel.threads();
        int parts = batch >= 2 * threads ? 1 : Math.min((2 * threads + batch - 1) / batch, (n + tile - 1) / tile);
        int run = ((n + parts - 1) / parts + tile - 1) / tile * tile;
        Parallel.parallelFor(batch * parts, 2L * batch * outVol * taps * cout, t -> {
            int img = t / parts, v0 = t % parts * run, v1 = Math.min(n, v0 + run);
            if (v0 < v1) image(plan, x, img, y, img * outVol * cout, v0, v1, false, simd);
        });
    }

    /** Whether the activation is plain ReLU, which {@link #image} can leave to a max pooling after it. */
    boolean isPlainRelu() {
        return plainRelu;
    }

    /**
     * All of image {@code img} of x into y, output position q at {@code yo + q·cout}. {@code deferRelu}: leave a
     * plain ReLU out, for a max pooling floored at 0 to apply (see PoolKernel).
     */
    void image(Plan plan, float[] x, int img, float[] y, int yo, boolean deferRelu, boolean simd) {
        image(plan, x, img, y, yo, 0, plan.positions(), deferRelu && plainRelu, simd);
    }

    /**
     * Positions [v0, v1) of the plan (v0 a multiple of the tile height) of image {@code img} of x into y, output
     * position q at {@code yo + q·cout}. The image is read in place, or copied with its zero border to this
     * thread's workspace first.
     */
    private void image(Plan plan, float[] x, int img, float[] y, int yo, int v0, int v1, boolean noRelu, boolean simd) {
        int[] in = plan.g().in();
        int xo = img * plan.g().inVolume() * cin;
        if (plan.copy()) {
            int[] dims = plan.dims();
            float[] padded = Workspace.get().image(dims[0] * dims[1] * dims[2] * cin);
            border(x, xo, in, plan.g().pad(), dims, padded);
            x = padded;
            xo = 0;
        }
        if (simd) positions(plan, x, xo, y, yo, v0, v1, noRelu);
        else scalar(plan, x, xo, y, yo, v0, v1, noRelu);
    }

    /** The image at x[xo ..] (dims in) into dst (dims), shifted by pad, zero elsewhere; cells beyond dims are never read. */
    private void border(float[] x, int xo, int[] in, int[] pad, int[] dims, float[] dst) {
        Arrays.fill(dst, 0, dims[0] * dims[1] * dims[2] * cin, 0f);
        int nw = Math.min(in[2], dims[2] - pad[2]) * cin;
        for (int z = 0; z < in[0] && z + pad[0] < dims[0]; z++) {
            for (int yy = 0; yy < in[1] && yy + pad[1] < dims[1]; yy++) {
                System.arraycopy(x, xo + (z * in[1] + yy) * in[2] * cin, dst, (((z + pad[0]) * dims[1] + yy + pad[1]) * dims[2] + pad[2]) * cin, nw);
            }
        }
    }

    /** Positions [v0, v1) of one image by vector tiles: x from xo, output position q at y[yo + q·cout]. */
    private void positions(Plan plan, float[] x, int xo, float[] y, int yo, int v0, int v1, boolean noRelu) {
        int rows = ConvVector.rows(pw);
        int[] base = plan.base(), dst = plan.dst(), tapOffset = plan.tapOffset();
        float lo = plainRelu && !noRelu ? 0f : Float.NEGATIVE_INFINITY; // −∞: no clamp
        ElementwiseActivation after = plainRelu ? null : tileAct;
        for (int p = 0; p < panels; p++) {
            int cols = Math.min(pw, cout - p * pw), wo = w0 + p * taps * pw, yp = yo + p * pw;
            for (int v = v0; v < v1; v += rows) {
                boolean unit = plan.unitTile()[v / rows];
                if (v + rows > v1) { // a task's last tile ends early: drop the positions of the next task
                    int[] cut = Workspace.get().dst(rows);
                    for (int i = 0; i < rows; i++) cut[i] = v + i < v1 ? dst[v + i] : -1;
                    tile(unit, x, xo, base, v, tapOffset, wo, p, cols, y, yp, cut, 0, lo);
                } else {
                    tile(unit, x, xo, base, v, tapOffset, wo, p, cols, y, yp, dst, v, lo);
                }
                if (after != null) {
                    for (int i = 0; i < rows && v + i < v1; i++) if (dst[v + i] >= 0) after.applyInPlace(y, yp + dst[v + i] * cout, cols);
                }
            }
        }
    }

    /** One tile of panel p; a partial last panel goes through a scratch tile so y is never overrun. */
    private void tile(boolean unit, float[] x, int xo, int[] base, int v, int[] tapOffset, int wo, int p, int cols, float[] y, int yp, int[] dst, int dv,
            float lo) {
        if (cols == pw) {
            ConvVector.tile(pw, unit, x, xo, base, v, tapOffset, taps, w, wo, b, p * pw, y, yp, cout, dst, dv, lo);
            return;
        }
        int rows = ConvVector.rows(pw);
        float[] t = Workspace.get().tile(rows * pw);
        ConvVector.tile(pw, unit, x, xo, base, v, tapOffset, taps, w, wo, b, p * pw, t, 0, pw, IDENTITY, 0, lo);
        for (int i = 0; i < rows; i++) if (dst[dv + i] >= 0) System.arraycopy(t, i * pw, y, yp + dst[dv + i] * cout, cols);
    }

    /** Row i of a scratch tile at i. */
    private static final int[] IDENTITY = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    /** The scalar reference: one position, one panel at a time, the contract's loop with Math.fma. */
    private void scalar(Plan plan, float[] x, int xo, float[] y, int yo, int v0, int v1, boolean noRelu) {
        ElementwiseActivation act = noRelu ? null : tileAct;
        int[] base = plan.base(), dst = plan.dst(), tapOffset = plan.tapOffset();
        float[] acc = Workspace.get().acc(pw);
        for (int v = v0; v < v1; v++) {
            if (dst[v] < 0) continue;
            int at = xo + base[v];
            for (int p = 0; p < panels; p++) {
                Arrays.fill(acc, 0, pw, 0f);
                for (int t = 0, wo = w0 + p * taps * pw; t < taps; t++, wo += pw) {
                    float e = x[at + tapOffset[t]];
                    for (int j = 0; j < pw; j++) acc[j] = Math.fma(e, w[wo + j], acc[j]);
                }
                int n0 = p * pw, cols = Math.min(pw, cout - n0), o = yo + dst[v] * cout + n0;
                for (int j = 0; j < cols; j++) y[o + j] = acc[j] + b[n0 + j];
                if (act != null) act.applyInPlace(y, o, cols);
            }
        }
    }
}
