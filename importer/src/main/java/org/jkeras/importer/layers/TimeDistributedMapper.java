package org.jkeras.importer.layers;

import java.util.List;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.TimeDistributed;

/** Keras {@code TimeDistributed}: {@code layer}, any supported layer, mapped on the per-step shape; its weights are the wrapper's ({@code .keras}: {@code layer/vars}). */
public final class TimeDistributedMapper {
    private TimeDistributedMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        Shape in = ctx.inputShape();
        if (in.rank() < 2) throw ctx.error("expects (batch, steps, ...) input, got " + in.prepend(Shape.UNKNOWN));
        List<List<org.jkeras.importer.WeightArray>> parts = ctx.weightParts(new String[] {"layer"}, new int[] {ctx.weightCount()});
        Layer inner = ctx.mapInner(cfg.getObject("layer"), List.of(in.dropFirst()), parts.get(0));
        return new TimeDistributed(ctx.name(), inner);
    }
}
