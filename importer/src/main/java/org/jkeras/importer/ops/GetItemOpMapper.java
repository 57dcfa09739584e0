package org.jkeras.importer.ops;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.GetItem;

/**
 * Op node {@code x[key]}: the key as Keras saves it, one item or a list of items, each a slice
 * {@code {"class_name": "__slice__", "config": {"start", "stop", "step"}}}, an int, {@code null} (a new axis) or
 * {@code {"class_name": "__ellipsis__"}}. Tensors and boolean masks as indices are refused.
 */
public final class GetItemOpMapper {
    private GetItemOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        OpArgs args = new OpArgs(ctx);
        JsonElement x = args.get(0, "x");
        if (OpArgs.inputIndex(x) != 0) throw ctx.error("argument 0 ('x') is not the node's input tensor");
        JsonArray a = new JsonArray();
        JsonElement key = ctx.callArgs().size() > 1 ? ctx.callArgs().get(1) : ctx.callKwargs().raw("key");
        if (key == null) throw ctx.error("missing argument 1 ('key')");
        if (key instanceof JsonArray list) a = list;
        else a.add(key);
        List<GetItem.Item> items = new ArrayList<>();
        for (JsonElement e : a) items.add(item(ctx, e));
        return new GetItem(ctx.name(), items);
    }

    private static GetItem.Item item(MapContext ctx, JsonElement e) {
        if (e == null || e.isJsonNull()) return new GetItem.NewAxis();
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double v = e.getAsDouble();
            if (v != Math.rint(v)) throw ctx.error("index " + e + " is not an integer");
            return new GetItem.Index((int) v);
        }
        if (e instanceof JsonObject o && o.get("class_name") != null && o.get("class_name").isJsonPrimitive()) {
            String cls = o.get("class_name").getAsString();
            if (cls.equals("__ellipsis__")) return new GetItem.Ellipsis();
            if (cls.equals("__slice__") && o.get("config") instanceof JsonObject c) {
                try {
                    return new GetItem.Slice(bound(ctx, c, "start"), bound(ctx, c, "stop"), bound(ctx, c, "step"));
                } catch (IllegalArgumentException ex) {
                    throw ctx.error("slice " + e + ": " + ex.getMessage(), ex);
                }
            }
        }
        if (OpArgs.inputIndex(e) >= 0) throw ctx.error("indexing by a tensor is not supported (key item " + e + "); use keras.ops.take");
        throw ctx.error("key item " + e + " is not a slice, an int, None or Ellipsis");
    }

    private static Integer bound(MapContext ctx, JsonObject slice, String key) {
        JsonElement v = slice.get(key);
        if (v == null || v.isJsonNull()) return null;
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() && v.getAsDouble() == Math.rint(v.getAsDouble())) return v.getAsInt();
        throw ctx.error("slice " + key + " " + v + " is not an integer or None (tensor bounds are not supported)");
    }
}
