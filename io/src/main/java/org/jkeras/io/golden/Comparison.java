package org.jkeras.io.golden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jkeras.KerasModel;
import org.jkeras.runtime.Model;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Runs a model on a golden file's inputs and compares every output, and every recorded layer output, with what
 * Keras saved. Inputs and outputs are matched by Keras name where the golden file names them, by position
 * otherwise. Layer outputs are matched to runtime nodes by layer name (a layer inside a nested model is
 * {@code outer/inner} in jkeras; the nested model's own name stands for its output), the k-th call of a shared
 * layer by its k-th node in graph order.
 */
public final class Comparison {

    /**
     * One model output against its recording.
     *
     * @param index the output's position in the model
     * @param name  its Keras name
     * @param key   its key ({@link KerasModel#outputKeys()}: the name, or {@code name:<position>} where several
     *              outputs share the name)
     * @param stats how far jkeras' values are from the recorded ones
     */
    public record OutputResult(int index, String name, String key, Stats stats) {
        /** Whether the output is within the tolerance. */
        public boolean pass() {
            return stats.pass();
        }
    }

    /**
     * A layer output that differs from its recording.
     *
     * @param layer      the jkeras layer ({@code outer/inner} inside a nested model)
     * @param kerasClass its Keras class
     * @param goldenKey  how the golden file names the recording
     * @param output     which output of the layer's call
     * @param stats      how far jkeras' values are from the recorded ones
     */
    public record LayerResult(String layer, String kerasClass, String goldenKey, int output, Stats stats) {
    }

    /**
     * The outcome.
     *
     * @param golden           the golden file or folder, as given
     * @param goldenKind       its layout, described
     * @param atol             the absolute tolerance
     * @param rtol             the relative tolerance
     * @param outputs          per model output, in model order
     * @param layersCompared   recorded layer outputs that were compared
     * @param divergent        the layer outputs outside the tolerance, in graph order; the first is where jkeras and
     *                         Keras part
     * @param unmatched        recorded layer outputs with no jkeras counterpart (not compared)
     * @param namesInOrder     false when the golden file names its inputs or outputs in an order other than the model's
     * @param notes            remarks for the report
     */
    public record Result(String golden, String goldenKind, double atol, double rtol, List<OutputResult> outputs, int layersCompared,
                         List<LayerResult> divergent, List<String> unmatched, boolean namesInOrder, List<String> notes) {
        /** True when every output is within the tolerance (layer outputs do not decide it). */
        public boolean pass() {
            return outputs.stream().allMatch(OutputResult::pass);
        }

        /** The first layer, in graph order, whose output diverges; null when none does or none was recorded. */
        public LayerResult firstDivergence() {
            return divergent.isEmpty() ? null : divergent.get(0);
        }
    }

    private Comparison() {
    }

    /** Runs {@code model} on the golden inputs; compares outputs and recorded layer outputs at the tolerance. */
    public static Result run(KerasModel model, GoldenFile golden, double atol, double rtol) {
        if (!(atol >= 0) || !(rtol >= 0)) throw new IllegalArgumentException("tolerances must be non-negative, got atol " + atol + ", rtol " + rtol);
        Model g = model.graph();
        List<String> notes = new ArrayList<>();
        boolean[] inOrder = {true};
        int[] inputOrder = match(golden.inputs(), g.inputNames(), g.inputNames(), "input", golden.source(), inOrder, notes);
        int[] outputOrder = match(golden.outputs(), g.outputNames(), g.outputKeys(), "output", golden.source(), inOrder, notes);
        Tensor[] in = new Tensor[g.inputs().size()];
        for (int i = 0; i < inputOrder.length; i++) {
            Model.Input spec = g.inputs().get(inputOrder[i]);
            in[inputOrder[i]] = fit(golden.inputs().get(i).tensor(), spec, golden.source());
        }

        Map<Integer, GoldenFile.Activation> byValue = golden.activations().isEmpty() ? Map.of() : matchActivations(model, golden, notes);
        List<String> unmatched = new ArrayList<>();
        if (!golden.activations().isEmpty()) {
            Set<GoldenFile.Activation> used = new HashSet<>(byValue.values());
            for (GoldenFile.Activation a : golden.activations()) {
                if (!used.contains(a) && !g.inputNames().contains(a.layer())) unmatched.add(a.key());
            }
        }
        List<LayerResult> divergent = new ArrayList<>();
        int[] compared = {0};
        Tensor[] out = g.predict(in, byValue.isEmpty() ? null : (node, tensors) -> {
            int[] values = node.outputs();
            for (int k = 0; k < values.length; k++) {
                GoldenFile.Activation a = byValue.get(values[k]);
                if (a == null) continue;
                compared[0]++;
                Stats s = Stats.of(a.tensor(), tensors.get(k), atol, rtol);
                if (!s.pass()) divergent.add(new LayerResult(node.layer().name(), node.layer().kerasClass(), a.key(), k, s));
            }
        });

        List<OutputResult> results = new ArrayList<>();
        for (int o = 0; o < g.outputs().size(); o++) results.add(null);
        for (int i = 0; i < outputOrder.length; i++) {
            int o = outputOrder[i];
            results.set(o, new OutputResult(o, g.outputNames().get(o), g.outputKeys().get(o), Stats.of(golden.outputs().get(i).tensor(), out[o], atol, rtol)));
        }
        if (!inOrder[0]) notes.add("the golden file lists inputs or outputs in another order than the model: matched by name");
        return new Result(golden.source(), golden.kind().description(), atol, rtol, List.copyOf(results), compared[0], List.copyOf(divergent),
                List.copyOf(unmatched), inOrder[0], List.copyOf(notes));
    }

    /**
     * For each golden array, the index of the model input/output it feeds: by name when the golden names them, by
     * position when it names none, or when a single array's name differs from the model's single name (Keras
     * versions name the same input differently, e.g. {@code dense_input_1} and {@code dense_1_input}; noted). A name
     * that several model outputs share (Keras 3 names outputs by layer) goes to the first of them not yet matched, so
     * such outputs are matched by their order; a key {@code name:<position>} names the output at that position.
     */
    private static int[] match(List<GoldenFile.Array> golden, List<String> modelNames, List<String> modelKeys, String what, String source,
                               boolean[] inOrder, List<String> notes) {
        if (golden.size() != modelNames.size()) {
            throw new IllegalArgumentException(source + ": " + golden.size() + " " + what + "(s) recorded, the model has " + modelNames.size() + " "
                    + modelKeys);
        }
        int[] idx = new int[golden.size()];
        boolean named = golden.stream().allMatch(a -> a.name() != null);
        if (named && golden.size() == 1 && !golden.get(0).name().equals(modelNames.get(0))) {
            notes.add("recorded " + what + " '" + golden.get(0).name() + "' compared with the model's only " + what + " '" + modelNames.get(0) + "'");
            named = false;
        }
        Set<Integer> seen = new HashSet<>();
        Set<String> byOrder = new java.util.TreeSet<>();
        for (int i = 0; i < idx.length; i++) {
            if (!named) {
                idx[i] = i;
                continue;
            }
            String n = golden.get(i).name();
            idx[i] = modelKeys.indexOf(n);
            if (idx[i] < 0 && modelNames.indexOf(n) != modelNames.lastIndexOf(n)) {
                for (int p = 0; p < modelNames.size() && idx[i] < 0; p++) if (modelNames.get(p).equals(n) && !seen.contains(p)) idx[i] = p;
                byOrder.add(n);
            }
            if (idx[i] < 0 && modelNames.contains(n)) {
                throw new IllegalArgumentException(source + ": " + what + " '" + n + "' is recorded more times than the model has " + what + "s of that name "
                        + modelKeys);
            }
            if (idx[i] < 0) {
                throw new IllegalArgumentException(source + ": recorded " + what + " '" + n + "' is not a model " + what + "; the model's "
                        + what + "s are " + modelKeys);
            }
            if (!seen.add(idx[i])) throw new IllegalArgumentException(source + ": " + what + " '" + n + "' is recorded twice");
            if (idx[i] != i) inOrder[0] = false;
        }
        for (String n : byOrder) notes.add("several " + what + "s are named '" + n + "': matched by their order");
        return idx;
    }

    /** The recorded array fitted to a model input: as is, or reshaped to (batch, sample shape) when the sizes agree. */
    private static Tensor fit(Tensor t, Model.Input spec, String source) {
        Shape want = spec.shape(), got = t.shape();
        if (got.rank() == want.rank() + 1) {
            boolean ok = true;
            for (int a = 0; a < want.rank(); a++) ok &= want.dim(a) == Shape.UNKNOWN || want.dim(a) == got.dim(a + 1);
            if (ok) return t;
        }
        if (want.isFullyKnown() && got.rank() >= 1 && want.size() > 0 && t.rowSize() == want.size()) return t.reshape(want.prepend(got.dim(0)));
        throw new IllegalArgumentException(source + ": recorded input for '" + spec.name() + "' has shape " + got + ", the model takes "
                + want.prepend(Shape.UNKNOWN));
    }

    /** Runtime value → recorded layer output. */
    private static Map<Integer, GoldenFile.Activation> matchActivations(KerasModel model, GoldenFile golden, List<String> notes) {
        Model g = model.graph();
        Map<String, GoldenFile.Activation> byKey = new HashMap<>();
        for (GoldenFile.Activation a : golden.activations()) byKey.put(key(a.layer(), a.node(), a.output()), a);
        Map<Integer, GoldenFile.Activation> byValue = new LinkedHashMap<>();
        Map<String, Integer> calls = new HashMap<>();
        Set<String> layerNames = new HashSet<>();
        List<String> fused = new ArrayList<>();
        for (Model.Node n : g.nodes()) {
            String name = n.layer().name();
            layerNames.add(name);
            int call = calls.merge(name, 1, Integer::sum) - 1;
            int[] values = n.outputs();
            List<String> absorbed = n.layer().fusedFrom();
            if (!absorbed.isEmpty()) {
                // a fused layer produces the last absorbed layer's output; its own value is gone
                String last = absorbed.get(absorbed.size() - 1);
                layerNames.addAll(absorbed);
                GoldenFile.Activation a = byKey.get(key(last, 0, 0));
                if (a != null) byValue.put(values[0], a);
                fused.add(name);
                continue;
            }
            for (int k = 0; k < values.length; k++) {
                GoldenFile.Activation a = byKey.get(key(name, call, k));
                if (a != null) byValue.put(values[k], a);
            }
        }
        if (!fused.isEmpty()) {
            notes.add("the model was loaded with fusion: layer outputs of fused layers " + fused + " cannot be compared; load it with "
                    + "KerasModel.loader().fuse(false)");
        }
        // a nested model recorded as one layer: its outputs are values of its inner layers, which the importer
        // names per call (without fusion); otherwise the values its inner layers hand to the outside
        for (GoldenFile.Activation a : golden.activations()) {
            if (layerNames.contains(a.layer()) || byValue.containsValue(a)) continue;
            List<List<Integer>> nested = model.nestedOutputs().get(a.layer());
            if (nested != null) {
                if (a.node() < nested.size() && a.output() < nested.get(a.node()).size()) byValue.putIfAbsent(nested.get(a.node()).get(a.output()), a);
                continue;
            }
            List<Integer> exits = exits(g, a.layer() + "/");
            if (a.node() == 0 && a.output() < exits.size()) byValue.putIfAbsent(exits.get(a.output()), a);
        }
        return byValue;
    }

    /** Values made by nodes under {@code prefix} and read outside it (or model outputs), in value order. */
    private static List<Integer> exits(Model g, String prefix) {
        Set<Integer> inside = new HashSet<>();
        for (Model.Node n : g.nodes()) {
            if (n.layer().name().startsWith(prefix)) for (int v : n.outputs()) inside.add(v);
        }
        if (inside.isEmpty()) return List.of();
        java.util.TreeSet<Integer> exits = new java.util.TreeSet<>();
        for (Model.Node n : g.nodes()) {
            if (n.layer().name().startsWith(prefix)) continue;
            for (int v : n.inputs()) if (inside.contains(v)) exits.add(v);
        }
        for (Model.Output o : g.outputs()) if (inside.contains(o.value())) exits.add(o.value());
        return new ArrayList<>(exits);
    }

    private static String key(String layer, int node, int output) {
        return layer + "\u0000" + node + "\u0000" + output;
    }
}
