package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Tile;

/** Op node {@code keras.ops.tile(x, repeats)}: one input tensor, the other arguments in the config. */
public final class TileOpMapper {
    private TileOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        return new Tile(ctx.name(), ctx.config().getIntArray("repeats"));
    }
}
