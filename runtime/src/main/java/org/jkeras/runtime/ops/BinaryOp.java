package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A Keras 3 elementwise binary op node ({@code keras.ops.add}, {@code x / 2}, {@code ops.greater(x, 0)} ...): two
 * operands, each an input tensor or a constant saved in the node's arguments, NumPy-broadcast over the whole shape
 * (batch axis included), computed in float32 as the TensorFlow backend does. Booleans are 0 and 1; integers are
 * exact float values (ids below 2^24).
 */
public final class BinaryOp extends Layer {

    /** The functions, by Keras op class; each as {@code keras/src/backend/tensorflow/numpy.py} computes it. */
    public enum Fn {
        ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MOD, POWER, MAXIMUM, MINIMUM,
        EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL, LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR;

        public float apply(float a, float b) {
            return switch (this) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case TRUE_DIVIDE -> a / b;
                case FLOOR_DIVIDE -> (float) Math.floor(a / b); // tf.math.floordiv on floats: floor(x / y)
                case MOD -> floorMod(a, b);
                case POWER -> (float) Math.pow(a, b);
                case MAXIMUM -> Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.max(a, b);
                case MINIMUM -> Float.isNaN(a) || Float.isNaN(b) ? Float.NaN : Math.min(a, b);
                case EQUAL -> a == b ? 1f : 0f;
                case NOT_EQUAL -> a != b ? 1f : 0f;
                case GREATER -> a > b ? 1f : 0f;
                case GREATER_EQUAL -> a >= b ? 1f : 0f;
                case LESS -> a < b ? 1f : 0f;
                case LESS_EQUAL -> a <= b ? 1f : 0f;
                case LOGICAL_AND -> a != 0 && b != 0 ? 1f : 0f;
                case LOGICAL_OR -> a != 0 || b != 0 ? 1f : 0f;
                case LOGICAL_XOR -> (a != 0) != (b != 0) ? 1f : 0f;
            };
        }

        /** tf.math.floormod: the remainder takes the divisor's sign. */
        private static float floorMod(float a, float b) {
            float r = a % b;
            return r != 0 && (r < 0) != (b < 0) ? r + b : r;
        }
    }

    private final String kerasClass;
    private final Fn fn;
    private final Tensor left, right; // a constant operand (its full shape, aligned from the right), or null: the next input

    public BinaryOp(String name, String kerasClass, Fn fn, Tensor left, Tensor right) {
        super(name);
        if (left != null && right != null) throw new IllegalArgumentException(kerasClass + " '" + name + "': both operands are constants");
        this.kerasClass = kerasClass;
        this.fn = fn;
        this.left = left;
        this.right = right;
    }

    @Override
    public String kerasClass() {
        return kerasClass;
    }

    /** Whether this is {@code x + y} of two input tensors (no constant operand). */
    public boolean addsTwoInputs() {
        return fn == Fn.ADD && left == null && right == null;
    }

    @Override
    public boolean propagatesMask() {
        return false; // Keras 3 ops return no mask
    }

    private String who() {
        return kerasClass + " '" + name() + "'";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, left == null && right == null ? 2 : 1);
        Shape a = left != null ? left.shape() : inputs.get(0).prepend(Shape.UNKNOWN);
        Shape b = right != null ? right.shape() : inputs.get(left == null ? 1 : 0).prepend(Shape.UNKNOWN);
        Shape out = Broadcast.shapes(a, b, who());
        if (out.rank() != Math.max(left == null ? a.rank() : 0, right == null ? b.rank() : 0)) {
            throw new IllegalArgumentException(who() + ": the constant " + (left != null ? a : b) + " has more axes than the tensor");
        }
        return out.dropFirst();
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor a = left != null ? left : inputs.get(0);
        Tensor b = right != null ? right : inputs.get(left == null ? 1 : 0);
        Shape out = Broadcast.shapes(a.shape(), b.shape(), who());
        float[] x = a.data(), y = b.data(), r = new float[out.size()];
        if (a.shape().equals(out) && b.shape().equals(out)) {
            if (!arithmetic(fn, x, y, r)) for (int i = 0; i < r.length; i++) r[i] = fn.apply(x[i], y[i]);
        } else if (a.shape().equals(out) && y.length == 1) {
            float c = y[0];
            if (!arithmetic(fn, x, c, r)) for (int i = 0; i < r.length; i++) r[i] = fn.apply(x[i], c);
        } else if (b.shape().equals(out) && x.length == 1) {
            float c = x[0];
            for (int i = 0; i < r.length; i++) r[i] = fn.apply(c, y[i]);
        } else {
            int[] ia = Broadcast.indices(a.shape(), out), ib = Broadcast.indices(b.shape(), out);
            for (int i = 0; i < r.length; i++) r[i] = fn.apply(x[ia[i]], y[ib[i]]);
        }
        return new Tensor(out, r);
    }

    // The four arithmetic functions as plain loops, chosen once per call: the JIT vectorises these, not a loop that
    // switches on fn per element (a residual `x + y` of 32k floats took 70 µs that way).

    /** r = fn(x, y) elementwise for ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE; false (nothing written) for the others. */
    private static boolean arithmetic(Fn fn, float[] x, float[] y, float[] r) {
        switch (fn) {
            case ADD -> { for (int i = 0; i < r.length; i++) r[i] = x[i] + y[i]; }
            case SUBTRACT -> { for (int i = 0; i < r.length; i++) r[i] = x[i] - y[i]; }
            case MULTIPLY -> { for (int i = 0; i < r.length; i++) r[i] = x[i] * y[i]; }
            case TRUE_DIVIDE -> { for (int i = 0; i < r.length; i++) r[i] = x[i] / y[i]; }
            default -> { return false; }
        }
        return true;
    }

    /** r = fn(x, c) elementwise for ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE; false (nothing written) for the others. */
    private static boolean arithmetic(Fn fn, float[] x, float c, float[] r) {
        switch (fn) {
            case ADD -> { for (int i = 0; i < r.length; i++) r[i] = x[i] + c; }
            case SUBTRACT -> { for (int i = 0; i < r.length; i++) r[i] = x[i] - c; }
            case MULTIPLY -> { for (int i = 0; i < r.length; i++) r[i] = x[i] * c; }
            case TRUE_DIVIDE -> { for (int i = 0; i < r.length; i++) r[i] = x[i] / c; }
            default -> { return false; }
        }
        return true;
    }

    @Override
    public String details() {
        String c = left != null ? describe(left) : right != null ? describe(right) : null;
        return fn.name().toLowerCase(java.util.Locale.ROOT) + (c == null ? "(x, y)" : left != null ? "(" + c + ", x)" : "(x, " + c + ")");
    }

    private static String describe(Tensor t) {
        return t.size() == 1 ? Float.toString(t.data()[0]) : "constant" + t.shape();
    }
}
