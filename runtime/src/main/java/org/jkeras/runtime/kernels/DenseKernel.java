package org.jkeras.runtime.kernels;

import java.util.Arrays;
import java.util.Objects;

import org.jkeras.activations.Activation;
import org.jkeras.activations.ElementwiseActivation;
import org.jkeras.activations.Relu;
import org.jkeras.activations.Simd;

/**
 * Fused Keras {@code Dense}: {@code y = act(x · W + b)} for a batch of rows. Immutable (but for a cache hint that
 * never changes a bit, see {@link #reverseSweep}) and thread-safe.
 *
 * <p>Exactness contract: every output element, on every path (scalar, vector tiles of any height, batch 1, any
 * thread count or split), is computed as
 * <pre>
 *   acc = 0;  for k = 0 .. in-1:  acc = fma(x[k], W[k][n], acc);   y[n] = act(acc + b[n])
 * </pre>
 * or, for a narrow layer (at most one vector of units: 10 classes, 1 logit), with four partial sums
 * <pre>
 *   acc[0..3] = 0;  for k:  acc[k % 4] = fma(x[k], W[k][n], acc[k % 4]);   y[n] = act(((acc[0] + acc[1]) + (acc[2] + acc[3])) + b[n])
 * </pre>
 * (one chain of {@code in} dependent FMAs made batch 1 wait on FMA latency: Dense 5408 → 10 took 6 µs), so
 * results are bit-identical whatever the batch size, the row's position in it, the thread count or
 * {@code Simd.ENABLED}. Without a bias nothing is added: that equals adding +0, since acc starting at +0 and
 * grown by round-to-nearest FMAs is never -0.
 *
 * <p>Layout: W is packed once into panels of {@link #panelWidth()} output columns (4 vectors; 1 for layers no
 * wider than a vector), zero-padded, each panel k-major, so a micro-kernel streams one contiguous run of weights
 * per k and forward never copies or transposes them. The packed weights start on a 64-byte line ({@link
 * Alignment}), so no 512-bit weight load straddles two lines. The activation runs in the epilogue: elementwise ones on
 * each register tile right after it is stored (still in L1); row-wise ones (softmax, ...), and elementwise ones
 * that do not pay per tile ({@code appliesPerTile}: exact gelu), on each row chunk once its rows are complete; width-changing ones (glu) on a per-thread scratch chunk whose first
 * {@code outputWidth} columns per row are then copied out.
 *
 * <p>Work split: batch 1 runs on the caller (latency: ~13 µs for 784 → 512 from L2); larger batches are cut
 * into fixed chunks of {@code ROW_CHUNK} = 96 rows, and, when that gives fewer than 4 tasks, into groups of panels
 * (when the epilogue allows and there are several) or smaller chunks of rows, run on {@link Parallel}. Multi-row calls stream the panels in alternating order, like
 * batch 1 (see {@link #reverseSweep}).
 *
 * <p>Two forms of input and output: contiguous rows ({@link #forward}, for {@code Dense} on tensors) and one
 * array per row (package-private, for {@link DenseChain}, whose micro-kernel addresses rows more cheaply; see
 * {@link DenseVector}). Both compute every element by the contract above.
 */
public final class DenseKernel {
    /** Rows per task: 16 six-row tiles. Fixed, so task boundaries depend only on the batch size. */
    static final int ROW_CHUNK = 96;
    /** Below this many row chunks, elementwise layers also split the panels so both cores get work. */
    private static final int MIN_TASKS = 4;

    final int in, units;
    final int panel, panels;      // output columns per panel; ceil(units / panel)
    final float[] w;              // (panels, in, panel) from w0: W[k][n] at w0 + [n / panel][k][n % panel], padding 0 (any in a gathered kernel)
    final int w0;                 // first packed float: the one on a 64-byte line boundary (see Alignment)
    final float[] b;              // (panels * panel): bias, padding 0; all 0 without a bias
    private final Activation act; // never null: LINEAR when pack() got null
    private final int outWidth;   // act.outputWidth(units)
    private final ElementwiseActivation tileAct; // applied per tile; null for identity or row-wise epilogues
    final boolean plainRelu;                     // tileAct is max(x, 0): the rows form's 6- and 4-row tiles apply it in registers
    final boolean narrow;                        // one panel of one vector: four partial sums (see the contract)
    private int sweep; // cache hint, the one mutable field: see reverseSweep()

    private DenseKernel(int in, int units, int panel, float[] w, int w0, float[] b, Activation act) {
        this.in = in;
        this.units = units;
        this.panel = panel;
        this.panels = (units + panel - 1) / panel;
        this.w = w;
        this.w0 = w0;
        this.b = b;
        this.act = act == null ? LINEAR : act;
        this.outWidth = this.act.outputWidth(units);
        if (outWidth < 1 || outWidth > units) {
            throw new IllegalArgumentException("activation " + this.act.name() + " maps a row of " + units + " to " + outWidth + " values");
        }
        this.tileAct = !this.act.isIdentity() && outWidth == units && this.act instanceof ElementwiseActivation e && e.appliesPerTile() ? e : null;
        this.plainRelu = tileAct instanceof Relu r && r.isMaxWithZero();
        this.narrow = panel == narrowWidth();
    }

    /** The panel width of narrow layers: one vector (16 floats without the Vector API). */
    private static int narrowWidth() {
        return Simd.ENABLED ? DenseVector.L : 16;
    }

    /**
     * Packs a Keras Dense layer. {@code kernel} is (in, units) row-major as Keras stores it, {@code bias} (units)
     * or null, {@code act} null for linear. The arrays are copied.
     */
    public static DenseKernel pack(float[] kernel, float[] bias, int in, int units, Activation act) {
        Objects.requireNonNull(kernel, "kernel");
        if (in < 1) throw new IllegalArgumentException("Dense input size must be >= 1, got " + in);
        if (units < 1) throw new IllegalArgumentException("Dense units must be >= 1, got " + units);
        if (kernel.length != (long) in * units) {
            throw new IllegalArgumentException("Dense kernel has " + kernel.length + " values, expected in * units = " + in + " * " + units + " = " + (long) in * units);
        }
        if (bias != null && bias.length != units) {
            throw new IllegalArgumentException("Dense bias has " + bias.length + " values, expected units = " + units);
        }
        int p = panelWidth(units), np = (units + p - 1) / p;
        long size = (long) np * in * p;
        if (size > Integer.MAX_VALUE - 32) throw new IllegalArgumentException("Dense kernel " + in + "x" + units + " too large to pack");
        float[] w = new float[(int) size + 15];
        int w0 = Alignment.floatsToLine(w);
        for (int k = 0; k < in; k++) {
            for (int pn = 0; pn < np; pn++) {
                int n0 = pn * p, cols = Math.min(p, units - n0);
                System.arraycopy(kernel, k * units + n0, w, w0 + pn * in * p + k * p, cols);
            }
        }
        float[] b = new float[np * p];
        if (bias != null) System.arraycopy(bias, 0, b, 0, units);
        return new DenseKernel(in, units, p, w, w0, b, act);
    }

    /**
     * A kernel over data, for attention's products with K and V: B ({@code in × units}) gathered from {@code src}
     * into this thread's scratch slot {@code slot} (0 or 1), packed as {@link #pack} packs, linear, no bias. Row i of
     * the source starts at {@code src[idx[at + i]·stride + off]}; with {@code transposed} it is B's column i (B =
     * Kᵀ: i &lt; units, {@code in} floats), else B's row i (B = V: i &lt; in, {@code units} floats). Same products as
     * {@code pack} of that B, without its copies and allocation; valid until this thread gathers into the slot again.
     */
    public static DenseKernel gather(float[] src, int[] idx, int at, int stride, int off, int in, int units, boolean transposed, int slot) {
        int p = panelWidth(units), np = (units + p - 1) / p;
        Workspace ws = Workspace.get();
        float[] w = ws.gathered(slot, np * in * p + 15);
        int w0 = Alignment.floatsToLine(w); // a partial last panel's padding keeps old values: its columns are never stored
        if (transposed) {
            for (int j = 0; j < units; j++) {
                int from = idx[at + j] * stride + off, to = w0 + j / p * in * p + j % p;
                for (int c = 0; c < in; c++, to += p) w[to] = src[from + c];
            }
        } else {
            for (int k = 0; k < in; k++) {
                int from = idx[at + k] * stride + off;
                for (int pn = 0; pn < np; pn++) System.arraycopy(src, from + pn * p, w, w0 + pn * in * p + k * p, Math.min(p, units - pn * p));
            }
        }
        return new DenseKernel(in, units, p, w, w0, ws.zeros(np * p), null);
    }

    /** 4 vectors of the preferred species (64 on AVX-512), 1 vector for layers no wider; any width suits the scalar path. */
    private static int panelWidth(int units) {
        return Simd.ENABLED ? DenseVector.panelWidth(units) : units <= narrowWidth() ? narrowWidth() : 64;
    }

    /**
     * This linear kernel followed by {@code y·scale[n] + shift[n]} per output column, as one kernel: weights and bias
     * scaled (a BatchNormalization folded in). Rounds differently from the two steps, by float32 rounding.
     */
    public DenseKernel scaledColumns(float[] scale, float[] shift) {
        if (!act.isIdentity()) throw new IllegalStateException("a kernel with activation " + act.name() + " cannot fold a scale");
        if (scale.length != units || shift.length != units) throw new IllegalArgumentException(scale.length + " scales for " + units + " columns");
        float[] nw = new float[w.length];
        int nw0 = Alignment.floatsToLine(nw);
        Folding.scalePanels(w, w0, nw, nw0, panels, in, panel, units, scale);
        return new DenseKernel(in, units, panel, nw, nw0, Folding.scaleBias(b, units, scale, shift), act);
    }

    /** The same packed weights (shared, they are immutable) with another activation; null for linear. */
    public DenseKernel withActivation(Activation act) {
        return new DenseKernel(in, units, panel, w, w0, b, act);
    }

    public int inputSize() {
        return in;
    }

    public int units() {
        return units;
    }

    /** Floats per output row: {@code activation().outputWidth(units())}. */
    public int outputWidth() {
        return outWidth;
    }

    /** The fused activation; an identity {@code linear} when packed with null. */
    public Activation activation() {
        return act;
    }

    /** Output columns per packed panel. */
    public int panelWidth() {
        return panel;
    }

    /**
     * y = act(x · W + b) for {@code rows} rows: x rows are {@code inputSize()} floats from {@code xOff}, y rows
     * {@code outputWidth()} floats from {@code yOff}, both contiguous. Large batches run on {@link Parallel}.
     */
    public void forward(float[] x, int xOff, float[] y, int yOff, int rows) {
        forward(x, xOff, y, yOff, rows, Simd.ENABLED);
    }

    /** {@code simd} false runs the scalar reference path: tests hold both paths to the same bits. */
    void forward(float[] x, int xOff, float[] y, int yOff, int rows, boolean simd) {
        check(x, xOff, y, yOff, rows);
        if (rows == 0) return;
        if (rows == 1) { // latency path: weights streamed once on the caller, no handoff
            chunk(x, xOff, y, yOff, 1, 0, panels, simd);
            return;
        }
        split(rows, 0, panels, (r0, n, p0, p1) -> chunk(x, xOff + r0 * in, y, yOff + r0 * outWidth, n, p0, p1, simd));
    }

    /**
     * {@link #forward} restricted to panels [p0, p1) of a linear kernel: columns [p0·panel, min(p1·panel, units))
     * of y's rows ({@code outputWidth()} floats apart from yOff) are written, the others left as they are. With
     * {@link #concatColumns}, one packed kernel serves its parts on different inputs.
     */
    public void forwardPanels(float[] x, int xOff, float[] y, int yOff, int rows, int p0, int p1) {
        check(x, xOff, y, yOff, rows);
        if (!act.isIdentity()) throw new IllegalStateException("panels of a kernel with activation " + act.name());
        if (p0 < 0 || p1 > panels || p0 > p1) throw new IllegalArgumentException("panels [" + p0 + ", " + p1 + ") of " + panels);
        if (rows == 0 || p0 == p1) return;
        if (rows == 1) {
            chunk(x, xOff, y, yOff, 1, p0, p1, Simd.ENABLED);
            return;
        }
        split(rows, p0, p1, (r0, n, q0, q1) -> chunk(x, xOff + r0 * in, y, yOff + r0 * outWidth, n, q0, q1, Simd.ENABLED));
    }

    /**
     * The linear kernels {@code parts}, which read inputs of one size, as one kernel: their columns side by side,
     * part after part. Each column keeps its part's packed weights, bias and loop, so every value has the bits it
     * has in its part. Null unless every part is linear and of whole wide panels (a narrow layer sums differently).
     */
    public static DenseKernel concatColumns(DenseKernel... parts) {
        int in = parts[0].in, panel = parts[0].panel, units = 0;
        for (DenseKernel d : parts) {
            if (d.in != in || d.panel != panel || d.narrow || !d.act.isIdentity() || d.units % panel != 0) return null;
            units += d.units;
        }
        float[] w = new float[units * in + 15], b = new float[units];
        int w0 = Alignment.floatsToLine(w), at = 0;
        for (DenseKernel d : parts) {
            System.arraycopy(d.w, d.w0, w, w0 + at * in, d.units * in); // whole panels: (units / panel, in, panel)
            System.arraycopy(d.b, 0, b, at, d.units);
            at += d.units;
        }
        return new DenseKernel(in, units, panel, w, w0, b, null);
    }

    /** One task of {@link #split}: rows [r0, r0 + n), panels [p0, p1). */
    private interface Task {
        void run(int r0, int n, int p0, int p1);
    }

    /**
     * Runs {@code rows} (more than one) as tasks on {@link Parallel}: chunks of ROW_CHUNK rows, and, when that gives
     * fewer than MIN_TASKS tasks, groups of panels when the epilogue allows and there are several, else smaller
     * chunks of rows (whole 24-row multiples: the tiles' heights divide them). Fixed by the batch size alone; no
     * split changes a bit, each row's arithmetic being its own.
     */
    private void split(int rows, int first, int end, Task task) {
        int size = ROW_CHUNK, chunks = (rows + ROW_CHUNK - 1) / ROW_CHUNK, np = end - first;
        int perGroup = np;
        boolean byPanels = tileAct != null || act.isIdentity();
        if (chunks < MIN_TASKS && byPanels && np > 1) {
            int groups = Math.min(np, (MIN_TASKS + chunks - 1) / chunks);
            perGroup = (np + groups - 1) / groups;
        } else if (chunks < MIN_TASKS && rows > 24) { // one panel (a narrow layer) or a row-wise epilogue: split the rows
            size = Math.max(24, (rows + MIN_TASKS - 1) / MIN_TASKS + 23) / 24 * 24;
            chunks = (rows + size - 1) / size;
        }
        int groups = (np + perGroup - 1) / perGroup, pg = perGroup, rowsPer = size;
        Parallel.parallelFor(chunks * groups, 2L * in * Math.min(units, np * panel) * rows, t -> {
            int r0 = t / groups * rowsPer, p0 = first + t % groups * pg;
            task.run(r0, Math.min(rowsPer, rows - r0), p0, Math.min(end, p0 + pg));
        });
    }

    /**
     * Rows form of {@link #forward}, for {@link DenseChain}: row r of x is {@code x[xRow + r]} read from column
     * xCol, row r of y is {@code y[yRow + r]} written from column yCol; no row of y may share an array with a row
     * of x. Each row its own array lets the micro-kernel address every x row from the loop index alone (see
     * {@link DenseVector#linearRows}). Same split over threads and same bits as {@code forward}.
     */
    void forward(float[][] x, int xRow, int xCol, float[][] y, int yRow, int yCol, int rows, boolean simd) {
        if (rows <= 0) return;
        if (rows == 1) {
            chunk(x, xRow, xCol, y, yRow, yCol, 1, 0, panels, simd);
            return;
        }
        split(rows, 0, panels, (r0, n, p0, p1) -> chunk(x, xRow + r0, xCol, y, yRow + r0, yCol, n, p0, p1, simd));
    }

    /** The rows form entirely on the calling thread, never handing work to {@link Parallel}. */
    void forwardOnCaller(float[][] x, int xRow, int xCol, float[][] y, int yRow, int yCol, int rows, boolean simd) {
        if (rows > 0) chunk(x, xRow, xCol, y, yRow, yCol, rows, 0, panels, simd);
    }

    /**
     * The same, for {@link DenseChain}: panels in the order {@code reverse} gives (the chain alternates it per chunk
     * and thread, so the panels a thread streamed last, still in its L2, come first), and {@code next}, the layer
     * this thread runs right after (or null), streaming its panels in the order {@code nextReverse} gives, has its
     * first panel read ahead into L2 while this layer's last panel computes (see DenseVector.tileRows).
     */
    void forwardOnCaller(float[][] x, int xRow, int xCol, float[][] y, int yRow, int yCol, int rows, boolean simd, boolean reverse,
            DenseKernel next, boolean nextReverse) {
        if (rows <= 0) return;
        boolean rowWise = tileAct == null && !act.isIdentity() && act.isElementwise(); // applied to whole rows after
        if (!simd || rows == 1 || !(tileAct != null || act.isIdentity() || rowWise)) {
            chunk(x, xRow, xCol, y, yRow, yCol, rows, 0, panels, simd);
            return;
        }
        float[] aw = next == null ? null : next.w;
        int aOff = next == null ? 0 : next.w0 + (nextReverse ? (next.panels - 1) * next.in * next.panel : 0);
        int aLines = next == null ? 0 : next.in * next.panel / DenseVector.LINE;
        DenseVector.linearRows(this, x, xRow, xCol, rows, y, yRow, yCol, 0, panels, tileAct, reverse, aw, aOff, aLines);
        if (rowWise) for (int r = 0; r < rows; r++) act.applyRows(y[yRow + r], yCol, 1, units);
    }

    /** Rows form of {@link #chunk(float[], int, float[], int, int, int, int, boolean)}. */
    private void chunk(float[][] x, int xr, int xc, float[][] y, int yr, int yc, int rows, int p0, int p1, boolean simd) {
        if (tileAct != null || act.isIdentity()) {
            linear(x, xr, xc, rows, y, yr, yc, p0, p1, tileAct, simd);
        } else if (outWidth == units) {
            linear(x, xr, xc, rows, y, yr, yc, 0, panels, null, simd);
            for (int r = 0; r < rows; r++) act.applyRows(y[yr + r], yc, 1, units);
        } else {
            float[][] s = Workspace.get().scratchRows(rows, units); // (rows, units) before e.g. glu halves them
            linear(x, xr, xc, rows, s, 0, 0, 0, panels, null, simd);
            for (int r = 0; r < rows; r++) {
                act.applyRows(s[r], 0, 1, units);
                System.arraycopy(s[r], 0, y[yr + r], yc, outWidth);
            }
        }
    }

    private void linear(float[][] x, int xr, int xc, int rows, float[][] y, int yr, int yc, int p0, int p1, ElementwiseActivation ew, boolean simd) {
        if (simd) {
            boolean reverse = rows > 1 && panel != DenseVector.L && reverseSweep();
            DenseVector.linearRows(this, x, xr, xc, rows, y, yr, yc, p0, p1, ew, reverse, null, 0, 0);
            return;
        }
        for (int r = 0; r < rows; r++) scalarRow(x[xr + r], xc, y[yr + r], yc, p0, p1, ew);
    }

    /**
     * Whether this call streams the panels last to first. Successive calls alternate, so the panels streamed
     * last, still in L2, are read first: when a model's weights overflow L2 (784-512-512-10 is 2.7 MB) a fixed
     * order evicts each panel just before its next use (measured batch-1 MLP 60 → 48 µs). Racy on purpose: the
     * panel order never changes a single bit of the output. ({@link DenseChain} keeps its own order per thread.)
     */
    boolean reverseSweep() {
        return (sweep ^= 1) == 0;
    }

    /** Rows [0, rows) from xo/yo, panels [p0, p1); a row-wise activation gets all panels (see forward). */
    private void chunk(float[] x, int xo, float[] y, int yo, int rows, int p0, int p1, boolean simd) {
        if (tileAct != null || act.isIdentity()) {
            linear(x, xo, rows, y, yo, units, p0, p1, tileAct, simd);
        } else if (outWidth == units) {
            linear(x, xo, rows, y, yo, units, 0, panels, null, simd);
            act.applyRows(y, yo, rows, units); // rows just written: still in L2
        } else {
            float[] s = Workspace.get().rows(rows * units); // (rows, units) before e.g. glu halves them
            linear(x, xo, rows, s, 0, units, 0, panels, null, simd);
            act.applyRows(s, 0, rows, units);
            System.arraycopy(s, 0, y, yo, rows * outWidth);
        }
    }

    /** y[r][n] = ew(acc + b[n]) for rows [0, rows), columns of panels [p0, p1); y rows ldy apart from yo. */
    private void linear(float[] x, int xo, int rows, float[] y, int yo, int ldy, int p0, int p1, ElementwiseActivation ew, boolean simd) {
        if (simd) DenseVector.linear(this, x, xo, rows, y, yo, ldy, p0, p1, ew);
        else linearScalar(x, xo, rows, y, yo, ldy, p0, p1, ew);
    }

    /** The scalar reference: one row, one panel at a time, the contract's loop with Math.fma. */
    private void linearScalar(float[] x, int xo, int rows, float[] y, int yo, int ldy, int p0, int p1, ElementwiseActivation ew) {
        for (int r = 0; r < rows; r++) scalarRow(x, xo + r * in, y, yo + r * ldy, p0, p1, ew);
    }

    /** One row of the scalar reference: x[xo ..] to y[yo ..], panels [p0, p1), the contract's loops with Math.fma. */
    private void scalarRow(float[] x, int xo, float[] y, int yo, int p0, int p1, ElementwiseActivation ew) {
        int parts = narrow ? 4 : 1;
        float[] acc = Workspace.get().acc(parts * panel); // partial q of column j at q·panel + j
        for (int p = p0; p < p1; p++) {
            Arrays.fill(acc, 0, parts * panel, 0f);
            for (int k = 0, wo = w0 + p * in * panel; k < in; k++, wo += panel) {
                float xk = x[xo + k];
                for (int j = 0, a = k % parts * panel; j < panel; j++) acc[a + j] = Math.fma(xk, w[wo + j], acc[a + j]);
            }
            int n0 = p * panel, cols = Math.min(panel, units - n0);
            for (int j = 0; j < cols; j++) {
                float sum = narrow ? (acc[j] + acc[panel + j]) + (acc[2 * panel + j] + acc[3 * panel + j]) : acc[j];
                y[yo + n0 + j] = sum + b[n0 + j];
            }
            if (ew != null) ew.applyInPlace(y, yo + n0, cols);
        }
    }

    private void check(float[] x, int xOff, float[] y, int yOff, int rows) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        long xEnd = xOff + (long) rows * in, yEnd = yOff + (long) rows * outWidth;
        if (xOff < 0 || xEnd > x.length) {
            throw new IllegalArgumentException("x holds " + x.length + " floats: " + rows + " rows of " + in + " from offset " + xOff + " need " + xEnd);
        }
        if (yOff < 0 || yEnd > y.length) {
            throw new IllegalArgumentException("y holds " + y.length + " floats: " + rows + " rows of " + outWidth + " from offset " + yOff + " need " + yEnd);
        }
        if (x == y && rows > 0 && xOff < yEnd && yOff < xEnd) throw new IllegalArgumentException("x and y overlap");
    }

    @Override
    public String toString() {
        return "DenseKernel(" + in + " -> " + units + (act.isIdentity() ? "" : ", " + act.name()) + ", panel " + panel + ")";
    }

    /** Identity stand-in for a null activation. */
    static final Activation LINEAR = new ElementwiseActivation() {
        @Override public String name() { return "linear"; }
        @Override public String formula() { return "x"; }
        @Override public float apply(float x) { return x; }
        @Override public boolean isIdentity() { return true; }
        @Override public void applyInPlace(float[] x, int off, int len) { }
    };
}
