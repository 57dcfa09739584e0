package org.jkeras.importer;

import java.util.ArrayList;
import java.util.List;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import org.jkeras.KerasImportException;

/**
 * The HDF5 layout every Keras generation writes with {@code model.save("m.h5")} (under {@code model_weights/})
 * or {@code save_weights("w.h5")} (at the root): one group per layer carrying {@code weight_names}, each name
 * the dataset path inside that group ({@code dense_1_W}, {@code dense_1/kernel:0}, {@code seq/dense/kernel}).
 */
public final class LegacyWeights implements WeightStore {
    private final String file;
    private final Group root;

    public LegacyWeights(String file, Group root) {
        this.file = file;
        this.root = root;
    }

    @Override
    public List<WeightArray> weights(LayerSpec layer) {
        Node g = root.getChildren().get(layer.name());
        if (g == null) return List.of(); // layers without weights may have no group (Keras 1)
        if (!(g instanceof Group group)) throw new KerasImportException(file + ": '" + g.getPath() + "' is not a group");
        List<String> names = Hdf5.strings(group, "weight_names");
        if (names == null) throw new KerasImportException(file + ": layer group '" + group.getPath() + "' has no 'weight_names' attribute");
        List<WeightArray> out = new ArrayList<>();
        for (String n : names) {
            Node d = null;
            RuntimeException notFound = null;
            try {
                d = group.getByPath(n);
            } catch (RuntimeException e) {
                notFound = e;
            }
            if (!(d instanceof Dataset ds)) {
                throw new KerasImportException(file + ": layer '" + layer.name() + "' (" + layer.className() + "): weight '" + n
                        + "' listed in weight_names is not a dataset in " + group.getPath(), notFound);
            }
            out.add(new WeightArray(file, ds.getPath(), ds));
        }
        return out;
    }

    /**
     * A nested model keeps all its layers' weights in its own group, in one {@code weight_names} list
     * ({@code inner/dense_1/kernel}, {@code dense_1/kernel:0}, {@code dense_1_W}); each inner layer takes the
     * names that mention it as a path component (or, Keras 1, as the name's prefix).
     */
    @Override
    public WeightStore nested(LayerSpec modelLayer, List<LayerSpec> innerLayers) {
        Node g = root.getChildren().get(modelLayer.name());
        if (!(g instanceof Group group)) return WeightStore.NONE;
        List<String> names = Hdf5.strings(group, "weight_names");
        return new Scoped(file, group, names == null ? List.of() : names);
    }

    @Override
    public String describe() {
        return "HDF5 weights by weight_names";
    }

    /** The weights of a nested model: one group, one name list shared by its layers. */
    private static final class Scoped implements WeightStore {
        private final String file;
        private final Group group;
        private final List<String> names;

        Scoped(String file, Group group, List<String> names) {
            this.file = file;
            this.group = group;
            this.names = names;
        }

        private List<String> mine(String layer) {
            List<String> out = new ArrayList<>();
            for (String n : names) {
                String[] parts = n.split("/");
                boolean match = parts.length == 1 && n.startsWith(layer + "_");
                for (int i = 0; i < parts.length - 1 && !match; i++) match = parts[i].equals(layer);
                if (match) out.add(n);
            }
            return out;
        }

        @Override
        public List<WeightArray> weights(LayerSpec layer) {
            List<WeightArray> out = new ArrayList<>();
            for (String n : mine(layer.name())) {
                Node d = group.getByPath(n);
                if (!(d instanceof Dataset ds)) throw new KerasImportException(file + ": weight '" + n + "' is not a dataset in " + group.getPath());
                out.add(new WeightArray(file, ds.getPath(), ds));
            }
            return out;
        }

        @Override
        public WeightStore nested(LayerSpec modelLayer, List<LayerSpec> innerLayers) {
            return new Scoped(file, group, mine(modelLayer.name()));
        }

        @Override
        public String describe() {
            return "HDF5 weights by weight_names";
        }
    }
}
