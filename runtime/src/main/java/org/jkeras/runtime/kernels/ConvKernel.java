package org.jkeras.runtime.kernels;

import java.util.Objects;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Simd;

/**
 * A convolution (1-, 2- or 3-D, grouped, dilated, strided, or transposed) as im2col rows times the fused Dense
 * GEMM: each output position gathers its receptive field, {@code (kd, kh, kw, cin/groups)} in Keras' kernel order,
 * into one row, and {@link DenseKernel} computes {@code act(row · W + b)} for a block of rows, bias and activation in
 * its epilogue. Channels last, spatial axes {@code (d, h, w)} (unused leading axes of extent 1). Ungrouped forward
 * convolutions with an elementwise activation skip the gathered rows: {@link DirectConv} reads each tap where it
 * lies in the image (one FMA chain per output, see its exactness note). 1×1 stride-1 ones multiply the input rows
 * directly.
 *
 * <p>Keras/TensorFlow semantics: {@code y[o][co] = b[co] + Σ_{tap, ci} x[i(o, tap)][ci] · K[tap][ci][co]} with
 * {@code i = o·s − pad + tap·dilation} (cross-correlation). Transposed: the gradient of that convolution,
 * {@code y[o] = Σ x[i] · K[tap]} over the taps with {@code o + pad − tap·dilation = i·s}; rows are gathered the same
 * way (taps that hit no input are zero), so one code path serves both.
 */
public final class ConvKernel {
    /** Floats of im2col per block: 1 MB keeps a block in L2 while the GEMM streams it. */
    private static final int BLOCK_FLOATS = 1 << 18;
    /** Block heights are multiples of the GEMM's register tile height (6 rows). */
    private static final int TILE_ROWS = 6;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    /** Per-call sizes: input and output spatial dims and cells padded before, each (d, h, w). */
    public record Geometry(int[] in, int[] out, int[] pad) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Geometry g && java.util.Arrays.equals(in, g.in) && java.util.Arrays.equals(out, g.out) && java.util.Arrays.equals(pad, g.pad);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(in) * 961 + java.util.Arrays.hashCode(out) * 31 + java.util.Arrays.hashCode(pad);
        }

        public int inVolume() {
            return in[0] * in[1] * in[2];
        }

        public int outVolume() {
            return out[0] * out[1] * out[2];
        }
    }

    private final int[] k, s, dil;      // (3) kernel extent, stride, dilation per axis (d, h, w)
    private final boolean transposed;
    private final int cin, cout, groups;
    private final DenseKernel[] gemm;   // (groups): (kvol · cin/groups → cout/groups), packed from kernel (kd, kh, kw, cin/groups, cout); null with direct
    private final DirectConv direct;    // the implicit-im2col form, or null
    private final int outWidth;         // floats per output position: cout, or the fused activation's width

    private ConvKernel(int[] k, int[] s, int[] dil, boolean transposed, int cin, int cout, int groups, DenseKernel[] gemm, DirectConv direct) {
        this.k = k;
        this.s = s;
        this.dil = dil;
        this.transposed = transposed;
        this.cin = cin;
        this.cout = cout;
        this.groups = groups;
        this.gemm = gemm;
        this.direct = direct;
        this.outWidth = direct != null ? cout : groups == 1 ? gemm[0].outputWidth() : cout;
    }

    /**
     * Packs a convolution. {@code kernel} is Keras' {@code (kd, kh, kw, cin/groups, cout)} row-major (1-D and 2-D
     * kernels are the same data with leading extents 1), {@code bias} (cout) or null, {@code act} null for linear;
     * with groups it must be elementwise.
     */
    public static ConvKernel pack(float[] kernel, float[] bias, int[] k, int[] s, int[] dil, int cin, int cout, int groups, Activation act) {
        return pack(kernel, bias, k, s, dil, cin, cout, groups, act, false, true);
    }

    /** As {@link #pack}, with {@code direct} false forcing the im2col form (tests and benchmarks compare the two). */
    public static ConvKernel pack(float[] kernel, float[] bias, int[] k, int[] s, int[] dil, int cin, int cout, int groups, Activation act, boolean direct) {
        return pack(kernel, bias, k, s, dil, cin, cout, groups, act, false, direct);
    }

    /** Packs a transposed convolution; {@code kernel} is Keras' {@code (kd, kh, kw, cout, cin)}. */
    public static ConvKernel packTransposed(float[] kernel, float[] bias, int[] k, int[] s, int[] dil, int cin, int cout, Activation act) {
        int taps = k[0] * k[1] * k[2];
        checkLength(kernel, (long) taps * cin * cout, "transposed kernel (k..., cout, cin)");
        float[] w = new float[kernel.length]; // -> (taps, cin, cout)
        for (int t = 0; t < taps; t++) {
            for (int co = 0; co < cout; co++) {
                for (int ci = 0; ci < cin; ci++) w[(t * cin + ci) * cout + co] = kernel[(t * cout + co) * cin + ci];
            }
        }
        return pack(w, bias, k, s, dil, cin, cout, 1, act, true, false);
    }

    private static ConvKernel pack(float[] kernel, float[] bias, int[] k, int[] s, int[] dil, int cin, int cout, int groups, Activation act,
                                   boolean transposed, boolean allowDirect) {
        Objects.requireNonNull(kernel, "kernel");
        for (int[] a : new int[][] {k, s, dil}) {
            if (a.length != 3 || a[0] < 1 || a[1] < 1 || a[2] < 1) throw new IllegalArgumentException("kernel, strides and dilation need 3 positive extents");
        }
        if (groups < 1 || cin % groups != 0 || cout % groups != 0) {
            throw new IllegalArgumentException("groups " + groups + " must divide input channels " + cin + " and filters " + cout);
        }
        if (groups > 1 && act != null && !act.isElementwise()) {
            throw new IllegalArgumentException("a grouped convolution fuses only elementwise activations, got " + act.name());
        }
        int taps = k[0] * k[1] * k[2], cinG = cin / groups, coutG = cout / groups, rows = taps * cinG;
        checkLength(kernel, (long) rows * cout, "kernel (k..., cin/groups, cout)");
        if (bias != null && bias.length != cout) throw new IllegalArgumentException("bias has " + bias.length + " values, filters are " + cout);
        boolean pointwise = taps == 1 && s[0] * s[1] * s[2] == 1;
        if (allowDirect && !transposed && groups == 1 && !pointwise && DirectConv.fits(act)) {
            DirectConv d = DirectConv.pack(kernel, bias, k, s, dil, cin, cout, act);
            return new ConvKernel(k.clone(), s.clone(), dil.clone(), false, cin, cout, 1, null, d);
        }
        DenseKernel[] gemm = new DenseKernel[groups];
        for (int g = 0; g < groups; g++) {
            float[] w = new float[rows * coutG], b = bias == null ? null : new float[coutG];
            for (int r = 0; r < rows; r++) System.arraycopy(kernel, r * cout + g * coutG, w, r * coutG, coutG);
            if (b != null) System.arraycopy(bias, g * coutG, b, 0, coutG);
            gemm[g] = DenseKernel.pack(w, b, rows, coutG, act);
        }
        return new ConvKernel(k.clone(), s.clone(), dil.clone(), transposed, cin, cout, groups, gemm, null);
    }

    private static void checkLength(float[] kernel, long want, String what) {
        if (kernel.length != want) throw new IllegalArgumentException(what + " has " + kernel.length + " values, expected " + want);
    }

    public int inputChannels() {
        return cin;
    }

    public int filters() {
        return cout;
    }

    /** Floats per output position: {@code filters()}, or the fused activation's output width. */
    public int outputWidth() {
        return outWidth;
    }

    /** Kernel extent along axis {@code a} (0 = d, 1 = h, 2 = w) with dilation: {@code (k − 1)·dilation + 1}. */
    public int effectiveExtent(int a) {
        return (k[a] - 1) * dil[a] + 1;
    }

    public int stride(int a) {
        return s[a];
    }

    public Activation activation() {
        return direct != null ? direct.activation() : gemm[0].activation();
    }

    /**
     * This linear convolution followed by {@code y·scale[c] + shift[c]} per filter, as one kernel (an inference
     * BatchNormalization folded into weights and bias).
     */
    public ConvKernel scaledFilters(float[] scale, float[] shift) {
        if (scale.length != cout || shift.length != cout) throw new IllegalArgumentException(scale.length + " scales for " + cout + " filters");
        if (direct != null) return new ConvKernel(k, s, dil, transposed, cin, cout, groups, null, direct.scaledFilters(scale, shift));
        int coutG = cout / groups;
        DenseKernel[] g = new DenseKernel[groups];
        for (int i = 0; i < groups; i++) {
            g[i] = gemm[i].scaledColumns(java.util.Arrays.copyOfRange(scale, i * coutG, (i + 1) * coutG),
                    java.util.Arrays.copyOfRange(shift, i * coutG, (i + 1) * coutG));
        }
        return new ConvKernel(k, s, dil, transposed, cin, cout, groups, g, null);
    }

    /** Whether {@link #withActivation} takes {@code act}: an elementwise activation that keeps the width. */
    public boolean canFuse(Activation act) {
        return act.isElementwise() && act.outputWidth(cout) == cout && DirectConv.fits(act) && activation().isIdentity();
    }

    /** The same packed weights with {@code act} in the epilogue (which {@link #canFuse}). */
    public ConvKernel withActivation(Activation act) {
        if (!canFuse(act)) throw new IllegalArgumentException("cannot fuse activation " + act.name() + " into this convolution");
        if (direct != null) return new ConvKernel(k, s, dil, transposed, cin, cout, groups, null, direct.withActivation(act));
        DenseKernel[] g = new DenseKernel[groups];
        for (int i = 0; i < groups; i++) g[i] = gemm[i].withActivation(act);
        return new ConvKernel(k, s, dil, transposed, cin, cout, groups, g, null);
    }

    /**
     * {@code x} is {@code (batch, in..., cin)}; returns {@code (batch, out..., outputWidth())}. Output rows are cut
     * into blocks, each gathered and multiplied by one {@link Parallel} task on its own scratch (the GEMM runs
     * inline there), so gathering and multiplying both use every core; every row's arithmetic is the same
     * whichever block or thread computes it.
     */
    public float[] forward(float[] x, int batch, Geometry g) {
        return forward(x, batch, g, Simd.ENABLED);
    }

    /** {@code simd} false runs the scalar reference of the direct form (tests hold both to the same bits). */
    float[] forward(float[] x, int batch, Geometry g, boolean simd) {
        int outVol = g.outVolume();
        checkInput(x, batch, g);
        int total = Math.multiplyExact(batch, outVol);
        float[] y = Arena.floats(Math.multiplyExact(total, outWidth)); // every element written, on every path
        if (total == 0) return y;
        if (direct != null) {
            direct.forward(x, batch, g, y, simd);
            return y;
        }
        if (isPointwise(g)) { // 1x1, stride 1, no padding: the input rows are the im2col rows
            gemm[0].forward(x, 0, y, 0, total);
            return y;
        }
        int cinG = cin / groups, width = k[0] * k[1] * k[2] * cinG, threads = Parallel.threads();
        // blocks: small enough to stay in L2, at least two per thread, a multiple of the thread count
        int blocks = Math.max((int) Math.min((long) total * width / BLOCK_FLOATS + 1, Integer.MAX_VALUE), 2 * threads);
        blocks = Math.min((blocks + threads - 1) / threads * threads, (total + TILE_ROWS - 1) / TILE_ROWS);
        int block = ((total + blocks - 1) / blocks + TILE_ROWS - 1) / TILE_ROWS * TILE_ROWS;
        int nBlocks = (total + block - 1) / block;
        long work = 2L * total * width * (cout / groups) * groups;
        Parallel.parallelFor(nBlocks, work, t -> block(x, g, t * block, Math.min(block, total - t * block), y));
        return y;
    }

    /**
     * {@code after(conv(x) + residual)}: this linear convolution with a residual {@code Add} and an elementwise
     * activation (identity for none) after it, {@code residual} laid out as the output. A pointwise convolution, a
     * GEMM over the input rows, adds and activates each chunk of rows just written, still in L2; other forms take
     * one pass after.
     * The bits are those of the convolution, the Add and the activation one by one.
     */
    public float[] forwardAdding(float[] x, int batch, Geometry g, float[] residual, Activation after) {
        if (!activation().isIdentity()) throw new IllegalStateException(this + " already has activation " + activation().name());
        if (!after.isElementwise() || after.outputWidth(cout) != cout) throw new IllegalArgumentException("activation " + after.name() + " is not elementwise");
        long size = (long) batch * g.outVolume() * cout;
        if (residual.length != size) throw new IllegalArgumentException("residual holds " + residual.length + " floats, the output " + size);
        AddEpilogue epilogue = new AddEpilogue(residual, after);
        if (direct != null || !isPointwise(g)) {
            float[] y = forward(x, batch, g);
            epilogue.applyRows(y, 0, 1, y.length);
            return y;
        }
        checkInput(x, batch, g);
        float[] y = Arena.floats((int) size); // every element written
        if (size > 0) gemm[0].withActivation(epilogue).forward(x, 0, y, 0, batch * g.outVolume());
        return y;
    }

    private void checkInput(float[] x, int batch, Geometry g) {
        long need = (long) batch * g.inVolume() * cin;
        if (x.length != need) throw new IllegalArgumentException("input holds " + x.length + " floats, geometry needs " + need);
    }

    /** Rows [r0, r0 + rows) of the output: gather, multiply, place (per group). */
    private void block(float[] x, Geometry g, int r0, int rows, float[] y) {
        int cinG = cin / groups, coutG = cout / groups, width = k[0] * k[1] * k[2] * cinG;
        float[][] scratch = SCRATCH.get();
        if (scratch[0].length < rows * width) scratch[0] = new float[rows * width];
        if (groups > 1 && scratch[1].length < rows * coutG) scratch[1] = new float[rows * coutG];
        float[] col = scratch[0], part = scratch[1];
        for (int grp = 0; grp < groups; grp++) {
            im2col(x, g, grp * cinG, cinG, r0, rows, col);
            if (groups == 1) {
                gemm[0].forward(col, 0, y, r0 * outWidth, rows);
            } else {
                gemm[grp].forward(col, 0, part, 0, rows);
                for (int r = 0; r < rows; r++) System.arraycopy(part, r * coutG, y, (r0 + r) * cout + grp * coutG, coutG);
            }
        }
    }

    /** Whether {@link #forwardPooled} is available: the direct form (ungrouped, forward, elementwise activation). */
    public boolean poolsOwnOutput() {
        return direct != null;
    }

    /**
     * The convolution followed by {@code pool} (windows placed by {@code pg} on the convolution's output), one
     * image at a time: each image's convolution output lives only in its thread's workspace, still in L2 when
     * the pooling reads it, and is never allocated. Same bits as {@link #forward} then pooling.
     */
    public float[] forwardPooled(float[] x, int batch, Geometry g, PoolKernel pool, Geometry pg) {
        return forwardPooled(x, batch, g, pool, pg, Simd.ENABLED);
    }

    float[] forwardPooled(float[] x, int batch, Geometry g, PoolKernel pool, Geometry pg, boolean simd) {
        if (direct == null) throw new IllegalStateException(this + " has no direct form to pool from");
        if (x.length != (long) batch * g.inVolume() * cin) {
            throw new IllegalArgumentException("input holds " + x.length + " floats, geometry needs " + (long) batch * g.inVolume() * cin);
        }
        int outVol = g.outVolume(), pooled = pg.outVolume() * cout, lines = pg.out()[0] * pg.out()[1];
        float[] y = Arena.floats(Math.multiplyExact(batch, pooled)); // every element written
        if (batch == 0 || outVol == 0) return y;
        DirectConv.Plan plan = direct.plan(g, simd);
        long work = 2L * batch * outVol * k[0] * k[1] * k[2] * cin * cout;
        boolean defer = pool.isMax() && direct.isPlainRelu(); // ReLU after the max: a quarter of the work for 2×2 windows, same bits
        float floor = defer ? 0f : Float.NEGATIVE_INFINITY;
        Parallel.parallelFor(batch, work, img -> {
            float[] buf = Workspace.get().convOut(outVol * cout);
            direct.image(plan, x, img, buf, 0, defer, simd);
            pool.lines(buf, 0, y, img * pooled, cout, pg, 0, lines, floor, simd);
        });
        return y;
    }

    private boolean isPointwise(Geometry g) {
        return groups == 1 && !transposed && k[0] * k[1] * k[2] == 1 && s[0] * s[1] * s[2] == 1
                && g.pad[0] == 0 && g.pad[1] == 0 && g.pad[2] == 0
                && g.in[0] == g.out[0] && g.in[1] == g.out[1] && g.in[2] == g.out[2];
    }

    /**
     * Rows [r0, r0 + rows) of the whole batch's im2col matrix for input channels [c0, c0 + cinG): row r is output
     * position r (batch-major), columns {@code (kd, kh, kw, ci)}; taps outside the input are 0. Positions are
     * stepped, not divided out, per row; a forward convolution reads each kernel row as one strided run.
     */
    void im2col(float[] x, Geometry g, int c0, int cinG, int r0, int rows, float[] col) {
        int od = g.out[0], oh = g.out[1], ow = g.out[2], outVol = od * oh * ow;
        int nd = g.in[0], nh = g.in[1], nw = g.in[2];
        int rowW = k[0] * k[1] * k[2] * cinG, planeW = k[1] * k[2] * cinG, lineW = k[2] * cinG;
        int b = r0 / outVol, q = r0 % outVol;
        int oz = q / (oh * ow), oy = q / ow % oh, ox = q % ow;
        for (int r = 0; r < rows; r++) {
            int c = r * rowW;
            int xb = b * nd;
            for (int kz = 0; kz < k[0]; kz++) {
                int iz = source(oz, kz, 0, nd, g.pad[0]);
                if (iz < 0) {
                    java.util.Arrays.fill(col, c, c + planeW, 0f);
                    c += planeW;
                    continue;
                }
                for (int ky = 0; ky < k[1]; ky++) {
                    int iy = source(oy, ky, 1, nh, g.pad[1]);
                    if (iy < 0) {
                        java.util.Arrays.fill(col, c, c + lineW, 0f);
                        c += lineW;
                        continue;
                    }
                    int line = ((xb + iz) * nh + iy) * nw;
                    if (transposed) {
                        for (int kx = 0; kx < k[2]; kx++, c += cinG) copyTap(x, line, source(ox, kx, 2, nw, g.pad[2]), c0, cinG, col, c);
                    } else if (cinG == 1) { // one channel (a grey image): one float per tap, no call per tap
                        for (int kx = 0, ix = ox * s[2] - g.pad[2]; kx < k[2]; kx++, ix += dil[2]) {
                            col[c++] = ix >= 0 && ix < nw ? x[(line + ix) * cin + c0] : 0f;
                        }
                    } else {
                        int ix0 = ox * s[2] - g.pad[2], step = dil[2];
                        for (int kx = 0, ix = ix0; kx < k[2]; kx++, ix += step, c += cinG) copyTap(x, line, ix >= 0 && ix < nw ? ix : -1, c0, cinG, col, c);
                    }
                }
            }
            if (++ox == ow) { // next output position
                ox = 0;
                if (++oy == oh) {
                    oy = 0;
                    if (++oz == od) {
                        oz = 0;
                        b++;
                    }
                }
            }
        }
    }

    /** One tap's channels into the im2col row: zeros where it reads padding ({@code ix} −1). */
    private void copyTap(float[] x, int line, int ix, int c0, int cinG, float[] col, int c) {
        if (ix < 0) {
            java.util.Arrays.fill(col, c, c + cinG, 0f);
        } else if (cinG <= 8) { // a few channels: a call to arraycopy costs more than the copy
            for (int i = 0, src = (line + ix) * cin + c0; i < cinG; i++) col[c + i] = x[src + i];
        } else {
            System.arraycopy(x, (line + ix) * cin + c0, col, c, cinG);
        }
    }

    /** Input index read by output {@code o} through tap {@code t} on axis {@code a}, or -1 when it reads padding. */
    private int source(int o, int t, int a, int n, int pad) {
        if (!transposed) {
            int i = o * s[a] - pad + t * dil[a];
            return i >= 0 && i < n ? i : -1;
        }
        int u = o + pad - t * dil[a]; // = i · s for the input cell that reaches o through this tap
        if (u < 0 || u % s[a] != 0) return -1;
        int i = u / s[a];
        return i < n ? i : -1;
    }

    @Override
    public String toString() {
        return "ConvKernel(" + k[0] + "x" + k[1] + "x" + k[2] + ", " + cin + " -> " + cout + (groups > 1 ? ", groups " + groups : "")
                + (transposed ? ", transposed" : "") + ")";
    }
}
