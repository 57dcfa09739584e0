package org.jkeras.importer;

import java.util.List;

import com.google.gson.JsonObject;

/** One layer entry of a model config: its name, Keras class, config and the inputs of each of its calls. */
public record LayerSpec(String name, String className, JsonObject config, List<List<TensorRef>> inboundNodes) {
    public LayerSpec {
        inboundNodes = List.copyOf(inboundNodes);
    }

    public boolean isInput() {
        return className.equals("InputLayer");
    }
}
