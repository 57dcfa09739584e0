package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Repeat;

/** Op node {@code keras.ops.repeat(x, repeats, axis)}: repeats an int or one per element, axis an int or None. */
public final class RepeatOpMapper {
    private RepeatOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        var cfg = ctx.config();
        return new Repeat(ctx.name(), cfg.getIntArray("repeats"), cfg.has("axis") ? cfg.getInt("axis") : null);
    }
}
