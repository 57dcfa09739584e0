package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.ops.take(x, indices, axis)}: the elements of {@code x} at {@code indices} (a tensor or a constant of any
 * shape) along {@code axis}, or of the flattened tensor (axis None); the result's shape is x's with that axis replaced
 * by the indices' shape. Negative indices count from the end; any other index out of range is an error, as
 * {@code tf.gather} on the CPU makes it.
 */
public final class Take extends TensorOp {
    private final Integer axis; // null: flattened

    public Take(String name, Integer axis, int[] inputOf, Tensor[] constants) {
        super(name, "Take", inputOf, constants);
        if (inputOf.length != 2) throw new IllegalArgumentException("Take '" + name + "': operands x and indices");
        this.axis = axis;
    }

    @Override
    protected Shape shape(List<Shape> in) {
        Shape x = in.get(0), idx = in.get(1);
        if (axis == null) return idx;
        int ax = axis(axis, x.rank());
        int[] d = new int[x.rank() - 1 + idx.rank()];
        int k = 0;
        for (int a = 0; a < ax; a++) d[k++] = x.dim(a);
        for (int a = 0; a < idx.rank(); a++) d[k++] = idx.dim(a);
        for (int a = ax + 1; a < x.rank(); a++) d[k++] = x.dim(a);
        return Shape.of(d);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Tensor x = in.get(0), indices = in.get(1);
        Shape s = axis == null ? Shape.of(x.size()) : x.shape();
        int ax = axis == null ? 0 : axis(axis, s.rank()), n = s.dim(ax);
        float[] v = indices.data();
        int[] idx = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            float f = v[i] < 0 ? v[i] + n : v[i];
            if (!(f >= 0 && f < n) || f != Math.rint(f)) {
                throw new IllegalArgumentException(who() + ": index " + v[i] + " is out of range for an axis of " + n + " elements");
            }
            idx[i] = (int) f;
        }
        return new Tensor(shape(List.of(x.shape(), indices.shape())), Strided.take(x.data(), s, ax, idx));
    }

    @Override
    public String details() {
        String c = constantsNote();
        return (axis == null ? "flattened" : "axis " + axis) + (c.isEmpty() ? "" : "; " + c);
    }
}
