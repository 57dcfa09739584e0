package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Arena;

/**
 * A layer that only applies an activation on the last axis: Keras {@code Activation}, {@code ReLU},
 * {@code LeakyReLU}, {@code ELU}, {@code ThresholdedReLU} and {@code Softmax(axis=-1)} all come down to this,
 * each with its parameters bound into the {@link Activation}. The Keras class is kept for {@code inspect}.
 */
public final class ActivationLayer extends Layer {
    private final String kerasClass;
    private final Activation activation;

    public ActivationLayer(String name, String kerasClass, Activation activation) {
        super(name);
        this.kerasClass = kerasClass;
        this.activation = activation;
    }

    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return kerasClass;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (in.rank() == 0) return in;
        int last = in.dim(-1);
        return last == Shape.UNKNOWN ? in : in.withLast(activation.outputWidth(last));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        if (activation.isIdentity()) return x;
        Shape s = x.shape();
        int width = s.rank() < 2 ? 1 : s.dim(-1);
        int rows = width == 0 ? 0 : x.size() / width;
        float[] y = Arena.floats(x.size()); // every element written
        System.arraycopy(x.data(), 0, y, 0, y.length);
        activation.applyRows(y, 0, rows, width);
        int outWidth = activation.outputWidth(width);
        if (outWidth != width) y = java.util.Arrays.copyOf(y, rows * outWidth);
        return new Tensor(s.rank() < 2 ? s : s.withLast(outWidth), y);
    }

    @Override
    public String details() {
        return activation.formula();
    }
}
