package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A layer that does nothing at inference, on purpose: Keras {@code Identity}, {@code Dropout},
 * {@code SpatialDropout1D/2D/3D}, {@code AlphaDropout}, {@code GaussianNoise}, {@code GaussianDropout},
 * {@code ActivityRegularization} are active only in training.
 */
public final class Identity extends Layer {
    private final String kerasClass;

    public Identity(String name, String kerasClass) {
        super(name);
        this.kerasClass = kerasClass;
    }

    @Override
    public boolean propagatesMask() {
        return true;
    }

    @Override
    public String kerasClass() {
        return kerasClass;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        return inputs.get(0);
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        return inputs.get(0);
    }

    @Override
    public String details() {
        return "identity at inference";
    }
}
