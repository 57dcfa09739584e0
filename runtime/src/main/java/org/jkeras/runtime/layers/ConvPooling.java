package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * A convolution and the pooling layer that alone reads its output, run as one pass (made by
 * {@code Fusion}): each image is convolved into its thread's workspace and pooled from there, so the
 * convolution's output, often the model's largest value (Conv2D 32 filters on 28×28: 86 KB per image), is
 * never allocated nor sent through memory. Same numbers as the two layers; the node produces the pooling
 * layer's output, under the convolution's name.
 */
public final class ConvPooling extends Layer {
    private final BaseConv conv;
    private final BasePooling pool;

    public ConvPooling(BaseConv conv, BasePooling pool) {
        super(conv.name());
        if (!conv.canPool(pool)) throw new IllegalArgumentException(conv + " cannot run " + pool + " on its output");
        this.conv = conv;
        this.pool = pool;
    }

    @Override
    public String kerasClass() {
        return conv.kerasClass();
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        return pool.outputShape(List.of(conv.outputShape(inputs)));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        expectInputs(inputs, 1);
        return conv.forwardPooled(inputs.get(0), pool);
    }

    @Override
    public List<String> fusedFrom() {
        return List.of(pool.name());
    }

    @Override
    public long paramCount() {
        return conv.paramCount();
    }

    @Override
    public String details() {
        return conv.details() + "; fused " + pool.kerasClass() + " '" + pool.name() + "' " + pool.details();
    }
}
