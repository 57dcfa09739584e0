package org.jkeras.runtime.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A Keras 3 op node computed on whole tensors, as the op sees them: the batch axis is an axis like any other, which
 * the op may move, merge, index or stack ({@code ops.transpose(x)} puts it last). Shape rules are written once over
 * full shapes, the batch dimension {@link Shape#UNKNOWN} at load and known at run time; the per-sample shape the
 * engine speaks of is the full output shape without its first axis, whatever that axis now holds. Operands are input
 * tensors or constants saved in the node's arguments.
 */
public abstract class TensorOp extends Layer {
    private final String kerasClass;
    private final Tensor[] constants; // per operand: a constant (its own full shape), or null: input inputOf[i]
    private final int[] inputOf;
    private final int inputs;

    /** An op of one input tensor. */
    protected TensorOp(String name, String kerasClass) {
        this(name, kerasClass, new int[] {0}, new Tensor[1]);
    }

    /** Operand i is input {@code inputOf[i]} or, where that is -1, {@code constants[i]}. */
    protected TensorOp(String name, String kerasClass, int[] inputOf, Tensor[] constants) {
        super(name);
        if (inputOf.length != constants.length) throw new IllegalArgumentException("one input index or constant per operand");
        this.kerasClass = kerasClass;
        this.inputOf = inputOf.clone();
        this.constants = constants.clone();
        int n = 0;
        for (int i = 0; i < inputOf.length; i++) {
            if ((inputOf[i] < 0) != (constants[i] != null)) throw new IllegalArgumentException("operand " + i + ": an input or a constant");
            n = Math.max(n, inputOf[i] + 1);
        }
        if (n == 0) throw new IllegalArgumentException(kerasClass + " '" + name + "': every operand is a constant; nothing reads an input");
        this.inputs = n;
    }

    @Override
    public final String kerasClass() {
        return kerasClass;
    }

    @Override
    public boolean propagatesMask() {
        return false; // Keras 3 ops return no mask
    }

    protected final String who() {
        return kerasClass + " '" + name() + "'";
    }

    protected final int operandCount() {
        return inputOf.length;
    }

    /** Full output shape (batch axis included) from the operands' full shapes; IllegalArgumentException when they do not fit. */
    protected abstract Shape shape(List<Shape> operands);

    /** The output from the operands (whole tensors); their shapes fit {@link #shape}. */
    protected abstract Tensor compute(List<Tensor> operands);

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return perSample(shape(operandShapes(inputs)));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        return compute(operands(inputs));
    }

    /** The operands' full shapes at load: inputs with an unknown first (batch) axis, constants as they are. */
    protected final List<Shape> operandShapes(List<Shape> perSample) {
        expectInputs(perSample, inputs);
        List<Shape> out = new ArrayList<>(inputOf.length);
        for (int i = 0; i < inputOf.length; i++) out.add(constants[i] != null ? constants[i].shape() : perSample.get(inputOf[i]).prepend(Shape.UNKNOWN));
        return out;
    }

    protected final List<Tensor> operands(List<Tensor> in) {
        List<Tensor> out = new ArrayList<>(inputOf.length);
        for (int i = 0; i < inputOf.length; i++) out.add(constants[i] != null ? constants[i] : in.get(inputOf[i]));
        return out;
    }

    /** The engine's per-sample shape: the full shape without its first axis (a scalar result has none to drop). */
    protected final Shape perSample(Shape full) {
        if (full.rank() == 0) {
            throw new IllegalArgumentException(who() + ": the result is a scalar; the engine needs a leading axis to carry it");
        }
        return full.dropFirst();
    }

    /** An axis in {@code [-rank, rank)} as a non-negative one. */
    protected final int axis(int axis, int rank) {
        if (axis < -rank || axis >= rank) throw new IllegalArgumentException(who() + ": axis " + axis + " is out of range for rank " + rank);
        return axis < 0 ? axis + rank : axis;
    }

    /** The details of every operand that is a constant, for {@code inspect}. */
    protected final String constantsNote() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < constants.length; i++) {
            if (constants[i] != null) b.append(b.length() == 0 ? "" : ", ").append("operand ").append(i).append(" constant").append(constants[i].shape());
        }
        return b.toString();
    }

    /** Two dimensions that must agree; an unknown one takes the other. */
    protected final int same(int a, int b, String what) {
        if (a == Shape.UNKNOWN) return b;
        if (b == Shape.UNKNOWN || a == b) return a;
        throw new IllegalArgumentException(who() + ": " + what + " " + a + " and " + b + " differ");
    }

    static String str(int[] a) {
        return Arrays.toString(a);
    }
}
