package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.ops.tensordot(x1, x2, axes)}: the sum over {@code axes[0]} of x1 paired with {@code axes[1]} of x2
 * (an int n: the last n of x1 with the first n of x2); the result has x1's other axes, then x2's.
 */
public final class Tensordot extends TensorOp {
    private final int count;      // axes as an int, or -1
    private final int[] a1, a2;   // axes as two lists, or null

    public Tensordot(String name, int count, int[] axes1, int[] axes2, int[] inputOf, Tensor[] constants) {
        super(name, "Tensordot", inputOf, constants);
        if ((count >= 0) == (axes1 != null) || (axes1 != null && axes1.length != axes2.length)) {
            throw new IllegalArgumentException("Tensordot '" + name + "': axes an int or two lists of one length");
        }
        this.count = count;
        this.a1 = axes1 == null ? null : axes1.clone();
        this.a2 = axes2 == null ? null : axes2.clone();
    }

    /** Labels of x1 (0..r1-1), of x2 (r1.., contracted ones taking x1's), and of the output. */
    private int[][] labels(Shape x, Shape y) {
        int r1 = x.rank(), r2 = y.rank();
        int[] p = a1, q = a2;
        if (a1 == null) {
            if (count > r1 || count > r2) throw new IllegalArgumentException(who() + ": axes " + count + " exceed the ranks of " + x + " and " + y);
            p = new int[count];
            q = new int[count];
            for (int i = 0; i < count; i++) {
                p[i] = r1 - count + i;
                q[i] = i;
            }
        }
        int[] l1 = new int[r1], l2 = new int[r2];
        for (int a = 0; a < r1; a++) l1[a] = a;
        for (int a = 0; a < r2; a++) l2[a] = r1 + a;
        boolean[] c1 = new boolean[r1], c2 = new boolean[r2];
        for (int i = 0; i < p.length; i++) {
            int i1 = axis(p[i], r1), i2 = axis(q[i], r2);
            if (c1[i1] || c2[i2]) throw new IllegalArgumentException(who() + ": an axis is contracted twice");
            c1[i1] = c2[i2] = true;
            same(x.dim(i1), y.dim(i2), "contracted axes " + p[i] + " and " + q[i] + " of " + x + " and " + y + ":");
            l2[i2] = i1;
        }
        int[] out = new int[r1 + r2 - 2 * p.length];
        int k = 0;
        for (int a = 0; a < r1; a++) if (!c1[a]) out[k++] = l1[a];
        for (int a = 0; a < r2; a++) if (!c2[a]) out[k++] = l2[a];
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
        String c = constantsNote();
        return "axes " + (a1 == null ? Integer.toString(count) : str(a1) + ", " + str(a2)) + (c.isEmpty() ? "" : "; " + c);
    }
}
