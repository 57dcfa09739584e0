package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** {@code keras.ops.transpose(x, axes)}: axes permuted over the whole tensor; {@code axes=None} reverses them all, the batch axis going last. */
public final class Transpose extends TensorOp {
    private final int[] axes; // null: reversed

    public Transpose(String name, int[] axes) {
        super(name, "Transpose");
        this.axes = axes == null ? null : axes.clone();
    }

    private int[] perm(int rank) {
        int[] p = new int[rank];
        if (axes == null) {
            for (int i = 0; i < rank; i++) p[i] = rank - 1 - i;
            return p;
        }
        if (axes.length != rank) throw new IllegalArgumentException(who() + ": axes " + str(axes) + " do not match rank " + rank);
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = axis(axes[i], rank);
            if (seen[p[i]]) throw new IllegalArgumentException(who() + ": axes " + str(axes) + " repeat an axis");
            seen[p[i]] = true;
        }
        return p;
    }

    @Override
    protected Shape shape(List<Shape> in) {
        Shape x = in.get(0);
        int[] p = perm(x.rank()), d = new int[p.length];
        for (int i = 0; i < p.length; i++) d[i] = x.dim(p[i]);
        return Shape.of(d);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Tensor x = in.get(0);
        int[] p = perm(x.shape().rank()), st = Strided.strides(x.shape()), d = new int[p.length], s = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = x.shape().dim(p[i]);
            s[i] = st[p[i]];
        }
        return new Tensor(Shape.of(d), Strided.gather(x.data(), 0, d, s));
    }

    @Override
    public String details() {
        return axes == null ? "axes reversed" : "axes " + str(axes);
    }
}
