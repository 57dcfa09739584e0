package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * tf.keras {@code TFOpLambda} for elementwise TensorFlow ops recorded in a functional model
 * ({@code x * 2}, {@code x + y}, {@code tf.math.truediv(x, 255)}): a binary op on two tensors, or on a tensor
 * and a constant, with NumPy broadcasting over the whole shape (batch axis included), as TensorFlow does.
 */
public final class TFOpLambda extends Layer {

    /** The elementwise operations supported, by their TensorFlow function names. */
    public enum Op {
        ADD, SUBTRACT, MULTIPLY, DIVIDE, MAXIMUM, MINIMUM, POW;

        float apply(float a, float b) {
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
                case MAXIMUM -> Math.max(a, b);
                case MINIMUM -> Math.min(a, b);
                case POW -> (float) Math.pow(a, b);
            };
        }
    }

    private final String function;
    private final Op op;
    private final Tensor constant;       // full-rank constant operand, or null when both operands are inputs
    private final boolean constantFirst; // the constant is the left operand (tf.math.subtract(2.0, x))

    public TFOpLambda(String name, String function, Op op, Tensor constant, boolean constantFirst) {
        super(name);
        this.function = function;
        this.op = op;
        this.constant = constant;
        this.constantFirst = constantFirst;
    }

    @Override
    public String kerasClass() {
        return "TFOpLambda";
    }

    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, constant == null ? 2 : 1);
        Shape a = inputs.get(0).prepend(Shape.UNKNOWN);
        Shape b = constant == null ? inputs.get(1).prepend(Shape.UNKNOWN) : constant.shape();
        return broadcast(a, b).dropFirst();
    }

    private Shape broadcast(Shape a, Shape b) {
        if (b.rank() > a.rank()) throw new IllegalArgumentException("TFOpLambda '" + name() + "' (" + function + "): the constant " + b + " has more axes than the tensor " + a);
        return ElementwiseMerge.broadcast(a, b, "TFOpLambda '" + name() + "' (" + function + ")");
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        Tensor y = constant == null ? inputs.get(1) : constant;
        Shape out = broadcast(x.shape(), y.shape());
        float[] a = x.shape().equals(out) ? x.data() : ElementwiseMerge.expand(x, out);
        float[] b = y.shape().equals(out) ? y.data() : expandFull(y, out);
        float[] r = new float[out.size()];
        if (constantFirst) for (int i = 0; i < r.length; i++) r[i] = op.apply(b[i], a[i]);
        else for (int i = 0; i < r.length; i++) r[i] = op.apply(a[i], b[i]);
        return new Tensor(out, r);
    }

    /** A tensor of any rank broadcast to {@code shape}, aligned from the right. */
    private static float[] expandFull(Tensor t, Shape shape) {
        int rank = shape.rank();
        int[] padded = new int[rank];
        for (int i = 0; i < rank; i++) {
            int j = i - (rank - t.shape().rank());
            padded[i] = j >= 0 ? t.shape().dim(j) : 1;
        }
        return ElementwiseMerge.expand(new Tensor(Shape.of(padded), t.data()), shape);
    }

    @Override
    public String details() {
        return function + (constant == null ? "" : constantFirst ? "(constant, x)" : "(x, constant)");
    }
}
