package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Concatenate;

/** Op node {@code keras.ops.concatenate([x1, x2, ...], axis)}: tensors and constants in a list argument. */
public final class ConcatenateOpMapper {
    private ConcatenateOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands o = Operands.list(ctx, "xs");
        return new Concatenate(ctx.name(), ctx.config().getInt(0, "axis"), o.inputOf, o.constants);
    }
}
