package org.jkeras.importer;

import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The dtype Keras gives a model's inputs and outputs, for the metadata users read ({@code KerasModel.inputs()},
 * {@code inspect}). jkeras computes every value in float32; this only says what Keras would hand back: an input
 * declared {@code int32} takes token ids, a comparison's result is {@code bool}.
 */
final class Dtypes {
    /** Ops whose result is boolean whatever their inputs. */
    private static final Set<String> BOOL_OPS = Set.of("Equal", "NotEqual", "Greater", "GreaterEqual", "Less", "LessEqual", "LogicalAnd",
            "LogicalOr", "LogicalNot", "LogicalXor", "All", "Any", "IsNan", "IsInf", "IsFinite", "Isclose");
    /** Ops returning indices: int32 on the TensorFlow backend. */
    private static final Set<String> INDEX_OPS = Set.of("Argmax", "Argmin", "Argsort");
    /** Preprocessing layers whose {@code output_mode} {@code int} gives int64 indices. */
    private static final Set<String> INDEX_LAYERS = Set.of("IntegerLookup", "StringLookup", "Discretization", "TextVectorization");
    /** Ops whose result has their first input's dtype (shape and arithmetic ops on integer or boolean tensors). */
    private static final Set<String> FOLLOW_OPS = Set.of("Reshape", "Transpose", "ExpandDims", "Squeeze", "Concatenate", "Stack", "Tile",
            "Repeat", "BroadcastTo", "Flip", "Take", "GetItem", "Swapaxes", "Moveaxis", "Add", "Subtract", "Multiply", "Maximum", "Minimum",
            "Negative", "Absolute", "Abs", "Sum", "Max", "Min", "Prod", "Where", "Clip", "ZerosLike", "OnesLike");
    private static final int MAX_DEPTH = 64;

    private Dtypes() {
    }

    /** An InputLayer's declared dtype (default float32). */
    static String ofInput(LayerSpec input) {
        String d = name(input.config().get("dtype"));
        return d == null ? "float32" : d;
    }

    /** The dtype of the tensor {@code ref} names, following shape ops back to an input where Keras would. */
    static String of(TensorRef ref, Map<String, LayerSpec> byName) {
        return of(ref, byName, 0);
    }

    private static String of(TensorRef ref, Map<String, LayerSpec> byName, int depth) {
        LayerSpec l = byName.get(ref.layer());
        if (l == null || depth > MAX_DEPTH) return "float32";
        if (l.isInput()) return ofInput(l);
        String cls = l.className();
        JsonObject c = l.config();
        if (BOOL_OPS.contains(cls)) return "bool";
        if (INDEX_OPS.contains(cls)) return "int32";
        if (cls.equals("Cast") || cls.equals("OneHot")) {
            String d = name(c.get("dtype"));
            if (d != null) return d;
        }
        if (INDEX_LAYERS.contains(cls) || cls.equals("Hashing") || cls.equals("HashedCrossing")) {
            JsonElement mode = c.get("output_mode");
            boolean ints = mode == null || (mode.isJsonPrimitive() && mode.getAsString().equals("int"));
            boolean invert = c.get("invert") != null && c.get("invert").isJsonPrimitive() && c.get("invert").getAsBoolean();
            if (invert) return cls.equals("StringLookup") ? "string" : "int64"; // indices back to tokens
            if (ints) return "int64";
        }
        boolean op = l.isOp() || !c.has("trainable");
        if (op && FOLLOW_OPS.contains(cls) && ref.node() < l.inboundNodes().size() && !l.inboundNodes().get(ref.node()).isEmpty()) {
            return of(l.inboundNodes().get(ref.node()).get(0), byName, depth + 1);
        }
        String policy = name(c.get("dtype"));
        if (policy == null) return "float32";
        if (policy.startsWith("mixed_")) return policy.substring("mixed_".length());
        return policy;
    }

    /** A dtype or dtype policy config value's name: {@code "int32"} or {@code {"class_name": "DTypePolicy", "config": {"name": …}}}. */
    static String name(JsonElement e) {
        if (e == null || e.isJsonNull()) return null;
        if (e.isJsonPrimitive()) return e.getAsString();
        if (e.isJsonObject() && e.getAsJsonObject().get("config") instanceof JsonObject c && c.get("name") != null && c.get("name").isJsonPrimitive()) {
            return c.get("name").getAsString();
        }
        return null;
    }
}
