package org.jkeras.importer;

import java.util.List;

import com.google.gson.JsonObject;

/**
 * One layer entry of a model config: its name, Keras class, Keras 3 registered name of a custom class
 * ({@code package>Name}, or null), config, and each of its calls: the tensors it
 * reads (positional arguments, then tensors passed by keyword) and the call's other keyword arguments, where
 * each keyword tensor is replaced by {@code {"__input__": i}}, its position in the call's inputs.
 */
public record LayerSpec(String name, String className, String registeredName, JsonObject config, List<List<TensorRef>> inboundNodes,
                        List<JsonObject> callKwargs) {
    public LayerSpec {
        inboundNodes = List.copyOf(inboundNodes);
        callKwargs = List.copyOf(callKwargs);
        if (callKwargs.size() != inboundNodes.size()) throw new IllegalArgumentException("one kwargs object per call");
    }

    public LayerSpec(String name, String className, String registeredName, JsonObject config, List<List<TensorRef>> inboundNodes) {
        this(name, className, registeredName, config, inboundNodes, inboundNodes.stream().map(n -> new JsonObject()).toList());
    }

    public boolean isInput() {
        return className.equals("InputLayer");
    }

    /** A Sequential or Functional model used as a layer. */
    public boolean isModel() {
        return className.equals("Sequential") || className.equals("Functional") || className.equals("Model");
    }
}
