package org.jkeras.importer;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * One layer entry of a model config: its name, Keras class, Keras 3 registered name of a custom class
 * ({@code package>Name}, or null), the Python {@code module} it was saved from (Keras 3 only, else null), config,
 * and each of its calls: the tensors it reads (positional arguments, then tensors passed by keyword), the call's
 * positional arguments and its keyword arguments, where each tensor is replaced by {@code {"__input__": i}}, its
 * position in the call's inputs (with {@code "dtype"} where the file records it). Constants stay as written:
 * a Keras 3 op node {@code ops.add(x, 3.0)} has the arguments {@code [{"__input__": 0}, 3.0]}.
 *
 * @param name the layer's name in the model, e.g. {@code dense_3}
 * @param className its Keras class, e.g. {@code Dense}
 * @param registeredName Keras 3's registered name of a custom class ({@code package>Name}), or null
 * @param module the Python module the class was saved from (Keras 3 only), or null
 * @param config the layer's {@code config} object
 * @param inboundNodes per call, the tensors it reads
 * @param callArgs per call, its positional arguments, tensors replaced by {@code {"__input__": i}}
 * @param callKwargs per call, its keyword arguments, tensors replaced alike
 */
public record LayerSpec(String name, String className, String registeredName, String module, JsonObject config,
                        List<List<TensorRef>> inboundNodes, List<JsonArray> callArgs, List<JsonObject> callKwargs) {
    public LayerSpec {
        inboundNodes = List.copyOf(inboundNodes);
        callArgs = List.copyOf(callArgs);
        callKwargs = List.copyOf(callKwargs);
        if (callKwargs.size() != inboundNodes.size() || callArgs.size() != inboundNodes.size()) {
            throw new IllegalArgumentException("one args list and one kwargs object per call");
        }
    }

    /** A layer without a module whose calls pass only their input tensors, positionally. */
    public LayerSpec(String name, String className, String registeredName, JsonObject config, List<List<TensorRef>> inboundNodes) {
        this(name, className, registeredName, null, config, inboundNodes, inboundNodes.stream().map(LayerSpec::placeholders).toList(),
                inboundNodes.stream().map(n -> new JsonObject()).toList());
    }

    /** {@code [{"__input__": 0}, ...]}: a call whose arguments are its input tensors, in order. */
    static JsonArray placeholders(List<TensorRef> tensors) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < tensors.size(); i++) {
            JsonObject p = new JsonObject();
            p.addProperty("__input__", i);
            a.add(p);
        }
        return a;
    }

    /** An {@code InputLayer}: a model input, not a computation. */
    public boolean isInput() {
        return className.equals("InputLayer");
    }

    /** A Sequential or Functional model used as a layer. */
    public boolean isModel() {
        return !isOp() && (className.equals("Sequential") || className.equals("Functional") || className.equals("Model"));
    }

    /**
     * A Keras 3 operation node: {@code keras.ops.*} (or an operator such as {@code x / 2}) called on symbolic tensors,
     * saved from module {@code keras.src.ops.numpy}, {@code .nn}, {@code .core}, ... It is told apart from a layer of
     * the same class name ({@code Add}, {@code Reshape}) by its module alone.
     */
    public boolean isOp() {
        return module != null && (module.startsWith("keras.src.ops") || module.startsWith("keras.ops"));
    }
}
