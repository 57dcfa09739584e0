package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code ConvLSTM1D}; see {@link ConvLSTMMapping}. */
public final class ConvLSTM1DMapper {
    private ConvLSTM1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvLSTMMapping.map(ctx, 1);
    }
}
