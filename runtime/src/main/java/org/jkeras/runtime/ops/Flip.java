package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** {@code keras.ops.flip(x, axis)}: the order of elements reversed along {@code axis} (an int, a tuple, or None: every axis, the batch axis too). */
public final class Flip extends TensorOp {
    private final int[] axes; // null: all

    public Flip(String name, int[] axes) {
        super(name, "Flip");
        this.axes = axes == null ? null : axes.clone();
    }

    private boolean[] flipped(int rank) {
        boolean[] f = new boolean[rank];
        if (axes == null) java.util.Arrays.fill(f, true);
        else for (int a : axes) f[axis(a, rank)] = true;
        return f;
    }

    @Override
    protected Shape shape(List<Shape> in) {
        flipped(in.get(0).rank());
        return in.get(0);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Tensor x = in.get(0);
        Shape s = x.shape();
        boolean[] f = flipped(s.rank());
        int[] st = Strided.strides(s);
        int off = 0;
        for (int a = 0; a < s.rank(); a++) {
            if (f[a] && s.dim(a) > 0) {
                off += (s.dim(a) - 1) * st[a];
                st[a] = -st[a];
            }
        }
        return new Tensor(s, Strided.gather(x.data(), off, s.dims(), st));
    }

    @Override
    public String details() {
        return axes == null ? "every axis" : "axis " + str(axes);
    }
}
