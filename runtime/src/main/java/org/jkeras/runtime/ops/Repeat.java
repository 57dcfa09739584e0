package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.ops.repeat(x, repeats, axis)}: each element along {@code axis} repeated, {@code repeats} times (an int)
 * or {@code repeats[i]} times for element i; axis None repeats the flattened tensor, batch axis included.
 */
public final class Repeat extends TensorOp {
    private final int[] repeats; // one entry: every element
    private final Integer axis;  // null: flattened

    public Repeat(String name, int[] repeats, Integer axis) {
        super(name, "Repeat");
        for (int r : repeats) if (r < 0) throw new IllegalArgumentException("Repeat '" + name + "': negative repeats " + str(repeats));
        if (repeats.length == 0) throw new IllegalArgumentException("Repeat '" + name + "': no repeats");
        this.repeats = repeats.clone();
        this.axis = axis;
    }

    private int count(int n) {
        if (repeats.length == 1) return n == Shape.UNKNOWN ? n : n * repeats[0];
        if (n != Shape.UNKNOWN && n != repeats.length) {
            throw new IllegalArgumentException(who() + ": " + repeats.length + " repeats for an axis of " + n + " elements");
        }
        int t = 0;
        for (int r : repeats) t += r;
        return t;
    }

    @Override
    protected Shape shape(List<Shape> in) {
        Shape x = in.get(0);
        if (axis == null) return Shape.of(count(x.isFullyKnown() ? x.size() : Shape.UNKNOWN));
        int[] d = x.dims();
        int ax = axis(axis, d.length);
        d[ax] = count(d[ax]);
        return Shape.of(d);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Tensor x = in.get(0);
        Shape s = axis == null ? Shape.of(x.size()) : x.shape();
        int ax = axis == null ? 0 : axis(axis, s.rank());
        int[] idx = new int[count(s.dim(ax))];
        for (int i = 0, at = 0; i < s.dim(ax); i++) {
            int r = repeats.length == 1 ? repeats[0] : repeats[i];
            for (int k = 0; k < r; k++) idx[at++] = i;
        }
        int[] d = s.dims();
        d[ax] = idx.length;
        return new Tensor(Shape.of(d), Strided.take(x.data(), s, ax, idx));
    }

    @Override
    public String details() {
        return "repeats " + (repeats.length == 1 ? repeats[0] : str(repeats)) + (axis == null ? " flattened" : " along axis " + axis);
    }
}
