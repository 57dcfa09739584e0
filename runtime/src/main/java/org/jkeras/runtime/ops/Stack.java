package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** {@code keras.ops.stack([x1, x2, ...], axis)}: tensors and constants of one shape joined along a new axis. */
public final class Stack extends TensorOp {
    private final int axis;

    public Stack(String name, int axis, int[] inputOf, Tensor[] constants) {
        super(name, "Stack", inputOf, constants);
        this.axis = axis;
    }

    @Override
    protected Shape shape(List<Shape> in) {
        int[] d = in.get(0).dims();
        for (Shape s : in) {
            if (s.rank() != d.length) throw new IllegalArgumentException(who() + ": operands of different ranks " + in);
            for (int a = 0; a < d.length; a++) d[a] = same(d[a], s.dim(a), "operand shapes " + in + " on axis " + a + ":");
        }
        int ax = axis(axis, d.length + 1);
        int[] out = new int[d.length + 1];
        for (int a = 0, j = 0; a < out.length; a++) out[a] = a == ax ? in.size() : d[j++];
        return Shape.of(out);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Shape out = shape(in.stream().map(Tensor::shape).toList());
        int ax = axis(axis, out.rank());
        int outer = 1;
        for (int a = 0; a < ax; a++) outer *= out.dim(a);
        int chunk = outer == 0 ? 0 : in.get(0).size() / outer;
        float[] r = new float[out.size()];
        for (int i = 0; i < in.size(); i++) {
            float[] x = in.get(i).data();
            for (int o = 0; o < outer; o++) System.arraycopy(x, o * chunk, r, (o * in.size() + i) * chunk, chunk);
        }
        return new Tensor(out, r);
    }

    @Override
    public String details() {
        String c = constantsNote();
        return "axis " + axis + (c.isEmpty() ? "" : "; " + c);
    }
}
