package org.jkeras.importer.ops;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Einsum;

/** Op node {@code keras.ops.einsum(subscripts, *operands)}: subscripts in the config, every positional argument an operand. */
public final class EinsumOpMapper {
    private EinsumOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        OpArgs args = new OpArgs(ctx);
        List<JsonElement> items = new ArrayList<>();
        ctx.callArgs().forEach(items::add);
        if (items.isEmpty()) throw ctx.error("no operands");
        Operands o = Operands.of(args, items, "operand");
        return new Einsum(ctx.name(), ctx.config().getString("subscripts"), o.inputOf, o.constants);
    }
}
