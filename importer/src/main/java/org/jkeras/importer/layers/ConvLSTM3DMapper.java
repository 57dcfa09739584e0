package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code ConvLSTM3D}; see {@link ConvLSTMMapping}. */
public final class ConvLSTM3DMapper {
    private ConvLSTM3DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvLSTMMapping.map(ctx, 3);
    }
}
