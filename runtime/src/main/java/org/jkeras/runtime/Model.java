package org.jkeras.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.kernels.DenseChain;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.layers.Dense;

/**
 * An immutable graph of layers. Values are numbered: inputs first, then the outputs of each node in order,
 * nodes in topological order, so {@link #predict} runs them top to bottom. One layer may serve several nodes
 * (a shared layer). One model serves many threads at once.
 */
public final class Model {

    /**
     * A model input: its Keras name, per-sample shape (dimensions may be unknown) and the dtype Keras declares for
     * it ({@code "float32"}, {@code "int32"} for token ids, {@code "string"} for text, …); jkeras holds every number
     * as float32, and a {@code "string"} input takes a string tensor ({@link Tensor#ofStrings}).
     *
     * @param name  the Keras input name
     * @param shape the per-sample shape, batch axis excluded
     * @param dtype the dtype Keras declares
     */
    public record Input(String name, Shape shape, String dtype) {
        /** A float32 input. */
        public Input(String name, Shape shape) {
            this(name, shape, "float32");
        }

        /** Whether the input takes strings (dtype {@code "string"}). */
        public boolean isString() {
            return STRING.equals(dtype);
        }
    }

    /** The dtype of string values. */
    public static final String STRING = "string";

    /**
     * A layer applied to values {@code inputs}; its outputs are values {@code outputs}. {@code masks[i]}, unless -1, is
     * the value holding a mask passed explicitly for input i (Keras' {@code mask=} call argument, a (batch, steps)
     * tensor read as {@link Mask#of}); it replaces the mask that input carries.
     *
     * @param layer   the layer (one layer may serve several nodes)
     * @param inputs  the values it reads, in call order
     * @param outputs the values it makes
     * @param masks   per input, the value of an explicit mask or -1; null for none
     */
    public record Node(Layer layer, int[] inputs, int[] outputs, int[] masks) {
        public Node {
            inputs = inputs.clone();
            outputs = outputs.clone();
            if (masks == null) {
                masks = new int[inputs.length];
                Arrays.fill(masks, -1);
            } else {
                masks = masks.clone();
            }
            if (masks.length != inputs.length) throw new IllegalArgumentException("node '" + layer.name() + "': " + masks.length + " mask slots for " + inputs.length + " inputs");
        }

        /** A node whose inputs carry their own masks. */
        public Node(Layer layer, int[] inputs, int[] outputs) {
            this(layer, inputs, outputs, null);
        }

        /** A single-output node. */
        public Node(Layer layer, int[] inputs, int output) {
            this(layer, inputs, new int[] {output});
        }

        @Override
        public int[] inputs() {
            return inputs.clone();
        }

        @Override
        public int[] outputs() {
            return outputs.clone();
        }

        @Override
        public int[] masks() {
            return masks.clone();
        }

        /** Whether some input's mask is passed explicitly. */
        public boolean hasExplicitMasks() {
            for (int m : masks) if (m >= 0) return true;
            return false;
        }

        /** The first (usually only) output value. */
        public int output() {
            return outputs[0];
        }
    }

    /**
     * A model output.
     *
     * @param name  its Keras name
     * @param value the value it reads
     * @param dtype the dtype Keras gives it ({@code "float32"}, {@code "bool"}, …)
     */
    public record Output(String name, int value, String dtype) {
        /** A float32 output. */
        public Output(String name, int value) {
            this(name, value, "float32");
        }
    }

    private final String name;
    private final List<Input> inputs;
    private final List<Node> nodes;
    private final List<Output> outputs;
    private final Shape[] valueShapes; // per-sample shape of every value
    private final int[] lastUse;       // index of the last node reading each value (-1: none), to free early
    private final DenseChain[] chains; // chains[n]: nodes n .. n + length - 1 are Dense layers run as one DenseChain
    private final boolean[] masked;    // per value: whether it can carry a timestep mask (decided here, from the graph)
    private final boolean[][] cleared; // cleared[n][i]: node n sees input i unmasked, a layer run before it in Keras deleted the mask
    private final boolean[] strings;   // per value: whether it holds strings

    /**
     * A graph: its inputs are values 0 … inputs − 1, each node's outputs the values after them, in node order. Checks
     * that every node reads values made before it and works out every value's shape.
     *
     * @throws IllegalArgumentException when the graph is not in that order or a layer refuses its input shapes
     */
    public Model(String name, List<Input> inputs, List<Node> nodes, List<Output> outputs) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.nodes = List.copyOf(nodes);
        this.outputs = List.copyOf(outputs);
        int values = inputs.size();
        for (Node n : nodes) values += n.outputs.length;
        valueShapes = new Shape[values];
        strings = new boolean[values];
        String[] makers = new String[values]; // who makes each value, for errors
        for (int i = 0; i < inputs.size(); i++) {
            valueShapes[i] = inputs.get(i).shape();
            strings[i] = inputs.get(i).isString();
            makers[i] = "input '" + inputs.get(i).name() + "'";
        }
        lastUse = new int[values];
        Arrays.fill(lastUse, -1);
        int next = inputs.size();
        for (int n = 0; n < nodes.size(); n++) {
            Node node = nodes.get(n);
            if (node.outputs.length != node.layer().outputCount()) {
                throw new IllegalArgumentException("node '" + node.layer().name() + "' has " + node.outputs.length + " outputs, its layer "
                        + node.layer().outputCount());
            }
            List<Shape> in = new ArrayList<>();
            for (int v : node.inputs) {
                if (v < 0 || v >= next) {
                    throw new IllegalArgumentException("node '" + node.layer().name() + "' reads value " + v + " that is not computed before it");
                }
                in.add(valueShapes[v]);
                lastUse[v] = n;
                checkKind(node.layer(), strings[v], makers[v]);
            }
            for (int i = 0; i < node.masks.length; i++) {
                int m = node.masks[i];
                if (m < 0) continue;
                if (m >= next) throw new IllegalArgumentException("node '" + node.layer().name() + "' reads mask value " + m + " that is not computed before it");
                checkMaskShape(node, i, valueShapes[m], valueShapes[node.inputs[i]]);
                lastUse[m] = n;
            }
            List<Shape> out = node.layer().outputShapes(in);
            for (int k = 0; k < node.outputs.length; k++) {
                if (node.outputs[k] != next) throw new IllegalArgumentException("node " + n + " must produce value " + next);
                strings[next] = node.layer().makesStrings();
                makers[next] = "layer '" + node.layer().name() + "' (" + node.layer().kerasClass() + ")";
                valueShapes[next++] = out.get(k);
            }
        }
        for (Output o : outputs) {
            if (o.value() < 0 || o.value() >= values) throw new IllegalArgumentException("output '" + o.name() + "' reads no value");
            lastUse[o.value()] = Integer.MAX_VALUE;
        }
        chains = denseChains(this.nodes, this.outputs, values);
        cleared = MaskFlow.cleared(this.nodes, this.outputs, values);
        masked = MaskFlow.masked(this.nodes, inputs.size(), values, cleared);
    }

    /** Strings reach only layers that read them, numbers only layers that read numbers. */
    private static void checkKind(Layer layer, boolean text, String maker) {
        if (text && !layer.takesStrings()) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' (" + layer.kerasClass() + ") reads the strings of " + maker
                    + "; only TextVectorization, StringLookup, Hashing and HashedCrossing take strings");
        }
        if (!text && !layer.takesNumbers()) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' (" + layer.kerasClass() + ") takes strings; " + maker + " gives numbers");
        }
    }

    /** An explicit mask is (batch, steps) for an input of (batch, steps, ...). */
    private static void checkMaskShape(Node node, int input, Shape mask, Shape x) {
        boolean ok = mask.rank() == 1 && x.rank() >= 1
                && (mask.dim(0) == x.dim(0) || mask.dim(0) == Shape.UNKNOWN || x.dim(0) == Shape.UNKNOWN);
        if (!ok) {
            throw new IllegalArgumentException("node '" + node.layer().name() + "': the mask given for input " + input + " has shape "
                    + mask.prepend(Shape.UNKNOWN) + "; a timestep mask of an input " + x.prepend(Shape.UNKNOWN) + " is (batch, steps)");
        }
    }

    /**
     * Runs of consecutive Dense nodes where each reads the previous one's output and that output has no other
     * reader and is not a model output: predict runs each run depth first, without materialising the
     * intermediate values (same numbers, see {@link DenseChain}).
     */
    private static DenseChain[] denseChains(List<Node> nodes, List<Output> outputs, int values) {
        int[] readers = new int[values];
        for (Node n : nodes) for (int v : n.inputs) readers[v]++;
        for (Output o : outputs) readers[o.value()] += 2; // an output is never an intermediate
        DenseChain[] chains = new DenseChain[nodes.size()];
        for (int n = 0; n < nodes.size(); ) {
            int end = n;
            if (nodes.get(n).layer() instanceof Dense && nodes.get(n).inputs.length == 1 && !nodes.get(n).hasExplicitMasks()) {
                while (end + 1 < nodes.size() && nodes.get(end + 1).layer() instanceof Dense && nodes.get(end + 1).inputs.length == 1
                        && !nodes.get(end + 1).hasExplicitMasks()
                        && nodes.get(end + 1).inputs[0] == nodes.get(end).outputs[0] && readers[nodes.get(end).outputs[0]] == 1) {
                    end++;
                }
            }
            if (end > n) {
                List<DenseKernel> kernels = new ArrayList<>();
                for (int i = n; i <= end; i++) kernels.add(((Dense) nodes.get(i).layer()).kernel());
                chains[n] = new DenseChain(kernels);
            }
            n = end + 1;
        }
        return chains;
    }

    /** The Keras model name. */
    public String name() {
        return name;
    }

    /** The inputs, in Keras input order. */
    public List<Input> inputs() {
        return inputs;
    }

    /** The nodes in run order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The outputs, in Keras output order. */
    public List<Output> outputs() {
        return outputs;
    }

    /** Number of values: inputs plus every node output. */
    public int valueCount() {
        return valueShapes.length;
    }

    /** Per-sample shape of a value. */
    public Shape valueShape(int value) {
        return valueShapes[value];
    }

    /**
     * Whether a value can carry a timestep mask: made by a masking layer, passed along by layers that support masking,
     * merged by the rules of the file's Keras generation. Decided from the graph when the model is built; at run time
     * a value marked false never has a mask.
     */
    public boolean canCarryMask(int value) {
        return masked[value];
    }

    /** Whether a value holds strings: a string input, or the output of a layer that makes strings. */
    public boolean holdsStrings(int value) {
        return strings[value];
    }

    /** Parameters of every distinct layer (a shared layer counts once). */
    public long paramCount() {
        long n = 0;
        java.util.Set<Layer> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Node node : nodes) if (seen.add(node.layer())) n += node.layer().paramCount();
        return n;
    }

    /** Runs the graph on one tensor per input, in {@link #inputs()} order; returns one per output. */
    public Tensor[] predict(Tensor... in) {
        return run(in, null, null);
    }

    /**
     * Runs the graph as {@link #predict} does and adds each node's wall time, in nanoseconds, to
     * {@code nanosPerNode[n]} (node {@code n} of {@link #nodes()}; a chain of Dense layers run as one kernel counts
     * on its first node). For profiling: the timing costs two clock reads per node.
     */
    public Tensor[] predictTimed(Tensor[] in, long[] nanosPerNode) {
        if (nanosPerNode.length != nodes.size()) throw new IllegalArgumentException(nanosPerNode.length + " slots for " + nodes.size() + " nodes");
        return run(in, null, nanosPerNode);
    }

    /**
     * For a model with one input of fully known per-sample shape and one output: each row of {@code x} is one
     * sample flattened in C order ({@code inputs().get(0).shape().size()} values each, checked); returns one new
     * array per sample, its output flattened the same way. Same numbers as {@link #predict}; a
     * model that is one chain of Dense layers reads the rows in place and writes the result rows directly.
     */
    public float[][] predictRows(float[][] x) {
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw new PredictException("predict on rows needs one input and one output; model '" + name + "' has inputs " + inputNames()
                    + " and outputs " + outputNames() + ": use predict(Map)");
        }
        Shape sample = inputs.get(0).shape();
        if (inputs.get(0).isString()) {
            throw new PredictException("input '" + inputs.get(0).name() + "' takes strings: use predict(Map) with Tensor.ofStrings, or KerasModel.predict(String[])");
        }
        if (strings[outputs.get(0).value()]) {
            throw new PredictException("output '" + outputs.get(0).name() + "' holds strings: use predict(Tensor...) and Tensor.strings()");
        }
        if (!sample.isFullyKnown()) {
            throw new PredictException("input '" + inputs.get(0).name() + "' has shape " + sample + " with unknown dimensions: use predict(Map) with a shaped Tensor");
        }
        if (x.length == 0) return new float[0][];
        for (int r = 0; r < x.length; r++) {
            if (x[r] == null || x[r].length != sample.size()) {
                throw new PredictException("input '" + inputs.get(0).name() + "': row " + r + " has " + (x[r] == null ? "no" : x[r].length)
                        + " values, each sample of shape " + sample + " needs " + sample.size());
            }
        }
        DenseChain whole = chains.length == 0 ? null : chains[0];
        if (whole != null && whole.length() == nodes.size() && sample.rank() == 1 && nodes.get(0).inputs[0] == 0
                && outputs.get(0).value() == nodes.get(nodes.size() - 1).outputs[0]) {
            return whole.forwardRows(x);
        }
        return run(new Tensor[] {Tensor.fromRows(x).reshape(sample.prepend(x.length))}, null, null)[0].toRows();
    }

    /**
     * Runs the graph and also hands every node's outputs to {@code observer} as they are computed (for tracing
     * where a model diverges from Keras). The observer must not modify the tensors.
     */
    public Tensor[] predict(Tensor[] in, java.util.function.BiConsumer<Node, List<Tensor>> observer) {
        return run(in, observer, null);
    }

    private Tensor[] run(Tensor[] in, java.util.function.BiConsumer<Node, List<Tensor>> observer, long[] nanos) {
        if (in.length != inputs.size()) {
            throw new PredictException("model '" + name + "' takes " + inputs.size() + " input(s) " + inputNames() + ", got " + in.length);
        }
        Tensor[] values = new Tensor[valueShapes.length];
        Mask[] masks = new Mask[valueShapes.length]; // timestep masks, null where there is none
        // live values per array (reshapes share their input's): an array no value refers to goes back to the
        // Arena, unless the caller gave it (inputs) or may keep it (an observer sees every value)
        IdentityHashMap<float[], Integer> refs = observer == null ? new IdentityHashMap<>() : null;
        int batch = -1;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == null) throw new PredictException("input '" + inputs.get(i).name() + "' is null");
            checkInput(inputs.get(i), in[i]);
            if (batch >= 0 && in[i].batch() != batch) {
                throw new PredictException("inputs disagree on the batch size: " + batch + " vs " + in[i].batch() + " for '" + inputs.get(i).name() + "'");
            }
            batch = in[i].batch();
            values[i] = in[i];
            if (refs != null && !in[i].isString()) refs.put(in[i].data(), Integer.MAX_VALUE / 2); // never released
        }
        for (int n = 0; n < nodes.size(); n++) {
            long start = nanos == null ? 0 : System.nanoTime();
            int first = n;
            Node node = nodes.get(n);
            DenseChain chain = chains[n];
            if (chain != null && observer == null && masks[node.inputs[0]] == null) {
                Tensor x = values[node.inputs[0]];
                int rows = x.size() / chain.inputSize();
                float[] y = Arena.floats(Math.multiplyExact(rows, chain.outputWidth())); // every element written
                chain.forward(x.data(), 0, y, 0, rows);
                if (lastUse[node.inputs[0]] == n) drop(values, node.inputs[0], refs);
                n += chain.length() - 1;
                values[nodes.get(n).outputs[0]] = new Tensor(x.shape().withLast(chain.outputWidth()), y);
                hold(values[nodes.get(n).outputs[0]], refs);
                if (nanos != null) nanos[first] += System.nanoTime() - start;
                continue;
            }
            List<Tensor> args = new ArrayList<>(node.inputs.length);
            List<Mask> argMasks = new ArrayList<>(node.inputs.length);
            boolean masked = false;
            for (int i = 0; i < node.inputs.length; i++) {
                int v = node.inputs[i];
                args.add(values[v]);
                Mask m = node.masks[i] >= 0 ? explicitMask(node, values[node.masks[i]], values[v]) : cleared[n][i] ? null : masks[v];
                argMasks.add(m);
                masked |= m != null;
            }
            Layer layer = node.layer();
            List<Tensor> out = masked ? layer.forwardAll(args, argMasks)
                    : node.outputs.length == 1 ? List.of(layer.forward(args)) : layer.forwardAll(args);
            boolean masksOut = false; // whether any output can carry a mask: only then is it computed
            for (int v : node.outputs) masksOut |= this.masked[v];
            List<Mask> outMasks = masksOut ? layer.outputMasks(args, argMasks) : null;
            for (int k = 0; k < node.outputs.length; k++) {
                values[node.outputs[k]] = out.get(k);
                masks[node.outputs[k]] = masksOut && this.masked[node.outputs[k]] ? outMasks.get(k) : null;
                hold(out.get(k), refs);
            }
            if (observer != null) observer.accept(node, out);
            for (int v : node.inputs) release(values, masks, v, n, refs);
            for (int v : node.masks) if (v >= 0) release(values, masks, v, n, refs);
            if (nanos != null) nanos[first] += System.nanoTime() - start;
        }
        Tensor[] out = new Tensor[outputs.size()];
        for (int i = 0; i < out.length; i++) out[i] = values[outputs.get(i).value()];
        return out;
    }

    /** A mask passed in the call, checked against the input it masks (their steps may be known only now). */
    private static Mask explicitMask(Node node, Tensor mask, Tensor x) {
        Shape s = mask.shape();
        if (s.dim(0) != x.batch() || s.dim(1) != x.shape().dim(1)) {
            throw new PredictException("layer '" + node.layer().name() + "': the mask given in its call has shape " + s + ", its input " + x.shape());
        }
        return Mask.of(mask);
    }

    private void release(Tensor[] values, Mask[] masks, int v, int n, IdentityHashMap<float[], Integer> refs) {
        if (lastUse[v] == n && values[v] != null) {
            drop(values, v, refs);
            masks[v] = null;
        }
    }

    private static void hold(Tensor t, IdentityHashMap<float[], Integer> refs) {
        if (refs != null && !t.isString()) refs.merge(t.data(), 1, Integer::sum);
    }

    /** Forgets value v; its array goes back to the Arena when no other value of the run refers to it. */
    private static void drop(Tensor[] values, int v, IdentityHashMap<float[], Integer> refs) {
        Tensor t = values[v];
        values[v] = null;
        if (refs == null || t == null || t.isString()) return;
        float[] data = t.data();
        int left = refs.merge(data, -1, Integer::sum);
        if (left == 0) {
            refs.remove(data);
            Arena.release(data);
        }
    }

    /** Runs the graph on inputs given by name; returns outputs by {@link #outputKeys()}, in model order. */
    public Map<String, Tensor> predict(Map<String, Tensor> byName) {
        Tensor[] in = new Tensor[inputs.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = byName.get(inputs.get(i).name());
            if (in[i] == null) throw new PredictException("missing input '" + inputs.get(i).name() + "'; the model takes " + inputNames());
        }
        for (String given : byName.keySet()) {
            if (!inputNames().contains(given)) throw new PredictException("unknown input '" + given + "'; the model takes " + inputNames());
        }
        Tensor[] out = predict(in);
        Map<String, Tensor> result = new LinkedHashMap<>();
        List<String> keys = outputKeys();
        for (int i = 0; i < out.length; i++) result.put(keys.get(i), out[i]);
        return Collections.unmodifiableMap(result);
    }

    /**
     * One distinct key per output: its name, or {@code name:<position>} (0-based, among all outputs) where several
     * outputs share the name, as Keras 3 names every output by its layer (an LSTM's states, a shared layer's calls).
     */
    public List<String> outputKeys() {
        List<String> names = outputNames();
        List<String> keys = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            keys.add(names.indexOf(n) == names.lastIndexOf(n) ? n : n + ":" + i);
        }
        return keys;
    }

    /** The inputs' Keras names, in order. */
    public List<String> inputNames() {
        return inputs.stream().map(Input::name).toList();
    }

    /** The outputs' Keras names, in order; they may repeat (see {@link #outputKeys()}). */
    public List<String> outputNames() {
        return outputs.stream().map(Output::name).toList();
    }

    private static void checkInput(Input spec, Tensor t) {
        if (spec.isString() && !t.isString()) {
            throw new PredictException("input '" + spec.name() + "' takes strings (dtype string), got a numeric tensor " + t.shape() + ": use Tensor.ofStrings");
        }
        if (!spec.isString() && t.isString()) {
            throw new PredictException("input '" + spec.name() + "' takes numbers (dtype " + spec.dtype() + "), got strings");
        }
        Shape want = spec.shape();
        Shape got = t.shape();
        boolean ok = got.rank() == want.rank() + 1;
        for (int a = 0; ok && a < want.rank(); a++) {
            ok = want.dim(a) == Shape.UNKNOWN || want.dim(a) == got.dim(a + 1);
        }
        if (!ok) {
            throw new PredictException("input '" + spec.name() + "' expects shape " + want.prepend(Shape.UNKNOWN)
                    + " (batch first), got " + got);
        }
    }
}
