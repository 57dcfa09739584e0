package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.RepeatVector;

/** Keras {@code RepeatVector(n)}. */
public final class RepeatVectorMapper {
    private RepeatVectorMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new RepeatVector(ctx.name(), ctx.config().getInt("n"));
    }
}
