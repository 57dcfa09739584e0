package org.jkeras.importer.ops;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;

/** Reading the parameters Keras 3 saves in an op node's config ({@code axis}, {@code keepdims} ...). */
final class OpConfig {
    private OpConfig() {
    }

    /**
     * {@code axis}: an int, a list of ints, or null (Keras' None: every axis, returned as null). Axes count over the
     * whole tensor, 0 being the batch axis.
     */
    static int[] axes(Config cfg, String key) {
        JsonElement e = cfg.raw(key);
        if (e == null) return null;
        if (e instanceof JsonArray a && a.isEmpty()) throw cfg.error(key, "an empty axis list is not supported");
        try {
            return cfg.getIntArray(key);
        } catch (RuntimeException ex) {
            throw cfg.error(key, "expected an int, a list of ints or null, got " + e, ex);
        }
    }

    /** The node's first argument, which must be an input tensor (ops on symbolic tensors always read one). */
    static void expectTensor(MapContext ctx, OpArgs args, int index, String name) {
        JsonElement e = args.get(index, name);
        if (e == null || OpArgs.inputIndex(e) < 0) throw ctx.error("argument " + index + " ('" + name + "') is not a tensor: " + e);
    }

    /**
     * A Keras dtype name as the values hold it: {@code "int"} for the integer dtypes, {@code "bool"}, {@code "float"} for
     * float32/float64 (float32 values are exact in both); null for dtypes jkeras does not represent (float16, bfloat16,
     * complex, string).
     */
    static String kind(String dtype) {
        if (dtype.equals("bool")) return "bool";
        if (dtype.matches("u?int(8|16|32|64)")) return "int";
        if (dtype.equals("float32") || dtype.equals("float64")) return "float";
        return null;
    }
}
