package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.ops.dot(x1, x2)} (not the merge layer), as the TensorFlow backend computes it: a scalar operand
 * multiplies; a 1-D x2 is summed against x1's last axis; otherwise x1's last axis against x2's second-to-last
 * ({@code tensordot(x1, x2, [[-1], [-2]])}: x1's other axes, then x2's).
 */
public final class Dot extends TensorOp {

    public Dot(String name, int[] inputOf, Tensor[] constants) {
        super(name, "Dot", inputOf, constants);
        if (inputOf.length != 2) throw new IllegalArgumentException("Dot '" + name + "': two operands");
    }

    private int[][] labels(Shape x, Shape y) {
        int r1 = x.rank(), r2 = y.rank();
        int[] l1 = new int[r1], l2 = new int[r2];
        for (int a = 0; a < r1; a++) l1[a] = a;
        for (int a = 0; a < r2; a++) l2[a] = r1 + a;
        int c2 = -1;
        if (r1 > 0 && r2 > 0) {
            c2 = r2 == 1 ? 0 : r2 - 2;
            same(x.dim(r1 - 1), y.dim(c2), "contracted axes of " + x + " and " + y + ":");
            l2[c2] = r1 - 1;
        }
        int[] out = new int[r1 + r2 - (c2 < 0 ? 0 : 2)];
        int k = 0;
        for (int a = 0; a < r1; a++) if (c2 < 0 || a != r1 - 1) out[k++] = l1[a];
        for (int a = 0; a < r2; a++) if (a != c2) out[k++] = l2[a];
        return new int[][] {l1, l2, out};
    }

    @Override
    protected Shape shape(List<Shape> in) {
        int[][] l = labels(in.get(0), in.get(1));
        return Contraction.shape(in, new int[][] {l[0], l[1]}, l[2], Integer.MAX_VALUE, who());
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        int[][] l = labels(in.get(0).shape(), in.get(1).shape());
        return Contraction.compute(in, new int[][] {l[0], l[1]}, l[2], Integer.MAX_VALUE, who());
    }

    @Override
    public String details() {
        return constantsNote();
    }
}
