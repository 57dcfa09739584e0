package org.jkeras.runtime.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.TfNodeOps;
import org.jkeras.runtime.kernels.TfNodeOps.Op;
import org.jkeras.runtime.kernels.TfOps;

/**
 * tf.keras {@code TensorFlowOpLayer} (TensorFlow 2.0–2.3): one raw TensorFlow op applied to Keras tensors, its
 * operands the layer's inputs and the constants saved in its config, on whole tensors (batch axis included), as the
 * op's CPU kernel computes it (the ops in {@link TfNodeOps}); the batch axis must stay the output's first axis.
 */
public final class TensorFlowOpLayer extends Layer {
    /** An operand: input {@code input} of the layer, or a constant when {@code input} is negative. */
    public record Operand(int input, float[] constant, int[] shape) {
        public static Operand of(int input) {
            return new Operand(input, null, null);
        }

        public static Operand constant(float[] values, int[] shape) {
            return new Operand(-1, values.clone(), shape.clone());
        }
    }

    private final String op;
    private final Op impl;
    private final List<Operand> operands;
    private final int inputs;

    public TensorFlowOpLayer(String name, String op, Op impl, List<Operand> operands) {
        super(name);
        this.op = op;
        this.impl = impl;
        this.operands = List.copyOf(operands);
        this.inputs = (int) operands.stream().filter(o -> o.input() >= 0).count();
    }

    @Override
    public String kerasClass() {
        return "TensorFlowOpLayer";
    }

    @Override
    public Shape outputShape(List<Shape> in) {
        expectInputs(in, inputs);
        List<int[]> shapes = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (Operand o : operands) {
            shapes.add(o.input() >= 0 ? in.get(o.input()).prepend(Shape.UNKNOWN).dims() : o.shape());
            values.add(o.input() >= 0 ? null : o.constant());
        }
        int[] out = impl.shape(shapes, values);
        if (out.length == 0 || out[0] != TfOps.UNKNOWN) {
            throw new IllegalArgumentException("TensorFlowOpLayer '" + name() + "' (" + op + "): the output " + Arrays.toString(out)
                    + " does not keep the batch axis first; only ops that do are supported");
        }
        return Shape.of(Arrays.copyOfRange(out, 1, out.length));
    }

    @Override
    public Tensor forward(List<Tensor> in) {
        List<int[]> shapes = new ArrayList<>();
        List<float[]> data = new ArrayList<>();
        for (Operand o : operands) {
            Tensor t = o.input() >= 0 ? in.get(o.input()) : null;
            shapes.add(t != null ? t.shape().dims() : o.shape());
            data.add(t != null ? t.data() : o.constant());
        }
        int[] out = impl.shape(shapes, data);
        return new Tensor(Shape.of(out), impl.apply(data, shapes, out));
    }

    @Override
    public String details() {
        return op + (operands.size() > inputs ? " with " + (operands.size() - inputs) + " constant(s)" : "");
    }
}
