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

    float[] acc(int n) {
        if (acc.length < n) acc = new float[n];
        return acc;
    }
}
