package org.jkeras.importer.ops;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Tensordot;

/** Op node {@code keras.ops.tensordot(x1, x2, axes)}: axes an int or a pair of axis lists (or of single axes). */
public final class TensordotOpMapper {
    private TensordotOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands o = Operands.positional(ctx, "x1", "x2");
        var cfg = ctx.config();
        JsonElement axes = cfg.raw("axes");
        if (axes == null) return new Tensordot(ctx.name(), 2, null, null, o.inputOf, o.constants);
        if (axes.isJsonPrimitive()) return new Tensordot(ctx.name(), cfg.getInt("axes"), null, null, o.inputOf, o.constants);
        if (!(axes instanceof JsonArray a) || a.size() != 2) throw cfg.error("axes", "expected an int or a pair of axis lists, got " + axes);
        int[][] pair = new int[2][];
        for (int i = 0; i < 2; i++) {
            JsonElement e = a.get(i);
            try {
                if (e.isJsonPrimitive()) pair[i] = new int[] {e.getAsInt()};
                else pair[i] = java.util.stream.StreamSupport.stream(e.getAsJsonArray().spliterator(), false).mapToInt(JsonElement::getAsInt).toArray();
            } catch (RuntimeException ex) {
                throw cfg.error("axes", "expected an int or a pair of axis lists, got " + axes, ex);
            }
        }
        if (pair[0].length != pair[1].length) throw cfg.error("axes", "the two axis lists differ in length: " + axes);
        return new Tensordot(ctx.name(), -1, pair[0], pair[1], o.inputOf, o.constants);
    }
}
