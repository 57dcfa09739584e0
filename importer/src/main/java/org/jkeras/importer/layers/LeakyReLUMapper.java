package org.jkeras.importer.layers;

import org.jkeras.activations.Activations;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.ActivationLayer;

/**
 * Keras {@code LeakyReLU}: {@code max(x, slope·x)}. Keras 3 writes {@code negative_slope}, Keras 1/2 {@code alpha};
 * both generations default to 0.3 for the layer (the {@code leaky_relu} activation string's 0.2 is another thing).
 */
public final class LeakyReLUMapper {
    static final float DEFAULT_SLOPE = 0.3f;

    private LeakyReLUMapper() {
    }

    public static Layer map(MapContext ctx) {
        float slope = ctx.config().getFloat(DEFAULT_SLOPE, "negative_slope", "alpha");
        return new ActivationLayer(ctx.name(), "LeakyReLU", Activations.leakyRelu(slope));
    }
}
