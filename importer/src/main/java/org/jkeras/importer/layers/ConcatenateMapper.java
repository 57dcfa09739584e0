package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Concatenate;

/** Keras {@code Concatenate(axis=-1)}; its output mask follows the file's Keras generation. */
public final class ConcatenateMapper {
    private ConcatenateMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new Concatenate(ctx.name(), ctx.config().getInt(-1, "axis"), ctx.semantics());
    }
}
