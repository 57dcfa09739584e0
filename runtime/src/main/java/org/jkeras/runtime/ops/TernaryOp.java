package org.jkeras.runtime.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A Keras 3 op node of three operands, each an input tensor or a constant saved in the node's arguments,
 * NumPy-broadcast together over the whole shape (batch axis included): {@code keras.ops.where(condition, x1, x2)} and
 * {@code keras.ops.clip(x, x_min, x_max)}.
 */
public final class TernaryOp extends Layer {

    /** The functions, by Keras op class, as the TensorFlow backend computes them. */
    public enum Fn {
        /** {@code tf.where(cast(c, bool), a, b)}: a NaN condition is true. */
        WHERE,
        /** {@code tf.clip_by_value(x, lo, hi)} = {@code maximum(minimum(x, hi), lo)}; NaN anywhere gives NaN. */
        CLIP;

        public float apply(float a, float b, float c) {
            return switch (this) {
                case WHERE -> a != 0 ? b : c;
                case CLIP -> Float.isNaN(a) || Float.isNaN(b) || Float.isNaN(c) ? Float.NaN : Math.max(Math.min(a, c), b);
            };
        }
    }

    private final String kerasClass;
    private final Fn fn;
    private final Tensor[] constants; // per operand: its constant (own shape, aligned from the right), or null: the next input

    public TernaryOp(String name, String kerasClass, Fn fn, Tensor a, Tensor b, Tensor c) {
        super(name);
        this.kerasClass = kerasClass;
        this.fn = fn;
        this.constants = new Tensor[] {a, b, c};
        if (a != null && b != null && c != null) throw new IllegalArgumentException(who() + ": every operand is a constant");
    }

    @Override
    public String kerasClass() {
        return kerasClass;
    }

    private String who() {
        return kerasClass + " '" + name() + "'";
    }

    private int inputCount() {
        int n = 0;
        for (Tensor t : constants) if (t == null) n++;
        return n;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, inputCount());
        List<Shape> shapes = new ArrayList<>();
        int next = 0, tensorRank = 0;
        for (Tensor t : constants) {
            Shape s = t != null ? t.shape() : inputs.get(next++).prepend(Shape.UNKNOWN);
            if (t == null) tensorRank = Math.max(tensorRank, s.rank());
            shapes.add(s);
        }
        Shape out = Broadcast.shapes(Broadcast.shapes(shapes.get(0), shapes.get(1), who()), shapes.get(2), who());
        if (out.rank() != tensorRank) throw new IllegalArgumentException(who() + ": a constant has more axes than the tensors");
        return out.dropFirst();
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor[] t = new Tensor[3];
        for (int i = 0, next = 0; i < 3; i++) t[i] = constants[i] != null ? constants[i] : inputs.get(next++);
        Shape out = Broadcast.shapes(Broadcast.shapes(t[0].shape(), t[1].shape(), who()), t[2].shape(), who());
        float[] a = t[0].data(), b = t[1].data(), c = t[2].data(), r = new float[out.size()];
        if (t[0].shape().equals(out) && t[1].shape().equals(out) && t[2].shape().equals(out)) {
            for (int i = 0; i < r.length; i++) r[i] = fn.apply(a[i], b[i], c[i]);
        } else {
            int[] ia = Broadcast.indices(t[0].shape(), out), ib = Broadcast.indices(t[1].shape(), out), ic = Broadcast.indices(t[2].shape(), out);
            for (int i = 0; i < r.length; i++) r[i] = fn.apply(a[ia[i]], b[ib[i]], c[ic[i]]);
        }
        return new Tensor(out, r);
    }

    @Override
    public String details() {
        StringBuilder s = new StringBuilder(fn.name().toLowerCase(Locale.ROOT)).append('(');
        String[] names = fn == Fn.WHERE ? new String[] {"condition", "x1", "x2"} : new String[] {"x", "x_min", "x_max"};
        for (int i = 0; i < 3; i++) {
            Tensor k = constants[i];
            s.append(i > 0 ? ", " : "").append(k == null ? names[i] : k.size() == 1 ? Float.toString(k.data()[0]) : "constant" + k.shape());
        }
        return s.append(')').toString();
    }
}
