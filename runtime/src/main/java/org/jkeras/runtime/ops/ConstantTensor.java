package org.jkeras.runtime.ops;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A tensor Keras computed eagerly while the model was built and saved as a constant among a layer's arguments
 * ({@code Add()([x, pos])} where {@code pos} came from {@code ops.arange}): a node with no inputs. Its first axis is
 * its batch axis, usually 1, which the layer reading it broadcasts.
 */
public final class ConstantTensor extends Layer {
    private final Tensor value; // its full shape, batch axis first

    public ConstantTensor(String name, Tensor value) {
        super(name);
        if (value.shape().rank() == 0) throw new IllegalArgumentException("constant '" + name + "' is a scalar; a layer argument needs a batch axis");
        this.value = value;
    }

    @Override
    public String kerasClass() {
        return "Constant";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 0);
        return value.shape().dropFirst();
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        return new Tensor(value.shape(), value.data().clone()); // a fresh array: the engine recycles the arrays of values it drops
    }

    @Override
    public String details() {
        return "constant" + value.shape();
    }
}
