package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** {@code keras.ops.expand_dims(x, axis)}: new axes of size 1 at {@code axis} (an int or a tuple, negative counted in the result's rank). */
public final class ExpandDims extends TensorOp {
    private final int[] axes;

    public ExpandDims(String name, int[] axes) {
        super(name, "ExpandDims");
        this.axes = axes.clone();
    }

    @Override
    protected Shape shape(List<Shape> in) {
        Shape x = in.get(0);
        int rank = x.rank() + axes.length;
        boolean[] added = new boolean[rank];
        for (int a : axes) {
            int k = axis(a, rank);
            if (added[k]) throw new IllegalArgumentException(who() + ": axis " + str(axes) + " repeats an axis");
            added[k] = true;
        }
        int[] d = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) d[i] = added[i] ? 1 : x.dim(j++);
        return Shape.of(d);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        return in.get(0).reshape(shape(List.of(in.get(0).shape())));
    }

    @Override
    public String details() {
        return "axis " + str(axes);
    }
}
