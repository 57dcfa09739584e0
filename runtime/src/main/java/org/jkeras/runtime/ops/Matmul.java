package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.DenseKernel;

/**
 * {@code keras.ops.matmul(x1, x2)} ({@code x1 @ x2}), NumPy semantics: the last two axes multiplied as matrices, the
 * axes before them broadcast (the batch axis among them); a 1-D operand is a row (x1) or column (x2) vector whose
 * axis leaves the result. A constant 2-D x2 (a weight matrix) is packed once at load.
 */
public final class Matmul extends TensorOp {
    private final DenseKernel packed; // a constant (k, n) x2 packed, or null

    public Matmul(String name, int[] inputOf, Tensor[] constants) {
        super(name, "Matmul", inputOf, constants);
        if (inputOf.length != 2) throw new IllegalArgumentException("Matmul '" + name + "': two operands");
        Tensor b = constants[1];
        packed = b != null && b.shape().rank() == 2 ? Gemm.pack(b.data(), 0, b.shape().dim(0), b.shape().dim(1)) : null;
    }

    /** a and b as (batch..., m, k) and (batch..., k, n): 1-D operands with their unit axis added. */
    private static Shape matrix(Shape s, boolean left) {
        if (s.rank() != 1) return s;
        return left ? Shape.of(1, s.dim(0)) : Shape.of(s.dim(0), 1);
    }

    private static Shape batch(Shape s) {
        return Shape.of(java.util.Arrays.copyOf(s.dims(), s.rank() - 2));
    }

    @Override
    protected Shape shape(List<Shape> in) {
        Shape a0 = in.get(0), b0 = in.get(1);
        if (a0.rank() == 0 || b0.rank() == 0) throw new IllegalArgumentException(who() + ": matmul of a scalar " + in);
        Shape a = matrix(a0, true), b = matrix(b0, false);
        same(a.dim(-1), b.dim(-2), "inner dimensions of " + a0 + " and " + b0 + ":");
        Shape batch = Broadcast.shapes(batch(a), batch(b), who());
        int[] d = new int[batch.rank() + 2];
        System.arraycopy(batch.dims(), 0, d, 0, batch.rank());
        d[batch.rank()] = a.dim(-2);
        d[batch.rank() + 1] = b.dim(-1);
        int drop = (a0.rank() == 1 ? 1 : 0) + (b0.rank() == 1 ? 1 : 0);
        int[] out = new int[d.length - drop];
        for (int i = 0, j = 0; i < d.length; i++) {
            if ((a0.rank() == 1 && i == d.length - 2) || (b0.rank() == 1 && i == d.length - 1)) continue;
            out[j++] = d[i];
        }
        return Shape.of(out);
    }

    @Override
    protected Tensor compute(List<Tensor> in) {
        Tensor x = in.get(0), y = in.get(1);
        Shape out = shape(List.of(x.shape(), y.shape()));
        Shape a = matrix(x.shape(), true), b = matrix(y.shape(), false);
        int m = a.dim(-2), k = a.dim(-1), n = b.dim(-1);
        if (packed != null && a.rank() >= 2) { // (..., m, k) · W: every row of x at once
            float[] c = new float[out.size()];
            Gemm.multiply(packed, x.data(), 0, c, 0, x.size() / Math.max(1, k));
            return new Tensor(out, c);
        }
        Shape batch = Broadcast.shapes(batch(a), batch(b), who());
        int[] ai = Broadcast.indices(batch(a), batch), bi = Broadcast.indices(batch(b), batch);
        for (int i = 0; i < ai.length; i++) {
            ai[i] *= m * k;
            bi[i] *= k * n;
        }
        return new Tensor(out, Gemm.batched(x.data(), ai, y.data(), bi, m, k, n));
    }

    @Override
    public String details() {
        String c = constantsNote();
        return c.isEmpty() ? "" : c;
    }
}
