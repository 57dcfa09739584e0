package org.jkeras.runtime.ops;

import org.jkeras.runtime.Shape;

/** NumPy broadcasting over whole shapes, the batch axis included (op nodes see tensors as Keras ops do). */
public final class Broadcast {
    private Broadcast() {
    }

    /** The broadcast of two shapes aligned from the right; an unknown dimension meets any other. */
    public static Shape shapes(Shape a, Shape b, String who) {
        int rank = Math.max(a.rank(), b.rank());
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) {
            int x = i < rank - a.rank() ? 1 : a.dim(i - (rank - a.rank()));
            int y = i < rank - b.rank() ? 1 : b.dim(i - (rank - b.rank()));
            if (x == y || y == 1) d[i] = x;
            else if (x == 1) d[i] = y;
            else if (x == Shape.UNKNOWN || y == Shape.UNKNOWN) d[i] = Math.max(x, y);
            else throw new IllegalArgumentException(who + ": shapes " + a + " and " + b + " do not broadcast");
        }
        return Shape.of(d);
    }

    /**
     * For each element of {@code out} (C order), the flat index of the element of an array of shape {@code in} that
     * broadcasting reads; {@code in} is aligned with {@code out} from the right.
     */
    public static int[] indices(Shape in, Shape out) {
        int rank = out.rank();
        int[] stride = new int[rank];
        for (int i = rank - 1, s = 1; i >= 0; i--) {
            int j = i - (rank - in.rank());
            int n = j >= 0 ? in.dim(j) : 1;
            stride[i] = n == 1 ? 0 : s;
            s *= n;
        }
        int[] idx = new int[out.size()], pos = new int[rank];
        for (int k = 0, off = 0; k < idx.length; k++) {
            idx[k] = off;
            for (int a = rank - 1; a >= 0; a--) {
                off += stride[a];
                if (++pos[a] < out.dim(a)) break;
                off -= stride[a] * out.dim(a);
                pos[a] = 0;
            }
        }
        return idx;
    }
}
