package org.jkeras.runtime.kernels;

import java.util.List;
import java.util.Objects;

import org.jkeras.activations.Simd;

/**
 * A chain of fused Dense layers, each reading only the previous one's output: {@code y = dN(…d2(d1(x)))}, e.g.
 * an MLP. Runs depth first: the batch is cut into row chunks that go through every layer while their
 * intermediate rows are still in L2, in per-thread scratch ({@link Workspace}), so a call allocates nothing but
 * its result (and, for a small batch on several threads, its rows' copies). Each chunk streams the layers' panels
 * in the opposite order to the thread's previous chunk, and each layer reads ahead the first panel of the layer
 * the thread runs next (see {@link DenseKernel}'s rows form). Immutable and thread-safe.
 *
 * <p>Exactness: every layer runs {@link DenseKernel}'s own per-element loop on its chunk, so every value is
 * bit-identical to running the layers one by one, whatever the batch size, chunking or thread count.
 *
 * <p>Work split: batch 1 runs on the caller, layer after layer (the kernels' latency path). Larger batches are
 * cut into chunks of about {@link #CHUNK_ROWS} rows, their number rounded up to a multiple of the
 * thread count so the threads end together, and each chunk runs the whole chain on one thread. A batch too small
 * to give every thread a chunk runs layer by layer instead, each layer split over its output panels.
 */
public final class DenseChain {
    /** Micro-kernel tile height: chunks are whole tiles but for the last. */
    private static final int TILE_ROWS = 6;
    /**
     * Rows per chunk, about: a chunk's input and intermediate rows (192 · (784 + 2·512) floats, 1.4 MB for the MLP)
     * stay in L2 while each panel of weights streams through; every chunk streams all the weights once, so larger
     * chunks read them fewer times (measured 784-512-512-10 at batch 1000: 48 rows 3-5% slower, 1000 rows 5% slower).
     */
    static final int CHUNK_ROWS = 192;

    private final DenseKernel[] layers;
    private final int in, out;  // input size of the first layer, output width of the last
    private final int widest;   // widest intermediate row (output width of layers 0 .. n-2)
    private final long flopsPerRow;

    public DenseChain(List<DenseKernel> layers) {
        if (layers.isEmpty()) throw new IllegalArgumentException("empty Dense chain");
        this.layers = layers.toArray(new DenseKernel[0]);
        int w = 0;
        long f = 0;
        for (int i = 0; i < this.layers.length; i++) {
            DenseKernel d = Objects.requireNonNull(this.layers[i], "layer");
            if (i > 0 && d.inputSize() != this.layers[i - 1].outputWidth()) {
                throw new IllegalArgumentException("Dense chain: layer " + i + " takes " + d.inputSize() + " values, layer " + (i - 1) + " gives "
                        + this.layers[i - 1].outputWidth());
            }
            if (i < this.layers.length - 1) w = Math.max(w, d.outputWidth());
            f += 2L * d.inputSize() * d.units();
        }
        this.in = this.layers[0].inputSize();
        this.out = this.layers[this.layers.length - 1].outputWidth();
        this.widest = w;
        this.flopsPerRow = f;
    }

    public int inputSize() {
        return in;
    }

    public int outputWidth() {
        return out;
    }

    /** Number of layers. */
    public int length() {
        return layers.length;
    }

    /** y rows ({@link #outputWidth()} floats, from yOff) for {@code rows} x rows ({@link #inputSize()} floats, from xOff). */
    public void forward(float[] x, int xOff, float[] y, int yOff, int rows) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (rows < 0) throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        if (xOff < 0 || xOff + (long) rows * in > x.length) throw new IllegalArgumentException("x holds " + x.length + " floats: " + rows + " rows of " + in + " from offset " + xOff);
        if (yOff < 0 || yOff + (long) rows * out > y.length) throw new IllegalArgumentException("y holds " + y.length + " floats: " + rows + " rows of " + out + " from offset " + yOff);
        if (x == y && rows > 0 && xOff < yOff + (long) rows * out && yOff < xOff + (long) rows * in) throw new IllegalArgumentException("x and y overlap");
        if (rows == 0) return;
        if (rows == 1) { // one row: the arrays themselves, read and written from the offsets
            onCaller(new float[][] {x}, 0, xOff, new float[][] {y}, 0, yOff, 1);
            return;
        }
        int threads = Parallel.threads(), size = chunkRows(rows, threads), tasks = (rows + size - 1) / size;
        if (threads > 1 && tasks < threads && flopsPerRow * rows >= Parallel.INLINE_WORK) {
            float[][] xs = new float[rows][], ys = new float[rows][];
            for (int r = 0; r < rows; r++) {
                xs[r] = java.util.Arrays.copyOfRange(x, xOff + r * in, xOff + r * in + in);
                ys[r] = new float[out];
            }
            layerByLayer(xs, ys, rows);
            for (int r = 0; r < rows; r++) System.arraycopy(ys[r], 0, y, yOff + r * out, out);
            return;
        }
        Parallel.parallelFor(tasks, flopsPerRow * rows, t -> {
            int r0 = t * size, n = Math.min(size, rows - r0);
            Workspace ws = Workspace.get();
            boolean mine = ws.claimChain();
            try {
                float[][] xs = mine ? ws.chainIn(n, in) : new float[n][in], ys = mine ? ws.chainOut(n, out) : new float[n][out];
                for (int r = 0; r < n; r++) System.arraycopy(x, xOff + (r0 + r) * in, xs[r], 0, in);
                run(xs, 0, 0, ys, 0, 0, n, ws, mine);
                for (int r = 0; r < n; r++) System.arraycopy(ys[r], 0, y, yOff + (r0 + r) * out, out);
            } finally {
                if (mine) ws.releaseChain();
            }
        });
    }

    /**
     * One sample per row of {@code x} ({@link #inputSize()} floats each, not checked here); returns one new array
     * of {@link #outputWidth()} floats per row. The first layer reads the rows where they are and the last writes
     * the result rows: nothing is copied.
     */
    public float[][] forwardRows(float[][] x) {
        int rows = x.length;
        float[][] y = new float[rows][];
        if (rows == 0) return y;
        if (rows == 1) {
            y[0] = new float[out];
            onCaller(x, 0, 0, y, 0, 0, 1);
            return y;
        }
        int threads = Parallel.threads(), size = chunkRows(rows, threads), tasks = (rows + size - 1) / size;
        if (threads > 1 && tasks < threads && flopsPerRow * rows >= Parallel.INLINE_WORK) {
            for (int r = 0; r < rows; r++) y[r] = new float[out];
            layerByLayer(x, y, rows);
            return y;
        }
        Parallel.parallelFor(tasks, flopsPerRow * rows, t -> {
            int r0 = t * size, n = Math.min(size, rows - r0);
            for (int r = r0; r < r0 + n; r++) y[r] = new float[out];
            onCaller(x, r0, 0, y, r0, 0, n);
        });
        return y;
    }

    /** Rows per chunk: about CHUNK_ROWS, whole tiles, a multiple of {@code threads} chunks when there are enough. */
    static int chunkRows(int rows, int threads) {
        int tasks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        if (threads > 1 && tasks >= threads) tasks = (tasks + threads - 1) / threads * threads;
        int size = (rows + tasks - 1) / tasks;
        return (size + TILE_ROWS - 1) / TILE_ROWS * TILE_ROWS;
    }

    /** The whole chain for n rows on this thread, intermediates in this thread's scratch. */
    private void onCaller(float[][] x, int xr, int xc, float[][] y, int yr, int yc, int n) {
        Workspace ws = Workspace.get();
        boolean mine = ws.claimChain();
        try {
            run(x, xr, xc, y, yr, yc, n, ws, mine);
        } finally {
            if (mine) ws.releaseChain();
        }
    }

    /** {@code mine}: the scratch is ours; false when this thread is already inside a chain (a re-entrant call). */
    private void run(float[][] x, int xr, int xc, float[][] y, int yr, int yc, int n, Workspace ws, boolean mine) {
        float[][] a = null, b = null;
        if (layers.length > 1) {
            a = mine ? ws.chainA(Math.max(n, CHUNK_ROWS), widest) : new float[n][widest];
            if (layers.length > 2) b = mine ? ws.chainB(Math.max(n, CHUNK_ROWS), widest) : new float[n][widest];
        }
        float[][] src = x;
        int sr = xr, sc = xc;
        boolean reverse = ws.flipChainSweep(); // this thread's panel order, flipped per chunk (see DenseKernel.forwardOnCaller)
        for (int i = 0; i < layers.length; i++) {
            boolean last = i == layers.length - 1;
            float[][] dst = last ? y : (i & 1) == 0 ? a : b;
            int dr = last ? yr : 0, dc = last ? yc : 0;
            // the layer this thread runs next (the first again, for its next chunk) gets its first panel read ahead
            layers[i].forwardOnCaller(src, sr, sc, dst, dr, dc, n, Simd.ENABLED, reverse, layers[last ? 0 : i + 1], last != reverse);
            src = dst;
            sr = dr;
            sc = dc;
        }
    }

    /** Each layer over all rows, split over panels by the kernel; intermediates in the caller's scratch. */
    private void layerByLayer(float[][] x, float[][] y, int rows) {
        Workspace ws = Workspace.get();
        boolean mine = ws.claimChain();
        try {
            float[][] a = null, b = null;
            if (layers.length > 1) {
                a = mine ? ws.chainA(rows, widest) : new float[rows][widest];
                if (layers.length > 2) b = mine ? ws.chainB(rows, widest) : new float[rows][widest];
            }
            float[][] src = x;
            for (int i = 0; i < layers.length; i++) {
                float[][] dst = i == layers.length - 1 ? y : (i & 1) == 0 ? a : b;
                layers[i].forward(src, 0, 0, dst, 0, 0, rows, Simd.ENABLED);
                src = dst;
            }
        } finally {
            if (mine) ws.releaseChain();
        }
    }

    @Override
    public String toString() {
        return "DenseChain(" + java.util.Arrays.toString(layers) + ")";
    }
}
