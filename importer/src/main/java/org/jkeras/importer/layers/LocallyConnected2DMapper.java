package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras 2 {@code LocallyConnected2D}; see {@link LocallyConnectedMapping}. */
public final class LocallyConnected2DMapper {
    private LocallyConnected2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return LocallyConnectedMapping.map(ctx, 2);
    }
}
