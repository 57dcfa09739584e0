package org.jkeras.importer;

import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonArray;
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
    private final JsonArray callArgs;
    private final String kerasVersion; // as the file records it, or null
    private final String backend;      // as the file records it ('theano', 'tensorflow', ...), or null
    private final String file;
    private final java.util.function.Function<String, byte[]> assets; // a file name -> this layer's asset, or null

    MapContext(LayerSpec spec, String name, String file, Semantics semantics, Registry registry, List<Shape> inputShapes,
               List<WeightArray> weights, JsonObject callKwargs) {
        this(spec, name, file, semantics, registry, inputShapes, weights, new JsonArray(), callKwargs, null, null);
    }

    MapContext(LayerSpec spec, String name, String file, Semantics semantics, Registry registry, List<Shape> inputShapes,
               List<WeightArray> weights, JsonArray callArgs, JsonObject callKwargs, String kerasVersion, String backend) {
        this(spec, name, file, semantics, registry, inputShapes, weights, callArgs, callKwargs, kerasVersion, backend, n -> null);
    }

    MapContext(LayerSpec spec, String name, String file, Semantics semantics, Registry registry, List<Shape> inputShapes,
               List<WeightArray> weights, JsonArray callArgs, JsonObject callKwargs, String kerasVersion, String backend,
               java.util.function.Function<String, byte[]> assets) {
        this.callArgs = callArgs;
        this.assets = assets;
        this.kerasVersion = kerasVersion;
        this.backend = backend;
        this.spec = spec;
        this.name = name;
        this.file = file;
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

    /**
     * The call's positional arguments as the file records them: tensors as {@code {"__input__": i}} (the index of
     * that input among {@link #inputShapes()}, with its recorded {@code "dtype"}), constants as written. A Keras 3
     * op node keeps its constants here ({@code ops.add(x, 3.0)}: {@code [{"__input__": 0}, 3.0]}).
     */
    public JsonArray callArgs() {
        return callArgs.deepCopy();
    }

    /** The Python module the node was saved from ({@code keras.src.ops.numpy}), or null (Keras 1/2, most layers). */
    public String module() {
        return spec.module();
    }

    /** The layer's Keras class, e.g. {@code Dense} (for an op node, the op's class, e.g. {@code Add}). */
    public String className() {
        return spec.className();
    }

    /** The layer's {@code config}, with typed getters whose errors name this layer. */
    public Config config() {
        return config;
    }

    /** The Keras generation whose formulas apply ({@code hard_sigmoid}, {@code LeakyReLU} defaults, mask rules …). */
    public Semantics semantics() {
        return semantics;
    }

    /** The per-sample shape (batch axis left out) of each input tensor of this call, in order. */
    public List<Shape> inputShapes() {
        return inputShapes;
    }

    /** The single input's per-sample shape; an error when the layer was called on several tensors. */
    public Shape inputShape() {
        if (inputShapes.size() != 1) throw error(spec.className() + " takes one input, got " + inputShapes.size());
        return inputShapes.get(0);
    }

    /** How many weights the file holds for this layer. */
    public int weightCount() {
        return weights.size();
    }

    /** The stored shape of weight {@code index} (for layouts that differ by Keras generation). */
    public int[] weightShape(int index) {
        if (index >= weights.size()) throw error("expected at least " + (index + 1) + " weight(s), the file holds " + weights.size());
        return weights.get(index).shape();
    }

    /** The {@code keras_version} the file records, or null. */
    public String kerasVersion() {
        return kerasVersion;
    }

    /** The backend the file records ({@code theano}, {@code tensorflow}, ...), or null (Keras 3 {@code .keras} files). */
    public String backend() {
        return backend;
    }

    /**
     * A file Keras saved for this layer in a {@code .keras} archive's {@code assets} (an adapted IntegerLookup's
     * {@code vocabulary.txt}), or null: other file forms carry none.
     */
    public byte[] asset(String fileName) {
        return assets.apply(fileName);
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

    /** Every stored weight of this layer, in order (Keras 3 layout: its own vars, then its sub-layers' by group name). */
    public List<WeightArray> weights() {
        return weights;
    }

    /**
     * This layer's weights split among its sub-layers in Keras' order ({@code layer.weights}). In the Keras 3 layout
     * part i is everything stored under group {@code groups[i]} ({@code "forward_layer"}, {@code "query_dense"}),
     * seen from inside that group; in the legacy layout (one ordered list per layer) part i is the next
     * {@code counts[i]} weights. Fails when a weight is left over or missing.
     */
    public List<List<WeightArray>> weightParts(String[] groups, int[] counts) {
        boolean grouped = weights.stream().anyMatch(w -> w.group() != null);
        List<List<WeightArray>> parts = new java.util.ArrayList<>();
        if (grouped) {
            int used = 0;
            for (String g : groups) {
                List<WeightArray> part = new java.util.ArrayList<>();
                for (WeightArray w : weights) {
                    if (w.group().equals(g) || w.group().startsWith(g + "/")) part.add(w.below(g));
                }
                used += part.size();
                parts.add(part);
            }
            if (used != weights.size()) throw error("weights outside the sub-layers " + Arrays.toString(groups) + ": " + weights);
        } else {
            int at = 0;
            for (int c : counts) {
                if (at + c > weights.size()) throw error("expected " + Arrays.stream(counts).sum() + " weight(s), the file holds " + weights.size() + ": " + weights);
                parts.add(weights.subList(at, at + c));
                at += c;
            }
            if (at != weights.size()) throw error("expected " + at + " weight(s), the file holds " + weights.size() + ": " + weights);
        }
        return parts;
    }

    /**
     * Maps a layer held in this one's config ({@code {"class_name", "config"}}: a Bidirectional's RNN, a
     * TimeDistributed's layer) through the same registry, given its input shapes and weights.
     */
    public org.jkeras.runtime.Layer mapInner(JsonObject entry, List<Shape> inputShapes, List<WeightArray> innerWeights) {
        Config e = new Config(entry, where + " inner layer");
        JsonObject cfg = e.has("config") ? e.getObject("config") : new JsonObject();
        String innerName = new Config(cfg, where).getStringOr(e.getStringOr("layer", "name"), "name");
        return mapInner(e.getString("class_name"), e.getStringOr(null, "registered_name"), cfg, innerName, inputShapes, innerWeights);
    }

    /** {@link #mapInner(JsonObject, List, List)} with the class and config given (e.g. an RNN's cell mapped as its layer class). */
    public org.jkeras.runtime.Layer mapInner(String className, String registeredName, JsonObject cfg, String innerName, List<Shape> inputShapes,
                                             List<WeightArray> innerWeights) {
        LayerSpec inner = new LayerSpec(innerName, className, registeredName, cfg, List.of());
        MapContext ctx = new MapContext(inner, name + "/" + innerName, file, semantics, registry, inputShapes, innerWeights, new JsonArray(),
                new JsonObject(), kerasVersion, backend);
        LayerMapper m = registry.mapper(inner);
        if (m == null) throw error("inner layer class '" + className + "' is not supported");
        try {
            org.jkeras.runtime.Layer layer = m.map(ctx);
            if (layer == null) throw ctx.error("the mapper returned no layer");
            return layer;
        } catch (KerasImportException ex) {
            throw ex;
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | UnsupportedOperationException ex) {
            throw ctx.error(ex.getMessage(), ex);
        }
    }

    /** An error for the mapper to throw: {@code file: layer 'name' (Class): message}. */
    public KerasImportException error(String message) {
        return new KerasImportException(where + ": " + message);
    }

    /** The same, keeping {@code cause}: the exception a runtime layer or a parse threw. */
    public KerasImportException error(String message, Throwable cause) {
        return new KerasImportException(where + ": " + message, cause);
    }
}
