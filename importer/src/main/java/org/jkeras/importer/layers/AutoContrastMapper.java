package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.AutoContrast;

/** Keras {@code AutoContrast(value_range=(0, 255))}: not random, computed at inference too. */
public final class AutoContrastMapper {
    private AutoContrastMapper() {
    }

    public static Layer map(MapContext ctx) {
        ResizingMapper.imageInput(ctx);
        SpatialConfig.channelsFirst(ctx);
        float[] r = ctx.config().has("value_range") ? NormConfig.numbers(ctx, "value_range", ctx.config().raw("value_range")).values() : new float[] {0f, 255f};
        if (r.length != 2) throw ctx.config().error("value_range", "expected two numbers, got " + r.length);
        return new AutoContrast(ctx.name(), Math.min(r[0], r[1]), Math.max(r[0], r[1]));
    }
}
