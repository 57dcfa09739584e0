package org.jkeras.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;

import org.jkeras.KerasImportException;
import org.jkeras.UnsupportedModelException;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.Shape;

/**
 * Builds the runtime {@link Model} from a {@link ModelSpec}: checks every layer class and activation first
 * (so all unsupported parts are reported together), then maps layers in topological order of their calls,
 * each layer once however many times it is called.
 */
public final class GraphBuilder {
    private final String file;
    private final Semantics semantics;
    private final WeightStore weights;

    public GraphBuilder(String file, Semantics semantics, WeightStore weights) {
        this.file = file;
        this.semantics = semantics;
        this.weights = weights;
    }

    public Model build(ModelSpec spec) {
        checkSupported(spec);
        Map<String, LayerSpec> byName = new LinkedHashMap<>();
        for (LayerSpec l : spec.layers()) {
            if (byName.put(l.name(), l) != null) throw new KerasImportException(file + ": two layers are named '" + l.name() + "'");
        }

        List<Model.Input> inputs = new ArrayList<>();
        Map<TensorRef, Integer> values = new HashMap<>();
        for (TensorRef ref : spec.inputs()) {
            LayerSpec l = byName.get(ref.layer());
            if (l == null) throw new KerasImportException(file + ": model input " + ref + " names no layer");
            if (!l.isInput()) throw new KerasImportException(file + ": model input " + ref + " is a " + l.className() + ", not an InputLayer");
            values.put(new TensorRef(l.name(), 0, 0), inputs.size());
            inputs.add(new Model.Input(l.name(), inputShape(l)));
        }

        // pending calls (layer, node index), resolved when all their inputs are
        List<int[]> pending = new ArrayList<>();
        List<LayerSpec> order = new ArrayList<>(byName.values());
        for (int li = 0; li < order.size(); li++) {
            LayerSpec l = order.get(li);
            if (l.isInput()) {
                if (!values.containsKey(new TensorRef(l.name(), 0, 0))) {
                    throw new KerasImportException(file + ": InputLayer '" + l.name() + "' is not among the model's inputs " + spec.inputs());
                }
                continue;
            }
            for (int n = 0; n < l.inboundNodes().size(); n++) pending.add(new int[] {li, n});
        }

        List<Model.Node> nodes = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (Model.Input in : inputs) shapes.add(in.shape());
        Map<String, Layer> built = new HashMap<>();
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (int p = 0; p < pending.size(); p++) {
                LayerSpec l = order.get(pending.get(p)[0]);
                int node = pending.get(p)[1];
                List<TensorRef> args = l.inboundNodes().get(node);
                int[] in = new int[args.size()];
                boolean ready = true;
                for (int a = 0; a < in.length && ready; a++) {
                    Integer v = values.get(args.get(a));
                    ready = v != null;
                    if (ready) in[a] = v;
                }
                if (!ready) continue;
                List<Shape> inShapes = new ArrayList<>();
                for (int v : in) inShapes.add(shapes.get(v));
                Layer layer = built.get(l.name());
                if (layer == null) {
                    layer = map(l, inShapes);
                    built.put(l.name(), layer);
                }
                Shape out;
                try {
                    out = layer.outputShape(inShapes);
                } catch (IllegalArgumentException e) {
                    throw new KerasImportException(file + ": layer '" + l.name() + "' (" + l.className() + "): " + e.getMessage(), e);
                }
                int value = inputs.size() + nodes.size();
                nodes.add(new Model.Node(layer, in, value));
                shapes.add(out);
                values.put(new TensorRef(l.name(), node, 0), value);
                pending.remove(p--);
                progress = true;
            }
        }
        if (!pending.isEmpty()) {
            List<String> stuck = new ArrayList<>();
            for (int[] p : pending) {
                LayerSpec l = order.get(p[0]);
                for (TensorRef r : l.inboundNodes().get(p[1])) {
                    if (!values.containsKey(r)) {
                        String why = !byName.containsKey(r.layer()) ? "names no layer"
                                : r.tensor() != 0 ? "is output " + r.tensor() + " of a single-output layer" : "is never computed (a cycle, or a missing call)";
                        stuck.add("layer '" + l.name() + "' (" + l.className() + ") reads " + r + ", which " + why);
                    }
                }
            }
            throw new KerasImportException(file + ": the model graph cannot be ordered:\n  " + String.join("\n  ", stuck));
        }

        List<Model.Output> outputs = new ArrayList<>();
        for (int o = 0; o < spec.outputs().size(); o++) {
            TensorRef ref = spec.outputs().get(o);
            Integer v = values.get(ref);
            if (v == null) throw new KerasImportException(file + ": model output " + ref + " is not computed by the graph");
            outputs.add(new Model.Output(spec.outputNames().get(o), v));
        }
        try {
            return new Model(spec.name(), inputs, nodes, outputs);
        } catch (IllegalArgumentException e) {
            throw new KerasImportException(file + ": " + e.getMessage(), e);
        }
    }

    private Layer map(LayerSpec l, List<Shape> inShapes) {
        MapContext ctx = new MapContext(l, file, semantics, inShapes, weights.weights(l));
        try {
            return LayerMappers.get(l.className()).map(ctx);
        } catch (KerasImportException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw ctx.error(e.getMessage());
        }
    }

    /** Every class and activation that jkeras cannot run, all at once. */
    private void checkSupported(ModelSpec spec) {
        List<String> problems = new ArrayList<>();
        Set<String> classes = new HashSet<>();
        for (LayerSpec l : spec.layers()) {
            String where = "layer '" + l.name() + "' (" + l.className() + ")";
            if (!l.isInput() && LayerMappers.get(l.className()) == null) {
                problems.add(where + ": layer class '" + l.className() + "' is not supported");
                classes.add(l.className());
                continue;
            }
            for (String key : new String[] {"activation", "recurrent_activation"}) {
                JsonElement e = l.config().get(key);
                if (e == null || e.isJsonNull()) continue;
                try {
                    ActivationConfig.parse(new Config(l.config(), where), semantics, null, key);
                } catch (KerasImportException ex) {
                    problems.add(where + ": config key '" + key + "': " + ex.getMessage().replaceFirst("^.*config key '" + key + "': ", ""));
                }
            }
        }
        if (!problems.isEmpty()) {
            if (!classes.isEmpty()) problems.add("supported layer classes: " + String.join(", ", LayerMappers.supported()));
            throw new UnsupportedModelException(file, problems);
        }
    }

    private Shape inputShape(LayerSpec l) {
        Config cfg = new Config(l.config(), file + ": layer '" + l.name() + "' (InputLayer)");
        int[] dims;
        if (cfg.has("batch_shape", "batch_input_shape")) {
            int[] batch = cfg.getIntArray("batch_shape", "batch_input_shape");
            if (batch.length == 0) throw cfg.error("batch_shape", "is empty");
            dims = java.util.Arrays.copyOfRange(batch, 1, batch.length);
        } else if (cfg.has("shape", "input_shape")) {
            dims = cfg.getIntArray("shape", "input_shape");
        } else {
            throw new KerasImportException(file + ": layer '" + l.name() + "' (InputLayer): missing config key 'batch_shape' (or batch_input_shape, shape)");
        }
        for (int d : dims) if (d < -1 || d == 0) throw cfg.error("batch_shape", "bad dimension " + d);
        return Shape.of(dims);
    }
}
