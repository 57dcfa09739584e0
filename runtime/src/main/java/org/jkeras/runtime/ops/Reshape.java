package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.ops.reshape(x, newshape)} (not the {@code Reshape} layer): the whole tensor, batch axis included, to
 * {@code newshape}, one entry of which may be -1. {@code (-1, 24)} folds the batch axis into the first one.
 */
public final class Reshape extends TensorOp {
    private final int[] newshape;

    public Reshape(String name, int[] newshape) {
        super(name, "Reshape");
        int free = 0;
        for (int d : newshape) {
            if (d == -1) free++;
            else if (d < 0) throw new IllegalArgumentException("Reshape '" + name + "': dimension " + d + " in newshape " + str(newshape));
        }
        if (free > 1) throw new IllegalArgumentException("Reshape '" + name + "': newshape " + str(newshape) + " has more than one -1");
        this.newshape = newshape.clone();
    }

    @Override
    protected Shape shape(List<Shape> in) {
        Shape x = in.get(0);
        int[] out = newshape.clone();
        long known = 1;
        int free = -1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) free = i;
            else known *= out[i];
        }
        if (!x.isFullyKnown()) {
            if (free >= 0) out[free] = Shape.UNKNOWN; // resolved at run time, as Keras leaves it None
            return Shape.of(out);
        }
        long size = x.size();
        if (free >= 0) {
            if (known == 0 || size % known != 0) throw new IllegalArgumentException(who() + ": cannot reshape " + x + " to " + str(newshape));
            out[free] = (int) (size / known);
        } else if (known != size) {
            throw new IllegalArgumentException(who() + ": cannot reshape " + x + " (" + size + " values) to " + str(newshape));
        }
        return Shape.of(out);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        return in.get(0).reshape(shape(List.of(in.get(0).shape())));
    }

    @Override
    public String details() {
        return "newshape " + str(newshape);
    }
}
