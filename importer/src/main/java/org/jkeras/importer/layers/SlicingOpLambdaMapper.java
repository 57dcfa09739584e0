package org.jkeras.importer.layers;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.SlicingOpLambda;
import org.jkeras.runtime.layers.SlicingOpLambda.Axis;

/**
 * tf.keras {@code SlicingOpLambda} ({@code __operators__.getitem}): call keyword {@code slice_spec}, a list
 * with one entry per axis from the batch axis on: {@code {"class_name": "__slice__", "config": {start, stop,
 * step}}}, an integer index, or {@code {"class_name": "__ellipsis__"}}.
 */
public final class SlicingOpLambdaMapper {
    private SlicingOpLambdaMapper() {
    }

    public static Layer map(MapContext ctx) {
        JsonElement spec = ctx.callKwargs().raw("slice_spec");
        if (spec == null) throw ctx.error("missing call argument 'slice_spec'");
        List<JsonElement> entries = new ArrayList<>();
        if (spec instanceof JsonArray a) a.forEach(entries::add);
        else entries.add(spec);
        int rank = ctx.inputShape().rank() + 1;
        // expand an ellipsis to the axes it stands for
        int ellipsis = -1;
        for (int i = 0; i < entries.size(); i++) if (isClass(entries.get(i), "__ellipsis__")) ellipsis = i;
        List<Axis> axes = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (i == ellipsis) {
                for (int k = 0; k < rank - (entries.size() - 1); k++) axes.add(Axis.all());
                continue;
            }
            axes.add(axis(ctx, entries.get(i)));
        }
        if (axes.isEmpty()) return new SlicingOpLambda(ctx.name(), List.of());
        if (!axes.get(0).equals(Axis.all())) throw ctx.error("slicing the batch axis is not supported: " + spec);
        return new SlicingOpLambda(ctx.name(), axes.subList(1, axes.size()));
    }

    private static Axis axis(MapContext ctx, JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) return new Axis(e.getAsInt(), null, null, null);
        if (isClass(e, "__slice__") && e.getAsJsonObject().get("config") instanceof JsonObject c) {
            return new Axis(null, intOrNull(c.get("start")), intOrNull(c.get("stop")), intOrNull(c.get("step")));
        }
        throw ctx.error("slice_spec entry " + e + " is not supported (a slice, an index or an ellipsis)");
    }

    private static Integer intOrNull(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsInt();
    }

    private static boolean isClass(JsonElement e, String cls) {
        return e instanceof JsonObject o && o.get("class_name") != null && o.get("class_name").isJsonPrimitive()
                && cls.equals(o.get("class_name").getAsString());
    }
}
