package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** {@code keras.ops.broadcast_to(x, shape)}: NumPy broadcasting of the whole tensor to a fixed shape (its first entry is the batch axis's). */
public final class BroadcastTo extends TensorOp {
    private final Shape target;

    public BroadcastTo(String name, int[] shape) {
        super(name, "BroadcastTo");
        this.target = Shape.of(shape);
    }

    @Override
    protected Shape shape(List<Shape> in) {
        Shape x = in.get(0);
        if (x.rank() > target.rank()) throw new IllegalArgumentException(who() + ": cannot broadcast " + x + " to " + target);
        for (int a = 0; a < x.rank(); a++) {
            int d = x.dim(a), t = target.dim(a + target.rank() - x.rank());
            if (d != 1 && d != t && d != Shape.UNKNOWN) throw new IllegalArgumentException(who() + ": cannot broadcast " + x + " to " + target);
        }
        return target;
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Tensor x = in.get(0);
        Shape s = shape(List.of(x.shape()));
        int off = s.rank() - x.shape().rank();
        int[] st = Strided.strides(x.shape()), vs = new int[s.rank()];
        for (int a = 0; a < x.shape().rank(); a++) vs[a + off] = x.shape().dim(a) == 1 ? 0 : st[a];
        return new Tensor(s, Strided.gather(x.data(), 0, s.dims(), vs));
    }

    @Override
    public String details() {
        return "shape " + target;
    }
}
