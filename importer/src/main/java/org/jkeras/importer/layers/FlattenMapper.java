package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Flatten;

/** Keras {@code Flatten}; {@code data_format='channels_first'} moves channels last first (Keras 2 and 3). */
public final class FlattenMapper {
    private FlattenMapper() {
    }

    public static Layer map(MapContext ctx) {
        String format = ctx.config().getStringOr("channels_last", "data_format");
        if (!format.equals("channels_last") && !format.equals("channels_first")) {
            throw ctx.config().error("data_format", "expected channels_last or channels_first, got '" + format + "'");
        }
        return new Flatten(ctx.name(), format.equals("channels_first"));
    }
}
