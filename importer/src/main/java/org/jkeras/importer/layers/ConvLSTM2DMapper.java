package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code ConvLSTM2D}; see {@link ConvLSTMMapping}. */
public final class ConvLSTM2DMapper {
    private ConvLSTM2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvLSTMMapping.map(ctx, 2);
    }
}
