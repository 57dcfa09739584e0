package org.jkeras.importer;

import org.jkeras.runtime.Layer;

/** Turns one Keras layer's config and weights into a runtime {@link Layer}; one implementation per Keras class. */
@FunctionalInterface
public interface LayerMapper {
    Layer map(MapContext ctx);
}
