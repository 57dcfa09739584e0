package org.jkeras.importer;

import java.util.List;

/** Where a model's weights live: the legacy HDF5 layout or the Keras 3 {@code .weights.h5} layout. */
public interface WeightStore {

    /** The weights of one top-level layer in the layer's own order; empty when it has none. */
    List<WeightArray> weights(LayerSpec layer);

    /** The weights of a model used as a layer ({@code modelLayer}), for its own layers. */
    WeightStore nested(LayerSpec modelLayer, List<LayerSpec> innerLayers);

    /**
     * A file Keras saved for this layer in a {@code .keras} archive's {@code assets/} folder (an adapted
     * {@code IntegerLookup}'s {@code vocabulary.txt}), or null when the file form has none.
     */
    default byte[] asset(LayerSpec layer, String name) {
        return null;
    }

    /** A short description for {@code inspect}. */
    String describe();

    /** For a model without weights at all (no trainable layer). */
    WeightStore NONE = new WeightStore() {
        @Override
        public List<WeightArray> weights(LayerSpec layer) {
            return List.of();
        }

        @Override
        public WeightStore nested(LayerSpec modelLayer, List<LayerSpec> innerLayers) {
            return this;
        }

        @Override
        public String describe() {
            return "no weights";
        }
    };
}
