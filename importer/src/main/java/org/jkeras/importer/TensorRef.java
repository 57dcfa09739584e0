package org.jkeras.importer;

/**
 * A tensor in a Keras config: output {@code tensor} of call {@code node} of layer {@code layer}, as Keras'
 * {@code [layer, node, tensor]} triples.
 *
 * @param layer the name of the layer that produced it
 * @param node which call of that layer, from 0
 * @param tensor which output of that call, from 0
 */
public record TensorRef(String layer, int node, int tensor) {
    @Override
    public String toString() {
        return "['" + layer + "', " + node + ", " + tensor + "]";
    }
}
