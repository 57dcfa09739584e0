package org.jkeras.importer.layers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.jkeras.activations.Semantics;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.importer.WeightArray;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.kernels.RecurrentKernel;
import org.jkeras.runtime.layers.RNN;
import org.jkeras.runtime.layers.StackedRNNCells;

/**
 * Keras {@code StackedRNNCells}, the cell of an {@code RNN} given a list of cells: {@code cells}, each a
 * {@code SimpleRNNCell}, {@code LSTMCell} or {@code GRUCell} mapped as its layer class, cell k taking cell k−1's
 * output; mapped (by {@link RNNMapper}, which adds the loop flags to this config) as an RNN over the stack.
 * Weights: each cell's own, in cell order in HDF5 files; in Keras 3 weight files under {@code cells/<key>}, the key
 * the cell's class in snake case, numbered per class in list order ({@code lstm_cell}, {@code gru_cell},
 * {@code lstm_cell_1}). State order: cell by cell, except in files of Keras 2.0–2.3 and of tf.keras before 2.2.4-tf,
 * whose stacks keep their states flat in reverse cell order ({@code [h2, c2, h1, c1]}).
 */
public final class StackedRNNCellsMapper {
    private static final Map<String, String> CELLS = Map.of("SimpleRNNCell", "SimpleRNN", "LSTMCell", "LSTM", "GRUCell", "GRU");
    private static final Map<String, String> KEYS = Map.of("SimpleRNNCell", "simple_rnn_cell", "LSTMCell", "lstm_cell", "GRUCell", "gru_cell");
    private static final Pattern VERSION = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})");

    private StackedRNNCellsMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        if (!(cfg.raw("cells") instanceof JsonArray list) || list.isEmpty()) throw cfg.error("cells", "expected a non-empty list of cells, got " + cfg.raw("cells"));
        List<Shape> in = ctx.inputShapes();
        if (in.isEmpty() || in.get(0).rank() != 2 || in.get(0).dim(1) == Shape.UNKNOWN) {
            throw ctx.error("expects a sequence (batch, steps, features) with known features, got " + (in.isEmpty() ? "no input" : in.get(0).prepend(Shape.UNKNOWN)));
        }
        int n = list.size();
        String[] classes = new String[n], groups = new String[n];
        JsonObject[] configs = new JsonObject[n];
        int[] counts = new int[n];
        Map<String, Integer> perClass = new HashMap<>();
        for (int i = 0; i < n; i++) {
            JsonElement e = list.get(i);
            if (!e.isJsonObject()) throw cfg.error("cells", "cell " + i + " is not an object: " + e);
            Config c = new Config(e.getAsJsonObject(), cfg.where() + " cell " + i);
            classes[i] = c.getString("class_name");
            if (!CELLS.containsKey(classes[i])) throw cfg.error("cells", "cell class '" + classes[i] + "' is not supported; supported: " + String.join(", ", CELLS.keySet()));
            configs[i] = c.has("config") ? c.getObject("config") : new JsonObject();
            counts[i] = new Config(configs[i], cfg.where()).getBool(true, "use_bias") ? 3 : 2;
            int k = perClass.merge(classes[i], 1, Integer::sum) - 1;
            groups[i] = "cells/" + KEYS.get(classes[i]) + (k == 0 ? "" : "_" + k);
        }
        List<List<WeightArray>> parts = ctx.weightParts(groups, counts);
        List<RecurrentKernel.Cell> cells = new ArrayList<>();
        int features = in.get(0).dim(1);
        for (int i = 0; i < n; i++) {
            String name = new Config(configs[i], cfg.where()).getStringOr("cell_" + i, "name");
            Layer mapped = ctx.mapInner(CELLS.get(classes[i]), null, configs[i], name, List.of(Shape.of(Shape.UNKNOWN, features)), parts.get(i));
            if (!(mapped instanceof RNN rnn)) throw ctx.error("cell " + i + " mapped to " + mapped.kerasClass() + ", not a recurrent cell");
            cells.add(rnn.cell());
            features = rnn.cell().units();
        }
        return new RNN(ctx.name(), new StackedRNNCells(cells, reversedStateOrder(ctx)), RecurrentConfig.options(ctx));
    }

    /** Keras 2.0–2.3 (no "-tf" suffix; 2.4 on is tf.keras) and tf.keras before 2.2.4-tf order a stack's states in reverse. */
    static boolean reversedStateOrder(MapContext ctx) {
        String v = ctx.kerasVersion();
        if (ctx.semantics() == Semantics.KERAS_3 || v == null) return false;
        Matcher m = VERSION.matcher(v);
        if (!m.lookingAt() || !m.group(1).equals("2")) return false;
        int minor = Integer.parseInt(m.group(2)), patch = Integer.parseInt(m.group(3));
        return v.endsWith("-tf") ? minor < 2 || minor == 2 && patch < 4 : minor < 4;
    }
}
