package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** {@code keras.ops.tile(x, repeats)}: the whole tensor repeated {@code repeats[a]} times along each axis (repeats padded with 1 on the left, or x with new leading axes). */
public final class Tile extends TensorOp {
    private final int[] repeats;

    public Tile(String name, int[] repeats) {
        super(name, "Tile");
        for (int r : repeats) if (r < 0) throw new IllegalArgumentException("Tile '" + name + "': negative repeats " + str(repeats));
        this.repeats = repeats.clone();
    }

    /** x's dims padded on the left with 1 to the rank of the result. */
    private int[] padded(Shape x) {
        int rank = Math.max(x.rank(), repeats.length);
        int[] d = new int[rank];
        for (int a = 0; a < rank; a++) d[a] = a < rank - x.rank() ? 1 : x.dim(a - (rank - x.rank()));
        return d;
    }

    private int rep(int a, int rank) {
        int k = a - (rank - repeats.length);
        return k < 0 ? 1 : repeats[k];
    }

    @Override
    protected Shape shape(List<Shape> in) {
        int[] d = padded(in.get(0));
        for (int a = 0; a < d.length; a++) if (d[a] != Shape.UNKNOWN) d[a] *= rep(a, d.length);
        return Shape.of(d);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Tensor x = in.get(0);
        int[] d = padded(x.shape()), st = Strided.strides(Shape.of(d));
        int rank = d.length;
        int[] vd = new int[2 * rank], vs = new int[2 * rank]; // view (r0, d0, r1, d1, ...): each repeat reads the same block
        for (int a = 0; a < rank; a++) {
            vd[2 * a] = rep(a, rank);
            vd[2 * a + 1] = d[a];
            vs[2 * a + 1] = st[a];
        }
        return new Tensor(shape(List.of(x.shape())), Strided.gather(x.data(), 0, vd, vs));
    }

    @Override
    public String details() {
        return "repeats " + str(repeats);
    }
}
