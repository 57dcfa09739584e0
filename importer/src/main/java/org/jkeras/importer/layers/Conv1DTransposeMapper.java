package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code Conv1DTranspose}; see {@link ConvMapping#transpose}. */
public final class Conv1DTransposeMapper {
    private Conv1DTransposeMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.transpose(ctx, 1);
    }
}
