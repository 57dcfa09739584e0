package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.CustomScaleLayer;

/** {@code keras.applications.inception_resnet_v2.CustomScaleLayer(scale)}, called on {@code [shortcut, residual]}. */
public final class CustomScaleLayerMapper {
    private CustomScaleLayerMapper() {
    }

    public static Layer map(MapContext ctx) {
        if (ctx.inputShapes().size() != 2) throw ctx.error("CustomScaleLayer takes a list of 2 tensors, got " + ctx.inputShapes().size());
        ctx.expectWeightCount(0);
        return new CustomScaleLayer(ctx.name(), ctx.config().getFloat("scale"));
    }
}
