package org.jkeras.importer;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.KerasImportException;

/**
 * Reads the model config of every Keras generation into a {@link ModelSpec}:
 * Sequential as a list (Keras 1) or {@code {"layers": [...]}} (Keras 2, 3), with or without an InputLayer;
 * Functional ({@code Model} / {@code Functional}) with Keras 1/2 nested-list inbound nodes
 * ({@code [[["dense", 0, 0, {}]]]}) or Keras 3 {@code __keras_tensor__} / {@code keras_history} args.
 */
public final class ModelConfigParser {
    private final String file;
    private final boolean keras3;

    /** {@code keras3}: the file was written by Keras 3, whose output naming differs (Sequential outputs, repeated names). */
    public ModelConfigParser(String file, boolean keras3) {
        this.file = file;
        this.keras3 = keras3;
    }

    public ModelSpec parse(JsonObject root) {
        String cls = string(root, "class_name", "model config");
        JsonElement config = root.get("config");
        if (config == null || config.isJsonNull()) throw error("model config has no 'config'");
        switch (cls) {
            case "Sequential":
                return sequential(config);
            case "Functional":
            case "Model":
                if (!config.isJsonObject()) throw error("Functional model config is not an object");
                return functional(config.getAsJsonObject(), cls);
            default:
                throw error("the top-level model class '" + cls + "' is not a Keras Sequential or Functional model;"
                        + " subclassed models cannot be loaded from their config: save them as Functional");
        }
    }

    private ModelSpec sequential(JsonElement config) {
        JsonArray layers;
        String name = "sequential";
        if (config.isJsonArray()) {
            layers = config.getAsJsonArray(); // Keras 1
        } else if (config.isJsonObject() && config.getAsJsonObject().get("layers") instanceof JsonArray a) {
            layers = a;
            JsonElement n = config.getAsJsonObject().get("name");
            if (n != null && n.isJsonPrimitive()) name = n.getAsString();
        } else {
            throw error("Sequential config has no 'layers' list");
        }
        if (layers.isEmpty()) throw error("Sequential model '" + name + "' has no layers");
        List<LayerSpec> specs = new ArrayList<>();
        List<JsonObject> entries = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) entries.add(object(layers.get(i), "Sequential layer " + i));

        String prev;
        int start = 0;
        if ("InputLayer".equals(string(entries.get(0), "class_name", "Sequential layer 0"))) {
            JsonObject e = entries.get(0);
            prev = layerName(e, 0);
            specs.add(new LayerSpec(prev, "InputLayer", null, configOf(e, prev), List.of()));
            start = 1;
        } else {
            JsonObject first = entries.get(0);
            String firstName = layerName(first, 0);
            prev = firstName + "_input"; // the name Keras 2 gives the implicit input
            specs.add(new LayerSpec(prev, "InputLayer", null, implicitInput(first, firstName), List.of()));
        }
        for (int i = start; i < entries.size(); i++) {
            JsonObject e = entries.get(i);
            String n = layerName(e, i);
            String cls = string(e, "class_name", "layer '" + n + "'");
            specs.add(new LayerSpec(n, cls, registeredName(e), configOf(e, n), List.of(List.of(new TensorRef(prev, 0, 0)))));
            prev = n;
        }
        TensorRef in = new TensorRef(specs.get(0).name(), 0, 0);
        // Keras 3 names a Sequential model's output "output_0"; Keras 1/2 by its last layer
        return new ModelSpec(name, "Sequential", specs, List.of(in), List.of(new TensorRef(prev, 0, 0)), List.of(keras3 ? "output_0" : prev));
    }

    /** The InputLayer config of a Sequential model without one, from its first layer's input keys. */
    private JsonObject implicitInput(JsonObject first, String firstName) {
        JsonObject c = configOf(first, firstName);
        JsonArray shape = null;
        if (c.get("batch_input_shape") instanceof JsonArray a) shape = a;
        else if (c.get("batch_shape") instanceof JsonArray a) shape = a;
        else if (c.get("input_shape") instanceof JsonArray a) shape = withBatch(a);
        else if (first.get("build_config") instanceof JsonObject b && b.get("input_shape") instanceof JsonArray a) shape = a;
        else if (c.has("input_dim") && !c.get("input_dim").isJsonNull()) {
            shape = new JsonArray();
            shape.add(com.google.gson.JsonNull.INSTANCE);
            // Keras 1 Embedding / recurrent layers give the sequence length separately
            if (c.has("input_length") && !c.get("input_length").isJsonNull()) shape.add(c.get("input_length"));
            else shape.add(c.get("input_dim"));
        }
        if (shape == null) {
            throw error("Sequential model: first layer '" + firstName + "' declares no input shape"
                    + " (batch_input_shape, batch_shape, input_shape or input_dim); the model was never built");
        }
        JsonObject in = new JsonObject();
        in.add("batch_shape", shape);
        if (c.has("dtype")) in.add("dtype", c.get("dtype"));
        return in;
    }

    private static JsonArray withBatch(JsonArray sample) {
        JsonArray a = new JsonArray();
        a.add(com.google.gson.JsonNull.INSTANCE);
        a.addAll(sample);
        return a;
    }

    private ModelSpec functional(JsonObject config, String cls) {
        String name = isPrimitive(config.get("name")) ? config.get("name").getAsString() : "model";
        if (!(config.get("layers") instanceof JsonArray layers)) throw error("Functional model '" + name + "' has no 'layers' list");
        List<LayerSpec> specs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            JsonObject e = object(layers.get(i), "layer " + i);
            String n = layerName(e, i);
            String c = string(e, "class_name", "layer '" + n + "'");
            List<List<TensorRef>> inbound = new ArrayList<>();
            List<JsonArray> positional = new ArrayList<>();
            List<JsonObject> kwargs = new ArrayList<>();
            JsonElement nodes = e.get("inbound_nodes");
            if (nodes != null && !nodes.isJsonNull()) {
                if (!nodes.isJsonArray()) throw error("layer '" + n + "' (" + c + "): 'inbound_nodes' is not a list");
                for (JsonElement node : nodes.getAsJsonArray()) {
                    List<TensorRef> tensors = new ArrayList<>();
                    JsonArray args = new JsonArray();
                    kwargs.add(inboundNode(node, n, c, tensors, args));
                    inbound.add(tensors);
                    positional.add(args);
                }
            }
            String module = isPrimitive(e.get("module")) ? e.get("module").getAsString() : opModuleOf(e, c);
            specs.add(new LayerSpec(n, c, registeredName(e), module, configOf(e, n), inbound, positional, kwargs));
        }
        List<String> keys = new ArrayList<>();
        List<TensorRef> outputs = refs(config.get("output_layers"), "output_layers", keys);
        List<String> names = new ArrayList<>(outputNames(outputs));
        for (int o = 0; o < names.size(); o++) if (keys.get(o) != null) names.set(o, keys.get(o));
        return new ModelSpec(name, cls, specs, refs(config.get("input_layers"), "input_layers", new ArrayList<>()), outputs, names);
    }

    /**
     * One call of a layer: its tensors appended to {@code tensors}, its positional arguments to {@code args} (tensors
     * as placeholders, constants as written); returns its keyword arguments. Forms: Keras 1/2
     * {@code [["x", 0, 0, {kwargs}], ...]}, tf.keras TFOpLambda {@code ["x", 0, 0, {kwargs}]}, Keras 3
     * {@code {"args": [...], "kwargs": {...}}}. Tensors passed by keyword join the inputs after the positional ones;
     * those of an explicit {@code mask} come last, where {@link GraphBuilder} takes them as the layer's masks.
     */
    private JsonObject inboundNode(JsonElement node, String layer, String cls, List<TensorRef> tensors, JsonArray args) {
        String what = "layer '" + layer + "' (" + cls + ") inbound node";
        JsonObject kwargs = new JsonObject();
        if (node instanceof JsonArray a && !a.isEmpty() && a.get(0).isJsonPrimitive()) {
            a = wrap(a); // the flat TFOpLambda form is one call on one tensor
            node = a;
        }
        JsonElement mask = null;
        if (node.isJsonArray()) {
            for (JsonElement t : node.getAsJsonArray()) {
                tensors.add(ref(t, what));
                args.add(placeholder(tensors.size() - 1, null));
                if (t.getAsJsonArray().size() > 3 && t.getAsJsonArray().get(3) instanceof JsonObject kw) {
                    for (var entry : kw.entrySet()) {
                        if (entry.getKey().equals("mask")) mask = entry.getValue();
                        else kwargs.add(entry.getKey(), keywordTensors(entry.getValue(), tensors));
                    }
                }
            }
        } else if (node.isJsonObject()) {
            if (node.getAsJsonObject().get("args") instanceof JsonArray positional) {
                for (JsonElement x : positional) args.add(keywordTensors(x, tensors));
            }
            if (node.getAsJsonObject().get("kwargs") instanceof JsonObject kw) {
                for (var entry : kw.entrySet()) {
                    if (entry.getKey().equals("mask")) mask = entry.getValue();
                    else kwargs.add(entry.getKey(), keywordTensors(entry.getValue(), tensors));
                }
            }
        } else {
            throw error(what + " is neither a list nor an object: " + node);
        }
        if (mask != null && !mask.isJsonNull()) kwargs.add("mask", keywordTensors(mask, tensors)); // its tensors last
        return kwargs;
    }

    /**
     * Keras 3's legacy {@code .h5} drops {@code module} from every entry, so an op node {@code Multiply} reads like the
     * merge layer {@code Multiply}. A layer's config always holds {@code trainable} (Keras 1 to 3); an op's holds its
     * name and arguments only. Returns {@code "keras.src.ops"} for such an entry of a Keras 3 file, else null; a
     * class that only a layer has ({@code LSTM} in a hand-written config without {@code trainable}) stays a layer.
     */
    private String opModuleOf(JsonObject entry, String cls) {
        if (!keras3 || cls.equals("InputLayer") || !(entry.get("config") instanceof JsonObject c)) return null;
        if (c.has("trainable") || c.has("layers")) return null;
        if (OpMappers.get(cls) == null && LayerMappers.get(cls) != null) return null;
        return "keras.src.ops";
    }

    private static JsonArray wrap(JsonArray a) {
        JsonArray w = new JsonArray();
        w.add(a);
        return w;
    }

    /**
     * An argument with every tensor in it moved to {@code tensors} and replaced by {@code {"__input__": i}} (with the
     * {@code "dtype"} the file records for it); lists and dicts are searched, constants kept.
     */
    private JsonElement keywordTensors(JsonElement v, List<TensorRef> tensors) {
        if (isKerasTensor(v)) {
            JsonObject c = v.getAsJsonObject().getAsJsonObject("config");
            tensors.add(ref(c.get("keras_history"), "keras_history"));
            return placeholder(tensors.size() - 1, isPrimitive(c.get("dtype")) ? c.get("dtype").getAsString() : null);
        }
        if (v instanceof JsonArray a && looksLikeRef(a)) {
            tensors.add(ref(a, "keyword tensor"));
            return placeholder(tensors.size() - 1, null);
        }
        if (v instanceof JsonArray a) {
            JsonArray out = new JsonArray();
            for (JsonElement x : a) out.add(keywordTensors(x, tensors));
            return out;
        }
        if (v instanceof JsonObject o && !o.has("__input__")) {
            JsonObject out = new JsonObject();
            for (var entry : o.entrySet()) out.add(entry.getKey(), keywordTensors(entry.getValue(), tensors));
            return out;
        }
        return v;
    }

    private static JsonObject placeholder(int index, String dtype) {
        JsonObject p = new JsonObject();
        p.addProperty("__input__", index);
        if (dtype != null) p.addProperty("dtype", dtype);
        return p;
    }

    /** {@code ["layer", 0, 0]} as Keras 1/2 write a tensor (a string and two integers). */
    private static boolean looksLikeRef(JsonArray a) {
        return (a.size() == 3 || a.size() == 4) && a.get(0).isJsonPrimitive() && a.get(0).getAsJsonPrimitive().isString()
                && a.get(1).isJsonPrimitive() && a.get(1).getAsJsonPrimitive().isNumber()
                && a.get(2).isJsonPrimitive() && a.get(2).getAsJsonPrimitive().isNumber();
    }

    private static boolean isKerasTensor(JsonElement e) {
        return e instanceof JsonObject o && isPrimitive(o.get("class_name")) && "__keras_tensor__".equals(o.get("class_name").getAsString())
                && o.get("config") instanceof JsonObject;
    }

    /**
     * {@code ["x", 0, 0]} (a single ref, Keras 3), {@code [["x", 0, 0], ...]}, or a Keras 3 structure of them: a model
     * built with a dict of inputs or outputs saves {@code {"key": ["x", 0, 0], ...}}, flattened here as Keras
     * flattens it ({@code tree.flatten}: keys sorted). {@code keys} gets each ref's dict key, or null: outputs given as
     * a dict are named by their keys, as {@code model.predict} returns them.
     */
    private List<TensorRef> refs(JsonElement e, String key, List<String> keys) {
        if (!(e instanceof JsonArray) && !(e instanceof JsonObject)) throw error("Functional model config has no '" + key + "' list");
        List<TensorRef> out = new ArrayList<>();
        flatten(e, key, null, out, keys);
        if (out.isEmpty()) throw error("Functional model config: '" + key + "' is empty");
        return out;
    }

    private void flatten(JsonElement e, String key, String dictKey, List<TensorRef> out, List<String> keys) {
        if (e instanceof JsonArray a && !a.isEmpty() && a.get(0).isJsonPrimitive()) {
            out.add(ref(a, key));
            keys.add(dictKey);
        } else if (e instanceof JsonArray a) {
            for (JsonElement x : a) flatten(x, key, null, out, keys);
        } else if (e instanceof JsonObject o) {
            List<String> sorted = new ArrayList<>(o.keySet());
            sorted.sort((x, y) -> java.util.Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray())); // Python's str order
            for (String k : sorted) flatten(o.get(k), key, k, out, keys);
        } else {
            throw error(key + ": expected [layer_name, node_index, tensor_index], got " + e);
        }
    }

    private TensorRef ref(JsonElement e, String what) {
        RuntimeException cause = null;
        if (e instanceof JsonArray a && a.size() >= 3 && a.get(0).isJsonPrimitive() && a.get(1).isJsonPrimitive() && a.get(2).isJsonPrimitive()) {
            try {
                return new TensorRef(a.get(0).getAsString(), a.get(1).getAsInt(), a.get(2).getAsInt());
            } catch (NumberFormatException | UnsupportedOperationException ex) {
                cause = ex;
            }
        }
        throw error(what + ": expected [layer_name, node_index, tensor_index], got " + e, cause);
    }

    /**
     * Output names as Keras gives them ({@code model.output_names}): Keras 3 names each output by its layer, repeats
     * and all ({@code ["lstm", "lstm", "lstm"]} for an LSTM's output and states); tf.keras / Keras 2 make them unique
     * ({@code lstm}, {@code lstm_1}, {@code lstm_2}).
     */
    private List<String> outputNames(List<TensorRef> outputs) {
        if (keras3) return outputs.stream().map(TensorRef::layer).toList();
        List<String> names = new ArrayList<>();
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        for (TensorRef r : outputs) {
            String proposal = r.layer();
            while (names.contains(proposal)) {
                int n = count.getOrDefault(r.layer(), 1);
                proposal = r.layer() + "_" + n;
                count.put(r.layer(), n + 1);
            }
            names.add(proposal);
        }
        return names;
    }

    private static String registeredName(JsonObject e) {
        return isPrimitive(e.get("registered_name")) ? e.get("registered_name").getAsString() : null;
    }

    private String layerName(JsonObject e, int index) {
        if (isPrimitive(e.get("name"))) return e.get("name").getAsString();
        if (e.get("config") instanceof JsonObject c && isPrimitive(c.get("name"))) return c.get("name").getAsString();
        throw error("layer " + index + " has no name");
    }

    private JsonObject configOf(JsonObject e, String name) {
        JsonElement c = e.get("config");
        if (c == null || c.isJsonNull()) return new JsonObject();
        if (c.isJsonArray()) { // a Keras 1 Sequential nested as a layer: its config is its layer list
            JsonObject o = new JsonObject();
            o.add("layers", c);
            o.addProperty("name", name);
            return o;
        }
        if (!c.isJsonObject()) throw error("layer '" + name + "': 'config' is not an object");
        return c.getAsJsonObject();
    }

    private JsonObject object(JsonElement e, String what) {
        if (e == null || !e.isJsonObject()) throw error(what + " is not an object");
        return e.getAsJsonObject();
    }

    private String string(JsonObject o, String key, String what) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) throw error(what + ": missing '" + key + "'");
        return e.getAsString();
    }

    private KerasImportException error(String message) {
        return new KerasImportException(file + ": " + message);
    }

    private KerasImportException error(String message, Throwable cause) {
        return new KerasImportException(file + ": " + message, cause);
    }

    private static boolean isPrimitive(JsonElement e) {
        return e != null && e.isJsonPrimitive();
    }
}
