package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras 2 {@code LocallyConnected1D}; see {@link LocallyConnectedMapping}. */
public final class LocallyConnected1DMapper {
    private LocallyConnected1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return LocallyConnectedMapping.map(ctx, 1);
    }
}
