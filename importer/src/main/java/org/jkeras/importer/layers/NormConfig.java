package org.jkeras.importer.layers;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Shape;

/** Config reading shared by the normalization mappers: axis lists and numeric arrays written into configs. */
final class NormConfig {
    private NormConfig() {
    }

    /**
     * The sample axes (0-based, batch excluded) named by {@code key} (an int or a list; negative from the end),
     * in config order; {@code dflt} when absent or null.
     */
    static int[] axes(MapContext ctx, Shape in, String key, int[] dflt) {
        int rank = in.rank() + 1; // with the batch axis
        int[] raw = ctx.config().has(key) ? ctx.config().getIntArray(key) : dflt;
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            int a = raw[i] < 0 ? raw[i] + rank : raw[i];
            if (a <= 0 || a >= rank) throw ctx.config().error(key, "axis " + raw[i] + " is out of range for input " + in.prepend(Shape.UNKNOWN));
            for (int j = 0; j < i; j++) if (out[j] == a - 1) throw ctx.config().error(key, "axis " + raw[i] + " is repeated");
            out[i] = a - 1;
        }
        return out;
    }

    static boolean[] mask(int rank, int[] axes) {
        boolean[] m = new boolean[rank];
        for (int a : axes) m[a] = true;
        return m;
    }

    /** The dims of {@code in} on {@code axes}, in the given order; they must be known. */
    static int[] dims(MapContext ctx, Shape in, int[] axes) {
        int[] d = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            d[i] = in.dim(axes[i]);
            if (d[i] == Shape.UNKNOWN) throw ctx.error("axis " + (axes[i] + 1) + " of input " + in + " must be known");
        }
        return d;
    }

    /** A number or a nested list of numbers in a config (a numpy array Keras serialized), flattened, with its shape. */
    record NumArray(float[] values, int[] shape) {
    }

    static NumArray numbers(MapContext ctx, String key, JsonElement e) {
        if (e instanceof JsonObject o && o.get("config") instanceof JsonObject c && c.has("value")) e = c.get("value"); // {"class_name": "__numpy__", ...}
        List<Float> flat = new ArrayList<>();
        List<Integer> shape = new ArrayList<>();
        walk(ctx, key, e, 0, flat, shape);
        float[] v = new float[flat.size()];
        for (int i = 0; i < v.length; i++) v[i] = flat.get(i);
        return new NumArray(v, shape.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void walk(MapContext ctx, String key, JsonElement e, int depth, List<Float> flat, List<Integer> shape) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            flat.add(e.getAsFloat());
            return;
        }
        if (!(e instanceof JsonArray a)) throw ctx.config().error(key, "expected a number or a nested list of numbers, got " + e);
        if (shape.size() == depth) shape.add(a.size());
        else if (shape.get(depth) != a.size()) throw ctx.config().error(key, "ragged nested list");
        for (JsonElement x : a) walk(ctx, key, x, depth + 1, flat, shape);
    }
}
