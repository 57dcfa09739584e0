package org.jkeras.importer.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonObject;

import org.jkeras.activations.Semantics;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.importer.WeightArray;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.Bidirectional;
import org.jkeras.runtime.layers.RNN;

/**
 * Keras {@code Bidirectional}: {@code layer} (the forward RNN), {@code backward_layer} (Keras 3 always writes it;
 * otherwise the forward config with {@code go_backwards} flipped), {@code merge_mode} (concat, sum, mul, ave, or
 * None: absent or null). Weights: the forward layer's, then the backward layer's ({@code .keras}:
 * {@code forward_layer/cell/vars}, {@code backward_layer/cell/vars}). Keras 3 and tf.keras force
 * {@code zero_output_for_mask = return_sequences} on both layers (tf.keras writes it into the inner config).
 */
public final class BidirectionalMapper {
    private BidirectionalMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        JsonObject fwdEntry = cfg.getObject("layer");
        JsonObject bwdEntry;
        if (cfg.has("backward_layer")) {
            bwdEntry = cfg.getObject("backward_layer");
        } else {
            bwdEntry = fwdEntry.deepCopy();
            JsonObject c = bwdEntry.getAsJsonObject("config");
            if (c == null) throw cfg.error("layer", "has no config");
            boolean back = c.has("go_backwards") && !c.get("go_backwards").isJsonNull() && c.get("go_backwards").getAsBoolean();
            c.addProperty("go_backwards", !back);
            if (c.has("name") && c.get("name").isJsonPrimitive()) c.addProperty("name", "backward_" + c.get("name").getAsString());
        }
        String mode = cfg.getStringOr(null, "merge_mode");
        Bidirectional.MergeMode merge;
        try {
            merge = mode == null ? Bidirectional.MergeMode.NONE : Bidirectional.MergeMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw cfg.error("merge_mode", "expected concat, sum, mul, ave or None, got '" + mode + "'", e);
        }

        List<Shape> in = ctx.inputShapes();
        int n = ctx.weightCount();
        List<List<WeightArray>> parts = ctx.weightParts(new String[] {"forward_layer", "backward_layer"}, new int[] {n / 2, n - n / 2});
        int half = (in.size() - 1) / 2;
        List<Shape> fwdIn = new ArrayList<>(in.subList(0, 1 + half));
        List<Shape> bwdIn = new ArrayList<>(in.subList(0, 1));
        bwdIn.addAll(in.subList(1 + half, in.size()));
        if (ctx.semantics() == Semantics.KERAS_3) { // Keras 3 sets zero_output_for_mask = return_sequences on both layers
            fwdEntry = zeroOutputForMask(fwdEntry);
            bwdEntry = zeroOutputForMask(bwdEntry);
        }
        RNN fwd = rnn(ctx, ctx.mapInner(fwdEntry, fwdIn, parts.get(0)));
        RNN bwd = rnn(ctx, ctx.mapInner(bwdEntry, bwdIn, parts.get(1)));
        return new Bidirectional(ctx.name(), fwd, bwd, merge);
    }

    private static RNN rnn(MapContext ctx, Layer l) {
        if (!(l instanceof RNN r)) throw ctx.error("wraps a " + l.kerasClass() + "; Bidirectional needs a recurrent layer");
        return r;
    }

    private static JsonObject zeroOutputForMask(JsonObject entry) {
        JsonObject e = entry.deepCopy();
        JsonObject c = e.getAsJsonObject("config");
        if (c != null) {
            boolean seq = c.has("return_sequences") && !c.get("return_sequences").isJsonNull() && c.get("return_sequences").getAsBoolean();
            c.addProperty("zero_output_for_mask", seq);
        }
        return e;
    }
}
