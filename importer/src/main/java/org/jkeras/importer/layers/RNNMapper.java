package org.jkeras.importer.layers;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.importer.WeightArray;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.RNN;

/**
 * Keras {@code RNN} with one standard cell ({@code SimpleRNNCell}, {@code LSTMCell}, {@code GRUCell}) or a
 * {@code StackedRNNCells} of them: the cell's config plus the RNN's loop flags is mapped as the matching layer
 * ({@code LSTM}..., or {@link StackedRNNCellsMapper}), whose weights are the cell's. Custom cells are not supported.
 */
public final class RNNMapper {
    private static final Map<String, String> CELLS = Map.of("SimpleRNNCell", "SimpleRNN", "LSTMCell", "LSTM", "GRUCell", "GRU",
            "StackedRNNCells", "StackedRNNCells");
    private static final String[] LOOP_KEYS = {"return_sequences", "return_state", "go_backwards", "stateful", "unroll", "zero_output_for_mask", "time_major"};

    private RNNMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        JsonElement c = cfg.raw("cell");
        if (c == null || !c.isJsonObject()) throw cfg.error("cell", "expected a cell object, got " + c);
        Config cell = new Config(c.getAsJsonObject(), cfg.where() + " cell");
        String cls = cell.getString("class_name");
        String layerClass = CELLS.get(cls);
        if (layerClass == null) throw cfg.error("cell", "cell class '" + cls + "' is not supported; supported: " + String.join(", ", CELLS.keySet()));
        JsonObject merged = cell.has("config") ? cell.getObject("config").deepCopy() : new JsonObject();
        for (String k : LOOP_KEYS) if (cfg.has(k)) merged.add(k, cfg.raw(k));
        merged.addProperty("name", ctx.name());
        List<WeightArray> weights = ctx.weightParts(new String[] {"cell"}, new int[] {ctx.weightCount()}).get(0); // Keras 3: below cell/
        Layer mapped = ctx.mapInner(layerClass, null, merged, cls, ctx.inputShapes(), weights);
        if (!(mapped instanceof RNN rnn)) throw ctx.error("the cell mapped to " + mapped.kerasClass() + ", not a recurrent layer");
        return new RNN(ctx.name(), rnn.cell(), rnn.options());
    }
}
