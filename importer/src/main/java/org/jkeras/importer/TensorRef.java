package org.jkeras.importer;

/** A tensor in a Keras config: output {@code tensor} of call {@code node} of layer {@code layer}. */
public record TensorRef(String layer, int node, int tensor) {
    @Override
    public String toString() {
        return "['" + layer + "', " + node + ", " + tensor + "]";
    }
}
