package org.jkeras.importer.ops;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * The arguments of one Keras 3 op node call, read by position or keyword ({@code ops.add(x1, x2)}): each is an input
 * tensor ({@code {"__input__": i}}) or a constant as Keras saves it: a number, a boolean, a nested list, or
 * {@code {"class_name": "__numpy__" | "__tensor__", "config": {"value": ..., "dtype": ...}}}.
 */
public final class OpArgs {
    private final MapContext ctx;
    private final JsonArray args;
    private final Config kwargs;

    public OpArgs(MapContext ctx) {
        this.ctx = ctx;
        this.args = ctx.callArgs();
        this.kwargs = ctx.callKwargs();
    }

    /** Argument {@code index}, or the keyword {@code name}; null when the call gives neither. */
    public JsonElement get(int index, String name) {
        if (index < args.size()) return args.get(index);
        JsonElement e = kwargs.raw(name);
        return e == null || e.isJsonNull() ? null : e;
    }

    /** The input index of a tensor argument, or -1 for a constant. */
    public static int inputIndex(JsonElement e) {
        return e instanceof JsonObject o && o.has("__input__") ? o.get("__input__").getAsInt() : -1;
    }

    /** Argument {@code index} as a constant tensor (its own shape, no batch axis), or null when it is an input tensor. */
    public Tensor constant(int index, String name) {
        JsonElement e = get(index, name);
        if (e == null) throw ctx.error("missing argument " + index + " ('" + name + "')");
        if (inputIndex(e) >= 0) return null;
        return constant(e, "argument " + index + " ('" + name + "')");
    }

    /** A constant as Keras saves it, as a float32 tensor of its own shape. */
    public Tensor constant(JsonElement e, String what) {
        if (e instanceof JsonObject o && o.get("config") instanceof JsonObject c && c.has("value")) e = c.get("value");
        List<Integer> dims = new ArrayList<>();
        for (JsonElement x = e; x instanceof JsonArray a; x = a.isEmpty() ? null : a.get(0)) dims.add(a.size());
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        long n = 1;
        for (int d : shape) n *= d;
        if (n > Integer.MAX_VALUE - 8) throw ctx.error(what + ": constant of shape " + dims + " is too large");
        float[] data = new float[(int) n];
        int[] at = {0};
        fill(e, 0, shape, data, at, what);
        return new Tensor(Shape.of(shape), data);
    }

    private void fill(JsonElement e, int axis, int[] shape, float[] data, int[] at, String what) {
        if (axis == shape.length) {
            if (!(e != null && e.isJsonPrimitive())) throw ctx.error(what + ": a constant holds " + e + " where a number belongs");
            var p = e.getAsJsonPrimitive();
            if (p.isBoolean()) data[at[0]++] = p.getAsBoolean() ? 1f : 0f;
            else if (p.isNumber()) data[at[0]++] = p.getAsFloat();
            else if (p.getAsString().equals("nan") || p.getAsString().equals("NaN")) data[at[0]++] = Float.NaN;
            else throw ctx.error(what + ": a constant holds '" + p.getAsString() + "', not a number");
            return;
        }
        if (!(e instanceof JsonArray a) || a.size() != shape[axis]) throw ctx.error(what + ": a constant is not a rectangular array");
        for (JsonElement x : a) fill(x, axis + 1, shape, data, at, what);
    }
}
