package org.jkeras.importer;

import java.util.List;

/**
 * A parsed model config: layers in config order, the model's inputs and outputs in Keras' declared order, and
 * the names Keras gives the outputs ({@code model.output_names}).
 */
public record ModelSpec(String name, String className, List<LayerSpec> layers, List<TensorRef> inputs, List<TensorRef> outputs,
                        List<String> outputNames) {
    public ModelSpec {
        layers = List.copyOf(layers);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        outputNames = List.copyOf(outputNames);
        if (outputNames.size() != outputs.size()) throw new IllegalArgumentException("one name per output");
    }
}
