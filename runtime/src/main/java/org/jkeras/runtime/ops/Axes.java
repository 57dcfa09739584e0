package org.jkeras.runtime.ops;

import org.jkeras.runtime.Shape;

/**
 * Axis bookkeeping for op nodes, which see whole tensors as Keras ops do: axis 0 is the batch axis. A set of axes
 * splits a shape into groups (every combination of the other axes) and members (every combination of the chosen
 * ones); an element's flat offset is its group's offset plus its member's.
 */
final class Axes {
    private Axes() {
    }

    /** The axes as a mask over {@code rank} axes (negative ones counted from the end); null axes: all of them. */
    static boolean[] mask(int[] axes, int rank, String who) {
        boolean[] m = new boolean[rank];
        if (axes == null) {
            java.util.Arrays.fill(m, true);
            return m;
        }
        for (int a : axes) {
            int c = a < 0 ? a + rank : a;
            if (c < 0 || c >= rank) throw new IllegalArgumentException(who + ": axis " + a + " is out of range for a tensor of rank " + rank);
            if (m[c]) throw new IllegalArgumentException(who + ": axis " + a + " is given twice");
            m[c] = true;
        }
        return m;
    }

    /** Flat offsets (C order) of every combination of the axes where {@code mask[a] == pick}, in C order. */
    static int[] offsets(int[] dims, boolean[] mask, boolean pick) {
        int[] strides = new int[dims.length];
        int n = 1;
        for (int a = dims.length - 1, s = 1; a >= 0; a--) {
            strides[a] = s;
            s *= dims[a];
            if (mask[a] == pick) n *= dims[a];
        }
        int[] into = new int[n], idx = new int[dims.length];
        for (int i = 0; i < n; i++) {
            int off = 0;
            for (int a = 0; a < dims.length; a++) if (mask[a] == pick) off += idx[a] * strides[a];
            into[i] = off;
            for (int a = dims.length - 1; a >= 0; a--) {
                if (mask[a] != pick) continue;
                if (++idx[a] < dims[a]) break;
                idx[a] = 0;
            }
        }
        return into;
    }

    /** The shape with the masked axes reduced: kept as 1 ({@code keepdims}) or dropped. */
    static Shape reduced(Shape full, boolean[] mask, boolean keepdims) {
        int[] d = new int[full.rank()];
        int r = 0;
        for (int a = 0; a < full.rank(); a++) {
            if (!mask[a]) d[r++] = full.dim(a);
            else if (keepdims) d[r++] = 1;
        }
        return Shape.of(java.util.Arrays.copyOf(d, r));
    }

    /**
     * The per-sample shape of an op's result whose whole shape is {@code full}: its first axis is taken as the batch
     * axis, as Keras' next layer would. A scalar (every axis reduced) is held as one value of per-sample shape (),
     * which broadcasts as the scalar does.
     */
    static Shape perSample(Shape full) {
        return full.rank() == 0 ? Shape.of() : full.dropFirst();
    }

    /** The tensor shape for a result whose whole shape is {@code full}: a scalar is held as shape (1). */
    static Shape held(Shape full) {
        return full.rank() == 0 ? Shape.of(1) : full;
    }
}
