package org.jkeras.importer;

import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonObject;

import org.jkeras.KerasImportException;
import org.jkeras.activations.Activation;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Shape;

/**
 * What a {@link LayerMapper} sees of one layer: its typed config, per-sample input shapes, the Keras
 * generation's semantics, and its stored weights, each checked against the shape the config implies.
 */
public final class MapContext {
    private final LayerSpec spec;
    private final Config config;
    private final Semantics semantics;
    private final List<Shape> inputShapes;
    private final List<WeightArray> weights;
    private final String where;
    private final String name;
    private final Registry registry;
    private final JsonObject callKwargs;

    MapContext(LayerSpec spec, String name, String file, Semantics semantics, Registry registry, List<Shape> inputShapes,
               List<WeightArray> weights, JsonObject callKwargs) {
        this.spec = spec;
        this.name = name;
        this.where = file + ": layer '" + name + "' (" + spec.className() + ")";
        this.config = new Config(spec.config(), where);
        this.semantics = semantics;
        this.registry = registry;
        this.inputShapes = List.copyOf(inputShapes);
        this.weights = weights;
        this.callKwargs = callKwargs;
    }

    /** The layer's name; inside a nested model, its path ({@code inner_block/dense_1}). */
    public String name() {
        return name;
    }

    /**
     * The call's keyword arguments (tf.keras {@code TFOpLambda} constants such as {@code {"y": 2.0}}); a tensor
     * passed by keyword appears as {@code {"__input__": i}}, the index of that input.
     */
    public Config callKwargs() {
        return new Config(callKwargs, where + " call");
    }

    public String className() {
        return spec.className();
    }

    public Config config() {
        return config;
    }

    public Semantics semantics() {
        return semantics;
    }

    public List<Shape> inputShapes() {
        return inputShapes;
    }

    /** The single input's per-sample shape; an error when the layer was called on several tensors. */
    public Shape inputShape() {
        if (inputShapes.size() != 1) throw error(spec.className() + " takes one input, got " + inputShapes.size());
        return inputShapes.get(0);
    }

    public int weightCount() {
        return weights.size();
    }

    /** Weight {@code index} read as float32 after checking it has exactly {@code shape}. */
    public float[] weight(int index, String label, int... shape) {
        if (index >= weights.size()) {
            throw error("expected weight " + index + " (" + label + ", shape " + Arrays.toString(shape) + "), but the file holds "
                    + weights.size() + " weight(s) for this layer" + (weights.isEmpty() ? "" : ": " + weights));
        }
        WeightArray w = weights.get(index);
        if (!Arrays.equals(w.shape(), shape)) {
            throw error("weight '" + w.path() + "' (" + label + ") has shape " + Arrays.toString(w.shape())
                    + ", the config implies " + Arrays.toString(shape));
        }
        return w.read();
    }

    /** Fails unless the file holds exactly {@code n} weights for this layer. */
    public void expectWeightCount(int n) {
        if (weights.size() != n) {
            throw error("expected " + n + " weight(s), the file holds " + weights.size() + (weights.isEmpty() ? "" : ": " + weights));
        }
    }

    /** The activation under {@code keys} (string or serialized object), {@code dflt} when absent. */
    public Activation activation(String dflt, String... keys) {
        return ActivationConfig.parse(config, semantics, registry, dflt, keys);
    }

    public KerasImportException error(String message) {
        return new KerasImportException(where + ": " + message);
    }
}
