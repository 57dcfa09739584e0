package org.jkeras.runtime.kernels;

/**
 * Per-thread scratch of the kernels: buffers grow to the largest request and are then reused, so a steady
 * stream of forward calls allocates nothing. A buffer is valid until the same thread asks for it again.
 */
final class Workspace {
    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

    private float[] tile = new float[0]; // one register tile of a partial panel (rows, panel)
    private float[] rows = new float[0]; // a row chunk before a width-changing activation (rows, units)
    private float[] acc = new float[0];  // the scalar kernel's accumulators (panel)
    private float[] image = new float[0]; // DirectConv: one image with a zero border (d, h, w, c)
    private int[] dst = new int[0];        // DirectConv: a tile's output rows cut at a task's end
    private float[] convOut = new float[0]; // ConvKernel.forwardPooled: one image's convolution output (d, h, w, c)
    private float[][] tileRows = new float[0][]; // rows form of tile
    private float[][] scratchRows = new float[0][]; // rows form of rows
    private float[][] inputRows = new float[0][];   // rows form: x rows moved to column 0 for the 6-row tile
    // DenseChain, rows form: a chunk's input copied from a contiguous batch, its intermediates (ping-pong), its output
    private float[][] chainIn = new float[0][], chainA = new float[0][], chainB = new float[0][], chainOut = new float[0][];
    private final float[][] gathered = {new float[0], new float[0]}; // DenseKernel.gather's two slots (+15: line alignment)
    private float[] zeros = new float[0];                              // a gathered kernel's bias: never written
    private boolean chainBusy;           // a DenseChain on this thread holds the chain buffers
    private boolean chainSweep;          // panel order of this thread's last DenseChain chunk

    static Workspace get() {
        return LOCAL.get();
    }

    float[] tile(int n) {
        if (tile.length < n) tile = new float[n];
        return tile;
    }

    float[] rows(int n) {
        if (rows.length < n) rows = new float[n];
        return rows;
    }

    float[] image(int n) {
        if (image.length < n) image = new float[n];
        return image;
    }

    int[] dst(int n) {
        if (dst.length < n) dst = new int[n];
        return dst;
    }

    float[] convOut(int n) {
        if (convOut.length < n) convOut = new float[n];
        return convOut;
    }

    float[] acc(int n) {
        if (acc.length < n) acc = new float[n];
        return acc;
    }

    float[][] tileRows(int n, int width) {
        return tileRows = grow(tileRows, n, width);
    }

    float[] gathered(int slot, int n) {
        if (gathered[slot].length < n) gathered[slot] = new float[n];
        return gathered[slot];
    }

    float[] zeros(int n) {
        if (zeros.length < n) zeros = new float[n];
        return zeros;
    }

    float[][] scratchRows(int n, int width) {
        return scratchRows = grow(scratchRows, n, width);
    }

    float[][] inputRows(int n, int width) {
        return inputRows = grow(inputRows, n, width);
    }

    /** a, or a replacement, with at least n rows of at least width floats. */
    static float[][] grow(float[][] a, int n, int width) {
        if (a.length < n || a.length > 0 && a[0].length < width) {
            float[][] g = new float[Math.max(n, a.length)][];
            int w = Math.max(width, a.length > 0 ? a[0].length : 0);
            for (int r = 0; r < g.length; r++) g[r] = new float[w];
            return g;
        }
        return a;
    }

    /** Takes the chain buffers; false when this thread already holds them (a chain re-entered from an activation). */
    boolean claimChain() {
        if (chainBusy) return false;
        chainBusy = true;
        return true;
    }

    void releaseChain() {
        chainBusy = false;
    }

    /** Flips and returns this thread's DenseChain panel order: successive chunks on one thread alternate. */
    boolean flipChainSweep() {
        return chainSweep = !chainSweep;
    }

    float[][] chainIn(int n, int width) {
        return chainIn = grow(chainIn, n, width);
    }

    float[][] chainA(int n, int width) {
        return chainA = grow(chainA, n, width);
    }

    float[][] chainB(int n, int width) {
        return chainB = grow(chainB, n, width);
    }

    float[][] chainOut(int n, int width) {
        return chainOut = grow(chainOut, n, width);
    }
}
