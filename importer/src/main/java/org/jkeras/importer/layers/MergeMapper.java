package org.jkeras.importer.layers;

import org.jkeras.activations.Semantics;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Add;
import org.jkeras.runtime.layers.Average;
import org.jkeras.runtime.layers.Concatenate;
import org.jkeras.runtime.layers.Maximum;
import org.jkeras.runtime.layers.Multiply;

/**
 * Keras 1 {@code Merge(mode)} called on tensors: sum, mul, ave, max, concat ({@code concat_axis}),
 * dot ({@code dot_axes}) and cos (dot of L2-normalised inputs). A callable {@code mode} is Python code. Masks
 * merge by Keras 1's rule (AND of the masks present; none after dot and cos).
 */
public final class MergeMapper {
    private MergeMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        String mode = cfg.getStringOr("sum", "mode");
        String name = ctx.name();
        return switch (mode) {
            case "sum" -> new Add(name, Semantics.KERAS_1_2);
            case "mul" -> new Multiply(name, Semantics.KERAS_1_2);
            case "ave" -> new Average(name, Semantics.KERAS_1_2);
            case "max" -> new Maximum(name, Semantics.KERAS_1_2);
            case "concat" -> new Concatenate(name, cfg.getInt(-1, "concat_axis"), Semantics.KERAS_1_2);
            case "dot", "cos" -> {
                if (ctx.inputShapes().size() != 2) throw ctx.error("Merge mode '" + mode + "' takes 2 inputs, got " + ctx.inputShapes().size());
                int[] axes = cfg.has("dot_axes") ? cfg.getIntArray("dot_axes") : new int[] {-1};
                yield DotMapper.of(ctx, axes, mode.equals("cos"), "dot_axes");
            }
            default -> throw cfg.error("mode", "merge mode '" + mode + "' is not supported (sum, mul, ave, max, concat, dot, cos)");
        };
    }
}
