package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** {@code keras.ops.concatenate([x1, x2, ...], axis)} (not the merge layer): tensors and constants joined along {@code axis}, which may be the batch axis. */
public final class Concatenate extends TensorOp {
    private final int axis;

    public Concatenate(String name, int axis, int[] inputOf, Tensor[] constants) {
        super(name, "Concatenate", inputOf, constants);
        this.axis = axis;
    }

    @Override
    protected Shape shape(List<Shape> in) {
        int rank = in.get(0).rank(), ax = axis(axis, rank);
        int[] d = in.get(0).dims();
        for (int i = 1; i < in.size(); i++) {
            Shape s = in.get(i);
            if (s.rank() != rank) throw new IllegalArgumentException(who() + ": operands of rank " + rank + " and " + s.rank() + " (" + in + ")");
            for (int a = 0; a < rank; a++) {
                if (a == ax) d[a] = d[a] == Shape.UNKNOWN || s.dim(a) == Shape.UNKNOWN ? Shape.UNKNOWN : d[a] + s.dim(a);
                else d[a] = same(d[a], s.dim(a), "operand shapes " + in + " on axis " + a + ":");
            }
        }
        return Shape.of(d);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Shape out = shape(in.stream().map(Tensor::shape).toList());
        int ax = axis(axis, out.rank());
        int outer = 1, inner = 1;
        for (int a = 0; a < ax; a++) outer *= out.dim(a);
        for (int a = ax + 1; a < out.rank(); a++) inner *= out.dim(a);
        float[] r = new float[out.size()];
        int row = out.dim(ax) * inner;
        for (int i = 0, at = 0; i < in.size(); i++) {
            float[] x = in.get(i).data();
            int chunk = in.get(i).shape().dim(ax) * inner;
            for (int o = 0; o < outer; o++) System.arraycopy(x, o * chunk, r, o * row + at, chunk);
            at += chunk;
        }
        return new Tensor(out, r);
    }

    @Override
    public String details() {
        String c = constantsNote();
        return "axis " + axis + (c.isEmpty() ? "" : "; " + c);
    }
}
