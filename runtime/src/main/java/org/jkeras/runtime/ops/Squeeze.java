package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.ops.squeeze(x, axis)}: axes of size 1 removed, those of {@code axis}, or (None) every axis of size 1.
 * With axis None the batch axis stays: {@code tf.squeeze} would also drop it for a batch of one, changing the rank of
 * every later value with the batch size.
 */
public final class Squeeze extends TensorOp {
    private final int[] axes; // null: every axis of size 1 but the first

    public Squeeze(String name, int[] axes) {
        super(name, "Squeeze");
        this.axes = axes == null ? null : axes.clone();
    }

    @Override
    protected Shape shape(List<Shape> in) {
        Shape x = in.get(0);
        boolean[] drop = new boolean[x.rank()];
        if (axes == null) {
            for (int i = 1; i < x.rank(); i++) drop[i] = x.dim(i) == 1;
        } else {
            for (int a : axes) {
                int k = axis(a, x.rank());
                if (x.dim(k) != 1 && x.dim(k) != Shape.UNKNOWN) {
                    throw new IllegalArgumentException(who() + ": cannot squeeze axis " + a + " of " + x + ", its size is not 1");
                }
                drop[k] = true;
            }
        }
        int n = 0;
        for (boolean b : drop) if (!b) n++;
        int[] out = new int[n];
        for (int i = 0, j = 0; i < drop.length; i++) if (!drop[i]) out[j++] = x.dim(i);
        return Shape.of(out);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        return in.get(0).reshape(shape(List.of(in.get(0).shape())));
    }

    @Override
    public String details() {
        return axes == null ? "axis None" : "axis " + str(axes);
    }
}
