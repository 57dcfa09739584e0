package org.jkeras.importer.layers;

import org.jkeras.activations.Activations;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.ActivationLayer;

/** Keras {@code ReLU(max_value=None, negative_slope=0, threshold=0)}. */
public final class ReLUMapper {
    private ReLUMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        float maxValue = cfg.getFloat(Float.NaN, "max_value");
        float slope = cfg.getFloat(0f, "negative_slope");
        float threshold = cfg.getFloat(0f, "threshold");
        if (maxValue < 0) throw cfg.error("max_value", "must be >= 0, got " + maxValue);
        if (slope < 0) throw cfg.error("negative_slope", "must be >= 0, got " + slope);
        return new ActivationLayer(ctx.name(), "ReLU", Activations.relu(slope, maxValue, threshold));
    }
}
