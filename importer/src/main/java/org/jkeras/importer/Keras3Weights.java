package org.jkeras.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.jkeras.KerasImportException;

/**
 * The Keras 3 {@code model.weights.h5} layout (inside {@code .keras} or from {@code save_weights}):
 * {@code layers/<key>/vars/0..n-1} in the layer's weight order. Keys are snake_case class names numbered in
 * creation order ({@code dense}, {@code dense_1}), not the user's layer names, so a layer is found by the
 * {@code name} attribute Keras writes on {@code vars} when present, else by its class and position.
 */
public final class Keras3Weights implements WeightStore {
    private final String file;
    private final Group layersGroup;
    private final Map<String, Group> byName = new HashMap<>();
    private final Map<String, String> keyByLayer = new HashMap<>();

    /**
     * {@code layers} in config order; {@code sequential}: the container is a Sequential model, whose layer list
     * (and so the numbering of keys) leaves its InputLayer out, as Keras' {@code Sequential.layers} does.
     */
    public Keras3Weights(String file, Group root, List<LayerSpec> layers, boolean sequential) {
        this.file = file;
        Node l = root.getChildren().get("layers");
        this.layersGroup = l instanceof Group g ? g : null;
        if (layersGroup == null) return;
        for (Node child : layersGroup.getChildren().values()) {
            if (child instanceof Group g && g.getChildren().get("vars") instanceof Group vars) {
                String name = Hdf5.string(vars, "name");
                if (name != null) byName.put(name, g);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (LayerSpec s : layers) {
            if ((sequential && s.isInput()) || s.isOp()) continue; // model.layers leaves op nodes out
            String base = snakeCase(s.className());
            int n = seen.merge(base, 1, Integer::sum) - 1;
            keyByLayer.put(s.name(), n == 0 ? base : base + "_" + n);
        }
    }

    /** Keras' {@code to_snake_case}: {@code LeakyReLU} -> {@code leaky_re_lu}, {@code Conv2D} -> {@code conv2d}. */
    static String snakeCase(String name) {
        String s = name.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("_") ? "private" + s : s;
    }

    private Group groupOf(LayerSpec layer) {
        if (layersGroup == null) return null;
        Group g = byName.get(layer.name());
        if (g == null && byName.isEmpty() && layersGroup.getChildren().get(keyByLayer.get(layer.name())) instanceof Group k) g = k;
        return g;
    }

    /** A nested model's group holds a {@code layers} group of its own, keyed the same way. */
    @Override
    public WeightStore nested(LayerSpec modelLayer, List<LayerSpec> innerLayers) {
        Group g = groupOf(modelLayer);
        return g == null ? WeightStore.NONE : new Keras3Weights(file, g, innerLayers, modelLayer.className().equals("Sequential"));
    }

    /**
     * The layer's own {@code vars/0..n-1}, then those of its sub-layers ({@code cell}, {@code forward_layer/cell},
     * {@code query_dense}...) group by group in name order, each tagged with its {@link WeightArray#group()}.
     */
    @Override
    public List<WeightArray> weights(LayerSpec layer) {
        Group g = groupOf(layer);
        if (g == null) return List.of();
        List<WeightArray> out = new ArrayList<>();
        collect(layer, g, "", out);
        return out;
    }

    private void collect(LayerSpec layer, Group g, String group, List<WeightArray> out) {
        if (g.getChildren().get("vars") instanceof Group vars) {
            int n = 0;
            for (int i = 0; ; i++, n++) {
                Node d = vars.getChildren().get(Integer.toString(i));
                if (d == null) break;
                if (!(d instanceof Dataset ds)) throw new KerasImportException(file + ": '" + d.getPath() + "' is not a dataset");
                out.add(new WeightArray(file, ds.getPath(), ds, group));
            }
            if (n != vars.getChildren().size()) {
                throw new KerasImportException(file + ": layer '" + layer.name() + "' (" + layer.className() + "): " + vars.getPath()
                        + " holds entries that are not numbered 0.." + (n - 1) + ": " + vars.getChildren().keySet());
            }
        }
        for (String child : new java.util.TreeSet<>(g.getChildren().keySet())) {
            if (!child.equals("vars") && g.getChildren().get(child) instanceof Group sub) collect(layer, sub, group.isEmpty() ? child : group + "/" + child, out);
        }
    }

    @Override
    public String describe() {
        return "Keras 3 weights by " + (byName.isEmpty() ? "layer position" : "layer name");
    }
}
