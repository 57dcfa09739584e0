package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Split;

/** Op node {@code keras.ops.split(x, indices_or_sections, axis)}: a node with one output per part. */
public final class SplitOpMapper {
    private SplitOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        var cfg = ctx.config();
        int axis = cfg.getInt(0, "axis");
        if (!cfg.has("indices_or_sections")) throw cfg.error("indices_or_sections", "missing");
        if (cfg.raw("indices_or_sections").isJsonPrimitive()) {
            int n = cfg.getInt("indices_or_sections");
            if (n < 1) throw cfg.error("indices_or_sections", "needs at least one section, got " + n);
            return new Split(ctx.name(), n, null, axis);
        }
        return new Split(ctx.name(), 0, cfg.getIntArray("indices_or_sections"), axis);
    }
}
