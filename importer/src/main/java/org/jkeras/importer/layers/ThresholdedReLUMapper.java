package org.jkeras.importer.layers;

import org.jkeras.activations.Activations;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.ActivationLayer;

/** Keras 1/2 {@code ThresholdedReLU(theta=1.0)}: {@code x if x > theta else 0} (removed in Keras 3). */
public final class ThresholdedReLUMapper {
    private ThresholdedReLUMapper() {
    }

    public static Layer map(MapContext ctx) {
        float theta = ctx.config().getFloat(1f, "theta");
        return new ActivationLayer(ctx.name(), "ThresholdedReLU", Activations.threshold(theta, 0f));
    }
}
