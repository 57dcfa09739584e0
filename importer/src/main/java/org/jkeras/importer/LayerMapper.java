package org.jkeras.importer;

import org.jkeras.runtime.Layer;

/** Turns one Keras layer's config and weights into a runtime {@link Layer}; one implementation per Keras class. */
@FunctionalInterface
public interface LayerMapper {
    /**
     * The runtime layer for the Keras layer {@code ctx} describes (its name, config, input shapes and weights).
     * Errors are thrown as {@link MapContext#error} or {@link Config#error} build them, so they name the layer.
     */
    Layer map(MapContext ctx);
}
