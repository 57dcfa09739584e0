package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code keras.applications.inception_resnet_v2.CustomScaleLayer(scale)}: {@code inputs[0] + inputs[1] * scale},
 * the residual branch scaled before it joins the shortcut; scale a float32 constant, the product rounded before
 * the sum (two TensorFlow ops), NumPy broadcasting between the two inputs.
 */
public final class CustomScaleLayer extends Layer {
    private final float scale;

    public CustomScaleLayer(String name, float scale) {
        super(name);
        this.scale = scale;
    }

    @Override
    public String kerasClass() {
        return "CustomScaleLayer";
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 2);
        return ElementwiseMerge.broadcast(inputs.get(0), inputs.get(1), "CustomScaleLayer '" + name() + "'");
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor a = inputs.get(0), b = inputs.get(1);
        Shape shape = a.shape().equals(b.shape()) ? a.shape()
                : ElementwiseMerge.broadcast(a.shape().dropFirst(), b.shape().dropFirst(), name()).prepend(a.batch());
        float[] x = a.shape().equals(shape) ? a.data() : ElementwiseMerge.expand(a, shape);
        float[] y = b.shape().equals(shape) ? b.data() : ElementwiseMerge.expand(b, shape);
        float[] out = new float[x.length];
        for (int i = 0; i < out.length; i++) {
            float scaled = y[i] * scale;
            out[i] = x[i] + scaled;
        }
        return new Tensor(shape, out);
    }

    @Override
    public String details() {
        return "inputs[0] + inputs[1] * " + scale;
    }
}
